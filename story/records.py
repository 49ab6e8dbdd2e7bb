"""Plain, read-only records the story layer hands to the UI and the command line.

ORM rows never leave ``story/``; these frozen dataclasses do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from story.ids import ChapterId, MapId, MediaId


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    map_id: MapId | None = None


@dataclass(frozen=True)
class MediaInfo:
    id: MediaId
    kind: str  # "image" | "audio"
    mime: str
    bytes: int
    width: int | None
    height: int | None
    duration_s: float | None
    caption: str = ""
    credit: str = ""
    alt: str = ""
    licence: str = ""
    transcript: str = ""
    original_name: str = ""
    removed_metadata: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChapterSummary:
    """A chapter as the table of contents and the map see it (no body, no media)."""

    index: int  # 1-based, story order
    id: ChapterId
    title: str
    summary: str
    place: Place | None


@dataclass(frozen=True)
class Chapter:
    index: int  # 1-based, story order
    id: ChapterId
    title: str
    summary: str
    body_md: str
    place: Place | None
    media: tuple[MediaInfo, ...] = ()

    @property
    def images(self) -> tuple[MediaInfo, ...]:
        return tuple(m for m in self.media if m.kind == "image")

    @property
    def audio(self) -> tuple[MediaInfo, ...]:
        return tuple(m for m in self.media if m.kind == "audio")


@dataclass(frozen=True)
class MapInfo:
    id: MapId
    kind: str  # "geo" | "image"
    name: str
    attribution: str
    extent: tuple[float, float, float, float] | None


@dataclass(frozen=True)
class StoryInfo:
    title: str
    subtitle: str
    byline: str
    published: str
    language: str
    about_md: str
    cover_media_id: MediaId | None
    schema_version: int
    theme: dict[str, str] = field(default_factory=dict)
