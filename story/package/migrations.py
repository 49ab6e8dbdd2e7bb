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


#: version reached -> (what changes, the step); versions without an entry only add tables.
#: Format 2 also adds ``map_tiles`` (picture-map tiles, ``story.maps.picture``).
STEPS: dict[int, tuple[str, Step]] = {
    2: ("chapter order is unique (unique index on chapters.position)", _v2_unique_chapter_order),
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
