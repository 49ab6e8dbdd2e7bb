"""Checks that a package's schema and rows have the shape Storyport writes, before any use.

A package from a stranger is untrusted input. SQLite parses the schema it
finds in the file, so a hostile file could carry triggers, views, virtual
tables, generated columns, CHECK constraints or defaults that call functions,
expression indexes, rows of the wrong type or absurd sizes. Nothing here
writes; every check is a read on a connection opened with the defensive
settings of ``story.package.file``, and the first problem found is raised as one
line (``GuardError``) that ``open_package`` turns into a ``PackageError``.

The limits are module constants so a test can lower them instead of writing
a gigabyte.
"""

from __future__ import annotations

import re
import sqlite3

from story.package.shape import INDEXES, SCHEMA_VERSION, TABLES

#: Largest blob (media master, rendition, map data) a package may hold: SQLite's own default cap.
MAX_BLOB_BYTES = 1_000_000_000
#: Longest long text (a chapter's Markdown, an about page, a summary, a caption, alt text, a
#: transcript): far beyond a real chapter, short enough for the reader to lay out quickly.
MAX_TEXT_CHARS = 1_000_000
#: Longest label (a title, subtitle, byline, date, name, credit, licence, file name).
MAX_LABEL_CHARS = 10_000
#: Longest JSON text (the theme, an extent, removed metadata, a ``meta`` value).
MAX_JSON_CHARS = 100_000
#: Largest coordinate (degrees on a geo map, pixels on a picture map), width or height.
MAX_COORDINATE = 1_000_000_000
#: Longest recording, in seconds (a year).
MAX_DURATION_S = 366 * 24 * 3600
#: Most rows a table may hold; far beyond any real story, low enough to keep listings sane.
MAX_ROWS = {
    "chapters": 10_000,
    "places": 10_000,
    "maps": 1_000,
    "media": 200_000,
    "chapter_media": 500_000,
    "renditions": 1_000_000,
    "meta": 1_000,
    "story": 1,
    "map_tiles": 2_000_000,
    "translations": 2_000_000,
}
#: Most languages a package may hold translations in (each tag is checked in Python).
MAX_LANGUAGES = 200
#: What a translation may name: kind -> the original's fields it may translate (format 4).
TRANSLATABLE = {
    "story": ("title", "subtitle", "byline", "about_md"),
    "chapter": ("title", "summary", "body_md"),
    "media": ("caption", "alt", "credit", "transcript"),
    "place": ("name",),
}
#: A translation's language: a BCP 47 tag of a 2-3 letter language and optional subtags
#: ("kk", "ru", "zh-Hans", "pt-BR", "sr-Latn-RS"); checked at open and by the writers.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}")
#: Translated fields that are labels (at most MAX_LABEL_CHARS); the others are long texts.
TRANSLATED_LABELS = ("title", "subtitle", "byline", "credit", "name")
#: Tables SQLite itself may add to a file we wrote (AUTOINCREMENT, ANALYZE).
SQLITE_INTERNAL = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}

_HEX64 = "length({c}) = 64 AND {c} NOT GLOB '*[^0-9a-f]*'"
_LITERAL_DEFAULT = re.compile(r"^(NULL|-?\d+(\.\d+)?|'[^']*')$", re.IGNORECASE)
_CHECK = re.compile(r"\bCHECK\s*\(", re.IGNORECASE)
_ONE_PAIR = (
    '(("lat" IS NOT NULL AND "lon" IS NOT NULL AND "x" IS NULL AND "y" IS NULL) OR '
    '("lat" IS NULL AND "lon" IS NULL AND "x" IS NOT NULL AND "y" IS NOT NULL))'
)


class GuardError(Exception):
    """What is wrong with a package, in words for the person opening it."""


def expected_tables(version: int) -> set[str]:
    """Tables a package of format ``version`` holds (``story.package.shape``, as ``schema.py``)."""
    return {name for name, t in TABLES.items() if t.since <= version}


def expected_indexes() -> set[str]:
    return set(INDEXES)


def check_structure(conn: sqlite3.Connection, version: int) -> None:
    """The schema holds only what Storyport creates: no triggers, views, virtual tables or code."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    known = set(TABLES)
    indexes = expected_indexes()
    for kind, name, _tbl, sql in rows:
        sql = sql or ""
        if kind in ("trigger", "view"):
            raise GuardError(f"holds a {kind} ({name!r}) Storyport never creates; refusing it")
        if kind not in ("table", "index"):
            raise GuardError(f"holds a schema object of unknown kind {kind!r}")
        if kind == "table":
            if sql.lstrip().upper().startswith("CREATE VIRTUAL"):
                raise GuardError(f"holds a virtual table ({name!r}) Storyport never creates")
            if name not in known and name not in SQLITE_INTERNAL:
                raise GuardError(f"holds a table Storyport never creates ({name!r})")
            if _CHECK.search(sql):
                raise GuardError(f"table {name!r} has a CHECK constraint Storyport never writes")
        elif not name.startswith("sqlite_autoindex_") and name not in indexes:
            raise GuardError(f"holds an index Storyport never creates ({name!r})")
    present = {name for kind, name, _t, _s in rows if kind == "table"}
    missing = expected_tables(version) - present
    if missing:
        raise GuardError(f"is missing tables: {', '.join(sorted(missing))}")
    for table in sorted(present & known):
        _check_columns(conn, table, version)


def _check_columns(conn: sqlite3.Connection, table: str, version: int) -> None:
    columns = conn.execute(f'PRAGMA table_xinfo("{table}")').fetchall()
    names = {c[1] for c in columns}
    all_columns = TABLES[table].columns
    wanted = {c.name for c in all_columns if c.since <= version}
    if not wanted <= names:
        raise GuardError(f"table {table!r} lacks columns: {', '.join(sorted(wanted - names))}")
    if names - {c.name for c in all_columns}:
        raise GuardError(
            f"table {table!r} has columns Storyport never creates: "
            f"{', '.join(sorted(names - {c.name for c in all_columns}))}"
        )
    model = {c.name: c for c in all_columns}
    for _cid, name, _type, notnull, default, _pk, hidden in columns:
        if hidden:
            raise GuardError(f"column {table}.{name} is computed (generated); refusing it")
        if default is not None and not _LITERAL_DEFAULT.match(str(default).strip()):
            raise GuardError(f"column {table}.{name} has a default expression; refusing it")
        # NULL rules as the model's; an older file is checked again once migrated
        if version >= SCHEMA_VERSION and bool(notnull) == model[name].nullable:
            allowed = "may not be" if model[name].nullable else "must be"
            raise GuardError(f"column {table}.{name} {allowed} NOT NULL in format {version}")
    for ix in conn.execute(f'PRAGMA index_list("{table}")').fetchall():
        ix_name, partial = ix[1], ix[4]
        expr = any(c[1] == -2 for c in conn.execute(f'PRAGMA index_xinfo("{ix_name}")'))
        if partial or expr:
            raise GuardError(f"index {ix_name!r} holds an expression Storyport never writes")


#: (table, condition that marks a bad row, what is wrong), checked after the structure.
def _row_checks() -> list[tuple[str, str, str]]:
    text = "typeof({c}) = 'text'"
    opt_int = "typeof({c}) IN ('integer', 'null')"
    opt_num = "typeof({c}) IN ('integer', 'real', 'null')"
    blob = f"typeof({{c}}) = 'blob' AND length({{c}}) <= {MAX_BLOB_BYTES}"
    spec: dict[str, dict[str, str]] = {
        "meta": {"key": text, "value": text},
        "story": {
            "id": "{c} = 1",
            "title": text,
            "language": text,
            "about_md": text,
            "theme_json": text,
            "cover_media_id": "{c} IS NULL OR (" + _HEX64 + ")",
        },
        "maps": {
            "id": "typeof({c}) = 'integer'",
            "kind": "{c} IN ('geo', 'image')",
            "name": text,
            "data": blob,
            "extent_json": text,
        },
        "places": {
            "name": text,
            "lat": opt_num,
            "lon": opt_num,
            # format 3: exactly one pair, lat/lon (geographic) or x/y (picture pixels)
            "x": opt_num + " AND " + _ONE_PAIR,
            "y": opt_num,
            "map_id": opt_int,
        },
        "chapters": {
            "position": "typeof({c}) = 'integer'",
            "title": text,
            "summary": text,
            "body_md": f"typeof({{c}}) = 'text' AND length({{c}}) <= {MAX_TEXT_CHARS}",
            "place_id": opt_int,
            "date": "{c} IS NULL OR (typeof({c}) = 'text' AND length({c}) <= 64)",
        },
        "media": {
            "id": _HEX64,
            "kind": "{c} IN ('image', 'audio')",
            "mime": text,
            "bytes": "typeof({c}) = 'integer'",
            "width": opt_int,
            "height": opt_int,
            "duration_s": "typeof({c}) IN ('integer', 'real', 'null')",
            "caption": text,
            "credit": text,
            "alt": text,
            "transcript": text,
            "data": blob,
        },
        "chapter_media": {
            "chapter_id": "typeof({c}) = 'integer'",
            "media_id": _HEX64,
            "position": "typeof({c}) = 'integer'",
        },
        "renditions": {"media_id": _HEX64, "name": text, "data": blob},
        "map_tiles": {
            "map_id": "typeof({c}) = 'integer'",
            "level": "typeof({c}) = 'integer'",
            "data": blob,
        },
        "translations": _translation_checks(),
    }
    out = []
    for table, cols in spec.items():
        for col, cond in cols.items():
            # a NULL makes a condition NULL, not false: a NULL where none belongs is bad too
            bad = "NOT coalesce((" + cond.format(c=f'"{col}"') + "), 0)"
            out.append((table, bad, f"{table}.{col}"))
    for table, cols in _limits().items():
        for col, cond in cols.items():
            bad = "NOT coalesce((" + cond.format(c=f'"{col}"') + "), 0)"
            out.append((table, bad, f"{table}.{col}"))
    return out


def _translation_checks() -> dict[str, str]:
    """Format 4: a known kind and field, an item id of the kind's shape, a text within the
    original field's cap and a 64-hex source hash (language tags: ``text_checks``)."""
    pairs = " OR ".join(
        f"(\"kind\" = '{kind}' AND {{c}} IN ({', '.join(repr(f) for f in fields)}))"
        for kind, fields in TRANSLATABLE.items()
    )
    labels = ", ".join(repr(f) for f in TRANSLATED_LABELS)
    item = (
        "typeof({c}) = 'text' AND CASE \"kind\" WHEN 'media' THEN " + _HEX64 + " WHEN 'story' "
        "THEN {c} = '1' ELSE length({c}) BETWEEN 1 AND 19 AND {c} NOT GLOB '*[^0-9]*' END"
    )
    return {
        "language": (
            "typeof({c}) = 'text' AND length({c}) BETWEEN 2 AND 35 "
            "AND {c} NOT GLOB '*[^A-Za-z0-9-]*'"
        ),
        "kind": "{c} IN (" + ", ".join(repr(k) for k in TRANSLATABLE) + ")",
        "item_id": item,
        "field": "typeof({c}) = 'text' AND (" + pairs + ")",
        "text": (
            "typeof({c}) = 'text' AND length({c}) <= CASE WHEN \"field\" IN ("
            + labels
            + f") THEN {MAX_LABEL_CHARS} ELSE {MAX_TEXT_CHARS} END"
        ),
        "source_hash": _HEX64,
    }


def _limits() -> dict[str, dict[str, str]]:
    """Sizes and ranges, on top of the storage classes: what a reader may trust after open."""

    def text(limit: int) -> str:
        return f"typeof({{c}}) = 'text' AND length({{c}}) <= {limit}"

    label, long, js = text(MAX_LABEL_CHARS), text(MAX_TEXT_CHARS), text(MAX_JSON_CHARS)
    number = f"{{c}} IS NULL OR abs({{c}}) <= {MAX_COORDINATE}"
    size = f"{{c}} IS NULL OR {{c}} BETWEEN 0 AND {MAX_COORDINATE}"
    # a BCP 47 tag: letters, digits and hyphens, at most 35 characters ('' when unset)
    language = "length({c}) <= 35 AND {c} NOT GLOB '*[^A-Za-z0-9-]*'"
    version = (
        "\"key\" != 'schema_version' OR (length({c}) BETWEEN 1 AND 4 AND {c} NOT GLOB '*[^0-9]*')"
    )
    return {
        "meta": {"key": text(64), "value": js + " AND (" + version + ")"},
        "story": {
            "title": label,
            "subtitle": label,
            "byline": label,
            "published": label,
            "language": language,
            "about_md": long,
            "theme_json": js,
        },
        "maps": {"name": label, "attribution": label, "extent_json": js},
        "places": {"name": label, "lat": number, "lon": number, "x": number, "y": number},
        "chapters": {"title": label, "summary": long, "body_md": long},
        "media": {
            "mime": text(64),
            "bytes": size,
            "width": size,
            "height": size,
            "duration_s": f"{{c}} IS NULL OR {{c}} BETWEEN 0 AND {MAX_DURATION_S}",
            "caption": long,
            "credit": label,
            "alt": long,
            "licence": label,
            "transcript": long,
            "original_name": label,
            "removed_metadata_json": js,
        },
        "renditions": {"name": text(32), "mime": text(64)},
    }


def check_rows(conn: sqlite3.Connection) -> None:
    """Row counts within limits and every value of the type and size Storyport writes.

    One scan per table: every column's condition in one query, so opening a
    package with thousands of media stays fast.
    """
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table, limit in MAX_ROWS.items():
        if table not in present:
            continue
        count = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if count > limit:
            raise GuardError(f"holds {count} rows in {table} (at most {limit} allowed)")
    by_table: dict[str, list[tuple[str, str]]] = {}
    for table, bad, what in _row_checks():
        by_table.setdefault(table, []).append((bad, what))
    for table, checks in by_table.items():
        if table not in present:
            continue
        columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        # a column added by a later format is not there before migrating
        checks = [(bad, what) for bad, what in checks if what.split(".", 1)[1] in columns]
        if not checks:
            continue
        flags = ", ".join(f"({bad})" for bad, _ in checks)
        where = " OR ".join(f"({bad})" for bad, _ in checks)
        row = conn.execute(f'SELECT rowid, {flags} FROM "{table}" WHERE {where} LIMIT 1').fetchone()
        if row is not None:
            what = next(w for (_, w), flag in zip(checks, row[1:], strict=True) if flag)
            raise GuardError(
                f"holds a value Storyport never writes in {what} "
                f"(row {row[0]}: wrong type, kind or size)"
            )


#: Tables whose references a reader follows: a dangling one would be a cover, place or map
#: that is not there. (Renditions and map tiles of a missing parent are never reached; a
#: chapter's link to a missing medium is read past, and ``validate`` names it: media-missing.)
_LINKED_TABLES = ("story", "chapters", "places")


def check_links(conn: sqlite3.Connection) -> None:
    """Every reference a reader follows names a row that is there (``foreign_key_check``)."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in _LINKED_TABLES:
        if table not in present:
            continue
        row = conn.execute(f'PRAGMA foreign_key_check("{table}")').fetchone()
        if row is not None:
            raise GuardError(
                f"holds a link to something that is not there ({table} row {row[1]} "
                f"names a missing row of {row[2]})"
            )
