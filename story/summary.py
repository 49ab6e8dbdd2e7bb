"""The ``info --json`` summary of a package (contract in ARCHITECTURE.md)."""

from __future__ import annotations

from typing import Any

from story.package.file import Package
from story.reading import list_chapters, list_maps, list_media, media_ids_by_chapter, story_info
from story.records import Place
from story.translations import story_languages


def _place(place: Place | None, map_names: dict[Any, str], first_geo: str | None) -> Any:
    """Format 3: the map's name, then lat/lon on a geographic map or x/y on a picture map."""
    if place is None:
        return None
    name = map_names.get(place.map_id) if place.map_id is not None else first_geo
    if place.on_picture:
        return {"name": place.name, "map": name, "x": place.x, "y": place.y}
    return {"name": place.name, "map": name, "lat": place.lat, "lon": place.lon}


def summarize(pkg: Package) -> dict[str, Any]:
    info = story_info(pkg)
    media_ids = media_ids_by_chapter(pkg)
    maps = list_maps(pkg)
    map_names = {m.id: m.name for m in maps}
    first_geo = next((m.name for m in maps if m.kind == "geo"), None)
    return {
        "title": info.title,
        "subtitle": info.subtitle,
        "byline": info.byline,
        "language": info.language,
        "languages": story_languages(pkg),  # the original first, then the translations'
        "schema_version": info.schema_version,
        "cover": info.cover_media_id,
        "chapters": [
            {
                "index": c.index,
                "title": c.title,
                "media": media_ids.get(c.index, []),
                "date": c.date,
                "place": _place(c.place, map_names, first_geo),
            }
            for c in list_chapters(pkg)
        ],
        "media": [
            {
                "id": m.id,
                "kind": m.kind,
                "mime": m.mime,
                "bytes": m.bytes,
                "width": m.width,
                "height": m.height,
                "duration_s": m.duration_s,
                "caption": m.caption,
                "credit": m.credit,
                "alt": m.alt,
            }
            for m in list_media(pkg)
        ],
    }
