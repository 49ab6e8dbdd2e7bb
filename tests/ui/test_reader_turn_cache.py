"""A chapter turn reuses what was made ahead: the scaled photo, the neighbour's laid-out text."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from ui.reader.photo import PhotoView


def _image(color: str) -> QImage:
    image = QImage(800, 500, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    return image


def test_scaled_photo_is_reused_between_paints_and_rebuilt_on_resize(qtbot) -> None:
    view = PhotoView()
    qtbot.addWidget(view)
    view.resize(QSize(400, 300))
    view.set_image(_image("#336699"))
    view.grab()
    (first,) = view._scaled.values()
    view.grab()
    assert list(view._scaled.values()) == [first]  # the second paint only draws
    view.resize(QSize(600, 300))
    view.grab()
    assert len(view._scaled) == 2
    assert list(view._scaled.values())[-1].size() != first.size()


def test_a_photo_prepared_ahead_is_what_the_paint_draws(qtbot) -> None:
    view = PhotoView()
    qtbot.addWidget(view)
    view.resize(QSize(400, 300))
    view.set_image(_image("#336699"))
    view.grab()
    other = _image("#993366")
    view.prepare(other)
    assert len(view._scaled) == 2
    prepared = dict(view._scaled)
    view.set_image(other)
    view.grab()
    assert dict(view._scaled) == prepared  # nothing scaled again on the turn


def test_the_next_chapter_text_is_ready_before_the_turn_and_reads_the_same(qtbot, reader) -> None:
    reader.show_chapter(1)
    page = reader.chapter_page
    qtbot.waitUntil(lambda: len(page.text._ready) >= 1, timeout=3000)
    ready = next(iter(page.text._ready.values()))
    reader.show_chapter(2)
    assert page.text.document() is ready  # swapped in, not rendered again
    swapped = page.text.document().toHtml()
    page.text._render()  # what a fresh render of the same chapter makes
    assert page.text.document().toHtml() == swapped
    assert shown_lines(page)[1] == reader.chapters[1].title


def shown_lines(page) -> list[str]:
    return page.text.toPlainText().splitlines()
