"""Scenes of towns and people: the zone's gateway, posters, Horgos, the market halls, cities.

The story's people are drawn as small, anonymous silhouettes on purpose: no
faces, no real signs, no readable text in any language, because the pictures
are illustrations of what the reporting describes, not depictions of
particular people or places.
"""

from __future__ import annotations

import random

from PIL import Image

from story.bundled.khorgos import figures as fig
from story.bundled.khorgos import landscape as land
from story.bundled.khorgos import objects as ob
from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import Shape, finish, glow, vgradient
from story.bundled.khorgos.palette import mix
from story.bundled.khorgos.scenes_port import backdrop


def gateway(w: int, h: int, seed: int, dusk: bool = False) -> Image.Image:
    """The zone's monumental gateway over a wide plaza, visitors small beneath it."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.66
    if dusk:
        land.sky(img, pal.NIGHT_TOP, pal.DUSK_LOW, horizon=horizon, sun=(0.85, 0.62))
        land.mountains(
            img,
            rng,
            horizon,
            0.22,
            mix(pal.NIGHT_TOP, pal.SLATE, 0.55),
            peaks=8,
            snowline=0.55,
            snow=mix(pal.SNOW, pal.DUSK_LOW, 0.4),
            shadow=0.1,
        )
    else:
        backdrop(img, rng, horizon, sun=(0.15, 0.25), ranges=2)
    land.ground(img, horizon, mix(pal.CONCRETE, pal.HAZE, 0.3), mix(pal.CONCRETE, pal.SAND, 0.4))
    paving = Shape(img.size)
    for k in range(-24, 25):
        paving.line([(w / 2 + k * w * 0.004, h * horizon), (w / 2 + k * w * 0.09, h)], 2)
    for k in range(1, 12):
        y = h * horizon + (h * (1 - horizon)) * (k / 12) ** 1.8
        paving.line([(0, y), (w, y)], 1 + k * 0.25)
    paving.paint(img, pal.darker(pal.CONCRETE, 0.1), 0.5)
    if dusk:
        Shape(img.size).rect(0, h * horizon - 2, w, h).paint(img, pal.NIGHT_TOP, 0.45)
    ink = ob.Ink(img.size)
    cx, base = w * 0.5, h * 0.70
    pw, ph, span = w * 0.12, h * 0.42, w * 0.46
    stone, glass = pal.CREAM, mix(pal.GLASS, pal.NAVY, 0.25)
    if dusk:
        stone, glass = mix(pal.CREAM, pal.DUSK_LOW, 0.35), mix(pal.LAMP, pal.ORANGE, 0.2)
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
    fig.crowd(
        ink,
        rng,
        w * 0.1,
        w * 0.9,
        h * 0.74,
        h * 0.05,
        pal.PEOPLE,
        26,
        bags=pal.GOODS,
        spread=h * 0.16,
    )
    for lx in (0.06, 0.2, 0.8, 0.94):
        fig.pole_lamp(ink, w * lx, h * 0.92, h * 0.3)
    ink.onto(img)
    if dusk:
        for lx in (0.06, 0.2, 0.8, 0.94):
            glow(img, (w * lx, h * 0.61), h * 0.12, pal.LAMP, 170)
        glow(img, (cx, base - ph - deck_h * 0.5), w * 0.45, pal.LAMP, 60)
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
    fig.person(ink, rng, w * 0.86, h * 1.02, h * 0.62, pal.INK, bag=pal.ACCENT)
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
            fig.tower(
                ink, rng, x, base, tw, th, body, pal.darker(body, 0.2), lit=0.35 if night else 0.0
            )
            if rng.random() < 0.22:
                fig.tower_crane(
                    ink, x + tw * 1.3, base, th * 1.15, mix(pal.ORANGE, pal.HAZE, 0.3 - layer * 0.1)
                )
            x += tw * rng.uniform(1.4, 2.4)
        ink.onto(img)
    front = ob.Ink(img.size)
    front.rect(0, h * 0.86, w, h, mix(pal.CONCRETE, pal.INK, 0.15))
    front.rect(0, h * 0.86, w, h * 0.87, pal.CREAM)
    for k in range(12):
        front.rect(w * (k / 12 + 0.02), h * 0.93, w * (k / 12 + 0.06), h * 0.935, pal.CREAM)
    fig.crowd(
        front,
        rng,
        w * 0.02,
        w * 0.98,
        h * 0.86,
        h * 0.075,
        pal.PEOPLE,
        14,
        bags=pal.GOODS,
        spread=0,
    )
    front.onto(img)
    if night:
        glow(img, (w * 0.5, h * 0.75), w * 0.6, pal.LAMP, 45)
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
            fig.tower(ink, rng, x, base, bw, bh, body, pal.darker(body, 0.22), lit=dusk * 0.4)
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


def two_sides(w: int, h: int, seed: int) -> Image.Image:
    """One zone, two speeds: towers and cranes beyond the fence, open ground on this side."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.6
    backdrop(img, rng, horizon, sun=(0.18, 0.24), tint=0.2, ranges=2)
    land.ground(img, horizon, mix(pal.SAND, pal.HAZE, 0.35), mix(pal.OCHRE, pal.STRAW, 0.4))
    far = ob.Ink(img.size)
    x = w * 0.5
    while x < w * 1.02:
        tw = w * rng.uniform(0.025, 0.045)
        th = h * rng.uniform(0.12, 0.34)
        body = mix(rng.choice((pal.CREAM, pal.GLASS, pal.SAND, pal.CONCRETE)), pal.HAZE, 0.35)
        fig.tower(far, rng, x, h * (horizon + 0.02), tw, th, body, pal.darker(body, 0.2))
        if rng.random() < 0.3:
            fig.tower_crane(far, x + tw * 1.4, h * (horizon + 0.02), th * 1.1, pal.ORANGE)
        x += tw * rng.uniform(1.2, 1.9)
    fig.frame_building(
        far, w * 0.14, h * (horizon + 0.03), w * 0.1, h * 0.07, 4, pal.CONCRETE, done=0.25
    )
    far.onto(img)
    # the fence along the line, running away from the viewer
    fence = ob.Ink(img.size)
    vx, vy = w * 0.47, h * (horizon + 0.02)
    bx, by = w * 0.62, h * 1.02
    for k in range(26):
        t = (k / 25) ** 2.2
        px, py = vx + (bx - vx) * t, vy + (by - vy) * t
        ph = h * (0.008 + 0.16 * t)
        fence.line([(px, py), (px, py - ph)], 1.5 + 8 * t, pal.STEEL)
    for level in (0.45, 0.8):
        fence.line(
            [(vx, vy - h * 0.008 * level), (bx, by - h * 0.168 * level)],
            2.5,
            pal.darker(pal.STEEL, 0.2),
        )
    fence.onto(img)
    land.grass(
        img, rng, 0.72, 1.02, [pal.STRAW, pal.GRASS, pal.GRASS_DARK, pal.OCHRE], density=2200
    )
    return finish(img, seed)
