"""The map's markers in the accessibility tree (issue 13), as a screen reader walks it.

Each marker is an accessible child of the map (role Button, named by its place
and chapters, with its rectangle on screen), in story order; Tab focus enters
at marker 1 and the focused marker is the map's focus child; Enter opens it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface

from tests.ui.map_helpers import PLACES, make_package
from ui.map.view import StoryMapView

R = QAccessible.Role


@pytest.fixture
def view(qtbot, tmp_path: Path) -> Iterator[StoryMapView]:
    pkg, _ids = make_package(tmp_path / "m.storypkg", with_plan=True)
    v = StoryMapView()
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.set_story_maps(pkg)
    v.show()
    qtbot.waitExposed(v)
    v.fit_all()
    yield v
    pkg.close()


def _buttons(v: StoryMapView) -> list[QAccessibleInterface]:
    """The marker buttons, found by walking down from the map's own interface."""
    out: list[QAccessibleInterface] = []
    todo = [QAccessible.queryAccessibleInterface(v)]
    while todo:
        node = todo.pop(0)
        for i in range(node.childCount()):
            c = node.child(i)
            if c is None:
                continue
            assert c.parent() is not None
            if c.role() == R.Button and c.object() in v.markers():
                out.append(c)
            todo.append(c)
    return out


@pytest.mark.timeout(60)
def test_every_marker_is_a_named_button_in_story_order(qtbot, view: StoryMapView) -> None:
    buttons = _buttons(view)
    markers = view.markers()
    assert len(markers) == 5  # six chapters, two of them at Horgos
    assert [b.object() for b in buttons] == markers
    names = [b.text(QAccessible.Text.Name) for b in buttons]
    assert names[0] == "Almaty, chapter 1"
    assert "Horgos, 2 chapters" in names
    horgos = buttons[names.index("Horgos, 2 chapters")]
    assert "Chapter 4 at Horgos" in horgos.text(QAccessible.Text.Description)
    assert "Chapter 5 at Horgos" in horgos.text(QAccessible.Text.Description)
    assert horgos.state().hasPopup
    port = QAccessible.queryAccessibleInterface(view.viewport())
    for b, m in zip(buttons, markers, strict=True):
        assert b.state().focusable and not b.state().focused
        assert port.indexOfChild(b) >= 0 and port.child(port.indexOfChild(b)).object() is m
        # its rectangle is where it is drawn on screen
        centre = view.viewport().mapToGlobal(view._marker_pos(m))
        assert b.rect().contains(centre) and b.rect().width() >= 16
    # a place name the reader must hear, not a chapter count alone
    assert {p[0] for p in PLACES} <= {n.split(",")[0] for n in names}


@pytest.mark.timeout(60)
def test_tab_focus_is_the_maps_focus_child_and_enter_opens(qtbot, view: StoryMapView) -> None:
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    port = QAccessible.queryAccessibleInterface(view.viewport())
    order = []
    for _ in range(len(view.markers())):
        child = port.focusChild()
        assert child is not None and child.role() == R.Button
        assert child.state().focused
        order.append(child.text(QAccessible.Text.Name))
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert order == [b.text(QAccessible.Text.Name) for b in _buttons(view)]  # marker 1 first
    view.setFocus(Qt.FocusReason.TabFocusReason)  # and again from marker 1
    qtbot.waitUntil(view.hasFocus)
    first = port.focusChild()
    assert first is not None and first.text(QAccessible.Text.Name) == "Almaty, chapter 1"
    with qtbot.waitSignal(view.chapterActivated, timeout=2000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [1]


@pytest.mark.timeout(60)
def test_the_other_map_lists_its_own_markers(qtbot, view: StoryMapView) -> None:
    view.show_map(1)
    names = [b.text(QAccessible.Text.Name) for b in _buttons(view)]
    assert names == ["Gate, chapter 7", "Yard, chapter 8"]
    view.show_map(0)
    assert len(_buttons(view)) == 5
    # the hover card never cuts its kicker: the whole line is in the label, wrapped if long
    pos = view.marker_viewport_pos(4)
    assert pos is not None
    qtbot.mouseMove(view.viewport(), pos + QPoint(30, 30))
    qtbot.mouseMove(view.viewport(), pos)
    qtbot.waitUntil(view.card.isVisible, timeout=2000)
    kicker = view.card.kicker
    assert kicker.text() == "HORGOS · 2 CHAPTERS"
    need = kicker.fontMetrics().boundingRect(
        kicker.contentsRect(), Qt.TextFlag.TextWordWrap, kicker.text()
    )
    assert need.height() <= kicker.height() and need.width() <= kicker.width()
    long = "KHORGOS GATEWAY DRY PORT AND INTERNATIONAL CENTRE OF BOUNDARY COOPERATION · 12 CHAPTERS"
    view.card.show_for(long, "A title", "", None, view._colours.accent, QPoint(500, 400))
    assert kicker.text() == long  # not "KHORGOS GATEWAY DRY PORT AND INTERNAT…"
    need = kicker.fontMetrics().boundingRect(
        kicker.contentsRect(), Qt.TextFlag.TextWordWrap, kicker.text()
    )
    assert need.height() <= kicker.height() and need.width() <= kicker.width()
    assert need.height() > kicker.fontMetrics().height()  # it took two lines or more


@pytest.mark.timeout(60)
def test_the_hover_card_hides_no_other_marker(qtbot, view: StoryMapView) -> None:
    markers, rects = view.markers(), view.marker_rects()
    assert len(markers) == 5
    for m in markers:
        pos = view._marker_pos(m)
        qtbot.mouseMove(view.viewport(), pos + QPoint(40, 40))
        qtbot.mouseMove(view.viewport(), pos)
        qtbot.waitUntil(view.card.isVisible, timeout=2000)
        card = QRectF(view.card.geometry())
        assert not card.contains(QPointF(pos)), m.spot.place_name
        hidden = [
            o.spot.place_name
            for o, r in zip(markers, rects, strict=True)
            if o is not m and card.intersects(r)
        ]
        assert not hidden, (m.spot.place_name, hidden)
        assert view.viewport().rect().contains(view.card.geometry())


@pytest.mark.timeout(120)
@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_the_hover_card_hides_no_marker_of_the_bundled_story(
    qtbot, bundled_package: Path, size: tuple[int, int]
) -> None:
    """The bundled story's markers crowd around Khorgos: the card finds room beside them."""
    from story.package.file import open_package

    with open_package(bundled_package, readonly=True) as pkg:
        v = StoryMapView()
        qtbot.addWidget(v)
        v.resize(*size)
        v.set_story_maps(pkg)
        v.show()
        qtbot.waitExposed(v)
        for page in range(len(v.pages)):
            v.show_map(page)
            markers, rects = v.markers(), v.marker_rects()
            for m in markers:
                pos = v._marker_pos(m)
                qtbot.mouseMove(v.viewport(), pos + QPoint(40, 40))
                qtbot.mouseMove(v.viewport(), pos)
                qtbot.waitUntil(v.card.isVisible, timeout=2000)
                card = QRectF(v.card.geometry())
                hidden = [
                    o.spot.place_name
                    for o, r in zip(markers, rects, strict=True)
                    if o is not m and card.intersects(r)
                ]
                assert not hidden, (size, m.spot.place_name, hidden)
        v.close()
