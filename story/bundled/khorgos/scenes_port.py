"""Scenes of the dry port and the railway: the cover, the yard, the trains, the gauge break.

Every scene is a function (width, height, seed) -> RGB picture, built from the
same landscape and object primitives, so the set reads as one illustrator's
work. Seeds are fixed by the caller; nothing here reads the clock or the OS
random source.
"""

from __future__ import annotations

import random

from PIL import Image

from story.bundled.khorgos import figures as fig
from story.bundled.khorgos import landscape as land
from story.bundled.khorgos import objects as ob
from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import Shape, finish, glow, label, vgradient
from story.bundled.khorgos.palette import mix


def backdrop(
    img: Image.Image,
    rng: random.Random,
    horizon: float,
    *,
    sun: tuple[float, float] | None,
    tint: float = 0.0,
    ranges: int = 2,
) -> None:
    """Sky, the Tian Shan in two or three hazy ranges, and the foothills down to ``horizon``."""
    top = mix(pal.SKY_TOP, pal.DUSK_LOW, tint * 0.3)
    low = mix(pal.SKY_LOW, pal.DUSK_LOW, tint)
    land.sky(img, top, low, horizon=horizon, sun=sun)
    land.clouds(img, rng, 0.16, mix(pal.PAPER, low, 0.3), count=4, opacity=0.45)
    haze = mix(pal.HAZE, low, 0.5)
    far = mix(pal.FAR_RANGE, haze, 0.35)
    land.mountains(
        img,
        rng,
        horizon - 0.03,
        0.30,
        far,
        peaks=8,
        snowline=0.42,
        snow=mix(pal.SNOW, haze, 0.25),
        shadow=0.08,
        haze=haze,
    )
    if ranges >= 2:
        land.mountains(
            img,
            rng,
            horizon - 0.005,
            0.16,
            mix(mix(pal.SLATE, pal.OCHRE, 0.3), haze, 0.4),
            peaks=9,
            snowline=0.8,
            shadow=0.14,
            haze=haze,
        )
        # dry-grass foothills at the mountains' feet: the steppe's green-gold edge
        land.hills(img, rng, horizon - 0.006, 0.012, mix(pal.GRASS, haze, 0.45), waves=4)
    if ranges >= 3:
        land.hills(img, rng, horizon - 0.02, 0.03, mix(pal.GRASS, haze, 0.5))


def steppe_floor(
    img: Image.Image,
    rng: random.Random,
    horizon: float,
    grass_from: float = 0.82,
    dense: int = 1600,
) -> None:
    """Flat steppe from the horizon down, then dry grass in the foreground."""
    land.ground(img, horizon, mix(pal.SAND, pal.HAZE, 0.35), mix(pal.OCHRE, pal.GRASS, 0.35))
    land.grass(
        img, rng, grass_from, 1.02, [pal.STRAW, pal.GRASS, pal.GRASS_DARK, pal.OCHRE], density=dense
    )


def cover(w: int, h: int, seed: int) -> Image.Image:
    """The dry port at Khorgos in the afternoon: cranes, stacks and a train below the Tian Shan."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.60
    backdrop(img, rng, horizon, sun=(0.80, 0.30), tint=0.35)
    land.ground(img, horizon, mix(pal.SAND, pal.HAZE, 0.3), mix(pal.OCHRE, pal.STRAW, 0.4))
    s = h / 240  # pixels per metre in the middle ground
    back = ob.Ink(img.size)
    y_back = h * 0.655
    x = w * 0.02
    while x < w * 0.98:
        cols = rng.randint(3, 6)
        ob.stack(
            back,
            rng,
            x,
            y_back,
            cols,
            rng.randint(3, 4),
            12 * s * 0.8,
            2.6 * s * 0.8,
            1.4 * s * 0.8,
            gap=0.3 * s,
        )
        x += cols * 12.3 * s * 0.8 + rng.uniform(4, 14) * s
    back.onto(img, 0.85)
    glow(img, (w * 0.8, h * 0.3), h * 0.8, mix(pal.SKY_LOW, pal.DUSK_LOW, 0.3), 60)
    mid = ob.Ink(img.size)
    for gx in (0.08, 0.38, 0.66):
        ob.gantry(
            mid,
            w * gx,
            h * 0.705,
            s,
            pal.ORANGE,
            span=42,
            height=24,
            hook=rng.uniform(0.35, 0.7),
            load=rng.choice(pal.CONTAINERS),
        )
    y_stack = h * 0.705
    x = w * 0.0
    while x < w:
        cols = rng.randint(2, 5)
        ob.stack(
            mid, rng, x, y_stack, cols, rng.randint(2, 3), 12 * s, 2.6 * s, 1.4 * s, gap=0.3 * s
        )
        x += cols * 12.3 * s + rng.uniform(6, 20) * s
    for px in (0.2, 0.52, 0.9):
        fig.pole_lamp(mid, w * px, h * 0.705, h * 0.2)
    mid.onto(img)
    front = ob.Ink(img.size)
    ts = s * 2.1
    front.shadow([(0, h * 0.83), (w, h * 0.83), (w, h * 0.845), (0, h * 0.845)], 50)
    ob.rails(front, -10, w + 10, h * 0.83, ts)
    ob.train(front, rng, w * 0.18, h * 0.83, ts, 5, body=pal.NAVY, stripe=pal.ACCENT)
    front.onto(img)
    land.grass(
        img, rng, 0.86, 1.02, [pal.STRAW, pal.GRASS, pal.GRASS_DARK, pal.OCHRE], density=2200
    )
    return finish(img, seed)


def port_yard(w: int, h: int, seed: int) -> Image.Image:
    """The yard, far to near: gantries over stacks, a train on its track, a stack in front."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.5
    backdrop(img, rng, horizon, sun=(0.2, 0.22), ranges=2)
    land.ground(img, horizon, mix(pal.CONCRETE, pal.HAZE, 0.4), mix(pal.CONCRETE, pal.OCHRE, 0.35))
    rows = (
        (0.565, 0.9, "gantries"),
        (0.68, 1.5, "gantries"),
        (0.84, 2.4, "train"),
        (1.0, 5.0, ""),
    )
    for row, (yy, sc, kind) in enumerate(rows):
        ink = ob.Ink(img.size)
        s = h / 260 * sc
        y = h * yy
        if kind == "train":
            ink.shadow([(0, y), (w, y), (w, y + 0.9 * s), (0, y + 0.9 * s)], 40)
            ob.rails(ink, -5, w + 5, y, s)
            ob.train(ink, rng, -w * 0.05, y, s, 4, body=pal.NAVY, stripe=pal.ORANGE)
        else:
            x = -rng.uniform(0, 10) * s
            while x < w:
                cols = rng.randint(2, 5)
                tiers = rng.randint(2, 4) if row < 3 else rng.randint(2, 3)
                ob.stack(ink, rng, x, y, cols, tiers, 12 * s, 2.6 * s, 1.4 * s, gap=0.25 * s)
                x += cols * 12.25 * s + rng.uniform(3, 9) * s
        if kind == "gantries":
            ob.rails(ink, -5, w + 5, y + 2.2 * s, s)
            for gx in (0.04, 0.38, 0.7) if row == 0 else (0.1, 0.58):
                ob.gantry(
                    ink,
                    w * gx,
                    y + 2.2 * s,
                    s,
                    pal.ORANGE,
                    span=44,
                    height=25,
                    hook=rng.uniform(0.3, 0.7),
                    load=rng.choice(pal.CONTAINERS),
                )
        ink.onto(img)
        if row < 2:
            Shape(img.size).rect(0, 0, w, y + 2.5 * s).paint(
                img, mix(pal.HAZE, pal.SKY_LOW, 0.5), 0.12
            )
    return finish(img, seed)


def gauge_diagram(w: int, h: int, seed: int) -> Image.Image:
    """End-on view of the two wheelsets with dimension lines: 1,435 mm and 1,520 mm.

    A diagram has nothing random in it; ``seed`` only varies the paper grain.
    """
    img = vgradient((w, h), [(0.0, pal.PAPER), (1.0, mix(pal.PAPER, pal.SAND, 0.5))])
    ink = ob.Ink(img.size)
    unit = w / 4800  # pixels per millimetre of gauge
    ground = ob.Ink(img.size)
    ry = h * 0.62
    ground.poly(
        [(0, ry + 250 * unit), (w, ry + 250 * unit), (w, ry + 60 * unit), (0, ry + 60 * unit)],
        mix(pal.CONCRETE, pal.OCHRE, 0.25),
    )
    ground.onto(img)
    for gauge, cx, col, name in (
        (1435, 0.27, pal.TEAL, "Standard gauge (China)"),
        (1520, 0.73, pal.ACCENT, "Broad gauge (Kazakhstan)"),
    ):
        cx *= w
        rail_y = h * 0.62
        half = gauge * unit / 2
        # a ghost of the wagon the wheels carry, for scale
        ink.rect(
            cx - 1150 * unit,
            rail_y - 1330 * unit,
            cx + 1150 * unit,
            rail_y - 1180 * unit,
            mix(col, pal.PAPER, 0.6),
        )
        for sx in (-1, 1):
            ink.rect(
                cx + sx * half - 90 * unit,
                rail_y - 1180 * unit,
                cx + sx * half + 90 * unit,
                rail_y - 760 * unit,
                mix(col, pal.PAPER, 0.45),
            )
        ink.rect(
            cx - 1300 * unit,
            rail_y + 30 * unit,
            cx + 1300 * unit,
            rail_y + 110 * unit,
            pal.darker(pal.OCHRE, 0.4),
        )
        for sx in (-1, 1):
            rx = cx + sx * half
            ink.poly(
                [
                    (rx - 75 * unit, rail_y + 30 * unit),
                    (rx + 75 * unit, rail_y + 30 * unit),
                    (rx + 12 * unit, rail_y - 60 * unit),
                    (rx + 36 * unit, rail_y - 140 * unit),
                    (rx - 36 * unit, rail_y - 140 * unit),
                    (rx - 12 * unit, rail_y - 60 * unit),
                ],
                pal.STEEL,
            )
            # wheel: tread on the rail, flange inside
            wx0 = rx - 70 * unit if sx > 0 else rx - 60 * unit
            ink.rect(
                wx0,
                rail_y - 140 * unit - 920 * unit,
                wx0 + 130 * unit,
                rail_y - 140 * unit,
                pal.darker(col, 0.15),
            )
            fx = rx - sx * 60 * unit
            ink.rect(
                min(fx, fx - sx * 30 * unit),
                rail_y - 1080 * unit,
                max(fx, fx - sx * 30 * unit),
                rail_y - 110 * unit,
                pal.darker(col, 0.35),
            )
        ink.rect(
            cx - half, rail_y - 640 * unit, cx + half, rail_y - 560 * unit, pal.darker(col, 0.3)
        )
        # dimension line between the rail heads' inner faces
        dy = rail_y + 420 * unit
        for sx in (-1, 1):
            rx = cx + sx * (half - 36 * unit)
            ink.line([(rx, rail_y - 150 * unit), (rx, dy + 60 * unit)], 2.0, pal.MUTED)
            ink.poly(
                [
                    (rx, dy),
                    (rx - sx * 40 * unit, dy - 18 * unit),
                    (rx - sx * 40 * unit, dy + 18 * unit),
                ],
                pal.INK,
            )
        ink.line([(cx - half + 36 * unit, dy), (cx + half - 36 * unit, dy)], 3.0, pal.INK)
        ink.onto(img)
        ink = ob.Ink(img.size)
        label(img, (cx, dy + 130 * unit), f"{gauge:,} mm", int(h * 0.055), pal.INK, bold=True)
        label(img, (cx, h * 0.11), name, int(h * 0.036), col, bold=True)
    label(
        img,
        (w / 2, h * 0.93),
        "one wheelset cannot run on both: at the border, freight changes trains",
        int(h * 0.028),
        pal.MUTED,
    )
    sep = Shape(img.size)
    sep.line([(w / 2, h * 0.12), (w / 2, h * 0.84)], 2)
    sep.paint(img, mix(pal.MUTED, pal.PAPER, 0.5))
    return finish(img, seed, vignette=0.04, grain=0.6)


def freight_steppe(w: int, h: int, seed: int, dusk: float = 0.0) -> Image.Image:
    """A long container train crossing open steppe under a big sky."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.62
    backdrop(img, rng, horizon, sun=(0.7, 0.38 + dusk * 0.15), tint=0.2 + dusk * 0.7, ranges=2)
    land.hills(img, rng, horizon - 0.01, 0.02, mix(pal.GRASS, pal.HAZE, 0.55))
    steppe_floor(img, rng, horizon + 0.01, grass_from=0.8)
    ink = ob.Ink(img.size)
    s = h / 190
    y = h * 0.79
    ink.shadow([(0, y), (w, y), (w, y + 3 * s), (0, y + 3 * s)], 45)
    ob.rails(ink, -5, w + 5, y, s)
    ob.train(ink, rng, w * 0.22, y, s, 7, body=pal.TEAL, stripe=pal.CREAM)
    ink.onto(img)
    land.grass(img, rng, 0.82, 1.02, [pal.STRAW, pal.GRASS, pal.GRASS_DARK], density=2000)
    return finish(img, seed)
