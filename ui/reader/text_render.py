"""Turning Markdown into a page in the reading style: kicker, title, standfirst, body.

The body goes through Qt's own Markdown reader with raw HTML switched off, so
a package cannot inject markup; it is read into a quarantine document first,
so it shows only the package's own media and keeps only links that may open
(``ui.reader.text_media``, ``ui.reader.links``); then every block gets the
reading measure and a 1.5 line height. A chapter's body is read as blocks
(``story.blocks``) with slots for its pictures (``ui.reader.chapter_flow``).
Apart from ``text.py`` (the view) so each stays a module one can read whole.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextFrameFormat,
)

from story.records import MediaInfo
from ui.reader.chapter_flow import SLOT_PROPERTY, Slot, is_styled, write_flow
from ui.reader.text_media import (
    ReaderDocument,
    TextMedia,
    char_format,
    contain,
    finish_styles,
    quarantine,
    upright_emphasis,
)
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
#: (markdown, kicker, title, standfirst, slots or None)
Content = tuple[str, str, str, str, "tuple[Slot, ...] | None"]


def measure_px(scale: float) -> int:
    """The text column's width: about 66 characters of body text at ``scale``."""
    return round(MEASURE_PX * scale)


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
    slots: tuple[Slot, ...] | None = None,
) -> None:
    """Fill ``doc`` with a chapter (or any page of text) in the reading style.

    ``scale`` enlarges every size (the reader's text-size setting, up to 200%).
    ``media`` resolves ``media:`` images (default: the document's, if it is a
    :class:`ReaderDocument` with one); without it they show as placeholders.
    ``slots`` (a chapter page): the body is read as blocks (``story.blocks``),
    with room for the lead picture, figures, sound and gallery
    (``ui.reader.chapter_flow``); the slots written are kept in ``doc.slots``.
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
        kicker_fmt = char_format(SANS, px(13), palette.accent, weight=600, spacing=112)
        block("\u2068" + kicker.upper() + "\u2069", kicker_fmt, 10, 1.3)
    kicker, title, standfirst = (t[:1000] for t in (kicker, title, standfirst))
    if title:
        size = px(34) if len(title) <= 90 else px(28)  # a curator's 200-character title
        block(title, char_format(SERIF, size, palette.ink, weight=700), 14, 1.15)
    if standfirst:
        # no synthetic italics for scripts without them (CJK, Arabic): weight instead
        italic = slants(standfirst)
        weight = 400 if italic else 500
        fmt = char_format(SERIF, px(20), palette.muted, weight=weight, italic=italic)
        block(standfirst, fmt, 22, 1.4)
    if not first:
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())

    def insert(part: str) -> None:
        scratch = quarantine(part, MARKDOWN, doc)
        contain(scratch, doc, media, round(MEASURE_PX * scale))
        # A fragment's first block is merged into the block at the cursor and loses its
        # format (a heading, a quote): into an empty block, it is given back; after text
        # or a slot, an empty first block is merged instead and the rest keep theirs.
        block = cursor.block()
        if block.length() > 1 or block.blockFormat().hasProperty(SLOT_PROPERTY):
            QTextCursor(scratch).insertBlock()
            cursor.insertFragment(QTextDocumentFragment(scratch))
        else:
            first, at = scratch.begin().blockFormat(), cursor.position()
            cursor.insertFragment(QTextDocumentFragment(scratch))
            QTextCursor(doc.findBlock(at)).setBlockFormat(first)
        scratch.deleteLater()

    if slots is None:
        insert(bounded(md))
    else:
        attribution = char_format(SANS, px(15), palette.muted, weight=500)
        own = {m.id: m for s in slots for m in s.items}

        def resolve(token: str) -> MediaInfo | None:
            found = media.info(token) if media is not None else None
            return own.get(found.id, found) if found is not None else None

        placed = write_flow(cursor, bounded(md), slots, resolve, insert, attribution)
        if isinstance(doc, ReaderDocument):
            doc.slots = tuple(placed)

    # The reading style for every body block (after the header blocks). Qt's proportional
    # line height multiplies the font's own line spacing (~1.36 em for Noto Serif), so the
    # percentages are worked out from it: 1.5 for text, about 1.15 for headings (VISUAL.md).
    # Proportional, not fixed: a line holding a picture (media:) grows with it.
    spacing = QFontMetricsF(body_font).lineSpacing() / max(1.0, float(body_font.pixelSize()))
    text_leading, heading_leading = round(150 / spacing), round(115 / spacing)
    skip = sum(1 for t in (kicker, title, standfirst) if t)
    rules: list[int] = []  # the pull quotes' blocks, for their accent rule
    block_it = doc.begin()
    for _ in range(skip):
        block_it = block_it.next()
    while block_it.isValid():
        c = QTextCursor(block_it)
        bf = block_it.blockFormat()
        if is_styled(bf):  # a slot or an attribution, set as written
            block_it = block_it.next()
            continue
        heading = bf.headingLevel()
        bf.setLineHeight(
            heading_leading if heading else text_leading,
            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value,
        )
        bf.setBottomMargin(14 if not heading else 8)
        if heading:
            bf.setTopMargin(18)
        quote = bf.hasProperty(QTextBlockFormat.Property.BlockQuoteLevel)
        if quote:  # a pull quote: large type beside an accent rule (``paint_rules``)
            bf.setLeftMargin(28)
            bf.setTopMargin(14)
            bf.setBottomMargin(10)
            bf.setLineHeight(round(125 / spacing), bf.lineHeightType())
            rules.append(block_it.blockNumber())
        c.setBlockFormat(bf)
        cf = QTextCharFormat()
        cf.setForeground(QColor(palette.ink))
        f = QFont(SANS if heading else SERIF)
        if heading:
            f.setPixelSize(px(22 if heading <= 2 else 19))
            f.setWeight(QFont.Weight.DemiBold)
        else:
            f.setPixelSize(px(26 if quote else BODY_PX))
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
        upright_emphasis(doc, block_it)
        block_it = block_it.next()
    finish_styles(doc, palette, scale)
    if isinstance(doc, ReaderDocument):
        doc.rules = tuple(rules)


def split_heading(md: str) -> tuple[str, str]:
    """A leading ``# Heading`` as the page's title, and the rest as its body."""
    first, _, rest = md.lstrip().partition("\n")
    if first.startswith("# "):
        return first[2:].strip(), rest.lstrip("\n")
    return "", md
