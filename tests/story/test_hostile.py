"""Hostile and broken packages: each is refused in one clear line and left byte-identical.

Every case builds a real file (most start from a sound package and are then
changed with raw SQL, as a hostile author would) and opens it both read-only
and for writing.
"""

from __future__ import annotations

import os
import random
import sqlite3
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from story.errors import PackageError
from story.package import guard
from story.package.file import open_package
from story.reading import list_chapters
from tests.fixtures.packages import files_state, make_package, sql


def _raw(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _good(tmp: Path, chapters: int = 2) -> Path:
    return make_package(tmp / "bad.storypkg", chapters=chapters)


def _truncate(keep: Callable[[int], int]) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = _good(tmp, chapters=30)
        data = path.read_bytes()
        return _raw(path, data[: keep(len(data))])

    return build


def _patch_header(offset: int, value: bytes) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = _good(tmp)
        data = bytearray(path.read_bytes())
        data[offset : offset + len(value)] = value
        return _raw(path, bytes(data))

    return build


def _corrupt_page(which: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = _good(tmp, chapters=60)
        data = bytearray(path.read_bytes())
        page = struct.unpack(">H", data[16:18])[0]
        pages = len(data) // page
        start = 100 if which == "schema" else (pages // 2) * page
        end = page if which == "schema" else start + page
        rng = random.Random(7)
        data[start:end] = bytes(rng.randrange(256) for _ in range(end - start))
        return _raw(path, bytes(data))

    return build


def _with_sql(*statements: str, writable_schema: bool = False) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = _good(tmp)
        sql(path, *statements, writable_schema=writable_schema)
        return path

    return build


def _null_media_kind(tmp: Path) -> Path:
    path = _good(tmp)
    sql(
        path,
        "UPDATE sqlite_master SET sql = replace(sql, 'kind VARCHAR(8) NOT NULL', "
        "'kind VARCHAR(8)') WHERE name = 'media'",
        writable_schema=True,
    )
    sql(path, "UPDATE media SET kind = NULL")
    return path


def _other_app(tmp: Path) -> Path:
    path = tmp / "other.storypkg"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn.commit()
    conn.close()
    return path


def _symlink_to(target: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        link = tmp / "link.storypkg"
        link.symlink_to(target)
        return link

    return build


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe.storypkg"
    os.mkfifo(path)
    return path


META_REBUILT = "DROP TABLE meta; CREATE TABLE meta (key VARCHAR(64) NOT NULL PRIMARY KEY, {})"
ALL_CHAPTERS = (
    "WITH RECURSIVE c(x) AS (SELECT 100 UNION ALL SELECT x + 1 FROM c WHERE x < 10200) "
    "INSERT INTO chapters (position, title, summary, body_md) SELECT x, 't', '', '' FROM c"
)

#: name -> (builder, what the one-line message must say)
CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "zero bytes": (lambda t: _raw(t / "z.storypkg", b""), "empty"),
    "a text file": (lambda t: _raw(t / "t.storypkg", b"Dear reader\n" * 40), "not an SQLite"),
    "a PNG named .storypkg": (
        lambda t: _raw(t / "p.storypkg", b"\x89PNG\r\n\x1a\n" + b"\0" * 200),
        "not an SQLite",
    ),
    "only the magic": (lambda t: _raw(t / "m.storypkg", b"SQLite format 3\x00"), "not an SQLite"),
    "a folder": (lambda t: t, "folder"),
    "a pipe (would hang)": (_fifo, "not a regular file"),
    "symlink to a device": (_symlink_to("/dev/zero"), "not a regular file"),
    "dangling symlink": (_symlink_to("/nonexistent/x.storypkg"), "no such file"),
    "truncated to the header": (_truncate(lambda n: 100), "truncated"),
    "truncated mid-page": (_truncate(lambda n: n // 2 + 1000), "truncated"),
    "truncated at a page boundary": (_truncate(lambda n: (n // 4096 // 2) * 4096), "truncated"),
    "bad page size": (_patch_header(16, b"\x03\x00"), "truncated or damaged"),
    "another app's SQLite file": (_other_app, "not a Storyport package"),
    "wrong application_id": (_with_sql("PRAGMA application_id=1234"), "not a Storyport package"),
    "newer format": (_with_sql("PRAGMA user_version=99"), "newer Storyport"),
    "format 0": (_with_sql("PRAGMA user_version=0"), "no valid format version"),
    "corrupt page in the middle": (_corrupt_page("middle"), "damaged|integrity"),
    "corrupt schema page": (_corrupt_page("schema"), "damaged|integrity"),
    "missing table": (_with_sql("DROP TABLE renditions"), "missing tables: renditions"),
    "missing column": (_with_sql("ALTER TABLE media DROP COLUMN licence"), "lacks columns"),
    "extra table": (_with_sql("CREATE TABLE evil (x)"), "table Storyport never creates"),
    "extra column": (_with_sql("ALTER TABLE chapters ADD COLUMN evil TEXT"), "never creates"),
    "generated column": (
        _with_sql("ALTER TABLE chapters ADD COLUMN g TEXT AS (upper(title))"),
        "never creates|generated",
    ),
    "trigger": (
        _with_sql("CREATE TRIGGER t AFTER UPDATE ON chapters BEGIN DELETE FROM media; END"),
        "trigger",
    ),
    "view": (_with_sql("CREATE VIEW v AS SELECT title FROM chapters"), "view"),
    "fts5 virtual table": (_with_sql("CREATE VIRTUAL TABLE f USING fts5(x)"), "virtual table"),
    "rtree virtual table": (
        _with_sql("CREATE VIRTUAL TABLE r USING rtree(id, a, b)"),
        "virtual table",
    ),
    "CHECK calling a function": (
        _with_sql(
            *META_REBUILT.format("value TEXT, CHECK (load_extension('x') IS NULL)").split("; ")
        ),
        "CHECK",
    ),
    "default calling a function": (
        _with_sql(*META_REBUILT.format("value TEXT DEFAULT (hex(randomblob(9)))").split("; ")),
        "default expression",
    ),
    "expression index": (
        _with_sql(
            "DROP INDEX ix_chapter_media_media_id",
            "CREATE INDEX ix_chapter_media_media_id ON chapter_media (lower(media_id))",
        ),
        "expression",
    ),
    "partial index": (
        _with_sql(
            "DROP INDEX ix_chapter_media_media_id",
            "CREATE INDEX ix_chapter_media_media_id ON chapter_media (media_id) "
            "WHERE abs(position) > 0",
        ),
        "expression",
    ),
    "unknown index": (_with_sql("CREATE INDEX ix_evil ON chapters (title)"), "index"),
    "ATTACH in the schema": (
        _with_sql(
            "INSERT INTO sqlite_master VALUES "
            "('table', 'x', 'x', 0, 'ATTACH DATABASE ''evil.db'' AS e')",
            writable_schema=True,
        ),
        "damaged",
    ),
    "media id that is a path": (_with_sql("UPDATE media SET id = '../../etc/passwd'"), "media.id"),
    "cover id that is a path": (
        _with_sql("UPDATE story SET cover_media_id = '/etc/passwd'"),
        "cover_media_id",
    ),
    "position stored as text": (
        _with_sql("UPDATE chapters SET position = 'first' WHERE id = 1"),
        "chapters.position",
    ),
    "title stored as a blob": (_with_sql("UPDATE story SET title = x'00ff'"), "story.title"),
    "latitude stored as text": (_with_sql("UPDATE places SET lat = 'north'"), "places.lat"),
    "unknown media kind": (_with_sql("UPDATE media SET kind = 'script'"), "media.kind"),
    "huge chapter body": (
        _with_sql("UPDATE chapters SET body_md = replace(hex(zeroblob(3000000)), '0', 'x')"),
        "chapters.body_md",
    ),
    "absurd chapter count": (_with_sql(ALL_CHAPTERS), "rows in chapters"),
    "title that is not UTF-8": (
        _with_sql("UPDATE story SET title = CAST(x'41ff42' AS TEXT)"),
        "not valid UTF-8 in story.title",
    ),
    "chapter text that is not UTF-8": (
        _with_sql("UPDATE chapters SET body_md = 'ok ' || CAST(x'c328' AS TEXT)"),
        "not valid UTF-8 in chapters.body_md",
    ),
    "bad UTF-8 after a NUL": (
        _with_sql("UPDATE chapters SET summary = 'ok' || char(0) || CAST(x'ff' AS TEXT)"),
        "not valid UTF-8 in chapters.summary",
    ),
    "subtitle stored as a blob": (_with_sql("UPDATE story SET subtitle = x'00'"), "story.subtitle"),
    "cover that is not there": (
        _with_sql("UPDATE story SET cover_media_id = printf('%064d', 7)"),
        "link to something that is not there",
    ),
    "schema_version not a number": (
        _with_sql("UPDATE meta SET value = '2.0' WHERE key = 'schema_version'"),
        "meta.value",
    ),
    "deeply nested theme": (
        _with_sql("UPDATE story SET theme_json = printf('%.*c', 50000, '[')"),
        "story.theme_json",
    ),
    "infinite duration": (_with_sql("UPDATE media SET duration_s = 9e999"), "media.duration_s"),
    "audio edit of Infinity": (
        _with_sql(
            "INSERT INTO meta VALUES ('audio-edit:' || substr((SELECT id FROM media), 1, 52), "
            "'{\"trim_end_s\": Infinity}')"
        ),
        "JSON Storyport never writes in meta.value",
    ),
    "media kind NULL": (_null_media_kind, "media.kind|NOT NULL"),
    "10 MB language": (
        _with_sql("UPDATE story SET language = printf('%.*c', 10000000, 'x')"),
        "story.language",
    ),
    "10 MB title": (
        _with_sql("UPDATE story SET title = printf('%.*c', 10000000, 'x')"),
        "story.title",
    ),
    "two stories": (
        _with_sql(
            "INSERT INTO story (id, title, subtitle, byline, published, language, "
            "about_md, theme_json) VALUES (2, 'x', '', '', '', 'en', '', '{}')"
        ),
        "rows in story",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("readonly", [True, False], ids=["read-only", "writing"])
def test_bad_package_is_refused_in_one_line_and_left_untouched(
    tmp_path: Path, name: str, readonly: bool
) -> None:
    build, reason = CASES[name]
    path = build(tmp_path)
    before = files_state(path) if not path.is_dir() and not name.startswith("a pipe") else None
    started = time.monotonic()
    with pytest.raises(PackageError, match=reason) as err:
        open_package(path, readonly=readonly)
    assert time.monotonic() - started < 10, "opening must never hang"
    message = str(err.value)
    assert "\n" not in message and str(path) in message and "Traceback" not in message
    if before is not None:
        assert files_state(path) == before
    assert not (tmp_path / "evil.db").exists()


def test_there_are_at_least_25_distinct_bad_packages() -> None:
    assert len(CASES) >= 25


def test_blob_over_the_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _good(tmp_path)
    sql(path, "UPDATE media SET data = zeroblob(300000)")
    before = files_state(path)
    monkeypatch.setattr(guard, "MAX_BLOB_BYTES", 100_000)
    with pytest.raises(PackageError, match="media.data|too big"):
        open_package(path)
    assert files_state(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    path = _good(tmp_path)
    path.chmod(0)
    with pytest.raises(PackageError, match="cannot be read"):
        open_package(path)


def test_bad_media_files_are_not_packages(shared_media: Path, tmp_path: Path) -> None:
    for bad in sorted((shared_media / "bad").iterdir()):
        before = bad.read_bytes()
        with pytest.raises(PackageError, match="empty|not an SQLite"):
            open_package(bad)
        assert bad.read_bytes() == before


def test_corrupt_wal_next_to_a_package_is_ignored(tmp_path: Path) -> None:
    path = make_package(tmp_path / "s.storypkg", wal=True)
    wal = Path(f"{path}-wal")
    wal.write_bytes(random.Random(3).randbytes(9000))
    main = path.read_bytes()
    with open_package(path) as pkg:
        assert [c.title for c in list_chapters(pkg)] == ["Chapter 1", "Chapter 2"]
    assert path.read_bytes() == main


def test_symlink_to_a_sound_package_opens(tmp_path: Path) -> None:
    real = make_package(tmp_path / "real.storypkg")
    link = tmp_path / "link.storypkg"
    link.symlink_to(real)
    with open_package(link) as pkg:
        assert len(list_chapters(pkg)) == 2


def test_a_busy_package_does_not_hang(tmp_path: Path) -> None:
    """Another program holding an exclusive lock gets a clear 'busy' within the timeout."""
    path = make_package(tmp_path / "s.storypkg")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE chapters SET title = title")
    release = threading.Timer(8, holder.rollback)
    release.start()
    try:
        started = time.monotonic()
        with pytest.raises(PackageError, match="busy|locked"):
            open_package(path)
        assert time.monotonic() - started < 6
    finally:
        release.cancel()
        holder.rollback()
        holder.close()


def test_connections_cannot_reach_outside_the_file(tmp_path: Path) -> None:
    path = make_package(tmp_path / "s.storypkg")
    outside = tmp_path / "outside.db"
    with open_package(path) as pkg, pkg.raw() as conn:
        for statement in (f"ATTACH DATABASE '{outside}' AS x", f"VACUUM INTO '{outside}'"):
            with pytest.raises(sqlite3.Error):
                conn.execute(statement)
        assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert not outside.exists()


def test_a_chapter_linked_to_a_deleted_medium_reads_without_it(tmp_path: Path) -> None:
    from story.reading import get_chapter, media_ids_by_chapter

    path = _good(tmp_path)
    sql(path, "PRAGMA foreign_keys=OFF", "DELETE FROM media")
    with open_package(path) as pkg:
        assert get_chapter(pkg, 1).media == ()  # validate names it: media-missing
        assert len(media_ids_by_chapter(pkg)[1]) == 1
