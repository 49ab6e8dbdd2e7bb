"""A chapter's text as the web edition shows it: prose, placed figures and pull quotes.

The curator places photos in the text itself (issue 13); :mod:`story.blocks`
is the one reading of that syntax, shared with the desktop reader and
``validate``. Here each block becomes HTML: text blocks through
:mod:`story.publish.web.markdown` (which escapes everything it did not
write), a figure as ``<figure>`` with its responsive ``<picture>`` and a
caption and credit under it (inset: the text column's width; full: the
window's), two or three figures side by side in a row that becomes a column
on a phone, and a pull quote as ``<figure class="pull-quote">`` with its
attribution. A figure whose medium is not the package's own is shown as the
Markdown renderer shows any such image: a quiet placeholder.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from story.blocks import Block, Figure, split_blocks
from story.publish.web.markdown import ImageHtml, markdown_html

#: (figure, sizes) -> the ``<figure>`` HTML, or None when the medium is not one of ours.
FigureHtml = Callable[[Figure, str], str | None]

#: How wide a placed picture is drawn, for ``sizes`` (the text column is 680 px at most).
INSET_SIZES = "(min-width: 760px) 680px, 100vw"
FULL_SIZES = "100vw"


def row_sizes(count: int, full: bool) -> str:
    """``sizes`` for one of ``count`` pictures side by side (a column on a phone)."""
    if full:
        return f"(min-width: 560px) calc(100vw / {count}), 100vw"
    return f"(min-width: 760px) {680 // count}px, (min-width: 560px) calc(100vw / {count}), 100vw"


def figure_caption(caption: str, credit: str, licence: str, licence_word: str) -> str:
    """The ``<figcaption>`` under a placed picture (empty when it has nothing to say)."""
    parts = []
    if caption:
        parts.append(f'<span class="caption">{escape(caption)}</span>')
    credit_line = " · ".join(
        x for x in (credit, f"{licence_word}: {licence}" if licence else "") if x
    )
    if credit_line:
        parts.append(f'<span class="credit">{escape(credit_line)}</span>')
    return f"<figcaption>{''.join(parts)}</figcaption>" if parts else ""


def _figures(block: Block, figure_html: FigureHtml, image_html: ImageHtml) -> str:
    full = block.placement == "full"
    if block.kind == "figure":
        sizes = FULL_SIZES if full else INSET_SIZES
        shown = figure_html(block.figures[0], sizes)
        return shown if shown is not None else markdown_html(block.text, image_html)
    count = len(block.figures)
    sizes = row_sizes(count, full)
    items = []
    for fig in block.figures:
        shown = figure_html(fig, sizes)
        items.append(shown if shown is not None else markdown_html(fig_source(fig), image_html))
    kind = "full" if full else "inset"
    return f'<div class="figure-row {kind} n{count}">{"".join(items)}</div>'


def fig_source(fig: Figure) -> str:
    return f"![{fig.alt}](media:{fig.token})"


def _quote(block: Block, image_html: ImageHtml) -> str:
    words = markdown_html(block.text, image_html)
    who = f"<figcaption>— {escape(block.attribution)}</figcaption>" if block.attribution else ""
    return f'<figure class="pull-quote"><blockquote>{words}</blockquote>{who}</figure>'


def body_html(md: str, image_html: ImageHtml, figure_html: FigureHtml) -> str:
    """The chapter's Markdown as HTML, with its placed figures and pull quotes."""
    out = []
    for block in split_blocks(md):
        if block.kind == "text":
            out.append(markdown_html(block.text, image_html))
        elif block.kind == "quote":
            out.append(_quote(block, image_html))
        else:
            out.append(_figures(block, figure_html, image_html))
    return "\n".join(x for x in out if x)
