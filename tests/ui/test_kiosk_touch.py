"""Exhibition mode by touch alone (issue 12): finger-sized targets, swipes, the map.

Touches go through QTest's touch device (Qt turns one finger into the mouse
events the widgets read; two fingers on the map make a pinch), drags through
QTest's mouse: the fallback for a screen with a mouse. A touch sequence is
sent to the top-level window with the widget named for its coordinates: in
PySide a sequence aimed at a child widget either reads its points in window
coordinates or (a scroll area's viewport) sends nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QWidget

from story.package.file import Package
from tests.ui.map_helpers import make_package
from tests.ui.test_kiosk import Exhibit, exhibit, kiosk_package, kiosk_pkg, touch_device
from ui.map.markers import MarkerItem
from ui.reader.touch import TARGET

__all__ = ["exhibit", "kiosk_package", "kiosk_pkg"]  # fixtures used by name


def shown_buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]


def smallest(widgets: list[QAbstractButton]) -> tuple[int, int, str]:
    """The smallest width and height among ``widgets``, and the name of the smallest."""
    w = min(widgets, key=lambda b: min(b.width(), b.height()))
    return min(b.width() for b in widgets), min(b.height() for b in widgets), w.text()


def swipe(widget: QWidget, start: QPoint, dx: int, dy: int = 0, steps: int = 8) -> None:
    """One finger from ``start`` by (dx, dy), in steps, as a person swipes."""
    device = touch_device()
    QTest.touchEvent(widget.window(), device).press(0, start, widget)
    for i in range(1, steps + 1):
        at = start + QPoint(dx * i // steps, dy * i // steps)
        QTest.touchEvent(widget.window(), device).move(0, at, widget)
        QTest.qWait(10)
    QTest.touchEvent(widget.window(), device).release(0, start + QPoint(dx, dy), widget)
    QApplication.processEvents()


def mouse_drag(widget: QWidget, start: QPoint, dx: int, dy: int = 0, steps: int = 8) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, steps + 1):
        QTest.mouseMove(widget, start + QPoint(dx * i // steps, dy * i // steps))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=start + QPoint(dx, dy))
    QApplication.processEvents()


def test_every_target_is_at_least_44_px(exhibit) -> None:
    ex: Exhibit = exhibit(size=(1024, 640))  # a small exhibition screen
    view, window = ex.view, ex.window
    view.show_cover()
    QApplication.processEvents()
    w, h, name = smallest(shown_buttons(window))
    assert w >= TARGET and h >= TARGET, (w, h, name)

    view.show_chapter(2)  # thirty photos: the thumbnail strip
    view.topbar.contents.setChecked(True)
    QApplication.processEvents()
    w, h, name = smallest(shown_buttons(window))
    assert w >= TARGET and h >= TARGET, (w, h, name)
    toc = view.toc.list
    rows = [toc.visualRect(toc.model().index(r, 0)).height() for r in range(3)]
    assert min(rows) >= TARGET, rows
    about = [lab for lab in view.toc.findChildren(QLabel) if "about" in lab.text().lower()]
    assert about and about[0].height() >= TARGET
    assert view.audio.play_button.width() >= TARGET and view.audio.play_button.height() >= TARGET

    view.show_map()
    QApplication.processEvents()
    w, h, name = smallest(shown_buttons(window))
    assert w >= TARGET and h >= TARGET, (w, h, name)


def test_a_swipe_turns_the_chapter(exhibit) -> None:
    ex: Exhibit = exhibit()
    view = ex.view
    view.show_chapter(1)
    text = view.chapter_page.text.viewport()
    middle = text.rect().center()
    swipe(text, middle, -240)  # right to left: the next chapter
    assert view.current == 2
    photo = view.chapter_page.slots.boxes[0].photo  # the lead picture
    swipe(photo, photo.rect().center(), 240)  # over the photo too, left to right: back
    assert view.current == 1
    assert not view.viewer.isVisible()  # the swipe did not also open the photo
    assert ex.kiosk.touch.swipes == 2

    mouse_drag(text, middle, -240)  # the mouse-drag fallback
    assert view.current == 2
    swipe(text, middle, -30)  # too short: a nudge, not a swipe
    assert view.current == 2


def test_a_swipe_on_the_cover_starts_reading(exhibit) -> None:
    ex: Exhibit = exhibit()
    view = ex.view
    view.show_cover()
    swipe(view.cover, view.cover.rect().center(), -300)
    assert view.stack.currentWidget() is view.chapter_page and view.current == 1


def test_a_vertical_drag_scrolls_the_text_and_selects_nothing(exhibit) -> None:
    ex: Exhibit = exhibit(size=(1024, 480))  # short, so the text scrolls
    view = ex.view
    view.show_chapter(3)
    view.chapter_page.text.setMarkdown("\n\n".join(["A paragraph of the chapter."] * 60))
    QApplication.processEvents()
    text = view.chapter_page.text
    bar = text.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    swipe(text.viewport(), text.viewport().rect().center() + QPoint(0, 100), 0, -200)
    assert bar.value() > 100  # the finger moved up: the text followed it
    assert not text.textCursor().hasSelection()
    assert view.current == 3  # and it was not a swipe


def test_a_tap_on_the_photo_still_opens_it(exhibit) -> None:
    ex: Exhibit = exhibit()
    view = ex.view
    view.show_chapter(1)
    photo = view.chapter_page.slots.boxes[0].photo  # the lead picture
    device = touch_device()
    QTest.touchEvent(photo.window(), device).press(0, photo.rect().center(), photo)
    QTest.touchEvent(photo.window(), device).release(0, photo.rect().center(), photo)
    QApplication.processEvents()
    assert view.viewer.isVisible()
    view.viewer.close()


def tap(widget: QWidget, at: QPoint) -> None:
    device = touch_device()
    QTest.touchEvent(widget.window(), device).press(0, at, widget)
    QTest.touchEvent(widget.window(), device).release(0, at, widget)
    QApplication.processEvents()


@pytest.fixture
def mapped(tmp_path: Path) -> Iterator[Package]:
    """The map tests' package: the regional basemap, a picture map, seven chapters placed."""
    pkg, _ids = make_package(tmp_path / "mapped.storypkg", with_plan=True)
    yield pkg
    pkg.close()


def test_the_map_by_touch_alone(exhibit, mapped) -> None:
    ex: Exhibit = exhibit(pkg=mapped)
    view = ex.view
    view.show_map()
    QApplication.processEvents()
    map_view = view.map_page
    viewport = map_view.viewport()
    camera = map_view.camera
    centre = viewport.rect().center()
    tabs = map_view.switcher  # two maps: the region and the plan
    assert tabs.isVisible() and min(tabs.tabRect(i).height() for i in range(2)) >= TARGET

    scale = camera.scale  # two fingers apart: zoom in
    device = touch_device()
    a, b = centre - QPoint(60, 0), centre + QPoint(60, 0)
    QTest.touchEvent(viewport.window(), device).press(0, a, viewport).press(1, b, viewport)
    for i in range(1, 7):
        QTest.touchEvent(viewport.window(), device).move(0, a - QPoint(15 * i, 0), viewport).move(
            1, b + QPoint(15 * i, 0), viewport
        )
        QTest.qWait(15)
    QTest.touchEvent(viewport.window(), device).release(0, a - QPoint(90, 0), viewport).release(
        1, b + QPoint(90, 0), viewport
    )
    QApplication.processEvents()
    assert camera.scale > scale * 1.3

    before = QPointF(camera.center)  # one finger: pan
    swipe(viewport, centre + QPoint(0, 80), 0, -150)
    assert camera.center != before

    map_view.fit_all()
    QApplication.processEvents()
    marker = map_view.marker_viewport_pos(2)  # a tap a finger's width off the marker
    assert marker is not None and viewport.rect().contains(marker)
    off = marker + QPoint(16, 8)
    assert not isinstance(map_view.itemAt(off), MarkerItem)  # drawn 22 px wide: a miss
    tap(viewport, off)
    assert view.stack.currentWidget() is view.chapter_page and view.current == 2

    view.show_map()  # two chapters at one place: the tap offers both, in finger-sized rows
    map_view.focus_chapter(4, animate=False)  # close in: Altynkol is 10 km off, not 9 px
    QApplication.processEvents()
    marker = map_view.marker_viewport_pos(4)
    assert marker is not None
    tap(viewport, marker + QPoint(0, 17))
    menu = map_view.menu
    assert isinstance(menu, QMenu) and menu.isVisible() and len(menu.actions()) == 2
    heights = [menu.actionGeometry(act).height() for act in menu.actions()]
    assert min(heights) >= TARGET, heights
    menu.close()


def test_a_drag_scrolls_the_contents(exhibit, mapped) -> None:
    ex: Exhibit = exhibit(pkg=mapped, size=(1024, 420))  # eight chapters, a short screen
    view = ex.view
    view.topbar.contents.setChecked(True)
    QApplication.processEvents()
    rows = view.toc.list
    bar = rows.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    swipe(rows.viewport(), rows.viewport().rect().center() + QPoint(0, 60), 0, -120)
    assert bar.value() > 60
    assert view.stack.currentWidget() is view.cover  # no chapter was chosen by the drag
    shown = rows.indexAt(rows.viewport().rect().center())  # a row scrolled into view
    assert shown.row() >= 3
    tap(rows.viewport(), rows.visualRect(shown).center())  # a tap still chooses one
    assert view.current == shown.row() + 1


def test_a_swipe_on_the_full_screen_photo_steps_between_photos(exhibit) -> None:
    ex: Exhibit = exhibit()
    view = ex.view
    view.show_chapter(1)  # three photos
    photo = view.chapter_page.slots.boxes[0].photo  # the lead picture
    tap(photo, photo.rect().center())
    viewer = view.viewer
    assert viewer.isVisible() and viewer.index == 0
    QTest.qWait(500)  # not a double tap
    swipe(viewer.photo, viewer.photo.rect().center(), -240)
    assert viewer.isVisible() and viewer.index == 1 and view.current == 1
    swipe(viewer.photo, viewer.photo.rect().center(), 240)
    assert viewer.index == 0
    QTest.qWait(500)
    tap(viewer.photo, viewer.photo.rect().center())  # a tap closes it, as before
    assert not viewer.isVisible()
