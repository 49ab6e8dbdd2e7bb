"""Zoomify tile folders, the way StoryMapJS shows a gigapixel picture: read and written.

A Zoomify folder holds ``TileGroupN/z-x-y.jpg``: level ``z`` counts from the
smallest picture (one tile) up, tiles are 256 pixels, numbered row by row
through the levels, 256 to a ``TileGroup``. Importing reads a folder that
sits beside the JSON (never one on the web) at the deepest level that fits
:data:`MAX_SIDE`; exporting writes a package's picture map as such a folder
so StoryMapJS shows it from the exported files.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from story.interop.projection import TILE, zoomify_levels

#: The longest side of a picture assembled from a Zoomify folder on import.
MAX_SIDE = 8192
_PIXEL_CAP = 400_000_000


def tile_group(levels: list[tuple[int, int]], z: int, col: int, row: int) -> int:
    """The ``TileGroup`` number of tile (col, row) of level ``z``."""
    before = sum(-(-w // TILE) * -(-h // TILE) for w, h in levels[:z])
    return (before + row * -(-levels[z][0] // TILE) + col) // 256


def tile_path(levels: list[tuple[int, int]], z: int, col: int, row: int) -> str:
    return f"TileGroup{tile_group(levels, z, col, row)}/{z}-{col}-{row}.jpg"


def read_local(folder: Path, width: int, height: int) -> tuple[Image.Image, int, int] | None:
    """The picture from a Zoomify folder on disk at the deepest level that fits
    :data:`MAX_SIDE`, with that level's size; None when a tile is missing or unreadable."""
    levels = zoomify_levels(width, height)
    z = max(i for i, (w, h) in enumerate(levels) if max(w, h) <= MAX_SIDE or i == 0)
    w, h = levels[z]
    if w * h > _PIXEL_CAP:
        return None
    canvas = Image.new("RGB", (w, h), "white")
    root = folder.resolve()
    for row in range(-(-h // TILE)):
        for col in range(-(-w // TILE)):
            path = (root / tile_path(levels, z, col, row)).resolve()
            if not path.is_relative_to(root) or not path.is_file():
                return None
            try:
                with Image.open(path) as tile:
                    tile.load()
                    canvas.paste(tile.convert("RGB"), (col * TILE, row * TILE))
            except (OSError, ValueError, Image.DecompressionBombError):
                return None
    return canvas, w, h


def write_tiles(
    picture: Image.Image, folder: Path, levels: list[tuple[int, int]] | None = None
) -> Iterator[Path]:
    """Write ``picture`` as a Zoomify folder (JPEG tiles); yields each file written."""
    levels = levels or zoomify_levels(picture.width, picture.height)
    for z, (w, h) in enumerate(levels):
        level = picture if (w, h) == picture.size else picture.resize((max(w, 1), max(h, 1)))
        for row in range(-(-h // TILE)):
            for col in range(-(-w // TILE)):
                box = (col * TILE, row * TILE, min((col + 1) * TILE, w), min((row + 1) * TILE, h))
                out = folder / tile_path(levels, z, col, row)
                out.parent.mkdir(parents=True, exist_ok=True)
                buf = io.BytesIO()
                level.crop(box).convert("RGB").save(buf, "JPEG", quality=85)
                out.write_bytes(buf.getvalue())
                yield out
