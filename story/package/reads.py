"""Connections to a package file, and plain reads that need no SQLAlchemy.

Every connection gets the defensive settings (``connect``). The reader's read
API (``story.reading``) goes through :class:`ReadPool`: plain ``sqlite3``
connections, each read one snapshot transaction, so opening a package and
painting a chapter does not import SQLAlchemy (about 50 MB and a quarter of a
second on this machine). Writes and the ORM keep using the engine
(``story.package.engine``), made on first use.
"""

from __future__ import annotations

import contextvars
import enum
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from story.package import guard

BUSY_TIMEOUT_MS = 2000
#: How long an edit waits for another thread's edit of the same package (a big import).
WRITE_WAIT_S = 15.0
#: Set while a ``session(write=True)`` is active: its transaction begins IMMEDIATE.
WRITE_SESSION: contextvars.ContextVar[bool] = contextvars.ContextVar("write", default=False)


class Access(enum.Enum):
    """How a connection opens the file; a read-only open picks one in ``read_access``."""

    #: Edits: read and write.
    WRITE = "rw"
    #: Reading while another process may write: SQLite's read-only mode. In WAL mode
    #: it creates ``-wal``/``-shm`` beside the file and cannot remove them.
    READ = "ro"
    #: Reading a clean file in a writable folder: a read-write handle that refuses every
    #: write (``PRAGMA query_only``), so SQLite removes its ``-wal``/``-shm`` at close and
    #: the folder is left as it was found.
    READ_TIDY = "rw-query-only"
    #: Reading a clean file on a read-only medium: nothing can write there, so SQLite may
    #: treat it as immutable (no locks, no side files, which it could not create anyway).
    READ_IMMUTABLE = "ro-immutable"


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def read_access(path: Path) -> Access:
    """The read-only access that leaves ``path``'s folder as it was found, where it can."""
    if any(side.exists() for side in _side_files(path)):
        return Access.READ  # someone is writing, or left a journal: SQLite's own rules
    if not os.access(path.parent, os.W_OK):
        return Access.READ_IMMUTABLE
    if os.access(path, os.W_OK):
        return Access.READ_TIDY
    return Access.READ


def connect(path: Path, *, readonly: bool, access: Access | None = None) -> sqlite3.Connection:
    """A DB-API connection with the defensive settings; autocommit, transactions are explicit."""
    access = access or (Access.READ if readonly else Access.WRITE)
    mode = {Access.WRITE: "rw", Access.READ_TIDY: "rw"}.get(access, "ro")
    extra = "&immutable=1" if access is Access.READ_IMMUTABLE else ""
    conn = sqlite3.connect(
        f"file:{quote(str(path))}?mode={mode}{extra}",
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    if access is Access.READ_TIDY:
        conn.execute("PRAGMA query_only=ON")
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, guard.MAX_BLOB_BYTES + 1024)
    for pragma in (
        "PRAGMA trusted_schema=OFF",
        "PRAGMA foreign_keys=ON",
        "PRAGMA cell_size_check=ON",
        "PRAGMA mmap_size=0",
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    ):
        conn.execute(pragma)
    return conn


class ReadPool:
    """Plain connections for reads: one per reader at a time (threads too), kept for reuse."""

    def __init__(self, path: Path, *, readonly: bool, access: Access | None) -> None:
        self.path, self.readonly, self.access = path, readonly, access
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one read transaction (a consistent view), given back after."""
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = connect(self.path, readonly=self.readonly, access=self.access)
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")  # a read: nothing to keep
        except BaseException:
            conn.close()  # in an unknown state: not given back
            raise
        with self._lock:
            if not self._closed:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
