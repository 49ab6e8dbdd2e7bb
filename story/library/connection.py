"""Reaching the library server: the URL, the engine, and every failure as one clear line.

Passwords never travel in a URL typed on the command line (it would show in
process lists and shell history): libpq reads them from ``~/.pgpass`` or
``PGPASSWORD``. Errors from psycopg are turned into ``LibraryError`` here so
no caller sees a driver traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from story.errors import StoryError

#: The environment variable a library URL may come from.
ENV_URL = "STORYPORT_LIBRARY"
CONNECT_TIMEOUT_S = 5


class LibraryError(StoryError):
    """The library refused or could not do something; ``str()`` is the one line to show."""


def library_url(given: str | None, *, allow_password: bool = False) -> URL:
    """The SQLAlchemy URL from ``--url`` or ``STORYPORT_LIBRARY``, on psycopg 3."""
    raw = given or os.environ.get(ENV_URL)
    if not raw:
        raise LibraryError(f"no library given: use --url URL or set {ENV_URL}")
    try:
        url = make_url(raw)
    except ArgumentError:
        raise LibraryError(
            f"not a library URL: {raw!r} (e.g. postgresql+psycopg://user@host:5432/db)"
        ) from None
    if url.get_backend_name() != "postgresql":
        raise LibraryError(f"a library is a PostgreSQL database, not {url.get_backend_name()}")
    if url.get_driver_name() != "psycopg":
        url = url.set(drivername="postgresql+psycopg")
    if url.password is not None and not allow_password:
        raise LibraryError("do not put a password in the library URL: use ~/.pgpass or PGPASSWORD")
    return url


def make_engine(url: URL) -> Engine:
    """An engine without a pool (a command makes one or two connections) and a short timeout."""
    return create_engine(
        url, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )


def where(url: URL) -> str:
    """The server and database, for messages (never the password)."""
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def _explain(url: URL, exc: DBAPIError, action: str) -> str:
    orig = exc.orig
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    user = url.username or os.environ.get("PGUSER") or "you"
    if state == "42501":  # insufficient_privilege
        return f"user {user} may not {action} in the library at {where(url)} ({text})"
    if state == "28P01" or "password authentication failed" in text:
        return f"the library at {where(url)} refused the password of user {user}"
    if "no password supplied" in text:
        return (
            f"the library at {where(url)} wants a password for {user}: use ~/.pgpass or PGPASSWORD"
        )
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return f"there is no database {url.database!r} on the server at {where(url)}"
    if state == "28000" or "role" in text and "does not exist" in text:
        return f"the server at {where(url)} does not know user {user}"
    if "Connection refused" in text or "could not connect" in text or "timeout" in text:
        return f"cannot reach the library server at {where(url)} (is it running?)"
    if "could not translate host name" in text or "Name or service not known" in text:
        return f"cannot find the library server {url.host!r}"
    if (
        state.startswith(("08", "57P"))
        or "connection failed" in text
        or "server closed the connection" in text
        or "terminating connection" in text
        or "connection is lost" in text
        or "consuming input failed" in text
    ):
        return (
            f"lost the library server at {where(url)} ({text}): could not {action}, "
            "nothing was changed there; try again when it is back"
        )
    return f"the library at {where(url)} could not {action}: {text}"


@contextmanager
def connected(engine: Engine, action: str) -> Iterator[Connection]:
    """One transaction on the library; any database failure becomes a ``LibraryError``."""
    try:
        with engine.begin() as conn:
            yield conn
    except DBAPIError as exc:
        raise LibraryError(_explain(engine.url, exc, action)) from None
