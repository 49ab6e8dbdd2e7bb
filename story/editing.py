"""Storage operations the curator's editor needs beyond ``story.writing``.

Why a module of its own: the editor addresses chapters by their stable row id
(a number changes when chapters move), and every action must be reversible
(``QUndoCommand`` in ``ui/editor/commands.py``), so deletions hand back a
snapshot that ``restore_*`` puts back with the same ids. One transaction per
call, like ``story.writing``; no Qt here.

Reordering touches only the rows between the two positions (three bulk
UPDATEs), so moving a chapter in a 1,000-chapter story stays in milliseconds.

Audio edits (trim, fades) are parameters, never applied to the master: they
live in the ``meta`` table under ``audio-edit:<first 52 hex of the id>`` as
JSON, so every Storyport build (and ``story.guard``) opens the file unchanged.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from story.errors import NotFoundError, PackageError
from story.package import Package
from story.reading import _place, media_info
from story.records import ChapterSummary, MediaInfo, Place
from story.schema import (
    ChapterMediaRow,
    ChapterRow,
    MapRow,
    MediaRow,
    Meta,
    PlaceRow,
    RenditionRow,
    StoryRow,
)

TEXT_FIELDS = ("title", "summary", "body_md")
MEDIA_TEXT_FIELDS = ("caption", "credit", "alt", "licence", "transcript")
AUDIO_EDIT_PREFIX = "audio-edit:"


def _writable(pkg: Package) -> None:
    if pkg.readonly:
        raise PackageError(pkg.path, "is open read-only")


def _chapter(s: Session, chapter_id: int) -> ChapterRow:
    row = s.get(ChapterRow, chapter_id)
    if row is None:
        raise NotFoundError(f"there is no chapter with id {chapter_id}")
    return row


# -- chapters -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChapterSnapshot:
    """Everything a chapter is, to put it back after a delete (same id, same place, same media)."""

    id: int | None
    title: str
    summary: str = ""
    body_md: str = ""
    place: Place | None = None
    media: tuple[str, ...] = ()


def chapter_summaries(pkg: Package) -> list[ChapterSummary]:
    """All chapters in order, with one plain-column query and no media (the editor's list)."""
    with pkg.session() as s:
        rows = s.execute(
            select(
                ChapterRow.id,
                ChapterRow.title,
                ChapterRow.summary,
                PlaceRow.name,
                PlaceRow.lat,
                PlaceRow.lon,
                PlaceRow.map_id,
            )
            .outerjoin(PlaceRow, ChapterRow.place_id == PlaceRow.id)
            .order_by(ChapterRow.position)
        ).all()
        return [
            ChapterSummary(
                index=i,
                id=r[0],
                title=r[1],
                summary=r[2],
                place=Place(r[3], r[4], r[5], r[6]) if r[3] is not None else None,
            )
            for i, r in enumerate(rows, start=1)
        ]


def chapter_index(pkg: Package, chapter_id: int) -> int:
    """The 1-based story number of chapter ``chapter_id``."""
    with pkg.session() as s:
        return _position(s, chapter_id) + 1


def chapter_id_at(pkg: Package, index: int) -> int:
    with pkg.session() as s:
        cid = s.scalar(select(ChapterRow.id).where(ChapterRow.position == index - 1))
        if cid is None:
            raise NotFoundError(f"there is no chapter {index}")
        return int(cid)


def chapter_text(pkg: Package, chapter_id: int) -> dict[str, str]:
    with pkg.session() as s:
        row = s.execute(
            select(ChapterRow.title, ChapterRow.summary, ChapterRow.body_md).where(
                ChapterRow.id == chapter_id
            )
        ).first()
        if row is None:
            raise NotFoundError(f"there is no chapter with id {chapter_id}")
        return {"title": row[0], "summary": row[1], "body_md": row[2]}


def set_chapter_text(pkg: Package, chapter_id: int, **fields: str) -> None:
    """Change a chapter's ``title``, ``summary`` and/or ``body_md``."""
    bad = set(fields) - set(TEXT_FIELDS)
    if bad:
        raise ValueError(f"not editable: {', '.join(sorted(bad))}")
    _writable(pkg)
    with pkg.session() as s:
        done = s.execute(update(ChapterRow).where(ChapterRow.id == chapter_id).values(**fields))
        if not done.rowcount:  # type: ignore[attr-defined]
            raise NotFoundError(f"there is no chapter with id {chapter_id}")


_FAST = {"synchronize_session": False}  # plain statements: nothing is loaded to keep in sync


def _shift(s: Session, first: int, last: int, delta: int) -> None:
    """Add ``delta`` to the positions first..last, never colliding with the unique index."""
    if first > last:
        return
    s.execute(
        update(ChapterRow)
        .where(ChapterRow.position.between(first, last))
        .values(position=-ChapterRow.position - 10)
        .execution_options(**_FAST)
    )
    s.execute(
        update(ChapterRow)
        .where(ChapterRow.position <= -10)
        .values(position=-ChapterRow.position - 10 + delta)
        .execution_options(**_FAST)
    )


def _position(s: Session, chapter_id: int) -> int:
    pos = s.scalar(select(ChapterRow.position).where(ChapterRow.id == chapter_id))
    if pos is None:
        raise NotFoundError(f"there is no chapter with id {chapter_id}")
    return int(pos)


def _count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(ChapterRow)) or 0)


def _set_position(s: Session, chapter_id: int, position: int) -> None:
    s.execute(
        update(ChapterRow)
        .where(ChapterRow.id == chapter_id)
        .values(position=position)
        .execution_options(**_FAST)
    )


def move_chapter(pkg: Package, chapter_id: int, to_index: int) -> None:
    """Move a chapter to number ``to_index`` (1-based); only the rows in between change."""
    _writable(pkg)
    with pkg.session() as s:
        src = _position(s, chapter_id)
        dst = max(0, min(_count(s) - 1, to_index - 1))
        if src == dst:
            return
        _set_position(s, chapter_id, -1)
        if src < dst:
            _shift(s, src + 1, dst, -1)
        else:
            _shift(s, dst, src - 1, +1)
        _set_position(s, chapter_id, dst)


def snapshot_chapter(pkg: Package, chapter_id: int) -> ChapterSnapshot:
    with pkg.session() as s:
        row = _chapter(s, chapter_id)
        return ChapterSnapshot(
            id=row.id,
            title=row.title,
            summary=row.summary,
            body_md=row.body_md,
            place=_place(row.place),
            media=tuple(lk.media_id for lk in row.links),
        )


def restore_chapter(pkg: Package, snap: ChapterSnapshot, at: int) -> int:
    """Insert ``snap`` as chapter number ``at`` (1-based), keeping its id if it has one."""
    _writable(pkg)
    with pkg.session() as s:
        count = _count(s)
        pos = max(0, min(count, at - 1))
        _shift(s, pos, count - 1, +1)
        row = ChapterRow(position=pos, title=snap.title, summary=snap.summary, body_md=snap.body_md)
        if snap.id is not None:
            row.id = snap.id
        if snap.place is not None:
            p = snap.place
            row.place = PlaceRow(name=p.name, lat=p.lat, lon=p.lon, map_id=p.map_id)
        s.add(row)
        s.flush()
        for i, mid in enumerate(snap.media, start=1):
            s.add(ChapterMediaRow(chapter_id=row.id, media_id=mid, position=i))
        return int(row.id)


def delete_chapter(pkg: Package, chapter_id: int) -> ChapterSnapshot:
    """Remove a chapter (its links and its place) and hand back what ``restore_chapter`` needs."""
    snap = snapshot_chapter(pkg, chapter_id)
    _writable(pkg)
    with pkg.session() as s:
        pos = _position(s, chapter_id)
        place_id = s.scalar(select(ChapterRow.place_id).where(ChapterRow.id == chapter_id))
        count = _count(s)
        s.execute(
            delete(ChapterMediaRow)
            .where(ChapterMediaRow.chapter_id == chapter_id)
            .execution_options(**_FAST)
        )
        s.execute(delete(ChapterRow).where(ChapterRow.id == chapter_id).execution_options(**_FAST))
        if place_id is not None and not _place_shared(s, place_id):
            s.execute(delete(PlaceRow).where(PlaceRow.id == place_id).execution_options(**_FAST))
        _shift(s, pos + 1, count - 1, -1)
    return snap


# -- places ---------------------------------------------------------------------------------
def _place_shared(s: Session, place_id: int, but: int | None = None) -> bool:
    q = select(func.count()).select_from(ChapterRow).where(ChapterRow.place_id == place_id)
    if but is not None:
        q = q.where(ChapterRow.id != but)
    return bool(s.scalar(q))


def set_place(pkg: Package, chapter_id: int, place: Place | None) -> None:
    """Put a chapter at ``place`` (its own place row is updated or made), or clear it."""
    _writable(pkg)
    with pkg.session() as s:
        row = _chapter(s, chapter_id)
        old = row.place
        shared = old is not None and _place_shared(s, old.id, but=chapter_id)
        if place is None:
            row.place = None
            s.flush()
            if old is not None and not shared:
                s.delete(old)
        elif old is None or shared:
            row.place = PlaceRow(name=place.name, lat=place.lat, lon=place.lon, map_id=place.map_id)
        else:
            old.name, old.lat, old.lon, old.map_id = place.name, place.lat, place.lon, place.map_id


def get_place(pkg: Package, chapter_id: int) -> Place | None:
    with pkg.session() as s:
        return _place(_chapter(s, chapter_id).place)


# -- a chapter's media ------------------------------------------------------------------------
def chapter_media(pkg: Package, chapter_id: int) -> list[MediaInfo]:
    with pkg.session() as s:
        return [media_info(lk.media) for lk in _chapter(s, chapter_id).links]


def set_chapter_media(pkg: Package, chapter_id: int, media_ids: list[str]) -> None:
    """Make the chapter show exactly ``media_ids`` in that order (reorder, link, unlink)."""
    _writable(pkg)
    with pkg.session() as s:
        _chapter(s, chapter_id)
        s.execute(delete(ChapterMediaRow).where(ChapterMediaRow.chapter_id == chapter_id))
        for i, mid in enumerate(media_ids, start=1):
            if s.get(MediaRow, mid) is None:
                raise NotFoundError(f"no medium {mid}")
            s.add(ChapterMediaRow(chapter_id=chapter_id, media_id=mid, position=i))


def chapter_media_ids(pkg: Package, chapter_id: int) -> list[str]:
    with pkg.session() as s:
        return list(
            s.scalars(
                select(ChapterMediaRow.media_id)
                .where(ChapterMediaRow.chapter_id == chapter_id)
                .order_by(ChapterMediaRow.position)
            )
        )


# -- the media library ------------------------------------------------------------------------
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
    _writable(pkg)
    with pkg.session() as s:
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
    _writable(pkg)
    with pkg.session() as s:
        s.execute(delete(RenditionRow).where(RenditionRow.media_id == media_id))
        s.execute(
            update(StoryRow).where(StoryRow.cover_media_id == media_id).values(cover_media_id=None)
        )
        s.execute(delete(MediaRow).where(MediaRow.id == media_id))
        s.execute(delete(Meta).where(Meta.key == _audio_key(media_id)))


def restore_media(pkg: Package, snap: MediaSnapshot) -> str:
    _writable(pkg)
    with pkg.session() as s:
        mid = str(snap.fields["id"])
        if s.get(MediaRow, mid) is None:
            s.add(MediaRow(**snap.fields, data=snap.data))
            s.flush()
            for name, mime, data in snap.renditions:
                s.merge(RenditionRow(media_id=mid, name=name, mime=mime, data=data))
        return mid


def replace_links(pkg: Package, old_id: str, new_id: str) -> None:
    """Point every chapter (and the cover) that shows ``old_id`` at ``new_id``."""
    _writable(pkg)
    with pkg.session() as s:
        s.execute(
            update(ChapterMediaRow)
            .where(ChapterMediaRow.media_id == old_id)
            .values(media_id=new_id)
        )
        s.execute(
            update(StoryRow).where(StoryRow.cover_media_id == old_id).values(cover_media_id=new_id)
        )


# -- maps -----------------------------------------------------------------------------------
def remove_map(pkg: Package, map_id: int) -> None:
    """Remove a map nothing is placed on (the undo of adding one)."""
    _writable(pkg)
    with pkg.session() as s:
        s.execute(update(PlaceRow).where(PlaceRow.map_id == map_id).values(map_id=None))
        s.execute(delete(MapRow).where(MapRow.id == map_id))


# -- audio edits (non-destructive) --------------------------------------------------------------
@dataclass(frozen=True)
class AudioEdit:
    """How to play a recording: seconds cut at each end and fade lengths; the master is kept."""

    trim_start_s: float = 0.0
    trim_end_s: float = 0.0
    fade_in_s: float = 0.0
    fade_out_s: float = 0.0


def _audio_key(media_id: str) -> str:
    return AUDIO_EDIT_PREFIX + media_id[:52]  # the meta key column is 64 characters


def get_audio_edit(pkg: Package, media_id: str) -> AudioEdit:
    with pkg.session() as s:
        row = s.get(Meta, _audio_key(media_id))
        if row is None:
            return AudioEdit()
        try:
            raw = json.loads(row.value)
            return AudioEdit(**{k: max(0.0, float(raw.get(k, 0.0))) for k in asdict(AudioEdit())})
        except (ValueError, TypeError, AttributeError):
            return AudioEdit()


def set_audio_edit(pkg: Package, media_id: str, edit: AudioEdit) -> None:
    _writable(pkg)
    with pkg.session() as s:
        key = _audio_key(media_id)
        if edit == AudioEdit():
            s.execute(delete(Meta).where(Meta.key == key))
        else:
            s.merge(Meta(key=key, value=json.dumps(asdict(edit))))
