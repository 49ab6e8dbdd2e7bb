"""The editor window's layout: splitter sizes kept across sessions, and columns that give
way on a small screen (so Media details keep their buttons at 1024x640)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from ui.editor.markdown_highlight import room_for_lines
from ui.reader.memory import settings

if TYPE_CHECKING:
    from ui.editor.window import EditorWindow


def restore_geometry(win: EditorWindow) -> None:
    geometry = settings().value("editor/geometry")
    if isinstance(geometry, QByteArray):
        win.restoreGeometry(geometry)


def restore_layout(win: EditorWindow) -> None:
    """Each splitter as the curator left it (nothing stored: the built-in sizes stay)."""
    s = settings()
    for name, splitter in win.splitters.items():
        state = s.value(f"editor/{name}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)


def save_layout(win: EditorWindow) -> None:
    s = settings()
    s.setValue("editor/geometry", win.saveGeometry())
    if win.doc is not None:
        for name, splitter in win.splitters.items():
            s.setValue(f"editor/{name}", splitter.saveState())
    s.sync()


def fit_columns(win: EditorWindow) -> None:
    """Cap the side columns at a share of the window, giving the rest to the page."""
    split = getattr(win, "split", None)
    if split is None or win.doc is None:  # no story open: its columns are gone
        return
    sizes = split.sizes()
    total = sum(sizes)
    caps = (max(190, total // 5), None, max(170, total // 6))  # chapters, page, checks
    for i, cap in enumerate(caps):
        if cap is not None and sizes[i] > cap:
            sizes[1] += sizes[i] - cap
            sizes[i] = cap
    if sizes != split.sizes():
        split.setSizes(sizes)
    room_for_lines(win.editor.body, win.editor.split)
    media = win.media.sizes()  # the library's thumbnails give way to the details
    cap = max(180, sum(media) // 3)
    if media[0] > cap:
        win.media.setSizes([cap, sum(media) - cap])
