"""Plain, read-only records the story layer hands to the UI and the command line.

ORM rows never leave ``story/``; these frozen dataclasses do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from story.ids import ChapterId, MapId, MediaId


@dataclass(frozen=True)
class Place:
    """Where a chapter happens: latitude/longitude on a geographic map, or x/y (the
    picture's full-resolution pixels, y down) on a picture map; never both.

    Build one with :meth:`geo` or :meth:`pixel`; ``map_id`` None means the
    story's first geographic map (or none, in a package without maps).
    """

    name: str
    lat: float | None = None
    lon: float | None = None
    map_id: MapId | None = None
    x: float | None = None
    y: float | None = None

    def __post_init__(self) -> None:
        geo = self.lat is not None and self.lon is not None
        pixel = self.x is not None and self.y is not None
        if geo == pixel or (geo and (self.x, self.y) != (None, None)):
            raise ValueError("a place has lat/lon or x/y, not both and not neither")
        if not geo and (self.lat, self.lon) != (None, None):
            raise ValueError("a place has lat/lon or x/y, not both and not neither")

    @classmethod
    def geo(cls, name: str, lat: float, lon: float, map_id: MapId | None = None) -> Place:
        return cls(name, lat=lat, lon=lon, map_id=map_id)

    @classmethod
    def pixel(cls, name: str, x: float, y: float, map_id: MapId | None) -> Place:
        return cls(name, x=x, y=y, map_id=map_id)

    @property
    def on_picture(self) -> bool:
        """True for x/y on a picture map."""
        return self.x is not None

    @property
    def point(self) -> tuple[float, float]:
        """(horizontal, vertical) in the map's own units: (lon, lat) or (x, y)."""
        if self.x is not None and self.y is not None:
            return (self.x, self.y)
        assert self.lat is not None and self.lon is not None
        return (self.lon, self.lat)


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
    date: str | None = None  # ISO 8601, year to day, or a range (story.dates)


@dataclass(frozen=True)
class Chapter:
    index: int  # 1-based, story order
    id: ChapterId
    title: str
    summary: str
    body_md: str
    place: Place | None
    media: tuple[MediaInfo, ...] = ()
    date: str | None = None  # ISO 8601, year to day, or a range (story.dates)

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
