"""Roles enforced by PostgreSQL (each forbidden action tried with each role) and editing locks."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

import main
from story.library import locks, versions
from story.library.connection import LibraryError
from tests.library.conftest import PASSWORD, Library
from tests.library.media_packages import media_package


@pytest.fixture
def pushed(library: Library, tmp_path: Path) -> Path:
    pkg = media_package(tmp_path / "steppe.storypkg", photos=1, height=60)
    versions.push(library.engine("curator1"), pkg, message="v1")
    return pkg


def test_a_viewer_pulls_but_may_not_push_lock_or_approve(
    library: Library, pushed: Path, tmp_path: Path
) -> None:
    viewer = library.engine("viewer1")
    versions.pull(viewer, "steppe", tmp_path / "out.storypkg")
    with pytest.raises(LibraryError, match=r"^user viewer1 may not push steppe in the library"):
        versions.push(viewer, pushed)
    with pytest.raises(LibraryError, match=r"^user viewer1 may not lock steppe"):
        locks.lock(viewer, "steppe")
    with pytest.raises(LibraryError, match=r"^user viewer1 may not approve steppe version 1"):
        versions.approve(viewer, "steppe", 1)
    assert [v.number for v in versions.history(viewer, "steppe")] == [1]


def test_a_curator_pushes_and_locks_but_may_not_approve(library: Library, pushed: Path) -> None:
    curator = library.engine("curator1")
    with pytest.raises(LibraryError, match=r"^user curator1 may not approve steppe version 1"):
        versions.approve(curator, "steppe", 1)
    assert versions.history(curator, "steppe")[0].approved_by is None


def test_an_editor_approves(library: Library, pushed: Path) -> None:
    versions.approve(library.engine("editor1"), "steppe", 1)
    assert versions.history(library.engine("viewer1"), "steppe")[0].approved_by == "editor1"


@pytest.mark.parametrize("user", ["viewer1", "curator1", "editor1"])
def test_no_role_can_change_or_forge_history(library: Library, pushed: Path, user: str) -> None:
    forbidden = [
        "UPDATE versions SET message = 'rewritten'",
        "DELETE FROM versions",
        "DELETE FROM media_chunks",
        "UPDATE media_chunks SET data = 'x'",
        "DELETE FROM version_media",
        "UPDATE storyport_library SET version = 99",
        "CREATE TABLE mine (id int)",
        "INSERT INTO approvals (version_id, approved_by) "
        "SELECT id, 'someone-else' FROM versions LIMIT 1",
    ]
    for sql in forbidden:
        with pytest.raises(DBAPIError) as err, library.engine(user).begin() as conn:
            conn.execute(text(sql))
        assert getattr(err.value.orig, "sqlstate", None) in {"42501", "23514"}, sql
    with library.engine().connect() as conn:
        assert conn.execute(text("SELECT message FROM versions")).scalar() == "v1"


def test_a_second_lock_names_the_holder_and_others_still_pull(
    library: Library, pushed: Path, tmp_path: Path
) -> None:
    held = locks.lock(library.engine("curator1"), "steppe")
    assert held.owner == "curator1"
    with pytest.raises(LibraryError, match=r"^story 'steppe' is locked by curator1 on \S+ since"):
        locks.lock(library.engine("curator2"), "steppe")
    with pytest.raises(LibraryError, match="is locked by curator1"):
        versions.push(library.engine("curator2"), pushed)
    with pytest.raises(LibraryError, match="is locked by curator1 .*not by you"):
        locks.unlock(library.engine("curator2"), "steppe")
    versions.pull(library.engine("curator2"), "steppe", tmp_path / "read.storypkg")
    assert versions.push(library.engine("curator1"), pushed).version == 2  # the holder pushes
    locks.unlock(library.engine("curator1"), "steppe")
    assert locks.lock(library.engine("curator2"), "steppe").owner == "curator2"


def test_a_stale_lock_is_taken_over_only_when_asked(library: Library, pushed: Path) -> None:
    locks.lock(library.engine("curator1"), "steppe", hours=-1)  # already expired
    second = library.engine("curator2")
    with pytest.raises(LibraryError, match=r"stale lock by curator1 .*--take-over"):
        locks.lock(second, "steppe")
    with library.engine("curator2").begin() as conn:  # RLS: not by deleting it either
        assert conn.execute(text("DELETE FROM story_locks")).rowcount == 0
    taken = locks.lock(second, "steppe", take_over=True)
    assert (taken.owner, taken.expired) == ("curator2", False)
    lock = locks.lock_of(library.engine("viewer1"), "steppe")
    assert lock is not None and lock.owner == "curator2"


def test_cli_lock_refusal_is_one_line(
    library: Library, pushed: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    url = ["library", "--url"]
    assert main.main([*url, library.cli_url("curator1"), "lock", "steppe"]) == 0
    assert main.main([*url, library.cli_url("curator2"), "lock", "steppe"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "storyport library: story 'steppe' is locked by curator1" in err
    assert main.main([*url, library.cli_url("viewer1"), "push", str(pushed)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "user viewer1 may not push steppe" in err
