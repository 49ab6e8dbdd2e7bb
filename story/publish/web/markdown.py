"""Chapter Markdown as safe HTML for the web edition: everything escaped, nothing raw.

The desktop reader hands a chapter's Markdown to Qt's reader with raw HTML
switched off; a browser has no such switch, so the web edition renders the
subset of CommonMark that stories use itself (headings, paragraphs, pull
quotes, lists, rules, emphasis, code, links, images) and escapes every
character of text it does not produce. A body holding ``<script>`` or an
``onerror=`` attribute shows those characters as text.

The package's rules hold as in the reader (``story.text_refs``): a link
becomes ``<a>`` only for http, https and mailto (anything else stays text);
an image is shown only when it is one of the package's own media
(``media:ID-or-NAME``), through the ``image_html`` the caller passes; any
other image is a quiet placeholder naming its destination, and nothing is
fetched to draw it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from story.text_refs import link_allowed, media_token

#: Renders one of the package's images for the text: (media token, alt) -> HTML, or None
#: when the token names no image of the package.
ImageHtml = Callable[[str, str], str | None]

#: The most Markdown rendered for one page (the desktop reader cuts at the same length).
MAX_CHARS = 200_000

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_BULLET = re.compile(r"^ {0,3}([-*+])[ \t]+")
_ORDERED = re.compile(r"^ {0,3}(\d{1,9})[.)][ \t]+")

_INLINE = re.compile(
    r"(?P<code>`+)"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!<>|~\"'])"
    r"|(?P<image>!\[(?P<ialt>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<idest><[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\))"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<ldest><[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\))"
    r"|(?P<auto><(?P<adest>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@:]+@[^\s<>@]+\.[^\s<>@]+)>)"
    r"|(?P<bare>(?<![\w/:.@\-])https?://[^\s<>]*[^\s<>.,:;\"')\]*_~?!])"
    # emphasis never spans its own delimiter, so each try stops at the next one: linear
    r"|(?P<strong>\*\*(?=[^\s*])(?P<stext>[^*]+?)(?<=[^\s*])\*\*"
    r"|__(?=[^\s_])(?P<stext2>[^_]+?)(?<=[^\s_])__(?!\w))"
    r"|(?P<em>\*(?=[^\s*])(?P<etext>[^*]+?)(?<=[^\s*])\*"
    r"|(?<!\w)_(?=[^\s_])(?P<etext2>[^_]+?)(?<=[^\s_])_(?!\w))"
    r"|(?P<br> {2,}\n|\\\n)",
    re.S,
)


def _dest(raw: str) -> str:
    return raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw


class _Inline:
    """Inline Markdown to HTML; text between the constructs is escaped."""

    def __init__(self, image_html: ImageHtml) -> None:
        self.image_html = image_html

    def render(self, text: str, *, in_link: bool = False) -> str:
        out: list[str] = []
        at = 0
        pos = 0
        while True:
            m = _INLINE.search(text, pos)
            if m is None:
                break
            kind = m.lastgroup if m.lastgroup in _KINDS else _kind(m)
            if kind == "code":
                ticks = m.group("code")
                close = _find_ticks(text, m.end(), len(ticks))
                if close < 0:  # no closer: the backticks are text
                    pos = m.end()
                    continue
                out.append(escape(text[at : m.start()]))
                code = text[m.end() : close].replace("\n", " ")
                if code.startswith(" ") and code.endswith(" ") and code.strip():
                    code = code[1:-1]
                out.append(f"<code>{escape(code)}</code>")
                at = pos = close + len(ticks)
                continue
            out.append(escape(text[at : m.start()]))
            out.append(self._construct(kind, m, in_link))
            at = pos = m.end()
        out.append(escape(text[at:]))
        return "".join(out)

    def _construct(self, kind: str, m: re.Match[str], in_link: bool) -> str:
        if kind == "escape":
            return escape(m.group("escape")[1])
        if kind == "br":
            return "<br>\n"
        if kind == "strong":
            inner = m.group("stext") if m.group("stext") is not None else m.group("stext2")
            return f"<strong>{self.render(inner, in_link=in_link)}</strong>"
        if kind == "em":
            inner = m.group("etext") if m.group("etext") is not None else m.group("etext2")
            return f"<em>{self.render(inner, in_link=in_link)}</em>"
        if kind == "image":
            return self._image(_dest(m.group("idest")), m.group("ialt").strip())
        if kind == "link":
            inner = self.render(m.group("ltext"), in_link=True)
            return self._link(_dest(m.group("ldest")), inner, in_link)
        if kind == "auto":
            target = m.group("adest")
            if "@" in target and ":" not in target:
                target = "mailto:" + target
            return self._link(target, escape(m.group("adest")), in_link)
        target = m.group("bare")
        return self._link(target, escape(target), in_link)

    def _link(self, target: str, inner: str, in_link: bool) -> str:
        if in_link or not link_allowed(target):
            return inner  # shown as its text, does nothing
        href = escape(target.strip(), quote=True)
        return f'<a href="{href}" rel="noopener noreferrer" target="_blank">{inner}</a>'

    def _image(self, target: str, alt: str) -> str:
        token = media_token(target)
        if token is not None:
            shown = self.image_html(token, alt)
            if shown is not None:
                return shown
        return f'<span class="not-shown">[image not shown: {escape(target)}]</span>'


_KINDS = frozenset({"code", "escape", "image", "link", "auto", "bare", "strong", "em", "br"})


def _kind(m: re.Match[str]) -> str:
    for name in ("code", "escape", "image", "link", "auto", "bare", "strong", "em", "br"):
        if m.group(name) is not None:
            return name
    raise AssertionError("no inline construct matched")


def _find_ticks(text: str, start: int, n: int) -> int:
    """Offset of the next run of exactly ``n`` backticks from ``start``, or -1."""
    for m in re.finditer(r"`+", text[start:]):
        if len(m.group(0)) == n:
            return start + m.start()
    return -1


class _Blocks:
    """Block structure: fences, headings, rules, quotes, lists and paragraphs."""

    def __init__(self, inline: _Inline) -> None:
        self.inline = inline

    def render(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        para: list[str] = []

        def flush() -> None:
            if para:
                text = "\n".join(line.strip() for line in para)
                out.append(f"<p>{self.inline.render(text)}</p>")
                para.clear()

        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                flush()
                i += 1
                continue
            fence = _FENCE.match(line)
            if fence:
                flush()
                mark = fence.group(1)
                body: list[str] = []
                i += 1
                while i < len(lines):
                    close = _FENCE.match(lines[i])
                    if close and close.group(1)[0] == mark[0] and len(close.group(1)) >= len(mark):
                        i += 1
                        break
                    body.append(lines[i])
                    i += 1
                out.append(f"<pre><code>{escape(chr(10).join(body))}</code></pre>")
                continue
            heading = _HEADING.match(line)
            if heading:
                flush()
                level = max(2, len(heading.group(1)))  # the page's title is its one h1
                text = heading.group(2) or ""
                out.append(f"<h{level}>{self.inline.render(text)}</h{level}>")
                i += 1
                continue
            if _RULE.match(line):
                flush()
                out.append("<hr>")
                i += 1
                continue
            if _QUOTE.match(line):
                flush()
                quoted: list[str] = []
                while i < len(lines) and lines[i].strip() and _QUOTE.match(lines[i]):
                    quoted.append(_QUOTE.sub("", lines[i], count=1))
                    i += 1
                out.append(f"<blockquote>{''.join(self.render(quoted))}</blockquote>")
                continue
            bullet, ordered = _BULLET.match(line), _ORDERED.match(line)
            if (bullet or ordered) and not para:
                flush()
                i = self._list(lines, i, out, ordered is not None)
                continue
            para.append(line)
            i += 1
        flush()
        return out

    def _list(self, lines: list[str], i: int, out: list[str], ordered: bool) -> int:
        pattern = _ORDERED if ordered else _BULLET
        items: list[list[str]] = []
        while i < len(lines):
            line = lines[i]
            m = pattern.match(line)
            if m:
                items.append([line[m.end() :]])
            elif line.strip() and items and (line.startswith("  ") or not _starts_block(line)):
                items[-1].append(line.strip())
            else:
                break
            i += 1
        tag = "ol" if ordered else "ul"
        inner = "".join(f"<li>{self.inline.render(chr(10).join(item))}</li>" for item in items)
        out.append(f"<{tag}>{inner}</{tag}>")
        return i


def _starts_block(line: str) -> bool:
    return (
        any(p.match(line) for p in (_FENCE, _HEADING, _RULE, _QUOTE, _BULLET, _ORDERED))
        or not line.strip()
    )


def markdown_html(md: str, image_html: ImageHtml) -> str:
    """``md`` (a chapter body, the about page) as safe HTML, one block per line."""
    cut = len(md) > MAX_CHARS
    md = md[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    blocks = _Blocks(_Inline(image_html)).render(md.split("\n"))
    if cut:
        blocks.append('<p class="not-shown">[The rest of this page is too long to show here.]</p>')
    return "\n".join(blocks)
