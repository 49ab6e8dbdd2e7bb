"""The editor and the library, on a real server: File > Open from library…, Push to library…
(the lock holder shown, a push behind someone else's refused in the dialog), and notices
(LISTEN/NOTIFY) when another curator pushes a version of the open story or takes its lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialogButtonBox

from story.editing.chapters import chapter_id_at, set_chapter_text
from story.library import locks, versions
from story.library.package_files import read_origin
from story.package.file import open_package
from tests.editor_helpers import editor_window
from tests.library.conftest import PASSWORD, Library
from tests.library.media_packages import media_package

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    monkeypatch.delenv("STORYPORT_LIBRARY", raising=False)
    with editor_window(qtbot) as win:
        yield win
        QThreadPool.globalInstance().waitForDone(20000)
        link = _link(win)
        if link is not None:
            link.stop_watch()


def _link(win):
    from ui.editor.library import LibraryLink

    return win.findChild(LibraryLink)


def _trigger(win, name: str):
    from ui.editor.actions import Action

    win.actions_[Action[name]].trigger()
    return _link(win).dialog


def _status(win) -> str:
    return str(win.status_text.text())


def _open_from_library(qtbot, win, library: Library, dest: Path, story: str = "") -> None:
    dlg = _trigger(win, "OPEN_LIBRARY")
    assert dlg.windowTitle() == "Open from library" and dlg.isVisible()
    dlg.url.setText(library.cli_url("curator1"))
    qtbot.mouseClick(dlg.refresh, Qt.MouseButton.LeftButton)
    if story:  # one of several stories
        qtbot.waitUntil(lambda: dlg.model.rowCount() > 1, timeout=20000)
        names = [dlg.model.item(i).data(0x0100) for i in range(dlg.model.rowCount())]
        dlg.stories.setCurrentIndex(dlg.model.index(names.index(story), 0))
    else:
        qtbot.waitUntil(lambda: dlg.model.rowCount() == 1, timeout=20000)
        assert dlg.model.item(0).text() == "steppe: Steppe (version 1)"
        dlg.stories.setCurrentIndex(dlg.model.index(0, 0))
    dlg.dest.setText(str(dest))
    dlg.buttons.button(QDialogButtonBox.StandardButton.Open).click()
    qtbot.waitUntil(lambda: win.doc is not None and win.doc.path == dest, timeout=20000)
    assert not dlg.isVisible()
    assert _status(win).startswith(f"Opened {story or 'steppe'} version ")


def test_open_from_library_and_notices_of_anothers_push_and_lock(
    qtbot, window, library: Library, tmp_path: Path
) -> None:
    first = media_package(tmp_path / "steppe.storypkg", photos=1, height=60)
    versions.push(library.engine("curator2"), first, message="v1")
    dest = tmp_path / "mine.storypkg"
    _open_from_library(qtbot, window, library, dest)
    assert window.windowTitle().startswith("Steppe — mine.storypkg")

    other = tmp_path / "theirs.storypkg"  # curator2 works on and pushes a new version
    versions.pull(library.engine("curator2"), "steppe", other)
    with open_package(other, readonly=False) as pkg:
        set_chapter_text(pkg, chapter_id_at(pkg, 1), title="Their title")
    versions.push(library.engine("curator2"), other, story="steppe", message="theirs")
    qtbot.waitUntil(
        lambda: _status(window).startswith("curator2 pushed version 2 of steppe to the library"),
        timeout=10000,
    )
    locks.lock(library.engine("curator2"), "steppe")
    qtbot.waitUntil(
        lambda: _status(window) == "curator2 took the lock on steppe in the library", timeout=10000
    )
    locks.unlock(library.engine("curator2"), "steppe")
    qtbot.waitUntil(lambda: _status(window) == "curator2 released the lock on steppe")


def test_push_to_library_shows_the_lock_and_refuses_a_push_behind(
    qtbot, window, library: Library, tmp_path: Path
) -> None:
    first = media_package(tmp_path / "steppe.storypkg", photos=1, height=60)
    versions.push(library.engine("curator2"), first, message="v1")
    dest = tmp_path / "mine.storypkg"
    _open_from_library(qtbot, window, library, dest)
    locks.lock(library.engine("curator1"), "steppe")

    dlg = _trigger(window, "PUSH_LIBRARY")
    assert dlg.windowTitle() == "Push to library" and dlg.story.text() == "steppe"
    qtbot.waitUntil(lambda: dlg.lock.text().startswith("held by curator1 on "), timeout=20000)
    dlg.message.setText("from the editor")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: _status(window).startswith("Pushed steppe version 2"), timeout=20000)
    assert not dlg.isVisible()
    hist = versions.history(library.engine("viewer1"), "steppe")
    assert [(v.number, v.pushed_by, v.message) for v in hist][-1] == (
        2,
        "curator1",
        "from the editor",
    )
    locks.unlock(library.engine("curator1"), "steppe")

    theirs = tmp_path / "theirs.storypkg"  # someone else pushes version 3 meanwhile
    versions.pull(library.engine("curator2"), "steppe", theirs)
    with open_package(theirs, readonly=False) as pkg:
        set_chapter_text(pkg, chapter_id_at(pkg, 2), title="Their second title")
    versions.push(library.engine("curator2"), theirs, story="steppe")
    qtbot.waitUntil(lambda: "pushed version 3" in _status(window), timeout=10000)
    dlg = _trigger(window, "PUSH_LIBRARY")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "has a newer version than 2" in dlg.error.text(), timeout=20000)
    assert dlg.isVisible() and "pull it first" in dlg.error.text()
    assert "has a newer version than 2" in _status(window)
    assert len(versions.history(library.engine("viewer1"), "steppe")) == 3
    with window.doc.pkg.raw() as conn:  # the open story still says it is version 2
        origin = read_origin(conn)
    assert origin is not None and (origin.story, origin.version) == ("steppe", 2)
    dlg.reject()


def test_push_needs_a_story_and_the_watch_follows_the_open_package(
    qtbot, window, library: Library, tmp_path: Path
) -> None:
    from ui.editor.actions import Action

    push = window.actions_[Action.PUSH_LIBRARY]
    assert not push.isEnabled()  # no story open
    first = media_package(tmp_path / "steppe.storypkg", photos=1, height=60)
    versions.push(library.engine("curator2"), first, message="v1")
    other = media_package(tmp_path / "other.storypkg", photos=1, height=40, seed=2)
    versions.push(library.engine("curator2"), other, message="v1")
    _open_from_library(qtbot, window, library, tmp_path / "mine.storypkg", story="steppe")
    assert push.isEnabled()
    link = _link(window)
    assert link.watch is not None and link.watch.story == "steppe"

    plain = media_package(tmp_path / "plain.storypkg", photos=1, height=30, seed=3)
    assert window.open_path(plain)  # never in a library: nothing to follow
    qtbot.waitUntil(lambda: link.watch is None, timeout=5000)
    theirs = tmp_path / "theirs.storypkg"
    versions.pull(library.engine("curator2"), "steppe", theirs)
    _retitle(theirs, "Their title")
    versions.push(library.engine("curator2"), theirs, story="steppe")
    qtbot.wait(300)
    assert "pushed version" not in _status(window)

    pulled = tmp_path / "other-mine.storypkg"  # pulled from the library: followed again
    versions.pull(library.engine("curator1"), "other", pulled)
    _open_from_library(qtbot, window, library, tmp_path / "mine2.storypkg", story="steppe")
    assert link.watch is not None and link.watch.story == "steppe"
    assert window.open_path(pulled)
    qtbot.waitUntil(lambda: link.watch is not None and link.watch.story == "other", timeout=5000)
    again = tmp_path / "other-theirs.storypkg"
    versions.pull(library.engine("curator2"), "other", again)
    _retitle(again, "Another title")
    versions.push(library.engine("curator2"), again, story="other")
    qtbot.waitUntil(
        lambda: _status(window).startswith("curator2 pushed version 2 of other"), timeout=10000
    )
    window.close_document()
    qtbot.waitUntil(lambda: link.watch is None, timeout=5000)
    assert not push.isEnabled()


def _retitle(path: Path, title: str) -> None:
    with open_package(path, readonly=False) as pkg:
        set_chapter_text(pkg, chapter_id_at(pkg, 1), title=title)
