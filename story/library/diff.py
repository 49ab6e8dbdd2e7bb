"""What changed between two versions of a story: chapters added, removed, moved or edited
(which fields, and the text's lines added and removed), media added or removed.

Chapters are matched by their id in the package, which an edit, a move or a
push never changes (a chapter deleted and typed again is a new chapter), unless
the ids do not hold: a package built again from its sources numbers its
chapters afresh, so chapters are then matched by their text and title
(``match_chapters``). Moves
are the chapters outside the longest run kept in the same order, so moving one
chapter reports that one, not every chapter it shifted. Both versions' content
is read from the library (tens of kilobytes, no media bytes) into temporary
files opened with the package's defensive settings.
"""

from __future__ import annotations

import bisect
import difflib
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from story.library import piece_store
from story.library.connection import LibraryError, connected, where
from story.library.content import Pieces, check_pieces, write_content
from story.library.migrations import require_library
from story.library.versions import story_id_of
from story.package.file import connect

#: The chapter fields compared, and the word a person sees for each.
_FIELDS = {"title": "title", "summary": "summary", "body_md": "text", "date": "date"}
_STORY_FIELDS = ("title", "subtitle", "byline", "published", "language", "about_md")


@dataclass(frozen=True)
class ChapterChange:
    kind: str  # "added" | "removed" | "moved" | "changed"
    number: int  # in the newer version; for "removed", in the older one
    title: str
    fields: tuple[str, ...] = ()  # for "changed" (and a moved chapter that also changed)
    lines_added: int = 0
    lines_removed: int = 0
    moved_from: int | None = None

    def line(self) -> str:
        sign = {"added": "+", "removed": "-"}.get(self.kind, "~")
        out = f"{sign} chapter {self.number} {self.title!r}"
        if self.kind in ("added", "removed"):
            return f"{out} {self.kind}"
        what = []
        if self.moved_from is not None:
            what.append(f"moved from {self.moved_from}")
        for f in self.fields:
            lines = f" (+{self.lines_added} -{self.lines_removed} lines)" if f == "text" else ""
            what.append(f + lines)
        return f"{out}: {', '.join(what)}"


@dataclass(frozen=True)
class MediumChange:
    kind: str  # "added" | "removed"
    media_id: str
    media_kind: str
    caption: str
    size: int

    def line(self) -> str:
        sign = "+" if self.kind == "added" else "-"
        caption = f" {self.caption!r}" if self.caption else ""
        return f"{sign} {self.media_kind} {self.media_id[:12]}{caption} ({self.size:,} bytes)"


@dataclass(frozen=True)
class VersionDiff:
    story: str
    old: int
    new: int
    story_fields: tuple[str, ...] = ()
    chapters: tuple[ChapterChange, ...] = ()
    media: tuple[MediumChange, ...] = field(default_factory=tuple)

    @property
    def same(self) -> bool:
        return not (self.story_fields or self.chapters or self.media)

    def lines(self) -> list[str]:
        head = f"{self.story}: version {self.old} -> {self.new}"
        if self.same:
            return [head, "no changes"]
        out = [head]
        if self.story_fields:
            out.append("~ story: " + ", ".join(self.story_fields))
        out += [c.line() for c in self.chapters]
        out += [m.line() for m in self.media]
        return out


def diff(engine: Engine, story: str, old: int, new: int) -> VersionDiff:
    """Compare version ``old`` of ``story`` with version ``new`` (either order)."""
    with connected(engine, f"compare versions of {story}") as conn:
        require_library(conn, where(engine.url))
        sid = story_id_of(conn, story)
        with _content(conn, sid, story, old) as a, _content(conn, sid, story, new) as b:
            return VersionDiff(
                story,
                old,
                new,
                _story_changes(a, b),
                tuple(_chapter_changes(a, b)),
                tuple(_media_changes(a, b)),
            )


@contextmanager
def _content(conn: Connection, sid: int, story: str, number: int) -> Iterator[sqlite3.Connection]:
    row = conn.execute(
        text("SELECT id, content FROM versions WHERE story_id = :s AND number = :n"),
        {"s": sid, "n": number},
    ).first()
    if row is None:
        raise LibraryError(f"story {story!r} has no version {number}")
    with tempfile.TemporaryDirectory(prefix="storyport-diff-") as tmp:
        path = Path(tmp) / f"v{number}.storypkg"
        if row.content is not None:  # a version pushed before schema 4
            path.write_bytes(bytes(row.content))
        else:
            manifest, pieces = piece_store.fetch(conn, int(row.id))
            write_content(path, Pieces(manifest, check_pieces(pieces)))
        db = connect(path, readonly=True)
        db.row_factory = sqlite3.Row
        try:
            yield db
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"version {number} of {story!r} cannot be read: {exc}") from None
        finally:
            db.close()


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info({table})")}


def _story_changes(a: sqlite3.Connection, b: sqlite3.Connection) -> tuple[str, ...]:
    ra, rb = (db.execute("SELECT * FROM story LIMIT 1").fetchone() for db in (a, b))
    if ra is None or rb is None:
        return ()
    names = {"about_md": "about"}
    keys = [k for k in _STORY_FIELDS if k in ra.keys() and k in rb.keys()]
    out = [names.get(k, k) for k in keys if ra[k] != rb[k]]
    if "cover_media_id" in ra.keys() and ra["cover_media_id"] != rb["cover_media_id"]:
        out.append("cover")
    return tuple(out)


def _chapters(db: sqlite3.Connection) -> dict[int, dict[str, Any]]:
    cols = _columns(db, "chapters")
    wanted = [c for c in ("id", "position", *_FIELDS) if c in cols]
    place_cols = [c for c in ("name", "lat", "lon", "x", "y") if c in _columns(db, "places")]
    rows = db.execute(
        f"SELECT {', '.join('c.' + c for c in wanted)}, "
        f"{', '.join('p.' + c + ' AS place_' + c for c in place_cols)} "
        "FROM chapters c LEFT JOIN places p ON p.id = c.place_id ORDER BY c.position"
    )
    out: dict[int, dict[str, Any]] = {}
    for r in rows:
        d = dict(r)
        d["place"] = tuple(d.pop(f"place_{c}") for c in place_cols)
        d["media"] = []
        out[int(d["id"])] = d
    for cid, mid in db.execute(
        "SELECT chapter_id, media_id FROM chapter_media ORDER BY 1, position"
    ):
        if int(cid) in out:
            out[int(cid)]["media"].append(mid)
    return out


def _kept_in_order(sequence: list[int]) -> set[int]:
    """The values of the longest increasing subsequence (patience sorting, n log n)."""
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(sequence)
    for i, v in enumerate(sequence):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = v, i
        parent[i] = tail_at[k - 1] if k else -1
    kept: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(sequence[i])
        i = parent[i]
    return kept


def _words(ch: dict[str, Any]) -> str:
    return f"{ch.get('title') or ''}\n{ch.get('summary') or ''}\n{ch.get('body_md') or ''}"


def _title(ch: dict[str, Any]) -> str:
    return str(ch.get("title") or "")


def _similar(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Most of the words kept: the same chapter, edited (difflib's ratio, cheap bounds first)."""
    m = difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False)
    return m.real_quick_ratio() >= SIMILAR and m.quick_ratio() >= SIMILAR and m.ratio() >= SIMILAR


#: How much of two chapters' words must agree for a chapter to count as the same one edited.
SIMILAR = 0.6


def match_chapters(
    old: dict[int, dict[str, Any]], new: dict[int, dict[str, Any]]
) -> dict[int, int]:
    """new chapter id -> old chapter id of the same chapter.

    Within one lineage (pulled, edited, pushed) a chapter keeps its id, and ids are
    trusted: that is when at least half the chapters with an id on both sides are still
    alike. A package built again from its sources (or made elsewhere) numbers its chapters
    afresh, so one inserted chapter shifts every id after it; then chapters are matched by
    what they hold: the same text and title first, then the same title, then the most alike
    (at least ``SIMILAR``) in order, and what is left is added or removed."""
    common = [cid for cid in new if cid in old]
    alike = sum(1 for cid in common if _similar(old[cid], new[cid]))
    if common and alike * 2 >= len(common):
        return {cid: cid for cid in common}
    pairs: dict[int, int] = {}
    left = dict(old)
    keys: tuple[Callable[[dict[str, Any]], str], ...] = (_words, _title)
    for key in keys:
        for nid, ch in new.items():
            if nid in pairs:
                continue
            same = [oid for oid, o in left.items() if key(o) == key(ch)]
            if same:
                oid = nid if nid in same else same[0]
                pairs[nid] = oid
                del left[oid]
    for nid, ch in new.items():
        if nid in pairs:
            continue
        alike_one = next((oid for oid, o in left.items() if _similar(o, ch)), None)
        if alike_one is not None:
            pairs[nid] = alike_one
            del left[alike_one]
    return pairs


def _chapter_changes(a: sqlite3.Connection, b: sqlite3.Connection) -> Iterator[ChapterChange]:
    old, new = _chapters(a), _chapters(b)
    old_number = {cid: n for n, cid in enumerate(old, start=1)}
    pairs = match_chapters(old, new)
    kept = _kept_in_order([old_number[pairs[cid]] for cid in new if cid in pairs])
    for n, (cid, ch) in enumerate(new.items(), start=1):
        if cid not in pairs:
            yield ChapterChange("added", n, ch["title"])
            continue
        before = old[pairs[cid]]
        fields = [word for key, word in _FIELDS.items() if before.get(key) != ch.get(key)]
        if before["place"] != ch["place"]:
            fields.append("place")
        if before["media"] != ch["media"]:
            fields.append("media")
        moved = None if old_number[pairs[cid]] in kept else old_number[pairs[cid]]
        if not fields and moved is None:
            continue
        plus = minus = 0
        if "text" in fields:
            for line in difflib.unified_diff(
                (before["body_md"] or "").splitlines(), (ch["body_md"] or "").splitlines(), n=0
            ):
                if not line.startswith(("+++", "---")):
                    plus += line.startswith("+")
                    minus += line.startswith("-")
        kind = "changed" if fields else "moved"
        yield ChapterChange(kind, n, ch["title"], tuple(fields), plus, minus, moved)
    matched = set(pairs.values())
    for cid, ch in old.items():
        if cid not in matched:
            yield ChapterChange("removed", old_number[cid], ch["title"])


def _media(db: sqlite3.Connection) -> dict[str, tuple[str, str, int]]:
    return {
        str(r[0]): (str(r[1]), str(r[2] or ""), int(r[3] or 0))
        for r in db.execute('SELECT id, kind, caption, "bytes" FROM media')
    }


def _media_changes(a: sqlite3.Connection, b: sqlite3.Connection) -> Iterator[MediumChange]:
    old, new = _media(a), _media(b)
    for mid in sorted(new.keys() - old.keys()):
        yield MediumChange("added", mid, *new[mid])
    for mid in sorted(old.keys() - new.keys()):
        yield MediumChange("removed", mid, *old[mid])
