"""Write API: every edit is one transaction, committed as it happens.

The bundled story's build, the command-line tools and the editor all go
through these functions, so there is one way to change a package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from media.imported import ImportedMedia
from story.errors import NotFoundError, PackageError
from story.package.blobs import fill_blob
from story.package.file import Package
from story.package.schema import (
    ChapterMediaRow,
    ChapterRow,
    MapRow,
    MediaRow,
    PlaceRow,
    RenditionRow,
    StoryRow,
)


@dataclass(frozen=True)
class StoryFields:
    title: str
    subtitle: str = ""
    byline: str = ""
    published: str = ""
    language: str = "en"
    about_md: str = ""
    theme: dict[str, str] | None = None


def _writable(pkg: Package) -> None:
    if pkg.readonly:
        raise PackageError(pkg.path, "is open read-only")


def set_story(pkg: Package, fields: StoryFields) -> None:
    _writable(pkg)
    with pkg.session(write=True) as s:
        row = s.get(StoryRow, 1) or StoryRow(id=1, title=fields.title)
        row.title = fields.title
        row.subtitle = fields.subtitle
        row.byline = fields.byline
        row.published = fields.published
        row.language = fields.language
        row.about_md = fields.about_md
        row.theme_json = json.dumps(fields.theme or {})
        s.add(row)


def set_cover(pkg: Package, media_id: str | None) -> None:
    _writable(pkg)
    with pkg.session(write=True) as s:
        row = s.get(StoryRow, 1)
        if row is None:
            raise NotFoundError("the package holds no story")
        row.cover_media_id = media_id


def _chapter_at(s: Session, index: int) -> ChapterRow:
    row = (
        s.scalars(select(ChapterRow).order_by(ChapterRow.position).offset(index - 1).limit(1))
        .unique()
        .first()
        if index >= 1
        else None
    )
    if row is None:
        raise NotFoundError(f"there is no chapter {index}")
    return row


def _renumber(s: Session, rows: list[ChapterRow]) -> None:
    # Two passes keep positions unique-safe should an index be added later.
    for i, r in enumerate(rows):
        r.position = -1 - i
    s.flush()
    for i, r in enumerate(rows):
        r.position = i


def add_chapter(
    pkg: Package,
    title: str,
    *,
    summary: str = "",
    body_md: str = "",
    place: tuple[str, float, float] | None = None,
    map_id: int | None = None,
    at: int | None = None,
) -> int:
    """Add a chapter; ``at`` is its 1-based number (default: last). Returns its number."""
    _writable(pkg)
    with pkg.session(write=True) as s:
        rows = list(s.scalars(select(ChapterRow).order_by(ChapterRow.position)).unique())
        index = len(rows) + 1 if at is None else max(1, min(at, len(rows) + 1))
        chapter = ChapterRow(position=len(rows), title=title, summary=summary, body_md=body_md)
        if place is not None:
            name, lat, lon = place
            chapter.place = PlaceRow(name=name, lat=lat, lon=lon, map_id=map_id)
        s.add(chapter)
        rows.insert(index - 1, chapter)
        s.flush()
        _renumber(s, rows)
        return index


def move_chapter(pkg: Package, src: int, dst: int) -> None:
    _writable(pkg)
    with pkg.session(write=True) as s:
        rows = list(s.scalars(select(ChapterRow).order_by(ChapterRow.position)).unique())
        if not 1 <= src <= len(rows) or not 1 <= dst <= len(rows):
            raise NotFoundError(f"chapters are numbered 1 to {len(rows)}")
        rows.insert(dst - 1, rows.pop(src - 1))
        _renumber(s, rows)


def remove_chapter(pkg: Package, index: int) -> None:
    _writable(pkg)
    with pkg.session(write=True) as s:
        row = _chapter_at(s, index)
        s.delete(row)
        s.flush()
        rows = list(s.scalars(select(ChapterRow).order_by(ChapterRow.position)).unique())
        _renumber(s, rows)


def store_media(
    pkg: Package,
    item: ImportedMedia,
    *,
    caption: str = "",
    credit: str = "",
    alt: str = "",
    licence: str = "",
    transcript: str = "",
) -> str:
    """Store an imported medium (once, by content hash) and its renditions. Returns its id."""
    _writable(pkg)
    media_id = item.sha256
    with pkg.session(write=True) as s:
        row = s.get(MediaRow, media_id)
        if row is None:
            row = MediaRow(
                id=media_id,
                kind=item.kind,
                mime=item.mime,
                size=len(item.data),
                width=item.width,
                height=item.height,
                duration_s=item.duration_s,
                original_name=item.original_name,
                removed_metadata_json=json.dumps(list(item.removed_metadata)),
                data=func.zeroblob(len(item.data)),
            )
            s.add(row)
            s.flush()
            # Fill the zeroblob in chunks: binding the bytes would make SQLite copy them whole.
            rowid = s.scalar(select(literal_column("rowid")).where(MediaRow.id == media_id))
            dbapi = s.connection().connection.driver_connection
            fill_blob(dbapi, "media", "data", int(rowid), item.data)  # type: ignore[arg-type]
        for field, value in (
            ("caption", caption),
            ("credit", credit),
            ("alt", alt),
            ("licence", licence),
            ("transcript", transcript),
        ):
            if value:
                setattr(row, field, value)
        s.flush()
        for r in item.renditions:
            s.merge(RenditionRow(media_id=media_id, name=r.name, mime=r.mime, data=r.data))
    return media_id


def link_media(pkg: Package, chapter: int, media_id: str) -> None:
    """Append a stored medium to chapter number ``chapter``."""
    _writable(pkg)
    with pkg.session(write=True) as s:
        row = _chapter_at(s, chapter)
        if s.get(MediaRow, media_id) is None:
            raise NotFoundError(f"no medium {media_id}")
        last = s.scalar(
            select(func.max(ChapterMediaRow.position)).where(ChapterMediaRow.chapter_id == row.id)
        )
        s.add(ChapterMediaRow(chapter_id=row.id, media_id=media_id, position=(last or 0) + 1))


def add_map(
    pkg: Package,
    *,
    kind: str,
    name: str,
    data: bytes,
    attribution: str = "",
    extent: tuple[float, float, float, float] | None = None,
) -> int:
    _writable(pkg)
    with pkg.session(write=True) as s:
        count = s.scalar(select(func.count()).select_from(MapRow)) or 0
        row = MapRow(
            position=count,
            kind=kind,
            name=name,
            data=data,
            attribution=attribution,
            extent_json=json.dumps(list(extent)) if extent else "",
        )
        s.add(row)
        s.flush()
        return row.id
