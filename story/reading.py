"""Read API: what the reader, the editor and ``info`` ask of a package."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import defer

from story.errors import NotFoundError
from story.ids import ChapterId, MapId, MediaId
from story.package.file import Package
from story.package.schema import (
    ChapterRow,
    MapRow,
    MediaRow,
    Meta,
    PlaceRow,
    RenditionRow,
    StoryRow,
)
from story.records import (
    Chapter,
    ChapterSummary,
    MapInfo,
    MediaInfo,
    Place,
    StoryInfo,
)


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


def story_info(pkg: Package) -> StoryInfo:
    with pkg.session() as s:
        row = s.get(StoryRow, 1)
        version = s.get(Meta, "schema_version")
        if row is None:
            raise NotFoundError(f"{pkg.path}: the package holds no story")
        try:
            theme = json.loads(row.theme_json or "{}")
        except ValueError:
            theme = {}
        return StoryInfo(
            title=row.title,
            subtitle=row.subtitle,
            byline=row.byline,
            published=row.published,
            language=row.language,
            about_md=row.about_md,
            cover_media_id=MediaId(row.cover_media_id) if row.cover_media_id else None,
            schema_version=int(version.value) if version else 0,
            theme={str(k): str(v) for k, v in theme.items()} if isinstance(theme, dict) else {},
        )


def chapter_count(pkg: Package) -> int:
    with pkg.session() as s:
        return int(s.scalar(select(func.count()).select_from(ChapterRow)) or 0)


def list_chapters(pkg: Package) -> list[ChapterSummary]:
    with pkg.session() as s:
        rows = s.scalars(select(ChapterRow).order_by(ChapterRow.position)).unique().all()
        return [
            ChapterSummary(
                index=i,
                id=ChapterId(r.id),
                title=r.title,
                summary=r.summary,
                place=place_info(r.place),
                date=r.date,
            )
            for i, r in enumerate(rows, start=1)
        ]


def get_chapter(pkg: Package, index: int) -> Chapter:
    """Chapter number ``index`` (1-based, story order) with its media in order."""
    with pkg.session() as s:
        row = (
            s.scalars(select(ChapterRow).order_by(ChapterRow.position).offset(index - 1).limit(1))
            .unique()
            .first()
            if index >= 1
            else None
        )
        if row is None:
            raise NotFoundError(f"there is no chapter {index}")
        return Chapter(
            index=index,
            id=ChapterId(row.id),
            title=row.title,
            summary=row.summary,
            body_md=row.body_md,
            place=place_info(row.place),
            # a link to a medium that is not there (a damaged file) is read past
            media=tuple(media_info(lk.media) for lk in row.links if lk.media is not None),
            date=row.date,
        )


def list_media(pkg: Package) -> list[MediaInfo]:
    with pkg.session() as s:
        return [media_info(r) for r in s.scalars(select(MediaRow).order_by(MediaRow.id))]


def get_media(pkg: Package, media_id: MediaId) -> MediaInfo:
    """One medium's facts and texts (no blob); NotFoundError when there is no such medium."""
    with pkg.session() as s:
        row = s.get(MediaRow, media_id)
        if row is None:
            raise NotFoundError(f"no medium {media_id}")
        return media_info(row)


def media_ids_by_chapter(pkg: Package) -> dict[int, list[MediaId]]:
    """Chapter number -> its media ids in order, for every chapter (summaries; no blobs)."""
    with pkg.session() as s:
        rows = s.scalars(select(ChapterRow).order_by(ChapterRow.position)).unique().all()
        return {i: [MediaId(lk.media_id) for lk in r.links] for i, r in enumerate(rows, start=1)}


def media_bytes(pkg: Package, media_id: str) -> bytes:
    """The master bytes of one medium."""
    with pkg.session() as s:
        data = s.scalar(select(MediaRow.data).where(MediaRow.id == media_id))
        if data is None:
            raise NotFoundError(f"no medium {media_id}")
        return bytes(data)


def rendition(pkg: Package, media_id: str, name: str) -> tuple[str, bytes] | None:
    """(mime, bytes) of a derived rendition, or None when it has not been made."""
    with pkg.session() as s:
        row = s.get(RenditionRow, (media_id, name))
        return (row.mime, bytes(row.data)) if row else None


def list_maps(pkg: Package) -> list[MapInfo]:
    with pkg.session() as s:
        out = []
        # without ``data``: a basemap's GeoJSON can be tens of megabytes
        query = select(MapRow).options(defer(MapRow.data)).order_by(MapRow.position, MapRow.id)
        for r in s.scalars(query):
            extent = None
            if r.extent_json:
                try:
                    vals = [float(v) for v in json.loads(r.extent_json)]
                    if len(vals) == 4:
                        extent = (vals[0], vals[1], vals[2], vals[3])
                except (ValueError, TypeError):
                    extent = None
            out.append(
                MapInfo(
                    id=MapId(r.id),
                    kind=r.kind,
                    name=r.name,
                    attribution=r.attribution,
                    extent=extent,
                )
            )
        return out


def map_data(pkg: Package, map_id: MapId) -> bytes:
    with pkg.session() as s:
        data = s.scalar(select(MapRow.data).where(MapRow.id == map_id))
        if data is None:
            raise NotFoundError(f"no map {map_id}")
        return bytes(data)
