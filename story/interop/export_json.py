"""``export-json [PACKAGE] --as storymap|timeline OUTDIR``: a package as their JSON.

OUTDIR gets the JSON (``published.json`` for StoryMapJS, the name its
editor's exports use; ``timeline.json`` for TimelineJS) and a ``media/``
folder with each medium the JSON names (files named by the medium's id: a
name from the package is never a path). A picture map goes out as a Zoomify
folder (``picture/``) that StoryMapJS shows as a gigapixel map. Media an
import left out are named again by their original address; the list of them
at the end of a chapter's text is not exported (it is Storyport's note).

What the two viewers cannot hold is said, not dropped silently: a chapter's
summary has no field in either (it is left out); TimelineJS places events by
date, so undated chapters are left out of a timeline (the report counts them).
"""

from __future__ import annotations

import json
import mimetypes
import os
import re
import shutil
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, Literal

from PIL import Image

from story.dates import date_span
from story.editing.remote_media import RemoteMedia, remote_media
from story.errors import StoryError
from story.interop.markdown_html import markdown_to_html
from story.interop.projection import pixel_to_latlon
from story.interop.timeline import ERAS_HEADING
from story.interop.writer import PLACEHOLDER_HEADING
from story.interop.zoomify import MAX_SIDE, write_tiles
from story.maps.picture import image_map_info, read_tile
from story.package.blobs import write_media_to
from story.package.file import Package
from story.reading import get_chapter, list_chapters, list_maps, story_info
from story.records import MediaInfo
from story.text_refs import media_token

Target = Literal["storymap", "timeline"]
_ERA = re.compile(r"^- (.+?)(?: \((\d{4}(?:-\d{2}){0,2}(?:/\d{4}(?:-\d{2}){0,2})?)\))?$")
_EXT = {"image/jpeg": ".jpg", "image/png": ".png", "audio/mp4": ".m4a", "audio/mpeg": ".mp3"}


@dataclass
class ExportReport:
    json_path: Path
    slides: int = 0
    media_files: int = 0
    left_out: list[str] = field(default_factory=list)


def _cut_list(md: str) -> str:
    """The text without the list of media an import left out."""
    at = md.find(PLACEHOLDER_HEADING)
    return md[:at].rstrip() if at >= 0 else md


class _Writer:
    def __init__(self, pkg: Package, out: Path) -> None:
        self.pkg, self.out = pkg, out
        self.files: dict[str, str] = {}
        self.by_token: dict[str, MediaInfo] = {}

    def file(self, m: MediaInfo) -> str:
        """The medium written under ``media/`` (once); its path relative to OUTDIR."""
        if m.id not in self.files:
            ext = _EXT.get(m.mime) or mimetypes.guess_extension(m.mime) or ".bin"
            rel = f"media/{m.id[:16]}{ext}"
            (self.out / "media").mkdir(parents=True, exist_ok=True)
            with open(self.out / rel, "wb") as fh:
                write_media_to(self.pkg, m.id, fh)
            self.files[m.id] = rel
        return self.files[m.id]

    def html(self, md: str, media: dict[str, MediaInfo]) -> str:
        def image(dest: str, alt: str) -> str | None:
            token = media_token(dest)
            if token is None:
                return None
            m = media.get(token) or next(
                (v for v in media.values() if v.id.startswith(token.lower()) and len(token) >= 8),
                None,
            )
            return self.file(m) if m is not None and m.kind == "image" else None

        return markdown_to_html(_cut_list(md), image)

    def media_json(self, m: MediaInfo) -> dict[str, Any]:
        return {"url": self.file(m), "caption": _esc(m.caption), "credit": _esc(m.credit)}


def _esc(text: str) -> str:
    return escape(text, quote=False)


def _all_media(pkg: Package) -> dict[str, MediaInfo]:
    from story.reading import list_media

    out: dict[str, MediaInfo] = {}
    for m in list_media(pkg):
        out[m.id] = m
        out.setdefault(m.original_name, m)
    return out


def _date_json(iso: str) -> dict[str, str]:
    parts = iso.split("-")
    keys = ("year", "month", "day")
    return {k: str(int(v)) for k, v in zip(keys, parts, strict=False)}


def export_json(pkg: Package, out: str | Path, target: Target) -> ExportReport:
    """Write ``pkg`` as ``target`` JSON with its media into ``out`` (made or emptied of ours)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise StoryError(f"{out}: not a folder")
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        report = (_storymap if target == "storymap" else _timeline)(pkg, partial)
        for name in (report.json_path.name, "media", "picture"):
            old = out / name
            if old.is_dir():
                shutil.rmtree(old)
            elif old.exists():
                old.unlink()
        out.mkdir(parents=True, exist_ok=True)
        for item in partial.iterdir():
            os.replace(item, out / item.name)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    report.json_path = out / report.json_path.name
    return report


def _slide_media(
    w: _Writer, media: tuple[MediaInfo, ...], remote: list[RemoteMedia]
) -> tuple[dict[str, Any], str, str]:
    """The slide's one medium, HTML for its other media, and its background's address.

    The slide's medium is the address an import left out when there is one (it was the
    slide's own), else its first picture; media an import found in the text go back there.
    """
    left = next((r for r in remote if r.role == "media"), None)
    first = None if left else next((m for m in media if m.kind == "image"), None)
    extra = ""
    for m in media:
        if m is not first:
            extra += _tag(w.file(m), m.kind, m.alt, m.mime)
    for r in remote:
        if r.role.startswith("text-"):
            extra += _tag(r.url, r.role.removeprefix("text-"), r.caption, "")
    background = next((r.url for r in remote if r.role == "background"), "")
    if left is not None:
        return (
            {"url": left.url, "caption": _esc(left.caption), "credit": _esc(left.credit)},
            (extra),
            background,
        )
    if first is not None:
        return w.media_json(first), extra, background
    return {"url": "", "caption": "", "credit": ""}, extra, background


def _tag(src: str, kind: str, alt: str, mime: str) -> str:
    src = escape(src)
    if kind == "image":
        return f'<p><img src="{src}" alt="{escape(alt)}"></p>'
    tag = "audio" if kind == "audio" else "video"
    typed = f' type="{escape(mime)}"' if mime else ""
    return f'<p><{tag} controls><source src="{src}"{typed}></{tag}></p>'


def _eras(about_md: str) -> tuple[str, list[dict[str, Any]]]:
    """The about page without the **Eras** list an import wrote, and those eras as JSON."""
    md = _cut_list(about_md)
    at = md.rfind(ERAS_HEADING)
    if at < 0 or (at and not md[:at].endswith("\n\n")):
        return about_md, []
    eras = []
    for line in md[at + len(ERAS_HEADING) :].strip().split("\n"):
        m = _ERA.match(line)
        if m is None:
            return about_md, []  # not the list an import writes: leave the page as it is
        era: dict[str, Any] = {"text": {"headline": _esc(m.group(1))}}
        if m.group(2):
            start, _, end = m.group(2).partition("/")
            era["start_date"] = _date_json(start)
            era["end_date"] = _date_json(end or start)
        eras.append(era)
    rest = about_md[len(md) :]  # the list of media left out, if any
    return (md[:at].rstrip() + ("\n\n" + rest.strip() if rest.strip() else "")).strip(), eras


def _title_slide(
    w: _Writer, pkg: Package, media: dict[str, MediaInfo], remote: list[RemoteMedia], about: str
) -> tuple[str, str, str, dict[str, Any]]:
    info = story_info(pkg)
    headline = _esc(info.title) + (
        f"<br><small>{_esc(info.subtitle)}</small>" if info.subtitle else ""
    )
    cover = media.get(info.cover_media_id or "")
    mine = [r for r in remote if r.chapter_id == 0]
    slide_media, extra, _ = _slide_media(w, (cover,) if cover else (), mine)
    return info.language, headline, w.html(about, media) + extra, slide_media


def _storymap(pkg: Package, out: Path) -> ExportReport:
    w, media, remote = _Writer(pkg, out), _all_media(pkg), remote_media(pkg)
    language, headline, about, cover = _title_slide(w, pkg, media, remote, story_info(pkg).about_md)
    maps = list_maps(pkg)
    picture = next((m for m in maps if m.kind == "image"), None)
    sm: dict[str, Any] = {"language": language or "en", "map_as_image": False}
    size: tuple[int, int, float, float] | None = None
    if picture is not None and not any(m.kind == "geo" for m in maps):
        size = _write_picture(pkg, picture.id, out / "picture")
        sm.update(map_type="zoomify", zoomify={
            "path": "picture/", "width": size[0], "height": size[1], "tolerance": 0.9,
            "attribution": _esc(picture.attribution)})  # fmt: skip
    else:
        sm["map_type"] = "osm:standard"
    slides: list[dict[str, Any]] = [{
        "type": "overview", "date": "", "location": {"line": True},
        "text": {"headline": headline, "text": about}, "media": cover}]  # fmt: skip
    report = ExportReport(json_path=out / "published.json")
    for summary in list_chapters(pkg):
        ch = get_chapter(pkg, summary.index)
        mine = [r for r in remote if r.chapter_id == ch.id]
        slide_media, extra, background = _slide_media(w, ch.media, mine)
        slide: dict[str, Any] = {
            "date": ch.date or "",
            "text": {"headline": _esc(ch.title), "text": w.html(ch.body_md, media) + extra},
            "media": slide_media,
            "location": {"line": True},
        }
        if background:
            slide["background"] = {"url": background}
        p = ch.place
        if p is not None and p.lat is not None and p.lon is not None:
            slide["location"].update(lat=p.lat, lon=p.lon, zoom=10)
        elif p is not None and p.x is not None and p.y is not None and size is not None:
            lat, lon = pixel_to_latlon(p.x * size[2], p.y * size[3], size[0], size[1])
            slide["location"].update(lat=lat, lon=lon, zoom=max(0, _zoom(size) - 2))
        slides.append(slide)
    sm["slides"] = slides
    report.slides = len(slides)
    report.media_files = len(w.files)
    report.json_path.write_text(json.dumps({"storymap": sm}, ensure_ascii=False, indent=1), "utf-8")
    return report


def _zoom(size: tuple[int, int, float, float]) -> int:
    from story.interop.projection import max_zoom

    return max_zoom(size[0], size[1])


def _write_picture(pkg: Package, map_id: int, folder: Path) -> tuple[int, int, float, float]:
    """The picture map as a Zoomify folder at the deepest level that fits MAX_SIDE; returns
    its width, height and the x, y scale from the package's pixels."""
    info = image_map_info(pkg, map_id)
    level = 0
    while max(info.width, info.height) / 2**level > MAX_SIDE and level < info.levels - 1:
        level += 1
    w, h = -(-info.width // 2**level), -(-info.height // 2**level)
    canvas = Image.new("RGB", (w, h), "white")
    t = info.tile_size
    for row in range(-(-h // t)):
        for col in range(-(-w // t)):
            data = read_tile(pkg, map_id, level, col, row)
            if data is None:
                continue
            import io

            with Image.open(io.BytesIO(data)) as tile:
                canvas.paste(tile.convert("RGB"), (col * t, row * t))
    for _ in write_tiles(canvas, folder):
        pass
    return w, h, w / info.width, h / info.height


def _timeline(pkg: Package, out: Path) -> ExportReport:
    w, media, remote = _Writer(pkg, out), _all_media(pkg), remote_media(pkg)
    about_md, eras = _eras(story_info(pkg).about_md)
    _, headline, about, cover = _title_slide(w, pkg, media, remote, about_md)
    report = ExportReport(json_path=out / "timeline.json")
    events: list[dict[str, Any]] = []
    for summary in list_chapters(pkg):
        if not summary.date:
            report.left_out.append(f"chapter {summary.index} ({summary.title}): no date")
            continue
        ch = get_chapter(pkg, summary.index)
        mine = [r for r in remote if r.chapter_id == ch.id]
        slide_media, extra, background = _slide_media(w, ch.media, mine)
        start, _, end = summary.date.partition("/")
        date_span(summary.date)  # checked: an invalid date would break the viewer
        event: dict[str, Any] = {
            "start_date": _date_json(start),
            "text": {"headline": _esc(ch.title), "text": w.html(ch.body_md, media) + extra},
            "unique_id": f"chapter-{summary.index}",
        }
        if end:
            event["end_date"] = _date_json(end)
        if slide_media["url"]:
            event["media"] = slide_media
        if background:
            event["background"] = {"url": background}
        group = next((g[7:] for g in ch.summary.split(" · ") if g.startswith("Group: ")), "")
        if group:
            event["group"] = _esc(group)
        events.append(event)
    if not events:
        raise StoryError(
            "no chapter has a date; TimelineJS places events by date "
            "(add dates, or use --as storymap)"
        )
    doc: dict[str, Any] = {
        "title": {"text": {"headline": headline, "text": about}},
        "events": events,
    }
    if cover["url"]:
        doc["title"]["media"] = cover
    if eras:
        doc["eras"] = eras
    report.slides = len(events) + 1
    report.media_files = len(w.files)
    report.json_path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), "utf-8")
    return report
