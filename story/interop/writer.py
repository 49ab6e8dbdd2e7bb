"""A :class:`StorySource` written as a package, through the write API only.

Like ``build``, the package is written to ``OUT.storypkg.partial`` and
renamed when complete, so a failed import leaves nothing half-made. The
places of a StoryMapJS story go on a geographic map of their own (its tiles
are on the web and never fetched: the map holds the story's route and its
points, framed around them) or, for a gigapixel story, on a picture map.
Every medium left out is listed at the end of its chapter's text (a link
when it is a web address) and recorded for ``validate`` and ``export-json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from story.editing.chapters import ChapterSnapshot, insert_chapter, new_chapter
from story.editing.maps import add_map
from story.editing.remote_media import RemoteMedia, set_remote_media
from story.editing.story import StoryFields, set_cover, set_story
from story.ids import MapId, MediaId
from story.interop.html_markdown import absolute_url, escape_markdown
from story.interop.media_files import LeftOut, MediaFiles, Stored
from story.interop.model import ChapterSource, MediaSource, StorySource
from story.interop.picture_source import picture_for
from story.interop.storymap import EMBED
from story.maps.picture import add_image_map
from story.package.atomic import atomic_package
from story.package.file import Package
from story.records import Place
from story.text_refs import link_allowed

#: The line that opens a chapter's list of media left out (``export-json`` cuts the text there).
PLACEHOLDER_HEADING = "**Media not imported** (never fetched; `validate` lists them):"
_REASONS = {"remote": "on the web", "missing": "not found beside the JSON"}


@dataclass
class ImportReport:
    path: Path
    kind: str
    chapters: int = 0
    imported: int = 0
    left_out: list[RemoteMedia] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def placeholder_line(m: MediaSource, reason: str) -> str:
    """One item of a chapter's list of media left out: where it was, its caption and credit."""
    url = absolute_url(m.url)
    kind = {"background": "background ", "text-audio": "recording ", "text-video": "video "}
    what = kind.get(m.role, "")
    where = (
        f"[{escape_markdown(url, line_start=False)}]({_dest(url)})"
        if link_allowed(url)
        else f"`{m.url.replace('`', '')[:300]}`"
    )
    why = _REASONS.get(reason, reason)
    line = f"- {what}{where} ({why})"
    if m.caption:
        line += f": {escape_markdown(m.caption, line_start=False)}"
    if m.credit:
        line += f" (credit: {escape_markdown(m.credit, line_start=False)})"
    return line


def _dest(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def _geo_map(pkg: Package, story: StorySource) -> MapId | None:
    points = [c.lat_lon for c in story.chapters if c.lat_lon is not None]
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    pad_lat = max((max(lats) - min(lats)) * 0.15, 0.05)
    pad_lon = max((max(lons) - min(lons)) * 0.15, 0.05)
    extent = (
        max(min(lons) - pad_lon, -180.0),
        max(min(lats) - pad_lat, -90.0),
        min(max(lons) + pad_lon, 180.0),
        min(max(lats) + pad_lat, 90.0),
    )
    feats = [
        {
            "type": "Feature",
            "properties": {"layer": "story_line", "name": story.title, "style": "", "src": "story"},
            "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in points]},
        }
    ] if story.line and len(points) > 1 else []  # fmt: skip
    if not feats:  # one place (or no line): the map needs something with coordinates
        points_json = [[lon, lat] for lat, lon in points]
        feats = [
            {
                "type": "Feature",
                "properties": {"name": "", "rank": 10},
                "geometry": {"type": "MultiPoint", "coordinates": points_json},
            }
        ]
    doc = {"type": "FeatureCollection", "name": story.title[:200], "features": feats}
    tiles = f" (its {story.map_type} tiles are on the web and were not fetched)"
    return add_map(
        pkg,
        kind="geo",
        name=f"{story.title[:200]}: places",
        data=json.dumps(doc, ensure_ascii=False).encode("utf-8"),
        attribution=f"Places from the StoryMapJS story{tiles if story.map_type else ''}",
        extent=extent,
    )


def _media_of(
    files: MediaFiles,
    media: list[MediaSource],
    text: str,
    title: str,
    skip: MediaSource | None = None,
) -> tuple[str, list[MediaId], list[tuple[MediaSource, str]]]:
    """The text with its embeds resolved, the media ids to link, and what was left out."""
    ids: list[MediaId] = []
    left: list[tuple[MediaSource, str]] = []
    for i, m in enumerate(media):
        token = EMBED.format(i)
        if m is skip:
            continue
        got = files.add(m, title)
        md = ""
        if isinstance(got, Stored):
            if got.media_id not in ids:
                ids.append(got.media_id)
            if m.role.startswith("text-") and got.kind == "image":
                alt = escape_markdown(m.alt or m.caption or title, line_start=False)
                md = f"![{alt}](media:{got.media_id[:16]})"
        else:
            left.append((m, got.reason))
        text = text.replace(token, md)
    text = "\n\n".join(p for p in text.split("\n\n") if p.strip())
    return text, ids, left


def _with_list(text: str, left: list[tuple[MediaSource, str]]) -> str:
    if not left:
        return text
    items = "\n".join(placeholder_line(m, why) for m, why in left)
    return f"{text}\n\n{PLACEHOLDER_HEADING}\n\n{items}".strip()


def write_package(story: StorySource, out: Path, folder: Path) -> ImportReport:
    """Write ``story`` (media looked up beside it, in ``folder``) to ``out``."""
    report = ImportReport(path=out, kind=story.kind, notes=list(story.notes))
    with atomic_package(out) as pkg:
        _write(pkg, story, folder, report)
    return report


def _write(pkg: Package, story: StorySource, folder: Path, report: ImportReport) -> None:
    files = MediaFiles(pkg, folder)
    left_out: list[RemoteMedia] = []
    about, about_ids, about_left = _media_of(
        files, story.about_media, story.about_md, story.title, skip=story.cover
    )
    cover_id: MediaId | None = None
    if story.cover is not None:
        got = files.add(story.cover, story.title)
        if isinstance(got, Stored) and got.kind == "image":
            cover_id = got.media_id
        else:
            why = got.reason if isinstance(got, LeftOut) else "refused: not a picture"
            about_left.insert(0, (story.cover, why))
    set_story(
        pkg,
        StoryFields(
            title=story.title[:10_000],
            subtitle=story.subtitle[:10_000],
            byline=story.byline[:10_000],
            language=story.language,
            about_md=_with_list(about, about_left),
        ),
    )
    if cover_id is not None:
        set_cover(pkg, cover_id)
    left_out += [_remote(0, m, why) for m, why in about_left]
    geo = _geo_map(pkg, story)
    picture: MapId | None = None
    scale = (1.0, 1.0)
    if story.picture is not None:
        image, sx, sy, note = picture_for(story.picture, folder)
        scale = (sx, sy)
        report.notes.append(note)
        picture = add_image_map(
            pkg, image, name=f"{story.title[:200]}: picture", attribution=story.picture.attribution
        )
    snaps: list[tuple[ChapterSnapshot, list[tuple[MediaSource, str]]]] = []
    for ch in story.chapters:
        body, ids, left = _media_of(files, ch.media, ch.body_md, ch.title)
        snap = new_chapter(
            ch.title[:10_000],
            summary=ch.summary,
            body_md=_with_list(body, left),
            place=_place(ch, geo, picture, scale),
            date=ch.date,
        )
        if not snaps:  # the title slide's recordings play with chapter 1 (a cover has no sound)
            sounds = [m for m in about_ids if files.kinds.get(m) == "audio"]
            if sounds:
                report.notes.append("the title slide's recordings play with chapter 1")
            ids = list(dict.fromkeys([*sounds, *ids]))
        snaps.append((replace(snap, media=tuple(ids)), left))
    files.finish()
    with pkg.session(write=True) as s:
        for snap, left in snaps:
            cid = insert_chapter(s, snap)
            left_out += [_remote(int(cid), m, why) for m, why in left]
    set_remote_media(pkg, left_out)
    report.chapters = len(snaps)
    report.imported = files.imported
    report.left_out = left_out


def _place(
    ch: ChapterSource, geo: MapId | None, picture: MapId | None, scale: tuple[float, float]
) -> Place | None:
    name = ch.title[:200]
    if ch.pixel is not None and picture is not None:
        return Place.pixel(name, ch.pixel[0] * scale[0], ch.pixel[1] * scale[1], picture)
    if ch.lat_lon is not None:
        return Place.geo(name, ch.lat_lon[0], ch.lat_lon[1], geo)
    return None


def _remote(chapter_id: int, m: MediaSource, why: str) -> RemoteMedia:
    return RemoteMedia(chapter_id, m.url, why, m.caption, m.credit, m.role)
