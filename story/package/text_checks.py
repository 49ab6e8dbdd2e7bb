"""The open-time checks of a package's texts: valid UTF-8, and JSON of the shapes Storyport writes.

Split from ``story.package.guard`` (structure, types, sizes and links) to keep
each module small; ``open_package`` runs both before any ORM code reads a row.
SQLite stores invalid UTF-8 and any JSON happily, and the ORM would fail on
them with a traceback far from the open, so they are refused here in one line.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable

from story.package.guard import LANGUAGE_TAG, MAX_LANGUAGES, GuardError
from story.package.shape import TABLES


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _theme(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _names(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _extent(value: object) -> bool:
    return isinstance(value, list) and all(_finite(v) for v in value)


def _audio_edit(value: object) -> bool:
    return isinstance(value, dict) and all(_finite(v) and float(v) >= 0 for v in value.values())


#: JSON columns and the shape each must have ('' is allowed where the reader reads it as empty).
_JSON: dict[tuple[str, str], Callable[[object], bool]] = {
    ("story", "theme_json"): _theme,
    ("media", "removed_metadata_json"): _names,
    ("maps", "extent_json"): _extent,
    ("meta", "value"): _audio_edit,  # only the rows whose key starts with 'audio-edit:'
}


def _json_ok(raw: str, shape: Callable[[object], bool]) -> bool:
    try:
        value = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError):  # malformed, NaN/Infinity, or nested past the stack
        return False
    return shape(value)


def check_texts(conn: sqlite3.Connection) -> None:
    """Every text is valid UTF-8 and every JSON text parses to the shape Storyport writes.

    SQLite stores any bytes as TEXT; Python (and Qt) refuse to decode invalid
    UTF-8, so it is refused here, once, instead of failing wherever it is read.
    Runs after ``check_rows`` (types and sizes are known good), one scan per table.
    """
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    wanted: dict[str, list[str]] = {}
    for table, model in TABLES.items():
        if table in present:
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            wanted[table] = [
                c.name
                for c in model.columns
                if c.name in columns and c.text and (table, c.name) not in _ASCII_CHECKED
            ]
    old_factory = conn.text_factory
    conn.text_factory = bytes
    try:
        for table, texts in wanted.items():
            if texts:
                _check_utf8(conn, table, texts)
        for (table, col), shape in _JSON.items():
            if col in wanted.get(table, ()):
                _check_json(conn, table, col, shape)
    finally:
        conn.text_factory = old_factory
    if "translations" in present:
        _check_languages(conn)


def _check_languages(conn: sqlite3.Connection) -> None:
    """Format 4: each translation's language is a tag (``LANGUAGE_TAG``), and not too many."""
    tags = [r[0] for r in conn.execute("SELECT DISTINCT language FROM translations LIMIT ?",
                                       (MAX_LANGUAGES + 1,))]  # fmt: skip
    if len(tags) > MAX_LANGUAGES:
        raise GuardError(f"holds translations in more than {MAX_LANGUAGES} languages")
    for tag in tags:
        if not LANGUAGE_TAG.fullmatch(tag):
            raise GuardError(f"holds a translation whose language is not a tag ({tag[:40]!r})")


#: Text columns ``check_rows`` already holds to ASCII (hex ids, known kinds): not decoded again.
_ASCII_CHECKED = {
    ("media", "id"),
    ("media", "kind"),
    ("maps", "kind"),
    ("story", "cover_media_id"),
    ("chapter_media", "media_id"),
    ("renditions", "media_id"),
}


def _check_utf8(conn: sqlite3.Connection, table: str, texts: list[str]) -> None:
    # Decoding is cheaper than any SQL test (GLOB costs ~30 ns a character). One decode per
    # row: the values joined by SQLite with an ASCII byte, which cannot complete a broken
    # sequence; only a row that fails is looked at column by column.
    joined = " || char(10) || ".join(f"coalesce(\"{c}\", '')" for c in texts)
    for rowid, raw in conn.execute(f'SELECT rowid, {joined} FROM "{table}"'):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            names = ", ".join(f'"{c}"' for c in texts)
            row = conn.execute(f'SELECT {names} FROM "{table}" WHERE rowid = ?', (rowid,))
            values = row.fetchone()
            col = next(c for c, v in zip(texts, values, strict=True) if not _utf8(v))
            raise GuardError(
                f"holds text that is not valid UTF-8 in {table}.{col} (row {rowid})"
            ) from None


def _utf8(raw: bytes | None) -> bool:
    try:
        if raw is not None:
            raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _check_json(
    conn: sqlite3.Connection, table: str, col: str, shape: Callable[[object], bool]
) -> None:
    # the defaults need no parsing; in meta only the audio edits are JSON
    only = " AND \"key\" GLOB 'audio-edit:*'" if table == "meta" else ""
    query = (
        f"SELECT rowid, \"{col}\" FROM \"{table}\" WHERE \"{col}\" NOT IN ('', '[]', '{{}}'){only}"
    )
    for rowid, raw in conn.execute(query):
        if not _json_ok(raw.decode("utf-8"), shape):
            raise GuardError(f"holds JSON Storyport never writes in {table}.{col} (row {rowid})")
