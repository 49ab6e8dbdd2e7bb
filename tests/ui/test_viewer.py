"""The full-screen viewer's visible controls (issue 13), on a curator's real material.

A real package (portrait photos, a 30-photo chapter, a white photo) made with
Pillow through the write API, the real reader window, and the viewer driven
by keys and clicks as a person would: the buttons are there, named and big
enough, the counter counts, the ends do not wrap, a right-to-left story is
mirrored, the caption reads over a white photo, the controls fade and return.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QColor, QMouseEvent
from PySide6.QtWidgets import QApplication

from story.editing.chapters import add_chapter, chapter_id_at
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.package.file import Package, create_package, open_package
from tests.fixtures.packages import image_item
from tests.ui.test_reader_material import CAPTION, make_material
from ui import schemes
from ui.reader.fullscreen import FullScreenViewer
from ui.reader.view import ReaderView
from ui.reader.viewer_controls import BUTTON_PX
from ui.schemes import TEXT, contrast

TARGET = 44  #: what a finger needs


@pytest.fixture
def material(tmp_path: Path) -> Iterator[Package]:
    pkg = open_package(make_material(tmp_path / "material.storypkg"))
    yield pkg
    pkg.close()


def white_story(path: Path) -> Path:
    """One chapter, one pure white photo with a long caption and a credit: the hardest case."""
    buf = io.BytesIO()
    Image.new("RGB", (1600, 1000), (255, 255, 255)).save(buf, "PNG")
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Snow"))
        add_chapter(pkg, "Whiteout", body_md="Snow on the pass.")
        mid = store_media(
            pkg, image_item(buf.getvalue(), 1600, 1000), caption=CAPTION, credit="A. Photographer"
        )
        append_media(pkg, chapter_id_at(pkg, 1), mid)
    return path


_windows: list[object] = []


def open_viewer(
    qtbot, pkg: Package, tmp_path: Path, monkeypatch, chapter: int, index: int = 0
) -> tuple[ReaderView, FullScreenViewer]:
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    load_fonts()
    window = ReaderWindow(pkg, sync_images=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    _windows[:] = [window]
    view = window.view
    assert view is not None
    view.show_chapter(chapter)
    viewer = view.viewer
    viewer.resize(1280, 800)
    viewer.open_at(view.chapter(chapter).images, index, windowed=True)
    qtbot.waitExposed(viewer)
    QApplication.processEvents()
    return view, viewer


def _iface(widget):
    return QAccessible.queryAccessibleInterface(widget)


def test_controls_are_visible_named_buttons_big_enough(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    _, viewer = open_viewer(qtbot, material, tmp_path, monkeypatch, chapter=2, index=2)
    w, h = viewer.width(), viewer.height()
    buttons = {
        "Close": viewer.close_button,
        "Previous photo": viewer.previous_button,
        "Next photo": viewer.next_button,
    }
    for name, button in buttons.items():
        assert button.isVisible() and button.isEnabled()
        assert button.width() >= TARGET and button.height() >= TARGET
        iface = _iface(button)
        assert iface.text(QAccessible.Text.Name) == name
        assert iface.role() in (QAccessible.Role.PushButton, QAccessible.Role.Button)
        assert iface.state().focusable
    close, prev, nxt = viewer.close_button, viewer.previous_button, viewer.next_button
    assert close.geometry().right() > w - 100 and close.y() < 100  # the top corner
    assert prev.geometry().right() < w // 5 and nxt.x() > w * 4 // 5  # at the sides
    assert abs(prev.geometry().center().y() - nxt.geometry().center().y()) <= 1
    above_caption = viewer.scrim.y()
    assert abs(prev.geometry().center().y() - above_caption // 2) <= 2  # centred over the photo
    assert viewer.counter.isVisible() and viewer.counter.text() == "3 of 30"
    assert _iface(viewer.counter).text(QAccessible.Text.Name) == "Photo 3 of 30"
    assert 0 < viewer.counter.y() < 100
    assert h - viewer.scrim.geometry().bottom() <= 1  # the caption at the bottom


def test_keys_step_jump_and_never_wrap(qtbot, material, tmp_path, monkeypatch) -> None:
    _, viewer = open_viewer(qtbot, material, tmp_path, monkeypatch, chapter=2)
    assert viewer.index == 0 and not viewer.previous_button.isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.index == 0  # no wrap to the last photo
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 1 and viewer.counter.text() == "2 of 30"
    assert viewer.caption.text() == "Photo number 2"
    qtbot.keyClick(viewer, Qt.Key.Key_End)
    assert viewer.index == 29 and viewer.counter.text() == "30 of 30"
    assert not viewer.next_button.isEnabled() and viewer.previous_button.isEnabled()
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    qtbot.keyClick(viewer, Qt.Key.Key_Space)
    assert viewer.index == 29  # the end is the end
    qtbot.keyClick(viewer, Qt.Key.Key_Home)
    assert viewer.index == 0 and viewer.next_button.isEnabled()


def test_focused_buttons_take_enter_and_space(qtbot, material, tmp_path, monkeypatch) -> None:
    view, viewer = open_viewer(qtbot, material, tmp_path, monkeypatch, chapter=2, index=27)
    viewer.activateWindow()
    viewer.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(viewer.next_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: viewer.index == 28, timeout=2000)
    qtbot.keyClick(viewer.next_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: viewer.index == 29, timeout=2000)
    # Next is disabled at the end: focus moves to Previous, not into nowhere
    assert not viewer.next_button.isEnabled()
    assert viewer.focusWidget() is viewer.previous_button
    qtbot.keyClick(viewer.previous_button, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: viewer.index == 28, timeout=2000)
    qtbot.keyClick(viewer.previous_button, Qt.Key.Key_Right)  # arrows still step from a button
    assert viewer.index == 29
    with qtbot.waitSignal(viewer.closed, timeout=2000) as closed:
        qtbot.keyClick(viewer.previous_button, Qt.Key.Key_Escape)
    assert closed.args == [29] and not viewer.isVisible()
    assert view.chapter_page.gallery.index == 29  # the gallery shows where the reader left


def test_buttons_work_with_the_mouse(qtbot, material, tmp_path, monkeypatch) -> None:
    _, viewer = open_viewer(qtbot, material, tmp_path, monkeypatch, chapter=2)
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.index == 2
    qtbot.mouseClick(viewer.previous_button, Qt.MouseButton.LeftButton)
    assert viewer.index == 1
    qtbot.mouseClick(viewer.close_button, Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()


def test_right_to_left_mirrors_controls_and_arrows(qtbot, material, tmp_path, monkeypatch) -> None:
    from ui.reader.window import ReaderWindow

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    window = ReaderWindow(material, sync_images=True)
    qtbot.addWidget(window)
    view = window.view
    assert view is not None
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as an Arabic story's reader is
    window.show()
    view.show_chapter(2)
    viewer = view.viewer
    viewer.resize(1280, 800)
    viewer.open_at(view.chapter(2).images, 0, windowed=True)
    qtbot.waitExposed(viewer)
    w = viewer.width()
    assert viewer.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert viewer.previous_button.x() > w * 4 // 5  # behind the reader: on the right
    assert viewer.next_button.geometry().right() < w // 5  # onward: on the left
    assert viewer.close_button.x() < 100 and viewer.counter.x() > w - 200
    qtbot.keyClick(viewer, Qt.Key.Key_Left)  # left is onward in Arabic
    assert viewer.index == 1
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.index == 0
    viewer.close()


def test_portrait_photo_is_whole_and_its_caption_uncut(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    _, viewer = open_viewer(qtbot, material, tmp_path, monkeypatch, chapter=1)
    drawn = viewer.photo.image_rect()
    assert drawn.height() == pytest.approx(viewer.height(), abs=1)  # tall: full height, not cut
    assert drawn.width() == pytest.approx(drawn.height() * 600 / 900, abs=2)
    caption = viewer.caption
    assert caption.text() == CAPTION and viewer.credit.text() == "A. Photographer"
    assert caption.height() >= caption.heightForWidth(caption.width())
    assert viewer.credit.geometry().bottom() < viewer.scrim.height()  # the credit inside too
    for control in (viewer.previous_button, viewer.next_button):
        assert not control.geometry().intersects(viewer.scrim.geometry())


def _luminous(colour: QColor) -> float:
    return colour.redF() + colour.greenF() + colour.blueF()


def test_caption_and_credit_read_over_a_white_photo(qtbot, tmp_path, monkeypatch) -> None:
    pkg = open_package(white_story(tmp_path / "white.storypkg"))
    try:
        _, viewer = open_viewer(qtbot, pkg, tmp_path, monkeypatch, chapter=1)
        image = viewer.grab().toImage()
        dpr = image.devicePixelRatio()
        scrim = viewer.scrim.geometry()
        photo = viewer.photo.image_rect()
        assert photo.contains(float(scrim.center().x()), float(scrim.bottom() - 2))  # over white
        for label in (viewer.caption, viewer.credit):
            area = label.geometry().translated(scrim.topLeft())
            # the scrim as painted, beside the text (no glyphs there), over the white photo
            x = int(photo.left()) + 4
            behind = image.pixelColor(round(x * dpr), round(area.center().y() * dpr))
            assert _luminous(behind) < 0.7  # the photo is white; the scrim darkened it
            ink = label.palette().color(label.foregroundRole())
            ratio = contrast(ink, behind)
            assert ratio >= TEXT, f"{label.objectName()}: {ratio:.2f}"
            # and the glyphs really are drawn in that ink: the brightest pixel in the text
            brightest = max(
                (
                    image.pixelColor(round(px * dpr), round(py * dpr))
                    for px in range(area.left(), area.right(), 2)
                    for py in range(area.top(), area.bottom(), 2)
                ),
                key=_luminous,
            )
            assert contrast(brightest, behind) >= TEXT
        # the counter reads on its own fill, over the white photo too
        counter = viewer.counter.geometry()
        fill = image.pixelColor(
            round((counter.left() + 3) * dpr), round(counter.center().y() * dpr)
        )
        if photo.contains(counter.topLeft().toPointF()):
            assert contrast(QColor("#ffffff"), fill) >= TEXT
        viewer.close()
    finally:
        pkg.close()


def test_controls_fade_when_still_and_return_on_movement_or_a_key(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(schemes, "_calm", False)
    _, viewer = open_viewer(qtbot, material, tmp_path, monkeypatch, chapter=2)
    fader = viewer.fader
    fader.idle.setInterval(150)
    fader.poke()
    assert fader.opacity() == 1.0
    qtbot.waitUntil(lambda: fader.opacity() == 0.0, timeout=3000)
    assert viewer.caption.isVisible()  # the caption stays
    fader.idle.setInterval(2000)  # long enough to see them back before they go again
    # the move as the window system delivers it (QTest's mouseMove moves the cursor, and
    # offscreen that lands on the reader's window under the viewer, not on the viewer)
    for x in (300, 320):
        moved = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(x, 300),
            QPointF(viewer.photo.mapToGlobal(QPoint(x, 300))),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewer.photo, moved)
    qtbot.waitUntil(lambda: fader.opacity() == 1.0, timeout=3000)
    assert fader.idle.isActive()  # and the stillness counted again from the move
    fader.fade_out()
    qtbot.waitUntil(lambda: fader.opacity() == 0.0, timeout=3000)
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: fader.opacity() == 1.0, timeout=3000)
    viewer.close()


def test_under_reduced_motion_the_controls_stay(qtbot, material, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(schemes, "_calm", True)
    _, viewer = open_viewer(qtbot, material, tmp_path, monkeypatch, chapter=2)
    viewer.fader.idle.setInterval(50)
    viewer.fader.poke()
    viewer.fader.fade_out()  # even if the timer fired
    qtbot.wait(400)
    assert viewer.fader.opacity() == 1.0 and viewer.fader.shown
    viewer.close()


def test_kiosk_keeps_the_controls_finger_sized(qtbot, material, tmp_path, monkeypatch) -> None:
    from ui.reader import links
    from ui.reader.kiosk import Kiosk
    from ui.reader.kiosk_settings import KioskSettings

    view, viewer = open_viewer(qtbot, material, tmp_path, monkeypatch, chapter=2)
    viewer.close()
    window = view.window()
    kiosk = Kiosk(window, KioskSettings(), windowed=True)  # type: ignore[arg-type]
    kiosk.start(attract=False)
    try:
        view.show_chapter(2)
        view.open_full_screen(0)
        qtbot.waitUntil(viewer.isVisible, timeout=2000)
        viewer.resize(1280, 800)
        for button in (viewer.close_button, viewer.previous_button, viewer.next_button):
            assert button.width() >= TARGET and button.height() >= TARGET
        assert BUTTON_PX >= TARGET
        qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
        assert viewer.index == 1  # the kiosk's touch filter lets a tap on a button through
    finally:
        kiosk.leave()
        links.SESSION.closed = False
