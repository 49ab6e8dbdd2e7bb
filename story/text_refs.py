"""What a chapter's Markdown points at: images and links, found and judged, with line numbers.

A package is a stranger's document, and its text is the one place where it
could point outside itself: ``![x](/home/someone/private.png)``, a ``file:``
link, a remote image. Text may show only the package's own media, written
``![alt](media:ID-or-NAME)`` (docs/FORMAT.md, "Media in chapter text"), and
links may go only to ``http``, ``https`` and ``mailto``. This module holds
that rule for everyone who needs it without Qt: ``validate`` and ``build``
report what breaks it (chapter and line), and the reader resolves ``media:``
through :func:`find_media` and asks :func:`link_allowed` before opening.

The scanner is a careful approximation of CommonMark (inline and reference
images and links, autolinks, GitHub's bare URLs; code is skipped). It
advises; the reader does not depend on it: it judges what Qt's own Markdown
reader produced.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urlsplit

from story.ids import MediaId
from story.package.file import Package

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MEDIA_SCHEME = "media"
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
#: Shortest id prefix accepted in ``media:`` (hex digits).
MIN_PREFIX = 8

RefKind = Literal["image", "link"]
Verdict = Literal["own-media", "missing-media", "outside-image", "link-ok", "bad-link"]


@dataclass(frozen=True)
class Ref:
    """One image or link in the text: where it points and on which line (1-based)."""

    kind: RefKind
    target: str
    line: int
    text: str = ""  # alt text or link text


@dataclass(frozen=True)
class Finding:
    ref: Ref
    verdict: Verdict
    media_id: MediaId | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.verdict in ("own-media", "link-ok")


#: token -> (media id or None, why not found)
MediaLookup = Callable[[str], tuple[MediaId | None, str]]

# -- scanning ----------------------------------------------------------------------

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"`+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_NOT_NEWLINE = re.compile(r"[^\n]")
_ESCAPE = re.compile(r"\\[\\\[\]()!<>`]")
_REF_DEF = re.compile(r"^ {0,3}\[([^\[\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)[^\n]*$", re.M)
_INLINE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_ANGLE = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@:]+@[^\s<>@]+\.[^\s<>@]+)>")
_REF_USE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\[([^\[\]]*)\])?")
_BARE = re.compile(r"(?<![\w/:.@\-])(?:https?://|ftp://|www\.)[^\s<>]*[^\s<>.,:;\"')\]*_~?!]")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span turned to spaces, newlines kept (offsets and lines stay).

    One pass over the text per call, so a text with many links stays linear.
    """
    if not spans:
        return text
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:
            start = at
        out.append(text[at:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """CommonMark code spans: a run of n backticks up to the next run of exactly n.

    A span does not cross a blank line; an opener with no closer is literal text.
    Each run is looked at a bounded number of times (a pointer per run length),
    so a text of many backtick runs stays linear; a regular expression with a
    back-reference was quadratic on them.
    """
    runs = [m.span() for m in _TICKS.finditer(text)]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(i)
    cursor = dict.fromkeys(by_length, 0)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        c = cursor[end - start]
        while c < len(same) and same[c] <= i:
            c += 1
        cursor[end - start] = c
        if c == len(same):
            i += 1
            continue
        closer = same[c]
        b = bisect.bisect_left(breaks, end)
        if b < len(breaks) and breaks[b] < runs[closer][0]:
            i += 1
            continue
        spans.append((start, runs[closer][1]))
        i = closer + 1
    return spans


def _without_fences(md: str) -> str:
    """``md`` with fenced code blocks blanked (an unclosed fence runs to the end)."""
    lines = md.split("\n")
    fence = ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                if not line[m.end() :].strip():
                    fence = ""
            lines[i] = " " * len(line)
        elif m:
            fence = m.group(1)
            lines[i] = " " * len(line)
    return "\n".join(lines)


def _label(raw: str) -> str:
    return " ".join(raw.split()).casefold()


def _dest(raw: str) -> str:
    return raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw


def scan(md: str) -> list[Ref]:
    """Every image and link in ``md``, in the order of the text."""
    newlines = [i for i, ch in enumerate(md) if ch == "\n"]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(newlines, offset - 1) + 1

    work = _without_fences(md)
    work = _blank(work, _code_spans(work))
    work = _blank(work, [m.span() for m in _ESCAPE.finditer(work)])
    refs: list[tuple[int, Ref]] = []
    defs: dict[str, tuple[str, int]] = {}
    spans: list[tuple[int, int]] = []
    for m in _REF_DEF.finditer(work):
        defs.setdefault(_label(m.group(1)), (_dest(md[m.start(2) : m.end(2)]), line_of(m.start())))
        spans.append(m.span())
    work = _blank(work, spans)

    def inline(text_start: int, text_end: int) -> None:
        for m in _INLINE.finditer(work, text_start, text_end):
            kind: RefKind = "image" if m.group(1) else "link"
            target = _dest(md[m.start(3) : m.end(3)])
            refs.append((m.start(), Ref(kind, target, line_of(m.start()), m.group(2).strip())))
            if kind == "link":  # a link's text may hold an image: [![alt](media:x)](https://…)
                inline(m.start(2), m.end(2))
            spans.append(m.span())

    spans = []
    inline(0, len(work))
    work = _blank(work, spans)
    spans = []
    for m in _ANGLE.finditer(work):
        target = m.group(1)
        if "@" in target and ":" not in target:
            target = "mailto:" + target
        refs.append((m.start(), Ref("link", target, line_of(m.start()), m.group(1))))
        spans.append(m.span())
    work = _blank(work, spans)
    spans = []
    for m in _REF_USE.finditer(work):
        label = _label(m.group(3) or m.group(2))
        if label in defs:
            use: RefKind = "image" if m.group(1) else "link"
            refs.append((m.start(), Ref(use, defs[label][0], line_of(m.start()), m.group(2))))
            spans.append(m.span())
    work = _blank(work, spans)
    for m in _BARE.finditer(work):
        target = m.group(0)
        if target.startswith("www."):
            target = "http://" + target
        refs.append((m.start(), Ref("link", target, line_of(m.start()), m.group(0))))
    return [ref for _, ref in sorted(refs, key=lambda pair: pair[0])]


# -- judging -----------------------------------------------------------------------


def media_token(target: str) -> str | None:
    """The ID-or-NAME of a ``media:`` reference (percent-escapes decoded), else None."""
    scheme, sep, rest = target.strip().partition(":")
    if not sep or scheme.lower() != MEDIA_SCHEME:
        return None
    return unquote(rest).strip()


def link_allowed(target: str) -> bool:
    """Whether a link may be opened: ``http(s)`` with a host and no user name, or ``mailto``."""
    try:
        parts = urlsplit(target.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        return False
    if scheme == "mailto":
        return bool(parts.path)
    try:
        host = parts.hostname
    except ValueError:
        return False
    # a user name before the host (https://bank.example@evil.example/) is a common disguise
    return bool(host) and parts.username is None and parts.password is None


def find_media(s: Session, token: str) -> tuple[MediaId | None, str]:
    """The image ``token`` names in the package: an id or unique prefix, else an original name.

    Returns (id, "") or (None, why). Reads ids, kinds and names only, never blobs.
    """
    from sqlalchemy import select  # here: the reader imports this module before its first paint

    from story.package.schema import MediaRow

    if not token:
        return None, "no media id or name after media:"
    hexed = token.lower()
    if len(hexed) >= MIN_PREFIX and re.fullmatch(r"[0-9a-f]{1,64}", hexed):
        rows = s.execute(
            select(MediaRow.id, MediaRow.kind)
            .where(MediaRow.id >= hexed, MediaRow.id < hexed + "~")
            .limit(2)
        ).all()
        if len(rows) > 1:
            return None, f"more than one medium's id starts with {token}"
        if rows:
            if rows[0].kind != "image":
                return None, f"medium {token} is not an image"
            return MediaId(rows[0].id), ""
    rows = s.execute(
        select(MediaRow.id, MediaRow.kind).where(MediaRow.original_name == token).limit(2)
    ).all()
    if len(rows) > 1:
        return None, f"more than one medium is named {token!r}: use its id"
    if not rows:
        return None, f"no medium {token!r} in this package"
    if rows[0].kind != "image":
        return None, f"{token!r} is not an image"
    return MediaId(rows[0].id), ""


def package_lookup(pkg: Package) -> MediaLookup:
    """A :data:`MediaLookup` over ``pkg``, remembering each token's answer."""
    seen: dict[str, tuple[MediaId | None, str]] = {}

    def lookup(token: str) -> tuple[MediaId | None, str]:
        if token not in seen:
            with pkg.session() as s:
                seen[token] = find_media(s, token)
        return seen[token]

    return lookup


def judge(ref: Ref, lookup: MediaLookup) -> Finding:
    if ref.kind == "link":
        if link_allowed(ref.target):
            return Finding(ref, "link-ok")
        return Finding(ref, "bad-link", reason="only http, https and mailto links open")
    token = media_token(ref.target)
    if token is None:
        return Finding(ref, "outside-image", reason="not one of the package's media")
    media_id, why = lookup(token)
    if media_id is None:
        return Finding(ref, "missing-media", reason=why)
    return Finding(ref, "own-media", media_id=media_id)


def check_text(md: str, lookup: MediaLookup) -> list[Finding]:
    """Every image and link in ``md``, judged."""
    return [judge(ref, lookup) for ref in scan(md)]


#: Finding verdict -> (problem code, severity) for what a curator has to fix.
PROBLEM_CODES: dict[Verdict, tuple[str, Literal["error", "warning"]]] = {
    "outside-image": ("text-outside-image", "error"),
    "missing-media": ("text-missing-media", "error"),
    "bad-link": ("text-link-scheme", "warning"),
}


def describe(finding: Finding) -> str:
    """One line a curator understands, without the location."""
    ref = finding.ref
    if finding.verdict == "outside-image":
        return (
            f"image {ref.target!r} is outside the package and is not shown; "
            "use ![alt](media:NAME) with one of the package's media"
        )
    if finding.verdict == "missing-media":
        return f"image {ref.target!r}: {finding.reason}"
    if finding.verdict == "bad-link":
        return f"link {ref.target!r} will not open: {finding.reason}"
    return ref.target
