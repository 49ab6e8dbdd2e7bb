"""Media stored once across the library, by SHA-256, in 1 MiB chunks streamed both ways.

A medium is sent only when the library does not hold it yet (the first push
inserts the ``media`` row; a concurrent push of the same bytes waits for that
row and then sends nothing). Chunks go in by binary ``COPY`` and come out
by binary ``COPY`` too, a version's media in one stream, so no medium ever sits whole in memory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, text

CHUNK = 1 << 20

# When the server goes away mid-COPY psycopg logs "error ignored terminating <Copy>" as well
# as raising; the raise becomes the one line a person sees, so the log line is not printed
# (a program that configures logging still gets it).
logging.getLogger("psycopg").addHandler(logging.NullHandler())


def store_media(
    conn: Connection,
    blobs: Iterable[tuple[str, int]],
    read: Callable[[str], Iterable[bytes]],
) -> dict[str, int]:
    """Store the blobs (SHA-256, size) the library lacks; returns the bytes sent per new hash.

    One ``INSERT … ON CONFLICT DO NOTHING`` claims all the new hashes at once (in hash
    order, so two pushes sharing blobs wait for each other instead of deadlocking; a
    concurrent push of the same bytes waits for that row and then sends nothing), then one
    binary ``COPY`` streams all their chunks: two round trips for a whole story, whatever
    its number of blobs. ``read(sha)`` is only called for new ones; pieces of any size are
    regrouped into ``CHUNK``-sized rows.
    """
    wanted = sorted(dict(blobs).items())
    if not wanted:
        return {}
    new = {
        row[0]
        for row in conn.execute(
            text(
                "INSERT INTO media (sha256, size, chunk_size) SELECT h, s, :c FROM "
                "unnest(CAST(:h AS text[]), CAST(:s AS bigint[])) AS u(h, s) "
                "ON CONFLICT (sha256) DO NOTHING RETURNING sha256"
            ),
            {"h": [h for h, _ in wanted], "s": [n for _, n in wanted], "c": CHUNK},
        )
    }
    sent: dict[str, int] = {}
    if not new:
        return sent
    raw: Any = conn.connection.driver_connection
    with raw.cursor() as cur:
        with cur.copy("COPY media_chunks (sha256, n, data) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["text", "int4", "bytea"])
            for sha256, size in wanted:
                if sha256 not in new:
                    continue
                sent[sha256] = 0
                for n, piece in enumerate(_regroup(read(sha256))):
                    copy.write_row((sha256, n, piece))
                    sent[sha256] += len(piece)
                if sent[sha256] != size:
                    raise ValueError(f"medium {sha256[:12]} was {sent[sha256]} bytes, not {size}")
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


def iter_many(conn: Connection, hashes: list[str]) -> Generator[tuple[int, bytes]]:
    """The chunks of many media, as (index in ``hashes``, piece), in order: one binary
    ``COPY`` out of one query, so a version of hundreds of small renditions and tiles costs
    one round trip, not three per blob. psycopg reads the stream a block at a time."""
    raw: Any = conn.connection.driver_connection
    with raw.cursor() as cur:
        with cur.copy(
            "COPY (SELECT h.ord, c.data FROM unnest(%s::text[]) WITH ORDINALITY AS h(sha, ord) "
            "JOIN media_chunks c ON c.sha256 = h.sha ORDER BY h.ord, c.n) "
            "TO STDOUT (FORMAT BINARY)",
            (hashes,),
        ) as copy:
            copy.set_types(["int8", "bytea"])
            try:
                for ordinal, piece in copy.rows():
                    yield int(ordinal) - 1, bytes(piece)
            except GeneratorExit:
                raw.cancel_safe(timeout=5)  # stopped early: the server stops sending
                raise
