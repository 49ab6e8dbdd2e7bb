"""The story map as a reader uses it: click, keyboard, pan and zoom, labels, hover cards."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from story.package.file import open_package
from story.reading import list_chapters
from tests.ui.map_helpers import make_package, wheel
from ui.map.view import StoryMapView


@pytest.fixture
def view(qtbot, tmp_path: Path) -> Iterator[StoryMapView]:
    pkg, _ids = make_package(tmp_path / "m.storypkg")
    v = StoryMapView()
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.set_story_maps(pkg)
    v.show()
    qtbot.waitExposed(v)
    v.fit_all()
    yield v
    pkg.close()


def click_marker(qtbot, v: StoryMapView, index: int) -> list[int]:
    """Click chapter ``index``'s marker as a person would (from its menu if it lists several)."""
    pos = v.marker_viewport_pos(index)
    assert pos is not None and v.viewport().rect().contains(pos)
    assert v.page is not None
    marker = v.page.marker_for(index)
    with qtbot.waitSignal(v.chapterActivated, timeout=2000) as blocker:
        qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        if marker is not None and len(marker.spot.chapters) > 1:
            qtbot.waitUntil(lambda: v.menu is not None and v.menu.isVisible())
            for _ in range(marker.spot.indices.index(index)):
                qtbot.keyClick(v.menu, Qt.Key.Key_Down)
            qtbot.keyClick(v.menu, Qt.Key.Key_Return)
    return blocker.args


def test_clicking_each_marker_opens_its_chapter(qtbot, view: StoryMapView) -> None:
    assert [m.spot.indices for m in view.markers()] == [[1], [2], [3], [4, 5], [6]]
    for index in range(1, 7):
        assert click_marker(qtbot, view, index) == [index]


def test_clicking_markers_of_the_bundled_story(qtbot, bundled_package: Path) -> None:
    with open_package(bundled_package) as pkg:
        v = StoryMapView()
        qtbot.addWidget(v)
        v.resize(1280, 800)
        v.set_story_maps(pkg)
        v.show()
        qtbot.waitExposed(v)
        placed = [c.index for c in list_chapters(pkg) if c.place is not None]
        assert placed, "the bundled story has chapters with places"
        for index in placed:
            v.focus_chapter(index, animate=False)
            assert click_marker(qtbot, v, index) == [index]
        # the hover card shows the chapter's title and its first picture's thumbnail
        first = placed[0]
        v.focus_chapter(first, animate=False)
        pos = v.marker_viewport_pos(first)
        assert pos is not None
        qtbot.mouseMove(v.viewport(), pos + QPoint(40, 40))
        qtbot.mouseMove(v.viewport(), pos)
        qtbot.waitUntil(v.card.isVisible, timeout=2000)
        title = next(c.title for c in list_chapters(pkg) if c.index == first)
        assert title in v.card.title.text()
        assert v.card.thumb.isVisible() and not v.card.thumb.pixmap().isNull()


def test_keyboard_only_tab_to_a_marker_and_enter_opens_it(qtbot, tmp_path: Path) -> None:
    pkg, _ = make_package(tmp_path / "k.storypkg")
    root = QWidget()
    qtbot.addWidget(root)
    before, v, after = QLineEdit(), StoryMapView(), QPushButton("After")
    lay = QVBoxLayout(root)
    for w in (before, v, after):
        lay.addWidget(w)
    root.resize(1280, 860)
    v.set_story_maps(pkg)
    root.show()
    qtbot.waitExposed(root)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)  # into the map: the first marker takes focus
    assert v.hasFocus() and v.scene().focusItem() is v.markers()[0]
    assert "Chapter 1" in v.accessibleName()
    qtbot.keyClick(v, Qt.Key.Key_Tab)
    assert v.scene().focusItem() is v.markers()[1]
    assert "marker 2 of 5" in v.accessibleName() and "Zharkent" in v.accessibleName()
    assert v.card.isVisible() and "Chapter 2" in v.card.title.text()
    with qtbot.waitSignal(v.chapterActivated) as blocker:
        qtbot.keyClick(v, Qt.Key.Key_Return)
    assert blocker.args == [2]
    qtbot.keyClick(v, Qt.Key.Key_Backtab)
    assert v.scene().focusItem() is v.markers()[0]
    for _ in range(5):
        qtbot.keyClick(v, Qt.Key.Key_Tab)
    assert after.hasFocus()  # past the last marker, Tab leaves the map
    pkg.close()


def test_focus_chapter_moves_the_map_to_the_place(qtbot, view: StoryMapView) -> None:
    for index in (1, 6, 3):
        view.focus_chapter(index, animate=True)
        qtbot.waitUntil(lambda: not view.camera.animating(), timeout=3000)
        centre = view.mapToScene(view.viewport().rect().center())
        assert view.page is not None
        found = view.page.marker_for(index)
        assert found is not None
        marker = found.centre()
        px = (centre - marker).manhattanLength() * view.camera.scale
        assert px < 3, f"chapter {index} is {px:.1f} px from the centre"
        assert view.camera.scale >= 1 / 300  # zoomed in to the place


def no_overlaps(view: StoryMapView) -> None:
    labels = view.placed_labels()
    markers = view.marker_rects()
    assert labels
    for a, b in itertools.combinations(labels, 2):
        assert not a.intersects(b), (a, b)
    for lab in labels:
        for m in markers:
            assert not lab.intersects(m), (lab, m)
    for a, b in itertools.combinations(markers, 2):  # close markers are nudged apart
        assert not a.intersects(b), (a, b)


def test_labels_never_overlap_each_other_or_markers(qtbot, view: StoryMapView) -> None:
    for zoom in (1, 2, 4, 8, 16):
        view.camera.go(view.camera.center, view.camera.min_scale * 1.25 * zoom, animate=False)
        view.viewport().repaint()
        no_overlaps(view)
    view.fit_all()
    view.set_current(3)  # the current marker is larger: labels move out of its way
    no_overlaps(view)
    overview = set(view.placed_label_texts())
    assert {"Almaty", "Yining (Ghulja)", "KAZAKHSTAN"} <= overview
    view.focus_chapter(4, animate=False)
    view.camera.go(view.camera.center, view.camera.scale * 2, animate=False)
    no_overlaps(view)
    closer = set(view.placed_label_texts())
    assert "Huocheng (Shuiding)" in closer - overview  # more, smaller places as you zoom in


def test_wheel_zooms_around_the_cursor(qtbot, view: StoryMapView) -> None:
    pos = QPoint(300, 220)
    before = view.mapToScene(pos)
    scale = view.camera.scale
    wheel(view.viewport(), pos, 1)
    assert view.camera.scale == pytest.approx(scale * 2**0.5, rel=1e-6)
    after = view.mapToScene(pos)
    assert (after - before).manhattanLength() * view.camera.scale < 2
    wheel(view.viewport(), pos, -2)
    assert view.camera.scale == pytest.approx(scale / 2**0.5, rel=1e-6)


def test_drag_pans_and_keys_pan_and_zoom(qtbot, view: StoryMapView) -> None:
    view.camera.go(view.camera.center, view.camera.scale * 4, animate=False)
    c0, s = QPointF(view.camera.center), view.camera.scale
    vp = view.viewport()
    QTest.mousePress(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(640, 400)
    )
    for x, y in ((650, 405), (700, 430), (740, 450)):
        QTest.mouseMove(vp, QPoint(x, y))
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(740, 450)
    )
    moved = (c0 - view.camera.center) * s
    assert moved.x() == pytest.approx(100, abs=2) and moved.y() == pytest.approx(50, abs=2)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: view.camera.scale == pytest.approx(s * 2, rel=1e-3), timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.waitUntil(lambda: view.camera.scale == pytest.approx(s, rel=1e-3), timeout=2000)
    c1 = QPointF(view.camera.center)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: not view.camera.animating(), timeout=2000)
    assert (view.camera.center.x() - c1.x()) * s == pytest.approx(1280 * 0.25, abs=2)
    # double-click zooms in around the pointer
    qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    qtbot.waitUntil(lambda: view.camera.scale == pytest.approx(s * 2, rel=1e-3), timeout=2000)
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 200)
    )


def test_zoom_is_clamped(qtbot, view: StoryMapView) -> None:
    for _ in range(40):
        wheel(view.viewport(), QPoint(640, 400), 1)
    assert view.camera.scale == pytest.approx(view.camera.max_scale)
    for _ in range(80):
        wheel(view.viewport(), QPoint(640, 400), -1)
    assert view.camera.scale == pytest.approx(view.camera.min_scale)
    assert view.page is not None
    assert view.page.content.contains(view.camera.center)


def test_current_and_visited_markers_look_different(qtbot, view: StoryMapView) -> None:
    view.set_visited({1, 2})
    view.set_current(2)
    m1, m2, m3 = view.markers()[:3]
    assert (m1.visited, m1.current) == (True, False)
    assert m2.current and m3.visited is False
    imgs = []
    for m in (m1, m2, m3):
        p = view.mapFromScene(m.centre())
        imgs.append(view.viewport().grab().toImage().pixelColor(p.x() + 6, p.y()).name())
    assert len(set(imgs)) >= 2  # visited is paper-white with a ring, unvisited is filled
    assert m2.half_size()[1] > m3.half_size()[1]  # the current one is larger


def test_hover_shows_a_card(qtbot, view: StoryMapView) -> None:
    pos = view.marker_viewport_pos(4)
    assert pos is not None
    qtbot.mouseMove(view.viewport(), pos + QPoint(30, 30))
    qtbot.mouseMove(view.viewport(), pos)
    qtbot.waitUntil(view.card.isVisible, timeout=2000)
    assert "Chapter 4 at Horgos" in view.card.title.text()
    assert "Chapter 5 at Horgos" in view.card.title.text()  # one marker lists both
    qtbot.mouseMove(view.viewport(), QPoint(5, 5))
    qtbot.waitUntil(lambda: not view.card.isVisible(), timeout=2000)


def test_pinch_zooms_around_the_fingers(qtbot, view: StoryMapView) -> None:
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
    from PySide6.QtWidgets import QApplication

    pos = QPointF(900, 300)
    before = view.mapToScene(pos.toPoint())
    scale = view.camera.scale
    vp = view.viewport()
    ev = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        QPointF(vp.mapToGlobal(pos.toPoint())),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(vp, ev)
    assert view.camera.scale == pytest.approx(scale * 1.5, rel=1e-6)
    after = view.mapToScene(pos.toPoint())
    assert (after - before).manhattanLength() * view.camera.scale < 2
