"""A push behind someone else's is refused before any byte is sent, in one line that says how
to resolve it; the refused package is untouched. Two pushes at once from one base: one wins."""

from __future__ import annotations

import hashlib
import shutil
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

import main
from story.editing.chapters import chapter_id_at, set_chapter_text
from story.library import versions
from story.library.connection import LibraryError
from story.package.file import open_package
from tests.library.conftest import PASSWORD, Library
from tests.library.media_packages import media_package


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _retitle(path: Path, number: int, title: str) -> None:
    with open_package(path, readonly=False) as pkg:
        set_chapter_text(pkg, chapter_id_at(pkg, number), title=title)


def _count(library: Library, sql: str) -> int:
    with library.engine().connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


@pytest.fixture
def first(library: Library, tmp_path: Path) -> Path:
    pkg = media_package(tmp_path / "steppe.storypkg", photos=1, height=100)
    versions.push(library.engine("curator1"), pkg, message="v1")
    return pkg


def test_a_push_behind_someone_elses_is_refused_and_the_package_is_untouched(
    library: Library, first: Path, tmp_path: Path
) -> None:
    alice, bob = library.engine("curator1"), library.engine("curator2")
    mine, theirs = tmp_path / "mine.storypkg", tmp_path / "theirs.storypkg"
    versions.pull(alice, "steppe", mine)
    versions.pull(bob, "steppe", theirs)
    _retitle(theirs, 1, "Bob's title")
    assert versions.push(bob, theirs, story="steppe", message="bob").version == 2
    _retitle(mine, 2, "Alice's title")
    before = _sha(mine)
    with pytest.raises(LibraryError) as err:
        versions.push(alice, mine, story="steppe", message="alice")
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith("story 'steppe' has a newer version than 1, the one this package is")
    assert "version 2 by curator2" in msg and "pull it first (library pull steppe" in msg
    assert _sha(mine) == before
    assert _count(library, "SELECT count(*) FROM versions") == 2
    # resolved as the message says: pull the latest, carry the change over, push again
    versions.pull(alice, "steppe", mine)
    _retitle(mine, 2, "Alice's title")
    assert versions.push(alice, mine, story="steppe").version == 3
    assert versions.push(alice, mine, story="steppe").version == 4  # it now records v3


def test_a_package_not_pulled_from_the_library_names_its_base(
    library: Library, first: Path, tmp_path: Path
) -> None:
    (tmp_path / "other").mkdir()
    stranger = media_package(tmp_path / "other" / "steppe.storypkg", photos=1, height=90)
    curator = library.engine("curator2")
    with pytest.raises(LibraryError, match=r"in the library \(version 1\) and this package"):
        versions.push(curator, stranger)
    with pytest.raises(LibraryError, match="based on version 7 of 'steppe', but the library's"):
        versions.push(curator, stranger, base=7)
    assert versions.push(curator, stranger, base=1).version == 2


def test_a_package_from_another_library_is_not_based_on_this_one(
    library: Library, new_database: object, first: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy" / "steppe.storypkg"
    copy.parent.mkdir()
    shutil.copy(first, copy)  # records steppe v1 of *this* library
    _retitle(copy, 1, "Edited elsewhere")  # (the very content of the latest would be let through)
    with library.engine().begin() as conn:  # pretend it came from another library of that name
        conn.execute(text("ALTER TABLE storyport_library DISABLE TRIGGER ALL"))
        conn.execute(text("UPDATE storyport_library SET id = gen_random_uuid()"))
    with pytest.raises(LibraryError, match="was not pulled from it"):
        versions.push(library.engine("curator1"), copy)


def test_two_pushes_at_once_from_one_base_one_wins(
    library: Library, first: Path, tmp_path: Path
) -> None:
    packages = []
    for user in ("curator1", "curator2"):
        pkg = tmp_path / f"{user}.storypkg"
        versions.pull(library.engine(user), "steppe", pkg)
        _retitle(pkg, 1, f"by {user}")
        packages.append((user, pkg, _sha(pkg)))
    results: dict[str, object] = {}
    go = threading.Barrier(2, timeout=30)

    def push(user: str, pkg: Path) -> None:
        go.wait()
        try:
            results[user] = versions.push(library.engine(user), pkg, story="steppe").version
        except LibraryError as exc:
            results[user] = exc

    threads = [threading.Thread(target=push, args=(u, p)) for u, p, _ in packages]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    won = [u for u, r in results.items() if r == 2]
    lost = [u for u, r in results.items() if isinstance(r, LibraryError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert "has a newer version than 1" in str(results[lost[0]])
    [(_, pkg, sha)] = [p for p in packages if p[0] == lost[0]]
    assert _sha(pkg) == sha  # the loser's package is untouched
    assert _count(library, "SELECT count(*) FROM versions") == 2


def test_cli_refusal_is_one_line_and_base_resolves_it(
    library: Library, first: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    monkeypatch.setenv("STORYPORT_LIBRARY", library.cli_url("curator2"))
    stale = tmp_path / "stale.storypkg"
    assert main.main(["library", "pull", "steppe", str(stale)]) == 0
    _retitle(stale, 1, "Stale edit")  # (the very content of the latest would be let through)
    assert main.main(["library", "push", str(first), "-m", "second"]) == 0  # curator2, from v1
    capsys.readouterr()
    assert main.main(["library", "push", str(stale), "--story", "steppe"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "has a newer version than 1" in err and "library pull steppe OUT.storypkg" in err
    assert main.main(["library", "push", str(stale), "--story", "steppe", "--base", "2"]) == 0
    assert "pushed steppe version 3" in capsys.readouterr().out


def test_two_stories_pushed_at_once_with_the_same_media_store_them_once(
    library: Library, tmp_path: Path
) -> None:
    """The second push waits for the first one's rows of the shared media and sends none of
    their bytes; neither deadlocks (hashes are claimed in one order)."""
    pkgs = []
    for name in ("north", "south"):
        (tmp_path / name).mkdir()
        pkgs.append(media_package(tmp_path / name / f"{name}.storypkg", photos=3, height=300))
    results: dict[str, object] = {}
    go = threading.Barrier(2, timeout=30)

    def push(pkg: Path, user: str) -> None:
        go.wait()
        results[pkg.stem] = versions.push(library.engine(user), pkg)

    threads = [
        threading.Thread(target=push, args=(p, u))
        for p, u in zip(pkgs, ("curator1", "curator2"), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    north, south = results["north"], results["south"]
    assert isinstance(north, versions.PushResult) and isinstance(south, versions.PushResult)
    assert sorted([north.media_sent, south.media_sent]) == [0, 3]
    assert north.media_sent + north.media_reused == south.media_sent + south.media_reused == 3
    assert _count(library, "SELECT count(*) FROM media") == 6  # 3 photos, 3 thumbnails
