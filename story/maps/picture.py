"""Illustrated (picture) maps: a tile pyramid stored in the package, places in pixels.

A picture map is a ``maps`` row of kind ``"image"`` whose ``data`` is a small
JSON descriptor (size, tile size, levels, tile format, the story's own lines)
and whose pixels live in the ``map_tiles`` table declared here, one row per
tile. ``extent`` is ``[0, 0, width, height]``. A place on a picture map has
``x`` and ``y`` in full-resolution pixels, ``lat``/``lon`` NULL (format 3,
docs/MAP.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from media.tiles import TileError, cut_pyramid, level_size, open_picture
from story.errors import PackageError, StoryError
from story.ids import MapId
from story.maps.basemap import Line
from story.package.file import Package
from story.package.schema import Base, MapRow, MapTileRow

DESCRIPTOR_FORMAT = "storyport-image-map"
MAX_SIDE = 200_000
MAX_LINES = 200
MAX_LINE_POINTS = 5_000


class ImageMapError(StoryError):
    """A picture map that cannot be imported or shown, said in one line."""


@dataclass(frozen=True)
class ImageMapInfo:
    map_id: int
    width: int
    height: int
    tile_size: int
    levels: int
    tile_format: str
    lines: tuple[Line, ...] = ()


def _lines_json(lines: Sequence[Line]) -> list[dict[str, Any]]:
    return [
        {
            "name": ln.name,
            "approx": ln.approx,
            "style": ln.style,
            "parts": [[[x, y] for x, y in part] for part in ln.parts],
        }
        for ln in lines
    ]


def ensure_table(pkg: Package) -> None:
    """Create ``map_tiles`` in a package made before it existed."""
    Base.metadata.create_all(pkg.engine, tables=[MapTileRow.__table__])  # type: ignore[list-item]


def add_image_map(
    pkg: Package,
    source: bytes | Path | Any,
    *,
    name: str,
    attribution: str = "",
    lines: Sequence[Line] = (),
    tile_format: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> MapId:
    """Cut ``source`` into a tile pyramid and store it as a new picture map; returns its id.

    ``source`` is a file, its bytes, or a Pillow image already drawn by code.
    """
    try:
        img = open_picture(source)
        info, tiles = cut_pyramid(img, tile_format=tile_format, progress=progress)
    except TileError as exc:
        raise ImageMapError(f"image map {name!r}: {exc}") from None
    descriptor = {
        "format": DESCRIPTOR_FORMAT,
        "version": 1,
        "width": info.width,
        "height": info.height,
        "tile_size": info.tile_size,
        "levels": info.levels,
        "tile_format": info.tile_format,
        "lines": _lines_json(lines),
    }
    ensure_table(pkg)
    map_id = _add_row(pkg, name, json.dumps(descriptor).encode(), attribution, info)
    try:
        with pkg.session(write=True) as s:
            batch = 0
            for level, col, row, data in tiles:
                s.add(MapTileRow(map_id=map_id, level=level, col=col, row=row, data=data))
                batch += 1
                if batch % 256 == 0:
                    s.flush()
                    s.expunge_all()
    except TileError as exc:
        with pkg.session(write=True) as s:
            s.execute(delete(MapTileRow).where(MapTileRow.map_id == map_id))
            row_ = s.get(MapRow, map_id)
            if row_ is not None:
                s.delete(row_)
        raise ImageMapError(f"image map {name!r}: {exc}") from None
    return map_id


def _add_row(pkg: Package, name: str, data: bytes, attribution: str, info: Any) -> MapId:
    """The ``maps`` row (as ``story.editing.maps.add_map`` writes it; that module imports
    this package for a basemap's derived geometry, so this one does not import it)."""
    if pkg.readonly:
        raise PackageError(pkg.path, "is open read-only")
    with pkg.session(write=True) as s:
        count = s.scalar(select(func.count()).select_from(MapRow)) or 0
        row = MapRow(
            position=count,
            kind="image",
            name=name,
            data=data,
            attribution=attribution,
            extent_json=json.dumps([0.0, 0.0, float(info.width), float(info.height)]),
        )
        s.add(row)
        s.flush()
        return MapId(row.id)


def _int(d: dict[str, Any], key: str, lo: int, hi: int, where: str) -> int:
    v = d.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
        raise ImageMapError(f"{where}: '{key}' is missing or out of range")
    return v


def parse_descriptor(data: bytes, map_id: int = 0, name: str = "") -> ImageMapInfo:
    """Check a picture map's descriptor (it comes from the package: untrusted)."""
    where = f"image map {name!r}" if name else f"image map {map_id}"
    if len(data) > 4 * 1024 * 1024:
        raise ImageMapError(f"{where}: the descriptor is too large")
    try:
        d = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ImageMapError(f"{where}: the descriptor is not valid JSON (damaged map)") from None
    if not isinstance(d, dict) or d.get("format") != DESCRIPTOR_FORMAT:
        raise ImageMapError(f"{where}: not a Storyport picture map descriptor")
    w = _int(d, "width", 1, MAX_SIDE, where)
    h = _int(d, "height", 1, MAX_SIDE, where)
    tile = _int(d, "tile_size", 16, 4096, where)
    levels = _int(d, "levels", 1, 40, where)
    if 2 ** (levels - 1) * tile < max(w, h) / 2**0.5 and levels < 40:
        raise ImageMapError(f"{where}: the level count does not match the picture size")
    fmt = d.get("tile_format")
    if fmt not in ("png", "jpeg"):
        raise ImageMapError(f"{where}: unknown tile format")
    lines: list[Line] = []
    raw_lines = d.get("lines", [])
    if isinstance(raw_lines, list):
        for ln in raw_lines[:MAX_LINES]:
            parts = _parts(ln.get("parts") if isinstance(ln, dict) else None, w, h)
            if parts:
                lines.append(
                    Line(
                        layer="story_line",
                        name=str(ln.get("name", ""))[:200],
                        names={},
                        rank=0,
                        parts=parts,
                        approx=ln.get("approx") is True,
                        style=str(ln.get("style", ""))[:40],
                    )
                )
    return ImageMapInfo(map_id, w, h, tile, levels, fmt, tuple(lines))


def _parts(raw: Any, w: int, h: int) -> tuple[tuple[tuple[float, float], ...], ...]:
    if not isinstance(raw, list):
        return ()
    out = []
    for part in raw[:MAX_LINES]:
        if not isinstance(part, list):
            continue
        pts = []
        for p in part[:MAX_LINE_POINTS]:
            if (
                isinstance(p, list)
                and len(p) == 2
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in p)
                and all(math.isfinite(v) for v in p)
                and -w <= p[0] <= 2 * w
                and -h <= p[1] <= 2 * h
            ):
                pts.append((float(p[0]), float(p[1])))
        if len(pts) >= 2:
            out.append(tuple(pts))
    return tuple(out)


def image_map_info(pkg: Package, map_id: int) -> ImageMapInfo:
    with pkg.session() as s:
        row = s.get(MapRow, map_id)
        if row is None or row.kind != "image":
            raise ImageMapError(f"image map {map_id}: no such picture map")
        return parse_descriptor(bytes(row.data), map_id, row.name)


def read_tile(pkg: Package, map_id: int, level: int, col: int, row: int) -> bytes | None:
    """The encoded bytes of one tile, or None if the package holds no such tile."""
    with pkg.session() as s:
        try:
            data = s.scalar(
                select(MapTileRow.data).where(
                    MapTileRow.map_id == map_id,
                    MapTileRow.level == level,
                    MapTileRow.col == col,
                    MapTileRow.row == row,
                )
            )
        except Exception as exc:  # a package without the table, or a damaged one
            raise ImageMapError(f"image map {map_id}: tiles cannot be read ({exc})") from None
        return bytes(data) if data is not None else None


def tile_count(pkg: Package, map_id: int) -> int:
    from sqlalchemy import func

    with pkg.session() as s:
        return int(
            s.scalar(
                select(func.count()).select_from(MapTileRow).where(MapTileRow.map_id == map_id)
            )
            or 0
        )


def expected_tiles(info: ImageMapInfo) -> int:
    n = 0
    for lv in range(info.levels):
        w, h = level_size(info.width, info.height, lv)
        n += math.ceil(w / info.tile_size) * math.ceil(h / info.tile_size)
    return n
