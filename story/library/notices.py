"""Notices from the library as they happen: someone pushed a version, took or released a lock.

The library's triggers ``NOTIFY storyport_library`` with a small JSON payload
at commit (schema v3). A ``Listener`` holds a connection of its own that
``LISTEN``s; it never blocks: the caller waits for its socket to become
readable (the editor uses a ``QSocketNotifier`` on ``fileno()``) and then
calls ``poll()``, which drains what arrived. No Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from story.library.connection import LibraryError, _explain, make_engine, where

CHANNEL = "storyport_library"


@dataclass(frozen=True)
class Notice:
    event: str  # "version" | "lock" | "unlock"
    story: str
    by: str
    version: int | None = None


def parse(payload: str) -> Notice | None:
    try:
        d = json.loads(payload)
        version = d.get("version")
        return Notice(
            str(d["event"]),
            str(d["story"]),
            str(d["by"]),
            None if version is None else int(version),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


class Listener:
    """A connection that listens for the library's notices; ``me`` is its session user."""

    def __init__(self, url: URL) -> None:
        self.url = url
        engine = make_engine(url)
        try:
            fairy = engine.raw_connection()
        except DBAPIError as exc:
            raise LibraryError(_explain(url, exc, "listen for changes")) from None
        finally:
            engine.dispose()
        self._fairy = fairy
        conn: Any = fairy.driver_connection
        self._conn = conn
        conn.rollback()
        conn.autocommit = True
        self.me = str(conn.execute("SELECT session_user").fetchone()[0])
        try:  # the library's own id: a package pulled from it remembers it
            self.library = str(conn.execute("SELECT id FROM storyport_library").fetchone()[0])
        except Exception as exc:  # not a library, or one older than schema 3
            fairy.invalidate()
            raise LibraryError(f"the database at {where(url)} is not a Storyport library") from exc
        conn.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return int(self._conn.fileno())

    def poll(self) -> list[Notice]:
        """The notices that arrived (never waits); a lost server is a ``LibraryError``."""
        try:
            got = [parse(n.payload) for n in self._conn.notifies(timeout=0)]
        except Exception as exc:  # psycopg.OperationalError: the connection is gone
            raise LibraryError(
                f"lost the library server at {where(self.url)}: no more notices of changes"
            ) from exc
        return [n for n in got if n is not None]

    def close(self) -> None:
        try:  # closed through the pool's handle, so nothing tries to roll it back later
            self._fairy.invalidate()
        except Exception:  # closing a dead connection: nothing left to do
            pass
