"""Chapter text: kicker, title and standfirst set by hand, the body from Markdown.

The body goes through Qt's own Markdown reader with raw HTML switched off, so
a package cannot inject markup; it is read into a quarantine document first,
so it shows only the package's own media and keeps only links that may open
(``ui.reader.text_media``, ``ui.reader.links``); then every block gets the
reading measure and a 1.5 line height.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetricsF,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QToolTip, QWidget

from ui.reader.links import SESSION, LinkOpener, decide
from ui.reader.text_media import ReaderDocument, TextMedia, contain, finish_styles, quarantine
from ui.theme import BODY_PX, SANS, SERIF, Palette, slants

MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
#: The reading column: about 66 characters of 18 px serif.
MEASURE_PX = 640
#: The most Markdown the reader lays out for one page (the package allows more): a long
#: chapter is ~50,000 characters; past this the text is cut with a note, so layout stays quick.
MAX_RENDER_CHARS = 200_000
#: The most links and images laid out for one page: each costs the media and link checks.
MAX_RENDER_LINKS = 500
#: Longest run without a space (one word, or a run of one character) laid out as it is:
#: longer runs get a place to break (Qt's line breaking is slow on one endless word).
MAX_RUN_CHARS = 300
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS}}}")
_LINK = re.compile(r"\]\(")
#: Pages laid out ahead and kept (the next and the previous chapter, one spare).
PREPARED_KEPT = 3
TOO_LONG_NOTE = "\n\n*[The rest of this page is too long to show here.]*\n"


def bounded(md: str) -> str:
    """``md`` cut to what the reader lays out in good time (a stranger's text may be hostile)."""
    cut = len(md) > MAX_RENDER_CHARS
    md = md[:MAX_RENDER_CHARS]
    links = _LINK.finditer(md)
    for i, m in enumerate(links):
        if i >= MAX_RENDER_LINKS:
            md, cut = md[: m.start()], True
            break
    md = _LONG_RUN.sub(lambda m: m.group(0) + "\u200b", md)
    return md + TOO_LONG_NOTE if cut else md


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
    scale: float = 1.0,
    media: TextMedia | None = None,
) -> None:
    """Fill ``doc`` with a chapter (or any page of text) in the reading style.

    ``scale`` enlarges every size (the reader's text-size setting, up to 200%).
    ``media`` resolves ``media:`` images (default: the document's, if it is a
    :class:`ReaderDocument` with one); without it they show as placeholders.
    """
    if media is None and isinstance(doc, ReaderDocument):
        media = doc.media

    def px(size: float) -> int:
        return round(size * scale)

    doc.clear()
    doc.setDocumentMargin(0)
    root: QTextFrameFormat = doc.rootFrame().frameFormat()
    root.setBottomMargin(48)
    doc.rootFrame().setFrameFormat(root)
    body_font = QFont(SERIF)
    body_font.setPixelSize(px(BODY_PX))
    doc.setDefaultFont(body_font)
    cursor = QTextCursor(doc)
    head = QTextBlockFormat()
    head.setBottomMargin(6)
    first = True

    def block(text: str, fmt: QTextCharFormat, bottom: float, leading: float) -> None:
        nonlocal first
        bf = QTextBlockFormat(head)
        bf.setBottomMargin(bottom)
        # Display leading in pixels of the type size (the font's own line gap is ~1.36 em).
        height = round(fmt.font().pixelSize() * leading)
        bf.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        if first:
            cursor.setBlockFormat(bf)
            first = False
        else:
            cursor.insertBlock(bf)
        cursor.insertText(text, fmt)

    if kicker:
        # isolated (FSI…PDI): "1-ТАРАУ" keeps its order inside a right-to-left page
        kicker_fmt = _char(SANS, px(13), palette.accent, weight=600, spacing=112)
        block("\u2068" + kicker.upper() + "\u2069", kicker_fmt, 10, 1.3)
    kicker, title, standfirst = (t[:1000] for t in (kicker, title, standfirst))
    if title:
        size = px(34) if len(title) <= 90 else px(28)  # a curator's 200-character title
        block(title, _char(SERIF, size, palette.ink, weight=700), 14, 1.18)
    if standfirst:
        # no synthetic italics for scripts without them (CJK, Arabic): weight instead
        italic = slants(standfirst)
        fmt = _char(SERIF, px(20), palette.muted, weight=400 if italic else 500, italic=italic)
        block(standfirst, fmt, 22, 1.4)
    if not first:
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    scratch = quarantine(bounded(md), MARKDOWN, doc)
    contain(scratch, doc, media, round(MEASURE_PX * scale))
    cursor.insertFragment(QTextDocumentFragment(scratch))
    scratch.deleteLater()

    # The reading style for every body block (after the header blocks). Qt's proportional
    # line height multiplies the font's own line spacing (~1.36 em for Noto Serif), so the
    # percentages are worked out from it: 1.5 for text, about 1.15 for headings (VISUAL.md).
    # Proportional, not fixed: a line holding a picture (media:) grows with it.
    spacing = QFontMetricsF(body_font).lineSpacing() / max(1.0, float(body_font.pixelSize()))
    text_leading, heading_leading = round(150 / spacing), round(115 / spacing)
    skip = sum(1 for t in (kicker, title, standfirst) if t)
    block_it = doc.begin()
    for _ in range(skip):
        block_it = block_it.next()
    while block_it.isValid():
        c = QTextCursor(block_it)
        bf = block_it.blockFormat()
        heading = bf.headingLevel()
        bf.setLineHeight(
            heading_leading if heading else text_leading,
            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value,
        )
        bf.setBottomMargin(14 if not heading else 8)
        if heading:
            bf.setTopMargin(18)
        quote = bf.hasProperty(QTextBlockFormat.Property.BlockQuoteLevel)
        if quote:  # a pull quote: set off by space and colour, not by a box
            bf.setLeftMargin(24)
            bf.setTopMargin(10)
            bf.setBottomMargin(20)
        c.setBlockFormat(bf)
        cf = QTextCharFormat()
        cf.setForeground(QColor(palette.accent if quote else palette.ink))
        f = QFont(SANS if heading else SERIF)
        if heading:
            f.setPixelSize(px(22 if heading <= 2 else 19))
            f.setWeight(QFont.Weight.DemiBold)
        else:
            f.setPixelSize(px(22 if quote else BODY_PX))
            if quote:
                f.setItalic(slants(block_it.text()))
        cf.setFont(f, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesSpecifiedOnly)
        c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        if heading:
            # Qt's Markdown reader scales headings by a relative size adjustment, which
            # would multiply ours: replace the heading's format instead of merging.
            base = block_it.begin().fragment().charFormat()
            base.clearProperty(QTextFormat.Property.FontSizeAdjustment)
            base.merge(cf)
            c.setCharFormat(base)
        else:
            c.mergeCharFormat(cf)
        _upright_emphasis(doc, block_it)
        block_it = block_it.next()
    finish_styles(doc, palette, scale)


def _upright_emphasis(doc: QTextDocument, block: QTextBlock) -> None:
    """*Emphasis* in Chinese or Arabic set in weight, not slanted (those scripts have no
    italics; Qt would shear the glyphs)."""
    spans = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid() and frag.charFormat().fontItalic() and not slants(frag.text()):
            spans.append((frag.position(), frag.length()))
        it += 1
    for start, length in spans:
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        upright = QTextCharFormat()
        upright.setFontItalic(False)
        upright.setFontWeight(QFont.Weight.Bold)  # a one-weight CJK face gets a synthetic bold
        cursor.mergeCharFormat(upright)


class ReadingView(QTextBrowser):
    """A read-only text view that keeps its text in one centred column of comfortable measure.

    Links do not navigate by themselves: a click goes to :attr:`links` (the
    session's :class:`LinkOpener`), and hovering one shows where it goes.
    """

    #: what a hovered link is shown as (its host, or why it does not open); "" when it leaves
    linkHovered = Signal(str)

    def __init__(
        self, palette: Palette, parent: QWidget | None = None, *, media: TextMedia | None = None
    ) -> None:
        super().__init__(parent)
        self.setDocument(ReaderDocument(self))
        #: pages laid out ahead (``prepare``), by what they show and how: a turn swaps one in
        self._ready: dict[tuple[object, ...], ReaderDocument] = {}
        self.set_media(media)
        self.palette_ = palette
        self.text_scale = 1.0
        self.links: LinkOpener = SESSION
        self.hovered = ""
        self._content = ("", "", "", "")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.highlighted.connect(self._hover)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # window shortcuts keep the arrow keys
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_media(self, media: TextMedia | None) -> None:
        """Where ``media:`` images come from (None: they show as placeholders)."""
        doc = self.document()
        assert isinstance(doc, ReaderDocument)
        doc.media = media
        self.forget_prepared()

    def forget_prepared(self) -> None:
        """Drop the pages laid out ahead (the package or its media changed)."""
        for doc in self._ready.values():
            doc.deleteLater()
        self._ready.clear()

    def _clicked(self, url: QUrl) -> None:
        self.links.open(url, self)

    def _hover(self, url: QUrl) -> None:
        self.hovered = decide(url).where if not url.isEmpty() else ""
        if self.hovered:
            QToolTip.showText(QCursor.pos(), self.hovered, self.viewport())
        else:
            QToolTip.hideText()
        self.linkHovered.emit(self.hovered)

    def doSetSource(
        self,
        name: QUrl | str,
        /,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:
        """Never navigate: the view shows the text it is given, not what a link names."""

    def show_markdown(
        self, md: str, *, kicker: str = "", title: str = "", standfirst: str = ""
    ) -> None:
        self._content = (md, kicker, title, standfirst)
        ready = self._ready.pop(self._key(self._content), None)
        if ready is None:
            self._render()
        else:  # laid out ahead: the same document _render would make, swapped in
            old = self.document()
            self.setDocument(ready)
            if old.parent() is self:
                old.deleteLater()
            self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def prepare(self, md: str, *, kicker: str = "", title: str = "", standfirst: str = "") -> None:
        """Lay out a page ahead (a neighbouring chapter) so ``show_markdown`` of it is a swap."""
        content = (md, kicker, title, standfirst)
        key = self._key(content)
        if key in self._ready:
            return
        current = self.document()
        assert isinstance(current, ReaderDocument)
        doc = ReaderDocument(self)
        doc.media = current.media
        self._fill(doc, content)
        self._ready[key] = doc
        while len(self._ready) > PREPARED_KEPT:
            self._ready.pop(next(iter(self._ready))).deleteLater()

    def _key(self, content: tuple[str, str, str, str]) -> tuple[object, ...]:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return (content, self.text_scale, rtl, id(self.palette_))

    def set_text_scale(self, scale: float) -> None:
        """Enlarge or shrink the text (1.0 to 2.0), keeping the place in it."""
        bar = self.verticalScrollBar()
        where = bar.value() / max(1, bar.maximum())
        self.text_scale = max(0.8, min(2.0, scale))
        self._render()
        self.resizeEvent(None)
        bar.setValue(int(where * bar.maximum()))

    def _render(self) -> None:
        self._fill(self.document(), self._content)
        self.moveCursor(QTextCursor.MoveOperation.Start)  # else a resize scrolls to the end

    def _fill(self, doc: QTextDocument, content: tuple[str, str, str, str]) -> None:
        md, kicker, title, standfirst = content
        # a right-to-left story sets every paragraph right to left (its kicker too);
        # otherwise each paragraph takes the direction of its own first letters
        option = doc.defaultTextOption()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LayoutDirectionAuto
        )
        doc.setDefaultTextOption(option)
        render_markdown(
            doc,
            md,
            self.palette_,
            kicker=kicker,
            title=title,
            standfirst=standfirst,
            scale=self.text_scale,
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange and any(self._content):
            self._render()

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        side = max(28, (self.width() - int(MEASURE_PX * self.text_scale)) // 2)
        self.setViewportMargins(side, 36, side, 0)
        if event is not None:
            super().resizeEvent(event)

    def scroll_by_page(self, pages: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + int(pages * bar.pageStep()))
