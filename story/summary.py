"""The ``info --json`` summary of a package (contract in ARCHITECTURE.md)."""

from __future__ import annotations

from typing import Any

from story.package.file import Package
from story.reading import list_chapters, list_media, media_ids_by_chapter, story_info


def summarize(pkg: Package) -> dict[str, Any]:
    info = story_info(pkg)
    media_ids = media_ids_by_chapter(pkg)
    return {
        "title": info.title,
        "subtitle": info.subtitle,
        "byline": info.byline,
        "language": info.language,
        "schema_version": info.schema_version,
        "cover": info.cover_media_id,
        "chapters": [
            {
                "index": c.index,
                "title": c.title,
                "media": media_ids.get(c.index, []),
                "place": (
                    {"name": c.place.name, "lat": c.place.lat, "lon": c.place.lon}
                    if c.place
                    else None
                ),
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
