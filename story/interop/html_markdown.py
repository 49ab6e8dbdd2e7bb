"""StoryMapJS and TimelineJS text (HTML) turned into the safe Markdown subset a chapter holds.

Their slides carry HTML written in a browser editor, sometimes pasted from
Word or a CMS: ``<span style>``, ``<center>``, ``<video>`` players, links with
``target``. A package shows only Markdown (docs/FORMAT.md), so the HTML is
read with the standard library's tolerant parser and only meaning is kept:
paragraphs, line breaks, headings, bold and italic, lists, quotes, and links
that may open (``http``, ``https``, ``mailto``; the rest become their text).
Scripts, styles, frames and forms are dropped with their content; attributes
(``onerror=``, ``style=``) are never copied. Pictures and players are handed
to a callback, which imports a file beside the JSON or lists a placeholder.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from story.text_refs import link_allowed

#: (src, alt, kind "image" | "audio" | "video") -> Markdown to put there ("" for nothing)
EmbedMedia = Callable[[str, str, str], str]

#: Elements dropped with everything inside them.
_DROP = frozenset(
    {"script", "style", "iframe", "object", "embed", "noscript", "template", "head", "title",
     "svg", "math", "form", "select", "textarea", "button", "canvas", "map"}
)  # fmt: skip
_BLOCKS = frozenset(
    {"p", "div", "center", "section", "article", "header", "footer", "aside", "main", "nav",
     "figure", "figcaption", "table", "tr", "dl", "dt", "dd", "address", "hr", "pre"}
)  # fmt: skip
_HEADINGS = {"h1": "## ", "h2": "## ", "h3": "### ", "h4": "### ", "h5": "### ", "h6": "### "}
_VOID = frozenset({"br", "img", "hr", "source", "wbr", "input", "meta", "link", "area", "track"})
_SPACE = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(
    r"^(\s*)(>|#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+\s*$|-+\s*$)", re.M
)
_MARKUP = re.compile(r"([\\`*\[\]<>!|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")  # snake_case stays
#: Marks an opening ``**`` or ``*`` while a line is built (a closing one is the bare mark).
_OPEN = "\x02"
_LEAD = re.compile(r"^(?:\s|\\\n)+")
_TRAIL = re.compile(r"(?:\s|\\\n)+$")
_EDGES = re.compile(r"^(?:\s|\\\n)+|(?:\s|\\\n)+$")
_BREAKS = re.compile(r"(?:\\\n[ \t]*){2,}")


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """``text`` as literal Markdown: punctuation that would mark up is backslash-escaped
    (and, when ``text`` starts a line, what would open a heading, list or quote)."""
    text = _ENTITY.sub(r"\\&", _MARKUP.sub(r"\\\1", text))
    if not line_start:
        return text
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def absolute_url(url: str) -> str:
    """A protocol-relative ``//host/x`` as ``https://host/x``; anything else unchanged."""
    url = url.strip()
    return "https:" + url if url.startswith("//") else url


class _Converter(HTMLParser):
    def __init__(self, embed: EmbedMedia | None) -> None:
        super().__init__(convert_charrefs=True)
        self.embed = embed
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.drop = 0  # depth inside a dropped element
        self.prefix: list[str] = []  # "> " per open blockquote
        self.lists: list[str] = []  # "ul" / "ol" per open list
        self.counters: list[int] = []
        self.links: list[str | None] = []  # the open <a>'s href (None: not a link)
        self.link_start: list[int] = []
        self.media_open = 0  # inside <video>/<audio>: <source> children belong to it
        self.media_tag = "video"  # the innermost player's tag (a <source> without a type)
        self.item = ""  # the list marker waiting for the next text
        self.in_item = False  # the line being built is a list item
        self.items: set[int] = set()  # indexes of blocks that are list items
        self.pre = 0

    # -- output -------------------------------------------------------------------
    def _text(self, s: str) -> None:
        if self.item and s.strip():
            self.line.append(self.item)
            self.item = ""
            self.in_item = True
        self.line.append(s)

    def flush(self) -> None:
        text = "".join(self.line).replace(_OPEN, "")
        self.line = []
        if self.in_item:
            self.items.add(len(self.blocks))
            self.in_item = False
        lines = [ln.strip() for ln in text.split("\n")]
        text = "\n".join(lines).replace("****", "").strip()
        # two breaks in a row (<br><br>) end a paragraph; a break at either end means nothing
        for part in _BREAKS.split(text):
            part = part.strip()
            while part.startswith("\\\n"):
                part = part[2:].lstrip()
            while part.endswith("\\"):
                part = part[:-1].rstrip()
            if part:
                quote = "".join(self.prefix)
                if quote:
                    part = "\n".join(quote + ln for ln in part.split("\n"))
                self.blocks.append(part)

    # -- parser callbacks -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.drop:
            if tag in _DROP and tag not in _VOID:
                self.drop += 1
            return
        if tag in _DROP:
            self.drop = 1
            return
        a = {k: (v or "") for k, v in attrs}
        if tag in _BLOCKS:
            self.flush()
            if tag == "pre":
                self.pre += 1
        elif tag in _HEADINGS:
            self.flush()
            self._text(_HEADINGS[tag])
        elif tag == "br":
            at = len(self.line)
            while at and self.line[at - 1] in (_OPEN + "**", _OPEN + "*"):  # <b><br>x</b>
                at -= 1
            self.line.insert(at, "\\\n")
        elif tag == "blockquote":
            self.flush()
            self.prefix.append("> ")
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append(tag)
            self.counters.append(0)
        elif tag == "li":
            self.flush()
            depth = max(len(self.lists) - 1, 0)
            if self.lists and self.lists[-1] == "ol":
                self.counters[-1] += 1
                self.item = "   " * depth + f"{self.counters[-1]}. "
            else:
                self.item = "  " * depth + "- "
        elif tag in ("b", "strong"):
            self._text(_OPEN + "**")
        elif tag in ("i", "em", "cite"):
            self._text(_OPEN + "*")
        elif tag == "a":
            href = absolute_url(a.get("href", ""))
            self.links.append(href if link_allowed(href) else None)
            self.link_start.append(len(self.line))
            if self.links[-1]:
                self.line.append("[")
        elif tag == "img":
            self._embed(a.get("src", ""), a.get("alt", "") or a.get("title", ""), "image")
        elif tag in ("video", "audio"):
            self.media_open += 1
            self.media_tag = tag
            if a.get("src"):
                self._embed(a["src"], a.get("title", ""), tag)
        elif tag == "source" and self.media_open:
            typed = a.get("type", "").split("/")[0]
            kind = typed if typed in ("audio", "video") else self.media_tag
            self._embed(a.get("src", ""), "", kind)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.drop:
            if tag in _DROP:
                self.drop -= 1
            return
        if tag in _BLOCKS:
            self.flush()
            if tag == "pre" and self.pre:
                self.pre -= 1
        elif tag in _HEADINGS or tag == "li":
            self.flush()
        elif tag == "blockquote":
            self.flush()
            if self.prefix:
                self.prefix.pop()
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
                self.counters.pop()
        elif tag in ("b", "strong"):
            self._close_mark("**")
        elif tag in ("i", "em", "cite"):
            self._close_mark("*")
        elif tag == "a" and self.links:
            href = self.links.pop()
            start = self.link_start.pop()
            if href:
                inner = "".join(self.line[start + 1 :]).strip()
                del self.line[start:]
                if inner:
                    self.line.append(f"[{inner}]({_dest(href)})")
        elif tag in ("video", "audio") and self.media_open:
            self.media_open -= 1

    def _close_mark(self, mark: str) -> None:
        """Close ``**``/``*`` around what follows its opener. Spaces and breaks at either
        end move outside (``** x**`` would not mark up); an empty pair is dropped."""
        for i in range(len(self.line) - 1, -1, -1):
            if self.line[i] == _OPEN + mark:
                inner = "".join(self.line[i + 1 :])
                core = _EDGES.sub("", inner)
                if not core:
                    self.line[i:] = [inner]
                    return
                lead = inner[: len(inner) - len(_LEAD.sub("", inner))]
                trail = inner[len(_TRAIL.sub("", inner)) :]
                self.line[i:] = [lead, _OPEN + mark, core, mark, trail]
                return
        # no opener (it was inside something dropped): no stray mark

    def handle_data(self, data: str) -> None:
        if self.drop or self.media_open:
            return
        start = not "".join(self.line).strip() or self.line[-1].endswith("\n")
        if self.pre:
            self._text(escape_markdown(data, line_start=start))
            return
        text = _SPACE.sub(" ", data)
        if not text.strip() and (not self.line or self.line[-1].endswith(("\n", " "))):
            return
        self._text(escape_markdown(text.lstrip() if start else text, line_start=start))

    def _embed(self, src: str, alt: str, kind: str) -> None:
        if self.embed is None or not src.strip():
            return
        md = self.embed(src.strip(), _SPACE.sub(" ", alt).strip(), kind)
        if md:
            self.flush()
            self.blocks.append("".join(self.prefix) + md)


def _dest(url: str) -> str:
    """A link destination that survives Markdown: spaces and parentheses escaped."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def html_to_markdown(text: str, embed: EmbedMedia | None = None) -> str:
    """The Markdown for ``text``; plain text (no tags) comes back as paragraphs."""
    if not text or not text.strip():
        return ""
    conv = _Converter(embed)
    conv.feed(text)
    conv.close()
    conv.flush()
    out: list[str] = []
    for i, block in enumerate(conv.blocks):
        if out:  # the items of a list are one block: one line each
            out.append("\n" if i in conv.items and i - 1 in conv.items else "\n\n")
        out.append(block)
    return "".join(out)


class _Plain(HTMLParser):
    def __init__(self, br: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.drop = 0
        self.br = br

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.drop += 1
        elif tag == "br" or tag in _BLOCKS or tag in _HEADINGS:
            self.parts.append(self.br)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP and self.drop:
            self.drop -= 1

    def handle_data(self, data: str) -> None:
        if not self.drop:
            self.parts.append(data)


def html_to_plain(text: str, *, br: str = " ") -> str:
    """A label's text (a headline, a caption, a credit): tags gone, one line."""
    if not text:
        return ""
    p = _Plain("\x00")
    p.feed(text)
    p.close()
    pieces = [_SPACE.sub(" ", s).strip() for s in "".join(p.parts).split("\x00")]
    return br.join(s for s in pieces if s)


def unescape(text: str) -> str:
    return html.unescape(text)
