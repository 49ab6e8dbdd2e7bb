"""Read API for a story in several languages (format 4): its texts in a language, and what is
missing or out of date in each.

One language is the original: the story's ``language`` and the texts in the
existing columns. Every other language holds translations of some of those
texts in the ``translations`` table, each with the hash of the original text
it was made from (``source_hash``). A translation whose original has changed
since is *out of date*; a non-empty original with no translation is
*missing*. An empty original needs no translation.

The reader asks :func:`story_texts` for a language and gets every text in it,
or the original marked as such (``Text.fallback``) where there is no
translation, never a blank. The editor's translation view, ``validate`` and
``info`` use :func:`field_texts`, :func:`translation_status` and
:func:`languages`. Writing is in ``story.editing.translations``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, NamedTuple

from story.package.file import Package
from story.package.guard import TRANSLATABLE
from story.records import Chapter, ChapterSummary, MediaInfo, StoryInfo

Kind = Literal["story", "chapter", "media", "place"]
State = Literal["translated", "missing", "out-of-date", "not-needed"]

if TYPE_CHECKING:
    from story.package.schema import MediaRow

#: What each kind's fields are called in people's words.
FIELD_NAMES = {
    "title": "title",
    "subtitle": "subtitle",
    "byline": "byline",
    "about_md": "about page",
    "summary": "summary",
    "body_md": "text",
    "caption": "caption",
    "alt": "alt text",
    "credit": "credit",
    "transcript": "transcript",
    "name": "name",
}
#: The fields each kind may translate (the same table the open checks use).
FIELDS: dict[str, tuple[str, ...]] = dict(TRANSLATABLE)


class TextKey(NamedTuple):
    """One translatable text: ``("chapter", "12", "body_md")``, ``("media", HEX, "alt")``..."""

    kind: str
    item_id: str
    field: str


STORY_ID = "1"


def source_hash(text: str) -> str:
    """The SHA-256 (hex) of an original text: what a translation records it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Original:
    """A translatable text in the original language, with where it is in the story."""

    key: TextKey
    text: str
    chapter: int | None  # 1-based chapter it belongs to (media and places: the first one)
    label: str  # "story title", "chapter 3 text", "chapter 3, yard.jpg: caption"


@dataclass(frozen=True)
class FieldText:
    """One text's original beside its translation in one language."""

    original: Original
    translation: str | None
    translated_from: str | None  # the source_hash the translation recorded

    @property
    def key(self) -> TextKey:
        return self.original.key

    @property
    def state(self) -> State:
        if self.translation is None:
            return "missing" if self.original.text.strip() else "not-needed"
        if self.translated_from != source_hash(self.original.text):
            return "out-of-date"
        return "translated"


@dataclass(frozen=True)
class LanguageStatus:
    language: str
    needed: int  # non-empty originals
    translated: int  # up to date
    missing: int
    out_of_date: int

    @property
    def complete(self) -> bool:
        return self.missing == 0 and self.out_of_date == 0


# The reader's part (languages, story_texts) is plain SQL: it runs before the first paint.
def original_language(pkg: Package) -> str:
    with pkg.reading() as conn:
        row = conn.execute("SELECT language FROM story WHERE id = 1").fetchone()
    return str(row[0]) if row is not None else ""


def languages(pkg: Package) -> list[str]:
    """The languages the story has translations in (not the original), sorted."""
    original = original_language(pkg).lower()
    with pkg.reading() as conn:
        found = [r[0] for r in conn.execute("SELECT DISTINCT language FROM translations")]
    return sorted(t for t in found if t.lower() != original)


def story_languages(pkg: Package) -> list[str]:
    """The original language first, then every translation's."""
    return [original_language(pkg), *languages(pkg)]


def _media_label(row: MediaRow, n: int) -> str:
    return row.original_name or f"{row.kind} {n}"


def original_texts(pkg: Package) -> list[Original]:
    """Every translatable text in story order: the story's, then each chapter's with its
    place and its media (each medium where it first appears), then the cover and media no
    chapter shows. Empty originals are listed too (their state is ``not-needed``)."""
    out: list[Original] = []
    seen_media: set[str] = set()
    seen_places: set[int] = set()

    def add(kind: str, item_id: str, field: str, text: str, chapter: int | None, where: str):
        label = f"{where}: {FIELD_NAMES[field]}" if where else FIELD_NAMES[field]
        out.append(Original(TextKey(kind, item_id, field), text, chapter, label))

    def add_media(row: MediaRow, chapter: int | None, where: str) -> None:
        if row.id in seen_media:
            return
        seen_media.add(row.id)
        for f in FIELDS["media"]:
            add("media", row.id, f, getattr(row, f), chapter, where)

    from sqlalchemy import select

    from story.package.schema import ChapterRow, MediaRow, PlaceRow, StoryRow

    with pkg.session() as s:
        story = s.get(StoryRow, 1)
        if story is not None:
            for f in FIELDS["story"]:
                add("story", STORY_ID, f, getattr(story, f), None, "story")
        rows = s.scalars(select(ChapterRow).order_by(ChapterRow.position)).unique().all()
        for n, ch in enumerate(rows, start=1):
            for f in FIELDS["chapter"]:
                add("chapter", str(ch.id), f, getattr(ch, f), n, f"chapter {n}")
            if ch.place is not None and ch.place.id not in seen_places:
                seen_places.add(ch.place.id)
                add("place", str(ch.place.id), "name", ch.place.name, n, f"chapter {n}, place")
            for i, link in enumerate(ch.links, start=1):
                if link.media is not None:
                    add_media(link.media, n, f"chapter {n}, {_media_label(link.media, i)}")
        if story is not None and story.cover_media_id:
            cover = s.get(MediaRow, story.cover_media_id)
            if cover is not None:
                add_media(cover, None, "cover")
        for i, row in enumerate(s.scalars(select(MediaRow).order_by(MediaRow.id)), start=1):
            add_media(row, None, f"media library, {_media_label(row, i)}")
        for place in s.scalars(select(PlaceRow).order_by(PlaceRow.id)):
            if place.id not in seen_places:
                seen_places.add(place.id)
                add("place", str(place.id), "name", place.name, None, "place")
    return out


def _translations(pkg: Package, language: str) -> dict[TextKey, tuple[str, str]]:
    with pkg.reading() as conn:
        rows = conn.execute(
            "SELECT kind, item_id, field, text, source_hash FROM translations WHERE language = ?",
            (language,),
        )
        return {TextKey(r[0], r[1], r[2]): (r[3], r[4]) for r in rows}


def field_texts(pkg: Package, language: str) -> list[FieldText]:
    """Every translatable text in story order, its original beside its ``language`` text."""
    have = _translations(pkg, language)
    out = []
    for orig in original_texts(pkg):
        text, made_from = have.get(orig.key, (None, None))
        out.append(FieldText(orig, text, made_from))
    return out


def _status(language: str, fields: list[FieldText]) -> LanguageStatus:
    states = [f.state for f in fields]
    return LanguageStatus(
        language=language,
        needed=sum(s != "not-needed" for s in states),
        translated=states.count("translated"),
        missing=states.count("missing"),
        out_of_date=states.count("out-of-date"),
    )


def translation_status(pkg: Package) -> list[LanguageStatus]:
    """For each translation language: how many texts need one, and how many are missing or
    out of date."""
    originals = original_texts(pkg)
    out = []
    for language in languages(pkg):
        have = _translations(pkg, language)
        fields = [FieldText(o, *have.get(o.key, (None, None))) for o in originals]
        out.append(_status(language, fields))
    return out


@dataclass(frozen=True)
class Text:
    """A text as a reader shows it in the language asked for."""

    text: str
    language: str  # the language the text is in
    fallback: bool = False  # the original, shown because there is no translation
    out_of_date: bool = False  # a translation of an earlier version of the original


class StoryTexts:
    """The story's texts in one language, falling back to the original (marked) per text.

    Built by :func:`story_texts`; its methods take the plain records of
    ``story.reading`` and return them with their texts in the language.
    """

    def __init__(
        self,
        language: str,
        original_language: str,
        rows: dict[TextKey, tuple[str, str]],
        chapter_places: dict[str, str],
    ) -> None:
        self.language = language
        self.original_language = original_language
        self.is_original = language.lower() == original_language.lower()
        self._rows = {} if self.is_original else rows
        self._places = chapter_places  # chapter id -> place id

    def text(self, key: TextKey, original: str) -> Text:
        """``key`` in the language; the original, marked, when it has no translation."""
        found = self._rows.get(key)
        if found is None or not original.strip():
            missing = not self.is_original and bool(original.strip())
            return Text(original, self.original_language, fallback=missing)
        translated, made_from = found
        return Text(translated, self.language, out_of_date=made_from != source_hash(original))

    def fallbacks(self, keys_and_originals: list[tuple[TextKey, str]]) -> list[str]:
        """The fields among these shown in the original (no translation)."""
        return [k.field for k, orig in keys_and_originals if self.text(k, orig).fallback]

    def _get(self, kind: str, item_id: str, field: str, original: str) -> str:
        return self.text(TextKey(kind, item_id, field), original).text

    def story(self, info: StoryInfo) -> StoryInfo:
        return replace(
            info,
            title=self._get("story", STORY_ID, "title", info.title),
            subtitle=self._get("story", STORY_ID, "subtitle", info.subtitle),
            byline=self._get("story", STORY_ID, "byline", info.byline),
            about_md=self._get("story", STORY_ID, "about_md", info.about_md),
        )

    def story_fallbacks(self, info: StoryInfo) -> list[str]:
        return self.fallbacks(
            [(TextKey("story", STORY_ID, f), getattr(info, f)) for f in FIELDS["story"]]
        )

    def media(self, m: MediaInfo) -> MediaInfo:
        get = self._get
        return replace(
            m,
            caption=get("media", m.id, "caption", m.caption),
            alt=get("media", m.id, "alt", m.alt),
            credit=get("media", m.id, "credit", m.credit),
            transcript=get("media", m.id, "transcript", m.transcript),
        )

    def chapter_place(self, chapter_id: int) -> str | None:
        """The id of the place of chapter ``chapter_id`` (as text), if it has one."""
        return self._places.get(str(chapter_id))

    def _place_name(self, chapter_id: int, name: str) -> str:
        place_id = self._places.get(str(chapter_id))
        return name if place_id is None else self._get("place", place_id, "name", name)

    def summary(self, ch: ChapterSummary) -> ChapterSummary:
        cid = str(ch.id)
        place = ch.place and replace(ch.place, name=self._place_name(ch.id, ch.place.name))
        return replace(
            ch,
            title=self._get("chapter", cid, "title", ch.title),
            summary=self._get("chapter", cid, "summary", ch.summary),
            place=place,
        )

    def chapter(self, ch: Chapter) -> Chapter:
        cid = str(ch.id)
        place = ch.place and replace(ch.place, name=self._place_name(ch.id, ch.place.name))
        return replace(
            ch,
            title=self._get("chapter", cid, "title", ch.title),
            summary=self._get("chapter", cid, "summary", ch.summary),
            body_md=self._get("chapter", cid, "body_md", ch.body_md),
            place=place,
            media=tuple(self.media(m) for m in ch.media),
        )

    def chapter_fallbacks(self, ch: Chapter) -> list[str]:
        """The chapter's own fields (title, summary, text) shown in the original."""
        cid = str(ch.id)
        return self.fallbacks(
            [(TextKey("chapter", cid, f), getattr(ch, f)) for f in FIELDS["chapter"]]
        )


def story_texts(pkg: Package, language: str) -> StoryTexts:
    """The story's texts in ``language`` (the original's when it is the original language)."""
    with pkg.reading() as conn:
        places = {
            str(cid): str(pid)
            for cid, pid in conn.execute(
                "SELECT id, place_id FROM chapters WHERE place_id IS NOT NULL"
            )
        }
    return StoryTexts(language, original_language(pkg), _translations(pkg, language), places)


class Finding(NamedTuple):
    """A ``validate`` finding about translations (``story.validation`` makes it a Problem)."""

    severity: Literal["error", "warning", "info"]
    code: str
    message: str
    chapter: int | None
    field: str


def _names(fields: list[FieldText], at_most: int = 3) -> str:
    named = ", ".join(f.original.label for f in fields[:at_most])
    return named + (f" and {len(fields) - at_most} more" if len(fields) > at_most else "")


def translation_findings(pkg: Package) -> list[Finding]:
    """One warning per language and kind: ``translation-missing``, ``translation-out-of-date``.

    ``field`` is ``translation:LANG``; ``chapter`` is the first chapter concerned (None for
    the story's own texts), so the editor can take the curator there.
    """
    out: list[Finding] = []
    for language in languages(pkg):
        fields = field_texts(pkg, language)
        for state, code, what in (
            ("missing", "translation-missing", "no translation"),
            ("out-of-date", "translation-out-of-date", "a translation that is out of date"),
        ):
            found = [f for f in fields if f.state == state]
            if found:
                texts = "text has" if len(found) == 1 else "texts have"
                message = f"{language}: {len(found)} {texts} {what} ({_names(found)})"
                chapter = found[0].original.chapter
                out.append(Finding("warning", code, message, chapter, f"translation:{language}"))
    return out
