"""The SQLAlchemy engine over a package file: for the ORM sessions of writes and the editor.

Kept apart from ``story.package.file`` so that opening a package (and reading
it through ``story.reading``) never imports SQLAlchemy; ``Package.engine``
makes one of these on first use.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from story.package.reads import WRITE_SESSION, WRITE_WAIT_S, Access, connect


def sqlite_engine(path: Path, *, readonly: bool, access: Access | None = None) -> Engine:
    def make() -> sqlite3.Connection:
        conn = connect(path, readonly=readonly, access=access)
        if not readonly:
            conn.execute(f"PRAGMA busy_timeout={int(WRITE_WAIT_S * 1000)}")
        return conn

    engine = create_engine("sqlite://", creator=make, poolclass=QueuePool)

    @event.listens_for(engine, "begin")
    def _begin(conn: object) -> None:
        # pysqlite would not BEGIN before reads or DDL. A write session takes the write
        # lock up front (a read-then-write edit cannot be overtaken by another thread's
        # commit); a read session is a snapshot that never waits for writers (WAL).
        immediate = WRITE_SESSION.get() and not readonly
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")  # type: ignore[attr-defined]

    return engine
