"""Identifying metadata left in stored media: find it, clean one medium, undo the cleaning.

Packages made before imports removed tags may hold photos with GPS positions
and recordings naming who made them. A medium's id is the SHA-256 of its
master, so cleaning one gives it a new id: the clean master is stored under
it and everything that named the old id follows (chapter links, the cover,
renditions, the audio edit in ``meta``, ``media:ID`` references in chapter
text and the about page); then the old row goes.

Two halves, so the slow one can run off the GUI thread::

    prepared = prepare_clean(pkg, media_id)   # reads and strips (ffmpeg): slow, no write
    done = apply_clean(pkg, prepared)         # one transaction
    undo_clean(pkg, done)                     # one transaction: ids and bytes as before
    apply_clean(pkg, prepared)                # redo

:func:`clean_medium` does both halves. :func:`identifying_words` is the
check ``validate`` uses, remembered by media id (an id names its bytes).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from media.ffmpeg_tools import ToolMissing
from media.identifying import MetadataError, identifying_metadata, strip_identifying
from story.editing import writable
from story.editing.audio import audio_key
from story.editing.media import MEDIA_TEXT_FIELDS, MediaSnapshot, snapshot_media
from story.editing.translations import move_media_translations
from story.errors import NotFoundError
from story.ids import ChapterId, MediaId
from story.package.file import Package
from story.package.schema import ChapterMediaRow, ChapterRow, MediaRow, Meta, RenditionRow, StoryRow
from story.text_refs import MIN_PREFIX, media_token, scan

__all__ = [
    "Cleaned",
    "PreparedClean",
    "apply_clean",
    "clean_medium",
    "dirty_media",
    "identifying_words",
    "prepare_clean",
    "undo_clean",
]

#: media id -> what it carries; ids name their bytes, so an answer never goes stale
_WORDS: dict[str, tuple[str, ...]] = {}


def identifying_words(media_id: str, data: bytes, mime: str) -> tuple[str, ...]:
    """What identifying metadata these bytes carry ((): clean, or not a photo/recording we read)."""
    if media_id not in _WORDS:
        try:
            _WORDS[media_id] = tuple(identifying_metadata(data, mime))
        except (MetadataError, ToolMissing):
            return ()  # damaged or unreadable here: other checks (and import) speak for it
    return _WORDS[media_id]


def _master(s: Session, media_id: str) -> tuple[bytes, str] | None:
    row = s.get(MediaRow, media_id)
    return None if row is None else (bytes(row.data), row.mime)


def dirty_media(pkg: Package) -> list[tuple[MediaId, tuple[str, ...]]]:
    """Every medium still carrying identifying metadata, with what it carries."""
    with pkg.session() as s:
        ids = list(s.scalars(select(MediaRow.id).order_by(MediaRow.original_name, MediaRow.id)))
    out: list[tuple[MediaId, tuple[str, ...]]] = []
    for mid in ids:
        if mid not in _WORDS:
            with pkg.session() as s:
                got = _master(s, mid)
            if got is None:
                continue
            identifying_words(mid, *got)
        words = _WORDS.get(mid, ())
        if words:
            out.append((MediaId(mid), words))
    return out


@dataclass(frozen=True)
class PreparedClean:
    """A medium's clean master and renditions, computed but not yet stored."""

    old_id: MediaId
    data: bytes
    removed: tuple[str, ...]
    renditions: tuple[tuple[str, str, bytes], ...]

    @property
    def new_id(self) -> MediaId:
        return MediaId(hashlib.sha256(self.data).hexdigest())


@dataclass(frozen=True)
class Cleaned:
    """What :func:`apply_clean` did, so :func:`undo_clean` can reverse it exactly."""

    prepared: PreparedClean
    old: MediaSnapshot  # the medium as it was, bytes and renditions
    new_existed: MediaSnapshot | None  # the clean bytes were already a medium: as it was
    links: tuple[tuple[ChapterId, int], ...]  # (chapter, position) that showed the old id
    cover: bool
    texts: tuple[tuple[ChapterId | None, str], ...]  # (chapter or None for about, text before)
    audio_edit: str | None  # the old id's audio edit (JSON)

    @property
    def old_id(self) -> MediaId:
        return self.prepared.old_id

    @property
    def new_id(self) -> MediaId:
        return self.prepared.new_id


def _clean_rendition(data: bytes, mime: str, master: bytes, clean: bytes) -> bytes:
    if data == master:  # a WAV played as imported: the delivery is the master itself
        return clean
    try:
        return strip_identifying(data, mime)[0]
    except MetadataError:  # peaks (JSON) and other non-media: nothing to clean
        return data


def prepare_clean(pkg: Package, media_id: MediaId) -> PreparedClean | None:
    """The clean master of ``media_id`` (None when it is already clean). Slow; writes nothing.

    Raises ``MetadataError`` when it cannot be cleaned losslessly.
    """
    with pkg.session() as s:
        got = _master(s, media_id)
        if got is None:
            raise NotFoundError(f"no medium {media_id}")
        rends = [
            (r.name, r.mime, bytes(r.data))
            for r in s.scalars(select(RenditionRow).where(RenditionRow.media_id == media_id))
        ]
    data, mime = got
    clean, removed = strip_identifying(data, mime)
    if not removed or clean == data:
        _WORDS[media_id] = ()
        return None
    cleaned = tuple((n, m, _clean_rendition(d, m, data, clean)) for n, m, d in rends)
    return PreparedClean(media_id, clean, tuple(removed), cleaned)


def _retarget(md: str, old_id: str, new_id: str, others: set[str]) -> str:
    """``md`` with every ``media:`` id (or prefix) of ``old_id`` pointing at ``new_id``."""
    tokens = set()
    for ref in scan(md):
        token = media_token(ref.target) if ref.kind == "image" else None
        if token and len(token) >= MIN_PREFIX and old_id.startswith(token.lower()):
            tokens.add(token)
    for token in sorted(tokens, key=len, reverse=True):
        short = new_id[: len(token)]
        if len(token) < 64 and any(o.startswith(short) for o in others):
            short = new_id  # the same length would be ambiguous
        pattern = re.compile(r"(?i)(media:\s*)" + re.escape(token) + r"(?![0-9a-f])")
        md = pattern.sub(lambda m: m.group(1) + short, md)  # noqa: B023 (used at once)
    return md


def apply_clean(pkg: Package, prep: PreparedClean) -> Cleaned:
    """Store the clean master and point everything at it; one transaction."""
    writable(pkg)
    old_id, new_id = prep.old_id, prep.new_id
    old = snapshot_media(pkg, old_id)
    existing = snapshot_media(pkg, new_id) if new_id in _ids(pkg, new_id) else None
    with pkg.session(write=True) as s:
        row = s.get(MediaRow, new_id)
        if row is None:
            fields = {k: v for k, v in old.fields.items() if k != "id"}
            removed = list(json.loads(str(fields.get("removed_metadata_json") or "[]")))
            fields["removed_metadata_json"] = json.dumps(
                removed + [w for w in prep.removed if w not in removed]
            )
            fields["size"] = len(prep.data)
            s.add(MediaRow(id=new_id, **fields, data=prep.data))
            s.flush()
            for name, mime, data in prep.renditions:
                s.merge(RenditionRow(media_id=new_id, name=name, mime=mime, data=data))
        else:
            for f in MEDIA_TEXT_FIELDS:
                if not getattr(row, f) and old.fields.get(f):
                    setattr(row, f, old.fields[f])
        links = tuple(
            (ChapterId(c), int(p))
            for c, p in s.execute(
                select(ChapterMediaRow.chapter_id, ChapterMediaRow.position).where(
                    ChapterMediaRow.media_id == old_id
                )
            )
        )
        s.execute(
            update(ChapterMediaRow)
            .where(ChapterMediaRow.media_id == old_id)
            .values(media_id=new_id)
        )
        story = s.get(StoryRow, 1)
        cover = story is not None and story.cover_media_id == old_id
        if story is not None and cover:
            story.cover_media_id = new_id
        others = {m for m in s.scalars(select(MediaRow.id)) if m not in (old_id, new_id)}
        texts: list[tuple[ChapterId | None, str]] = []
        for ch in s.scalars(select(ChapterRow).where(ChapterRow.body_md.like("%media:%"))):
            after = _retarget(ch.body_md, old_id, new_id, others)
            if after != ch.body_md:
                texts.append((ChapterId(ch.id), ch.body_md))
                ch.body_md = after
        if story is not None and "media:" in story.about_md:
            after = _retarget(story.about_md, old_id, new_id, others)
            if after != story.about_md:
                texts.append((None, story.about_md))
                story.about_md = after
        edit = s.get(Meta, audio_key(old_id))
        audio_edit = edit.value if edit is not None else None
        if edit is not None:
            s.delete(edit)
            s.merge(Meta(key=audio_key(new_id), value=audio_edit))
        if existing is None:  # its translations follow it (format 4)
            move_media_translations(s, old_id, new_id)
        s.flush()
        s.execute(delete(RenditionRow).where(RenditionRow.media_id == old_id))
        s.execute(delete(MediaRow).where(MediaRow.id == old_id))
    _WORDS[new_id] = ()
    return Cleaned(prep, old, existing, links, cover, tuple(texts), audio_edit)


def _ids(pkg: Package, *ids: str) -> set[str]:
    with pkg.session() as s:
        return set(s.scalars(select(MediaRow.id).where(MediaRow.id.in_(ids))))


def undo_clean(pkg: Package, done: Cleaned) -> None:
    """Put the medium back as it was before :func:`apply_clean`; one transaction."""
    writable(pkg)
    old_id, new_id = done.old_id, done.new_id
    with pkg.session(write=True) as s:
        s.add(MediaRow(**done.old.fields, data=done.old.data))
        s.flush()
        for name, mime, data in done.old.renditions:
            s.merge(RenditionRow(media_id=old_id, name=name, mime=mime, data=data))
        for chapter_id, position in done.links:
            s.execute(
                update(ChapterMediaRow)
                .where(
                    ChapterMediaRow.chapter_id == chapter_id,
                    ChapterMediaRow.position == position,
                )
                .values(media_id=old_id)
            )
        story = s.get(StoryRow, 1)
        if story is not None and done.cover:
            story.cover_media_id = old_id
        for where, text in done.texts:
            if where is None:
                if story is not None:
                    story.about_md = text
            else:
                s.execute(update(ChapterRow).where(ChapterRow.id == where).values(body_md=text))
        if done.audio_edit is not None:
            s.execute(delete(Meta).where(Meta.key == audio_key(new_id)))
            s.merge(Meta(key=audio_key(old_id), value=done.audio_edit))
        if done.new_existed is None:
            move_media_translations(s, new_id, old_id)
        s.flush()
        if done.new_existed is None:
            s.execute(delete(RenditionRow).where(RenditionRow.media_id == new_id))
            s.execute(delete(MediaRow).where(MediaRow.id == new_id))
        else:
            s.execute(
                update(MediaRow)
                .where(MediaRow.id == new_id)
                .values(**{f: done.new_existed.fields[f] for f in MEDIA_TEXT_FIELDS})
            )


def clean_medium(pkg: Package, media_id: MediaId) -> Cleaned | None:
    """Clean one medium in place (None when it was clean); :func:`undo_clean` reverses it."""
    prep = prepare_clean(pkg, media_id)
    return None if prep is None else apply_clean(pkg, prep)
