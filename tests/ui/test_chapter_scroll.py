"""A chapter read by scrolling (issue 13): placed figures, pull quotes, layout, keys, sound, map.

Real packages (Pillow photos through the write API, the bundled story with its
sound and maps), real widgets, shown windows; what is checked is what a
reader sees: where each picture sits and how wide, what takes focus, what plays.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from story.editing.chapters import add_chapter, chapter_id_at, set_chapter_text
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.package.file import Package, create_package, open_package
from tests.fixtures.packages import image_item
from tests.ui.test_reader_material import photo
from ui.reader.chapter_figures import FigureBox, FigureRow
from ui.reader.view import ReaderView

QUOTE = "The gate opens at nine, and by ten the queue reaches the river."


def make_placed(path: Path) -> Path:
    """Chapter 1: a lead photo, then an inset, a full-width, a portrait, a row of three,
    a pull quote with its attribution, two links and a heading; chapter 2: plain text."""
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Placed", subtitle="Figures in the text"))
        add_chapter(pkg, "Figures", body_md="(set below)")
        add_chapter(pkg, "Plain", body_md="Just words.\n\n" * 40)
        ids = []
        for n, size in enumerate([(900, 600)] * 3 + [(600, 1200)] + [(640, 480)] * 3):
            item = image_item(photo(size, 30 * n), *size)
            mid = store_media(pkg, item, caption=f"Caption {n}", credit=f"Credit {n}")
            append_media(pkg, chapter_id_at(pkg, 1), mid)
            ids.append(mid)
        body = (
            "Opening words with [a first link](https://example.org/one).\n\n"
            f"![inset](media:{ids[1]})\n\n"
            + "Filler paragraph to read on.\n\n" * 3
            + f'![full](media:{ids[2]} "full")\n\n'
            + f"![tall](media:{ids[3]})\n\n"
            + f"![a](media:{ids[4]})\n![b](media:{ids[5]})\n![c](media:{ids[6]})\n\n"
            + f"> {QUOTE}\n> — A driver at the gate\n\n"
            + "## Second part\n\n"
            + "More text and [a second link](https://example.org/two).\n\n"
            + "Closing words.\n\n" * 12
        )
        set_chapter_text(pkg, chapter_id_at(pkg, 1), body_md=body)
    return path


@pytest.fixture
def placed(tmp_path: Path) -> Iterator[Package]:
    pkg = open_package(make_placed(tmp_path / "placed.storypkg"))
    yield pkg
    pkg.close()


_windows: list[object] = []


def open_at(qtbot, pkg: Package, tmp_path: Path, monkeypatch, size, sync=True) -> ReaderView:
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    load_fonts()
    window = ReaderWindow(pkg, sync_images=sync)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _windows[:] = [window]
    view = window.view
    assert view is not None
    return view


def boxes(view: ReaderView) -> list[FigureBox]:
    return view.chapter_page.slots.boxes


def test_figures_sit_where_placed_at_their_widths(qtbot, placed, tmp_path, monkeypatch) -> None:
    view = open_at(qtbot, placed, tmp_path, monkeypatch, (1280, 800))
    view.show_chapter(1)
    QApplication.processEvents()
    text = view.chapter_page.text
    vw, vh = text.viewport().width(), text.viewport().height()
    left, column = text.column()
    lead, inset, full, tall, *row = boxes(view)
    assert [b.info.caption for b in boxes(view)] == [f"Caption {n}" for n in range(7)]
    # the lead picture and the "full" one bleed past the column: the page's width
    assert lead.width() == vw and full.width() == vw
    # a landscape photo fills the width unless that would make it taller than 80% of the page
    assert full.photo.width() == vw or full.photo.height() >= round(vh * 0.8) - 1
    assert full.photo.width() > column
    assert inset.width() == column and inset.photo.width() == column
    assert inset.x() == left
    # a portrait keeps its shape and never outgrows the page's height
    assert tall.photo.height() <= vh * 0.8 + 1
    ratio = tall.photo.width() / tall.photo.height()
    assert ratio == pytest.approx(0.5, abs=0.02)
    # three side by side: one line, each narrower than the column, captions under each
    tops = {b.mapTo(text.viewport(), b.rect().topLeft()).y() for b in row}
    assert len(tops) == 1
    assert all(b.width() < column for b in row)
    lefts = [b.mapTo(text.viewport(), b.rect().topLeft()).x() for b in row]
    assert lefts == sorted(lefts) and lefts[0] < lefts[1] < lefts[2]
    for b in row:
        assert b.caption.geometry().top() >= b.photo.geometry().bottom()
    # reading order: each picture below the one placed before it
    ys = [b.mapTo(text.viewport(), b.rect().topLeft()).y() for b in (lead, inset, full, tall)]
    assert ys == sorted(ys)
    # nothing overlaps the text: the text before the inset ends above it
    doc = text.document()
    found = doc.find("Opening words")
    rect = doc.documentLayout().blockBoundingRect(found.block())
    assert rect.bottom() - text.verticalScrollBar().value() <= ys[1]


def test_a_pull_quote_has_large_type_a_rule_and_its_attribution(
    qtbot, placed, tmp_path, monkeypatch
) -> None:
    view = open_at(qtbot, placed, tmp_path, monkeypatch, (1280, 800))
    view.show_chapter(1)
    text = view.chapter_page.text
    plain = text.toPlainText()
    assert QUOTE in plain and "\u2014 A driver at the gate" in plain
    doc = text.document()
    quote = doc.find(QUOTE).block()
    body = doc.find("Closing words").block()
    quote_px = quote.begin().fragment().charFormat().font().pixelSize()
    body_px = body.begin().fragment().charFormat().font().pixelSize()
    assert quote_px >= 1.35 * body_px
    assert quote.blockNumber() in getattr(doc, "rules", ())  # the accent rule beside it
    attribution = doc.find("A driver at the gate").block()
    assert attribution.blockNumber() == quote.blockNumber() + 1
    assert attribution.begin().fragment().charFormat().font().pixelSize() < body_px


def test_a_narrow_window_stacks_and_keeps_pictures_in_the_page(
    qtbot, placed, tmp_path, monkeypatch
) -> None:
    view = open_at(qtbot, placed, tmp_path, monkeypatch, (800, 600))
    view.show_chapter(1)
    QApplication.processEvents()
    text = view.chapter_page.text
    vw, vh = text.viewport().width(), text.viewport().height()
    rows = [w for w in text.viewport().findChildren(FigureRow) if w.isVisible()]
    assert len(rows) == 1 and rows[0].stacked
    ys = [b.mapTo(text.viewport(), b.rect().topLeft()).y() for b in rows[0].boxes]
    assert ys == sorted(ys) and len(set(ys)) == 3  # one above the other
    for box in boxes(view):
        assert box.width() <= vw and box.photo.height() <= vh * 0.8 + 1
    assert not view.chapter_page.side_map.isVisible()  # no map squeezing the text
    # at 200% text the column widens with it (up to the window), the page still holds
    view.set_text_scale(2.0)
    QApplication.processEvents()
    left, column = text.column()
    assert column == vw - 2 * left and left == 28
    for box in boxes(view):
        assert box.width() <= vw


def test_text_takes_focus_and_tab_walks_its_links_then_the_photos(
    qtbot, placed, tmp_path, monkeypatch
) -> None:
    view = open_at(qtbot, placed, tmp_path, monkeypatch, (1280, 800))
    view.show_chapter(1)
    text = view.chapter_page.text
    opened: list[str] = []

    def note(url: QUrl, parent: object = None) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(text.links, "open", note)
    text.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(text.hasFocus)
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None
        if focus is text:
            seen.append(text.textCursor().charFormat().anchorHref())
        else:
            seen.append(focus.accessibleName())
    assert seen[:2] == ["https://example.org/one", "https://example.org/two"]
    assert seen[2] == "Caption 0"  # then the lead photo, a button named by its caption
    lead = boxes(view)[0].photo
    iface = QAccessible.queryAccessibleInterface(lead)
    assert iface is not None and iface.role() == QAccessible.Role.Button
    assert iface.text(QAccessible.Text.Name) == "Caption 0"
    # a photo below the fold scrolls into view when Tab reaches it
    row_photo = boxes(view)[-1].photo
    row_photo.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    top = row_photo.mapTo(text.viewport(), row_photo.rect().topLeft()).y()
    assert 0 <= top < text.viewport().height()
    qtbot.keyClick(row_photo, Qt.Key.Key_Return)  # Enter opens it full screen
    qtbot.waitUntil(view.viewer.isVisible, timeout=3000)
    assert "Caption 6" in view.viewer.caption.text()
    view.viewer.close()
    # Enter on a focused link opens it
    text.setFocus(Qt.FocusReason.TabFocusReason)
    text.moveCursor(text.textCursor().MoveOperation.Start)
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert opened == ["https://example.org/one"]


def test_keys_scroll_the_page_headings_and_do_not_turn_silently(
    qtbot, placed, tmp_path, monkeypatch
) -> None:
    view = open_at(qtbot, placed, tmp_path, monkeypatch, (1280, 800))
    view.show_chapter(1)
    bar = view.chapter_page.text.verticalScrollBar()
    assert bar.maximum() > 2 * bar.pageStep()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert bar.value() > 0.8 * bar.pageStep()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() > 1.6 * bar.pageStep()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert bar.value() < 1.6 * bar.pageStep()
    bar.setValue(0)
    qtbot.keyClick(view, Qt.Key.Key_H)  # the next heading comes to the top
    heading = view.chapter_page.text.document().find("Second part").block()
    y = view.chapter_page.text.document().documentLayout().blockBoundingRect(heading).top()
    assert abs(bar.value() - (y - 12)) <= 2
    bar.setValue(bar.maximum())
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
        qtbot.keyClick(view, key)
        assert view.current == 1  # the end of a chapter does not turn it
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current == 2 and bar.value() == 0


def test_sound_starts_when_its_block_scrolls_into_view_unless_turned_off(
    qtbot, reader_pkg, tmp_path, monkeypatch
) -> None:
    view = open_at(qtbot, reader_pkg, tmp_path, monkeypatch, (1280, 800), sync=False)
    view.show_chapter(1)
    QApplication.processEvents()
    text, sound = view.chapter_page.text, view.chapter_page.sound
    vh = text.viewport().height()

    def on_screen() -> int:
        top = sound.mapTo(text.viewport(), sound.rect().topLeft()).y()
        return QRect(0, top, 10, sound.height()).intersected(QRect(0, 0, 10, vh)).height()

    assert on_screen() < 0.6 * sound.height()  # below the lead picture: not yet heard
    qtbot.wait(400)
    assert not view.audio.is_playing()
    text.verticalScrollBar().setValue(sound.y() + text.verticalScrollBar().value() - 200)
    qtbot.waitUntil(view.audio.is_playing, timeout=5000)
    qtbot.waitUntil(lambda: view.audio.position() > 300, timeout=8000)
    assert view.audio.volume.value() == 80  # the reader's volume, not louder
    view.show_chapter(2)  # leaving the chapter stops it
    assert not view.audio.is_playing()

    qtbot.keyClick(view, Qt.Key.Key_A)  # off, and remembered
    assert not view.sound.auto
    view.show_chapter(3)
    text.verticalScrollBar().setValue(text.verticalScrollBar().maximum() // 3)
    bar = text.verticalScrollBar()
    bar.setValue(max(0, sound.y() + bar.value() - 200))
    qtbot.wait(600)
    assert not view.audio.is_playing()
    from ui.reader.chapter_sound import SoundInFlow

    again = SoundInFlow(view.audio, sound)
    assert not again.auto
    view.shutdown()


def test_the_map_beside_the_text_follows_the_chapter(
    qtbot, reader_pkg, tmp_path, monkeypatch
) -> None:
    view = open_at(qtbot, reader_pkg, tmp_path, monkeypatch, (1440, 900))
    side = view.chapter_page.side_map
    view.show_chapter(1)
    qtbot.waitUntil(lambda: side.isVisible() and side.map is not None, timeout=5000)
    QApplication.processEvents()
    text = view.chapter_page.text
    assert side.geometry().left() >= text.geometry().right()  # beside, not over, the text
    centre = side.map.viewport().rect().center()

    def near_centre(index: int) -> bool:
        pos = side.map.marker_viewport_pos(index)
        return pos is not None and (pos - centre).manhattanLength() < 60

    assert near_centre(1)
    view.show_chapter(2)  # on the port's plan: the map switches and flies there
    QApplication.processEvents()
    assert near_centre(2)
    view.show_chapter(6)
    QApplication.processEvents()
    assert near_centre(6)
    qtbot.mouseClick(  # a marker still opens its chapter
        side.map.viewport(), Qt.MouseButton.LeftButton, pos=side.map.marker_viewport_pos(6)
    )
    assert view.current == 6
    view.window().resize(900, 700)  # narrow: the text alone
    QApplication.processEvents()
    assert not side.isVisible()
