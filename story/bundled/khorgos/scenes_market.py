"""Where the goods end up: a shopping-centre aisle, shoppers in the street, a bazaar.

The goods are coloured blocks, hanging shapes and dark screens, never brands
or writing; the shoppers are the same anonymous silhouettes as elsewhere.
"""

from __future__ import annotations

import random

from PIL import Image

from story.bundled.khorgos import figures as fig
from story.bundled.khorgos import landscape as land
from story.bundled.khorgos import objects as ob
from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import finish, glow, vgradient
from story.bundled.khorgos.palette import mix
from story.bundled.khorgos.scenes_port import backdrop
from story.bundled.khorgos.scenes_yard import Camera


def _shelf_goods(
    ink: ob.Ink, rng: random.Random, x0: float, x1: float, y0: float, y1: float, kind: int
) -> None:
    """Fill a shelf box with goods: hanging clothes, toy boxes or dark gadgets with screens."""
    x = x0
    while x < x1:
        c = pal.GOODS[rng.randrange(len(pal.GOODS))]
        if kind == 0:  # clothes on a rail
            gw = (x1 - x0) * rng.uniform(0.05, 0.09)
            ink.poly(
                [
                    (x, y0 + (y1 - y0) * 0.1),
                    (x + gw, y0 + (y1 - y0) * 0.1),
                    (x + gw * 1.05, y1),
                    (x - gw * 0.05, y1),
                ],
                c,
            )
            ink.line([(x + gw / 2, y0), (x + gw / 2, y0 + (y1 - y0) * 0.1)], 2, pal.STEEL)
            x += gw * 0.8
        elif kind == 1:  # boxed toys
            gw = (x1 - x0) * rng.uniform(0.06, 0.12)
            gh = (y1 - y0) * rng.uniform(0.5, 0.95)
            ink.rect(x, y1 - gh, x + gw * 0.92, y1, c)
            ink.ellipse(x + gw * 0.46, y1 - gh * 0.6, gw * 0.2, pal.lighter(c, 0.45))
            x += gw
        elif kind == 3:  # folded clothes in piles
            gw = (x1 - x0) * rng.uniform(0.09, 0.14)
            layers = rng.randint(4, 8)
            th = (y1 - y0) * 0.11
            for k in range(layers):
                lc = pal.GOODS[rng.randrange(len(pal.GOODS))]
                ink.rect(x, y1 - (k + 1) * th, x + gw * 0.9, y1 - k * th + 1, lc)
                ink.rect(x, y1 - k * th - th * 0.15, x + gw * 0.9, y1 - k * th, pal.darker(lc, 0.2))
            x += gw
        else:  # electronics
            gw = (x1 - x0) * rng.uniform(0.08, 0.14)
            gh = (y1 - y0) * rng.uniform(0.5, 0.8)
            ink.rect(x, y1 - gh, x + gw * 0.9, y1, (38, 40, 46))
            ink.rect(
                x + gw * 0.08, y1 - gh * 0.92, x + gw * 0.82, y1 - gh * 0.2, mix(pal.GLASS, c, 0.3)
            )
            x += gw


def market_hall(w: int, h: int, seed: int) -> Image.Image:
    """Inside a shopping centre: long shelves of clothes, toys and electronics, a busy aisle."""
    rng = random.Random(seed)
    img = vgradient(
        (w, h),
        [
            (0.0, mix(pal.PAPER, pal.CONCRETE, 0.5)),
            (0.45, pal.PAPER),
            (1.0, mix(pal.CONCRETE, pal.SAND, 0.3)),
        ],
    )
    cam = Camera(w, h, 0.47, 1.7, 0.5)
    ink = ob.Ink(img.size)
    ceiling = mix(pal.CONCRETE, pal.PAPER, 0.4)
    ink.poly(
        [
            cam.p(-9.0, 4.6, 1.0),
            cam.p(9.0, 4.6, 1.0),
            cam.p(9.0, 4.6, 300.0),
            cam.p(-9.0, 4.6, 300.0),
        ],
        ceiling,
    )
    for k in range(-10, 11):
        ink.line(
            [cam.p(k * 1.2, 0.0, 1.0), cam.p(k * 1.2, 0.0, 200.0)],
            1.5,
            pal.darker(pal.CONCRETE, 0.1),
        )
    z = 70.0
    while z > 1.5:
        a, b = cam.p(-1.2, 4.6, z), cam.p(1.2, 4.6, z + 1.4)
        ink.poly(
            [
                a,
                (a[0] + (cam.vx - a[0]) * 0.0, a[1]),
                cam.p(1.2, 4.6, z),
                b,
                cam.p(-1.2, 4.6, z + 1.4),
            ],
            pal.lighter(pal.LAMP, 0.55),
        )
        z -= 4.0 if z > 10 else 2.5
    for side in (-1, 1):
        for z in (
            62.0,
            58.0,
            54.0,
            50.0,
            46.0,
            42.0,
            38.0,
            34.0,
            30.0,
            26.0,
            22.0,
            18.0,
            14.0,
            10.0,
            6.0,
            2.0,
        ):
            x_in, x_out = side * 1.9, side * 4.5
            xa, xb = (x_in, x_out) if side > 0 else (x_out, x_in)
            cam.box(ink, xa, xb, 0.0, 2.7, z, z + 3.8, pal.darker(pal.CREAM, 0.1))
            kind = rng.randrange(3)
            for level in range(3):
                ya, yb = 0.25 + level * 0.8, 0.95 + level * 0.8
                _face_goods(ink, rng, cam, x_in, ya, yb, z + 0.1, z + 3.7, kind)
    people = [(4.0 + 36.0 * rng.random() ** 1.6, rng.uniform(-1.3, 1.3)) for _ in range(26)]
    for z, x in sorted(people, reverse=True):
        fx, fy = cam.p(x, 0.0, z)
        fig.person(
            ink,
            rng,
            fx,
            fy,
            cam.f * rng.uniform(1.55, 1.85) / z,
            rng.choice(pal.PEOPLE),
            bag=rng.choice(pal.GOODS) if rng.random() < 0.6 else None,
        )
    for z in (40.0, 22.0, 12.0):
        a, b = cam.p(-1.4, 4.1, z), cam.p(1.4, 3.5, z)
        ink.rect(a[0], a[1], b[0], b[1], pal.ACCENT)
        c0, c1 = cam.p(-1.0, 3.9, z), cam.p(0.2, 3.75, z)
        ink.rect(c0[0], c0[1], c1[0], c1[1], pal.lighter(pal.ACCENT, 0.5))
    ink.onto(img)
    glow(img, (w * 0.5, h * 0.3), w * 0.45, pal.lighter(pal.LAMP, 0.5), 70)
    return finish(img, seed, vignette=0.16)


def _face_goods(
    ink: ob.Ink,
    rng: random.Random,
    cam: Camera,
    x: float,
    ya: float,
    yb: float,
    z0: float,
    z1: float,
    kind: int,
) -> None:
    """Goods on a shelf face that runs away from the viewer (a side wall of the aisle)."""
    n = 7
    for k in range(n):
        za, zb = z0 + (z1 - z0) * k / n, z0 + (z1 - z0) * (k + 0.8) / n
        c = pal.GOODS[rng.randrange(len(pal.GOODS))]
        top = yb - (yb - ya) * (rng.uniform(0.0, 0.4) if kind else 0.05)
        if kind == 2:
            c = (38, 40, 46)
        ink.poly([cam.p(x, ya, za), cam.p(x, top, za), cam.p(x, top, zb), cam.p(x, ya, zb)], c)
        if kind == 2:
            sa, sb = za + (zb - za) * 0.15, zb - (zb - za) * 0.15
            sy0, sy1 = ya + (top - ya) * 0.25, top - (top - ya) * 0.12
            ink.poly(
                [cam.p(x, sy0, sa), cam.p(x, sy1, sa), cam.p(x, sy1, sb), cam.p(x, sy0, sb)],
                mix(pal.GLASS, pal.GOODS[rng.randrange(len(pal.GOODS))], 0.3),
            )


def bazaar(w: int, h: int, seed: int) -> Image.Image:
    """Open-air market stalls heaped with cheap goods, awnings, buyers between them."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    backdrop(img, rng, 0.5, sun=(0.85, 0.2), ranges=1)
    land.ground(img, 0.5, mix(pal.CONCRETE, pal.HAZE, 0.3), mix(pal.CONCRETE, pal.OCHRE, 0.3))
    for row, (y, k) in enumerate(((0.66, 0.7), (0.97, 1.25))):
        ink = ob.Ink(img.size)
        sw = w * 0.24 * k
        x = -rng.uniform(0, sw)
        while x < w:
            awn = rng.choice((pal.ACCENT, pal.TEAL, pal.NAVY, pal.ORANGE))
            yy = h * y
            ink.rect(x + sw * 0.05, yy - h * 0.2 * k, x + sw * 0.08, yy, pal.STEEL)
            ink.rect(x + sw * 0.92, yy - h * 0.2 * k, x + sw * 0.95, yy, pal.STEEL)
            for s in range(6):
                c = awn if s % 2 == 0 else pal.CREAM
                ink.poly(
                    [
                        (x + sw * s / 6 + sw * 0.02, yy - h * 0.235 * k),
                        (x + sw * (s + 1) / 6 + sw * 0.02, yy - h * 0.235 * k),
                        (x + sw * (s + 1) / 6, yy - h * 0.18 * k),
                        (x + sw * s / 6, yy - h * 0.18 * k),
                    ],
                    c,
                )
                # a scalloped edge, as on a canvas awning
                ink.ellipse(x + sw * (s + 0.5) / 6, yy - h * 0.18 * k, sw / 12, c, ry=h * 0.012 * k)
            ink.rect(
                x + sw * 0.05, yy - h * 0.07 * k, x + sw * 0.95, yy, pal.darker(pal.CREAM, 0.25)
            )
            _shelf_goods(
                ink,
                rng,
                x + sw * 0.08,
                x + sw * 0.92,
                yy - h * 0.17 * k,
                yy - h * 0.07 * k,
                rng.choice((1, 2, 3, 3)),
            )
            x += sw * rng.uniform(1.15, 1.5)
        fig.crowd(
            ink,
            rng,
            0,
            w,
            h * (y + 0.06),
            h * 0.11 * k,
            pal.PEOPLE,
            int(7 + row * 3),
            bags=pal.GOODS,
            spread=h * 0.03,
        )
        ink.onto(img)
    return finish(img, seed)


def shoppers(w: int, h: int, seed: int) -> Image.Image:
    """A portrait street: shoppers with full bags walk back under new towers."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    land.sky(img, pal.SKY_TOP, pal.SKY_LOW, horizon=0.7, sun=(0.25, 0.18))
    ink = ob.Ink(img.size)
    for layer, (k, base) in enumerate(((0.6, 0.7), (1.0, 0.74))):
        x = -w * 0.05
        while x < w:
            tw = w * rng.uniform(0.12, 0.2) * k
            th = h * rng.uniform(0.25, 0.55) * k
            body = mix(
                rng.choice((pal.CREAM, pal.GLASS, pal.SAND, pal.CONCRETE)),
                pal.HAZE,
                0.4 - layer * 0.3,
            )
            fig.tower(ink, rng, x, h * base, tw, th, body, pal.darker(body, 0.2))
            x += tw * rng.uniform(1.3, 1.8)
        if layer == 0:
            fig.tower_crane(ink, w * 0.72, h * base, h * 0.5, pal.ORANGE, 0.2, 0.35)
    ink.rect(0, h * 0.74, w, h, mix(pal.CONCRETE, pal.SAND, 0.3))
    for k in range(8):
        y = h * (0.74 + 0.26 * (k / 8) ** 1.6)
        ink.line([(0, y), (w, y)], 2, pal.darker(pal.CONCRETE, 0.08))
    people = sorted((rng.uniform(0, 1), rng.uniform(0.05, 0.95)) for _ in range(16))
    for depth, x in people:
        y = h * (0.76 + depth * 0.22)
        fig.person(
            ink,
            rng,
            x * w,
            y,
            h * (0.09 + depth * 0.2),
            rng.choice(pal.PEOPLE),
            bag=rng.choice(pal.GOODS),
        )
    ink.onto(img)
    return finish(img, seed)
