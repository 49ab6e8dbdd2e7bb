"""``validate``: each rule with its severity, chapter, medium and field; a clean package passes."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from media.imported import ImportedMedia
from story.editing.chapters import add_chapter, chapter_id_at
from story.editing.maps import add_map
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.package.file import create_package, open_package
from story.records import Place
from story.validation import Problem, validate
from tests.fixtures.packages import image_item, png, sql

EXTENT = (79.0, 43.0, 81.0, 45.0)


def clean_package(path: Path) -> tuple[Path, str]:
    """A package with nothing to report: big enough photo, alt, credit, place inside the map."""
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Steppe"))
        map_id = add_map(pkg, kind="geo", name="Map", data=b"{}", extent=EXTENT)
        add_chapter(pkg, "Port", body_md="Text.", place=("Khorgos", 44.2, 80.4), map_id=map_id)
        mid = store_media(pkg, image_item(png((1600, 900)), 1600, 900), alt="Cranes", credit="Me")
        append_media(pkg, chapter_id_at(pkg, 1), mid)
    return path, mid


def _codes(problems: list[Problem]) -> set[tuple[str, str, int | None, str | None]]:
    return {(p.severity, p.code, p.chapter, p.field) for p in problems}


def test_clean_package_has_no_problems(tmp_path: Path) -> None:
    path, _ = clean_package(tmp_path / "s.storypkg")
    with open_package(path) as pkg:
        assert validate(pkg) == []


def test_each_rule_names_severity_chapter_medium_and_field(tmp_path: Path) -> None:
    path, good = clean_package(tmp_path / "s.storypkg")
    with open_package(path, readonly=False) as pkg:
        add_chapter(pkg, "Port", body_md="", place=None)  # duplicate title, no body, no place
        add_chapter(pkg, "", body_md="x", place=("Paris", 48.8, 2.3))  # no title, outside map
        small = store_media(pkg, image_item(png((640, 480), (1, 2, 3)), 640, 480))
        append_media(pkg, chapter_id_at(pkg, 2), small)
        voice = store_media(
            pkg,
            ImportedMedia(
                kind="audio",
                mime="audio/mpeg",
                data=b"ID3" + b"\0" * 64,
                original_name="v.mp3",
                duration_s=1.0,
            ),
        )
        append_media(pkg, chapter_id_at(pkg, 3), voice)
        orphan = store_media(
            pkg, image_item(png((2000, 1500), (9, 9, 9)), 2000, 1500), alt="a", credit="b"
        )
    with open_package(path) as pkg:
        problems = validate(pkg)
    assert _codes(problems) == {
        ("warning", "chapter-title-duplicate", 1, "title"),
        ("warning", "chapter-title-duplicate", 2, "title"),
        ("warning", "chapter-body-missing", 2, "body"),
        ("warning", "chapter-place-missing", 2, "place"),
        ("error", "chapter-title-missing", 3, "title"),
        ("warning", "place-outside-map", 3, "place"),
        ("error", "image-alt-missing", 2, "alt"),
        ("warning", "image-credit-missing", 2, "credit"),
        ("warning", "image-too-small", 2, None),
        ("warning", "audio-transcript-missing", 3, "transcript"),
        ("warning", "media-unreferenced", None, None),
    }
    by_code = {p.code: p for p in problems}
    assert by_code["image-alt-missing"].media_id == small
    assert by_code["audio-transcript-missing"].media_id == voice
    assert by_code["media-unreferenced"].media_id == orphan
    assert problems[0].severity == "error"  # errors first
    assert good not in {p.media_id for p in problems}


def test_integrity_problems(tmp_path: Path) -> None:
    path, mid = clean_package(tmp_path / "s.storypkg")
    ghost = hashlib.sha256(b"ghost").hexdigest()
    sql(
        path,
        "PRAGMA journal_mode=DELETE",
        f"INSERT INTO chapter_media (chapter_id, position, media_id) VALUES (1, 9, '{ghost}')",
        "UPDATE chapters SET position = 4",
    )
    # Damage the photo's bytes inside the file, as a bad disk would: SQLite cannot tell.
    conn = sqlite3.connect(path)
    blob = conn.execute("SELECT data FROM media").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    at = data.find(blob[200:264])
    assert at > 0
    data[at : at + 8] = b"\xde\xad\xbe\xef" * 2
    path.write_bytes(bytes(data))
    with open_package(path) as pkg:
        problems = validate(pkg)
    codes = {p.code: p for p in problems}
    assert codes["media-missing"].chapter == 1 and codes["media-missing"].media_id == ghost
    assert "integrity-foreign-key" in codes
    assert "integrity-order" in codes
    assert codes["integrity-hash"].media_id == mid
    assert all(p.severity == "error" for p in problems if p.code.startswith("integrity"))


@pytest.mark.parametrize("check_hashes", [True, False])
def test_hash_check_can_be_skipped(tmp_path: Path, check_hashes: bool) -> None:
    path, _ = clean_package(tmp_path / "s.storypkg")
    with open_package(path) as pkg:
        assert validate(pkg, check_hashes=check_hashes) == []


def test_places_on_a_picture_map_are_pixels(tmp_path: Path) -> None:
    path, _ = clean_package(tmp_path / "s.storypkg")
    with open_package(path, readonly=False) as pkg:
        pic = add_map(pkg, kind="image", name="Yard", data=b"{}", extent=(0, 0, 4000, 3000))
        add_chapter(pkg, "Crane", body_md="x", place=Place.pixel("Crane", 2000.0, 1500.0, pic))
        add_chapter(pkg, "Gate", body_md="x", place=Place.pixel("Gate", 5000.0, 1500.0, pic))
        # format 3: lat/lon on a picture map is refused (it was how format 2 stored pixels)
        add_chapter(pkg, "Old", body_md="x", place=("Old", 10.0, 10.0), map_id=pic)
    with open_package(path) as pkg:
        problems = [p for p in validate(pkg) if p.field == "place"]
    # a picture map's x/y must be inside the picture: an error (format 3), no longer a warning
    assert [(p.severity, p.code, p.chapter) for p in problems] == [
        ("error", "place-outside-picture", 3),
        ("error", "place-invalid", 4),
    ]
