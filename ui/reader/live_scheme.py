"""The reader follows the desktop's colour scheme while it is open (issue 13).

The reader's parts take their colours when they are made (``ReaderView``
hands each its ``Palette``). When the desktop switches from light to dark, or
asks for more contrast, ``ui.schemes.watcher().scheme_changed`` fires and
:func:`restyle` gives every part the new scheme's colours in place: the
view's style sheet (top bar, contents, audio bar, pages), the text pages laid
out again at the same place, the cover, the sound's played colour, the
language note, the full-screen viewer. Nothing is rebuilt, so the chapter
shown, the scroll position, the sound and the open viewer stay as they were.
The map listens to the same signal itself (``ui/map``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor

from ui.reader.chapter_figures import figure_style
from ui.schemes import Palette, watcher
from ui.theme import style_sheet


class _Restyler(QObject):
    """The view's slot for the signal: a child of the view, so it goes (and lets go) with it."""

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self._view = view

    def scheme_changed(self, _scheme: str) -> None:
        restyle(self._view)


def follow_scheme(view: Any) -> None:
    """Restyle ``view`` (a ReaderView) whenever the scheme in force changes."""
    watcher().scheme_changed.connect(_Restyler(view).scheme_changed)


def restyle(view: Any) -> Palette:
    """Give every part of ``view`` the colours of the scheme now in force; returns them."""
    p = Palette.from_theme(view.info.theme)
    view.palette_ = p
    view.setStyleSheet(style_sheet(p))
    page = view.chapter_page
    own = getattr(page, "restyle", None)
    if callable(own):
        own(p)  # a chapter page that knows how to restyle its parts itself
    else:  # its figures' captions and credits: the sheet on the text's viewport
        page.text.viewport().setStyleSheet(figure_style(p.ink, p.muted, p.panel, p.line, p.focus))
    for text in (page.text, view.about_page):
        text.palette_ = p
        text.forget_prepared()
        bar = text.verticalScrollBar()
        at = bar.value()  # same text, same size: the same place in pixels
        text.set_text_scale(text.text_scale)  # laid out again in the new colours
        bar.setValue(at)
        QTimer.singleShot(0, lambda bar=bar, at=at: bar.setValue(at))  # after late layout
    cover = view.cover
    if getattr(cover, "plain", None) is not None:
        cover.plain.palette_ = p
        cover.plain.update()
    cover.set_picture(cover.photo.image(), p)
    view.audio.seek.played = QColor(p.accent)
    view.audio.seek.update()
    note = getattr(view.language, "note", None)
    if note is not None:
        note.setStyleSheet(
            f"padding: 5px; font-size: 12px; font-weight: 600; color: {p.accent};"
            f" background: {p.paper}; border-bottom: 1px solid {p.line};"
        )
    view.viewer.apply_scheme(p)
    view.update()
    return p
