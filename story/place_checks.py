"""What ``validate`` says about a chapter's place and date (format 3).

Kept out of ``story.validation`` so that module stays about the whole
package: here a place is checked against its own map (lat/lon inside a
geographic map's ``extent_json``, a warning; x/y inside a picture's
``[0, 0, width, height]``, an error, since a marker outside the picture
cannot be drawn) and a date against ``story.dates``. Findings come back as
``(severity, code, message)``; ``story.validation`` makes them Problems.
"""

from __future__ import annotations

from typing import Any, Literal

from story.dates import DateError, date_span

Extent = tuple[float, float, float, float]
Finding = tuple[Literal["error", "warning", "info"], str, str]

#: The codes this module reports (docs/FORMAT.md lists them with the rest).
CODES = ("place-invalid", "place-outside-map", "place-outside-picture", "chapter-date-invalid")


def date_findings(chapter: int, date: str | None) -> list[Finding]:
    if date is None:
        return []
    try:
        date_span(date)
    except DateError as exc:
        return [("error", "chapter-date-invalid", f"chapter {chapter}: {exc}")]
    return []


def place_findings(
    chapter: int,
    r: Any,
    kinds: dict[int, str],
    extents: dict[int, Extent | None],
    default_extent: Extent | None,
) -> list[Finding]:
    """``r`` has ``name``, ``lat``, ``lon``, ``x``, ``y`` and ``map_id`` (a NULL map:
    the first geographic map)."""
    where = f"chapter {chapter}: {r.name}"
    kind = kinds.get(r.map_id, "geo") if r.map_id is not None else "geo"
    if r.x is not None and r.y is not None and r.lat is None and r.lon is None:
        if kind != "image":
            return [("error", "place-invalid", f"{where} has x/y but is not on a picture map")]
        ext = extents.get(r.map_id)
        if ext and not (ext[0] <= r.x <= ext[2] and ext[1] <= r.y <= ext[3]):
            size = f"{ext[2]:g} × {ext[3]:g}"
            msg = f"{where} (x {r.x:g}, y {r.y:g}) is outside the picture ({size} pixels)"
            return [("error", "place-outside-picture", msg)]
        return []
    if r.lat is None or r.lon is None or r.x is not None or r.y is not None:
        return [("error", "place-invalid", f"{where} has neither lat/lon nor x/y alone")]
    if kind == "image":
        return [("error", "place-invalid", f"{where} has lat/lon on a picture map (needs x/y)")]
    if not (-90 <= r.lat <= 90 and -180 <= r.lon <= 180):
        return [
            ("error", "place-invalid", f"{where} has impossible coordinates ({r.lat}, {r.lon})")
        ]
    ext = extents.get(r.map_id) if r.map_id is not None else None
    ext = ext or default_extent
    if ext and not (ext[0] <= r.lon <= ext[2] and ext[1] <= r.lat <= ext[3]):
        return [("warning", "place-outside-map", f"{where} ({r.lat}, {r.lon}) is outside the map")]
    return []
