"""A version's content as pieces stored by hash (schema 4): a pulled package's content equals
the pushed one's, a push of one edited chapter sends that chapter's row and no other piece,
and a library made before schema 4, with versions in it, upgrades and keeps serving them."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from story.editing.chapters import chapter_id_at, chapter_text, set_chapter_text
from story.library import diff, versions
from story.library.connection import LibraryError, connected
from story.library.media_store import store_media
from story.library.migrations import LIBRARY_VERSION, init_library, migrate
from story.library.package_files import iter_blob, snapshot
from story.package.file import open_package
from tests.library.conftest import Library
from tests.library.media_packages import media_package

_ORIGIN = "library-origin"


def _content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows with their rowids (blobs by hash), the library origin left out."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        out = {}
        for t in tables:
            rows = []
            for row in conn.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid'):
                if t == "meta" and _ORIGIN in row:
                    continue
                rows.append(
                    tuple(hashlib.sha256(v).hexdigest() if isinstance(v, bytes) else v for v in row)
                )
            out[t] = rows
        out["schema"] = conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
        out["pragmas"] = [
            conn.execute(f"PRAGMA {p}").fetchone() for p in ("application_id", "user_version")
        ]
        return out
    finally:
        conn.close()


def _pieces(library: Library) -> int:
    with library.engine().connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM content_pieces")).scalar_one())


def test_pulled_content_equals_pushed_and_one_text_sends_one_piece(
    library: Library, tmp_path: Path
) -> None:
    pkg = media_package(tmp_path / "steppe.storypkg", photos=2, height=120)
    engine = library.engine("curator1")
    first = versions.push(engine, pkg, message="v1")
    pieces_before = _pieces(library)
    out = tmp_path / "pulled.storypkg"
    versions.pull(engine, "steppe", out)
    with open_package(out, readonly=True):
        pass  # it validates
    assert _content(out) == _content(pkg)
    assert first.content_bytes == snapshot(pkg).content.size  # all new: every piece sent

    added = " One more sentence, typed after the first push."
    with open_package(pkg, readonly=False) as p:
        cid = chapter_id_at(p, 2)
        set_chapter_text(p, cid, body_md=chapter_text(p, cid)["body_md"] + added)
    snap = snapshot(pkg)
    [row] = [
        snap.content.data[h] for k, h in snap.content.manifest.items() if k == f"row:chapters:{cid}"
    ]
    second = versions.push(engine, pkg, message="one text")
    assert second.media_bytes_sent == second.derived_bytes_sent == 0
    assert second.content_bytes == len(row)  # that chapter's row and nothing else
    assert _pieces(library) == pieces_before + 1
    versions.pull(engine, "steppe", out)
    assert _content(out) == _content(pkg)
    [change] = diff.diff(engine, "steppe", 1, 2).chapters
    assert (change.number, change.fields) == (2, ("text",))


def _push_as_before_schema_4(engine: Any, pkg: Path, story: str) -> None:
    """A version as a library at schema 3 stored it: the package without its blobs, one file."""
    snap = snapshot(pkg)
    skeleton = pkg.with_name("skeleton.storypkg")
    shutil.copy(pkg, skeleton)
    conn = sqlite3.connect(skeleton)
    for table in ("media", "renditions", "map_tiles"):
        conn.execute(f"UPDATE {table} SET data = x''")
    conn.commit()  # (no VACUUM: it could renumber rowids; schema 3 copied rows as they were)
    conn.close()
    content = skeleton.read_bytes()
    key_of = {r.sha256: r.media_id for r in snap.media}
    with connected(engine, "push as at schema 3") as c, open_package(pkg, readonly=True) as src:
        store_media(
            c, [(r.sha256, r.size) for r in snap.media], lambda h: iter_blob(src, key_of[h])
        )
        sid = c.execute(
            text("INSERT INTO stories (name, title) VALUES (:n, :t) RETURNING id"),
            {"n": story, "t": snap.title},
        ).scalar_one()
        vid = c.execute(
            text(
                "INSERT INTO versions (story_id, number, format_version, title, content, "
                "content_sha256) VALUES (:s, 1, :f, :t, :c, :h) RETURNING id"
            ),
            {"s": sid, "f": snap.format_version, "t": snap.title, "c": content,
             "h": hashlib.sha256(content).hexdigest()},
        ).scalar_one()  # fmt: skip
        c.execute(
            text("INSERT INTO version_media (version_id, media_id, sha256) VALUES (:v, :m, :h)"),
            [{"v": vid, "m": r.media_id, "h": r.sha256} for r in snap.media],
        )


def test_upgrade_from_schema_3_with_versions_in_it(
    new_database: Callable[[], Library], tmp_path: Path
) -> None:
    assert LIBRARY_VERSION == 4
    engine = new_database().engine()
    with connected(engine, "test") as conn:
        assert migrate(conn, target=3) == (0, 3)
    pkg = media_package(tmp_path / "old.storypkg", photos=2, height=100)
    _push_as_before_schema_4(engine, pkg, "old")
    assert init_library(engine) == (3, 4)

    out = tmp_path / "v1.storypkg"
    assert versions.pull(engine, "old", out) == 1  # the old version, as it was stored
    assert _content(out) == _content(pkg)
    with open_package(out, readonly=False) as p:  # pulled: it records version 1 as its base
        cid = chapter_id_at(p, 1)
        set_chapter_text(p, cid, title="Renamed after the upgrade")
    second = versions.push(engine, out, story="old", message="after the upgrade")
    assert (second.version, second.media_bytes_sent, second.derived_bytes_sent) == (2, 0, 0)
    assert second.content_bytes > 0  # the base had no pieces: all of them go once
    again = tmp_path / "v2.storypkg"
    versions.pull(engine, "old", again)
    assert _content(again) == _content(out)
    [change] = diff.diff(engine, "old", 1, 2).chapters  # an old version against a new one
    assert (change.number, change.fields) == (1, ("title",))
    assert versions.restore(engine, "old", 1) == 3  # the old format restores as it was
    versions.pull(engine, "old", again)
    assert _content(again) == _content(pkg)


@pytest.mark.parametrize(
    "damage",
    [
        # the second chunk of the photo (1.2 MB: written through a zeroblob, piece by piece)
        "UPDATE media_chunks SET data = overlay(data placing '\\x00'::bytea from 100) WHERE n = 1",
        "UPDATE media_chunks SET data = substring(data from 2) WHERE sha256 = "
        "(SELECT max(sha256) FROM media_chunks WHERE length(data) > 100) AND n = 0",
        "UPDATE content_pieces SET data = data || '\\x20'::bytea WHERE sha256 = "
        "(SELECT sha256 FROM version_pieces WHERE key LIKE 'row:chapters:%' LIMIT 1)",
    ],
    ids=["a-byte-changed", "a-byte-lost", "a-content-piece-changed"],
)
def test_bytes_damaged_on_the_server_are_refused(
    library: Library, tmp_path: Path, damage: str
) -> None:
    pkg = media_package(tmp_path / "steppe.storypkg", photos=1, height=300)
    versions.push(library.engine("curator1"), pkg)
    with library.engine().begin() as conn:
        assert conn.execute(text(damage)).rowcount == 1
    out = tmp_path / "out" / "steppe.storypkg"
    out.parent.mkdir()
    with pytest.raises(LibraryError, match="damaged on the server"):
        versions.pull(library.engine("viewer1"), "steppe", out)
    assert list(out.parent.iterdir()) == []  # no package, no scratch file
