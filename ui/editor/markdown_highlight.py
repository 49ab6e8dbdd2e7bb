"""The Markdown box's manners: light highlighting, Tab that moves focus, wrapping that
keeps a curator's hard-wrapped lines.

Highlighting is a hint, not a renderer: headings bold, emphasis slanted or
bold, links and ``media:`` references in the accent, quotes muted. Colours
are the scheme's roles (ui/schemes.py) so they hold in dark and high contrast.

Wrapping: text typed one paragraph a line is wrapped at the box's width;
text whose paragraphs are broken by hand (as a curator pastes from an
editor wrapping at 72) is left as it is (``NoWrap``), since re-wrapping it
at a narrower width turns every line into a long one and a short one (a comb).
"""

from __future__ import annotations

import re
import statistics

from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit

from ui.schemes import Palette

_HEADING = re.compile(r"^#{1,6}\s.*$")
_QUOTE = re.compile(r"^>.*$")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_\w])")
_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>")
_MEDIA = re.compile(r"\bmedia:[\w./-]+")
#: Lines that start a block of their own: not a hand-broken paragraph's continuation.
_BLOCK_START = re.compile(r"^\s*(#|>|[-*+]\s|\d+[.)]\s|```|\|)")
#: A paragraph broken by hand: its lines are at most this long (the usual 72-80, with slack).
HARD_WRAP_MAX = 100


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links and media references, in the scheme's colours."""

    def __init__(self, document: QTextDocument, palette: Palette) -> None:
        super().__init__(document)
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.strong = QTextCharFormat()
        self.strong.setFontWeight(QFont.Weight.Bold)
        self.emphasis = QTextCharFormat()
        self.emphasis.setFontItalic(True)
        self.link = QTextCharFormat()
        self.link.setForeground(QColor(palette.accent_text))
        self.media = QTextCharFormat()
        self.media.setForeground(QColor(palette.accent_text))
        self.media.setFontUnderline(True)
        self.quote = QTextCharFormat()
        self.quote.setForeground(QColor(palette.muted))

    def highlightBlock(self, text: str) -> None:
        if _HEADING.match(text):
            self.setFormat(0, len(text), self.heading)
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self.quote)
        for pattern, fmt in (
            (_EMPHASIS, self.emphasis),
            (_STRONG, self.strong),
            (_LINK, self.link),
            (_MEDIA, self.media),
        ):
            for m in pattern.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), fmt)


def is_hard_wrapped(text: str) -> bool:
    """True when the text's paragraphs are broken into short lines by hand."""
    lengths: list[int] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln for ln in para.splitlines() if ln.strip()]
        if len(lines) < 2 or any(_BLOCK_START.match(ln) for ln in lines[1:]):
            continue
        lengths.extend(len(ln) for ln in lines[:-1])  # the last line of a paragraph is short
    return bool(lengths) and statistics.median(lengths) <= HARD_WRAP_MAX


def match_wrap(box: QPlainTextEdit) -> None:
    """Keep hand-broken lines as they are; wrap one-line paragraphs at the box's width."""
    mode = (
        QPlainTextEdit.LineWrapMode.NoWrap
        if is_hard_wrapped(box.toPlainText())
        else QPlainTextEdit.LineWrapMode.WidgetWidth
    )
    if box.lineWrapMode() != mode:
        box.setLineWrapMode(mode)


def prepare(box: QPlainTextEdit, palette: Palette | None = None) -> MarkdownHighlighter | None:
    """A text box of the editor: Tab moves focus (Ctrl+Tab too); Markdown highlighted if asked."""
    box.setTabChangesFocus(True)
    if palette is None:
        return None
    return MarkdownHighlighter(box.document(), palette)
