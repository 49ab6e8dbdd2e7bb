"""Opening and creating ``.storypkg`` files: one SQLite file per story.

A package from a stranger is untrusted input, so the header is checked by hand
before SQLite parses anything else, and every connection runs with defensive
settings (``trusted_schema=OFF``, foreign keys on, ``cell_size_check``).
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from story.errors import PackageError
from story.schema import APPLICATION_ID, SCHEMA_VERSION, Base, Meta

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Objects a package may hold beyond our tables: only our own indexes.
_ALLOWED_KINDS = {"table", "index"}


@dataclass(frozen=True)
class Header:
    application_id: int
    user_version: int


def read_header(path: Path) -> Header:
    """Read the SQLite header fields we trust before letting SQLite parse the file."""
    if not path.exists():
        raise PackageError(path, "no such file")
    if path.is_dir():
        raise PackageError(path, "is a folder, not a story package")
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise PackageError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise PackageError(path, "is empty (0 bytes), not a story package")
    if not head.startswith(SQLITE_MAGIC) or len(head) < 100:
        raise PackageError(path, "is not a story package (not an SQLite file)")
    user_version, = struct.unpack(">i", head[60:64])
    app_id, = struct.unpack(">I", head[68:72])
    return Header(application_id=app_id, user_version=user_version)


def _defensive_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    for pragma in (
        "PRAGMA trusted_schema=OFF",
        "PRAGMA foreign_keys=ON",
        "PRAGMA cell_size_check=ON",
        "PRAGMA busy_timeout=2000",
    ):
        cur.execute(pragma)
    cur.close()


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite URLs get the defensive settings."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _defensive_pragmas)
    return engine


def sqlite_url(path: Path, *, readonly: bool = False) -> str:
    if readonly:
        return f"sqlite:///file:{path.resolve()}?mode=ro&uri=true"
    return f"sqlite:///{path.resolve()}"


class Package:
    """An open package: the engine and a session factory, one session per action."""

    def __init__(self, path: Path, engine: Engine, *, readonly: bool) -> None:
        self.path = path
        self.engine = engine
        self.readonly = readonly
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except Exception:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create_package(path: str | Path) -> Package:
    """Create an empty package at ``path`` (which must not exist yet)."""
    path = Path(path)
    if path.exists():
        raise PackageError(path, "already exists; refusing to overwrite it")
    engine = make_engine(sqlite_url(path))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
        session.add(Meta(key="generator", value="Storyport"))
        session.commit()
    return Package(path, engine, readonly=False)


def open_package(path: str | Path, *, readonly: bool = True) -> Package:
    """Open an existing package after checking that it is ours and not too new."""
    path = Path(path)
    header = read_header(path)
    if header.application_id != APPLICATION_ID:
        raise PackageError(
            path,
            "is an SQLite file but not a Storyport package "
            f"(application_id {header.application_id:#010x})",
        )
    if header.user_version > SCHEMA_VERSION:
        raise PackageError(
            path,
            f"was written by a newer Storyport (format {header.user_version}; "
            f"this version reads up to {SCHEMA_VERSION}); update Storyport to open it",
        )
    engine = make_engine(sqlite_url(path, readonly=readonly))
    try:
        _check_schema(engine)
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        raise PackageError(path, f"is damaged ({exc})") from None
    except PackageError as exc:
        engine.dispose()
        raise PackageError(path, exc.reason) from None
    except Exception as exc:  # SQLAlchemy wraps DBAPI errors
        engine.dispose()
        orig = getattr(exc, "orig", exc)
        raise PackageError(path, f"is damaged ({orig})") from None
    return Package(path, engine, readonly=readonly)


def _check_schema(engine: Engine) -> None:
    expected = set(Base.metadata.tables)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT type, name FROM sqlite_master")).all()
    kinds = {kind for kind, _ in rows}
    odd = kinds - _ALLOWED_KINDS
    if odd:
        raise PackageError(Path("?"), f"holds objects Storyport never creates ({', '.join(sorted(odd))})")
    tables = {name for kind, name in rows if kind == "table" and not name.startswith("sqlite_")}
    missing = expected - tables
    if missing:
        raise PackageError(Path("?"), f"is missing tables: {', '.join(sorted(missing))}")
