"""The reader by keyboard (issue 13): Enter and Space activate what has focus, the top
bar's Previous / Next follow what is shown, thumbnails are buttons named by caption.

Real packages (tests/ui/test_reader_material.py builds them with the write API
and Pillow), real widgets, real key presses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from story.package.file import Package, open_package
from tests.ui.test_reader_material import make_material, open_reader


@pytest.fixture
def mapped(tmp_path: Path) -> Iterator[Package]:
    pkg = open_package(make_material(tmp_path / "mapped.storypkg", with_map=True))
    yield pkg
    pkg.close()


def test_top_bar_previous_and_next_follow_the_map(qtbot, mapped, tmp_path, monkeypatch) -> None:
    view = open_reader(qtbot, mapped, tmp_path, monkeypatch, size=(1280, 800))
    bar = view.topbar
    view.show_map()  # nothing read yet: Next opens chapter 1, Previous has nowhere to go
    assert bar.next.isEnabled() and not bar.prev.isEnabled()
    qtbot.mouseClick(bar.next, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.chapter_page and view.current == 1

    view.show_chapter(2)
    view.show_map()
    assert bar.prev.isEnabled() and bar.next.isEnabled()
    qtbot.mouseClick(bar.next, Qt.MouseButton.LeftButton)  # the chapter after the current
    assert view.stack.currentWidget() is view.chapter_page and view.current == 3

    view.show_map()  # after the last chapter Next is off, Previous goes back
    assert not bar.next.isEnabled() and bar.prev.isEnabled()
    qtbot.mouseClick(bar.prev, Qt.MouseButton.LeftButton)
    assert view.current == 2 and view.stack.currentWidget() is view.chapter_page
    view.show_chapter(3)
    assert not bar.next.isEnabled()
    view.shutdown()


def test_enter_activates_the_focused_cover_button(qtbot, mapped, tmp_path, monkeypatch) -> None:
    view = open_reader(qtbot, mapped, tmp_path, monkeypatch, size=(1280, 800))
    view.show_cover()
    view.cover.about.setFocus()
    qtbot.keyClick(view.cover.about, Qt.Key.Key_Return)
    assert view.stack.currentWidget() is view.about_page  # not chapter 1

    view.show_cover()
    view.cover.map.setFocus()
    qtbot.keyClick(view.cover.map, Qt.Key.Key_Enter)
    assert view.map_page is not None and view.stack.currentWidget() is view.map_page

    view.show_cover()
    view.setFocus()  # nothing focused: Enter on the cover still starts reading
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.stack.currentWidget() is view.chapter_page and view.current == 1
    view.shutdown()


def test_enter_and_space_press_top_bar_buttons(qtbot, mapped, tmp_path, monkeypatch) -> None:
    view = open_reader(qtbot, mapped, tmp_path, monkeypatch, size=(1280, 800))
    view.show_chapter(1)
    view.topbar.next.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.topbar.next, Qt.Key.Key_Return)
    assert view.current == 2
    assert view.window().focusWidget() is view.topbar.next  # Enter again goes on
    qtbot.keyClick(view.topbar.next, Qt.Key.Key_Enter)
    assert view.current == 3
    view.topbar.prev.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.topbar.prev, Qt.Key.Key_Space)
    assert view.current == 2
    view.topbar.cover.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.topbar.cover, Qt.Key.Key_Return)
    assert view.stack.currentWidget() is view.cover
    view.shutdown()


def test_thumbnails_are_buttons_named_by_caption(qtbot, mapped, tmp_path, monkeypatch) -> None:
    view = open_reader(qtbot, mapped, tmp_path, monkeypatch)
    view.show_chapter(1)
    chapter = view.chapter(1)
    strip = view.chapter_page.gallery.strip
    for button, item in zip(strip.buttons, chapter.images, strict=True):
        face = QAccessible.queryAccessibleInterface(button)
        assert face is not None
        assert face.role() == QAccessible.Role.Button  # not a checkbox
        assert face.text(QAccessible.Text.Name) == item.caption  # not the 440-character alt
        assert len(face.text(QAccessible.Text.Name)) < 200
    view.shutdown()


def test_arrows_on_the_last_thumbnail_stay_in_the_chapter(
    qtbot, mapped, tmp_path, monkeypatch
) -> None:
    view = open_reader(qtbot, mapped, tmp_path, monkeypatch)
    view.show_chapter(2)
    gallery = view.chapter_page.gallery
    strip = gallery.strip
    strip.buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(strip.buttons[0], Qt.Key.Key_Right)  # arrows move between photos
    assert gallery.index == 1 and view.window().focusWidget() is strip.buttons[1]
    qtbot.keyClick(strip.buttons[1], Qt.Key.Key_End)
    last = strip.buttons[29]
    assert gallery.index == 29 and view.window().focusWidget() is last
    qtbot.keyClick(last, Qt.Key.Key_Right)  # the end: no silent change of chapter
    assert view.current == 2 and gallery.index == 29
    strip.buttons[3].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(strip.buttons[3], Qt.Key.Key_Return)  # Enter shows that photo
    assert gallery.index == 3
    qtbot.keyClick(strip.buttons[5], Qt.Key.Key_Space)  # Space presses the focused one
    view.shutdown()


def test_t_moves_focus_into_the_contents_and_back(qtbot, mapped, tmp_path, monkeypatch) -> None:
    view = open_reader(qtbot, mapped, tmp_path, monkeypatch)
    view.show_chapter(1)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_T)
    listing = view.toc.list
    assert view.toc.isVisible() and view.window().focusWidget() is listing
    qtbot.keyClick(listing, Qt.Key.Key_Down)
    qtbot.keyClick(listing, Qt.Key.Key_Return)  # Enter opens the chapter under the cursor
    assert view.current == 2
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_T)  # T again closes, even from inside the list
    assert not view.toc.isVisible()
    assert view.window().focusWidget() is view
    view.shutdown()
