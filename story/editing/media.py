"""The media library: storing imported files, their texts, where each is used, and
which media a chapter shows (link, append, reorder).

Deletions hand back a snapshot with the bytes and renditions so an undone
import or a replaced file comes back unchanged. Media are addressed by their
``MediaId`` (the content hash) and chapters by ``ChapterId``; one transaction
per call, no Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import delete, func, literal_column, select, update

from media.imported import ImportedMedia
from story.editing import check_texts, writable
from story.editing.audio import audio_key
from story.editing.chapters import chapter_row
from story.errors import NotFoundError
from story.ids import ChapterId, MediaId
from story.package.blobs import fill_blob
from story.package.file import Package
from story.package.schema import ChapterMediaRow, ChapterRow, MediaRow, Meta, RenditionRow, StoryRow
from story.reading import get_media, media_info
from story.records import MediaInfo

#: The texts a person writes about a medium (:func:`set_media_text`).
MEDIA_TEXT_FIELDS = ("caption", "credit", "alt", "licence", "transcript")


def store_media(
    pkg: Package,
    item: ImportedMedia,
    *,
    caption: str = "",
    credit: str = "",
    alt: str = "",
    licence: str = "",
    transcript: str = "",
) -> MediaId:
    """Store an imported medium (once, by content hash) and its renditions. Returns its id."""
    writable(pkg)
    check_texts(
        caption=caption, credit=credit, alt=alt, licence=licence, transcript=transcript,
        original_name=item.original_name,
    )  # fmt: skip
    media_id = MediaId(item.sha256)
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


def media_count(pkg: Package) -> int:
    with pkg.session() as s:
        return int(s.scalar(select(func.count()).select_from(MediaRow)) or 0)


def media_ids(pkg: Package) -> set[MediaId]:
    with pkg.session() as s:
        return {MediaId(m) for m in s.scalars(select(MediaRow.id))}


def media_page(pkg: Package, offset: int, limit: int) -> list[MediaInfo]:
    """A slice of the library (newest names last), for lazy list models."""
    with pkg.session() as s:
        rows = s.scalars(
            select(MediaRow)
            .order_by(MediaRow.original_name, MediaRow.id)
            .offset(offset)
            .limit(limit)
        )
        return [media_info(r) for r in rows]


def media_text(pkg: Package, media_id: MediaId) -> dict[str, str]:
    m = get_media(pkg, media_id)
    return {f: getattr(m, f) for f in MEDIA_TEXT_FIELDS}


def set_media_text(pkg: Package, media_id: MediaId, **fields: str) -> None:
    bad = set(fields) - set(MEDIA_TEXT_FIELDS)
    if bad:
        raise ValueError(f"not editable: {', '.join(sorted(bad))}")
    writable(pkg)
    check_texts(**fields)
    with pkg.session(write=True) as s:
        s.execute(update(MediaRow).where(MediaRow.id == media_id).values(**fields))


def where_used(pkg: Package, media_id: MediaId) -> list[tuple[int, str]]:
    """(chapter number, title) of every chapter showing the medium; number 0 is the cover."""
    with pkg.session() as s:
        out = [
            (int(pos) + 1, title)
            for pos, title in s.execute(
                select(ChapterRow.position, ChapterRow.title)
                .join(ChapterMediaRow, ChapterMediaRow.chapter_id == ChapterRow.id)
                .where(ChapterMediaRow.media_id == media_id)
                .order_by(ChapterRow.position)
            )
        ]
        story = s.get(StoryRow, 1)
        if story is not None and story.cover_media_id == media_id:
            out.insert(0, (0, "Cover"))
        return out


@dataclass(frozen=True)
class MediaSnapshot:
    """A medium with its bytes and renditions, to bring it back after an undone import."""

    fields: dict[str, object]
    data: bytes
    renditions: tuple[tuple[str, str, bytes], ...]


_MEDIA_COLUMNS = (
    "id",
    "kind",
    "mime",
    "size",
    "width",
    "height",
    "duration_s",
    "caption",
    "credit",
    "alt",
    "licence",
    "transcript",
    "original_name",
    "removed_metadata_json",
)


def snapshot_media(pkg: Package, media_id: MediaId) -> MediaSnapshot:
    with pkg.session() as s:
        row = s.get(MediaRow, media_id)
        if row is None:
            raise NotFoundError(f"no medium {media_id}")
        fields = {c: getattr(row, c) for c in _MEDIA_COLUMNS}
        rends = tuple(
            (r.name, r.mime, bytes(r.data))
            for r in s.scalars(select(RenditionRow).where(RenditionRow.media_id == media_id))
        )
        return MediaSnapshot(fields=fields, data=bytes(row.data), renditions=rends)


def delete_media(pkg: Package, media_id: MediaId) -> None:
    """Remove a medium no chapter shows any more (links must be gone first)."""
    writable(pkg)
    with pkg.session(write=True) as s:
        s.execute(delete(RenditionRow).where(RenditionRow.media_id == media_id))
        s.execute(
            update(StoryRow).where(StoryRow.cover_media_id == media_id).values(cover_media_id=None)
        )
        s.execute(delete(MediaRow).where(MediaRow.id == media_id))
        s.execute(delete(Meta).where(Meta.key == audio_key(media_id)))


def restore_media(pkg: Package, snap: MediaSnapshot) -> MediaId:
    writable(pkg)
    with pkg.session(write=True) as s:
        mid = MediaId(str(snap.fields["id"]))
        if s.get(MediaRow, mid) is None:
            s.add(MediaRow(**snap.fields, data=snap.data))
            s.flush()
            for name, mime, data in snap.renditions:
                s.merge(RenditionRow(media_id=mid, name=name, mime=mime, data=data))
        return mid


def replace_links(pkg: Package, old_id: MediaId, new_id: MediaId) -> None:
    """Point every chapter (and the cover) that shows ``old_id`` at ``new_id``."""
    writable(pkg)
    with pkg.session(write=True) as s:
        s.execute(
            update(ChapterMediaRow)
            .where(ChapterMediaRow.media_id == old_id)
            .values(media_id=new_id)
        )
        s.execute(
            update(StoryRow).where(StoryRow.cover_media_id == old_id).values(cover_media_id=new_id)
        )


# -- a chapter's media ------------------------------------------------------------------------
def chapter_media(pkg: Package, chapter_id: ChapterId) -> list[MediaInfo]:
    """The media chapter ``chapter_id`` shows, in order."""
    with pkg.session() as s:
        # a link to a medium that is not there (a stranger's file) is read past; validate names it
        return [media_info(lk.media) for lk in chapter_row(s, chapter_id).links if lk.media]


def chapter_media_ids(pkg: Package, chapter_id: ChapterId) -> list[MediaId]:
    """The ids of the media chapter ``chapter_id`` shows, in order (no rows loaded)."""
    with pkg.session() as s:
        return [
            MediaId(m)
            for m in s.scalars(
                select(ChapterMediaRow.media_id)
                .where(ChapterMediaRow.chapter_id == chapter_id)
                .order_by(ChapterMediaRow.position)
            )
        ]


def set_chapter_media(pkg: Package, chapter_id: ChapterId, media_ids: list[MediaId]) -> None:
    """Make the chapter show exactly ``media_ids`` in that order (reorder, link, unlink)."""
    writable(pkg)
    with pkg.session(write=True) as s:
        chapter_row(s, chapter_id)
        s.execute(delete(ChapterMediaRow).where(ChapterMediaRow.chapter_id == chapter_id))
        for i, mid in enumerate(media_ids, start=1):
            if s.get(MediaRow, mid) is None:
                raise NotFoundError(f"no medium {mid}")
            s.add(ChapterMediaRow(chapter_id=chapter_id, media_id=mid, position=i))


def append_media(pkg: Package, chapter_id: ChapterId, media_id: MediaId) -> None:
    """Add a stored medium at the end of a chapter found by its id (stable while chapters move)."""
    writable(pkg)
    with pkg.session(write=True) as s:
        chapter_row(s, chapter_id)
        if s.get(MediaRow, media_id) is None:
            raise NotFoundError(f"no medium {media_id}")
        last = s.scalar(
            select(func.max(ChapterMediaRow.position)).where(
                ChapterMediaRow.chapter_id == chapter_id
            )
        )
        s.add(ChapterMediaRow(chapter_id=chapter_id, media_id=media_id, position=(last or 0) + 1))
