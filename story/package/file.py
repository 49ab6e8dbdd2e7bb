"""Opening and creating ``.storypkg`` files: one SQLite file per story.

A package from a stranger is untrusted input, so the header is checked by hand
before SQLite parses anything, every connection runs with defensive settings
(``trusted_schema=OFF``, no ATTACH, a length cap, a busy timeout so nothing
hangs), and the schema and rows are checked by ``story.package.guard`` before any ORM
code sees them. Opening for writing takes the package's write lock
(``story.package.locking``) and migrates an older format after writing a backup;
opening read-only never writes to the file (an older format is migrated in a
private temporary copy instead). docs/FORMAT.md describes all of it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from story.errors import PackageError
from story.package import guard, locking, text_checks
from story.package.locking import PackageInUseError
from story.package.reads import (
    BUSY_TIMEOUT_MS,
    WRITE_SESSION,
    WRITE_WAIT_S,
    Access,
    ReadPool,
    connect,
    read_access,
)
from story.package.version import APPLICATION_ID, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

__all__ = [
    "BUSY_TIMEOUT_MS",
    "WRITE_WAIT_S",
    "Access",
    "Package",
    "PackageError",
    "PackageInUseError",
    "connect",
    "create_package",
    "open_package",
    "read_access",
]

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Files up to this size get ``PRAGMA quick_check`` at open (damage found before the reader
#: trips over it); larger files are checked by ``validate``.
OPEN_QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Header:
    application_id: int
    user_version: int


def read_header(path: Path) -> Header:
    """Read the SQLite header fields we trust before letting SQLite parse the file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise PackageError(path, "no such file") from None
    except OSError as exc:
        raise PackageError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise PackageError(path, "is a folder, not a story package")
    if not stat.S_ISREG(st.st_mode):
        raise PackageError(path, "is not a regular file (a device, pipe or socket)")
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise PackageError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise PackageError(path, "is empty (0 bytes), not a story package")
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        raise PackageError(path, "is not a story package (not an SQLite file)")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or st.st_size % page_size:
        raise PackageError(path, "is truncated or damaged (its size is not whole pages)")
    (pages,) = struct.unpack(">I", head[28:32])
    wal = path.with_name(path.name + "-wal")
    pending_wal = wal.is_file() and wal.stat().st_size > 0
    # A process killed mid-checkpoint can leave page 1 (with the new page count)
    # written before the pages that grow the file; SQLite completes it from the
    # WAL on open, so the size check only holds when no WAL is waiting.
    if head[24:28] == head[92:96] and pages * page_size > st.st_size and not pending_wal:
        raise PackageError(path, "is truncated (the file is shorter than its header says)")
    (user_version,) = struct.unpack(">i", head[60:64])
    (app_id,) = struct.unpack(">I", head[68:72])
    return Header(application_id=app_id, user_version=user_version)


def _check_header(path: Path, application_id: int, user_version: int) -> None:
    if application_id != APPLICATION_ID:
        raise PackageError(
            path,
            "is an SQLite file but not a Storyport package "
            f"(application_id {application_id:#010x})",
        )
    if user_version > SCHEMA_VERSION:
        raise PackageError(
            path,
            f"was written by a newer Storyport (format {user_version}; "
            f"this version reads up to {SCHEMA_VERSION}); update Storyport to open it",
        )
    if user_version < 1:
        raise PackageError(path, f"has no valid format version ({user_version})")


class Package:
    """An open package: plain reads (``reading``), and the engine and a session factory
    (one session per action), made on first use so that reading needs no SQLAlchemy."""

    def __init__(
        self,
        path: Path,
        engine: Engine | None = None,
        *,
        readonly: bool,
        lock: locking.WriteLock | None = None,
        migrated: tuple[str, ...] = (),
        backup: Path | None = None,
        scratch: tempfile.TemporaryDirectory[str] | None = None,
        target: Path | None = None,
        access: Access | None = None,
    ) -> None:
        self.path = path
        self.readonly = readonly
        #: the steps run when this package was opened from an older format
        self.migrated = migrated
        #: the copy written before migrating in place, if any
        self.backup = backup
        self._lock = lock
        self._scratch = scratch
        self._target, self._access = target or path, access
        self._engine = engine
        self._sessions: sessionmaker[Session] | None = None
        self._making = threading.Lock()
        self._reads = ReadPool(self._target, readonly=readonly, access=access)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (imported and made on first use: writes, the ORM)."""
        with self._making:
            if self._engine is None:
                from story.package.engine import sqlite_engine

                self._engine = sqlite_engine(
                    self._target, readonly=self.readonly, access=self._access
                )
            return self._engine

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A plain connection inside one read transaction (no SQLAlchemy): ``story.reading``."""
        try:
            with self._reads.snapshot() as conn:
                yield conn
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if isinstance(exc, sqlite3.IntegrityError):
                raise
            raise _damaged(self.path, exc) from None

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back.

        ``write=True`` for an edit: the transaction takes the write lock at its
        start, so edits from several threads queue instead of failing. Reads
        should leave it False: they then never wait for a writer.
        """
        from sqlalchemy import exc as sa_exc
        from sqlalchemy.orm import sessionmaker

        engine = self.engine
        if self._sessions is None:
            self._sessions = sessionmaker(engine, expire_on_commit=False)
        token = WRITE_SESSION.set(write)
        try:
            with self._sessions() as session:
                try:
                    yield session
                    session.commit()
                except Exception:
                    session.rollback()
                    raise
        except sa_exc.DBAPIError as exc:
            # Damage the open checks could not see (a file too big for quick_check, a broken
            # index entry) is one line like any other refusal; constraint errors stay errors.
            orig = exc.orig
            if orig is not None and type(orig) in (sqlite3.DatabaseError, sqlite3.OperationalError):
                raise _damaged(self.path, orig) from None
            raise
        finally:
            WRITE_SESSION.reset(token)

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The DB-API connection, for blob streaming and pragmas (SQLite packages only)."""
        fairy = self.engine.raw_connection()
        try:
            yield fairy.driver_connection  # type: ignore[misc]
        finally:
            fairy.close()

    def checkpoint(self) -> None:
        """Fold the WAL into the main file, e.g. before the file is copied or mailed."""
        with self.raw() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self._reads.close()
        if self._engine is not None:
            self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create_package(path: str | Path) -> Package:
    """Create an empty package at ``path`` (which must not exist yet), open for writing."""
    path = Path(path)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        raise PackageError(path, "already exists; refusing to overwrite it") from None
    except OSError as exc:
        raise PackageError(path, f"cannot be created ({exc.strerror})") from None
    lock = locking.acquire(path)
    try:
        conn = connect(path, readonly=False)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.close()
        from sqlalchemy.orm import Session

        from story.package.engine import sqlite_engine
        from story.package.schema import Base, Meta

        engine = sqlite_engine(path, readonly=False)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            session.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
            session.add(Meta(key="generator", value="Storyport"))
            session.commit()
    except BaseException:
        if lock:
            lock.release()
        raise
    return Package(path, engine, readonly=False, lock=lock)


def _damaged(path: Path, exc: BaseException) -> PackageError:
    # one line: SQLite's messages may quote a damaged schema, several lines of it
    text = " ".join(str(exc).split())[:200] or type(exc).__name__
    if isinstance(exc, UnicodeDecodeError) or text.startswith("Could not decode to UTF-8"):
        return PackageError(
            path, "is damaged or not readable by Storyport (text that is not UTF-8)"
        )
    if "locked" in text or "busy" in text:
        return PackageError(path, f"is busy in another program ({text}); try again")
    return PackageError(path, f"is damaged or not readable by Storyport ({text})")


def _vet(conn: sqlite3.Connection, version: int, *, size: int) -> None:
    """Every open-time check on an already-current package (raises GuardError/DatabaseError)."""
    guard.check_structure(conn, version)
    guard.check_rows(conn)
    text_checks.check_texts(conn)
    guard.check_links(conn)
    if size <= OPEN_QUICK_CHECK_MAX_BYTES:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if result != "ok":
            first = " ".join(str(result).split())[:200]
            raise guard.GuardError(f"fails SQLite's integrity check ({first})")


def open_package(path: str | Path, *, readonly: bool = True) -> Package:
    """Open an existing package after checking that it is ours, sound and not too new.

    ``readonly=False`` takes the write lock (``PackageInUseError`` when another
    process has it) and migrates an older format in place after a backup.
    """
    path = Path(path)
    header = read_header(path)
    _check_header(path, header.application_id, header.user_version)
    real = path.resolve()
    lock = None if readonly else locking.acquire(real)
    access = read_access(real) if readonly else Access.WRITE
    conn: sqlite3.Connection | None = None
    scratch: tempfile.TemporaryDirectory[str] | None = None
    try:
        conn = connect(real, readonly=readonly, access=access)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_header(path, app_id, version)  # the WAL may hold a newer page 1 than the file
        _vet(conn, version, size=real.stat().st_size)  # before anything is written
        migrated: list[str] = []
        backup = None
        target = real
        if version < SCHEMA_VERSION:
            from story.package import migrations

            if readonly:
                scratch = tempfile.TemporaryDirectory(prefix="storyport-migrated-")
                target = Path(scratch.name) / real.name
                migrations.write_backup(conn, target)
                conn.close()
                conn = connect(target, readonly=False)
            else:
                backup = migrations.backup_path(real, version)
                migrations.write_backup(conn, backup)
            try:
                migrated = migrations.migrate(conn, version)
            except sqlite3.Error as exc:
                raise PackageError(
                    path,
                    f"could not be upgraded from format {version} to {SCHEMA_VERSION} ({exc}); "
                    "it was left unchanged",
                ) from None
            guard.check_structure(conn, SCHEMA_VERSION)
        if not readonly and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")  # readers keep reading while we commit
        conn.close()
        conn = None
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        if scratch is not None:
            scratch.cleanup()
        if isinstance(exc, PackageError):
            raise
        if isinstance(exc, guard.GuardError):
            raise PackageError(path, str(exc)) from None
        if isinstance(exc, sqlite3.Error | UnicodeDecodeError):  # a message quoting bad bytes
            raise _damaged(path, exc) from None
        raise
    return Package(
        path,
        readonly=readonly,
        lock=lock,
        migrated=tuple(migrated),
        backup=backup,
        scratch=scratch,
        target=target,
        access=access if target == real else None,
    )
