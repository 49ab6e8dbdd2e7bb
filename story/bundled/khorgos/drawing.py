"""Drawing primitives: gradients, anti-aliased flat shapes, paper grain and labels.

Pillow draws polygons with hard, stair-stepped edges. Flat editorial
illustration lives on clean edges, so shapes are collected into a coverage mask
drawn at twice the size and reduced (cheap supersampling), and a colour or a
gradient is pasted through it at full size. Only the bounding box of what was
drawn is reduced and pasted, which keeps a picture at well under a second.
Everything random takes a ``random.Random`` so builds are byte-for-byte
reproducible.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

from story.bundled.khorgos.palette import RGB, mix

Point = tuple[float, float]
SS = 2  # supersampling factor for masks

_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/opentype/inter/Inter-Medium.otf",
    "/usr/share/fonts/opentype/inter/Inter-Regular.otf",
    "/usr/share/fonts/truetype/inter/Inter-Regular.ttf",
)
_BOLD_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf",
    "/usr/share/fonts/opentype/inter/Inter-Bold.otf",
)


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | None:
    """A label font, or None on a machine without one (labels are then left out)."""
    for path in _BOLD_CANDIDATES if bold else _FONT_CANDIDATES:
        if Path(path).is_file():
            try:
                return ImageFont.truetype(path, size)
            except OSError:
                continue
    return None


def vgradient(size: tuple[int, int], stops: Sequence[tuple[float, RGB]]) -> Image.Image:
    """A vertical gradient through ``stops`` [(0..1, colour)], made as one column and stretched."""
    w, h = size
    col = Image.new("RGB", (1, h))
    pixels: list[RGB] = []
    for y in range(h):
        t = y / max(1, h - 1)
        lo = stops[0]
        hi = stops[-1]
        for a, b in zip(stops, stops[1:], strict=False):
            if a[0] <= t <= b[0]:
                lo, hi = a, b
                break
        span = hi[0] - lo[0]
        pixels.append(mix(lo[1], hi[1], (t - lo[0]) / span if span > 0 else 0.0))
    col.putdata(pixels)
    return col.resize((w, h), Image.Resampling.NEAREST)


@lru_cache(maxsize=64)
def _glow_disc(diameter: int, strength: int) -> Image.Image:
    """A soft round mask (255 in the middle, 0 at the rim); cached, glows repeat a lot."""
    # radial_gradient is 0 at the centre and 181 at the tile's edge (255 in its corners).
    disc = Image.radial_gradient("L").point(lambda v: int((max(0, 181 - v) / 181) ** 2 * strength))
    return disc.resize((diameter, diameter), Image.Resampling.BILINEAR)


class Shape:
    """A coverage mask; ``paint`` pastes a colour through it, anti-aliased.

    Drawing calls are recorded and replayed at paint time into a mask covering
    only their bounding box (at SS times the size), so a small shape costs a
    small mask rather than a full-picture one.
    """

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.ops: list[tuple[str, list[Point], float, int]] = []

    @property
    def empty(self) -> bool:
        return not self.ops

    def poly(self, pts: Iterable[Point], fill: int = 255) -> Shape:
        pts = list(pts)
        if len(pts) >= 3:
            self.ops.append(("poly", pts, 0.0, fill))
        return self

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: int = 255) -> Shape:
        return self.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill)

    def ellipse(self, x0: float, y0: float, x1: float, y1: float, fill: int = 255) -> Shape:
        self.ops.append(("ellipse", [(x0, y0), (x1, y1)], 0.0, fill))
        return self

    def line(self, pts: Sequence[Point], width: float, fill: int = 255) -> Shape:
        if len(pts) >= 2:
            self.ops.append(("line", list(pts), width, fill))
        return self

    def rounded(
        self, x0: float, y0: float, x1: float, y1: float, r: float, fill: int = 255
    ) -> Shape:
        self.ops.append(("rounded", [(x0, y0), (x1, y1)], r, fill))
        return self

    def coverage(self) -> tuple[Image.Image, tuple[int, int]] | None:
        """The 1x mask of what was drawn, cropped to its bounding box, and where it goes."""
        if not self.ops:
            return None
        xs = [x for _, pts, _, _ in self.ops for x, _ in pts]
        ys = [y for _, pts, _, _ in self.ops for _, y in pts]
        pad = max((wd for kind, _, wd, _ in self.ops if kind == "line"), default=0.0) + 2
        x0 = max(0, int(min(xs) - pad))
        y0 = max(0, int(min(ys) - pad))
        x1 = min(self.size[0], int(max(xs) + pad) + 1)
        y1 = min(self.size[1], int(max(ys) + pad) + 1)
        if x1 <= x0 or y1 <= y0:
            return None
        mask = Image.new("L", ((x1 - x0) * SS, (y1 - y0) * SS), 0)
        d = ImageDraw.Draw(mask)

        def tr(pts: list[Point]) -> list[Point]:
            return [((x - x0) * SS, (y - y0) * SS) for x, y in pts]

        for kind, pts, wd, fill in self.ops:
            if kind == "poly":
                d.polygon(tr(pts), fill=fill)
            elif kind == "ellipse":
                d.ellipse(tr(pts), fill=fill)
            elif kind == "line":
                d.line(tr(pts), fill=fill, width=max(1, round(wd * SS)))
            else:
                d.rounded_rectangle(tr(pts), wd * SS, fill=fill)
        return mask.reduce(SS), (x0, y0)

    def paint(self, img: Image.Image, fill: RGB | Image.Image, opacity: float = 1.0) -> None:
        got = self.coverage()
        if got is None:
            return
        mask, (x, y) = got
        if opacity < 1.0:
            mask = mask.point(lambda v: int(v * opacity))
        if isinstance(fill, Image.Image):
            fill = fill.crop((x, y, x + mask.width, y + mask.height))
            img.paste(fill, (x, y), mask)
        else:
            img.paste(fill, (x, y, x + mask.width, y + mask.height), mask)


class Painter:
    """Shapes grouped by colour and painted in the order the colours were first used.

    A picture has hundreds of small shapes (containers, windows, grass) but a
    few dozen colours; one mask per colour keeps the work proportional to the
    colours, not the shapes. Callers use a new Painter for each depth plane.
    """

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.layers: dict[RGB, Shape] = {}

    def __call__(self, color: RGB) -> Shape:
        shape = self.layers.get(color)
        if shape is None:
            shape = self.layers[color] = Shape(self.size)
        return shape

    def paint(self, img: Image.Image) -> None:
        for color, shape in self.layers.items():
            shape.paint(img, color)
        self.layers.clear()


def fill_below(img: Image.Image, line: Sequence[Point], fill: RGB | Image.Image) -> None:
    """Fill everything under a left-to-right polyline (a ridge, a field edge)."""
    w, h = img.size
    pts = [(-2.0, h + 2.0), *line, (w + 2.0, h + 2.0)]
    Shape(img.size).poly(pts).paint(img, fill)


def glow(img: Image.Image, center: Point, radius: float, color: RGB, strength: int = 255) -> None:
    """A soft light: a sun in haze, a lamp at night (pasted only where it falls)."""
    d = max(2, int(radius * 2))
    disc = _glow_disc(d, strength)
    x, y = int(center[0] - d / 2), int(center[1] - d / 2)
    box = (max(0, x), max(0, y), min(img.width, x + d), min(img.height, y + d))
    if box[2] <= box[0] or box[3] <= box[1]:
        return
    mask = disc.crop((box[0] - x, box[1] - y, box[2] - x, box[3] - y))
    img.paste(color, box, mask)


@lru_cache(maxsize=8)
def _paper(size: tuple[int, int], sheet: int) -> Image.Image:
    """Paper grain for a picture size, as an RGB image around mid-grey.

    The tile is doubled in size so it reads as paper fibre rather than pixel
    noise (and compresses better). Made from ``random.Random`` (no C-level
    rand), and cached: every picture of a size shares one of four sheets.
    """
    rng = random.Random(7919 * (sheet + 1))
    n = 256
    tile = Image.frombytes("L", (n, n), rng.randbytes(n * n))
    tile = tile.point(lambda v: 128 + (v - 128) // 7).resize(
        (n * 2, n * 2), Image.Resampling.BICUBIC
    )
    w, h = size
    noise = Image.new("L", (w, h))
    for ty in range(0, h, tile.height):
        for tx in range(0, w, tile.width):
            noise.paste(tile, (tx, ty))
    return Image.merge("RGB", (noise, noise, noise))


@lru_cache(maxsize=8)
def _vignette(size: tuple[int, int], amount: float) -> Image.Image:
    """Darkening towards the corners, as an RGB multiplier image (cached per size)."""
    v = Image.radial_gradient("L").resize(size, Image.Resampling.BILINEAR)
    floor = int(255 * (1 - amount))
    v = v.point(lambda p: 255 - max(0, p - 110) * (255 - floor) // 145)
    return Image.merge("RGB", (v, v, v))


def finish(img: Image.Image, seed: int, vignette: float = 0.10, grain: float = 1.0) -> Image.Image:
    """The last pass every picture gets: a soft vignette and paper grain, for one printed look."""
    if vignette > 0:
        img = ImageChops.multiply(img, _vignette(img.size, vignette))
    if grain > 0:
        paper = _paper(img.size, seed % 4)
        if grain < 1.0:
            paper = paper.point(lambda p: 128 + int((p - 128) * grain))
        img = ImageChops.overlay(img, paper)
    return img


def label(
    img: Image.Image,
    xy: Point,
    text: str,
    size: int,
    color: RGB,
    *,
    bold: bool = False,
    anchor: str = "mm",
    halo: RGB | None = None,
) -> None:
    """Write a short label (a dimension, a place) if a font exists; otherwise draw nothing."""
    f = font(size, bold)
    if f is None:
        return
    d = ImageDraw.Draw(img)
    if halo is not None:
        d.text(
            xy,
            text,
            font=f,
            fill=halo,
            anchor=anchor,
            stroke_width=max(2, size // 8),
            stroke_fill=halo,
        )
    d.text(xy, text, font=f, fill=color, anchor=anchor)


def jitter_line(
    rng: random.Random, pts: Sequence[Point], amount: float, steps: int = 6
) -> list[Point]:
    """Subdivide a polyline and nudge the points: hand-cut paper rather than ruler edges."""
    out: list[Point] = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        for i in range(steps):
            t = i / steps
            out.append(
                (
                    x0 + (x1 - x0) * t + rng.uniform(-amount, amount),
                    y0 + (y1 - y0) * t + rng.uniform(-amount, amount),
                )
            )
    out.append(pts[-1])
    return out
