"""``build``: a source folder's translations (format 4), in ``translations/LANG/``.

The layout (docs/FORMAT.md, "Translations in a source folder")::

    translations/ru/
      story.toml        title, subtitle, byline, about (a Markdown file in this folder),
                        cover = { caption, alt, credit, transcript }
      about.md
      chapters/01-port.md   named as the original chapter; front matter: title,
                            summary, place = { name }, [[media]] file = the
                            original's file + caption/alt/credit/transcript;
                            then the translated Markdown body

Anything left out stays untranslated (the reader shows the original). Every
translation is recorded as made from the original as it is built (up to date).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from story.editing.translations import check_language, set_translations
from story.errors import StoryError
from story.ids import ChapterId, MediaId
from story.package.file import Package
from story.package.guard import LANGUAGE_TAG
from story.package.schema import ChapterRow
from story.publish.front_matter import read_front_matter
from story.translations import FIELDS, STORY_ID, TextKey

Resolve = Callable[[str, Sequence[Path], Path], Path]
CheckText = Callable[[Any, Sequence[tuple[Path, str]]], None]


class TranslationSourceError(StoryError):
    """A translation in a source folder that cannot be built; names the file."""


@dataclass
class LanguageSource:
    language: str
    folder: Path
    story: dict[str, str] = field(default_factory=dict)  # title, subtitle, about_md
    cover: dict[str, str] = field(default_factory=dict)
    chapters: dict[str, dict[str, Any]] = field(default_factory=dict)  # file name -> parsed


def _media_texts(raw: Any, where: Path) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise TranslationSourceError(f"{where}: a media entry must be a table")
    return {k: str(v) for k, v in raw.items() if k in FIELDS["media"] and str(v)}


def read_translations(source: Path, chapter_files: Sequence[Path]) -> list[LanguageSource]:
    """Parse ``source/translations/*/``, refusing what cannot belong to the story."""
    root = source / "translations"
    if not root.is_dir():
        return []
    names = {p.name for p in chapter_files}
    out = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if not LANGUAGE_TAG.fullmatch(folder.name):
            raise TranslationSourceError(
                f"{folder}: the folder's name must be a language tag (e.g. ru, kk, zh-Hans)"
            )
        lang = LanguageSource(folder.name, folder)
        manifest = folder / "story.toml"
        if manifest.is_file():
            try:
                meta = tomllib.loads(manifest.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise TranslationSourceError(f"{manifest}: not valid TOML ({exc})") from None
            lang.story = {k: str(meta[k]) for k in ("title", "subtitle", "byline") if meta.get(k)}
            if meta.get("about"):
                about = (folder / str(meta["about"])).resolve()
                if not about.is_relative_to(folder.resolve()) or not about.is_file():
                    raise TranslationSourceError(
                        f"{manifest}: about file {meta['about']!r} not found"
                    )
                lang.story["about_md"] = about.read_text(encoding="utf-8")
            if meta.get("cover"):
                lang.cover = _media_texts(meta["cover"], manifest)
        for path in sorted((folder / "chapters").glob("*.md")):
            if path.name not in names:
                raise TranslationSourceError(
                    f"{path}: no chapter of that name in chapters/ to translate"
                )
            meta, body = read_front_matter(path, TranslationSourceError)
            media = meta.get("media", [])
            if not isinstance(media, list) or not all(
                isinstance(m, dict) and isinstance(m.get("file"), str) for m in media
            ):
                raise TranslationSourceError(f"{path}: each media entry needs a 'file'")
            place = meta.get("place")
            lang.chapters[path.name] = {
                "path": path,
                "title": str(meta.get("title", "")),
                "summary": str(meta.get("summary", "")),
                "body_md": body,
                "place": str(place.get("name", "")) if isinstance(place, dict) else "",
                "media": [(m["file"], _media_texts(m, path)) for m in media],
            }
        out.append(lang)
    return out


def add_translations(
    pkg: Package,
    languages: Sequence[LanguageSource],
    chapters: Sequence[tuple[Path, ChapterId]],
    media_by_path: dict[Path, MediaId],
    cover: MediaId | None,
    roots: Sequence[Path],
    resolve: Resolve,
    check_text: CheckText,
) -> int:
    """Store every language's texts (one transaction a language); returns how many texts."""
    by_name = {path.name: cid for path, cid in chapters}
    with pkg.session() as s:
        rows = s.execute(select(ChapterRow.id, ChapterRow.place_id))
        places = {cid: pid for cid, pid in rows if pid is not None}
    total = 0
    for lang in languages:
        try:
            check_language(pkg, lang.language)
        except StoryError as exc:
            raise TranslationSourceError(f"{lang.folder}: {exc}") from None
        texts: dict[TextKey, str] = {}
        for f, text in lang.story.items():
            texts[TextKey("story", STORY_ID, f)] = text
        if cover is not None:
            for f, text in lang.cover.items():
                texts[TextKey("media", cover, f)] = text
        bodies = []
        for name, ch in lang.chapters.items():
            cid = by_name[name]
            for f in FIELDS["chapter"]:
                if ch[f]:
                    texts[TextKey("chapter", str(cid), f)] = ch[f]
            if ch["body_md"]:
                bodies.append((ch["path"], ch["body_md"]))
            if ch["place"]:
                if cid not in places:
                    raise TranslationSourceError(f"{ch['path']}: the chapter has no place")
                texts[TextKey("place", str(places[cid]), "name")] = ch["place"]
            for file, media_texts in ch["media"]:
                mid = media_by_path.get(resolve(file, roots, ch["path"]))
                if mid is None:
                    raise TranslationSourceError(
                        f"{ch['path']}: media file {file!r} is not one the story shows"
                    )
                for f, text in media_texts.items():
                    texts[TextKey("media", mid, f)] = text
        try:
            total += set_translations(pkg, lang.language, texts)
        except StoryError as exc:
            raise TranslationSourceError(f"{lang.folder}: {exc}") from None
        check_text(pkg, bodies)
    return total
