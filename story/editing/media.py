"""The editor's operations on the media library: pages for lazy lists, texts,
where a medium is used, and delete/restore by snapshot for undo.

Split from ``story.editing`` (chapters and places) to keep each module small;
the same one-transaction-per-call style, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from story.editing.audio import audio_key
from story.editing.chapters import MEDIA_TEXT_FIELDS, writable
from story.errors import NotFoundError
from story.package.file import Package
from story.package.schema import ChapterMediaRow, ChapterRow, MediaRow, Meta, RenditionRow, StoryRow
from story.reading import media_info
from story.records import MediaInfo


def media_count(pkg: Package) -> int:
    with pkg.session() as s:
        return int(s.scalar(select(func.count()).select_from(MediaRow)) or 0)


def media_ids(pkg: Package) -> set[str]:
    with pkg.session() as s:
        return set(s.scalars(select(MediaRow.id)))


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


def get_media(pkg: Package, media_id: str) -> MediaInfo:
    with pkg.session() as s:
        row = s.get(MediaRow, media_id)
        if row is None:
            raise NotFoundError(f"no medium {media_id}")
        return media_info(row)


def media_text(pkg: Package, media_id: str) -> dict[str, str]:
    m = get_media(pkg, media_id)
    return {f: getattr(m, f) for f in MEDIA_TEXT_FIELDS}


def set_media_text(pkg: Package, media_id: str, **fields: str) -> None:
    bad = set(fields) - set(MEDIA_TEXT_FIELDS)
    if bad:
        raise ValueError(f"not editable: {', '.join(sorted(bad))}")
    writable(pkg)
    with pkg.session(write=True) as s:
        s.execute(update(MediaRow).where(MediaRow.id == media_id).values(**fields))


def where_used(pkg: Package, media_id: str) -> list[tuple[int, str]]:
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


def snapshot_media(pkg: Package, media_id: str) -> MediaSnapshot:
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


def delete_media(pkg: Package, media_id: str) -> None:
    """Remove a medium no chapter shows any more (links must be gone first)."""
    writable(pkg)
    with pkg.session(write=True) as s:
        s.execute(delete(RenditionRow).where(RenditionRow.media_id == media_id))
        s.execute(
            update(StoryRow).where(StoryRow.cover_media_id == media_id).values(cover_media_id=None)
        )
        s.execute(delete(MediaRow).where(MediaRow.id == media_id))
        s.execute(delete(Meta).where(Meta.key == audio_key(media_id)))


def restore_media(pkg: Package, snap: MediaSnapshot) -> str:
    writable(pkg)
    with pkg.session(write=True) as s:
        mid = str(snap.fields["id"])
        if s.get(MediaRow, mid) is None:
            s.add(MediaRow(**snap.fields, data=snap.data))
            s.flush()
            for name, mime, data in snap.renditions:
                s.merge(RenditionRow(media_id=mid, name=name, mime=mime, data=data))
        return mid


def replace_links(pkg: Package, old_id: str, new_id: str) -> None:
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
