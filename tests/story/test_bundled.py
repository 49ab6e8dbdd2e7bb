"""The bundled Khorgos story: complete, honest about its media, and reproducible."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from story.package.file import Package, open_package
from story.reading import get_chapter, list_chapters, list_maps, list_media, story_info

SOURCES = ("Financial Times", "New York Times", "Eurasia Daily Monitor")
IMAGE_CREDIT = "Illustration: Storyport (drawn by code)"
SOUND_CREDIT = "Sound design: Storyport (made by code)"


@pytest.fixture(scope="module")
def pkg(bundled_package: Path) -> Iterator[Package]:
    with open_package(bundled_package) as package:
        yield package


def test_story_has_eight_to_twelve_chapters(pkg: Package) -> None:
    assert 8 <= len(list_chapters(pkg)) <= 12


def test_every_chapter_has_a_place_on_the_map_and_a_body(pkg: Package) -> None:
    maps = list_maps(pkg)
    assert maps and maps[0].extent is not None
    lon0, lat0, lon1, lat1 = maps[0].extent
    extents = {m.id: m.extent for m in maps}  # a picture map's extent is its pixels
    kinds = {m.id: m.kind for m in maps}
    for summary in list_chapters(pkg):
        ch = get_chapter(pkg, summary.index)
        assert ch.place is not None, ch.title
        assert ch.place.map_id is not None, ch.title
        lon0, lat0, lon1, lat1 = extents[ch.place.map_id] or maps[0].extent
        h, v = ch.place.point  # lon/lat, or x/y on the picture map (format 3)
        assert ch.place.on_picture == (kinds[ch.place.map_id] == "image"), ch.title
        assert lat0 <= v <= lat1, ch.title
        assert lon0 <= h <= lon1, ch.title
        # the fact sheet dates only the land protests (2016); the rest stay undated
        assert ch.date == ("2016" if "land" in ch.title else None), ch.title
        assert len(ch.body_md.split()) >= 250, ch.title
        assert ch.summary.strip(), ch.title


def test_every_chapter_has_large_described_images(pkg: Package) -> None:
    for summary in list_chapters(pkg):
        ch = get_chapter(pkg, summary.index)
        images = [m for m in ch.media if m.kind == "image"]
        assert len(images) >= 2, ch.title
        for m in images:
            assert m.alt.strip() and len(m.alt) > 40, (ch.title, m.original_name)
            assert m.caption.strip(), (ch.title, m.original_name)
            assert m.credit == IMAGE_CREDIT, (ch.title, m.original_name)
            assert m.licence == "CC BY 4.0"
            assert m.width is not None and m.width >= 1600, (ch.title, m.original_name)


def test_every_chapter_has_one_soundscape_with_a_transcript(pkg: Package) -> None:
    for summary in list_chapters(pkg):
        ch = get_chapter(pkg, summary.index)
        audio = [m for m in ch.media if m.kind == "audio"]
        assert len(audio) == 1, ch.title
        (a,) = audio
        assert a.duration_s is not None and 20 <= a.duration_s <= 60, (ch.title, a.duration_s)
        assert a.transcript.strip().startswith("["), ch.title
        assert a.credit == SOUND_CREDIT
        assert a.caption.startswith("Sound design:")


def test_cover_about_and_theme(pkg: Package) -> None:
    info = story_info(pkg)
    assert info.cover_media_id
    cover = next(m for m in list_media(pkg) if m.id == info.cover_media_id)
    assert cover.kind == "image" and (cover.width or 0) >= 2400 and cover.alt
    for source in SOURCES:
        assert source in info.about_md, source
    assert "drawn by code" in info.about_md or "by code" in info.about_md
    assert "approximate" in info.about_md
    assert info.theme.get("accent", "").startswith("#")
    for key in ("accent_soft", "paper", "ink", "muted", "land", "water", "grass", "slate"):
        value = info.theme.get(key, "")
        assert len(value) == 7 and value.startswith("#"), key
    assert info.language == "en" and info.title


def test_every_medium_is_labelled_as_made_not_captured(pkg: Package) -> None:
    for m in list_media(pkg):
        assert m.credit.startswith(("Illustration", "Sound design")), m.original_name
        assert "photo" not in m.credit.lower() and "recording" not in m.credit.lower()


def test_generation_is_deterministic(tmp_path: Path) -> None:
    from story.bundled.khorgos.generate import MEDIA, Picture

    picture = next(m for m in MEDIA if isinstance(m, Picture) and m.file != "cover.jpg")
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        picture.make(tmp_path / run)
    first = (tmp_path / "a" / picture.file).read_bytes()
    assert first == (tmp_path / "b" / picture.file).read_bytes()
    assert len(first) > 100_000


def test_sound_generation_is_deterministic() -> None:
    from story.bundled.khorgos import soundscapes

    a = soundscapes.empty_lot(5, 3_000)
    b = soundscapes.empty_lot(5, 3_000)
    assert a.raw_data == b.raw_data
    # loudness is matched by RMS, with every peak kept at or under -3 dBFS
    assert a.frame_rate == 44_100 and a.max_dBFS <= -2.9
    assert -24.0 <= a.dBFS <= -18.0


def test_no_qt_or_storage_in_the_story_media_code() -> None:
    root = Path(__file__).resolve().parents[2] / "story" / "bundled" / "khorgos"
    for path in root.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "sqlalchemy" not in text.lower(), path.name
