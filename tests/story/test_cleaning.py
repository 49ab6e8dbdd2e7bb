"""Identifying metadata left in old packages: validate names it, cleaning and export remove it."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PIL import Image

from media.identifying import identifying_metadata
from story.editing.audio import get_audio_edit
from story.editing.chapters import chapter_id_at, chapter_text
from story.editing.cleaning import apply_clean, clean_medium, dirty_media, undo_clean
from story.editing.media import chapter_media_ids, media_ids, snapshot_media
from story.ids import MediaId
from story.package.file import open_package
from story.package.schema import RenditionRow, StoryRow
from story.publish.export import export_package
from story.validation import validate
from tests.fixtures.dirty import GPS_PHOTO, TAG_VALUES, gps_exif, make_dirty_package

RULE = "media-identifying-metadata"
pytestmark = pytest.mark.skipif(not GPS_PHOTO.is_file(), reason="shared fixtures absent")


def gps_needles() -> list[bytes]:
    """Bytes that only the photo's GPS data holds: the EXIF payload and the latitude."""
    with Image.open(GPS_PHOTO) as im:
        gps = im.getexif().get_ifd(0x8825)
    lat = gps[2]  # GPSLatitude: three rationals
    order = "<" if gps_exif()[6:8] == b"II" else ">"
    packed = b"".join(struct.pack(order + "II", int(v.numerator), int(v.denominator)) for v in lat)
    return [gps_exif()[6:], packed]


def leaks(data: bytes) -> list[bytes]:
    needles = [v.encode() for v in TAG_VALUES] + gps_needles()
    return [n[:24] for n in needles if n in data]


def rule(path: Path) -> list[str]:
    with open_package(path) as pkg:
        return [p.media_id or "" for p in validate(pkg) if p.code == RULE]


def test_validate_names_each_medium_and_what_it_carries(tmp_path: Path) -> None:
    d = make_dirty_package(tmp_path / "d.storypkg")
    with open_package(d.path) as pkg:
        found = [p for p in validate(pkg) if p.code == RULE]
    assert sorted(p.media_id or "" for p in found) == sorted([d.photo, d.recording])
    by_id = {p.media_id: p for p in found}
    assert all(p.severity == "warning" for p in found)
    assert "GPS position" in by_id[d.photo].message and d.photo[:12] in by_id[d.photo].message
    assert "artist name" in by_id[d.recording].message and by_id[d.recording].chapter == 2


def test_cleaning_follows_every_use_and_undo_brings_it_back(tmp_path: Path) -> None:
    d = make_dirty_package(tmp_path / "d.storypkg")
    with open_package(d.path, readonly=False) as pkg:
        ch1, ch2 = chapter_id_at(pkg, 1), chapter_id_at(pkg, 2)
        before_text = chapter_text(pkg, ch1)["body_md"]
        before = {m: snapshot_media(pkg, m) for m in (d.photo, d.recording)}
        edit = get_audio_edit(pkg, d.recording)
        done = [clean_medium(pkg, m) for m in (d.photo, d.recording)]
        photo, rec = (c.new_id if c else MediaId("") for c in done)
        assert photo != d.photo and rec != d.recording
        assert media_ids(pkg) == {photo, rec}
        assert chapter_media_ids(pkg, ch1) == [photo] and chapter_media_ids(pkg, ch2) == [rec]
        with pkg.session() as s:
            story = s.get(StoryRow, 1)
            assert story is not None and story.cover_media_id == photo
            rends = {(r.media_id, r.name): bytes(r.data) for r in s.query(RenditionRow)}
        assert f"media:{photo[:10]})" in chapter_text(pkg, ch1)["body_md"]
        assert get_audio_edit(pkg, rec) == edit
        for m in (photo, rec):
            snap = snapshot_media(pkg, m)
            assert identifying_metadata(snap.data, str(snap.fields["mime"])) == []
        assert identifying_metadata(rends[(photo, "display")], "image/jpeg") == []
        assert rends[(rec, "delivery")] == snapshot_media(pkg, rec).data
        assert dirty_media(pkg) == []
        assert [p for p in validate(pkg) if p.code.startswith(("media-", "text-", "integ"))] == []

        for c in reversed(done):
            assert c is not None
            undo_clean(pkg, c)
        assert media_ids(pkg) == {d.photo, d.recording}
        for m, snap in before.items():
            assert snapshot_media(pkg, m) == snap
        assert chapter_text(pkg, ch1)["body_md"] == before_text
        assert get_audio_edit(pkg, d.recording) == edit
        assert sorted(p.media_id or "" for p in validate(pkg) if p.code == RULE) == sorted(
            [d.photo, d.recording]
        )
        for c in done:  # redo, without running the strip again
            assert c is not None
            apply_clean(pkg, c.prepared)
        assert media_ids(pkg) == {photo, rec}


def test_export_writes_no_identifying_metadata_and_leaves_the_source(tmp_path: Path) -> None:
    d = make_dirty_package(tmp_path / "d.storypkg")
    source = d.path.read_bytes()
    assert leaks(source)  # the test means something: the values are there to find
    out = export_package(d.path, tmp_path / "out.storypkg")
    assert leaks(out.read_bytes()) == []
    assert rule(out) == []
    with open_package(out) as pkg:
        assert len(media_ids(pkg)) == 2
        assert not [p for p in validate(pkg) if p.severity == "error"]
    assert d.path.read_bytes() == source
    assert set(rule(d.path)) == {d.photo, d.recording}
