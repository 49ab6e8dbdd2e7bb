"""diff between two versions (chapters added, removed, moved, edited; media added, removed) and
restore (an old version made the newest as a new version, history kept)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

import main
from story.editing.chapters import (
    add_chapter,
    chapter_id_at,
    move_chapter,
    remove_chapter,
    set_chapter_text,
)
from story.editing.media import append_media, store_media
from story.library import diff, locks, versions
from story.library.connection import LibraryError
from story.package.file import open_package
from tests.fixtures.packages import image_item
from tests.library.conftest import PASSWORD, Library
from tests.library.media_packages import WIDTH, media_package, noise_png


def _edit(path: Path) -> None:
    """Chapter 1's text and title edited, chapter 2 removed, chapter 3 moved first, a chapter
    and a photo added."""
    with open_package(path, readonly=False) as pkg:
        set_chapter_text(pkg, chapter_id_at(pkg, 1), title="Arrival", body_md="Text 1.\nMore.")
        remove_chapter(pkg, chapter_id_at(pkg, 2))
        move_chapter(pkg, chapter_id_at(pkg, 2), 1)
        new = add_chapter(pkg, "Border", body_md="New.")
        item = image_item(noise_png(WIDTH, 40, 99), WIDTH, 40)
        append_media(pkg, new, store_media(pkg, item, alt="Gate", caption="Gate", credit="C"))


def _media(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT id, data FROM media ORDER BY id").fetchall()
        return {str(i): hashlib.sha256(d).hexdigest() for i, d in rows}
    finally:
        conn.close()


@pytest.fixture
def two_versions(library: Library, tmp_path: Path) -> Path:
    pkg = media_package(tmp_path / "steppe.storypkg", photos=1, height=60)
    engine = library.engine("curator1")
    versions.push(engine, pkg, message="first")
    _edit(pkg)
    versions.push(engine, pkg, message="edited")
    return pkg


def test_diff_names_what_changed(library: Library, two_versions: Path) -> None:
    d = diff.diff(library.engine("viewer1"), "steppe", 1, 2)
    by_kind = {(c.kind, c.title): c for c in d.chapters}
    assert set(by_kind) == {
        ("moved", "Chapter 3"),
        ("changed", "Arrival"),
        ("added", "Border"),
        ("removed", "Chapter 2"),
    }
    arrival = by_kind[("changed", "Arrival")]
    assert arrival.fields == ("title", "text") and (arrival.lines_added, arrival.lines_removed) == (
        1,
        0,
    )
    assert by_kind[("moved", "Chapter 3")].moved_from == 3
    assert by_kind[("moved", "Chapter 3")].number == 1
    assert by_kind[("removed", "Chapter 2")].number == 2
    assert [(m.kind, m.caption) for m in d.media] == [("added", "Gate")]
    back = diff.diff(library.engine("viewer1"), "steppe", 2, 1)
    assert [(m.kind, m.caption) for m in back.media] == [("removed", "Gate")]
    assert diff.diff(library.engine("viewer1"), "steppe", 2, 2).lines()[-1] == "no changes"
    with pytest.raises(LibraryError, match="story 'steppe' has no version 9"):
        diff.diff(library.engine("viewer1"), "steppe", 1, 9)


def test_restore_makes_an_old_version_the_newest(
    library: Library, two_versions: Path, tmp_path: Path
) -> None:
    curator = library.engine("curator2")
    assert versions.restore(curator, "steppe", 1) == 3
    hist = versions.history(curator, "steppe")
    assert [(v.number, v.pushed_by, v.message, v.restored_from) for v in hist] == [
        (1, "curator1", "first", None),
        (2, "curator1", "edited", None),
        (3, "curator2", "restored version 1", 1),
    ]
    one, three = tmp_path / "one.storypkg", tmp_path / "three.storypkg"
    versions.pull(curator, "steppe", one, version=1)
    versions.pull(curator, "steppe", three)
    assert _media(one) == _media(three)
    assert diff.diff(curator, "steppe", 1, 3).same
    with library.engine().connect() as conn:  # nothing was copied but the content row
        assert conn.execute(text("SELECT count(*) FROM media")).scalar() == 3  # 2 + a thumbnail
    # someone whose package is based on version 2 must now pull first
    with pytest.raises(LibraryError, match="has a newer version than 2"):
        versions.push(library.engine("curator1"), two_versions)


def test_restore_is_refused_to_a_viewer_and_under_someone_elses_lock(
    library: Library, two_versions: Path
) -> None:
    with pytest.raises(LibraryError, match="user viewer1 may not restore steppe version 1"):
        versions.restore(library.engine("viewer1"), "steppe", 1)
    locks.lock(library.engine("curator1"), "steppe")
    with pytest.raises(LibraryError, match="is locked by curator1"):
        versions.restore(library.engine("curator2"), "steppe", 1)
    with pytest.raises(LibraryError, match="has no version 5"):
        versions.restore(library.engine("curator1"), "steppe", 5)


def test_cli_diff_and_restore(
    library: Library, two_versions: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    monkeypatch.setenv("STORYPORT_LIBRARY", library.cli_url("curator1"))
    assert main.main(["library", "diff", "steppe", "1", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "steppe: version 1 -> 2"
    assert "~ chapter 1 'Chapter 3': moved from 3" in out
    assert "~ chapter 2 'Arrival': title, text (+1 -0 lines)" in out
    assert "+ chapter 3 'Border' added" in out
    assert "- chapter 2 'Chapter 2' removed" in out
    assert any(line.startswith("+ image ") and "'Gate'" in line for line in out)
    assert main.main(["library", "restore", "steppe", "1", "-m", "back"]) == 0
    assert capsys.readouterr().out == "restored steppe version 1 as version 3\n"
    assert main.main(["library", "history", "steppe"]) == 0
    assert "\tback  (restored from v1)" in capsys.readouterr().out
    assert main.main(["library", "diff", "steppe", "1", "7"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "has no version 7" in err
