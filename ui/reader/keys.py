"""The reader's keys: one table of what each key does, and the rule for Enter and Space.

Apart from ``view.py`` so the table can be read (and the README's key list
checked against it) in one place. Keys reach the reader only when the focused
widget did not use them. Enter and Space activate what has focus, always: a
focused button is clicked (a QPushButton outside a dialog, or a QToolButton,
lets Enter fall through, which used to start chapter 1 from "Explore the map");
only with no button focused does Enter start reading from the cover, and Space
play or pause the sound.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from story.records import ChapterSummary
from ui.reader.audio_bar import AudioBar
from ui.reader.chapter_page import ChapterPage
from ui.reader.chapter_sound import SoundInFlow
from ui.reader.topbar import TopBar


class ReaderView(Protocol):
    """What the keys drive (``ui.reader.view.ReaderView``, which imports this module)."""

    chapter_page: ChapterPage
    topbar: TopBar
    audio: AudioBar
    sound: SoundInFlow
    chapters: list[ChapterSummary]
    keys: dict[Qt.Key, Callable[[], object]]

    def window(self) -> QWidget: ...
    def layoutDirection(self) -> Qt.LayoutDirection: ...
    def isAncestorOf(self, child: QWidget) -> bool: ...
    def next_chapter(self) -> None: ...
    def previous_chapter(self) -> None: ...
    def show_chapter(self, index: int) -> None: ...
    def scroll_text(self, pages: float) -> None: ...
    def toggle_map(self) -> None: ...
    def open_full_screen(self, index: int) -> None: ...
    def escape(self) -> None: ...
    def enter(self) -> None: ...


ACTIVATE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def _arrow(view: ReaderView, step: int) -> None:
    """→ is the next chapter in a left-to-right story, the previous one in a right-to-left one."""
    rtl = view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    (view.next_chapter if (step > 0) != rtl else view.previous_chapter)()


def key_table(view: ReaderView) -> dict[Qt.Key, Callable[[], object]]:
    gallery = view.chapter_page.gallery
    return {
        Qt.Key.Key_Right: lambda: _arrow(view, 1),
        Qt.Key.Key_PageDown: lambda: view.scroll_text(0.9),
        Qt.Key.Key_N: view.next_chapter,
        Qt.Key.Key_Left: lambda: _arrow(view, -1),
        Qt.Key.Key_PageUp: lambda: view.scroll_text(-0.9),
        Qt.Key.Key_P: view.previous_chapter,
        Qt.Key.Key_Home: lambda: view.show_chapter(1),
        Qt.Key.Key_End: lambda: view.show_chapter(len(view.chapters)),
        Qt.Key.Key_Down: lambda: view.scroll_text(0.15),
        Qt.Key.Key_Up: lambda: view.scroll_text(-0.15),
        Qt.Key.Key_Space: lambda: view.scroll_text(0.9),
        Qt.Key.Key_K: view.audio.toggle,
        Qt.Key.Key_A: view.sound.toggle_auto,
        Qt.Key.Key_H: lambda: view.chapter_page.text.next_heading(1),
        Qt.Key.Key_M: view.toggle_map,
        Qt.Key.Key_T: view.topbar.contents.toggle,
        Qt.Key.Key_C: view.topbar.contents.toggle,
        Qt.Key.Key_F: lambda: view.open_full_screen(gallery.index),
        Qt.Key.Key_BracketRight: lambda: gallery.step(1),
        Qt.Key.Key_Period: lambda: gallery.step(1),
        Qt.Key.Key_BracketLeft: lambda: gallery.step(-1),
        Qt.Key.Key_Comma: lambda: gallery.step(-1),
        Qt.Key.Key_Escape: view.escape,
        Qt.Key.Key_Return: view.enter,
        Qt.Key.Key_Enter: view.enter,
    }


def focused_button(view: ReaderView) -> QAbstractButton | None:
    """The enabled, shown button inside ``view`` that has keyboard focus, if any."""
    widget = view.window().focusWidget()  # the window's, active or not
    if (
        isinstance(widget, QAbstractButton)
        and widget.isEnabled()
        and widget.isVisible()
        and view.isAncestorOf(widget)
    ):
        return widget
    return None


def handle_key(view: ReaderView, event: QKeyEvent) -> bool:
    """Do what ``event`` asks of the reader; False when it is not the reader's key."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods != Qt.KeyboardModifier.NoModifier:
        return False
    key = Qt.Key(event.key())
    if key in ACTIVATE:
        button = focused_button(view)
        if button is not None:
            button.click()
            return True
    action = view.keys.get(key)
    if action is None:
        return False
    action()
    return True
