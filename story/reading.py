"""Read API: what the reader, the editor and ``info`` ask of a package.

Plain SQL on ``Package.reading()`` (``sqlite3``, one snapshot transaction per
call), not the ORM: the reader paints its first chapter without importing
SQLAlchemy (docs/PERFORMANCE.md, "Reader start-up"). The open-time checks
(``story.package.guard``) have already vetted every row these queries read.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from story.errors import NotFoundError
from story.ids import ChapterId, MapId, MediaId
from story.package.file import Package
from story.records import (
    Chapter,
    ChapterSummary,
    MapInfo,
    MediaInfo,
    Place,
    StoryInfo,
)

if TYPE_CHECKING:
    from story.package.schema import MediaRow, PlaceRow


def place_info(row: PlaceRow | None) -> Place | None:
    """A place row as the plain record the UI sees (None stays None)."""
    if row is None:
        return None
    return Place(
        name=row.name,
        lat=row.lat,
        lon=row.lon,
        map_id=MapId(row.map_id) if row.map_id is not None else None,
        x=row.x,
        y=row.y,
    )


def media_info(row: MediaRow) -> MediaInfo:
    """A media row as the plain record the UI sees (no blob)."""
    return MediaInfo(
        id=MediaId(row.id),
        kind=row.kind,
        mime=row.mime,
        bytes=row.size,
        width=row.width,
        height=row.height,
        duration_s=row.duration_s,
        caption=row.caption,
        credit=row.credit,
        alt=row.alt,
        licence=row.licence,
        transcript=row.transcript,
        original_name=row.original_name,
        removed_metadata=tuple(json.loads(row.removed_metadata_json or "[]")),
    )


#: A place's columns, in the order ``_place`` takes them.
_PLACE = "p.name, p.lat, p.lon, p.map_id, p.x, p.y"
#: A medium's columns (no blob), in the order ``_media`` takes them.
_MEDIA = (
    "m.id, m.kind, m.mime, m.bytes, m.width, m.height, m.duration_s, m.caption, m.credit, "
    "m.alt, m.licence, m.transcript, m.original_name, m.removed_metadata_json"
)


def _place(cols: tuple[Any, ...]) -> Place | None:
    name, lat, lon, map_id, x, y = cols
    if name is None:  # no place (a LEFT JOIN found none)
        return None
    return Place(
        name=name,
        lat=lat,
        lon=lon,
        map_id=MapId(map_id) if map_id is not None else None,
        x=x,
        y=y,
    )


def _media(cols: tuple[Any, ...]) -> MediaInfo:
    return MediaInfo(
        id=MediaId(cols[0]),
        kind=cols[1],
        mime=cols[2],
        bytes=cols[3],
        width=cols[4],
        height=cols[5],
        duration_s=cols[6],
        caption=cols[7],
        credit=cols[8],
        alt=cols[9],
        licence=cols[10],
        transcript=cols[11],
        original_name=cols[12],
        removed_metadata=tuple(json.loads(cols[13] or "[]")),
    )


def _chapter_media(conn: sqlite3.Connection, chapter_id: int) -> tuple[MediaInfo, ...]:
    # a link to a medium that is not there (a damaged file) is read past (inner join)
    rows = conn.execute(
        f"SELECT {_MEDIA} FROM chapter_media AS l JOIN media AS m ON m.id = l.media_id "
        "WHERE l.chapter_id = ? ORDER BY l.position",
        (chapter_id,),
    )
    return tuple(_media(r) for r in rows)


def story_info(pkg: Package) -> StoryInfo:
    with pkg.reading() as conn:
        row = conn.execute(
            "SELECT title, subtitle, byline, published, language, about_md, cover_media_id, "
            "theme_json FROM story WHERE id = 1"
        ).fetchone()
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        raise NotFoundError(f"{pkg.path}: the package holds no story")
    title, subtitle, byline, published, language, about_md, cover, theme_json = row
    try:
        theme = json.loads(theme_json or "{}")
    except ValueError:
        theme = {}
    return StoryInfo(
        title=title,
        subtitle=subtitle,
        byline=byline,
        published=published,
        language=language,
        about_md=about_md,
        cover_media_id=MediaId(cover) if cover else None,
        schema_version=int(version[0]) if version else 0,
        theme={str(k): str(v) for k, v in theme.items()} if isinstance(theme, dict) else {},
    )


def chapter_count(pkg: Package) -> int:
    with pkg.reading() as conn:
        return int(conn.execute("SELECT count(*) FROM chapters").fetchone()[0])


def list_chapters(pkg: Package) -> list[ChapterSummary]:
    with pkg.reading() as conn:
        rows = conn.execute(
            f"SELECT c.id, c.title, c.summary, c.date, {_PLACE} FROM chapters AS c "
            "LEFT JOIN places AS p ON p.id = c.place_id ORDER BY c.position"
        ).fetchall()
    return [
        ChapterSummary(
            index=i,
            id=ChapterId(r[0]),
            title=r[1],
            summary=r[2],
            place=_place(r[4:]),
            date=r[3],
        )
        for i, r in enumerate(rows, start=1)
    ]


def get_chapter(pkg: Package, index: int) -> Chapter:
    """Chapter number ``index`` (1-based, story order) with its media in order."""
    if index < 1:
        raise NotFoundError(f"there is no chapter {index}")
    with pkg.reading() as conn:
        row = conn.execute(
            f"SELECT c.id, c.title, c.summary, c.body_md, c.date, {_PLACE} FROM chapters AS c "
            "LEFT JOIN places AS p ON p.id = c.place_id ORDER BY c.position LIMIT 1 OFFSET ?",
            (index - 1,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"there is no chapter {index}")
        media = _chapter_media(conn, row[0])
    return Chapter(
        index=index,
        id=ChapterId(row[0]),
        title=row[1],
        summary=row[2],
        body_md=row[3],
        place=_place(row[5:]),
        media=media,
        date=row[4],
    )


def list_media(pkg: Package) -> list[MediaInfo]:
    with pkg.reading() as conn:
        return [_media(r) for r in conn.execute(f"SELECT {_MEDIA} FROM media AS m ORDER BY m.id")]


def get_media(pkg: Package, media_id: MediaId) -> MediaInfo:
    """One medium's facts and texts (no blob); NotFoundError when there is no such medium."""
    with pkg.reading() as conn:
        row = conn.execute(f"SELECT {_MEDIA} FROM media AS m WHERE m.id = ?", (media_id,))
        found = row.fetchone()
    if found is None:
        raise NotFoundError(f"no medium {media_id}")
    return _media(found)


def media_ids_by_chapter(pkg: Package) -> dict[int, list[MediaId]]:
    """Chapter number -> its media ids in order, for every chapter (summaries; no blobs)."""
    with pkg.reading() as conn:
        order = [r[0] for r in conn.execute("SELECT id FROM chapters ORDER BY position")]
        links: dict[int, list[MediaId]] = {cid: [] for cid in order}
        for cid, mid in conn.execute(
            "SELECT chapter_id, media_id FROM chapter_media ORDER BY chapter_id, position"
        ):
            if cid in links:
                links[cid].append(MediaId(mid))
    return {i: links[cid] for i, cid in enumerate(order, start=1)}


def media_bytes(pkg: Package, media_id: str) -> bytes:
    """The master bytes of one medium."""
    with pkg.reading() as conn:
        row = conn.execute("SELECT data FROM media WHERE id = ?", (media_id,)).fetchone()
    if row is None or row[0] is None:
        raise NotFoundError(f"no medium {media_id}")
    return bytes(row[0])


def rendition(pkg: Package, media_id: str, name: str) -> tuple[str, bytes] | None:
    """(mime, bytes) of a derived rendition, or None when it has not been made."""
    with pkg.reading() as conn:
        row = conn.execute(
            "SELECT mime, data FROM renditions WHERE media_id = ? AND name = ?", (media_id, name)
        ).fetchone()
    return (row[0], bytes(row[1])) if row else None


def list_maps(pkg: Package) -> list[MapInfo]:
    out = []
    with pkg.reading() as conn:
        # without ``data``: a basemap's GeoJSON can be tens of megabytes
        rows = conn.execute(
            "SELECT id, kind, name, attribution, extent_json FROM maps ORDER BY position, id"
        ).fetchall()
    for map_id, kind, name, attribution, extent_json in rows:
        extent = None
        if extent_json:
            try:
                vals = [float(v) for v in json.loads(extent_json)]
                if len(vals) == 4:
                    extent = (vals[0], vals[1], vals[2], vals[3])
            except (ValueError, TypeError):
                extent = None
        out.append(
            MapInfo(id=MapId(map_id), kind=kind, name=name, attribution=attribution, extent=extent)
        )
    return out


def map_data(pkg: Package, map_id: MapId) -> bytes:
    with pkg.reading() as conn:
        row = conn.execute("SELECT data FROM maps WHERE id = ?", (map_id,)).fetchone()
    if row is None or row[0] is None:
        raise NotFoundError(f"no map {map_id}")
    return bytes(row[0])
