"""Chapters: adding, moving, removing and restoring them, their text and their places.

Chapters are addressed by their stable ``ChapterId`` (a number changes when
chapters move); a number typed by a person becomes an id at the edge through
:func:`chapter_id_at`. Every editor action must be reversible (the undo steps
in ``ui/editor/undo.py``), so removing a chapter hands back a snapshot that
:func:`restore_chapter` puts back with the same id. One transaction per call;
no Qt here.

Reordering touches only the rows between the two positions (three bulk
UPDATEs), so moving a chapter in a 1,000-chapter story stays in milliseconds.
A chapter's media links live in ``story.editing.media``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from story.dates import normalize_date
from story.editing import check_texts, writable
from story.errors import NotFoundError
from story.ids import ChapterId, MapId, MediaId, PlaceId
from story.package.file import Package
from story.package.schema import ChapterMediaRow, ChapterRow, PlaceRow
from story.reading import place_info
from story.records import ChapterSummary, Place

#: The chapter fields :func:`set_chapter_text` changes.
TEXT_FIELDS = ("title", "summary", "body_md")


def chapter_row(s: Session, chapter_id: ChapterId) -> ChapterRow:
    """The chapter's row in session ``s``, or NotFoundError (for this package's write modules)."""
    row = s.get(ChapterRow, chapter_id)
    if row is None:
        raise NotFoundError(f"there is no chapter with id {chapter_id}")
    return row


# -- chapters -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChapterSnapshot:
    """Everything a chapter is, to put it back after a delete (same id, same place, same media)."""

    id: ChapterId | None
    title: str
    summary: str = ""
    body_md: str = ""
    place: Place | None = None
    media: tuple[MediaId, ...] = ()
    date: str | None = None


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
                PlaceRow.x,
                PlaceRow.y,
                ChapterRow.date,
            )
            .outerjoin(PlaceRow, ChapterRow.place_id == PlaceRow.id)
            .order_by(ChapterRow.position)
        ).all()
        return [
            ChapterSummary(
                index=i,
                id=ChapterId(r[0]),
                title=r[1],
                summary=r[2],
                place=(
                    Place(r[3], r[4], r[5], MapId(r[6]) if r[6] is not None else None, r[7], r[8])
                    if r[3] is not None
                    else None
                ),
                date=r[9],
            )
            for i, r in enumerate(rows, start=1)
        ]


def chapter_index(pkg: Package, chapter_id: ChapterId) -> int:
    """The 1-based story number of chapter ``chapter_id``."""
    with pkg.session() as s:
        return _position(s, chapter_id) + 1


def chapter_id_at(pkg: Package, number: int) -> ChapterId:
    """The id of chapter number ``number`` (1-based, as a person counts): ids at the edge."""
    with pkg.session() as s:
        cid = s.scalar(select(ChapterRow.id).where(ChapterRow.position == number - 1))
        if cid is None:
            raise NotFoundError(f"there is no chapter {number}")
        return ChapterId(int(cid))


def chapter_text(pkg: Package, chapter_id: ChapterId) -> dict[str, str]:
    with pkg.session() as s:
        row = s.execute(
            select(ChapterRow.title, ChapterRow.summary, ChapterRow.body_md).where(
                ChapterRow.id == chapter_id
            )
        ).first()
        if row is None:
            raise NotFoundError(f"there is no chapter with id {chapter_id}")
        return {"title": row[0], "summary": row[1], "body_md": row[2]}


def set_chapter_date(pkg: Package, chapter_id: ChapterId, date: str | None) -> None:
    """Date a chapter (ISO 8601, ``story.dates``) or, with None or blank, undate it."""
    value = normalize_date(date)  # DateError before anything is written
    writable(pkg)
    with pkg.session(write=True) as s:
        chapter_row(s, chapter_id).date = value


def chapter_date(pkg: Package, chapter_id: ChapterId) -> str | None:
    with pkg.session() as s:
        return chapter_row(s, chapter_id).date


def set_chapter_text(pkg: Package, chapter_id: ChapterId, **fields: str) -> None:
    """Change a chapter's ``title``, ``summary`` and/or ``body_md``."""
    bad = set(fields) - set(TEXT_FIELDS)
    if bad:
        raise ValueError(f"not editable: {', '.join(sorted(bad))}")
    writable(pkg)
    check_texts(**fields)
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


def _position(s: Session, chapter_id: ChapterId) -> int:
    pos = s.scalar(select(ChapterRow.position).where(ChapterRow.id == chapter_id))
    if pos is None:
        raise NotFoundError(f"there is no chapter with id {chapter_id}")
    return int(pos)


def _count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(ChapterRow)) or 0)


def _set_position(s: Session, chapter_id: ChapterId, position: int) -> None:
    s.execute(
        update(ChapterRow)
        .where(ChapterRow.id == chapter_id)
        .values(position=position)
        .execution_options(**_FAST)
    )


def move_chapter(pkg: Package, chapter_id: ChapterId, to_index: int) -> None:
    """Move a chapter to number ``to_index`` (1-based); only the rows in between change."""
    writable(pkg)
    with pkg.session(write=True) as s:
        src = _position(s, chapter_id)
        count = _count(s)
        if not 1 <= to_index <= count:
            raise NotFoundError(f"chapters are numbered 1 to {count}")
        dst = to_index - 1
        if src == dst:
            return
        _set_position(s, chapter_id, -1)
        if src < dst:
            _shift(s, src + 1, dst, -1)
        else:
            _shift(s, dst, src - 1, +1)
        _set_position(s, chapter_id, dst)


def snapshot_chapter(pkg: Package, chapter_id: ChapterId) -> ChapterSnapshot:
    with pkg.session() as s:
        row = chapter_row(s, chapter_id)
        return ChapterSnapshot(
            id=ChapterId(row.id),
            title=row.title,
            summary=row.summary,
            body_md=row.body_md,
            place=place_info(row.place),
            media=tuple(MediaId(lk.media_id) for lk in row.links),
            date=row.date,
        )


def new_chapter(
    title: str,
    *,
    summary: str = "",
    body_md: str = "",
    place: Place | tuple[str, float, float] | None = None,
    map_id: MapId | None = None,
    date: str | None = None,
    media: tuple[MediaId, ...] = (),
) -> ChapterSnapshot:
    """A new chapter's snapshot (no id yet), its texts and date checked before anything is written.

    ``place`` is a :class:`Place`, or ``(name, lat, lon)`` on the geographic map ``map_id``.
    """
    check_texts(title=title, summary=summary, body_md=body_md)
    if isinstance(place, tuple):
        place = Place.geo(place[0], place[1], place[2], map_id)
    return ChapterSnapshot(None, title, summary, body_md, place, media, normalize_date(date))


def add_chapter(
    pkg: Package,
    title: str,
    *,
    summary: str = "",
    body_md: str = "",
    place: Place | tuple[str, float, float] | None = None,
    map_id: MapId | None = None,
    at: int | None = None,
    date: str | None = None,
) -> ChapterId:
    """Add a chapter as number ``at`` (1-based, default: last) and return its id.

    ``place`` is a :class:`Place`, or ``(name, lat, lon)`` on the geographic map ``map_id``.
    """
    snap = new_chapter(
        title, summary=summary, body_md=body_md, place=place, map_id=map_id, date=date
    )
    return restore_chapter(pkg, snap, at)


def restore_chapter(pkg: Package, snap: ChapterSnapshot, at: int | None = None) -> ChapterId:
    """Insert ``snap`` as chapter number ``at`` (1-based, default: last), keeping its id if
    it has one; the number is read in the same transaction, so concurrent adds keep order."""
    writable(pkg)
    with pkg.session(write=True) as s:
        return insert_chapter(s, snap, at)


def insert_chapter(s: Session, snap: ChapterSnapshot, at: int | None = None) -> ChapterId:
    """:func:`restore_chapter` inside the write session ``s`` (a build adds all its chapters
    in one). Constant work at the end: the last position comes from the unique index on
    ``position`` (no count, no rows loaded); an insertion renumbers only the rows after it."""
    last = s.scalar(select(func.max(ChapterRow.position)))
    end = 0 if last is None else int(last) + 1
    pos = end if at is None else max(0, min(end, at - 1))
    _shift(s, pos, end - 1, +1)  # nothing to shift when appending
    place_id = None
    if snap.place is not None:
        p = snap.place
        place_id = s.scalar(
            insert(PlaceRow)
            .values(name=p.name, lat=p.lat, lon=p.lon, x=p.x, y=p.y, map_id=p.map_id)
            .returning(PlaceRow.id)
        )
    values: dict[str, object] = {
        "position": pos,
        "title": snap.title,
        "summary": snap.summary,
        "body_md": snap.body_md,
        "date": snap.date,
        "place_id": place_id,
    }
    if snap.id is not None:
        values["id"] = snap.id
    cid = ChapterId(s.scalars(insert(ChapterRow).values(**values).returning(ChapterRow.id)).one())
    if snap.media:
        s.execute(
            insert(ChapterMediaRow),
            [
                {"chapter_id": cid, "media_id": mid, "position": i}
                for i, mid in enumerate(snap.media, start=1)
            ],
        )
    return cid


def remove_chapter(pkg: Package, chapter_id: ChapterId) -> ChapterSnapshot:
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
        if place_id is not None and not _place_shared(s, PlaceId(place_id)):
            s.execute(delete(PlaceRow).where(PlaceRow.id == place_id).execution_options(**_FAST))
        _shift(s, pos + 1, count - 1, -1)
    return snap


# -- places ---------------------------------------------------------------------------------
def _place_shared(s: Session, place_id: PlaceId, but: ChapterId | None = None) -> bool:
    q = select(func.count()).select_from(ChapterRow).where(ChapterRow.place_id == place_id)
    if but is not None:
        q = q.where(ChapterRow.id != but)
    return bool(s.scalar(q))


def _place_row(p: Place) -> PlaceRow:
    return PlaceRow(name=p.name, lat=p.lat, lon=p.lon, x=p.x, y=p.y, map_id=p.map_id)


def set_place(pkg: Package, chapter_id: ChapterId, place: Place | None) -> None:
    """Put a chapter at ``place`` (its own place row is updated or made), or clear it."""
    writable(pkg)
    with pkg.session(write=True) as s:
        row = chapter_row(s, chapter_id)
        old = row.place
        shared = old is not None and _place_shared(s, PlaceId(old.id), but=chapter_id)
        if place is None:
            row.place = None
            s.flush()
            if old is not None and not shared:
                s.delete(old)
        elif old is None or shared:
            row.place = _place_row(place)
        else:
            old.name, old.map_id = place.name, place.map_id
            old.lat, old.lon, old.x, old.y = place.lat, place.lon, place.x, place.y


def get_place(pkg: Package, chapter_id: ChapterId) -> Place | None:
    with pkg.session() as s:
        return place_info(chapter_row(s, chapter_id).place)
