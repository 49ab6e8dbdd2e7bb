"""Scenes of towns and people: the zone's gateway, posters, Horgos, the market halls, cities.

The story's people are drawn as small, anonymous silhouettes on purpose: no
faces, no real signs, no readable text in any language, because the pictures
are illustrations of what the reporting describes, not depictions of
particular people or places.
"""

from __future__ import annotations

import random

from PIL import Image

from story.bundled.khorgos import landscape as land
from story.bundled.khorgos import objects as ob
from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import Shape, finish, glow, vgradient
from story.bundled.khorgos.palette import mix
from story.bundled.khorgos.scenes_port import Camera, backdrop

PEOPLE = (pal.INK, pal.NAVY, pal.darker(pal.SLATE, 0.3), (88, 60, 52), (70, 74, 60), pal.MUTED)


def gateway(w: int, h: int, seed: int) -> Image.Image:
    """The zone's monumental gateway over a wide plaza, visitors small beneath it."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.66
    backdrop(img, rng, horizon, sun=(0.15, 0.25), ranges=2)
    land.ground(img, horizon, mix(pal.CONCRETE, pal.HAZE, 0.3), mix(pal.CONCRETE, pal.SAND, 0.4))
    paving = Shape(img.size)
    for k in range(-24, 25):
        paving.line([(w / 2 + k * w * 0.004, h * horizon), (w / 2 + k * w * 0.09, h)], 2)
    for k in range(1, 12):
        y = h * horizon + (h * (1 - horizon)) * (k / 12) ** 1.8
        paving.line([(0, y), (w, y)], 1 + k * 0.25)
    paving.paint(img, pal.darker(pal.CONCRETE, 0.1), 0.5)
    ink = ob.Ink(img.size)
    cx, base = w * 0.5, h * 0.70
    pw, ph, span = w * 0.12, h * 0.42, w * 0.46
    stone, glass = pal.CREAM, mix(pal.GLASS, pal.NAVY, 0.25)
    for sx in (-1, 1):
        x0 = cx + sx * span / 2 - (pw if sx < 0 else 0)
        ink.poly(
            [(x0, base), (x0 + pw, base), (x0 + pw * 0.94, base - ph), (x0 + pw * 0.06, base - ph)],
            stone,
        )
        ink.poly(
            [
                (x0 + pw * (0.7 if sx < 0 else 0.0), base),
                (x0 + pw * (1.0 if sx < 0 else 0.3), base),
                (x0 + pw * (0.94 if sx < 0 else 0.25), base - ph),
                (x0 + pw * (0.66 if sx < 0 else 0.06), base - ph),
            ],
            pal.darker(stone, 0.12),
        )
        for k in range(9):
            yy = base - ph * (0.1 + k * 0.095)
            ink.rect(x0 + pw * 0.18, yy - ph * 0.04, x0 + pw * 0.82, yy, glass)
    top_y = base - ph
    deck_h = h * 0.15
    ink.poly(
        [
            (cx - span / 2 - pw * 1.15, top_y),
            (cx + span / 2 + pw * 1.15, top_y),
            (cx + span / 2 + pw * 1.05, top_y - deck_h),
            (cx - span / 2 - pw * 1.05, top_y - deck_h),
        ],
        stone,
    )
    ink.rect(
        cx - span / 2 - pw * 1.0,
        top_y - deck_h * 0.72,
        cx + span / 2 + pw * 1.0,
        top_y - deck_h * 0.28,
        glass,
    )
    for k in range(40):
        mx = cx - span / 2 - pw + k * (span + 2 * pw) / 40
        ink.line(
            [(mx, top_y - deck_h * 0.72), (mx, top_y - deck_h * 0.28)], 2, pal.darker(glass, 0.25)
        )
    ink.rect(
        cx - span / 2 - pw * 1.15,
        top_y - deck_h * 0.08,
        cx + span / 2 + pw * 1.15,
        top_y,
        pal.ACCENT,
    )
    ob.crowd(
        ink, rng, w * 0.1, w * 0.9, h * 0.74, h * 0.05, PEOPLE, 26, bags=pal.GOODS, spread=h * 0.16
    )
    for lx in (0.06, 0.2, 0.8, 0.94):
        ob.pole_lamp(ink, w * lx, h * 0.92, h * 0.3)
    ink.onto(img)
    return finish(img, seed)


def posters(w: int, h: int, seed: int) -> Image.Image:
    """Notices pasted on a wall, with only abstract lines and symbols where the words would be."""
    rng = random.Random(seed)
    wall = vgradient((w, h), [(0.0, mix(pal.CONCRETE, pal.PAPER, 0.3)), (1.0, pal.CONCRETE)])
    img = wall.copy()
    blocks = Shape(img.size)
    for row in range(12):
        off = (row % 2) * w * 0.06
        for k in range(10):
            x = off + k * w * 0.12 - w * 0.06
            blocks.rect(x, row * h * 0.075, x + w * 0.118, row * h * 0.075 + h * 0.072)
    blocks.paint(img, pal.lighter(pal.CONCRETE, 0.2), 0.35)
    ink = ob.Ink(img.size)
    specs = ((0.08, 0.14, 0.26, 0.52), (0.38, 0.1, 0.25, 0.5), (0.68, 0.16, 0.24, 0.46))
    for i, (px, py, pw, ph) in enumerate(specs):
        x0, y0, x1, y1 = px * w, py * h, (px + pw) * w, (py + ph) * h
        tilt = rng.uniform(-0.006, 0.006) * h
        ink.poly(
            [
                (x0 + 8, y0 + 14),
                (x1 + 8, y0 + 14 + tilt),
                (x1 + 8, y1 + 14 + tilt),
                (x0 + 8, y1 + 14),
            ],
            pal.darker(pal.CONCRETE, 0.18),
        )
        ink.poly([(x0, y0), (x1, y0 + tilt), (x1, y1 + tilt), (x0, y1)], pal.PAPER)
        head = (pal.ACCENT, pal.NAVY, pal.TEAL)[i]
        ink.rect(
            x0 + (x1 - x0) * 0.07,
            y0 + (y1 - y0) * 0.06,
            x1 - (x1 - x0) * 0.07,
            y0 + (y1 - y0) * 0.16,
            head,
        )
        # a pictogram: a figure, and a round sign beside it (no words)
        cxp, cyp, r = x0 + (x1 - x0) * 0.36, y0 + (y1 - y0) * 0.38, (x1 - x0) * 0.17
        ink.ellipse(cxp, cyp - r * 0.55, r * 0.3, pal.darker(pal.MUTED, 0.2))
        ink.poly(
            [
                (cxp - r * 0.55, cyp + r * 0.75),
                (cxp + r * 0.55, cyp + r * 0.75),
                (cxp + r * 0.4, cyp - r * 0.12),
                (cxp - r * 0.4, cyp - r * 0.12),
            ],
            pal.darker(pal.MUTED, 0.2),
        )
        sx, sr = x0 + (x1 - x0) * 0.72, r * 0.62
        ink.ellipse(sx, cyp, sr, pal.ACCENT)
        ink.ellipse(sx, cyp, sr * 0.74, pal.PAPER)
        ink.line(
            [(sx - sr * 0.55, cyp - sr * 0.55), (sx + sr * 0.55, cyp + sr * 0.55)],
            sr * 0.24,
            pal.ACCENT,
        )
        # lines standing in for text
        for k in range(7):
            ly = y0 + (y1 - y0) * (0.62 + k * 0.05)
            ln = (x1 - x0) * rng.uniform(0.55, 0.86)
            ink.rect(
                x0 + (x1 - x0) * 0.08,
                ly,
                x0 + (x1 - x0) * 0.08 + ln,
                ly + (y1 - y0) * 0.018,
                pal.mix(pal.MUTED, pal.PAPER, 0.25),
            )
        for tx, ty in ((x0, y0), (x1, y0 + tilt)):
            ink.rect(tx - 14, ty - 6, tx + 14, ty + 8, mix(pal.STRAW, pal.PAPER, 0.4))
    ink.rect(0, h * 0.86, w, h, mix(pal.CONCRETE, pal.INK, 0.3))
    ink.rect(0, h * 0.855, w, h * 0.865, pal.darker(pal.CONCRETE, 0.3))
    ob.person(ink, rng, w * 0.86, h * 1.02, h * 0.62, pal.INK, bag=pal.ACCENT)
    ink.onto(img)
    shade = Shape(img.size).poly([(0, 0), (w * 0.22, 0), (w * 0.05, h), (0, h)])
    shade.paint(img, pal.INK, 0.1)
    return finish(img, seed, vignette=0.14)


def skyline(w: int, h: int, seed: int, night: bool = False) -> Image.Image:
    """Horgos rising from the plain: new towers, tower cranes, the mountains behind."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.72
    if night:
        land.sky(
            img,
            pal.NIGHT_TOP,
            pal.DUSK_LOW,
            horizon=horizon,
            sun=(0.8, 0.7),
            sun_color=(255, 210, 150),
        )
    else:
        backdrop(img, rng, horizon - 0.08, sun=(0.78, 0.22), tint=0.15, ranges=1)
    land.ground(img, horizon, mix(pal.SAND, pal.HAZE, 0.4), mix(pal.OCHRE, pal.SAND, 0.5))
    for layer in range(3):
        ink = ob.Ink(img.size)
        k = 0.55 + layer * 0.25
        base = h * (horizon + layer * 0.05)
        x = -rng.uniform(0, w * 0.05)
        while x < w:
            tw = w * rng.uniform(0.035, 0.06) * k
            th = h * rng.uniform(0.12, 0.42) * k * (1.3 if abs(x - w * 0.45) < w * 0.2 else 0.8)
            body = mix(
                rng.choice((pal.CREAM, pal.CONCRETE, pal.GLASS, pal.SAND)),
                pal.HAZE,
                0.45 - layer * 0.2,
            )
            if night:
                body = mix(body, pal.NIGHT_TOP, 0.6)
            ob.tower(
                ink, rng, x, base, tw, th, body, pal.darker(body, 0.2), lit=0.35 if night else 0.0
            )
            if rng.random() < 0.22:
                ob.tower_crane(
                    ink, x + tw * 1.3, base, th * 1.15, mix(pal.ORANGE, pal.HAZE, 0.3 - layer * 0.1)
                )
            x += tw * rng.uniform(1.4, 2.4)
        ink.onto(img)
    front = ob.Ink(img.size)
    front.rect(0, h * 0.86, w, h, mix(pal.CONCRETE, pal.INK, 0.15))
    front.rect(0, h * 0.86, w, h * 0.87, pal.CREAM)
    for k in range(12):
        front.rect(w * (k / 12 + 0.02), h * 0.93, w * (k / 12 + 0.06), h * 0.935, pal.CREAM)
    ob.crowd(
        front, rng, w * 0.02, w * 0.98, h * 0.86, h * 0.075, PEOPLE, 14, bags=pal.GOODS, spread=0
    )
    front.onto(img)
    if night:
        glow(img, (w * 0.5, h * 0.75), w * 0.6, pal.LAMP, 45)
    return finish(img, seed)


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
    people = [(rng.uniform(4.0, 40.0), rng.uniform(-1.3, 1.3)) for _ in range(24)]
    for z, x in sorted(people, reverse=True):
        fx, fy = cam.p(x, 0.0, z)
        ob.person(
            ink,
            rng,
            fx,
            fy,
            cam.f * rng.uniform(1.55, 1.85) / z,
            rng.choice(PEOPLE),
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
            ob.tower(ink, rng, x, h * base, tw, th, body, pal.darker(body, 0.2))
            x += tw * rng.uniform(1.3, 1.8)
        if layer == 0:
            ob.tower_crane(ink, w * 0.72, h * base, h * 0.5, pal.ORANGE, 0.2, 0.35)
    ink.rect(0, h * 0.74, w, h, mix(pal.CONCRETE, pal.SAND, 0.3))
    for k in range(8):
        y = h * (0.74 + 0.26 * (k / 8) ** 1.6)
        ink.line([(0, y), (w, y)], 2, pal.darker(pal.CONCRETE, 0.08))
    people = sorted((rng.uniform(0, 1), rng.uniform(0.05, 0.95)) for _ in range(16))
    for depth, x in people:
        y = h * (0.76 + depth * 0.22)
        ob.person(
            ink,
            rng,
            x * w,
            y,
            h * (0.09 + depth * 0.2),
            rng.choice(PEOPLE),
            bag=rng.choice(pal.GOODS),
        )
    ink.onto(img)
    return finish(img, seed)


def city(
    w: int, h: int, seed: int, tall: float = 1.0, blocks: bool = True, dusk: float = 0.0
) -> Image.Image:
    """A city at the foot of snowy mountains: panel blocks, towers, poplars (Almaty, Urumqi)."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.74
    top = mix(pal.SKY_TOP, pal.NIGHT_TOP, dusk * 0.6)
    low = mix(pal.SKY_LOW, pal.DUSK_LOW, dusk)
    land.sky(img, top, low, horizon=horizon, sun=(0.2, 0.5) if dusk else (0.8, 0.2))
    haze = mix(pal.HAZE, low, 0.5)
    land.mountains(
        img,
        rng,
        horizon - 0.08,
        0.5,
        mix(pal.SLATE, haze, 0.35),
        peaks=6,
        snowline=0.45,
        shadow=0.14,
        haze=haze,
    )
    land.hills(img, rng, horizon - 0.06, 0.04, mix(pal.GRASS_DARK, haze, 0.5))
    for layer in range(3):
        ink = ob.Ink(img.size)
        k = 0.5 + layer * 0.3
        base = h * (horizon - 0.04 + layer * 0.06)
        x = -rng.uniform(0, w * 0.04)
        while x < w:
            body = mix(
                rng.choice((pal.CREAM, pal.CONCRETE, pal.SAND, pal.GLASS)), haze, 0.5 - layer * 0.2
            )
            if blocks and rng.random() < 0.6:
                bw, bh = w * rng.uniform(0.08, 0.16) * k, h * rng.uniform(0.06, 0.12) * k
            else:
                bw, bh = w * rng.uniform(0.03, 0.05) * k, h * rng.uniform(0.15, 0.35) * k * tall
            ob.tower(ink, rng, x, base, bw, bh, body, pal.darker(body, 0.22), lit=dusk * 0.4)
            x += bw * rng.uniform(1.1, 1.6)
        ink.onto(img)
        land.poplars(
            img,
            rng,
            (base / h) + 0.005,
            0.0,
            1.0,
            0.05 * k * 1.4,
            mix(pal.GRASS_DARK, haze, 0.5 - layer * 0.2),
            count=int(16 + layer * 6),
        )
    front = ob.Ink(img.size)
    front.rect(0, h * 0.9, w, h, mix(pal.CONCRETE, pal.INK, 0.25))
    front.rect(0, h * 0.895, w, h * 0.905, pal.CREAM)
    for k in range(10):
        front.rect(w * (k / 10 + 0.02), h * 0.95, w * (k / 10 + 0.07), h * 0.956, pal.CREAM)
    front.onto(img)
    return finish(img, seed)


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
                        (x + sw * s / 6, yy - h * 0.22 * k),
                        (x + sw * (s + 1) / 6, yy - h * 0.22 * k),
                        (x + sw * (s + 1) / 6, yy - h * 0.18 * k),
                        (x + sw * s / 6, yy - h * 0.18 * k),
                    ],
                    c,
                )
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
                rng.randrange(3),
            )
            x += sw * rng.uniform(1.15, 1.5)
        ob.crowd(
            ink,
            rng,
            0,
            w,
            h * (y + 0.06),
            h * 0.11 * k,
            PEOPLE,
            int(7 + row * 3),
            bags=pal.GOODS,
            spread=h * 0.03,
        )
        ink.onto(img)
    return finish(img, seed)
