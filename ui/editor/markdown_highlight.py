"""The Markdown box's manners: light highlighting, Tab that moves focus, wrapping that
keeps a curator's hard-wrapped lines.

Highlighting is a hint, not a renderer: headings bold, emphasis slanted or
bold, links in the accent; a ``media:`` picture's reference underlined and
its placement word (``"full"``, ``"inset"``, docs/FORMAT.md "Placing
pictures") bold, or in the warning colour with a wavy line when it is no
placement (``validate`` warns about it too); a blockquote, which the reader
shows as a pull quote, slanted and muted behind a bold accent ``>``, its
``— name`` attribution bold. Colours are the scheme's roles (ui/schemes.py)
so they hold in dark and high contrast.

Wrapping: text typed one paragraph a line is wrapped at the box's width;
text whose paragraphs are broken by hand (as a curator pastes from an
editor wrapping at 72) is left as it is (``NoWrap``), since re-wrapping it
at a narrower width turns every line into a long one and a short one (a comb);
the box then widens toward its lines when the chapter opens, the preview
giving way down to ``PREVIEW_MIN``; in a window too small for both, the
line's end is reached by scrolling sideways.
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
from PySide6.QtWidgets import QPlainTextEdit, QSplitter

from story.blocks import PLACEMENTS
from ui.schemes import Palette

_HEADING = re.compile(r"^#{1,6}\s.*$")
_QUOTE = re.compile(r" {0,3}((?:> ?)+)(.*)")
_ATTRIBUTION = re.compile(r"\s*(?:—|--)\s+\S")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_\w])")
_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>")
_MEDIA = re.compile(r"\bmedia:[\w./-]+")
#: A ``media:`` image, with the title that may name its placement (group 2, inside quotes).
_MEDIA_IMAGE = re.compile(
    r"!\[[^\]\n]*\]\(\s*(<media:[^>\n]*>|media:[^\s)]*)"
    r"(?:\s+(?:\"([^\"\n]*)\"|'([^'\n]*)'|\(([^()\n]*)\)))?\s*\)",
    re.IGNORECASE,
)
#: Lines that start a block of their own: not a hand-broken paragraph's continuation.
_BLOCK_START = re.compile(r"^\s*(#|>|[-*+]\s|\d+[.)]\s|```|\|)")
#: A paragraph broken by hand: its lines are at most this long (the usual 72-80, with slack).
HARD_WRAP_MAX = 100


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links, media references, placements and quotes, in the scheme's
    colours."""

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
        self.placement = QTextCharFormat(self.link)
        self.placement.setFontWeight(QFont.Weight.Bold)
        self.unknown = QTextCharFormat()
        self.unknown.setForeground(QColor(palette.warning))
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(QColor(palette.warning))
        self.quote = QTextCharFormat()
        self.quote.setForeground(QColor(palette.muted))
        self.quote.setFontItalic(True)
        self.quote_mark = QTextCharFormat()
        self.quote_mark.setForeground(QColor(palette.accent_text))
        self.quote_mark.setFontWeight(QFont.Weight.Bold)
        self.attribution = QTextCharFormat(self.quote)
        self.attribution.setFontWeight(QFont.Weight.Bold)

    def highlightBlock(self, text: str) -> None:
        if _HEADING.match(text):
            self.setFormat(0, len(text), self.heading)
            return
        quote = _QUOTE.match(text)
        if quote:
            rest = quote.start(2)
            attributed = _ATTRIBUTION.match(text, rest) is not None
            self.setFormat(rest, len(text) - rest, self.attribution if attributed else self.quote)
            self.setFormat(0, rest, self.quote_mark)
        for pattern, fmt in (
            (_EMPHASIS, self.emphasis),
            (_STRONG, self.strong),
            (_LINK, self.link),
            (_MEDIA, self.media),
        ):
            for m in pattern.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), fmt)
        for m in _MEDIA_IMAGE.finditer(text):
            group = next((g for g in (2, 3, 4) if m.group(g) is not None), None)
            alone = not (text[: m.start()] + text[m.end() :]).strip()  # among words: inline
            if group is not None and m.group(group).strip() and alone:
                known = m.group(group).strip().casefold() in PLACEMENTS
                fmt = self.placement if known else self.unknown
                self.setFormat(m.start(group) - 1, len(m.group(group)) + 2, fmt)  # with quotes


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


#: The live preview keeps at least this width when the text box widens for its lines.
PREVIEW_MIN = 280


def room_for_lines(box: QPlainTextEdit, split: QSplitter) -> None:
    """Widen a box holding hand-broken lines toward their length, the preview giving way.

    Run when a chapter is opened (not while typing, so a divider the curator
    moved stays where they put it until the next chapter).
    """
    text = box.toPlainText()
    sizes = split.sizes()
    total = sum(sizes)
    if len(sizes) != 2 or total <= 0:
        return
    if sizes[1] < PREVIEW_MIN <= total // 2:  # a squeezed preview breaks words apart
        split.setSizes([total - PREVIEW_MIN, PREVIEW_MIN])
        sizes = split.sizes()
    if not is_hard_wrapped(text):
        return
    columns = min(max(len(line) for line in text.splitlines()), HARD_WRAP_MAX)
    margins = box.contentsMargins().left() + box.contentsMargins().right()
    need = (
        columns * box.fontMetrics().horizontalAdvance("M")
        + margins
        + int(box.document().documentMargin() * 2)
        + box.verticalScrollBar().sizeHint().width()
        + 4
    )
    body = min(need, total - PREVIEW_MIN)
    if body > sizes[0]:
        split.setSizes([body, total - body])


def prepare(box: QPlainTextEdit, palette: Palette | None = None) -> MarkdownHighlighter | None:
    """A text box of the editor: Tab moves focus (Ctrl+Tab too); Markdown highlighted if asked."""
    box.setTabChangesFocus(True)
    if palette is None:
        return None
    return MarkdownHighlighter(box.document(), palette)
