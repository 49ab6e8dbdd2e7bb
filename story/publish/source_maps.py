"""The maps part of building a package from a source folder (used by ``story.source``).

``story.toml`` may hold, besides ``[basemap]`` (a GeoJSON file):

- ``[[maps]]`` entries for picture maps: ``kind = "image"``, ``key``, ``file``,
  ``name``, ``attribution``; the picture is cut into a tile pyramid;
- ``[[lines]]`` the story draws itself (the basemap has no railways or roads):
  ``map`` (a map key, default the basemap), ``name``, ``style``, ``approx``,
  ``points`` as ``[lon, lat]`` (or ``[x, y]`` pixels on a picture map).

A chapter's ``place`` names its map with ``map = "key"``; on a picture map it
gives ``x``/``y`` pixels instead of ``lat``/``lon``. docs/MAP.md has the details.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from story.editing.maps import add_map
from story.errors import StoryError
from story.ids import MapId
from story.maps.basemap import BasemapError, Line, parse_basemap
from story.maps.picture import ImageMapError, add_image_map
from story.package.file import Package
from story.records import Place

BASEMAP_KEY = "basemap"

Resolve = Callable[[str, Sequence[Path], Path], Path]


class MapSourceError(StoryError):
    """A map entry in a source folder that cannot be built."""


def parse_place(p: dict[str, Any], where: Path) -> tuple[Place, str | None]:
    """The :class:`Place` (no map yet) and the map key of a chapter's ``place`` table:
    ``lat``/``lon`` on a geographic map, ``x``/``y`` (pixels, y down) on a picture map."""
    key = p.get("map")
    if key is not None and not isinstance(key, str):
        raise MapSourceError(f"{where}: place.map must be a map key (text)")
    try:
        if "x" in p or "y" in p:
            place = Place.pixel(str(p["name"]), float(p["x"]), float(p["y"]), None)
        else:
            place = Place.geo(str(p["name"]), float(p["lat"]), float(p["lon"]))
    except (KeyError, TypeError, ValueError):
        raise MapSourceError(
            f"{where}: place needs name and lat/lon (or x/y on a picture map)"
        ) from None
    if not all(math.isfinite(v) for v in place.point):
        raise MapSourceError(f"{where}: place coordinates must be finite numbers")
    return place, key


def place_on_map(
    place: Place, ids: dict[str, MapId], kinds: dict[MapId, str], key: str | None, where: Path
) -> Place:
    """``place`` on the map its chapter names, refused when its kind of coordinates is
    not the map's (x/y on a picture map, lat/lon on a geographic one)."""
    map_id = map_id_for(ids, key, where)
    picture = map_id is not None and kinds.get(map_id) == "image"
    if place.on_picture != picture:
        want = "x/y (pixels)" if picture else "lat/lon"
        which = f"map {key!r}" if key else "the basemap"
        raise MapSourceError(f"{where}: the place on {which} needs {want}")
    if place.on_picture and map_id is None:
        raise MapSourceError(f"{where}: a place with x/y needs map = the key of a picture map")
    return replace(place, map_id=map_id)


def _lines(manifest: dict[str, Any], key: str, where: Path) -> list[Line]:
    out = []
    for i, raw in enumerate(manifest.get("lines", []) or []):
        if not isinstance(raw, dict):
            raise MapSourceError(f"{where}: lines entry {i + 1} is not a table")
        if str(raw.get("map", BASEMAP_KEY)) != key:
            continue
        pts = raw.get("points")
        try:
            part = tuple((float(p[0]), float(p[1])) for p in pts or ())
        except (TypeError, ValueError, IndexError, KeyError):
            raise MapSourceError(
                f"{where}: lines entry {i + 1} needs points = [[x, y], ...]"
            ) from None
        if len(part) < 2 or not all(math.isfinite(v) for p in part for v in p):
            raise MapSourceError(f"{where}: lines entry {i + 1} needs at least two finite points")
        out.append(
            Line(
                layer="story_line",
                name=str(raw.get("name", "")),
                names={},
                rank=0,
                parts=(part,),
                approx=raw.get("approx") is True,
                style=str(raw.get("style", "")),
            )
        )
    return out


def _with_lines(data: bytes, lines: Sequence[Line], where: Path) -> bytes:
    """The GeoJSON with the story's lines appended as ``story_line`` features."""
    if not lines:
        return data
    try:
        doc = json.loads(data.decode("utf-8"))
        feats = doc["features"]
        assert isinstance(feats, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        raise MapSourceError(f"{where}: the basemap is not a GeoJSON FeatureCollection") from None
    for ln in lines:
        feats.append(
            {
                "type": "Feature",
                "properties": {
                    "layer": "story_line",
                    "name": ln.name,
                    "style": ln.style,
                    "approx": ln.approx,
                    "src": "story",
                },
                "geometry": {"type": "LineString", "coordinates": [list(p) for p in ln.parts[0]]},
            }
        )
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def add_source_maps(
    pkg: Package,
    manifest: dict[str, Any],
    roots: Sequence[Path],
    manifest_path: Path,
    resolve: Resolve,
) -> dict[str, MapId]:
    """Store the manifest's basemap and picture maps; returns map key -> map id."""
    ids: dict[str, MapId] = {}
    basemap = manifest.get("basemap")
    if isinstance(basemap, dict) and basemap.get("file"):
        key = str(basemap.get("key", BASEMAP_KEY))
        geo = resolve(str(basemap["file"]), roots, manifest_path)
        data = _with_lines(geo.read_bytes(), _lines(manifest, key, manifest_path), manifest_path)
        try:
            parse_basemap(data)
        except BasemapError as exc:
            raise MapSourceError(f"{geo}: {exc}") from None
        extent = basemap.get("extent")
        ids[key] = add_map(
            pkg,
            kind="geo",
            name=str(basemap.get("name", "Map")),
            data=data,
            attribution=str(basemap.get("attribution", "")),
            extent=tuple(float(v) for v in extent) if extent else None,  # type: ignore[arg-type]
        )
    for i, entry in enumerate(manifest.get("maps", []) or []):
        if not isinstance(entry, dict) or not entry.get("file"):
            raise MapSourceError(f"{manifest_path}: maps entry {i + 1} needs a 'file'")
        kind = str(entry.get("kind", "image"))
        if kind != "image":
            raise MapSourceError(f"{manifest_path}: maps entry {i + 1}: kind must be 'image'")
        name = str(entry.get("name", f"Map {i + 2}"))
        key = str(entry.get("key", name))
        if key in ids:
            raise MapSourceError(f"{manifest_path}: two maps have the key {key!r}")
        path = resolve(str(entry["file"]), roots, manifest_path)
        try:
            ids[key] = add_image_map(
                pkg,
                path,
                name=name,
                attribution=str(entry.get("attribution", "")),
                lines=_lines(manifest, key, manifest_path),
                tile_format=str(entry["tile_format"]) if entry.get("tile_format") else None,
            )
        except ImageMapError as exc:
            raise MapSourceError(f"{manifest_path}: {exc}") from None
    return ids


def map_id_for(ids: dict[str, MapId], key: str | None, where: Path) -> MapId | None:
    """The id of the map a chapter's place names (default: the basemap)."""
    if key is None:
        return ids.get(BASEMAP_KEY, next(iter(ids.values()), None))
    if key not in ids:
        known = ", ".join(sorted(ids)) or "none"
        raise MapSourceError(f"{where}: place.map {key!r} is not a map of this story ({known})")
    return ids[key]
