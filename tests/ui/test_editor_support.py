"""Helpers for the editor tests: a real editor window on a real package, and ways to act on it
as a person would (type, press Return, drop files from the desktop). No tests here."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from tests.conftest import FIXTURES_MEDIA
from tests.editor_helpers import editor_window

IMAGES = FIXTURES_MEDIA / "images"
AUDIO = FIXTURES_MEDIA / "audio"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    return tmp_path


@pytest.fixture
def window(qtbot, home: Path) -> Iterator[object]:
    with editor_window(qtbot) as win:
        yield win


@pytest.fixture
def editor(qtbot, window, home: Path):
    """A window on a new package with two chapters, "One" and "Two"."""
    assert window.new_package(home / "story.storypkg")
    window.chapters.add()
    window.chapters.add()
    qtbot.waitUntil(lambda: len(window.chapters.model.chapters()) == 2)
    window.chapters.select_row(0)
    type_into(qtbot, window.editor.title, "One")
    window.chapters.select_row(1)
    type_into(qtbot, window.editor.title, "Two")
    window.chapters.select_row(0)
    return window


def type_into(qtbot, widget: QWidget, text: str, *, finish: bool = True) -> None:
    """Select everything in the field, type ``text`` and (line edits) press Return."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        for i, line in enumerate(text.split("\n")):
            if i:
                qtbot.keyClick(widget, Qt.Key.Key_Return)
            if line:
                qtbot.keyClicks(widget, line)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if finish and isinstance(widget, QLineEdit):
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def drop_files(target: QWidget, paths: list[Path], pos: QPoint | None = None) -> None:
    """Drag files from the desktop and drop them on ``target`` (a view's viewport)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    drop_data(target, data, pos)


def drop_data(target: QWidget, data: QMimeData, pos: QPoint | None = None) -> None:
    """Drag ``data`` over ``target`` and drop it at ``pos``."""
    at = pos or target.rect().center()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    app = QApplication.instance()
    assert app is not None
    with warnings.catch_warnings():  # PySide marks these QPoint constructors deprecated; no other
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            at, actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        move = QDragMoveEvent(
            at, actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    app.sendEvent(target, enter)
    app.sendEvent(target, move)
    drop = QDropEvent(at, actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    app.sendEvent(target, drop)


def wait_import(qtbot, window, count_before: int) -> None:
    """Wait until the import started has finished and is on the undo stack."""
    qtbot.waitUntil(
        lambda: window.doc.stack.count() > count_before and not window.imports.running,
        timeout=60000,
    )


def wait_checks(qtbot, window) -> list:
    """The validation panel's list once it has caught up with the last edit."""
    panel = window.checks_panel
    gen = panel.generation
    panel.timer.start(0)
    qtbot.waitUntil(lambda: panel.generation > gen and not panel.busy, timeout=20000)
    return list(panel.model.problems)
