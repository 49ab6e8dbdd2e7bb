"""Build a package from a source folder: Markdown chapters, a ``story.toml`` and media files.

The layout is documented in docs/FORMAT.md. A newsroom keeps a story as text
and media in git and runs ``python main.py build SOURCE_DIR OUT.storypkg``;
the bundled Khorgos story is built the same way.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from media.imported import MediaError
from media.importer import import_file
from story.dates import DateError, normalize_date
from story.editing.chapters import insert_chapter, new_chapter
from story.editing.media import MEDIA_TEXT_FIELDS, set_media_text, store_media
from story.editing.story import StoryFields, set_cover, set_story
from story.errors import PackageError, StoryError
from story.ids import MediaId
from story.package.atomic import atomic_package
from story.publish.front_matter import read_front_matter
from story.publish.source_maps import add_source_maps, parse_place, place_on_map
from story.publish.source_translations import add_translations, read_translations
from story.reading import list_maps
from story.records import Place
from story.text_refs import check_text, describe, package_lookup

#: progress(done, total, what is being done now)
BuildProgress = Callable[[int, int, str], None]


class SourceError(StoryError):
    """A source folder that cannot be built; names the file and the reason."""


@dataclass
class MediaRef:
    file: str
    caption: str = ""
    credit: str = ""
    alt: str = ""
    licence: str = ""
    transcript: str = ""


@dataclass
class ChapterSource:
    path: Path
    title: str
    summary: str
    body_md: str
    place: Place | None
    media: list[MediaRef] = field(default_factory=list)
    map_key: str | None = None  # which of the story's maps the place is on (None: the basemap)
    date: str | None = None  # ISO 8601 (story.dates), from ``date = "2016-04"``


def _media_ref(raw: Any, where: Path) -> MediaRef:
    if isinstance(raw, str):
        return MediaRef(file=raw)
    if not isinstance(raw, dict) or not isinstance(raw.get("file"), str):
        raise SourceError(f"{where}: each media entry needs a 'file'")
    known = {"file", "caption", "credit", "alt", "licence", "transcript"}
    return MediaRef(**{k: str(v) for k, v in raw.items() if k in known})


def parse_chapter(path: Path) -> ChapterSource:
    meta, body = read_front_matter(path, SourceError)
    title = str(meta.get("title") or "").strip()
    if not title:
        raise SourceError(f"{path}: the chapter has no title")
    place, map_key = None, None
    if isinstance(meta.get("place"), dict):
        place, map_key = parse_place(meta["place"], path)  # lat/lon, or x/y on a picture map
    raw_date = meta.get("date")
    if isinstance(raw_date, dt.date):  # a bare TOML date: date = 2017-10-02
        raw_date = raw_date.isoformat()
    try:
        date = normalize_date(str(raw_date)) if raw_date is not None else None
    except DateError as exc:
        raise SourceError(f"{path}: date: {exc}") from None
    return ChapterSource(
        date=date,
        path=path,
        title=title,
        summary=str(meta.get("summary", "")),
        body_md=body,
        place=place,
        media=[_media_ref(m, path) for m in meta.get("media", [])],
        map_key=map_key,
    )


def _resolve(name: str, roots: Sequence[Path], where: Path) -> Path:
    """Find ``name`` under one of ``roots``, refusing anything that escapes them."""
    for root in roots:
        candidate = (root / name).resolve()
        if not candidate.is_relative_to(root.resolve()):
            raise SourceError(f"{where}: media path {name!r} points outside the story folder")
        if candidate.is_file():
            return candidate
    raise SourceError(f"{where}: media file {name!r} not found")


def build_package(
    source: str | Path,
    out: str | Path,
    *,
    media_roots: Sequence[Path] = (),
    progress: BuildProgress | None = None,
) -> Path:
    """Build ``out`` from ``source``; written to a temporary file and renamed when complete."""
    source, out = Path(source), Path(out)
    manifest_path = source / "story.toml"
    if not manifest_path.is_file():
        raise SourceError(f"{source}: no story.toml in the source folder")
    try:
        manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{manifest_path}: not valid TOML ({exc})") from None
    roots = [source, *media_roots]
    chapters = [parse_chapter(p) for p in sorted((source / "chapters").glob("*.md"))]
    if not chapters:
        raise SourceError(f"{source}: no chapters/*.md found")
    translations = read_translations(source, [c.path for c in chapters])  # translations/LANG/
    total = 2 + sum(len(c.media) for c in chapters) + (1 if manifest.get("cover") else 0)
    done = 0

    def step(label: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total, label)

    with atomic_package(out) as pkg:
        about = ""
        if manifest.get("about"):
            about = _resolve(str(manifest["about"]), roots, manifest_path).read_text("utf-8")
        set_story(
            pkg,
            StoryFields(
                title=str(manifest.get("title", "Untitled story")),
                subtitle=str(manifest.get("subtitle", "")),
                byline=str(manifest.get("byline", "")),
                published=str(manifest.get("published", "")),
                language=str(manifest.get("language", "en")),
                about_md=about,
                theme={str(k): str(v) for k, v in manifest.get("theme", {}).items()},
            ),
        )
        map_ids = add_source_maps(pkg, manifest, roots, manifest_path, _resolve)
        kinds = {m.id: m.kind for m in list_maps(pkg)}
        step("story and map")
        cover, cover_id = manifest.get("cover"), None
        if cover:
            ref = _media_ref(cover, manifest_path)
            mid = cover_id = _store(
                pkg, ref, _resolve(ref.file, roots, manifest_path), manifest_path
            )
            set_cover(pkg, mid)
            step(f"cover {ref.file}")
        # Media first (each file imported once however many chapters show it), then every
        # chapter in one write transaction: the work per chapter does not grow with N.
        store, snaps = _MediaStore(pkg, roots), []
        for ch in chapters:  # checked and imported in the order of the files, as before
            snap = new_chapter(
                ch.title,
                summary=ch.summary,
                body_md=ch.body_md,
                place=(
                    place_on_map(ch.place, map_ids, kinds, ch.map_key, ch.path)
                    if ch.place
                    else None
                ),
                date=ch.date,
            )
            ids = tuple(store.add(ref, ch.path, step, ch.title) for ref in ch.media)
            snaps.append(replace(snap, media=ids))
        store.finish()
        with pkg.session(write=True) as s:
            inserted = [insert_chapter(s, snap) for snap in snaps]
        _check_text(pkg, [(c.path, c.body_md) for c in chapters])
        chapter_ids = [(c.path, cid) for c, cid in zip(chapters, inserted, strict=True)]
        add_translations(
            pkg, translations, chapter_ids, store.by_path, cover_id, roots, _resolve, _check_text
        )
    step("done")
    return out


def _check_text(pkg: Any, texts: Sequence[tuple[Path, str]]) -> None:
    """Refuse chapter text that shows what is not in the package (file and line each).

    Chapter media are declared in the front matter and shown in the text as
    ``![alt](media:NAME)``; a path in the body would not be imported, so the
    reader would show a placeholder. Links that will not open are refused too.
    """
    lookup = package_lookup(pkg)
    found: list[str] = []
    for path, body in texts:
        text = path.read_text(encoding="utf-8")
        before = text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0
        for f in check_text(body, lookup):
            if not f.ok:
                found.append(f"{path}:{f.ref.line + before}: {describe(f)}")
    if found:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        raise SourceError("; ".join(found[:3]) + more)


class _MediaStore:
    """Stores a build's media, importing each file once (a photo shown by 50 chapters is
    decoded and its renditions made once). The texts end as the one-call-per-reference
    writes left them: each field the last non-empty value given for that medium."""

    def __init__(self, pkg: Any, roots: Sequence[Path]) -> None:
        self.pkg, self.roots = pkg, roots
        self.by_path: dict[Path, MediaId] = {}
        self.stored: dict[MediaId, dict[str, str]] = {}  # the texts written so far
        self.wanted: dict[MediaId, dict[str, str]] = {}  # the texts they should end as

    def add(self, ref: MediaRef, where: Path, step: Callable[[str], None], title: str) -> MediaId:
        path = _resolve(ref.file, self.roots, where)
        texts = {f: getattr(ref, f) for f in MEDIA_TEXT_FIELDS if getattr(ref, f)}
        mid = self.by_path.get(path)
        if mid is None:
            mid = self.by_path[path] = _store(self.pkg, ref, path, where)
            self.stored.setdefault(mid, {}).update(texts)
        self.wanted.setdefault(mid, {}).update(texts)
        step(f"{title}: {ref.file}")
        return mid

    def finish(self) -> None:
        for mid, texts in self.wanted.items():
            if texts != self.stored.get(mid):
                set_media_text(self.pkg, mid, **texts)


def _store(pkg: Any, ref: MediaRef, path: Path, where: Path) -> MediaId:
    try:
        item = import_file(path)
    except MediaError as exc:
        raise SourceError(f"{where}: {exc}") from None
    except PackageError:
        raise
    return store_media(
        pkg,
        item,
        caption=ref.caption,
        credit=ref.credit,
        alt=ref.alt,
        licence=ref.licence,
        transcript=ref.transcript,
    )
