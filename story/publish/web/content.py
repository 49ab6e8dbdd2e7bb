"""What the web edition's data files hold: the story, its maps and each chapter, as JSON.

Read from the package through the read API (``story.reading``) only. The
site's script gets the story's table of contents at once (``data/story.js``)
and each chapter when it is shown (``data/chapters/NNNN.js``), so a story of
a thousand chapters opens as fast as one of ten. Every text is plain text in
the JSON (the page sets it with ``textContent``); only chapter bodies and the
about page are HTML, made by :mod:`story.publish.web.markdown`, which escapes
everything it did not write.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from story import reading
from story.blocks import Figure
from story.errors import StoryError
from story.ids import MediaId
from story.package.file import Package
from story.publish.web.figures import INSET_SIZES, body_html, figure_caption
from story.publish.web.images import Picture, audio_file, encode_sizes, picture_source
from story.publish.web.maps import SiteMap, geo_map, picture_map
from story.publish.web.words import words
from story.records import Chapter, MediaInfo, StoryInfo
from story.text_refs import package_lookup
from story.translations import StoryTexts, story_texts

#: The page's default colours, overridden by the story's theme where it has them.
THEME_KEYS = ("accent", "paper", "ink", "muted")


def js_data(call: str, value: object) -> bytes:
    """``call(value);`` as a script file: sorted keys, so equal data gives equal bytes."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")
    return f"{call}({text});\n".encode()


@dataclass
class SiteFiles:
    """The site's folder being written: files go to disk as they are made (a story of a
    thousand chapters is never held in memory), and pictures are made once per medium."""

    root: Path
    pictures: dict[str, Picture] = field(default_factory=dict)
    sounds: dict[str, tuple[str, str]] = field(default_factory=dict)  # media id -> (path, mime)
    count: int = 0
    size: int = 0
    written: set[str] = field(default_factory=set)

    def add(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if rel not in self.written:
            self.written.add(rel)
            self.count += 1
            self.size += len(data)


class StoryContent:
    """Turns one open package into the site's data, chapter by chapter, in one language.

    The original's content is made first; :meth:`in_language` gives a translation's, which
    shares the pictures, sounds and maps already written (paths from its folder go up one,
    ``root``) and writes only its own data files under ``folder``.
    """

    def __init__(self, pkg: Package, out: SiteFiles) -> None:
        self.pkg = pkg
        self.out = out
        self.original: StoryInfo = reading.story_info(pkg)
        self.info: StoryInfo = self.original
        self.chapters = reading.list_chapters(pkg)
        self.lookup = package_lookup(pkg)
        self.maps: list[SiteMap] = []
        self.accent = self.info.theme.get("accent", "#c8402a")
        self.texts: StoryTexts | None = None
        self.language = self.info.language or "en"
        self.words = words(self.language)
        self.root = ""  # from this language's page to the site's root
        self.folder = ""  # this language's own files, from the site's root
        self.extra: dict[str, object] = {}  # more for story.js (languages, words)

    def in_language(self, code: str, folder: str) -> StoryContent:
        """The same story in the translation ``code``, its page and data in ``folder``."""
        other = copy.copy(self)
        other.texts = story_texts(self.pkg, code)
        other.info = other.texts.story(self.original)
        other.chapters = [other.texts.summary(c) for c in self.chapters]
        other.language = code
        other.words = words(code)
        other.root = "../" * folder.rstrip("/").count("/") + "../"
        other.folder = folder.rstrip("/") + "/"
        other.extra = {}
        return other

    def _media(self, medium: MediaInfo) -> MediaInfo:
        return medium if self.texts is None else self.texts.media(medium)

    # -- media ----------------------------------------------------------------------

    def picture(self, medium: MediaInfo) -> Picture:
        known = self.out.pictures.get(medium.id)
        if known is None:
            known, files = encode_sizes(picture_source(self.pkg, medium), medium.id[:16])
            for path, data in files.items():
                self.out.add(path, data)
            self.out.pictures[medium.id] = known
        return known

    def make_pictures(self, step: Callable[[str], None]) -> None:
        """Every picture the chapters and the cover show, made on a few threads.

        Pillow lets go of the GIL while it resizes and encodes, so the sizes of several
        pictures are made at once; the package is read on this thread only, a batch at a
        time (a story of a thousand pictures is never held in memory).
        """
        wanted: list[MediaId] = []
        if self.info.cover_media_id:
            wanted.append(self.info.cover_media_id)
        for ids in reading.media_ids_by_chapter(self.pkg).values():
            wanted.extend(ids)
        media = {m.id: m for m in reading.list_media(self.pkg) if m.kind == "image"}
        todo = [media[i] for i in dict.fromkeys(wanted) if i in media]
        workers = max(1, min(4, os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for start in range(0, len(todo), workers * 2):
                batch = todo[start : start + workers * 2]
                for medium in batch:
                    step(f"picture {medium.original_name or medium.id[:12]}")
                sources = [(m.id, picture_source(self.pkg, m)) for m in batch]
                made = pool.map(lambda job: encode_sizes(job[1], job[0][:16]), sources)
                for (media_id, _src), (picture, files) in zip(sources, made, strict=True):
                    for path, data in files.items():
                        self.out.add(path, data)
                    self.out.pictures[media_id] = picture

    def image_json(self, medium: MediaInfo) -> dict[str, object]:
        medium = self._media(medium)
        pic = self.picture(medium)
        root = self.root
        return {
            "id": medium.id[:16],
            "alt": medium.alt,
            "caption": medium.caption,
            "credit": medium.credit,
            "licence": medium.licence,
            "w": pic.width,
            "h": pic.height,
            "jpeg": [[w, root + p] for w, p in pic.jpeg],
            "webp": [[w, root + p] for w, p in pic.webp],
        }

    def audio_json(self, medium: MediaInfo) -> dict[str, object]:
        medium = self._media(medium)
        known = self.out.sounds.get(medium.id)
        if known is None:  # each recording is written once, for every language
            path, mime, data = audio_file(self.pkg, medium)
            self.out.add(path, data)
            known = self.out.sounds[medium.id] = (path, mime)
        path, mime = known
        return {
            "src": self.root + path,
            "mime": mime,
            "caption": medium.caption,
            "credit": medium.credit,
            "licence": medium.licence,
            "transcript": medium.transcript,
            "duration": medium.duration_s,
            **self.audio_edit(medium),
        }

    def audio_edit(self, medium: MediaInfo) -> dict[str, float]:
        """The curator's trims and fades (seconds), which the page's player keeps to as the
        desktop reader does; none when the recording is played whole."""
        from story.editing.audio import get_audio_edit

        edit = get_audio_edit(self.pkg, medium.id)
        keys = {
            "trimStart": edit.trim_start_s,
            "trimEnd": edit.trim_end_s,
            "fadeIn": edit.fade_in_s,
            "fadeOut": edit.fade_out_s,
        }
        return {k: round(v, 3) for k, v in keys.items() if v > 0}

    def _picture_html(self, medium: MediaInfo, alt: str, sizes: str, cls: str) -> str:
        pic = self.picture(medium)
        root = self.root
        webp = ", ".join(f"{root}{p} {w}w" for w, p in pic.webp)
        jpeg = ", ".join(f"{root}{p} {w}w" for w, p in pic.jpeg)
        return (
            f'<picture class="{cls}"><source type="image/webp" srcset="{webp}" '
            f'sizes="{sizes}"><img src="{root}{pic.jpeg[0][1]}" srcset="{jpeg}" sizes="{sizes}" '
            f'width="{pic.width}" height="{pic.height}" loading="lazy" decoding="async" '
            f'alt="{escape(alt, quote=True)}"></picture>'
        )

    def _medium(self, token: str) -> MediaInfo | None:
        media_id, _why = self.lookup(token)
        if media_id is None:
            return None
        medium = reading.get_media(self.pkg, MediaId(media_id))
        return medium if medium.kind == "image" else None

    def inline_image(self, token: str, alt: str) -> str | None:
        """A ``media:`` image in the text, as a ``<picture>`` (None: not one of ours)."""
        medium = self._medium(token)
        if medium is None:
            return None
        return self._picture_html(medium, alt, INSET_SIZES, "inline")

    def placed_figure(self, fig: Figure, sizes: str) -> str | None:
        """A figure the curator placed in the text (story.blocks), with its caption and
        credit (None: not one of ours)."""
        medium = self._medium(fig.token)
        if medium is None:
            return None
        shown = self._media(medium)
        caption = figure_caption(shown.caption, shown.credit, shown.licence, self.words["licence"])
        picture = self._picture_html(medium, fig.alt or shown.alt, sizes, "placed-picture")
        return f'<figure class="placed {fig.placement}">{picture}{caption}</figure>'

    def text_html(self, md: str) -> str:
        return body_html(md, self.inline_image, self.placed_figure)

    # -- the story, the maps, the chapters --------------------------------------------

    def make_maps(self) -> None:
        for info in reading.list_maps(self.pkg):
            try:
                if info.kind == "geo":
                    site_map = geo_map(self.pkg, info, self.accent)
                elif info.kind == "image":
                    site_map = picture_map(self.pkg, info)
                else:
                    continue
            except StoryError:  # a map the reader cannot draw either: its chapters go without
                continue
            for path, data in site_map.files.items():
                self.out.add(path, data)
            self.maps.append(site_map)

    def _place(self, chapter_place: object) -> dict[str, object] | None:
        from story.records import Place

        if not isinstance(chapter_place, Place):
            return None
        place: dict[str, object] = {"name": chapter_place.name}
        for site_map in self.maps:
            matches = (
                site_map.info.id == chapter_place.map_id
                if chapter_place.map_id is not None
                else site_map.info.kind == "geo" and not chapter_place.on_picture
            )
            if matches:
                spot = site_map.position(chapter_place)
                if spot is not None:
                    place["map"] = site_map.info.id
                    place["left"], place["top"] = spot
                break
        return place

    def story_json(self) -> dict[str, object]:
        info = self.info
        cover = None
        if info.cover_media_id:
            try:
                cover = self.image_json(reading.get_media(self.pkg, info.cover_media_id))
            except Exception:  # a cover that is not a picture we can draw: a typographic cover
                cover = None
        theme = {k: v for k, v in info.theme.items() if k in THEME_KEYS and _colour(v)}
        return {
            "format": 1,
            "key": self.original.title,
            "title": info.title,
            "subtitle": info.subtitle,
            "byline": info.byline,
            "published": info.published,
            "language": self.language,
            "words": self.words,
            "about": self.text_html(info.about_md),
            "cover": cover,
            "theme": theme,
            "maps": [
                {
                    "id": m.info.id,
                    "kind": m.info.kind,
                    "name": m.info.name,
                    "attribution": m.info.attribution,
                    "w": m.width,
                    "h": m.height,
                    "sources": [[w, self.root + p] for w, p in m.sources],
                }
                for m in self.maps
            ],
            "chapters": [
                {
                    "n": c.index,
                    "title": c.title,
                    "summary": c.summary,
                    "date": c.date,
                    "place": self._place(c.place),
                }
                for c in self.chapters
            ],
            **self.extra,
        }

    def chapter_json(self, chapter: Chapter) -> dict[str, object]:
        if self.texts is not None:
            chapter = self.texts.chapter(chapter)
        return {
            "n": chapter.index,
            "title": chapter.title,
            "summary": chapter.summary,
            "date": chapter.date,
            "body": self.text_html(chapter.body_md),
            "images": [self.image_json(m) for m in chapter.images],
            "audio": [self.audio_json(m) for m in chapter.audio],
        }

    def write_chapters(self, step: Callable[[str], None]) -> None:
        for summary in self.chapters:
            step(f"chapter {summary.index}: {summary.title}")
            chapter = reading.get_chapter(self.pkg, summary.index)
            self.out.add(
                self.folder + chapter_path(summary.index),
                js_data("STORYPORT.chapter", self.chapter_json(chapter)),
            )


def chapter_path(n: int) -> str:
    return f"data/chapters/{n:04d}.js"


def _colour(value: str) -> bool:
    """A theme colour the page may use: ``#rgb`` or ``#rrggbb`` only (it goes into CSS)."""
    v = value.strip()
    return (
        len(v) in (4, 7) and v.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in v[1:])
    )
