"""Push and pull through a real PostgreSQL server: media stored once, streamed in chunks,
pulled packages complete and valid, a failed pull leaves nothing behind."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

import main
from story.library import versions
from story.library.connection import LibraryError
from story.library.media_store import CHUNK
from tests.library.conftest import Library
from tests.library.media_packages import media_package


def _media(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return {
            i: hashlib.sha256(d).hexdigest()
            for i, d in conn.execute("SELECT id, data FROM media ORDER BY id")
        }
    finally:
        conn.close()


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_push_twice_sends_media_once_and_pull_gives_the_package_back(
    library: Library, tmp_path: Path
) -> None:
    pkg = media_package(tmp_path / "steppe.storypkg", photos=3, height=380)  # ~1.5 MB each
    engine = library.engine("curator1")
    first = versions.push(engine, pkg, message="first")
    assert (first.story, first.version, first.media_sent) == ("steppe", 1, 3)
    media_bytes = sum(int(n) for (n,) in _rows(pkg, "SELECT length(data) FROM media"))
    assert first.media_bytes_sent == media_bytes > 2 * CHUNK
    assert first.content_bytes < 200_000  # the content travels without the media bytes

    second = versions.push(engine, pkg, message="again")
    assert (second.version, second.media_sent, second.media_bytes_sent) == (2, 0, 0)
    # renditions travel apart from the content, like media: sent once, not with every push
    assert first.derived_bytes_sent > 0 and second.derived_bytes_sent == 0
    assert _rows(pkg, "SELECT count(*) FROM renditions")[0][0] > 0
    assert second.media_reused == 3

    with library.engine().connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM media")).scalar() == 6  # and 3 thumbs
        chunks = conn.execute(text("SELECT count(*), max(length(data)) FROM media_chunks")).one()
        assert chunks[1] == CHUNK and chunks[0] >= 4

    out = tmp_path / "pulled.storypkg"
    assert versions.pull(library.engine("viewer1"), "steppe", out, version=1) == 1
    assert _media(out) == _media(pkg)
    for sql in ("SELECT * FROM chapters ORDER BY id", "SELECT * FROM story",
                "SELECT * FROM chapter_media ORDER BY 1, 2",
                "SELECT * FROM renditions ORDER BY 1, 2",
                "SELECT * FROM map_tiles ORDER BY 1, 2, 3, 4"):  # fmt: skip
        assert _rows(out, sql) == _rows(pkg, sql)
    assert main.main(["validate", str(out)]) == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []

    hist = versions.history(engine, "steppe")
    assert [(v.number, v.message, v.pushed_by, v.media) for v in hist] == [
        (1, "first", "curator1", 3),
        (2, "again", "curator1", 3),
    ]
    [story] = versions.list_stories(engine)
    assert (story.name, story.title, story.latest) == ("steppe", "Steppe", 2)


def test_two_stories_share_media(library: Library, tmp_path: Path) -> None:
    a = media_package(tmp_path / "a.storypkg", photos=1, height=100, seed=7)
    b = media_package(tmp_path / "b.storypkg", photos=2, height=100, seed=7)  # photo 0 as in a
    engine = library.engine("curator1")
    versions.push(engine, a)
    r = versions.push(engine, b)
    assert (r.media_sent, r.media_reused) == (1, 1)


def test_a_failed_pull_leaves_no_package(library: Library, tmp_path: Path) -> None:
    pkg = media_package(tmp_path / "s.storypkg", photos=1, height=100)
    versions.push(library.engine("curator1"), pkg)
    out = tmp_path / "out.storypkg"
    out.write_bytes(b"the curator's own file")
    with library.engine().begin() as conn:  # break a chunk: the pull must refuse it
        conn.execute(text("ALTER TABLE media_chunks DISABLE TRIGGER ALL"))
        conn.execute(
            text("UPDATE media_chunks SET data = 'broken' WHERE n = 0 AND sha256 IN "
                 "(SELECT sha256 FROM media WHERE size > 100000)")
        )  # fmt: skip
    with pytest.raises(LibraryError, match="different bytes"):
        versions.pull(library.engine("viewer1"), "s", out)
    assert out.read_bytes() == b"the curator's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.storypkg", "s.storypkg"]


def test_cli_push_list_history_pull(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from tests.library.conftest import PASSWORD

    pkg = media_package(tmp_path / "dry-port.storypkg", photos=1, height=60)
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    monkeypatch.setenv("STORYPORT_LIBRARY", library.cli_url("curator1"))
    assert main.main(["library", "push", str(pkg), "-m", "draft"]) == 0
    assert "pushed dry-port version 1: 1 media sent" in capsys.readouterr().out
    assert main.main(["library", "list"]) == 0
    assert capsys.readouterr().out.startswith("dry-port\tv1\t")
    assert main.main(["library", "history", "dry-port"]) == 0
    assert "\tcurator1\tformat " in capsys.readouterr().out
    out = tmp_path / "back.storypkg"
    assert main.main(["library", "--url", library.cli_url("viewer1"), "pull", "dry-port",
                      str(out)]) == 0  # fmt: skip
    assert main.main(["validate", str(out)]) == 0
    assert main.main(["library", "pull", "nope", str(out)]) == 2
    assert "the library has no story 'nope'" in capsys.readouterr().err


def test_list_searches_names_and_titles(library: Library, tmp_path: Path) -> None:
    from story.editing.story import StoryFields, set_story
    from story.package.file import open_package

    for name, title in (("dry-port", "The Dry Port"), ("steppe", "Steppe 100%"), ("x_y", "Wind")):
        pkg = media_package(tmp_path / f"{name}.storypkg", photos=1, height=20)
        with open_package(pkg, readonly=False) as p:
            set_story(p, StoryFields(title=title, language="en"))
        versions.push(library.engine("curator1"), pkg)
    viewer = library.engine("viewer1")
    assert [s.name for s in versions.list_stories(viewer, "dry")] == ["dry-port"]
    assert [s.name for s in versions.list_stories(viewer, "PORT")] == ["dry-port"]
    assert [s.name for s in versions.list_stories(viewer, "100%")] == ["steppe"]
    assert [s.name for s in versions.list_stories(viewer, "_")] == ["x_y"]  # not a wildcard
    assert [s.name for s in versions.list_stories(viewer, "")] == ["dry-port", "steppe", "x_y"]
