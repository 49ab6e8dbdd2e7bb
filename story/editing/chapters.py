"""Storage operations the curator's editor needs beyond ``story.writing``.

Why a module of its own: the editor addresses chapters by their stable row id
(a number changes when chapters move), and every action must be reversible
(``QUndoCommand`` in ``ui/editor/commands.py``), so deletions hand back a
snapshot that ``restore_*`` puts back with the same ids. One transaction per
call, like ``story.writing``; no Qt here.

Reordering touches only the rows between the two positions (three bulk
UPDATEs), so moving a chapter in a 1,000-chapter story stays in milliseconds.

Audio edits (trim, fades) live in ``story.audio_edits``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from story.errors import NotFoundError, PackageError
from story.package.file import Package
from story.package.schema import (
    ChapterMediaRow,
    ChapterRow,
    MapRow,
    MediaRow,
    PlaceRow,
)
from story.reading import _place, media_info
from story.records import ChapterSummary, MediaInfo, Place

TEXT_FIELDS = ("title", "summary", "body_md")
MEDIA_TEXT_FIELDS = ("caption", "credit", "alt", "licence", "transcript")


def writable(pkg: Package) -> None:
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
    writable(pkg)
    with pkg.session(write=True) as s:
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
    writable(pkg)
    with pkg.session(write=True) as s:
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
    writable(pkg)
    with pkg.session(write=True) as s:
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
    writable(pkg)
    with pkg.session(write=True) as s:
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
    writable(pkg)
    with pkg.session(write=True) as s:
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
    writable(pkg)
    with pkg.session(write=True) as s:
        _chapter(s, chapter_id)
        s.execute(delete(ChapterMediaRow).where(ChapterMediaRow.chapter_id == chapter_id))
        for i, mid in enumerate(media_ids, start=1):
            if s.get(MediaRow, mid) is None:
                raise NotFoundError(f"no medium {mid}")
            s.add(ChapterMediaRow(chapter_id=chapter_id, media_id=mid, position=i))


def append_media(pkg: Package, chapter_id: int, media_id: str) -> None:
    """Add a stored medium at the end of a chapter found by its id (stable while chapters move)."""
    writable(pkg)
    with pkg.session(write=True) as s:
        _chapter(s, chapter_id)
        if s.get(MediaRow, media_id) is None:
            raise NotFoundError(f"no medium {media_id}")
        last = s.scalar(
            select(func.max(ChapterMediaRow.position)).where(
                ChapterMediaRow.chapter_id == chapter_id
            )
        )
        s.add(ChapterMediaRow(chapter_id=chapter_id, media_id=media_id, position=(last or 0) + 1))


def chapter_media_ids(pkg: Package, chapter_id: int) -> list[str]:
    with pkg.session() as s:
        return list(
            s.scalars(
                select(ChapterMediaRow.media_id)
                .where(ChapterMediaRow.chapter_id == chapter_id)
                .order_by(ChapterMediaRow.position)
            )
        )


# -- maps -----------------------------------------------------------------------------------
def remove_map(pkg: Package, map_id: int) -> None:
    """Remove a map nothing is placed on (the undo of adding one)."""
    writable(pkg)
    with pkg.session(write=True) as s:
        s.execute(update(PlaceRow).where(PlaceRow.map_id == map_id).values(map_id=None))
        s.execute(delete(MapRow).where(MapRow.id == map_id))
