"""A package file taken apart for the library, and put back together from it.

A push sends a package as two things: its non-media content (the SQLite
file with every medium's bytes emptied, then vacuumed: text, maps, tiles,
media descriptions) and its media, each by SHA-256. A pull writes that
content to a temporary file beside the target, fills each medium back in
chunk by chunk (SQLite incremental blob I/O), checks that the result opens
as a package, and only then renames it into place: a failed pull leaves no
half-written package.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from story.library.connection import LibraryError
from story.library.content import Pieces, take_apart
from story.package.blobs import CHUNK
from story.package.file import Package, open_package, read_header


@dataclass(frozen=True)
class MediumRef:
    """One medium of a package: its id in the package, its content hash and size."""

    media_id: str
    sha256: str
    size: int


#: The ``meta`` key where a package remembers the library version it was pulled or pushed as.
ORIGIN_KEY = "library-origin"


@dataclass(frozen=True)
class Origin:
    """Which library (its UUID), story and version a package's content is: a push names it
    as the version it was based on, so a push behind someone else's is refused."""

    library: str
    story: str
    version: int

    def to_json(self) -> str:
        return json.dumps({"library": self.library, "story": self.story, "version": self.version})


def read_origin(conn: sqlite3.Connection) -> Origin | None:
    """The origin a package records, or None (never pulled or pushed, or unreadable)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (ORIGIN_KEY,)).fetchone()
    try:
        d = json.loads(row[0]) if row else None
        return Origin(str(d["library"]), str(d["story"]), int(d["version"])) if d else None
    except (ValueError, TypeError, KeyError):
        return None


def write_origin(conn: sqlite3.Connection, origin: Origin) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (ORIGIN_KEY, origin.to_json())
    )


def record_origin(pkg: Package, origin: Origin) -> None:
    """Remember in an open, writable package which library version it now is (after a push)."""
    with pkg.raw() as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            write_origin(conn, origin)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


@dataclass(frozen=True)
class Snapshot:
    """What a push sends besides the media bytes: the content as pieces (``content``)."""

    format_version: int
    title: str
    content: Pieces
    media: tuple[MediumRef, ...]
    origin: Origin | None = None

    @property
    def content_sha256(self) -> str:
        return self.content.sha256


#: Blobs that travel apart from the content like media, stored once by SHA-256: renditions
#: (display sizes, thumbnails, waveform peaks: large, and unchanged by most edits) and map
#: tiles. In ``version_media`` their key is ``KIND:`` and their primary key as JSON; a medium's
#: key is its id, as in libraries made before.
DERIVED = {"rendition": ("renditions", ("media_id", "name")),
           "tile": ("map_tiles", ("map_id", "level", "col", "row"))}  # fmt: skip


def is_medium(key: str) -> bool:
    return ":" not in key


def _where(key: str) -> tuple[str, str, tuple[object, ...]]:
    """(table, WHERE clause, values) of the row a key names."""
    if is_medium(key):
        return "media", "id = ?", (key,)
    kind, _, pk = key.partition(":")
    table, cols = DERIVED[kind]
    values = tuple(json.loads(pk))
    if len(values) != len(cols):
        raise LibraryError(f"not a key of the library: {key[:60]!r}")
    return table, " AND ".join(f'"{c}" = ?' for c in cols), values


def _read(conn: sqlite3.Connection, key: str, chunk: int = CHUNK) -> Iterator[bytes]:
    table, where_sql, values = _where(key)
    row = conn.execute(f"SELECT rowid FROM {table} WHERE {where_sql}", values).fetchone()
    with conn.blobopen(table, "data", int(row[0]), readonly=True) as blob:
        while piece := blob.read(chunk):
            yield piece


def _keys(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    keys = [(str(i), int(n or 0)) for i, n in conn.execute("SELECT id, length(data) FROM media")]
    for kind, (table, cols) in DERIVED.items():
        quoted = ", ".join(f'"{c}"' for c in cols)
        for *pk, size in conn.execute(f"SELECT {quoted}, length(data) FROM {table}"):
            keys.append((f"{kind}:{json.dumps(pk)}", int(size or 0)))
    return sorted(keys)


def _hash_blobs(pkg: Package) -> tuple[MediumRef, ...]:
    refs = []
    with pkg.raw() as conn:
        for key, size in _keys(conn):
            digest = hashlib.sha256()
            for piece in _read(conn, key):
                digest.update(piece)
            refs.append(MediumRef(key, digest.hexdigest(), size))
    return tuple(refs)


def iter_blob(pkg: Package, key: str) -> Iterator[bytes]:
    """A medium's, rendition's or tile's bytes, in chunks, from an open package."""
    with pkg.raw() as conn:
        yield from _read(conn, key)


#: The tables whose ``data`` travels apart (emptied in the content copy).
APART = frozenset({"media", *(table for table, _ in DERIVED.values())})


def snapshot(path: Path) -> Snapshot:
    """Open a package (with every check ``open_package`` makes) and take it apart."""
    with open_package(path, readonly=True) as pkg:
        media = _hash_blobs(pkg)
        with pkg.raw() as conn:
            row = conn.execute("SELECT title FROM story LIMIT 1").fetchone()
            origin = read_origin(conn)
            content = take_apart(conn, APART)
    version = read_header(path).user_version
    return Snapshot(version, str(row[0]) if row else "", content, media, origin)


__all__ = [
    "CHUNK",
    "DERIVED",
    "is_medium",
    "iter_blob",
    "ORIGIN_KEY",
    "MediumRef",
    "Origin",
    "Snapshot",
    "read_origin",
    "record_origin",
    "snapshot",
]
