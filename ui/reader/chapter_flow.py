"""The chapter as one scrolling page: where pictures, the sound and the gallery sit in the text.

A chapter is read by scrolling (issue 13): title, the lead picture under it,
the sound's block, then the text with the curator's figures and pull quotes
(``story.blocks``), then the gallery. The text stays ONE document in one
:class:`~ui.reader.text.ReadingView` (one scroll bar, links reachable by Tab,
the quarantine and its limits untouched, neighbours laid out ahead as
today); each picture, the sound and the gallery is a real widget
(``ui.reader.chapter_figures``) laid over an empty **slot** block that
reserves its height in the document. This module is the document's side:
it writes the blocks and the slots, and finds them again.

A figure whose medium cannot be found is written as text instead, so the
quarantine shows its quiet "[image not shown: …]".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit

from story.blocks import Block, split_blocks
from story.records import MediaInfo

#: Marks a slot block (its value: the slot's index in the document's ``slots``).
SLOT_PROPERTY = 0x100000 + 31
#: Marks a block styled when written (a quote's attribution): the reading style leaves it.
STYLED_PROPERTY = 0x100000 + 32
#: The most figures and quotes laid out as such; past them the rest is plain text.
MAX_SPECIAL_BLOCKS = 120


@dataclass(frozen=True)
class Slot:
    """Room in the page for a widget: the lead picture, figures, the sound, the gallery."""

    kind: str  # "lead" | "figure" | "figures" | "sound" | "gallery"
    items: tuple[MediaInfo, ...] = ()
    placement: str = "inset"  # "full" bleeds past the text column
    alts: tuple[str, ...] = ()  # the curator's alt text, per item


def _bounded_blocks(md: str) -> list[Block]:
    blocks = split_blocks(md)
    if len([b for b in blocks if b.kind != "text"]) <= MAX_SPECIAL_BLOCKS:
        return blocks
    kept: list[Block] = []
    special = 0
    for i, block in enumerate(blocks):
        special += block.kind != "text"
        if special > MAX_SPECIAL_BLOCKS:  # the rest as it is written, one text block
            lines = md.replace("\r\n", "\n").split("\n")
            kept.append(Block("text", "\n".join(lines[block.line - 1 :]), block.line))
            return kept
        kept.append(blocks[i])
    return kept


def _quote_md(block: Block) -> str:
    return "\n".join("> " + line for line in block.text.split("\n"))


def write_flow(
    cursor: QTextCursor,
    md: str,
    slots: tuple[Slot, ...],
    resolve: Callable[[str], MediaInfo | None],
    insert_md: Callable[[str], None],
    attribution_format: QTextCharFormat,
) -> list[Slot]:
    """Write the chapter's body at ``cursor``: its own slots (lead, sound) first, then
    the blocks of ``md`` (text and quotes through ``insert_md``, figures as slots),
    then the gallery. Returns the slots in document order (block property = index)."""
    placed: list[Slot] = []

    def fresh() -> None:  # an empty block that is not a slot, to write into
        block = cursor.block()
        if block.length() > 1 or block.blockFormat().hasProperty(SLOT_PROPERTY):
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())

    def slot(s: Slot) -> None:
        fmt = QTextBlockFormat()
        fmt.setProperty(SLOT_PROPERTY, len(placed))
        fmt.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        block = cursor.block()
        if block.length() > 1 or block.blockFormat().hasProperty(SLOT_PROPERTY):
            cursor.insertBlock(fmt, QTextCharFormat())
        else:
            cursor.setBlockFormat(fmt)
        placed.append(s)

    def text(md: str) -> None:
        insert_md(md)  # it keeps the block at the cursor as it is (text_render.insert)

    for s in slots:
        if s.kind in ("lead", "sound"):
            slot(s)
    for block in _bounded_blocks(md):
        if block.kind in ("figure", "figures"):
            infos = [resolve(f.token) for f in block.figures]
            if all(info is not None for info in infos):
                found = tuple(i for i in infos if i is not None)
                alts = tuple(f.alt for f in block.figures)
                slot(Slot(block.kind, found, block.placement, alts))
                continue
            text(block.text)  # the quarantine says what is missing
        elif block.kind == "quote":
            text(_quote_md(block))
            if block.attribution:
                fresh()
                fmt = QTextBlockFormat()
                fmt.setProperty(STYLED_PROPERTY, True)
                fmt.setLeftMargin(28)
                fmt.setBottomMargin(22)
                cursor.setBlockFormat(fmt)
                cursor.insertText("\u2014 " + block.attribution, attribution_format)
        else:
            text(block.text)
    for s in slots:
        if s.kind == "gallery":
            slot(s)
    return placed


def slot_blocks(doc: QTextDocument) -> list[QTextBlock]:
    """The document's slot blocks, in order."""
    found = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().hasProperty(SLOT_PROPERTY):
            found.append(block)
        block = block.next()
    return found


def set_slot_height(doc: QTextDocument, block: QTextBlock, height: int) -> bool:
    """Reserve ``height`` px at ``block``; False when it already had that height."""
    fmt = block.blockFormat()
    if round(fmt.lineHeight()) == height:
        return False
    fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    QTextCursor(block).setBlockFormat(fmt)
    return True


def paint_rules(view: QTextEdit, accent: str) -> None:
    """The accent rule beside each pull quote's block, drawn over ``view``'s viewport."""
    doc = view.document()
    rules = getattr(doc, "rules", ())
    if not rules:
        return
    layout = doc.documentLayout()
    dy = view.verticalScrollBar().value()
    height = view.viewport().height()
    left = doc.rootFrame().frameFormat().leftMargin()
    rtl = view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    painter = QPainter(view.viewport())
    for number in rules:
        rect = layout.blockBoundingRect(doc.findBlockByNumber(number))
        top, bottom = rect.top() - dy + 12, rect.bottom() - dy
        if bottom < 0 or top > height:
            continue
        x = rect.right() - 8 if rtl else left + 4
        painter.fillRect(QRectF(x, top, 4, bottom - top), QColor(accent))
    painter.end()


def is_styled(fmt: QTextBlockFormat) -> bool:
    """A slot or an attribution: the reading style leaves it as written."""
    return fmt.hasProperty(SLOT_PROPERTY) or fmt.hasProperty(STYLED_PROPERTY)
