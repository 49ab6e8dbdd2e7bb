"""Writing translations of the story's texts (format 4): set, clear, restore, drop a language.

Each translation records the hash of the original text it was made from
(``story.translations.source_hash``), taken from the package when it is set:
a later change to the original makes it *out of date* until it is set again.
Reading is in ``story.translations``.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from story.editing import check_texts, writable
from story.errors import NotFoundError, StoryError
from story.package.file import Package
from story.package.guard import LANGUAGE_TAG
from story.package.schema import ChapterRow, MediaRow, PlaceRow, StoryRow, TranslationRow
from story.translations import FIELDS, TextKey, source_hash

_ROWS = {"story": StoryRow, "chapter": ChapterRow, "media": MediaRow, "place": PlaceRow}


def check_language(pkg: Package, language: str) -> None:
    """Refuse a tag the open checks would refuse, and the story's own original language."""
    if not LANGUAGE_TAG.fullmatch(language):
        raise StoryError(
            f"{language[:40]!r} is not a language tag (e.g. 'kk', 'ru', 'zh-Hans', 'pt-BR')"
        )
    with pkg.session() as s:
        story = s.get(StoryRow, 1)
    if story is not None and story.language.lower() == language.lower():
        raise StoryError(f"{language!r} is the story's original language; edit the story itself")


def _original(s: Session, key: TextKey) -> str:
    if key.kind not in FIELDS or key.field not in FIELDS[key.kind]:
        raise StoryError(f"{key.kind} {key.field!r} is not a text that can be translated")
    row_type = _ROWS[key.kind]
    ident: object = key.item_id
    if key.kind != "media":
        if not key.item_id.isdigit():
            raise NotFoundError(f"no {key.kind} {key.item_id!r}")
        ident = int(key.item_id)
    row = s.get(row_type, ident)
    if row is None:
        raise NotFoundError(f"no {key.kind} {key.item_id}")
    return str(getattr(row, key.field))


def _put(s: Session, language: str, key: TextKey, text: str, made_from: str) -> None:
    row = s.get(TranslationRow, (language, key.kind, key.item_id, key.field))
    if row is None:
        s.add(
            TranslationRow(
                language=language,
                kind=key.kind,
                item_id=key.item_id,
                field=key.field,
                text=text,
                source_hash=made_from,
            )
        )
    else:
        row.text, row.source_hash = text, made_from


def _remove(s: Session, language: str, key: TextKey) -> None:
    row = s.get(TranslationRow, (language, key.kind, key.item_id, key.field))
    if row is not None:
        s.delete(row)


def set_translation(pkg: Package, language: str, key: TextKey, text: str) -> None:
    """``key``'s text in ``language``, made from the original as it is now (so up to date).

    An empty text clears the translation (the reader then shows the original).
    """
    set_translations(pkg, language, {key: text})


def set_translations(pkg: Package, language: str, texts: Mapping[TextKey, str]) -> int:
    """Several texts in ``language`` in one transaction (``build``); returns how many are set."""
    writable(pkg)
    check_language(pkg, language)
    for key, text in texts.items():
        check_texts(**{key.field: text})
    n = 0
    with pkg.session(write=True) as s:
        for key, text in texts.items():
            original = _original(s, key)
            if text:
                _put(s, language, key, text, source_hash(original))
                n += 1
            else:
                _remove(s, language, key)
    return n


def clear_translation(pkg: Package, language: str, key: TextKey) -> None:
    writable(pkg)
    with pkg.session(write=True) as s:
        _remove(s, language, key)


def translation_row(pkg: Package, language: str, key: TextKey) -> tuple[str, str] | None:
    """(text, source_hash) as stored, or None: what an undo puts back with
    :func:`restore_translation`."""
    with pkg.session() as s:
        row = s.get(TranslationRow, (language, key.kind, key.item_id, key.field))
        return (row.text, row.source_hash) if row is not None else None


def restore_translation(
    pkg: Package, language: str, key: TextKey, stored: tuple[str, str] | None
) -> None:
    """Put back exactly what :func:`translation_row` returned (an out-of-date one stays so)."""
    writable(pkg)
    if stored is None:
        clear_translation(pkg, language, key)
        return
    check_language(pkg, language)
    check_texts(**{key.field: stored[0]})
    with pkg.session(write=True) as s:
        _original(s, key)
        _put(s, language, key, stored[0], stored[1])


def remove_language(pkg: Package, language: str) -> int:
    """Drop every translation in ``language``; returns how many there were."""
    writable(pkg)
    with pkg.session(write=True) as s:
        result = s.execute(delete(TranslationRow).where(TranslationRow.language == language))
        return int(getattr(result, "rowcount", 0) or 0)


def move_media_translations(s: Session, old_id: str, new_id: str) -> None:
    """In an open write session: a medium's translations now belong to ``new_id`` (cleaning
    stores a medium under a new id; its undo moves them back)."""
    s.execute(
        update(TranslationRow)
        .where(TranslationRow.kind == "media", TranslationRow.item_id == old_id)
        .values(item_id=new_id)
    )


def drop_orphans(pkg: Package) -> int:
    """Drop translations of chapters, media and places that are no longer in the package."""
    writable(pkg)
    n = 0
    with pkg.session(write=True) as s:
        for kind, row_type in _ROWS.items():
            if kind == "story":
                continue
            col = row_type.__table__.c.id
            ids = {str(i) for i in s.execute(col.select().with_only_columns(col)).scalars()}
            for row in s.query(TranslationRow).filter(TranslationRow.kind == kind).all():
                if row.item_id not in ids:
                    s.delete(row)
                    n += 1
    return n
