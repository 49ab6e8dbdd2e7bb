"""The editor window's layout: splitter sizes kept across sessions, and columns that give
way on a small screen (so Media details keep their buttons at 1024x640)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from ui.editor.chapter_editor import ChapterEditor
from ui.editor.markdown_highlight import room_for_lines
from ui.reader.memory import settings

Splitters = Mapping[str, QSplitter]


def restore_geometry(win: QMainWindow) -> None:
    geometry = settings().value("editor/geometry")
    if isinstance(geometry, QByteArray):
        win.restoreGeometry(geometry)


def restore_layout(splitters: Splitters) -> None:
    """Each splitter as the curator left it (nothing stored: the built-in sizes stay)."""
    s = settings()
    for name, splitter in splitters.items():
        state = s.value(f"editor/{name}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)


def save_layout(win: QMainWindow, splitters: Splitters | None) -> None:
    """The window's geometry, and the splitters' while a story is open."""
    s = settings()
    s.setValue("editor/geometry", win.saveGeometry())
    if splitters is not None:
        for name, splitter in splitters.items():
            s.setValue(f"editor/{name}", splitter.saveState())
    s.sync()


def fit_columns(split: QSplitter, editor: ChapterEditor, media: QSplitter) -> None:
    """Cap the side columns at a share of the window, giving the rest to the page."""
    sizes = split.sizes()
    total = sum(sizes)
    caps = (max(190, total // 5), None, max(170, total // 6))  # chapters, page, checks
    for i, cap in enumerate(caps):
        if cap is not None and sizes[i] > cap:
            sizes[1] += sizes[i] - cap
            sizes[i] = cap
    if sizes != split.sizes():
        split.setSizes(sizes)
    room_for_lines(editor.body, editor.split)
    widths = media.sizes()  # the library's thumbnails give way to the details
    cap = max(180, sum(widths) // 3)
    if widths[0] > cap:
        media.setSizes([cap, sum(widths) - cap])
