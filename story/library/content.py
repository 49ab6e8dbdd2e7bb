"""A version's content as small pieces stored by hash, so a push sends only what changed.

The content of a package (everything but the bytes of its media, renditions
and map tiles) is taken apart into one piece per table row plus one
``schema`` piece (the tables, indexes and triggers as SQLite wrote them, the
``application_id``/``user_version``/``page_size`` pragmas and
``sqlite_sequence``). Each piece is stored once across the library by its
SHA-256, and a version is a list of (key, SHA-256): ``row:TABLE:ROWID`` or
``schema``. Editing one chapter's text changes one piece, so a push sends that
row and the keys that changed, not the whole content (758 kB for the bundled
story). The package's ``library-origin`` row is not content: a pull writes it.

A pull writes the pieces back into a new SQLite file with the same schema,
rowids and values (the blobs that travel apart are filled in by the caller:
``package_files``), so the pulled package's content equals the pushed one's.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from story.library.connection import LibraryError

SCHEMA_KEY = "schema"
#: The ``meta`` key of the library origin (package_files.ORIGIN_KEY): not part of the content.
_ORIGIN = "library-origin"
_PRAGMAS = ("page_size", "application_id", "user_version")


def _encode(value: object) -> object:
    if isinstance(value, bytes):
        return {"$b": base64.b64encode(value).decode("ascii")}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        return base64.b64decode(value["$b"])
    return value


def _dump(obj: object) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def row_key(table: str, rowid: int) -> str:
    return f"row:{table}:{rowid}"


def manifest_sha256(manifest: dict[str, str]) -> str:
    """The hash of a version's content: of its sorted (key, piece hash) list."""
    lines = "".join(f"{k} {manifest[k]}\n" for k in sorted(manifest))
    return sha256(lines.encode())


@dataclass(frozen=True)
class Pieces:
    """A package's content as pieces: ``manifest`` key -> SHA-256, ``data`` SHA-256 -> bytes."""

    manifest: dict[str, str]
    data: dict[str, bytes]

    @property
    def sha256(self) -> str:
        return manifest_sha256(self.manifest)

    @property
    def size(self) -> int:
        return sum(len(d) for d in self.data.values())


def _tables(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY type <> 'table', rowid"
    ).fetchall()


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def take_apart(conn: sqlite3.Connection, apart: frozenset[str]) -> Pieces:
    """The content of an open package as pieces, in one read transaction; the ``data`` column
    of the tables in ``apart`` is left empty (those bytes travel apart)."""
    manifest: dict[str, str] = {}
    data: dict[str, bytes] = {}

    def add(key: str, piece: bytes) -> None:
        digest = sha256(piece)
        manifest[key] = digest
        data[digest] = piece

    conn.execute("BEGIN")
    try:
        objects = _tables(conn)
        schema: dict[str, Any] = {
            "pragmas": {p: int(conn.execute(f"PRAGMA {p}").fetchone()[0]) for p in _PRAGMAS},
            "objects": [list(o) for o in objects],
            "sequence": [],
        }
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
            schema["sequence"] = [
                list(r) for r in conn.execute("SELECT name, seq FROM sqlite_sequence")
            ]
        add(SCHEMA_KEY, _dump(schema))
        for kind, table, _sql in objects:
            if kind != "table":
                continue
            cols = _columns(conn, table)
            picked = ", ".join("x''" if table in apart and c == "data" else f'"{c}"' for c in cols)
            for rowid, *values in conn.execute(f'SELECT rowid, {picked} FROM "{table}"'):
                if table == "meta" and values and values[0] == _ORIGIN:
                    continue
                add(row_key(table, int(rowid)), _dump([_encode(v) for v in values]))
    except sqlite3.OperationalError as exc:
        raise LibraryError(f"cannot take this package apart for the library: {exc}") from None
    finally:
        conn.execute("COMMIT")
    return Pieces(manifest, data)


class ContentWriter:
    """Writes pieces back into an empty SQLite file opened by the caller, in its transaction:
    ``start()`` makes the tables, ``plain_rows()`` inserts every row outside ``apart``,
    ``insert()`` one row of those (the caller gives its blob, or a zeroblob size),
    ``finish()`` makes the indexes and triggers and restores ``sqlite_sequence``."""

    def __init__(self, db: sqlite3.Connection, manifest: dict[str, str], data: dict[str, bytes]):
        self.db = db
        self.manifest = manifest
        self.data = data
        self.schema = json.loads(self._piece(SCHEMA_KEY))
        self.columns: dict[str, list[str]] = {}

    def _piece(self, key: str) -> bytes:
        try:
            return self.data[self.manifest[key]]
        except KeyError:
            raise LibraryError(f"the version's content lacks its piece {key[:60]!r}") from None

    def pragmas(self) -> None:
        """Before anything is written (page_size only takes effect on an empty file)."""
        self.db.execute(f"PRAGMA page_size={int(self.schema['pragmas']['page_size'])}")

    def start(self) -> None:
        """In the caller's transaction: the header's ids and the tables."""
        for name, value in self.schema["pragmas"].items():
            if name in _PRAGMAS and name != "page_size":
                self.db.execute(f"PRAGMA {name}={int(value)}")
        for kind, table, sql in self.schema["objects"]:
            if kind == "table":
                self.db.execute(sql)
                self.columns[table] = _columns(self.db, table)

    def rows(self, table: str) -> Iterator[tuple[int, list[object]]]:
        """(rowid, values) of a table's rows, in rowid order."""
        prefix = f"row:{table}:"
        found = sorted(int(k[len(prefix) :]) for k in self.manifest if k.startswith(prefix))
        for rowid in found:
            values = json.loads(self._piece(row_key(table, rowid)))
            yield rowid, [_decode(v) for v in values]

    def insert(self, table: str, rowid: int, values: Iterable[object]) -> None:
        values = list(values)
        marks = ", ".join("?" * (len(values) + 1))
        cols = ", ".join(f'"{c}"' for c in ["rowid", *self.columns[table]])
        self.db.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', (rowid, *values))

    def plain_rows(self, apart: frozenset[str]) -> None:
        for table in self.columns:
            if table not in apart:
                for rowid, values in self.rows(table):
                    self.insert(table, rowid, values)

    def finish(self) -> None:
        for kind, _name, sql in self.schema["objects"]:
            if kind != "table":
                self.db.execute(sql)
        if self.schema["sequence"]:
            self.db.execute("DELETE FROM sqlite_sequence")
            self.db.executemany(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", self.schema["sequence"]
            )


def check_pieces(rows: Iterable[tuple[str, bytes]]) -> dict[str, bytes]:
    """SHA-256 -> bytes of pieces read from the library, each checked against its hash."""
    out = {}
    for digest, piece in rows:
        if sha256(piece) != digest:
            raise LibraryError(
                f"the library returned different bytes for a content piece {digest[:12]} "
                "(damaged on the server): nothing was written"
            )
        out[digest] = piece
    return out


def write_content(path: Path, pieces: Pieces) -> None:
    """A content-only SQLite file (the blobs that travel apart left empty), for ``diff``."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        writer = ContentWriter(db, pieces.manifest, pieces.data)
        writer.pragmas()
        db.execute("BEGIN")
        writer.start()
        writer.plain_rows(frozenset())
        writer.finish()
        db.execute("COMMIT")
    finally:
        db.close()
