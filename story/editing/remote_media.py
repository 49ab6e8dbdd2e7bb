"""Media a story names but the package does not hold: the placeholders of an import.

A StoryMapJS or TimelineJS story points at pictures and videos on other
hosts; Storyport never fetches them (a package shows only itself). Importing
lists each one in the chapter's text and records it here, so ``validate`` can
report it (``media-remote-placeholder``) and ``export-json`` can name the
original address again. They live in the ``meta`` table as JSON lists under
``remote-media:N`` (chunks under the 100,000-character cap of a meta value),
so every Storyport build and ``story.package.guard`` open the file unchanged.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlalchemy import delete, select

from story.editing import writable
from story.package.file import Package
from story.package.schema import Meta

KEY_PREFIX = "remote-media:"
#: A meta value holds at most 100,000 characters; each chunk stays well under.
_CHUNK_CHARS = 90_000


@dataclass(frozen=True)
class RemoteMedia:
    """One medium left out: which chapter (its id; 0 = the title slide), where it was."""

    chapter_id: int
    url: str
    reason: str  # "remote" (never fetched), "missing" (not beside the JSON), "refused" (why)
    caption: str = ""
    credit: str = ""
    role: str = "media"  # "media", "background", "text-image", "text-audio", "text-video"


def set_remote_media(pkg: Package, items: list[RemoteMedia]) -> None:
    """Replace the package's list of media left out by ``items``, in one transaction."""
    writable(pkg)
    chunks: list[list[dict[str, object]]] = [[]]
    size = 0
    for item in items:
        raw = asdict(item)
        for k in ("url", "caption", "credit"):
            raw[k] = str(raw[k])[:2_000]  # a label, not a document
        n = len(json.dumps(raw, ensure_ascii=False)) + 2
        if size + n > _CHUNK_CHARS and chunks[-1]:
            chunks.append([])
            size = 0
        chunks[-1].append(raw)
        size += n
    with pkg.session(write=True) as s:
        s.execute(delete(Meta).where(Meta.key.startswith(KEY_PREFIX, autoescape=True)))
        for i, chunk in enumerate(c for c in chunks if c):
            s.add(Meta(key=f"{KEY_PREFIX}{i}", value=json.dumps(chunk, ensure_ascii=False)))


def remote_media(pkg: Package) -> list[RemoteMedia]:
    """The media left out, in the order they were listed; damaged entries are skipped."""
    out: list[RemoteMedia] = []
    with pkg.session() as s:
        rows = s.execute(
            select(Meta.key, Meta.value).where(Meta.key.startswith(KEY_PREFIX, autoescape=True))
        ).all()
    for _, value in sorted(rows, key=lambda r: _chunk_number(r[0])):
        try:
            entries = json.loads(value)
        except ValueError:
            continue
        for e in entries if isinstance(entries, list) else []:
            if not isinstance(e, dict):
                continue
            try:
                out.append(
                    RemoteMedia(
                        chapter_id=int(e["chapter_id"]),
                        url=str(e["url"]),
                        reason=str(e.get("reason", "remote")),
                        caption=str(e.get("caption", "")),
                        credit=str(e.get("credit", "")),
                        role=str(e.get("role", "media")),
                    )
                )
            except (KeyError, TypeError, ValueError):
                continue
    return out


def _chunk_number(key: str) -> int:
    tail = key.removeprefix(KEY_PREFIX)
    return int(tail) if tail.isdigit() else 1_000_000


def still_listed(item: RemoteMedia, text: str) -> bool:
    """Whether ``text`` still names ``item`` (a curator removes the line once it is dealt
    with)."""
    url = item.url.strip()
    absolute = "https:" + url if url.startswith("//") else url
    escaped = absolute.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return any(form and form in text for form in {url.replace("`", "")[:300], absolute, escaped})
