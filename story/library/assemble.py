"""A pulled version written back as a package: a scratch file, every blob checked, a rename.

The content's pieces become the tables and rows again (``content.ContentWriter``);
each media, rendition and tile row is inserted as its bytes arrive from the
library's one ``COPY`` stream: a blob of one chunk bound whole (one write), a
larger one through a zeroblob and SQLite's incremental blob I/O, so a long
recording is never whole in memory. Every blob's SHA-256 and size are checked
before the commit. The scratch file has no rollback journal and no sync per
write: it is thrown away on any failure, opened with the package checks,
fsynced and only then renamed over the target. Its pages are 64 KiB (blobs
are most of a package: fewer overflow pages to chain and write than at
SQLite's 4 KiB).
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from story.library.connection import LibraryError
from story.library.content import ContentWriter, Pieces
from story.library.package_files import (
    APART,
    CHUNK,
    DERIVED,
    MediumRef,
    Origin,
    _where,
    write_origin,
)
from story.package.file import open_package

#: The page size of a pulled package's file.
PAGE_SIZE = 65536
#: Blobs up to this size are inserted whole: one write, where a zeroblob written first and
#: then overwritten is two (gathering up to 8 MiB measured no faster here).
WHOLE = CHUNK


class _Checks:
    """SHA-256 and size checks of the blobs, made as their bytes are written. (On a helper
    thread, and with the stream read ahead on another, a pull measured slower on this loaded
    2-core machine: 2.9x and 3.9x the COPY floor against 2.6x in the same run.)"""

    def whole(self, ref: MediumRef, data: bytes) -> None:
        if len(data) != ref.size or hashlib.sha256(data).hexdigest() != ref.sha256:
            _damaged(ref)

    def streamed(self, ref: MediumRef) -> tuple[Callable[[bytes], None], Callable[[int], None]]:
        """(add a piece, end with the bytes written) for one blob written piece by piece."""
        digest = hashlib.sha256()

        def end(written: int) -> None:
            if written != ref.size or digest.hexdigest() != ref.sha256:
                _damaged(ref)

        return digest.update, end


def _fill(conn: sqlite3.Connection, ref: MediumRef, chunks: Iterable[bytes],
          checks: _Checks) -> None:  # fmt: skip
    """Fill one blob of a content file made before schema 4 (its rows are there, emptied)."""
    table, where_sql, values = _where(ref.media_id)
    conn.execute(f"UPDATE {table} SET data = zeroblob(?) WHERE {where_sql}", (ref.size, *values))
    row = conn.execute(f"SELECT rowid FROM {table} WHERE {where_sql}", values).fetchone()
    if row is None:
        raise LibraryError(f"the version's content lacks {ref.media_id[:40]}")
    _fill_blob(conn, table, int(row[0]), ref, chunks, checks)


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


def _key_of(table: str, cols: list[str], values: list[object]) -> str:
    """The ``version_media`` key of a media, rendition or tile row (as ``_keys`` makes it)."""
    if table == "media":
        return str(values[cols.index("id")])
    for kind, (name, pk) in DERIVED.items():
        if name == table:
            return f"{kind}:{json.dumps([values[cols.index(c)] for c in pk])}"
    raise LibraryError(f"no blobs travel apart for table {table}")


def _put(writer: ContentWriter, row: tuple[str, int, list[object]], ref: MediumRef,
         pieces: Iterable[bytes], checks: _Checks) -> None:  # fmt: skip
    """Insert a media, rendition or tile row with its blob from the library, checked. A blob of
    up to ``WHOLE`` bytes is bound whole (one write); a larger one goes through a zeroblob and
    SQLite's incremental blob I/O, a chunk at a time."""
    table, rowid, values = row
    at = writer.columns[table].index("data")
    if ref.size <= WHOLE:
        parts, n = [], 0
        for piece in pieces:
            n += len(piece)
            if n > ref.size:
                _damaged(ref)
            parts.append(piece)
        got = b"".join(parts)
        if len(got) != ref.size:
            _damaged(ref)
        checks.whole(ref, got)
        writer.insert(table, rowid, [*values[:at], got, *values[at + 1 :]])
        return
    writer.insert(table, rowid, values)
    writer.db.execute(f'UPDATE "{table}" SET data = zeroblob(?) WHERE rowid = ?', (ref.size, rowid))
    _fill_blob(writer.db, table, rowid, ref, pieces, checks)


def _damaged(ref: MediumRef) -> None:
    raise LibraryError(
        f"the library returned different bytes for medium {ref.sha256[:12]} "
        "(damaged on the server): nothing was written"
    )


def _fill_blob(conn: sqlite3.Connection, table: str, rowid: int, ref: MediumRef,
               chunks: Iterable[bytes], checks: _Checks) -> None:  # fmt: skip
    add, end = checks.streamed(ref)
    written = 0
    with conn.blobopen(table, "data", rowid, readonly=False) as blob:
        for piece in chunks:
            written += len(piece)
            if written > ref.size:
                break
            blob.write(piece)
            add(piece)
    end(written)


def _build(conn: sqlite3.Connection, content: Pieces | bytes, media: list[MediumRef],
           chunks: Iterable[tuple[int, bytes]], checks: _Checks) -> None:  # fmt: skip
    """Write the content and every blob into the (scratch) database, in one transaction."""
    stream = iter(chunks)  # (index into media, piece), in order
    pending = next(stream, None)

    def pieces(i: int) -> Iterator[bytes]:
        nonlocal pending
        while pending is not None and pending[0] == i:
            yield pending[1]
            pending = next(stream, None)

    writer = None
    if not isinstance(content, bytes):
        writer = ContentWriter(conn, content.manifest, content.data)
        writer.schema["pragmas"]["page_size"] = PAGE_SIZE
        writer.pragmas()  # page_size first: it only takes on an empty file
    # A scratch file until the rename: no rollback journal, no sync per write (one fsync
    # after the package checks); any failure throws the whole file away.
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    if writer is None:  # a version pushed before schema 4: one SQLite file
        conn.execute("BEGIN")
        for i, ref in enumerate(media):
            _fill(conn, ref, pieces(i), checks)
        return
    conn.execute("BEGIN")
    writer.start()
    writer.plain_rows(APART)
    rows: dict[str, tuple[str, int, list[object]]] = {}
    for table in APART & writer.columns.keys():
        for rowid, values in writer.rows(table):
            rows[_key_of(table, writer.columns[table], values)] = (table, rowid, values)
    for i, ref in enumerate(media):
        row = rows.pop(ref.media_id, None)
        if row is None:
            raise LibraryError(f"the version's content lacks {ref.media_id[:40]}")
        _put(writer, row, ref, pieces(i), checks)
    for table, rowid, values in rows.values():  # none in a version the library made
        writer.insert(table, rowid, values)
    writer.finish()


def assemble(
    content: Pieces | bytes,
    media: list[MediumRef],
    chunks: Iterable[tuple[int, bytes]],
    out: Path,
    origin: Origin | None = None,
) -> Path:
    """Write a complete package to ``out`` through a temporary file and an atomic rename.

    ``content`` is the version's pieces (or, for a version pushed before schema 4, its
    SQLite file without blobs); ``chunks`` holds every blob's bytes in the order of
    ``media``, as (index, piece): one stream for the whole version (one query on the
    server, not one per blob)."""
    out = Path(out)
    _remove_dead_parts(out)
    fd, name = tempfile.mkstemp(
        prefix=f".{out.name}.{os.getpid()}.", suffix=".part", dir=out.parent
    )
    part = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(content, bytes):
                f.write(content)
        conn = sqlite3.connect(part, isolation_level=None)
        try:
            _build(conn, content, media, chunks, _Checks())  # every blob checked before the commit
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
