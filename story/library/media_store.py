"""Media stored once across the library, by SHA-256, in 1 MiB chunks streamed both ways.

A medium is sent only when the library does not hold it yet (the first push
inserts the ``media`` row; a concurrent push of the same bytes waits for that
row and then sends nothing). Chunks go in by binary ``COPY`` and come out
through a server-side cursor, so no medium ever sits whole in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, text

CHUNK = 1 << 20

# When the server goes away mid-COPY psycopg logs "error ignored terminating <Copy>" as well
# as raising; the raise becomes the one line a person sees, so the log line is not printed
# (a program that configures logging still gets it).
logging.getLogger("psycopg").addHandler(logging.NullHandler())


def store_medium(conn: Connection, sha256: str, size: int, chunks: Iterable[bytes]) -> int:
    """Store one medium unless the library has it; returns the bytes sent (0 when known).

    ``chunks`` is only iterated when the medium is new; pieces of any size are
    regrouped into ``CHUNK``-sized rows.
    """
    inserted = conn.execute(
        text(
            "INSERT INTO media (sha256, size, chunk_size) VALUES (:h, :s, :c) "
            "ON CONFLICT (sha256) DO NOTHING RETURNING sha256"
        ),
        {"h": sha256, "s": size, "c": CHUNK},
    ).first()
    if inserted is None:
        return 0
    sent = 0
    raw: Any = conn.connection.driver_connection
    with raw.cursor() as cur:
        with cur.copy("COPY media_chunks (sha256, n, data) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["text", "int4", "bytea"])
            for n, piece in enumerate(_regroup(chunks)):
                copy.write_row((sha256, n, piece))
                sent += len(piece)
    if sent != size:
        raise ValueError(f"medium {sha256[:12]} was {sent} bytes, expected {size}")
    return sent


def _regroup(pieces: Iterable[bytes]) -> Iterator[bytes]:
    buf = bytearray()
    for piece in pieces:
        buf += piece
        while len(buf) >= CHUNK:
            yield bytes(buf[:CHUNK])
            del buf[:CHUNK]
    if buf:
        yield bytes(buf)


def known_media(conn: Connection, hashes: Iterable[str]) -> set[str]:
    """Which of these hashes the library already holds."""
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    rows = conn.execute(text("SELECT sha256 FROM media WHERE sha256 = ANY(:h)"), {"h": wanted})
    return {r[0] for r in rows}


def iter_medium(conn: Connection, sha256: str) -> Iterator[bytes]:
    """A medium's bytes, chunk by chunk, from a server-side cursor (a few chunks in flight)."""
    result = conn.execution_options(stream_results=True, yield_per=4).execute(
        text("SELECT data FROM media_chunks WHERE sha256 = :h ORDER BY n"), {"h": sha256}
    )
    for row in result:
        yield bytes(row[0])
