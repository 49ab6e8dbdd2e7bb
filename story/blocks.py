"""A chapter's Markdown cut into the blocks a scrolling page lays out: text, figures, quotes.

The curator says where a photo sits in the text itself (issue 13), with the
media-link syntax the format already has (docs/FORMAT.md, "Media in chapter
text"), so the reader, the web edition and ``validate`` must agree on one
reading of it. This module is that reading, a pure function without Qt:

- ``![alt](media:NAME)`` alone in its paragraph: an inset figure (the text
  column's width) with the medium's caption and credit under it;
- ``![alt](media:NAME "full")``: a full-width figure; ``"inset"``: inset,
  explicitly; any other title word is read as inset (``validate`` warns:
  :func:`unknown_placements`);
- two or three such images on consecutive lines of one paragraph: side by
  side (more are cut into rows of at most three);
- an image inside a paragraph with words stays inline in the text;
- a blockquote is a pull quote; a last line starting with ``— `` or ``-- ``
  is its attribution.

Fenced code is never cut and what looks like an image inside code is not a
figure (the fence rule is :mod:`story.text_refs`'s). Everything else is text,
consecutive paragraphs kept together in one block so lists, headings and
reference links read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from story.text_refs import _FENCE, _REF_DEF, media_token

BlockKind = Literal["text", "figure", "figures", "quote"]
#: The placements a figure's title may ask for; anything else is read as "inset".
PLACEMENTS = ("inset", "full")
DEFAULT_PLACEMENT = "inset"
#: Most images side by side in one row.
ROW_MAX = 3

_IMAGE_LINE = re.compile(
    r" {0,3}!\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)"
    r"(?:\s+(?:\"([^\"\n]*)\"|'([^'\n]*)'|\(([^()\n]*)\)))?\s*\)\s*"
)
_QUOTE_LINE = re.compile(r" {0,3}> ?")
_ATTRIBUTION = re.compile(r"(?:—|--)\s+(\S.*)")


@dataclass(frozen=True)
class Figure:
    """One picture placed by the curator: which medium, its alt text, where it sits."""

    token: str  # the ID-or-NAME after media:
    alt: str
    placement: str  # one of PLACEMENTS
    requested: str  # the title word as written ("" when none)
    line: int  # 1-based line in the chapter's Markdown


@dataclass(frozen=True)
class Block:
    """A piece of the chapter's page, in reading order.

    ``text`` is Markdown for a text block, the quote's words (Markdown, without
    the ``>`` marks and the attribution) for a quote, and the source lines for
    figures. ``line`` is the block's first line (1-based).
    """

    kind: BlockKind
    text: str
    line: int
    figures: tuple[Figure, ...] = field(default=())
    placement: str = DEFAULT_PLACEMENT
    attribution: str = ""

    @property
    def tokens(self) -> tuple[str, ...]:
        """The media tokens this block places (empty for text and quotes)."""
        return tuple(f.token for f in self.figures)


def _figure(line: str, number: int) -> Figure | None:
    """The figure a line consists of, if it is one ``media:`` image and nothing else."""
    m = _IMAGE_LINE.fullmatch(line)
    if m is None:
        return None
    dest = m.group(2)
    if dest.startswith("<") and dest.endswith(">"):
        dest = dest[1:-1]
    token = media_token(dest)
    if token is None:
        return None
    title = next((g for g in m.group(3, 4, 5) if g is not None), "")
    word = title.strip().casefold()
    placement = word if word in PLACEMENTS else DEFAULT_PLACEMENT
    return Figure(token, m.group(1).strip(), placement, title.strip(), number)


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line indexes of each paragraph; a fenced block is never cut."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    fence = ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                if not line[m.end() :].strip():
                    fence = ""
            continue
        if m:
            fence = m.group(1)
            if start is None:
                start = i
            continue
        if not line.strip():
            if start is not None:
                out.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        out.append((start, len(lines)))
    return out


def _rows(figures: list[Figure]) -> list[list[Figure]]:
    """Figures cut into rows of at most ROW_MAX, as even as can be (4 -> 2 + 2)."""
    count = -(-len(figures) // ROW_MAX)
    size, extra = divmod(len(figures), count)
    rows, at = [], 0
    for r in range(count):
        n = size + (1 if r < extra else 0)
        rows.append(figures[at : at + n])
        at += n
    return rows


def _figure_blocks(figures: list[Figure], source: list[str]) -> list[Block]:
    blocks = []
    for row in _rows(figures):
        text = "\n".join(source[f.line - 1] for f in row)
        if len(row) == 1:
            blocks.append(Block("figure", text, row[0].line, tuple(row), row[0].placement))
        else:
            full = any(f.placement == "full" for f in row)
            placement = "full" if full else DEFAULT_PLACEMENT
            blocks.append(Block("figures", text, row[0].line, tuple(row), placement))
    return blocks


def _quote(para: list[str], line: int) -> Block | None:
    """A pull quote, if every line of the paragraph is a blockquote line."""
    body = []
    for raw in para:
        m = _QUOTE_LINE.match(raw)
        if m is None:
            return None
        body.append(raw[m.end() :])
    while body and not body[-1].strip():
        body.pop()
    attribution = ""
    if body:
        m = _ATTRIBUTION.fullmatch(body[-1].strip())
        if m is not None and len(body) > 1:
            attribution = m.group(1).strip()
            body.pop()
    return Block("quote", "\n".join(body).strip("\n"), line, attribution=attribution)


def split_blocks(md: str) -> list[Block]:
    """The chapter's Markdown as blocks in reading order (see the module's docstring).

    Reference definitions (``[x]: https://…``) are added to every text block,
    so a reference used in one block and defined in another still links.
    """
    lines = md.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    defs = [m.group(0) for m in _REF_DEF.finditer("\n".join(lines))]
    blocks: list[Block] = []
    text_start: int | None = None
    text_end = 0

    def flush() -> None:
        nonlocal text_start
        if text_start is not None:
            text = "\n".join(lines[text_start:text_end])
            blocks.append(Block("text", text, text_start + 1))
            text_start = None

    for first, end in _paragraphs(lines):
        para = lines[first:end]
        figures = [_figure(line, first + 1 + k) for k, line in enumerate(para)]
        placed = [f for f in figures if f is not None]
        quote = None if len(placed) == len(para) else _quote(para, first + 1)
        if len(placed) == len(para):
            flush()
            blocks.extend(_figure_blocks(placed, lines))
        elif quote is not None:
            flush()
            blocks.append(quote)
        else:
            if text_start is None:
                text_start = first
            text_end = end
    flush()
    if defs and sum(b.kind == "text" for b in blocks) > 1:
        tail = "\n\n" + "\n".join(defs)
        blocks = [Block(b.kind, b.text + tail, b.line) if b.kind == "text" else b for b in blocks]
    return blocks


def unknown_placements(md: str) -> list[tuple[int, str]]:
    """(line, title word) of each figure whose title is not one of :data:`PLACEMENTS`."""
    return [
        (f.line, f.requested)
        for b in split_blocks(md)
        for f in b.figures
        if f.requested and f.requested.casefold() not in PLACEMENTS
    ]


def placed_tokens(md: str) -> list[str]:
    """The media tokens placed as figures (not inline), in reading order."""
    return [t for b in split_blocks(md) for t in b.tokens]
