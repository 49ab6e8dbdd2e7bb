"""Large media in and out of a package in chunks, so a one-hour WAV is never in memory twice.

Why: binding a ``bytes`` value makes SQLite copy it, and reading a column
returns the whole blob; for a 700 MB recording that doubles or triples the
peak memory. Writes here insert ``zeroblob(n)`` and fill it through SQLite's
incremental blob I/O (``Connection.blobopen``); reads hand out chunks.
These need the SQLite driver (``Package.raw()``); every package is SQLite.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from story.errors import NotFoundError
from story.package.file import Package

CHUNK = 1 << 20


def fill_blob(conn: sqlite3.Connection, table: str, column: str, rowid: int, data: bytes) -> None:
    """Write ``data`` into a zeroblob of the same length, a chunk at a time (no full copy)."""
    view = memoryview(data)
    with conn.blobopen(table, column, rowid, readonly=False) as blob:
        for start in range(0, len(view), CHUNK):
            blob.write(view[start : start + CHUNK])


def _media_rowid(conn: sqlite3.Connection, media_id: str) -> int:
    row = conn.execute("SELECT rowid FROM media WHERE id = ?", (media_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no medium {media_id}")
    return int(row[0])


@contextmanager
def media_stream(pkg: Package, media_id: str) -> Iterator[sqlite3.Blob]:
    """A read-only file-like view of one medium's master bytes (``read(n)``, ``seek``, ``len``)."""
    with pkg.raw() as conn:
        rowid = _media_rowid(conn, media_id)
        with conn.blobopen("media", "data", rowid, readonly=True) as blob:
            yield blob


def iter_media(pkg: Package, media_id: str, chunk: int = CHUNK) -> Iterator[bytes]:
    with media_stream(pkg, media_id) as blob:
        while piece := blob.read(chunk):
            yield piece


def write_media_to(pkg: Package, media_id: str, out: BinaryIO) -> int:
    """Copy one medium into an open file (e.g. the reader's cache); returns the bytes written."""
    total = 0
    for piece in iter_media(pkg, media_id):
        out.write(piece)
        total += len(piece)
    return total


def media_sha256(pkg: Package, media_id: str) -> str:
    """The SHA-256 of a stored medium, read in chunks (what its id should be)."""
    digest = hashlib.sha256()
    for piece in iter_media(pkg, media_id):
        digest.update(piece)
    return digest.hexdigest()
