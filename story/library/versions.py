"""Stories and their immutable versions: push, pull, list, history, approve.

A push is one transaction: the story row (created on first push) is locked
``FOR UPDATE`` so two pushes of one story get consecutive numbers, the media
the library lacks are streamed in, then the version row and its media links.
Whoever holds another curator's unexpired lock on the story cannot push.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Row, text

from story.errors import StoryError
from story.library import piece_store
from story.library.assemble import assemble
from story.library.connection import LibraryError, connected, where
from story.library.content import Pieces, check_pieces
from story.library.media_store import iter_many, store_media
from story.library.migrations import require_library
from story.library.package_files import (
    MediumRef,
    Origin,
    Snapshot,
    is_medium,
    iter_blob,
    record_origin,
    snapshot,
)
from story.package.file import Package, open_package

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


@dataclass(frozen=True)
class PushResult:
    story: str
    version: int
    media_sent: int
    media_reused: int
    media_bytes_sent: int
    #: bytes of content pieces sent (those the library lacked)
    content_bytes: int
    #: False when the package could not record the new version (open for writing elsewhere)
    recorded: bool = True
    #: bytes of renditions and map tiles the library did not hold yet
    derived_bytes_sent: int = 0


@dataclass(frozen=True)
class StoryInfo:
    name: str
    title: str
    latest: int
    pushed_by: str
    pushed_at: datetime
    locked_by: str | None


@dataclass(frozen=True)
class VersionInfo:
    number: int
    pushed_by: str
    pushed_at: datetime
    message: str
    format_version: int
    title: str
    media: int
    approved_by: str | None
    restored_from: int | None = None


def story_name_for(path: Path) -> str:
    """The default story name of a package: its file name without the extension."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(path).stem).strip("-.")
    return name or "story"


def _check_name(name: str) -> str:
    if not _NAME.match(name):
        raise LibraryError(f"not a story name: {name!r} (letters, digits, '.', '_', '-')")
    return name


def story_id_of(conn: Connection, name: str) -> int:
    sid = conn.execute(text("SELECT id FROM stories WHERE name = :n"), {"n": name}).scalar()
    if sid is None:
        raise LibraryError(f"the library has no story {name!r}")
    return int(sid)


def push(
    engine: Engine,
    path: Path,
    *,
    story: str | None = None,
    message: str = "",
    base: int | None = None,
    pkg: Package | None = None,
) -> PushResult:
    """Store a package as the next version of ``story`` (default: from its file name).

    The push is based on ``base``, or else on the version the package records
    (``library-origin``, written by pull and by every push); when the library
    has a newer version than that, or the story exists and the package names
    no base, the push is refused before any byte is sent. Afterwards the package
    records the new version (in ``pkg`` when the caller has it open for
    writing, as the editor does).
    """
    name = _check_name(story or story_name_for(path))
    snap = snapshot(Path(path))  # local checks first: a bad package never reaches the server
    sent = reused = sent_bytes = derived_bytes = 0
    with connected(engine, f"push {name}") as conn:
        lib = require_library(conn, where(engine.url))
        story_row = _story_for_update(conn, name, snap.title)
        sid = int(story_row.id)
        if story_row.owner is not None:
            raise LibraryError(
                f"story {name!r} is locked by {story_row.owner} on {story_row.host}: not pushed"
            )
        based_on, base_id = _check_base(conn, sid, name, lib, snap, base)
        base_media, base_pieces = piece_store.base_links(conn, base_id)
        mine = {r.media_id: r.sha256 for r in snap.media}
        key_of = {h: k for k, h in reversed(piece_store.changed(mine, base_media).items())}
        size_of = {r.sha256: r.size for r in snap.media}
        with open_package(Path(path), readonly=True) as src:
            new = store_media(
                conn,
                [(h, size_of[h]) for h in key_of],  # those the base version lacks
                lambda sha: iter_blob(src, key_of[sha]),
            )
        for sha, key in key_of.items():
            n = new.get(sha, 0)
            if not is_medium(key):
                derived_bytes += n
                continue
            sent, reused = (sent + 1, reused) if sha in new else (sent, reused + 1)
            sent_bytes += n
        reused += len({h for k, h in mine.items() if is_medium(k)} - set(key_of))
        content_bytes = piece_store.store_pieces(conn, snap.content, base_pieces)
        number = based_on + 1
        vid = conn.execute(
            text(
                "INSERT INTO versions (story_id, number, message, format_version, title, "
                "content_sha256, based_on) VALUES (:s, :n, :m, :f, :t, :h, :b) RETURNING id"
            ),
            {
                "s": sid,
                "n": number,
                "m": message,
                "f": snap.format_version,
                "t": snap.title,
                "h": snap.content_sha256,
                "b": based_on or None,
            },
        ).scalar_one()
        piece_store.link(conn, piece_store.MEDIA, vid, base_id, mine, base_media)
        piece_store.link(conn, piece_store.PIECES, vid, base_id, snap.content.manifest, base_pieces)
        if story_row.title != snap.title:
            conn.execute(
                text("UPDATE stories SET title = :t WHERE id = :s"), {"t": snap.title, "s": sid}
            )
    recorded = _record(Path(path), pkg, Origin(lib, name, number))
    return PushResult(
        name, number, sent, reused, sent_bytes, content_bytes, recorded, derived_bytes
    )


def _story_for_update(conn: Connection, name: str, title: str) -> Row[Any]:
    """The story's row (id, title, and the holder of another curator's live lock, if any),
    made on its first push, locked ``FOR UPDATE`` (one query: a push's every byte counts)."""
    sql = (
        "SELECT s.id, s.title, l.owner, l.host FROM stories s LEFT JOIN story_locks l ON "
        "l.story_id = s.id AND l.expires > now() AND l.owner <> session_user "
        "WHERE s.name = :n FOR UPDATE OF s"
    )
    row = conn.execute(text(sql), {"n": name}).first()
    if row is None:
        conn.execute(
            text("INSERT INTO stories (name, title) VALUES (:n, :t) ON CONFLICT (name) DO NOTHING"),
            {"n": name, "t": title},
        )
        row = conn.execute(text(sql), {"n": name}).one()
    return row


def _refuse_if_locked(conn: Connection, sid: int, name: str) -> None:
    holder = conn.execute(
        text(
            "SELECT owner, host FROM story_locks WHERE story_id = :s "
            "AND expires > now() AND owner <> session_user"
        ),
        {"s": sid},
    ).first()
    if holder is not None:
        raise LibraryError(f"story {name!r} is locked by {holder[0]} on {holder[1]}: not pushed")


def _check_base(
    conn: Connection, sid: int, name: str, lib: str, snap: Snapshot, base: int | None
) -> tuple[int, int | None]:
    """The latest version's number and id (under the story row's lock; 0 and None for a new
    story), refusing a push that is behind it."""
    latest = conn.execute(
        text(
            "SELECT id, number, pushed_by, pushed_at, content_sha256 FROM versions "
            "WHERE story_id = :s ORDER BY number DESC LIMIT 1"
        ),
        {"s": sid},
    ).first()
    if latest is None:
        return 0, None
    origin = snap.origin
    if base is None and origin is not None and (origin.library, origin.story) == (lib, name):
        base = origin.version
    if latest.content_sha256 == snap.content_sha256:
        return int(latest.number), int(
            latest.id
        )  # the latest is this very content: nothing can be lost
    pull = f"pull it first (library pull {name} OUT.storypkg), carry your changes over, push again"
    if base is None:
        raise LibraryError(
            f"story {name!r} is already in the library (version {latest.number}) and this "
            f"package was not pulled from it: not pushed; {pull}, or name the version it "
            "is based on with --base V"
        )
    if base > latest.number or base < 1:
        raise LibraryError(
            f"this package says it is based on version {base} of {name!r}, but the library's "
            f"latest is version {latest.number}: not pushed"
        )
    if base < latest.number:
        raise LibraryError(
            f"story {name!r} has a newer version than {base}, the one this package is based "
            f"on: version {latest.number} by {latest.pushed_by} at "
            f"{latest.pushed_at:%Y-%m-%d %H:%M %Z}".rstrip()
            + f"; not pushed, your package is unchanged: {pull}"
        )
    return int(latest.number), int(latest.id)


def _record(path: Path, pkg: Package | None, origin: Origin) -> bool:
    """Write the new origin into the package; False when it is open for writing elsewhere."""
    try:
        if pkg is not None:
            record_origin(pkg, origin)
        else:
            with open_package(path, readonly=False) as mine:
                record_origin(mine, origin)
    except StoryError:
        return False
    return True


def pull(engine: Engine, story: str, out: Path, *, version: int | None = None) -> int:
    """Write a version (default: the latest) of ``story`` to ``out``; returns its number."""
    with connected(engine, f"pull {story}") as conn:
        lib = require_library(conn, where(engine.url))
        sid = story_id_of(conn, story)
        row = conn.execute(
            text(
                "SELECT id, number, content FROM versions WHERE story_id = :s "
                "AND (CAST(:n AS integer) IS NULL OR number = :n) ORDER BY number DESC LIMIT 1"
            ),
            {"s": sid, "n": version},
        ).first()
        if row is None:
            raise LibraryError(f"story {story!r} has no version {version}")
        refs = [
            MediumRef(m, h.strip(), int(s))
            for m, h, s in conn.execute(
                text(
                    "SELECT vm.media_id, vm.sha256, m.size FROM version_media vm "
                    "JOIN media m USING (sha256) WHERE vm.version_id = :v ORDER BY vm.media_id"
                ),
                {"v": row.id},
            )
        ]
        origin = Origin(lib, story, int(row.number))
        content: Pieces | bytes
        if row.content is None:
            manifest, pieces = piece_store.fetch(conn, int(row.id))
            content = Pieces(manifest, check_pieces(pieces))
        else:  # a version pushed before schema 4
            content = bytes(row.content)
        chunks = iter_many(conn, [r.sha256 for r in refs])
        try:
            assemble(content, refs, chunks, Path(out), origin)
        finally:
            chunks.close()  # a pull stopped half-way ends the COPY before the rollback
        return int(row.number)


def list_stories(engine: Engine, search: str | None = None) -> list[StoryInfo]:
    """Every story with its latest version and live lock; ``search`` keeps those whose name or
    title holds it (any case)."""
    pattern = None
    if search:
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", search) + "%"
    with connected(engine, "list stories") as conn:
        require_library(conn, where(engine.url))
        rows = conn.execute(
            text(
                "SELECT s.name, s.title, v.number, v.pushed_by, v.pushed_at, l.owner "
                "FROM stories s JOIN LATERAL (SELECT number, pushed_by, pushed_at FROM versions "
                "  WHERE story_id = s.id ORDER BY number DESC LIMIT 1) v ON true "
                "LEFT JOIN story_locks l ON l.story_id = s.id AND l.expires > now() "
                "WHERE CAST(:p AS text) IS NULL OR s.title ILIKE :p OR s.name ILIKE :p "
                "ORDER BY s.name"
            ),
            {"p": pattern},
        )
        return [StoryInfo(*r) for r in rows]


def history(engine: Engine, story: str) -> list[VersionInfo]:
    with connected(engine, f"read the history of {story}") as conn:
        require_library(conn, where(engine.url))
        sid = story_id_of(conn, story)
        rows = conn.execute(
            text(
                "SELECT v.number, v.pushed_by, v.pushed_at, v.message, v.format_version, v.title, "
                "(SELECT count(*) FROM version_media vm WHERE vm.version_id = v.id "
                "AND position(':' in vm.media_id) = 0), "
                "a.approved_by, v.restored_from "
                "FROM versions v LEFT JOIN approvals a ON a.version_id = v.id "
                "WHERE v.story_id = :s ORDER BY v.number"
            ),
            {"s": sid},
        )
        return [VersionInfo(*r) for r in rows]


def restore(engine: Engine, story: str, version: int, *, message: str = "") -> int:
    """Make an old version the newest again, as a new version (history kept; no bytes travel:
    the server copies the content and the media links). Returns the new version's number."""
    with connected(engine, f"restore {story} version {version}") as conn:
        require_library(conn, where(engine.url))
        sid = story_id_of(conn, story)
        conn.execute(text("SELECT id FROM stories WHERE id = :s FOR UPDATE"), {"s": sid})
        _refuse_if_locked(conn, sid, story)
        old = conn.execute(
            text("SELECT id, title FROM versions WHERE story_id = :s AND number = :n"),
            {"s": sid, "n": version},
        ).first()
        if old is None:
            raise LibraryError(f"story {story!r} has no version {version}")
        latest = conn.execute(
            text("SELECT max(number) FROM versions WHERE story_id = :s"), {"s": sid}
        ).scalar_one()
        number = int(latest) + 1
        vid = conn.execute(
            text(
                "INSERT INTO versions (story_id, number, message, format_version, title, content, "
                "content_sha256, based_on, restored_from) SELECT story_id, :n, :m, "
                "format_version, title, content, content_sha256, :b, number FROM versions "
                "WHERE id = :v RETURNING id"
            ),
            {"n": number, "m": message or f"restored version {version}", "b": latest,
             "v": old.id},
        ).scalar_one()  # fmt: skip
        piece_store.copy_links(conn, piece_store.MEDIA, vid, old.id)
        piece_store.copy_links(conn, piece_store.PIECES, vid, old.id)
        conn.execute(
            text("UPDATE stories SET title = :t WHERE id = :s"), {"t": old.title, "s": sid}
        )
        return number


def approve(engine: Engine, story: str, version: int) -> None:
    """Approve a version for publishing (editors only: the database refuses anyone else)."""
    with connected(engine, f"approve {story} version {version}") as conn:
        require_library(conn, where(engine.url))
        sid = story_id_of(conn, story)
        vid = conn.execute(
            text("SELECT id FROM versions WHERE story_id = :s AND number = :n"),
            {"s": sid, "n": version},
        ).scalar()
        if vid is None:
            raise LibraryError(f"story {story!r} has no version {version}")
        conn.execute(
            text("INSERT INTO approvals (version_id) VALUES (:v) ON CONFLICT DO NOTHING"),
            {"v": vid},
        )
