"""A version's content pieces and links on the server: sent only when the library lacks them,
linked to a new version mostly by copying the links of the version it is based on.

A push compares its pieces and blob links with those of the version it is
based on (read from the server: received bytes, not sent ones), asks which
of the changed pieces the library already holds, and sends the others; the
new version's links are the base's, copied on the server, minus the keys
that changed, plus the changed ones. So a push of one edited chapter sends
that chapter's row and a few keys, whatever the size of the story.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from story.library.content import Pieces

#: (table, key column) of a version's links: content pieces, and media/renditions/tiles.
PIECES = ("version_pieces", "key")
MEDIA = ("version_media", "media_id")


def links(conn: Connection, table: tuple[str, str], version_id: int | None) -> dict[str, str]:
    """key -> SHA-256 of a version's links (empty for no version)."""
    if version_id is None:
        return {}
    name, key = table
    rows = conn.execute(
        text(f"SELECT {key}, sha256 FROM {name} WHERE version_id = :v"), {"v": version_id}
    )
    return {str(k): str(h).strip() for k, h in rows}


def base_links(conn: Connection, version_id: int | None) -> tuple[dict[str, str], dict[str, str]]:
    """(media links, piece links) of the version a push is based on, in one query."""
    media: dict[str, str] = {}
    pieces: dict[str, str] = {}
    if version_id is None:
        return media, pieces
    rows = conn.execute(
        text(
            "SELECT true, media_id, sha256 FROM version_media WHERE version_id = :v UNION ALL "
            "SELECT false, key, sha256 FROM version_pieces WHERE version_id = :v"
        ),
        {"v": version_id},
    )
    for is_media, key, digest in rows:
        (media if is_media else pieces)[str(key)] = str(digest).strip()
    return media, pieces


def changed(new: dict[str, str], base: dict[str, str]) -> dict[str, str]:
    return {k: h for k, h in new.items() if base.get(k) != h}


def store_pieces(conn: Connection, pieces: Pieces, base: dict[str, str]) -> int:
    """Send the pieces that are not in ``base`` and that the library lacks; returns bytes sent."""
    wanted = sorted(set(changed(pieces.manifest, base).values()))
    if not wanted:
        return 0
    held = {
        r[0]
        for r in conn.execute(
            text("SELECT sha256 FROM content_pieces WHERE sha256 = ANY(:h)"), {"h": wanted}
        )
    }
    missing = [h for h in wanted if h not in held]
    if missing:  # bytes bound in binary (an array of bytea would travel as hex, twice the size)
        raw: Any = conn.connection.driver_connection
        with raw.cursor() as cur:
            cur.executemany(
                "INSERT INTO content_pieces (sha256, data) VALUES (%s, %b) ON CONFLICT DO NOTHING",
                [(h, pieces.data[h]) for h in missing],
            )
    return sum(len(pieces.data[h]) for h in missing)


def link(
    conn: Connection,
    table: tuple[str, str],
    version_id: int,
    base_id: int | None,
    new: dict[str, str],
    base: dict[str, str],
) -> None:
    """Give version ``version_id`` the links ``new``: the base's unchanged ones copied on the
    server, the changed and added ones sent (one statement)."""
    name, key = table
    fresh = changed(new, base) if base_id is not None else new
    if not fresh and not (base_id is not None and base):
        return
    dropped = sorted(k for k, h in base.items() if new.get(k) != h)
    conn.execute(
        text(
            f"INSERT INTO {name} (version_id, {key}, sha256) SELECT :v, {key}, sha256 "
            f"FROM {name} WHERE version_id = :b AND {key} <> ALL(CAST(:d AS text[])) "
            "UNION ALL SELECT :v, * FROM unnest(CAST(:k AS text[]), CAST(:h AS text[]))"
        ),
        {"v": version_id, "b": base_id, "d": dropped, "k": list(fresh), "h": list(fresh.values())},
    )


def copy_links(conn: Connection, table: tuple[str, str], version_id: int, old_id: int) -> None:
    """Give a version all the links of another (restore: no bytes travel)."""
    name, key = table
    conn.execute(
        text(
            f"INSERT INTO {name} (version_id, {key}, sha256) "
            f"SELECT :new, {key}, sha256 FROM {name} WHERE version_id = :old"
        ),
        {"new": version_id, "old": old_id},
    )


def fetch(conn: Connection, version_id: int) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """A version's manifest and its distinct pieces as (SHA-256, bytes), to be checked."""
    manifest = links(conn, PIECES, version_id)
    rows = conn.execute(
        text(
            "SELECT p.sha256, p.data FROM content_pieces p WHERE p.sha256 IN "
            "(SELECT sha256 FROM version_pieces WHERE version_id = :v)"
        ),
        {"v": version_id},
    )
    return manifest, [(str(h), bytes(d)) for h, d in rows]
