"""Editing locks on a story: one holder at a time, others still read and pull.

A lock names its holder (the database's session user, checked by row-level
security), the host, since when and until when. An expired lock stays in
place until someone takes it over, and only with an explicit ``take_over``:
the refusal names the holder so the person can decide.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, text

from story.library.connection import LibraryError, connected, where
from story.library.migrations import require_library
from story.library.versions import story_id_of

DEFAULT_HOURS = 8.0


@dataclass(frozen=True)
class LockInfo:
    story: str
    owner: str
    host: str
    since: datetime
    expires: datetime
    expired: bool

    def line(self) -> str:
        state = "expired" if self.expired else "until"
        return (
            f"{self.owner} on {self.host} since {self.since:%Y-%m-%d %H:%M %Z}".rstrip()
            + f" ({state} {self.expires:%Y-%m-%d %H:%M %Z})".replace(" )", ")")
        )


_SELECT = (
    "SELECT owner, host, since, expires, expires <= now() AS expired, "
    "owner = session_user AS mine FROM story_locks WHERE story_id = :s"
)


def lock(
    engine: Engine, story: str, *, hours: float = DEFAULT_HOURS, take_over: bool = False
) -> LockInfo:
    """Take the lock on ``story``; refuses, naming the holder, when someone else has it."""
    until = timedelta(hours=hours)
    with connected(engine, f"lock {story}") as conn:
        require_library(conn, where(engine.url))
        sid = story_id_of(conn, story)
        # One lock change per story at a time (the story row is the mutex).
        conn.execute(text("SELECT id FROM stories WHERE id = :s FOR UPDATE"), {"s": sid})
        conn.execute(
            text(
                "INSERT INTO story_locks (story_id, host, expires) "
                "VALUES (:s, :h, now() + :d) ON CONFLICT (story_id) DO NOTHING"
            ),
            {"s": sid, "h": socket.gethostname(), "d": until},
        )
        row = conn.execute(text(_SELECT), {"s": sid}).one()
        held = LockInfo(story, row.owner, row.host, row.since, row.expires, row.expired)
        if not row.mine:
            if not row.expired:
                raise LibraryError(f"story {story!r} is locked by {held.line()}")
            if not take_over:
                raise LibraryError(
                    f"story {story!r} has a stale lock by {held.line()}: "
                    "take it over with --take-over"
                )
        taken = conn.execute(
            text(
                "UPDATE story_locks SET owner = session_user, host = :h, "
                "since = CASE WHEN owner = session_user THEN since ELSE now() END, "
                "expires = now() + :d WHERE story_id = :s "
                "RETURNING owner, host, since, expires, false AS expired"
            ),
            {"s": sid, "h": socket.gethostname(), "d": until},
        ).first()
        if taken is None:  # row-level security: not yours and not expired (any more)
            raise LibraryError(f"story {story!r} is locked by someone else: try again")
        return LockInfo(story, taken.owner, taken.host, taken.since, taken.expires, False)


def unlock(engine: Engine, story: str) -> None:
    """Release your lock on ``story``; refuses when the lock is someone else's."""
    with connected(engine, f"unlock {story}") as conn:
        require_library(conn, where(engine.url))
        sid = story_id_of(conn, story)
        row = conn.execute(text(_SELECT), {"s": sid}).first()
        if row is None:
            raise LibraryError(f"story {story!r} is not locked")
        if not row.mine:
            held = LockInfo(story, row.owner, row.host, row.since, row.expires, row.expired)
            raise LibraryError(f"story {story!r} is locked by {held.line()}, not by you")
        conn.execute(text("DELETE FROM story_locks WHERE story_id = :s"), {"s": sid})


def lock_of(engine: Engine, story: str) -> LockInfo | None:
    with connected(engine, f"read the lock of {story}") as conn:
        require_library(conn, where(engine.url))
        row = conn.execute(text(_SELECT), {"s": story_id_of(conn, story)}).first()
        if row is None:
            return None
        return LockInfo(story, row.owner, row.host, row.since, row.expires, row.expired)
