"""Cutting a large picture into a tile pyramid (Pillow only: no storage, no Qt).

Level 0 is the full resolution; each further level halves the picture, until
it fits in one tile. Tiles are ``TILE`` pixels square (edge tiles smaller),
encoded as PNG (drawn plans, flat colour) or JPEG (scans and photographs). A
viewer then decodes only the tiles in view at the level that matches its zoom,
so a 20,000 × 15,000 picture costs a few megabytes of memory, not a gigabyte.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

TILE = 256
#: The largest picture accepted (pixels): 20,000 × 15,000 is 300 million.
MAX_PIXELS = 400_000_000
_LIMIT_LOCK = threading.Lock()


class TileError(Exception):
    """A picture that cannot be cut into tiles; ``str()`` gives the reason in one line."""


@dataclass(frozen=True)
class PyramidInfo:
    width: int
    height: int
    tile_size: int
    levels: int
    tile_format: str  # "png" | "jpeg"


def level_count(width: int, height: int, tile: int = TILE) -> int:
    """Levels needed so that the smallest one fits in a single tile."""
    longest = max(width, height, 1)
    return 1 + max(0, math.ceil(math.log2(longest / tile)))


def level_size(width: int, height: int, level: int) -> tuple[int, int]:
    f = 2**level
    return max(1, math.ceil(width / f)), max(1, math.ceil(height / f))


def open_picture(
    source: bytes | Path | Image.Image, *, max_pixels: int = MAX_PIXELS
) -> Image.Image:
    """Open and fully decode a picture, refusing what is not one or is too large."""
    if isinstance(source, Image.Image):  # already decoded (drawn by code)
        if source.width * source.height > max_pixels:
            raise TileError(f"picture: {source.width} × {source.height} pixels is too large")
        return source if source.mode in ("RGB", "RGBA") else source.convert("RGB")
    name = source.name if isinstance(source, Path) else "picture"
    with _LIMIT_LOCK:
        saved = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = None  # our own limit below, checked before decoding
        try:
            fp = source.open("rb") if isinstance(source, Path) else io.BytesIO(source)
            try:
                img = Image.open(fp)
                w, h = img.size
                if w < 1 or h < 1:
                    raise TileError(f"{name}: the picture has no pixels")
                if w * h > max_pixels:
                    raise TileError(
                        f"{name}: {w} × {h} pixels is larger than the limit ({max_pixels:,} pixels)"
                    )
                img.load()
            finally:
                fp.close()
        except TileError:
            raise
        except FileNotFoundError:
            raise TileError(f"{name}: no such file") from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
            raise TileError(f"{name}: not a readable picture ({str(exc)[:80]})") from None
        finally:
            Image.MAX_IMAGE_PIXELS = saved
    if img.mode not in ("RGB", "RGBA"):
        has_alpha = img.mode in ("LA", "PA") or (img.mode == "P" and "transparency" in img.info)
        return img.convert("RGBA" if has_alpha else "RGB")
    return img


def cut_pyramid(
    img: Image.Image,
    *,
    tile: int = TILE,
    tile_format: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> tuple[PyramidInfo, Iterator[tuple[int, int, int, bytes]]]:
    """The pyramid's facts and an iterator of ``(level, col, row, encoded bytes)``."""
    if tile_format is None:  # photographs and scans stay JPEG; drawn plans PNG unless huge
        jpeg_source = getattr(img, "format", None) == "JPEG"
        small = img.width * img.height <= 16e6
        tile_format = "png" if img.mode == "RGBA" or (small and not jpeg_source) else "jpeg"
    fmt = tile_format
    if fmt not in ("png", "jpeg"):
        raise TileError(f"unknown tile format {fmt!r}")
    if fmt == "jpeg" and img.mode != "RGB":
        img = img.convert("RGB")
    info = PyramidInfo(img.width, img.height, tile, level_count(img.width, img.height, tile), fmt)
    total = sum(
        math.ceil(level_size(img.width, img.height, lv)[0] / tile)
        * math.ceil(level_size(img.width, img.height, lv)[1] / tile)
        for lv in range(info.levels)
    )

    def tiles() -> Iterator[tuple[int, int, int, bytes]]:
        done = 0
        current = img
        for level in range(info.levels):
            if level:
                current = current.reduce(2) if min(current.size) >= 2 else current
            cols = math.ceil(current.width / tile)
            rows = math.ceil(current.height / tile)
            for row in range(rows):
                for col in range(cols):
                    box = (
                        col * tile,
                        row * tile,
                        min(current.width, (col + 1) * tile),
                        min(current.height, (row + 1) * tile),
                    )
                    buf = io.BytesIO()
                    piece = current.crop(box)
                    if fmt == "png":
                        piece.save(buf, "PNG", compress_level=6)
                    else:
                        piece.save(buf, "JPEG", quality=86, optimize=False)
                    done += 1
                    if progress and done % 64 == 0:
                        progress(done / total)
                    yield level, col, row, buf.getvalue()
        if progress:
            progress(1.0)

    return info, tiles()
