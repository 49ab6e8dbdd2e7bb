"""A StoryMapJS story (``published.json``) read into a :class:`StorySource`.

The shape is StoryMapJS's own (the fixtures in ``shared/fixtures/interop``
show it): ``storymap.slides``, each with ``text.headline`` and ``text.text``
(HTML), ``location`` (``lat``, ``lon``, ``zoom``), ``media`` (``url``,
``caption``, ``credit``) and an optional ``background``; the slide with
``type: "overview"`` is the title slide. ``map_type`` names the basemap tiles
(never fetched: the places are kept on a map of their own) or ``"zoomify"``,
a gigapixel picture, which becomes a picture map with x/y places.
"""

from __future__ import annotations

import math
import re
from typing import Any

from story.dates import DateError, normalize_date
from story.interop.html_markdown import html_to_markdown, html_to_plain
from story.interop.model import ChapterSource, MediaSource, PictureMapSource, StorySource
from story.interop.projection import latlon_to_pixel

#: A picture side StoryMapJS could hold that Storyport's picture maps take (story.maps.picture).
MAX_PICTURE_SIDE = 200_000
_LANGUAGE = re.compile(r"[A-Za-z0-9-]{1,35}")
#: Placeholder text in the body where an embedded medium was: the writer replaces it.
EMBED = "\x00embed{}\x00"


def text(v: Any) -> str:
    return v if isinstance(v, str) else ""


def obj(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else {}


def number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, str):
        try:
            v = float(v)
        except ValueError:
            return None
    if isinstance(v, (int, float)) and math.isfinite(v):
        return float(v)
    return None


def language(v: Any) -> str:
    tag = text(v).strip()
    return tag if _LANGUAGE.fullmatch(tag) else "en"


def split_headline(html: str) -> tuple[str, str]:
    """A title slide's headline as (title, subtitle): the part after its first line break."""
    parts = html_to_plain(html, br="\x00").split("\x00", 1)
    return parts[0].strip(), (parts[1].replace("\x00", " ").strip() if len(parts) > 1 else "")


def media_source(raw: Any, role: str = "media") -> MediaSource | None:
    m = obj(raw)
    url = text(m.get("url")).strip()
    if not url:
        return None
    caption = html_to_plain(text(m.get("caption")), br=" ")
    return MediaSource(
        url=url,
        caption=caption,
        credit=html_to_plain(text(m.get("credit")), br="; "),
        alt=html_to_plain(text(m.get("alt")), br=" ") or caption,
        role=role,
    )


def body_with_embeds(html: str, chapter: ChapterSource) -> str:
    """The Markdown of a slide's HTML; pictures and players in it become chapter media."""

    def embed(src: str, alt: str, kind: str) -> str:
        token = EMBED.format(len(chapter.media))
        chapter.media.append(MediaSource(url=src, alt=alt, caption=alt, role=f"text-{kind}"))
        return token

    return html_to_markdown(html, embed)


def add_media(chapter: ChapterSource, raw: Any, role: str = "media") -> None:
    """The slide's medium: a file or URL, or (StoryMapJS allows it) a piece of HTML."""
    m = media_source(raw, role)
    if m is None:
        return
    if m.url.lstrip().startswith("<"):  # a blockquote or an embed code written as HTML
        md = body_with_embeds(m.url, chapter)
        if md:
            chapter.body_md = f"{chapter.body_md}\n\n{md}".strip()
        return
    chapter.media.append(m)


def chapter_date(raw: Any, chapter: ChapterSource) -> None:
    """A slide's free-text ``date``: the chapter date when it is ISO 8601, else its summary."""
    value = html_to_plain(text(raw))
    if not value:
        return
    try:
        chapter.date = normalize_date(value)
    except DateError:
        chapter.summary = value


def read_title_slide(story: StorySource, slide: dict[str, Any]) -> None:
    """A title slide (StoryMapJS's overview, TimelineJS's title): the story's title and
    subtitle, its about page with the slide's media, the first of them as the cover."""
    t = obj(slide.get("text"))
    story.title, story.subtitle = split_headline(text(t.get("headline")))
    holder = ChapterSource(title="")
    story.about_md = body_with_embeds(text(t.get("text")), holder)
    add_media(holder, slide.get("media"))
    story.about_md = f"{story.about_md}\n\n{holder.body_md}".strip()
    story.cover = next((m for m in holder.media if m.role == "media"), None)
    story.about_media = holder.media  # the cover too: EMBED tokens count every one


def read_storymap(doc: dict[str, Any], fallback_title: str) -> StorySource:
    sm = obj(doc.get("storymap")) or doc
    story = StorySource(kind="storymap", title="", language=language(sm.get("language")))
    story.map_type = text(sm.get("map_type"))
    story.line = sm.get("show_lines") is not False
    if story.map_type == "zoomify":
        z = obj(sm.get("zoomify"))
        w, h = number(z.get("width")), number(z.get("height"))
        if w and h and 1 <= w <= MAX_PICTURE_SIDE and 1 <= h <= MAX_PICTURE_SIDE:
            story.picture = PictureMapSource(
                int(w), int(h), text(z.get("path")), html_to_plain(text(z.get("attribution")))
            )
        else:
            story.notes.append("the gigapixel picture has no usable width and height")
    slides = [s for s in sm.get("slides", []) if isinstance(s, dict)]
    overview = next((s for s in slides if s.get("type") == "overview"), None)
    if overview is not None:
        read_title_slide(story, overview)
    story.title = story.title or fallback_title
    for n, slide in enumerate((s for s in slides if s is not overview), start=1):
        t = obj(slide.get("text"))
        ch = ChapterSource(title=html_to_plain(text(t.get("headline")), br=" — ") or f"Slide {n}")
        ch.body_md = body_with_embeds(text(t.get("text")), ch)
        add_media(ch, slide.get("media"))
        background = obj(slide.get("background"))
        if text(background.get("url")).strip():
            add_media(ch, {"url": background["url"]}, role="background")
        chapter_date(slide.get("date"), ch)
        loc = obj(slide.get("location"))
        lat, lon = number(loc.get("lat")), number(loc.get("lon"))
        if lat is not None and lon is not None:
            if story.picture is not None:
                x, y = latlon_to_pixel(lat, lon, story.picture.width, story.picture.height)
                ch.pixel = (
                    min(max(x, 0.0), float(story.picture.width)),
                    min(max(y, 0.0), float(story.picture.height)),
                )
            elif -90 <= lat <= 90 and -180 <= lon <= 180:
                ch.lat_lon = (lat, lon)
            else:
                story.notes.append(f"slide {n}: ({lat}, {lon}) is not a place on Earth; left out")
        story.chapters.append(ch)
    return story
