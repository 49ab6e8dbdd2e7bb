"""Scenes of the Kazakh side and the wider land: empty roads, queues, fields, oil, evening.

These carry the story's quieter half: the projects that did not come, the
trucks waiting at the border, the farmland whose sale to foreigners people
protested against in 2016, and the valley at dusk.
"""

from __future__ import annotations

import math
import random

from PIL import Image

from story.bundled.khorgos import figures as fig
from story.bundled.khorgos import landscape as land
from story.bundled.khorgos import objects as ob
from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import Shape, finish, glow
from story.bundled.khorgos.palette import mix
from story.bundled.khorgos.scenes_port import backdrop, steppe_floor


def lone_road(w: int, h: int, seed: int) -> Image.Image:
    """A straight empty road with unfinished concrete frames beside it."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.58
    backdrop(img, rng, horizon, sun=(0.3, 0.3), tint=0.25, ranges=2)
    steppe_floor(img, rng, horizon, grass_from=0.7, dense=1800)
    land.road(img, horizon, (0.28, 0.72), 0.52, mix(pal.CONCRETE, pal.SLATE, 0.25), pal.CREAM)
    ink = ob.Ink(img.size)
    fig.frame_building(
        ink, w * 0.64, h * 0.625, w * 0.12, h * 0.09, 5, mix(pal.CONCRETE, pal.HAZE, 0.4), done=0.2
    )
    fig.frame_building(ink, w * 0.06, h * 0.68, w * 0.24, h * 0.2, 6, pal.CONCRETE, done=0.35)
    fig.tower_crane(ink, w * 0.33, h * 0.68, h * 0.3, mix(pal.ORANGE, pal.STEEL, 0.45), 0.25, 0.45)
    for k in range(7):
        t = (k / 7) ** 1.7
        x = w * (0.535 + 0.42 * t)
        y = h * (horizon + 0.01 + (1 - horizon) * t * 0.9)
        ink.line([(x, y), (x, y - h * (0.02 + t * 0.25))], 1.5 + t * 7, pal.STEEL)
        ink.line(
            [
                (x, y - h * (0.02 + t * 0.25)),
                (x - w * (0.004 + t * 0.04), y - h * (0.02 + t * 0.25)),
            ],
            1.5 + t * 5,
            pal.STEEL,
        )
    # a billboard frame with nothing on it
    ink.rect(w * 0.84, h * 0.5, w * 0.845, h * 0.66, pal.STEEL)
    ink.rect(w * 0.895, h * 0.5, w * 0.9, h * 0.66, pal.STEEL)
    ink.rect(w * 0.8, h * 0.42, w * 0.94, h * 0.52, mix(pal.CREAM, pal.CONCRETE, 0.5))
    ink.rect(w * 0.81, h * 0.435, w * 0.93, h * 0.505, mix(pal.CREAM, pal.SAND, 0.6))
    ink.onto(img)
    return finish(img, seed)


def vacant_plot(w: int, h: int, seed: int) -> Image.Image:
    """A fenced, empty plot in the steppe: one faded container, a gate, weeds."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.55
    backdrop(img, rng, horizon, sun=(0.75, 0.25), tint=0.1, ranges=2)
    steppe_floor(img, rng, horizon, grass_from=0.62, dense=2600)
    ink = ob.Ink(img.size)
    fy = h * 0.7
    ink.line([(0, fy - h * 0.05), (w, fy - h * 0.05)], 3, pal.STEEL)
    ink.line([(0, fy - h * 0.025), (w, fy - h * 0.025)], 3, pal.STEEL)
    for k in range(25):
        x = k * w / 24
        ink.rect(x - 3, fy - h * 0.07, x + 3, fy, pal.darker(pal.STEEL, 0.2))
    s = h / 110
    ink.shadow(
        [
            (w * 0.46, h * 0.64),
            (w * 0.46 + 12 * s, h * 0.64),
            (w * 0.46 + 17 * s, h * 0.65),
            (w * 0.46 + 3 * s, h * 0.65),
        ],
        60,
    )
    ob.container(ink, w * 0.46, h * 0.64, 12 * s, 2.6 * s, 1.4 * s, mix(pal.ACCENT, pal.SAND, 0.45))
    fig.frame_building(
        ink, w * 0.12, h * 0.6, w * 0.16, h * 0.1, 4, mix(pal.CONCRETE, pal.HAZE, 0.4), done=0.0
    )
    ink.rect(w * 0.75, h * 0.52, w * 0.755, h * 0.66, pal.STEEL)
    ink.rect(w * 0.72, h * 0.47, w * 0.8, h * 0.53, mix(pal.CREAM, pal.SAND, 0.5))
    ink.onto(img)
    land.grass(img, rng, 0.7, 1.02, [pal.STRAW, pal.GRASS, pal.GRASS_DARK, pal.OCHRE], density=2000)
    return finish(img, seed)


def truck_queue(w: int, h: int, seed: int, dusk: bool = False) -> Image.Image:
    """A long line of container trucks waiting at a checkpoint canopy."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.56
    if dusk:
        land.sky(
            img,
            mix(pal.NIGHT_TOP, pal.SKY_TOP, 0.3),
            pal.DUSK_LOW,
            horizon=horizon,
            sun=(0.12, 0.5),
            sun_color=(255, 214, 160),
        )
        land.mountains(
            img,
            rng,
            horizon,
            0.2,
            mix(pal.NIGHT_TOP, pal.SLATE, 0.6),
            peaks=8,
            snowline=0.55,
            snow=mix(pal.SNOW, pal.DUSK_LOW, 0.35),
            shadow=0.1,
        )
        land.ground(
            img, horizon, mix(pal.DUSK_LOW, pal.OCHRE, 0.5), mix(pal.NIGHT_TOP, pal.OCHRE, 0.5)
        )
    else:
        backdrop(img, rng, horizon, sun=(0.2, 0.25), tint=0.15, ranges=2)
        steppe_floor(img, rng, horizon, grass_from=0.9)
    ink = ob.Ink(img.size)
    ink.poly(
        [(0, h * 0.74), (w, h * 0.6), (w, h * 0.7), (0, h * 1.02)],
        mix(pal.CONCRETE, pal.SLATE, 0.3),
    )
    # the checkpoint canopy on the right
    cx = w * 0.78
    for px in (0.0, 0.09, 0.18):
        ink.rect(cx + w * px, h * 0.44, cx + w * px + w * 0.008, h * 0.66, pal.STEEL)
    ink.rect(cx - w * 0.02, h * 0.4, w * 1.02, h * 0.45, pal.CREAM)
    ink.rect(cx - w * 0.02, h * 0.44, w * 1.02, h * 0.455, pal.ACCENT)
    ink.rect(cx + w * 0.03, h * 0.55, cx + w * 0.07, h * 0.64, mix(pal.CREAM, pal.CONCRETE, 0.5))
    ink.rect(cx + w * 0.035, h * 0.565, cx + w * 0.065, h * 0.59, pal.GLASS)
    ink.line([(cx - w * 0.005, h * 0.615), (cx - w * 0.12, h * 0.63)], 6, pal.ACCENT)
    # the queue: far trucks small and high, near ones large and low
    trucks = []
    for k in range(9):
        t = k / 8
        trucks.append((t, cx - w * 0.12 - w * 0.8 * t**0.85))
    for t, x in trucks:
        y = h * (0.645 + 0.22 * t)
        s = h / 160 * (0.9 + t * 3.6)
        fig.truck(
            ink,
            rng,
            x,
            y,
            s,
            rng.choice((pal.CREAM, pal.NAVY, pal.ACCENT, pal.TEAL, pal.ORANGE)),
            load=rng.choice(pal.CONTAINERS),
            facing_left=False,
        )
    ink.onto(img)
    if dusk:
        Shape(img.size).rect(0, 0, w, h).paint(img, pal.NIGHT_TOP, 0.2)
        for t, x in trucks:
            y = h * (0.645 + 0.22 * t)
            s = h / 160 * (0.9 + t * 3.6)
            glow(img, (x + 16.9 * s, y - 1.2 * s), 4 * s, pal.LAMP, 230)
        glow(img, (cx + w * 0.1, h * 0.47), w * 0.12, pal.LAMP, 160)
    return finish(img, seed)


def farmland(w: int, h: int, seed: int, protest: bool = False) -> Image.Image:
    """Irrigated fields and poplar windbreaks; with ``protest``, people with blank placards."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.5
    backdrop(img, rng, horizon, sun=(0.7, 0.22), tint=0.1, ranges=2)
    land.ground(img, horizon, mix(pal.GRASS, pal.HAZE, 0.5), pal.GRASS)
    land.fields(
        img,
        rng,
        horizon,
        1.0,
        [mix(pal.GRASS, pal.HAZE, 0.2), pal.STRAW, pal.GRASS_DARK, mix(pal.OCHRE, pal.GRASS, 0.5)],
        vanish_x=0.4,
    )
    land.poplars(
        img, rng, horizon + 0.005, 0.0, 1.0, 0.07, mix(pal.GRASS_DARK, pal.HAZE, 0.45), count=38
    )
    land.poplars(img, rng, horizon + 0.06, 0.55, 1.0, 0.2, pal.GRASS_DARK, count=9)
    ink = ob.Ink(img.size)
    ink.rect(w * 0.08, h * 0.56, w * 0.2, h * 0.6, pal.CREAM)
    ink.poly([(w * 0.07, h * 0.56), (w * 0.14, h * 0.53), (w * 0.21, h * 0.56)], pal.ACCENT)
    ink.rect(w * 0.12, h * 0.575, w * 0.135, h * 0.6, pal.darker(pal.CREAM, 0.4))
    if protest:
        for k in range(16):
            x = w * (0.14 + k * 0.045 + rng.uniform(-0.01, 0.01))
            y = h * (0.86 + rng.uniform(-0.04, 0.05))
            card = rng.choice((pal.PAPER, pal.CREAM, pal.ACCENT_SOFT)) if k % 3 != 1 else None
            fig.person(
                ink, rng, x, y, h * rng.uniform(0.2, 0.25), rng.choice(pal.PEOPLE), placard=card
            )
    else:
        _tractor(ink, w * 0.42, h * 0.765, h * 0.1)
    ink.onto(img)
    return finish(img, seed)


def ili_evening(w: int, h: int, seed: int) -> Image.Image:
    """Dusk over the Ili valley: dark ranges, a river catching the last light, far town lights."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.6
    land.sky(
        img,
        pal.NIGHT_TOP,
        pal.DUSK_LOW,
        horizon=horizon,
        sun=(0.62, 0.56),
        sun_color=(255, 220, 170),
    )
    land.clouds(img, rng, 0.3, mix(pal.DUSK_LOW, pal.ACCENT_SOFT, 0.5), count=6, opacity=0.5)
    land.mountains(
        img,
        rng,
        horizon,
        0.24,
        mix(pal.NIGHT_TOP, pal.DUSK_LOW, 0.45),
        peaks=8,
        snowline=0.5,
        snow=mix(pal.SNOW, pal.DUSK_LOW, 0.45),
        shadow=0.1,
    )
    land.mountains(
        img,
        rng,
        horizon + 0.03,
        0.12,
        mix(pal.NIGHT_TOP, pal.SLATE, 0.55),
        peaks=10,
        snowline=None,
        shadow=0.12,
    )
    land.ground(
        img,
        horizon + 0.02,
        mix(pal.NIGHT_TOP, pal.GRASS_DARK, 0.5),
        mix(pal.NIGHT_TOP, pal.INK, 0.3),
    )
    river = Shape(img.size)
    pts_l, pts_r = [], []
    for k in range(61):
        t = k / 60
        y = h * (horizon + 0.025 + (1 - horizon) * t**1.2)
        x = w * (0.55 + (0.06 + 0.3 * t) * math.sin(t * 9.0 + 0.5) - 0.1 * t)
        half = w * (0.002 + 0.035 * t**1.6)
        pts_l.append((x - half, y))
        pts_r.append((x + half, y))
    river.poly(pts_l + pts_r[::-1])
    river.paint(img, mix(pal.DUSK_LOW, pal.WATER, 0.45))
    land.poplars(
        img, rng, horizon + 0.05, 0.0, 0.45, 0.06, mix(pal.NIGHT_TOP, pal.INK, 0.4), count=20
    )
    land.poplars(
        img, rng, horizon + 0.09, 0.7, 1.0, 0.09, mix(pal.NIGHT_TOP, pal.INK, 0.5), count=10
    )
    lights = ob.Ink(img.size)
    for _ in range(90):
        x = rng.uniform(0.04, 0.46) * w
        y = h * (horizon + rng.uniform(0.025, 0.05))
        lights.ellipse(x, y, rng.uniform(2.0, 4.5), pal.LAMP)
    lights.onto(img)
    glow(img, (w * 0.25, h * (horizon + 0.04)), w * 0.2, pal.LAMP, 50)
    land.grass(
        img,
        rng,
        0.85,
        1.02,
        [mix(pal.NIGHT_TOP, pal.INK, 0.4), mix(pal.NIGHT_TOP, pal.GRASS_DARK, 0.4)],
        density=1600,
    )
    return finish(img, seed)


def oil_field(w: int, h: int, seed: int) -> Image.Image:
    """Flat semi-desert of western Kazakhstan with pump jacks and a workers' camp."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.62
    land.sky(
        img,
        mix(pal.SKY_TOP, pal.HAZE, 0.3),
        mix(pal.SKY_LOW, pal.SAND, 0.3),
        horizon=horizon,
        sun=(0.82, 0.3),
    )
    land.clouds(img, rng, 0.2, pal.PAPER, count=5, opacity=0.4)
    land.ground(img, horizon, mix(pal.SAND, pal.HAZE, 0.4), mix(pal.SAND, pal.OCHRE, 0.5))
    ink = ob.Ink(img.size)
    ink.line([(0, h * 0.7), (w * 0.4, h * 0.69), (w, h * 0.67)], 5, pal.STEEL)
    for k, (x, y, s) in enumerate(
        (
            (0.86, 0.64, 0.28),
            (0.34, 0.645, 0.32),
            (0.68, 0.665, 0.5),
            (0.5, 0.7, 0.75),
            (0.18, 0.8, 1.5),
        )
    ):
        _pump_jack(ink, w * x, h * y, h * 0.25 * s, rng.uniform(-0.25, 0.2), k)
    for k in range(6):
        x = w * (0.56 + k * 0.028)
        ob.box(
            ink,
            x,
            h * 0.633,
            w * 0.022,
            h * 0.012,
            h * 0.008,
            rng.choice((pal.CREAM, pal.CONCRETE, pal.ACCENT_SOFT)),
        )
    ink.onto(img)
    land.grass(
        img, rng, 0.72, 1.02, [pal.STRAW, mix(pal.GRASS, pal.SAND, 0.5), pal.OCHRE], density=900
    )
    return finish(img, seed)


def _pump_jack(ink: ob.Ink, x: float, y: float, size: float, tilt: float, k: int) -> None:
    """A nodding-donkey oil pump: A-frame, walking beam, horse head, crank."""
    c = (46, 46, 48) if k % 2 == 0 else mix(pal.ACCENT, pal.INK, 0.35)
    ink.rect(x - size * 0.5, y - size * 0.05, x + size * 0.6, y, pal.darker(pal.CONCRETE, 0.2))
    ink.poly(
        [
            (x - size * 0.15, y),
            (x - size * 0.05, y),
            (x + size * 0.02, y - size * 0.7),
            (x - size * 0.02, y - size * 0.7),
        ],
        c,
    )
    ink.poly(
        [
            (x + size * 0.15, y),
            (x + size * 0.05, y),
            (x + size * 0.02, y - size * 0.7),
            (x - size * 0.02, y - size * 0.7),
        ],
        pal.darker(c, 0.2),
    )
    bx0, by0 = x - size * 0.55, y - size * 0.7 + tilt * size * 0.5
    bx1, by1 = x + size * 0.45, y - size * 0.7 - tilt * size * 0.4
    ink.line([(bx0, by0), (bx1, by1)], size * 0.05, c)
    # the horse head: a curved block hanging from the beam's end
    head = [
        (bx0 + size * 0.06, by0 - size * 0.09),
        (bx0 - size * 0.03, by0 - size * 0.1),
        (bx0 - size * 0.08, by0 - size * 0.04),
        (bx0 - size * 0.09, by0 + size * 0.05),
        (bx0 - size * 0.07, by0 + size * 0.13),
        (bx0 + size * 0.0, by0 + size * 0.13),
        (bx0 - size * 0.01, by0 + size * 0.04),
        (bx0 + size * 0.06, by0 + size * 0.03),
    ]
    ink.poly(head, c)
    ink.line([(bx0 - size * 0.08, by0 + size * 0.13), (bx0 - size * 0.08, y)], 2, pal.STEEL)
    ink.ellipse(x + size * 0.42, y - size * 0.22, size * 0.14, c)
    ink.line([(bx1, by1), (x + size * 0.42, y - size * 0.22)], size * 0.025, pal.darker(c, 0.3))


def _tractor(ink: ob.Ink, x: float, y: float, size: float) -> None:
    """A small farm tractor in side view: bonnet, cab, big rear and small front wheels."""
    body, dark = pal.ACCENT, pal.darker(pal.ACCENT, 0.3)
    ink.shadow(
        [
            (x - size * 0.1, y),
            (x + size * 1.3, y),
            (x + size * 1.4, y + size * 0.08),
            (x, y + size * 0.08),
        ],
        50,
    )
    ink.rect(x, y - size * 0.55, x + size * 0.75, y - size * 0.25, body)  # bonnet
    ink.rect(x + size * 0.05, y - size * 0.62, x + size * 0.12, y - size * 0.55, dark)  # exhaust
    ink.rect(x + size * 0.72, y - size * 1.05, x + size * 1.2, y - size * 0.25, body)  # cab
    ink.rect(x + size * 0.78, y - size * 0.98, x + size * 1.14, y - size * 0.62, pal.GLASS)
    ink.rect(x + size * 0.68, y - size * 1.1, x + size * 1.25, y - size * 1.02, dark)  # roof
    for cx, r in ((x + size * 0.18, size * 0.2), (x + size * 1.0, size * 0.38)):
        ink.ellipse(cx, y - r, r, pal.INK)
        ink.ellipse(cx, y - r, r * 0.45, pal.STRAW)
        ink.ellipse(cx, y - r, r * 0.15, pal.INK)
