"""The package file: created, written and read back through SQLite, and refused when not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from media.importer import import_file
from story.errors import PackageError
from story.package import create_package, open_package
from story.reading import get_chapter, list_chapters, media_bytes, rendition, story_info
from story.schema import APPLICATION_ID, SCHEMA_VERSION
from story.writing import (
    StoryFields,
    add_chapter,
    link_media,
    move_chapter,
    remove_chapter,
    set_story,
    store_media,
)


def _photo(tmp_path: Path, name: str = "p.png", color: tuple[int, int, int] = (200, 100, 50)) -> Path:
    path = tmp_path / name
    Image.new("RGB", (640, 400), color).save(path)
    return path


def test_round_trip_through_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "s.storypkg"
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Steppe", subtitle="Sub", language="kk"))
        add_chapter(pkg, "One", body_md="# Hi", place=("Zharkent", 44.16, 80.0))
        add_chapter(pkg, "Two")
        mid = store_media(pkg, import_file(_photo(tmp_path)), caption="Cap", alt="Alt")
        link_media(pkg, 1, mid)

    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()

    with open_package(path) as pkg:
        info = story_info(pkg)
        assert (info.title, info.subtitle, info.language) == ("Steppe", "Sub", "kk")
        assert [c.title for c in list_chapters(pkg)] == ["One", "Two"]
        ch = get_chapter(pkg, 1)
        assert ch.place is not None and ch.place.name == "Zharkent"
        assert [m.caption for m in ch.media] == ["Cap"]
        assert ch.media[0].width == 640
        assert media_bytes(pkg, mid)[:3] in (b"\xff\xd8\xff", b"\x89PN")
        thumb = rendition(pkg, mid, "thumb")
        assert thumb is not None and thumb[0] == "image/jpeg"


def test_media_is_stored_once_by_content(tmp_path: Path) -> None:
    with create_package(tmp_path / "s.storypkg") as pkg:
        set_story(pkg, StoryFields(title="T"))
        add_chapter(pkg, "A")
        a = store_media(pkg, import_file(_photo(tmp_path, "a.png")))
        b = store_media(pkg, import_file(_photo(tmp_path, "b.png")))
        assert a == b


def test_move_and_remove_keep_story_order(tmp_path: Path) -> None:
    with create_package(tmp_path / "s.storypkg") as pkg:
        set_story(pkg, StoryFields(title="T"))
        for t in "ABCD":
            add_chapter(pkg, t)
        add_chapter(pkg, "first", at=1)
        move_chapter(pkg, 2, 5)
        remove_chapter(pkg, 2)
        assert [c.title for c in list_chapters(pkg)] == ["first", "C", "D", "A"]
        assert [c.index for c in list_chapters(pkg)] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"hello, this is a text file" * 10, "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x00" * 40, "not an SQLite file"),
    ],
)
def test_files_that_are_not_packages_are_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.storypkg"
    path.write_bytes(content)
    with pytest.raises(PackageError, match=reason):
        open_package(path)


def test_other_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(PackageError, match="not a Storyport package"):
        open_package(path)


def test_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.storypkg"
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="T"))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(PackageError, match="newer Storyport"):
        open_package(path)
    assert path.read_bytes() == before


def test_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="folder"):
        open_package(tmp_path)
    with pytest.raises(PackageError, match="no such file"):
        open_package(tmp_path / "nope.storypkg")
