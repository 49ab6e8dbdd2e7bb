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

import glob
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from story.library.connection import LibraryError
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
    """What a push sends besides the media bytes."""

    format_version: int
    title: str
    content: bytes
    media: tuple[MediumRef, ...]
    origin: Origin | None = None

    @property
    def content_sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


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
_APART = frozenset({"media", *(table for table, _ in DERIVED.values())})


def _copy_without_blobs(src: sqlite3.Connection, out: Path) -> None:
    """Write the package's schema and rows to a new file, with media, renditions and tiles
    emptied: row by row in one read transaction (a consistent copy even while the editor
    writes), so the megabytes that travel apart are never copied, emptied and vacuumed."""
    dst = sqlite3.connect(out, isolation_level=None)
    try:
        for pragma in ("application_id", "user_version"):
            value = int(src.execute(f"PRAGMA {pragma}").fetchone()[0])
            dst.execute(f"PRAGMA {pragma}={value}")
        dst.execute("BEGIN")
        src.execute("BEGIN")
        try:
            objects = src.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' ORDER BY type <> 'table', rowid"
            ).fetchall()
            for kind, name, sql in objects:
                dst.execute(sql)
                if kind != "table":
                    continue
                cols = [r[1] for r in src.execute(f'PRAGMA table_info("{name}")')]
                picked = ", ".join(
                    "zeroblob(0)" if name in _APART and c == "data" else f'"{c}"' for c in cols
                )
                rows = src.execute(f'SELECT {picked} FROM "{name}"')
                marks = ", ".join("?" * len(cols))
                dst.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
            if src.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
                dst.executemany(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)",
                    src.execute("SELECT name, seq FROM sqlite_sequence"),
                )
        finally:
            src.execute("COMMIT")
        dst.execute("COMMIT")
    finally:
        dst.close()


def snapshot(path: Path) -> Snapshot:
    """Open a package (with every check ``open_package`` makes) and take it apart."""
    with open_package(path, readonly=True) as pkg:
        media = _hash_blobs(pkg)
        with pkg.raw() as conn:
            row = conn.execute("SELECT title FROM story LIMIT 1").fetchone()
            origin = read_origin(conn)
            with tempfile.TemporaryDirectory(prefix="storyport-push-") as tmp:
                skeleton = Path(tmp) / "content.storypkg"
                _copy_without_blobs(conn, skeleton)
                content = skeleton.read_bytes()
    version = read_header(path).user_version
    return Snapshot(version, str(row[0]) if row else "", content, media, origin)


def _fill(conn: sqlite3.Connection, ref: MediumRef, chunks: Iterable[bytes]) -> None:
    table, where_sql, values = _where(ref.media_id)
    conn.execute(f"UPDATE {table} SET data = zeroblob(?) WHERE {where_sql}", (ref.size, *values))
    row = conn.execute(f"SELECT rowid FROM {table} WHERE {where_sql}", values).fetchone()
    if row is None:
        raise LibraryError(f"the version's content lacks {ref.media_id[:40]}")
    digest = hashlib.sha256()
    written = 0
    with conn.blobopen(table, "data", int(row[0]), readonly=False) as blob:
        for piece in chunks:
            written += len(piece)
            if written > ref.size:
                break
            blob.write(piece)
            digest.update(piece)
    if written != ref.size or digest.hexdigest() != ref.sha256:
        raise LibraryError(
            f"the library returned different bytes for medium {ref.sha256[:12]} "
            "(damaged on the server): nothing was written"
        )


def _remove_dead_parts(out: Path) -> None:
    """Remove the temporary files of earlier pulls to ``out`` whose process is gone (killed
    before it could clean up); a pull still running in another process keeps its own."""
    for part in out.parent.glob(f".{glob.escape(out.name)}.*.part*"):  # and -journal
        pid = part.name[len(out.name) + 2 :].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            part.unlink(missing_ok=True)
        except PermissionError:
            pass  # another user's process, alive


def assemble(
    content: bytes,
    media: list[MediumRef],
    chunks: Iterable[tuple[int, bytes]],
    out: Path,
    origin: Origin | None = None,
) -> Path:
    """Write a complete package to ``out`` through a temporary file and an atomic rename.

    ``chunks`` holds every blob's bytes in the order of ``media``, as (index, piece): one
    stream for the whole version (one query on the server, not one per blob)."""
    out = Path(out)
    _remove_dead_parts(out)
    fd, name = tempfile.mkstemp(
        prefix=f".{out.name}.{os.getpid()}.", suffix=".part", dir=out.parent
    )
    part = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        conn = sqlite3.connect(part, isolation_level=None)
        try:
            conn.execute("BEGIN")
            stream = iter(chunks)  # (index into media, piece), in order
            pending = next(stream, None)

            def pieces(i: int) -> Iterator[bytes]:
                nonlocal pending
                while pending is not None and pending[0] == i:
                    yield pending[1]
                    pending = next(stream, None)

            for i, ref in enumerate(media):
                _fill(conn, ref, pieces(i))
            if origin is not None:
                write_origin(conn, origin)
            conn.execute("COMMIT")
        finally:
            conn.close()
        with open_package(part, readonly=True):
            pass  # the package checks, before it takes the place of anything
        with open(part, "rb") as done:
            os.fsync(done.fileno())
        os.replace(part, out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return out


__all__ = [
    "CHUNK",
    "DERIVED",
    "is_medium",
    "iter_blob",
    "ORIGIN_KEY",
    "MediumRef",
    "Origin",
    "Snapshot",
    "assemble",
    "read_origin",
    "record_origin",
    "snapshot",
]
