"""Where a slide's medium is: a file beside the JSON (imported), or somewhere we never go.

``assets/bench.jpeg`` beside ``published.json`` is imported through the
media pipeline (``media.importer``: sniffed, cleaned of identifying
metadata, renditions made), once however many slides show it. A path that
leaves the JSON's folder (``../``, a symlink out, an absolute path) is
refused; ``http(s)://`` and ``//host`` addresses are never fetched; a
site-absolute ``/static/x.jpg`` or a missing file is listed as not found.
Each medium left out is said with a reason, for the placeholder list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from media.imported import MediaError
from media.importer import import_file
from story.editing.media import set_media_text, store_media
from story.ids import MediaId
from story.interop.model import MediaSource
from story.package.file import Package


@dataclass(frozen=True)
class Stored:
    media_id: MediaId
    kind: str  # "image" | "audio" | "video"


@dataclass(frozen=True)
class LeftOut:
    reason: str  # "remote", "missing", "refused: ..."


def classify(url: str) -> str:
    """``"local"`` (a relative path), ``"remote"`` (a web address) or ``"elsewhere"``."""
    u = url.strip()
    if u.startswith("//"):
        return "remote"
    try:
        parts = urlsplit(u)
    except ValueError:
        return "elsewhere"
    if parts.scheme.lower() in ("http", "https"):
        return "remote"
    if parts.scheme or u.startswith(("/", "\\")) or not parts.path:
        return "elsewhere"  # file:, data:, javascript:, a site-absolute path: nothing we read
    return "local"


class MediaFiles:
    """Imports the media beside one JSON file into one package, each file once."""

    def __init__(self, pkg: Package, folder: Path) -> None:
        self.pkg = pkg
        self.folder = folder.resolve()
        self.done: dict[Path, Stored | LeftOut] = {}
        self.texts: dict[MediaId, dict[str, str]] = {}
        self.imported = 0
        self.kinds: dict[MediaId, str] = {}

    def path_of(self, url: str) -> Path | LeftOut:
        kind = classify(url)
        if kind == "remote":
            return LeftOut("remote")
        if kind == "elsewhere":
            return LeftOut("missing")
        rel = unquote(urlsplit(url.strip()).path)
        candidate = (self.folder / rel).resolve()
        if not candidate.is_relative_to(self.folder):
            return LeftOut("refused: the path leaves the story's folder")
        if not candidate.is_file():
            return LeftOut("missing")
        return candidate

    def add(self, m: MediaSource, fallback_alt: str) -> Stored | LeftOut:
        where = self.path_of(m.url)
        if isinstance(where, LeftOut):
            return where
        found = self.done.get(where)
        if found is None:
            try:
                item = import_file(where)
            except MediaError as exc:
                found = LeftOut(f"refused: {exc}")
            else:
                mid = store_media(self.pkg, item)
                self.imported += 1
                found = Stored(mid, item.kind)
                self.kinds[mid] = item.kind
            self.done[where] = found
        if isinstance(found, Stored):
            texts = self.texts.setdefault(found.media_id, {})
            wanted = {
                "caption": m.caption,
                "credit": m.credit,
                "alt": (m.alt or m.caption or fallback_alt) if found.kind == "image" else "",
            }
            for k, v in wanted.items():
                if v and not texts.get(k):
                    texts[k] = v[:10_000]
        return found

    def finish(self) -> None:
        """Write each medium's caption, credit and alt (the first non-empty one given)."""
        for mid, texts in self.texts.items():
            if texts:
                set_media_text(self.pkg, mid, **texts)
