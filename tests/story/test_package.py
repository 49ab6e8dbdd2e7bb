"""The package file: created, written and read back through SQLite, and refused when not ours."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from media.importer import import_file
from story.editing.chapters import add_chapter, chapter_id_at, move_chapter, remove_chapter
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.errors import PackageError
from story.package import migrations
from story.package.file import create_package, open_package
from story.package.locking import PackageInUseError, lock_path
from story.package.schema import APPLICATION_ID, SCHEMA_VERSION, Base
from story.reading import get_chapter, list_chapters, media_bytes, rendition, story_info
from tests.fixtures.packages import V1_FIXTURE, files_state, make_package, sql


def _photo(
    tmp_path: Path, name: str = "p.png", color: tuple[int, int, int] = (200, 100, 50)
) -> Path:
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
        append_media(pkg, chapter_id_at(pkg, 1), mid)

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
        move_chapter(pkg, chapter_id_at(pkg, 2), 5)
        remove_chapter(pkg, chapter_id_at(pkg, 2))
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
def test_files_that_are_not_packages_are_refused(
    tmp_path: Path, content: bytes, reason: str
) -> None:
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


# --- format versions -------------------------------------------------------------------------


def _v1_copy(tmp_path: Path) -> Path:
    path = tmp_path / "old.storypkg"
    shutil.copyfile(V1_FIXTURE, path)
    return path


def test_v1_fixture_is_a_real_format_1_file() -> None:
    raw = sqlite3.connect(f"file:{V1_FIXTURE}?immutable=1", uri=True)  # adds no -wal/-shm
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    raw.close()


def test_v1_package_opens_read_only_without_being_touched(tmp_path: Path) -> None:
    path = _v1_copy(tmp_path)
    before = files_state(path)
    with open_package(path) as pkg:
        assert pkg.migrated and pkg.backup is None
        assert story_info(pkg).schema_version == SCHEMA_VERSION
        assert [c.title for c in list_chapters(pkg)] == ["The port", "The town"]
        ch = get_chapter(pkg, 1)
        assert ch.place is not None and ch.place.name == "Khorgos"
        assert [m.alt for m in ch.media] == ["An orange dot"]
        data = media_bytes(pkg, ch.media[0].id)
        assert data.startswith(b"\xff\xd8\xff")
        assert hashlib.sha256(data).hexdigest() == ch.media[0].id
    # WAL-mode file: SQLite adds empty -wal/-shm files to read it; the package itself is untouched.
    assert files_state(path)[path.name] == before[path.name]
    assert not list(tmp_path.glob("*.bak-*"))


def test_v1_package_migrates_in_place_after_a_backup(tmp_path: Path) -> None:
    path = _v1_copy(tmp_path)
    original = path.read_bytes()
    with open_package(path, readonly=False) as pkg:
        assert pkg.backup == tmp_path / "old.storypkg.bak-v1"
        assert any("format 2" in step for step in pkg.migrated)
        add_chapter(pkg, "New in v2")
    backup = sqlite3.connect(tmp_path / "old.storypkg.bak-v1")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM chapters").fetchone()[0] == 2
    backup.close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    unique = raw.execute("SELECT sql FROM sqlite_master WHERE name='ix_chapters_position'")
    assert "UNIQUE" in unique.fetchone()[0]
    raw.close()
    assert path.read_bytes() != original
    with open_package(path, readonly=False) as pkg:  # already current: nothing more to do
        assert pkg.migrated == () and pkg.backup is None
        assert [c.title for c in list_chapters(pkg)][-1] == "New in v2"
    shutil.copyfile(V1_FIXTURE, path)
    with open_package(path, readonly=False) as pkg:  # a second backup never overwrites the first
        assert pkg.backup == tmp_path / "old.storypkg.bak-v1.2"


def test_migration_repairs_chapter_order(tmp_path: Path) -> None:
    path = _v1_copy(tmp_path)
    sql(path, "UPDATE chapters SET position = 7")  # ties: v1 had no unique index
    with open_package(path, readonly=False) as pkg:
        assert [c.index for c in list_chapters(pkg)] == [1, 2]


def test_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _v1_copy(tmp_path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM chapters")
        raise sqlite3.OperationalError("simulated failure")

    monkeypatch.setitem(migrations.STEPS, 2, ("broken", broken))
    with pytest.raises(PackageError, match="could not be upgraded.*left unchanged"):
        open_package(path, readonly=False)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    assert raw.execute("SELECT count(*) FROM chapters").fetchone()[0] == 2
    raw.close()


def test_a_table_added_in_a_later_format_is_created_by_its_step(tmp_path: Path) -> None:
    """The recipe in story/migrations.py: ``info={"since": N}`` and the step makes the table
    (and ``story/package/shape.py`` tells the open checks it is ours)."""
    from sqlalchemy import Column, Integer, Table

    from story.package import shape

    table = Table(
        "later_things", Base.metadata, Column("id", Integer, primary_key=True), info={"since": 2}
    )
    shape.TABLES["later_things"] = shape.Table(2, (shape.Column("id", 1, False, False),))
    try:
        path = _v1_copy(tmp_path)
        with open_package(path, readonly=False):
            pass
        raw = sqlite3.connect(path)
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        raw.close()
        assert "later_things" in names
    finally:
        Base.metadata.remove(table)
        del shape.TABLES["later_things"]


# --- one writer at a time --------------------------------------------------------------------


def test_second_writer_is_told_the_package_is_in_use(tmp_path: Path) -> None:
    path = tmp_path / "s.storypkg"
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="T"))
        with pytest.raises(PackageInUseError, match="in use.*read-only") as err:
            open_package(path, readonly=False)
        assert f"pid {os.getpid()}" in str(err.value)
        with open_package(path) as reader:  # reading is always allowed
            assert story_info(reader).title == "T"
    with open_package(path, readonly=False) as pkg:  # released on close
        add_chapter(pkg, "A")
    assert not lock_path(path).exists()


def test_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "s.storypkg"
    create_package(path).close()
    lock_path(path).write_text('{"pid": 999999, "host": "gone", "since": 0}')
    with open_package(path, readonly=False) as pkg:
        add_chapter(pkg, "A")


def test_read_only_package_refuses_edits(tmp_path: Path) -> None:
    path = make_package(tmp_path / "s.storypkg")
    with open_package(path) as pkg, pytest.raises(PackageError, match="read-only"):
        add_chapter(pkg, "nope")


def test_edits_from_two_threads_queue_and_reads_never_wait(tmp_path: Path) -> None:
    import threading

    path = make_package(tmp_path / "s.storypkg", chapters=1)
    errors: list[BaseException] = []
    with open_package(path, readonly=False) as pkg:

        def edit(tag: str) -> None:
            try:
                for i in range(40):
                    add_chapter(pkg, f"{tag}{i}", at=1 + i % 3)
                    list_chapters(pkg)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=edit, args=(t,)) for t in "ab"]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert [c.index for c in list_chapters(pkg)] == list(range(1, 82))
