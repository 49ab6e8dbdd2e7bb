"""Things in the landscape: containers, trains, cranes, trucks, buildings and people.

Objects overlap in a strict order (a crane in front of a stack in front of a
train), so they are drawn in order onto an ``Ink`` layer: a transparent
picture at twice the size, reduced and laid over the scene when the plane is
done. Boxes use a light oblique projection (front face, lit top, shaded end)
so a flat side view still has volume. Sizes are given in picture pixels;
callers derive them from a metres-to-pixels scale so a container is always
about 12 m long next to a 20 m wagon.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from PIL import Image, ImageChops, ImageDraw

from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import SS, Point
from story.bundled.khorgos.palette import RGB, darker, lighter, mix

OBL = (0.62, -0.42)  # screen offset of one unit of depth


class Ink:
    """An ordered drawing layer, supersampled; ``onto`` composites it anti-aliased.

    Calls are recorded and replayed at ``onto`` into a canvas covering only
    their bounding box, at SS times the size: a layer holding one truck costs
    a truck-sized canvas, not a picture-sized one.
    """

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.ops: list[tuple[str, list[Point], float, tuple[int, int, int, int]]] = []

    def poly(self, pts: Sequence[Point], c: RGB) -> None:
        if len(pts) >= 3:
            self.ops.append(("poly", list(pts), 0.0, (*c, 255)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, c: RGB) -> None:
        ya, yb = min(y0, y1), max(y0, y1)
        self.ops.append(("rect", [(min(x0, x1), ya), (max(x0, x1), yb)], 0.0, (*c, 255)))

    def ellipse(self, cx: float, cy: float, r: float, c: RGB, ry: float | None = None) -> None:
        ry = r if ry is None else ry
        self.ops.append(("ellipse", [(cx - r, cy - ry), (cx + r, cy + ry)], 0.0, (*c, 255)))

    def line(self, pts: Sequence[Point], width: float, c: RGB) -> None:
        if len(pts) >= 2:
            self.ops.append(("line", list(pts), width, (*c, 255)))

    def shadow(self, pts: Sequence[Point], alpha: int = 70) -> None:
        """A translucent ground shadow; draw it before the object that casts it."""
        if len(pts) >= 3:
            self.ops.append(("poly", list(pts), 0.0, (0, 0, 0, alpha)))

    def onto(self, img: Image.Image, opacity: float = 1.0) -> None:
        """Replay, reduce (premultiplied, so edges don't darken) and composite over ``img``."""
        if not self.ops:
            return
        pad = max((wd for _, _, wd, _ in self.ops), default=0.0) + 2
        x0 = max(0, int(min(x for _, pts, _, _ in self.ops for x, _ in pts) - pad))
        y0 = max(0, int(min(y for _, pts, _, _ in self.ops for _, y in pts) - pad))
        x1 = min(self.size[0], int(max(x for _, pts, _, _ in self.ops for x, _ in pts) + pad) + 1)
        y1 = min(self.size[1], int(max(y for _, pts, _, _ in self.ops for _, y in pts) + pad) + 1)
        if x1 <= x0 or y1 <= y0:
            return
        big = Image.new("RGBA", ((x1 - x0) * SS, (y1 - y0) * SS), (0, 0, 0, 0))
        d = ImageDraw.Draw(big)
        for kind, pts, wd, fill in self.ops:
            xy = [((x - x0) * SS, (y - y0) * SS) for x, y in pts]
            if kind == "poly":
                d.polygon(xy, fill=fill)
            elif kind == "rect":
                d.rectangle(xy, fill=fill)
            elif kind == "ellipse":
                d.ellipse(xy, fill=fill)
            else:
                d.line(xy, fill=fill, width=max(1, round(wd * SS)), joint="curve")
        # Shapes are opaque (shadows black) on a transparent-black ground, so reducing
        # each band on its own (no RGBA premultiply round trip) gives premultiplied
        # colour: out = under * (1 - alpha) + colour.
        *rgb, alpha = (band.reduce(SS) for band in big.split())
        colour = Image.merge("RGB", rgb)
        if opacity < 1.0:
            alpha = alpha.point(lambda v: int(v * opacity))
            colour = colour.point(lambda v: int(v * opacity))
        region = img.crop((x0, y0, x1, y1))
        region.paste((0, 0, 0), (0, 0), alpha)
        img.paste(ImageChops.add(region, colour), (x0, y0))


def box(
    ink: Ink,
    x: float,
    y: float,
    length: float,
    height: float,
    depth: float,
    c: RGB,
    top: bool = True,
) -> None:
    """A lit box standing on (x, y): front face, top face and the shaded right end."""
    ox, oy = OBL[0] * depth, OBL[1] * depth
    ink.poly(
        [
            (x + length, y),
            (x + length, y - height),
            (x + length + ox, y - height + oy),
            (x + length + ox, y + oy),
        ],
        darker(c, 0.28),
    )
    if top:
        ink.poly(
            [
                (x, y - height),
                (x + length, y - height),
                (x + length + ox, y - height + oy),
                (x + ox, y - height + oy),
            ],
            lighter(c, 0.22),
        )
    ink.rect(x, y - height, x + length, y, c)


def container(
    ink: Ink,
    x: float,
    y: float,
    length: float,
    height: float,
    depth: float,
    c: RGB,
    top: bool = True,
) -> None:
    """A shipping container with corrugation ribs, rails and its door on the right end."""
    box(ink, x, y, length, height, depth, c, top)
    rib = darker(c, 0.13)
    n = max(6, int(length / max(3.0, height * 0.16)))
    for i in range(1, n):
        xx = x + length * i / n
        ink.line([(xx, y - height * 0.93), (xx, y - height * 0.07)], max(0.6, height * 0.03), rib)
    ink.rect(x, y - height, x + length, y - height * 0.93, lighter(c, 0.08))
    ink.rect(x, y - height * 0.07, x + length, y, darker(c, 0.3))
    ox, oy = OBL[0] * depth, OBL[1] * depth
    for k in (0.3, 0.7):
        bx = x + length + ox * k
        ink.line(
            [(bx, y + oy * k - height * 0.9), (bx, y + oy * k - height * 0.1)],
            max(0.6, height * 0.025),
            darker(c, 0.45),
        )


def stack(
    ink: Ink,
    rng: random.Random,
    x: float,
    y: float,
    cols: int,
    tiers: int,
    length: float,
    height: float,
    depth: float,
    colors: Sequence[RGB] = pal.CONTAINERS,
    gap: float = 0.0,
    ragged: bool = True,
) -> None:
    """A block of containers; drawn left to right, bottom up, so nearer faces cover the rest."""
    total = cols * (length + gap)
    ink.shadow(
        [
            (x, y),
            (x + total, y),
            (x + total + tiers * height * 0.9, y + height * 0.12),
            (x + tiers * height * 0.4, y + height * 0.12),
        ]
    )
    for col in range(cols):
        n = tiers if not ragged else max(1, tiers - (rng.random() < 0.35) - (rng.random() < 0.15))
        for t in range(n):
            c = colors[rng.randrange(len(colors))]
            container(
                ink,
                x + col * (length + gap),
                y - t * height,
                length,
                height,
                depth,
                c,
                top=t == n - 1,
            )


def rails(ink: Ink, x0: float, x1: float, y: float, scale: float, c: RGB = pal.STEEL) -> None:
    """A track in side view: ballast shoulder, sleepers' ends and the rail head."""
    ink.poly(
        [
            (x0, y + 0.9 * scale),
            (x1, y + 0.9 * scale),
            (x1, y + 0.2 * scale),
            (x0, y + 0.2 * scale),
        ],
        mix(pal.CONCRETE, pal.OCHRE, 0.3),
    )
    sleeper = darker(pal.OCHRE, 0.45)
    step = 0.6 * scale
    xx = x0
    while xx < x1:
        ink.rect(xx, y + 0.15 * scale, xx + 0.25 * scale, y + 0.32 * scale, sleeper)
        xx += step
    ink.rect(x0, y, x1, y + 0.16 * scale, c)


def bogie(ink: Ink, cx: float, y: float, scale: float, c: RGB = (52, 50, 48)) -> None:
    """Two wheels and a frame: enough to read 'railway' at any size."""
    r = 0.46 * scale
    for dx in (-0.95, 0.95):
        ink.ellipse(cx + dx * scale, y - r, r, c)
        ink.ellipse(cx + dx * scale, y - r, r * 0.35, mix(c, pal.STEEL, 0.6))
    ink.rect(cx - 1.5 * scale, y - r * 1.5, cx + 1.5 * scale, y - r * 0.9, darker(c, 0.2))


def wagon(
    ink: Ink,
    rng: random.Random,
    x: float,
    y: float,
    scale: float,
    load: int = 2,
    colors: Sequence[RGB] = pal.CONTAINERS,
) -> float:
    """A container flatcar (about 25 m) with ``load`` 12 m boxes; returns its length in px."""
    length = 25.0 * scale
    deck = y - 1.25 * scale
    ink.rect(x, deck - 0.35 * scale, x + length, deck, (64, 58, 52))
    ink.line(
        [(x - 0.5 * scale, deck - 0.15 * scale), (x + length + 0.5 * scale, deck - 0.15 * scale)],
        0.12 * scale,
        (40, 38, 36),
    )
    for bx in (x + 2.8 * scale, x + length - 2.8 * scale):
        bogie(ink, bx, y, scale)
    for k in range(load):
        c = colors[rng.randrange(len(colors))]
        container(
            ink,
            x + 0.4 * scale + k * 12.3 * scale,
            deck - 0.35 * scale,
            12.0 * scale,
            2.6 * scale,
            1.4 * scale,
            c,
        )
    return length


def locomotive(
    ink: Ink, x: float, y: float, scale: float, body: RGB, stripe: RGB, facing_left: bool = True
) -> float:
    """A boxy diesel freight locomotive (about 21 m); returns its length in px."""
    length = 21.0 * scale
    top = y - 4.6 * scale
    box(ink, x, y - 1.2 * scale, length, 3.4 * scale, 1.6 * scale, body)
    ink.rect(x, top + 2.0 * scale, x + length, top + 2.45 * scale, stripe)
    cab_x = x + (0.6 * scale if facing_left else length - 4.2 * scale)
    ink.rect(
        cab_x, top + 0.5 * scale, cab_x + 3.6 * scale, top + 1.5 * scale, mix(pal.GLASS, body, 0.3)
    )
    for k in range(5):
        gx = x + length * (0.3 + k * 0.09)
        ink.rect(gx, top + 0.6 * scale, gx + 1.1 * scale, top + 1.6 * scale, darker(body, 0.18))
    for bx in (x + 3.5 * scale, x + length - 3.5 * scale):
        bogie(ink, bx, y, scale * 1.05)
    return length


def train(
    ink: Ink,
    rng: random.Random,
    x: float,
    y: float,
    scale: float,
    wagons: int,
    body: RGB = pal.NAVY,
    stripe: RGB = pal.ORANGE,
    colors: Sequence[RGB] = pal.CONTAINERS,
    gap: float = 0.6,
) -> float:
    """A locomotive pulling container flatcars to the right of it; returns the end x."""
    xx = x + locomotive(ink, x, y, scale, body, stripe) + gap * scale
    for _ in range(wagons):
        xx += wagon(ink, rng, xx, y, scale, 2 if rng.random() < 0.8 else 1, colors) + gap * scale
    return xx


def gantry(
    ink: Ink,
    x: float,
    y: float,
    scale: float,
    c: RGB = pal.ORANGE,
    span: float = 40.0,
    height: float = 24.0,
    hook: float | None = 0.55,
    load: RGB | None = None,
) -> None:
    """A rail-mounted gantry crane, side on: A-frame legs, a girder with cantilevers, a trolley."""
    s = scale
    top = y - height * s
    beam = 1.6 * s
    leg = 0.9 * s
    dark = darker(c, 0.25)
    for lx in (x, x + span * s):
        for dx in (-3.0, 3.0):
            ink.poly(
                [
                    (lx + dx * s - leg / 2, y),
                    (lx + dx * s + leg / 2, y),
                    (lx + leg / 2, top),
                    (lx - leg / 2, top),
                ],
                dark if dx > 0 else c,
            )
        ink.rect(lx - 4.2 * s, y - 1.2 * s, lx + 4.2 * s, y, darker(c, 0.4))
        ink.rect(
            lx - 3.2 * s,
            top + height * s * 0.45,
            lx + 3.2 * s,
            top + height * s * 0.45 + 0.6 * s,
            dark,
        )
    ink.rect(x - 8 * s, top - beam, x + (span + 8) * s, top, c)
    ink.rect(x - 8 * s, top - 0.25 * s, x + (span + 8) * s, top, dark)
    for k in range(int(span + 16) // 3):
        bx = x - 8 * s + k * 3 * s
        ink.line([(bx, top - beam * 0.85), (bx + 1.5 * s, top - beam * 0.15)], 0.18 * s, dark)
    if hook is not None:
        tx = x + span * s * hook
        ink.rect(tx - 2.2 * s, top - beam - 1.4 * s, tx + 2.2 * s, top + 0.6 * s, lighter(c, 0.1))
        ink.rect(tx - 1.4 * s, top - beam - 1.0 * s, tx - 0.2 * s, top - beam - 0.2 * s, pal.GLASS)
        drop = height * s * 0.52
        for dx in (-1.2, 1.2):
            ink.line(
                [(tx + dx * s, top + 0.6 * s), (tx + dx * 2.4 * s, top + drop)],
                0.12 * s,
                (40, 40, 40),
            )
        ink.rect(tx - 6.2 * s, top + drop, tx + 6.2 * s, top + drop + 0.5 * s, pal.INK)
        if load is not None:
            container(
                ink, tx - 6.0 * s, top + drop + 0.5 * s + 2.6 * s, 12.0 * s, 2.6 * s, 1.4 * s, load
            )
