"""Keyboard only (issue 13): the whole bundled story read, every marker visited, a chapter
edited, without a mouse.

Every step is a key press delivered where focus is (``QApplication.focusWidget()``),
as a person without a mouse would make it; what is checked is what they would
see or hear: the chapter shown, the marker read out by the map's name, the text saved.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from story.reading import get_chapter
from tests.ui.test_editor_support import home, window  # noqa: F401 - fixtures
from ui.map.view import StoryMapView

_MARKER = re.compile(r"marker (\d+) of (\d+)")


def _key(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press ``key`` where focus is; the widget that had focus."""
    focus = QApplication.focusWidget()
    assert focus is not None, "focus was lost"
    qtbot.keyClick(focus, key, modifier)
    return focus


@pytest.mark.timeout(120)
def test_read_the_whole_story_and_visit_every_marker(qtbot, shown_reader) -> None:
    view = shown_reader.view
    assert view is not None
    view.show_cover()
    view.cover.start.setFocus()  # where the cover puts focus when it opens
    qtbot.waitUntil(view.cover.start.hasFocus)
    _key(qtbot, Qt.Key.Key_Return)
    seen = [view.current]
    while (view.current or 0) < len(view.chapters):
        text = view.chapter_page.text  # Page Down reads the chapter to its end, then stops
        bar = text.verticalScrollBar()
        for _ in range(1 + bar.maximum() // max(1, int(bar.pageStep() * 0.9))):
            _key(qtbot, Qt.Key.Key_PageDown)
        assert bar.value() == bar.maximum()
        at = view.current
        _key(qtbot, Qt.Key.Key_PageDown)
        assert view.current == at  # the end of a chapter does not turn it silently
        _key(qtbot, Qt.Key.Key_N)
        seen.append(view.current)
    assert seen == list(range(1, len(view.chapters) + 1))

    _key(qtbot, Qt.Key.Key_M)  # the map
    assert view.stack.currentWidget() is view.map_page
    map_view = view.map_page
    assert isinstance(map_view, StoryMapView)
    visited: set[tuple[str, int]] = set()
    markers = 0  # a marker is a place; chapters at one place share it (its menu lists them)
    for page in range(map_view.switcher.count()):
        if page == 0:  # M gave the map focus; Tab goes to its first marker
            assert map_view.hasFocus()
            _key(qtbot, Qt.Key.Key_Tab)
        else:  # from the switcher, Shift+Tab goes back into the (new) map's markers
            _key(qtbot, Qt.Key.Key_Backtab)
            assert map_view.hasFocus()
            while _MARKER.search(map_view.accessibleName()).group(1) != "1":  # type: ignore[union-attr]
                _key(qtbot, Qt.Key.Key_Backtab)
        while map_view.hasFocus():
            m = _MARKER.search(map_view.accessibleName())
            assert m is not None, map_view.accessibleName()
            k, n = int(m.group(1)), int(m.group(2))
            assert (map_view.switcher.tabText(page), k) not in visited
            visited.add((map_view.switcher.tabText(page), k))
            _key(qtbot, Qt.Key.Key_Tab)
        assert len([v for v in visited if v[0] == map_view.switcher.tabText(page)]) == n
        markers += n
        # Tab left the markers for the map switcher: Right shows the next map
        assert QApplication.focusWidget() is map_view.switcher
        _key(qtbot, Qt.Key.Key_Right)
    assert len(visited) == markers and map_view.switcher.count() >= 2

    # a second pass enters at the first marker again, not where the first pass left
    map_view.switcher.setCurrentIndex(0)
    map_view.switcher.setFocus()
    _key(qtbot, Qt.Key.Key_Backtab)
    assert map_view.hasFocus()
    assert "marker " in map_view.accessibleName()
    last = int(_MARKER.search(map_view.accessibleName()).group(2))  # type: ignore[union-attr]
    assert f"marker {last} of {last}" in map_view.accessibleName()  # backwards: the last
    while map_view.hasFocus():
        _key(qtbot, Qt.Key.Key_Tab)
    for _ in range(3):  # round again from the top bar, forwards: marker 1 every time
        view.topbar.contents.setFocus()
        for _ in range(20):
            if map_view.hasFocus():
                break
            _key(qtbot, Qt.Key.Key_Tab)
        assert "marker 1 of" in map_view.accessibleName()  # not where the last pass left
        while map_view.hasFocus():
            _key(qtbot, Qt.Key.Key_Tab)
    view.topbar.contents.setFocus()
    while not map_view.hasFocus():
        _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Return)  # Enter opens the chapter at the marker
    assert view.stack.currentWidget() is view.chapter_page


@pytest.mark.timeout(120)
def test_edit_a_chapter_without_a_mouse(qtbot, window, home: Path) -> None:  # noqa: F811
    assert window.new_package(home / "keys.storypkg")
    window.activateWindow()
    window.chapters.view.setFocus()
    qtbot.waitUntil(window.chapters.view.hasFocus)
    _key(
        qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: len(window.chapters.model.chapters()) == 1)
    title = window.editor.title
    title.setFocus()  # a new chapter puts the cursor in its title
    qtbot.waitUntil(title.hasFocus)
    title.selectAll()
    for ch in "Border":
        _key(qtbot, Qt.Key(ord(ch.upper())), Qt.KeyboardModifier.NoModifier)
    _key(qtbot, Qt.Key.Key_Tab)  # to the summary
    _key(qtbot, Qt.Key.Key_Tab)  # past the date field's parts to the text
    while QApplication.focusWidget() is not window.editor.body:
        _key(qtbot, Qt.Key.Key_Tab)
    body = QApplication.focusWidget()
    assert isinstance(body, QPlainTextEdit)
    qtbot.keyClicks(body, "Trains wait.")
    _key(qtbot, Qt.Key.Key_Tab)  # Tab leaves the text box: no tab typed into the story
    assert QApplication.focusWidget() is not body
    assert "\t" not in body.toPlainText()
    qtbot.waitUntil(lambda: get_chapter(window.doc.pkg, 1).body_md == "Trains wait.", timeout=5000)
    assert get_chapter(window.doc.pkg, 1).title.lower() == "border"
