"""A story's geographic basemap: GeoJSON bytes checked and turned into plain records.

The basemap arrives inside a package, which may come from a stranger, so the
bytes are treated as hostile: size, feature, point and nesting limits, finite
lon/lat in range, and one clear :class:`BasemapError` line for whatever is
wrong. The UI draws only what this module hands it.

Layers (``properties.layer``, see docs/MAP.md): ``country``/``land`` and
``lake`` areas, ``river`` lines, ``place`` points, and the story's own lines
(``story_line``, also ``railway``/``road``). Features without a layer are
classified by geometry. The projection (Lambert azimuthal equal-area centred on
the map) lives here too, without Qt, so it is testable on its own.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from story.errors import StoryError
from story.maps.borders import shared_borders  # noqa: F401 - part of this module's interface
from story.maps.projection import (  # noqa: F401 - part of this module's interface
    EARTH_RADIUS_M,
    Projection,
    distance_m,
    format_distance,
    nice_scale_length,
)

MAX_BYTES = 64 * 1024 * 1024
MAX_FEATURES = 250_000
MAX_POINTS = 6_000_000
MAX_NAME = 200

Point = tuple[float, float]  # (lon, lat)
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # exterior ring first, then holes

AREA_LAYERS = {"country", "land", "lake"}
LINE_LAYERS = {"river", "story_line", "railway", "road"}
NAME_KEYS = ("name_local", "name_ru", "name_kk", "name_zh")
#: The Central Asia basemap shipped beside this module (the bundled story's map; the editor
#: offers it to any story): Natural Earth, GMT and GeoNames data, credited in the bundled
#: story's story.toml.
CENTRAL_ASIA = "central-asia.geojson"


class BasemapError(StoryError):
    """A basemap that cannot be used; ``str()`` says why in one line."""


@dataclass(frozen=True)
class Area:
    layer: str  # "country" | "land" | "lake"
    name: str
    names: dict[str, str]
    rank: int
    code: str  # iso_a2 for countries, else ""
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True)
class Line:
    layer: str  # "river" | "story_line" | "railway" | "road"
    name: str
    names: dict[str, str]
    rank: int
    parts: tuple[tuple[Point, ...], ...]
    approx: bool = False
    style: str = ""  # story lines: "rail", "road", "route" ...


@dataclass(frozen=True)
class PlacePoint:
    name: str
    names: dict[str, str]
    rank: int
    lon: float
    lat: float
    cc: str = ""
    key: bool = False
    approx: bool = False


@dataclass(frozen=True)
class Basemap:
    name: str
    countries: tuple[Area, ...]
    lakes: tuple[Area, ...]
    rivers: tuple[Line, ...]
    lines: tuple[Line, ...]
    places: tuple[PlacePoint, ...]
    bbox: tuple[float, float, float, float]
    extents: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)

    @property
    def feature_count(self) -> int:
        return (
            len(self.countries)
            + len(self.lakes)
            + len(self.rivers)
            + len(self.lines)
            + len(self.places)
        )


class _Counter:
    def __init__(self) -> None:
        self.points = 0


def _fail(where: str, reason: str) -> BasemapError:
    return BasemapError(f"basemap {where}: {reason}" if where else f"basemap: {reason}")


def _num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _point(c: Any, where: str, count: _Counter) -> Point:
    if not isinstance(c, list) or len(c) < 2 or not _num(c[0]) or not _num(c[1]):
        raise _fail(where, "a position is not a [lon, lat] pair of numbers")
    lon, lat = float(c[0]), float(c[1])
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise _fail(where, "a coordinate is not a finite number")
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise _fail(where, f"coordinate ({lon:g}, {lat:g}) is outside lon -180..180, lat -90..90")
    count.points += 1
    if count.points > MAX_POINTS:
        raise _fail("", f"more than {MAX_POINTS:,} points; too large to draw")
    return (lon, lat)


def _seq(c: Any, where: str, count: _Counter, minimum: int) -> tuple[Point, ...]:
    if not isinstance(c, list):
        raise _fail(where, "coordinates are not a list of positions")
    out: list[Point] = []
    isfinite = math.isfinite
    for p in c:  # the common case inline (this loop sees every vertex of the map)
        if type(p) is list and len(p) >= 2:
            lon, lat = p[0], p[1]
            if (
                type(lon) in (float, int)
                and type(lat) in (float, int)
                and -180.0 <= lon <= 180.0
                and -90.0 <= lat <= 90.0
                and isfinite(lon)
                and isfinite(lat)
            ):
                out.append((float(lon), float(lat)))
                continue
        _point(p, where, count)  # raises with the precise reason
        out.append((float(p[0]), float(p[1])))  # pragma: no cover - bool/int subclasses
    count.points += len(out)
    if count.points > MAX_POINTS:
        raise _fail("", f"more than {MAX_POINTS:,} points; too large to draw")
    if len(out) < minimum:
        raise _fail(where, f"a line or ring has {len(out)} positions (at least {minimum} needed)")
    return tuple(out)


def _polygon(c: Any, where: str, count: _Counter) -> Polygon:
    if not isinstance(c, list) or not c:
        raise _fail(where, "a polygon has no rings")
    return tuple(_seq(r, where, count, 3) for r in c)


def _geometry(g: Any, where: str, count: _Counter, depth: int = 0) -> tuple[str, list[Any]]:
    """('area' | 'line' | 'point', parts) for one GeoJSON geometry."""
    if not isinstance(g, dict):
        raise _fail(where, "geometry is not an object")
    kind = g.get("type")
    if kind == "GeometryCollection":
        if depth > 0:
            raise _fail(where, "nested GeometryCollections are not supported")
        members = g.get("geometries")
        if not isinstance(members, list) or not members:
            raise _fail(where, "empty GeometryCollection")
        kinds, parts = set(), []
        for m in members:
            k, p = _geometry(m, where, count, depth + 1)
            kinds.add(k)
            parts.extend(p)
        if len(kinds) != 1:
            raise _fail(where, "a GeometryCollection mixes areas, lines and points")
        return kinds.pop(), parts
    c = g.get("coordinates")
    if kind == "Point":
        return "point", [_point(c, where, count)]
    if kind == "MultiPoint" and isinstance(c, list):
        return "point", [_point(p, where, count) for p in c]
    if kind == "LineString":
        return "line", [_seq(c, where, count, 2)]
    if kind == "MultiLineString" and isinstance(c, list):
        return "line", [_seq(p, where, count, 2) for p in c]
    if kind == "Polygon":
        return "area", [_polygon(c, where, count)]
    if kind == "MultiPolygon" and isinstance(c, list):
        return "area", [_polygon(p, where, count) for p in c]
    raise _fail(where, f"unsupported geometry type {str(kind)[:40]!r}")


def _text(v: Any) -> str:
    return v[:MAX_NAME] if isinstance(v, str) else ""


def _rank(v: Any, default: int) -> int:
    if _num(v) and math.isfinite(v):
        return max(-10, min(20, int(v)))
    return default


def _bbox4(v: Any) -> tuple[float, float, float, float] | None:
    if not isinstance(v, list) or len(v) != 4 or not all(_num(x) for x in v):
        return None
    a, b, c, d = (float(x) for x in v)
    if not all(math.isfinite(x) for x in (a, b, c, d)) or a >= c or b >= d:
        return None
    if not (-180 <= a and c <= 180 and -90 <= b and d <= 90):
        return None
    return (a, b, c, d)


def parse_basemap(data: bytes, *, name: str = "") -> Basemap:
    """Check and parse GeoJSON bytes; raises :class:`BasemapError` with a clear reason."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _fail("", "data is not bytes")
    if len(data) == 0:
        raise _fail("", "is empty (0 bytes)")
    if len(data) > MAX_BYTES:
        raise _fail("", f"is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        doc = json.loads(bytes(data).decode("utf-8"))
    except UnicodeDecodeError:
        raise _fail("", "is not UTF-8 text (not GeoJSON)") from None
    except RecursionError:
        raise _fail("", "is nested too deeply to be GeoJSON") from None
    except ValueError as exc:
        raise _fail("", f"is not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(doc, dict):
        raise _fail("", "is not a GeoJSON object")
    if doc.get("type") == "Feature":
        feats: Any = [doc]
    elif doc.get("type") == "FeatureCollection":
        feats = doc.get("features")
    else:
        raise _fail("", "is not a GeoJSON FeatureCollection")
    if not isinstance(feats, list):
        raise _fail("", "'features' is not a list")
    if len(feats) > MAX_FEATURES:
        raise _fail("", f"has {len(feats):,} features; the limit is {MAX_FEATURES:,}")
    count = _Counter()
    countries: list[Area] = []
    lakes: list[Area] = []
    rivers: list[Line] = []
    lines: list[Line] = []
    places: list[PlacePoint] = []
    for i, f in enumerate(feats):
        where = f"feature {i + 1}"
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise _fail(where, "is not a GeoJSON Feature")
        if f.get("geometry") is None:
            continue  # GeoJSON allows unlocated features; nothing to draw
        props = f.get("properties") or {}
        if not isinstance(props, dict):
            raise _fail(where, "properties is not an object")
        kind, parts = _geometry(f["geometry"], where, count)
        layer = _text(props.get("layer"))
        label = _text(props.get("name"))
        names = {k: _text(props[k]) for k in NAME_KEYS if _text(props.get(k))}
        if kind == "area":
            layer = layer if layer in AREA_LAYERS else ("land" if not layer else layer)
            if layer not in AREA_LAYERS:
                continue
            area = Area(
                layer=layer,
                name=label,
                names=names,
                rank=_rank(props.get("rank"), 10),
                code=_text(props.get("iso_a2")),
                polygons=tuple(parts),
            )
            (lakes if layer == "lake" else countries).append(area)
        elif kind == "line":
            layer = layer if layer in LINE_LAYERS else "story_line"
            line = Line(
                layer=layer,
                name=label,
                names=names,
                rank=_rank(props.get("rank"), 10),
                parts=tuple(parts),
                approx=props.get("approx") is True,
                style=_text(props.get("style")) or ("rail" if layer == "railway" else ""),
            )
            (rivers if layer == "river" else lines).append(line)
        else:
            for lon, lat in parts:
                places.append(
                    PlacePoint(
                        name=label,
                        names=names,
                        rank=_rank(props.get("rank"), 9),
                        lon=lon,
                        lat=lat,
                        cc=_text(props.get("cc")),
                        key=props.get("key") is True,
                        approx=props.get("approx") is True,
                    )
                )
    if count.points == 0:
        raise _fail("", "has no features with coordinates")
    bbox = _bbox4(doc.get("bbox")) or _bounds(countries, lakes, rivers, lines, places)
    extents: dict[str, tuple[float, float, float, float]] = {}
    raw_ext = doc.get("extents")
    if isinstance(raw_ext, dict):
        for k, v in list(raw_ext.items())[:32]:
            b = _bbox4(v)
            if b is not None:
                extents[_text(k)] = b
    return Basemap(
        name=name or _text(doc.get("name")),
        countries=tuple(countries),
        lakes=tuple(lakes),
        rivers=tuple(rivers),
        lines=tuple(lines),
        places=tuple(places),
        bbox=bbox,
        extents=extents,
    )


def _bounds(*groups: Iterable[Any]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for group in groups:
        for item in group:
            if isinstance(item, PlacePoint):
                xs.append(item.lon)
                ys.append(item.lat)
                continue
            seqs = (
                [r for poly in item.polygons for r in poly]
                if isinstance(item, Area)
                else list(item.parts)
            )
            for s in seqs:
                xs.extend(p[0] for p in s)
                ys.extend(p[1] for p in s)
    if min(xs) == max(xs) or min(ys) == max(ys):
        return (min(xs) - 0.5, min(ys) - 0.5, max(xs) + 0.5, max(ys) + 0.5)
    return (min(xs), min(ys), max(xs), max(ys))


def central_asia() -> bytes:
    """The shipped Central Asia basemap's GeoJSON (package data of ``story.maps``)."""
    return (resources.files("story.maps") / CENTRAL_ASIA).read_bytes()
