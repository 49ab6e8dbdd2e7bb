"""Schema versions: an ordered list of steps that bring any older package to the current format.

Why an ordered list and not Alembic: a package is a document people mail
around, not a server database; each file carries its version in
``PRAGMA user_version`` and the steps from that version on run at open, in
one transaction, after a backup copy has been written next to it.

Adding a version (e.g. a new table for illustrated maps):
1. declare the table on ``story.package.schema.Base`` with
   ``__table_args__ = {"info": {"since": N}}``;
2. set ``SCHEMA_VERSION = N`` in ``story.package.version``;
3. only if existing rows change, add a function to ``STEPS`` under ``N``.
Tables whose ``since`` is ``N`` are created by the step to ``N``
automatically, so step 3 is often not needed. Add a test that opens
``tests/fixtures/v1-small.storypkg`` and sees the new table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable

from story.package.schema import SCHEMA_VERSION, Base, table_since

Step = Callable[[sqlite3.Connection], None]


def _v2_unique_chapter_order(conn: sqlite3.Connection) -> None:
    """Format 2: chapter positions are unique; repair any gaps or ties first (0..n-1 in order)."""
    ids = [r[0] for r in conn.execute("SELECT id FROM chapters ORDER BY position, id")]
    for i, cid in enumerate(ids):
        conn.execute("UPDATE chapters SET position = ? WHERE id = ?", (-1 - i, cid))
    for i, cid in enumerate(ids):
        conn.execute("UPDATE chapters SET position = ? WHERE id = ?", (i, cid))
    conn.execute("DROP INDEX IF EXISTS ix_chapters_position")
    conn.execute("CREATE UNIQUE INDEX ix_chapters_position ON chapters (position)")


def _v3_places_on_maps(conn: sqlite3.Connection) -> None:
    """Format 3: a place is lat/lon on a geographic map or x/y on a picture map; chapters
    may carry a date.

    Format 2 kept picture-map pixels in ``lat`` (y) and ``lon`` (x), both NOT NULL.
    SQLite cannot drop NOT NULL in place, so ``places`` is rebuilt from the current
    model (same ids): places on an ``image`` map get ``x = lon``, ``y = lat`` and NULL
    lat/lon; a place without a map is put on the first geographic map when there is
    one. Dropping the old table would, with foreign keys on, set every
    ``chapters.place_id`` to NULL, so the links are kept in memory and put back.
    The new table is made under another name and renamed: renaming the old one
    instead would make SQLite rewrite chapters' foreign key to follow it.
    """
    dialect = sqlite_dialect.dialect()
    links = conn.execute("SELECT id, place_id FROM chapters WHERE place_id IS NOT NULL").fetchall()
    first_geo = conn.execute(
        "SELECT id FROM maps WHERE kind = 'geo' ORDER BY position, id LIMIT 1"
    ).fetchone()
    create = str(CreateTable(Base.metadata.tables["places"]).compile(dialect=dialect))
    conn.execute(create.replace("CREATE TABLE places (", "CREATE TABLE places_v3 (", 1))
    conn.execute(
        """INSERT INTO places_v3 (id, name, lat, lon, x, y, map_id)
           SELECT p.id, p.name,
                  CASE WHEN m.kind = 'image' THEN NULL ELSE p.lat END,
                  CASE WHEN m.kind = 'image' THEN NULL ELSE p.lon END,
                  CASE WHEN m.kind = 'image' THEN p.lon END,
                  CASE WHEN m.kind = 'image' THEN p.lat END,
                  COALESCE(p.map_id, ?)
           FROM places AS p LEFT JOIN maps AS m ON m.id = p.map_id""",
        (first_geo[0] if first_geo else None,),
    )
    # with foreign keys on, the drop looks up each place's chapters: an index for that
    # moment keeps 10,000 places in milliseconds instead of seconds (a scan per place)
    conn.execute("CREATE INDEX ix_v3_chapters_place ON chapters (place_id)")
    conn.execute("DROP TABLE places")
    conn.execute("DROP INDEX ix_v3_chapters_place")
    conn.execute("ALTER TABLE places_v3 RENAME TO places")
    conn.executemany("UPDATE chapters SET place_id = ? WHERE id = ?", [(p, c) for c, p in links])
    conn.execute("ALTER TABLE chapters ADD COLUMN date TEXT")


def _v4_translations(conn: sqlite3.Connection) -> None:
    """Format 4: the story's texts in other languages, in the new table ``translations``.

    The table is created from the schema before this step runs; no existing row
    changes (the existing columns stay the original language's texts).
    """


#: version reached -> (what changes, the step); versions without an entry only add tables.
#: Format 2 also adds ``map_tiles`` (picture-map tiles, ``story.maps.picture``).
STEPS: dict[int, tuple[str, Step]] = {
    2: ("chapter order is unique (unique index on chapters.position)", _v2_unique_chapter_order),
    3: (
        "places on picture maps are x/y pixels (no longer lat/lon); chapters may have a date",
        _v3_places_on_maps,
    ),
    4: ("the story's texts may have translations (new table translations)", _v4_translations),
}


def backup_path(path: Path, version: int) -> Path:
    """``NAME.storypkg.bak-vN``, or ``…bak-vN.2`` etc. when that name is taken (never overwrite)."""
    candidate = path.with_name(f"{path.name}.bak-v{version}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-v{version}.{n}")
        n += 1
    return candidate


def write_backup(conn: sqlite3.Connection, dest: Path) -> None:
    """A consistent copy through SQLite's backup API (safe while WAL frames are pending)."""
    out = sqlite3.connect(dest)
    try:
        conn.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        out.close()


def _create_tables_since(conn: sqlite3.Connection, version: int) -> None:
    dialect = sqlite_dialect.dialect()
    for table in Base.metadata.sorted_tables:
        if table_since(table) != version:
            continue
        conn.execute(str(CreateTable(table).compile(dialect=dialect)))
        for index in table.indexes:
            conn.execute(str(CreateIndex(index).compile(dialect=dialect)))


def migrate(conn: sqlite3.Connection, from_version: int) -> list[str]:
    """Run every step after ``from_version`` in one transaction; returns what was done.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the
    explicit BEGIN covers the DDL too: if any step fails nothing is changed.
    """
    done: list[str] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version + 1, SCHEMA_VERSION + 1):
            _create_tables_since(conn, version)
            if version in STEPS:
                what, step = STEPS[version]
                step(conn)
                done.append(f"format {version}: {what}")
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return done
