"""A chapter's Markdown as the HTML StoryMapJS and TimelineJS show, for ``export-json``.

Only the subset ``html_markdown`` writes (and a curator usually types) is
understood: paragraphs, hard line breaks, ``##`` headings, ``-`` and ``1.``
lists, ``>`` quotes, ``**strong**``, ``*emphasis*``, code spans, links and
``media:`` images. Every piece of text is HTML-escaped; a link is written only
for ``http``, ``https`` and ``mailto``; an image only for the package's own
media (the callback names the exported file). Importing the HTML again gives
back the same Markdown for text in that subset (the round-trip tests).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from story.text_refs import link_allowed

#: (destination, alt) -> the ``src`` of the exported file, or None (the image is left out)
ImageSrc = Callable[[str, str], str | None]

_INLINE = re.compile(
    r"\\([!-/:-@\[-`{-~])"  # a backslash escape
    r"|(`+)(.+?)\2"  # a code span
    r"|(!?)\[((?:[^\[\]\\]|\\.)*)\]\(\s*(<[^<>\n]*>|[^\s()]+)(?:\s+\"[^\"]*\")?\s*\)"
    r"|(\*\*\*|___|\*\*|__)|(\*|_)"
)
_BREAK = "\x01"  # a hard line break while the paragraph's inline marks are read
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^\s*(?:([-+*])|(\d{1,9})[.)])\s+(.*)$")


def inline(md: str, image: ImageSrc) -> str:
    out: list[str] = []
    open_marks: list[str] = []
    at = 0
    for m in _INLINE.finditer(md):
        out.append(html.escape(md[at : m.start()], quote=False))
        at = m.end()
        if m.group(1) is not None:
            out.append(html.escape(m.group(1), quote=False))
        elif m.group(2):
            out.append(f"<code>{html.escape(m.group(3).strip(), quote=False)}</code>")
        elif m.group(5) is not None or m.group(6) is not None:
            dest = m.group(6)[1:-1] if m.group(6).startswith("<") else m.group(6)
            label = m.group(5)
            if m.group(4):
                alt = re.sub(r"\\(.)", r"\1", label)
                src = image(dest, alt)
                if src is not None:
                    out.append(f'<img src="{html.escape(src)}" alt="{html.escape(alt)}">')
            elif link_allowed(dest):
                out.append(f'<a href="{html.escape(dest)}">{inline(label, image)}</a>')
            else:
                out.append(inline(label, image))
        else:
            mark = m.group(7) or m.group(8)
            before = md[m.start() - 1] if m.start() else " "
            after = md[m.end()] if m.end() < len(md) else " "
            if len(mark) < 3:
                opening = mark not in open_marks
            else:
                opening = mark[0] not in open_marks and mark[0] * 2 not in open_marks
            if (mark[0] == "_" and before.isalnum() and after.isalnum()) or (
                after.isspace() if opening else before.isspace()
            ):
                out.append(mark)  # snake_case, or a mark that does not flank text: literal
                continue
            if len(mark) < 3:
                _toggle(mark, open_marks, out)
                continue
            em, strong = mark[0], mark[0] * 2
            if em in open_marks and strong in open_marks:  # closing both: the outer one does
                _toggle(min(em, strong, key=open_marks.index), open_marks, out)
            elif em in open_marks or strong in open_marks:
                _toggle(strong, open_marks, out)
                _toggle(em, open_marks, out)
            else:  # *** opens emphasis, then strong (CommonMark's reading of ***a**.*)
                _toggle(em, open_marks, out)
                _toggle(strong, open_marks, out)
    out.append(html.escape(md[at:], quote=False))
    for top in reversed(open_marks):
        out.append(f"</{'strong' if len(top) == 2 else 'em'}>")
    return "".join(out)


def _toggle(mark: str, open_marks: list[str], out: list[str]) -> None:
    """Open ``mark`` (``*`` em, ``**`` strong), or close it and whatever it encloses."""
    if mark not in open_marks:
        open_marks.append(mark)
        out.append("<strong>" if len(mark) == 2 else "<em>")
        return
    while open_marks:
        top = open_marks.pop()
        out.append("</strong>" if len(top) == 2 else "</em>")
        if top == mark:
            break


def _paragraph(lines: list[str], image: ImageSrc) -> str:
    text = re.sub(r"\\\n|  +\n", _BREAK, "\n".join(ln.strip() for ln in lines))
    return inline(text, image).replace(_BREAK, "<br>")


def markdown_to_html(md: str, image: ImageSrc) -> str:
    """The HTML of ``md`` (see the module docstring for the subset)."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", md.strip()):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if all(ln.lstrip().startswith(">") for ln in lines):
            inner = "\n".join(re.sub(r"^\s*>\s?", "", ln) for ln in lines)
            out.append(f"<blockquote>{markdown_to_html(inner, image)}</blockquote>")
            continue
        heading = _HEADING.match(lines[0]) if len(lines) == 1 else None
        if heading:
            level = min(max(len(heading.group(1)), 2), 3)
            out.append(f"<h{level}>{inline(heading.group(2).strip(), image)}</h{level}>")
            continue
        items = [_ITEM.match(ln) for ln in lines]
        if all(items):
            tag = "ol" if items[0] and items[0].group(2) else "ul"
            lis = "".join(f"<li>{inline(i.group(3), image)}</li>" for i in items if i)
            out.append(f"<{tag}>{lis}</{tag}>")
            continue
        out.append(f"<p>{_paragraph(lines, image)}</p>")
    # consecutive one-item lists (a loose list in Markdown) are one list in HTML
    return re.sub(r"</(ul|ol)><\1>", "", "".join(out))
