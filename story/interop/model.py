"""A StoryMapJS or TimelineJS story as read, before it is written as a package.

Both readers (``storymap``, ``timeline``) produce these plain records; the
``writer`` turns them into a package through the write API. Keeping the two
steps apart lets each reader stay a pure function of the JSON (tested without
a package) and lets the writer import media and make maps in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["storymap", "timeline"]


@dataclass(frozen=True)
class MediaSource:
    """A medium a slide or event names: ``url`` as written, texts already plain."""

    url: str
    caption: str = ""  # Markdown (inline), from the caption's HTML
    credit: str = ""
    alt: str = ""
    role: str = "media"  # "media" (the slide's), "text" (inside its HTML), "background"


@dataclass
class ChapterSource:
    title: str
    body_md: str = ""
    summary: str = ""
    date: str | None = None  # ISO 8601 (story.dates) or None
    lat_lon: tuple[float, float] | None = None  # on the story's geographic map
    pixel: tuple[float, float] | None = None  # on the story's picture map
    media: list[MediaSource] = field(default_factory=list)
    #: Markdown snippets the body shows in place of embedded media ("media:NAME" images).
    embedded: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PictureMapSource:
    """A StoryMapJS gigapixel (Zoomify) picture: its size and where its tiles are."""

    width: int
    height: int
    path: str  # the Zoomify folder (a URL, or a folder beside the JSON)
    attribution: str = ""


@dataclass
class StorySource:
    kind: Kind
    title: str
    subtitle: str = ""
    byline: str = ""
    about_md: str = ""
    language: str = "en"
    cover: MediaSource | None = None
    #: Media the title slide's text shows (their EMBED tokens are in ``about_md``).
    about_media: list[MediaSource] = field(default_factory=list)
    chapters: list[ChapterSource] = field(default_factory=list)
    picture: PictureMapSource | None = None
    map_type: str = ""  # StoryMapJS's map_type as written (osm:standard, stamen:..., a URL)
    line: bool = True  # StoryMapJS draws a line between the places in order
    #: Eras of a TimelineJS story: (headline, ISO date range) in order.
    eras: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was lossy, for the person importing
