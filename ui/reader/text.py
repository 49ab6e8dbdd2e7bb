"""Chapter text: kicker, title and standfirst set by hand, the body from Markdown.

The body goes through Qt's own Markdown reader with raw HTML switched off, so
a package cannot inject markup; then every block gets the reading measure and
a 1.5 line height.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from ui.theme import BODY_PX, SANS, SERIF, Palette

MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
#: The reading column: about 66 characters of 18 px serif.
MEASURE_PX = 640


def _char(
    family: str,
    px: int,
    color: str,
    *,
    weight: int = 400,
    italic: bool = False,
    spacing: float = 100.0,
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    font = QFont(family)
    font.setPixelSize(px)
    font.setWeight(QFont.Weight(weight))
    font.setItalic(italic)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    fmt.setFont(font)
    fmt.setForeground(QColor(color))
    return fmt


def render_markdown(
    doc: QTextDocument,
    md: str,
    palette: Palette,
    *,
    kicker: str = "",
    title: str = "",
    standfirst: str = "",
) -> None:
    """Fill ``doc`` with a chapter (or any page of text) in the reading style."""
    doc.clear()
    doc.setDocumentMargin(0)
    root: QTextFrameFormat = doc.rootFrame().frameFormat()
    root.setBottomMargin(48)
    doc.rootFrame().setFrameFormat(root)
    body_font = QFont(SERIF)
    body_font.setPixelSize(BODY_PX)
    doc.setDefaultFont(body_font)
    cursor = QTextCursor(doc)
    head = QTextBlockFormat()
    head.setBottomMargin(6)
    first = True

    def block(text: str, fmt: QTextCharFormat, bottom: float) -> None:
        nonlocal first
        bf = QTextBlockFormat(head)
        bf.setBottomMargin(bottom)
        bf.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if first:
            cursor.setBlockFormat(bf)
            first = False
        else:
            cursor.insertBlock(bf)
        cursor.insertText(text, fmt)

    if kicker:
        block(kicker.upper(), _char(SANS, 13, palette.accent, weight=600, spacing=112), 10)
    if title:
        block(title, _char(SERIF, 34, palette.ink, weight=700), 12)
    if standfirst:
        block(standfirst, _char(SERIF, 20, palette.muted, italic=True), 22)
    if not first:
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cursor.insertMarkdown(md, MARKDOWN)

    # The reading style for every body block (after the header blocks).
    skip = sum(1 for t in (kicker, title, standfirst) if t)
    block_it = doc.begin()
    for _ in range(skip):
        block_it = block_it.next()
    while block_it.isValid():
        c = QTextCursor(block_it)
        bf = block_it.blockFormat()
        heading = bf.headingLevel()
        bf.setLineHeight(
            150 if not heading else 125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        bf.setBottomMargin(14 if not heading else 8)
        if heading:
            bf.setTopMargin(18)
        c.setBlockFormat(bf)
        if (
            block_it.blockFormat().hasProperty(QTextBlockFormat.Property.BlockQuoteLevel)
            or bf.indent()
        ):
            pass
        cf = QTextCharFormat()
        cf.setForeground(QColor(palette.ink))
        if heading:
            cf.setFontFamilies([SANS])
            cf.setFontPointSize(0)
            f = QFont(SANS)
            f.setPixelSize(21 if heading <= 2 else 18)
            f.setWeight(QFont.Weight.DemiBold)
            cf.setFont(
                f, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesSpecifiedOnly
            )
        c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        c.mergeCharFormat(cf)
        block_it = block_it.next()


class ReadingView(QTextBrowser):
    """A read-only text view that keeps its text in one centred column of comfortable measure."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_ = palette
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenExternalLinks(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # window shortcuts keep the arrow keys
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_markdown(
        self, md: str, *, kicker: str = "", title: str = "", standfirst: str = ""
    ) -> None:
        render_markdown(
            self.document(), md, self.palette_, kicker=kicker, title=title, standfirst=standfirst
        )
        self.verticalScrollBar().setValue(0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        side = max(28, (self.width() - MEASURE_PX) // 2)
        self.setViewportMargins(side, 36, side, 0)
        super().resizeEvent(event)

    def scroll_by_page(self, pages: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + int(pages * bar.pageStep()))
