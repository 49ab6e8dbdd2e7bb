"""The story's second map: an illustrated plan of the Khorgos crossing, drawn by code.

Seen from above, not to scale: Kazakhstan to the west, China to the east,
the Khorgos river and the border between them; the International Centre for
Boundary Cooperation (the free trade zone) straddling the border with its
Kazakh and Chinese halves and a gateway on each side; the road checkpoint;
and the Khorgos Gateway dry port at Altynkol, where tracks of the Chinese
standard gauge (1,435 mm) and the Kazakh broad gauge (1,520 mm) lie side by
side under gantry cranes. Places in ``story.toml`` use ``PLACES`` (pixels of a
``SIZE`` picture): keep them in step when the layout changes.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import Point, finish, label
from story.bundled.khorgos.objects import Ink
from story.bundled.khorgos.palette import RGB, darker, lighter, mix

SIZE = (3600, 2400)
W, H = SIZE

#: Where the story's places are on the plan (x, y pixels of SIZE).
PLACES = {
    "gateway": (1548, 720),  # the zone's Kazakh gateway
    "zone": (2010, 620),  # the middle of the free trade zone
    "dry_port": (820, 1800),  # cranes over the two gauges
    "checkpoint": (2060, 1240),  # the road border post
}

GAUGE_CN = pal.SLATE  # 1,435 mm
GAUGE_KZ = darker(pal.OCHRE, 0.45)  # 1,520 mm
KZ_LAND = mix(pal.LAND, pal.PAPER, 0.35)
CN_LAND = mix(pal.SAND, pal.OCHRE, 0.22)


def _border_x(y: float) -> float:
    """The border (and the river beside it) wanders a little from north to south."""
    return 1960 + 70 * math.sin(y / 430) + 40 * math.sin(y / 170 + 1.3)


def _ground(img: Image.Image, rng: random.Random) -> None:
    d = ImageDraw.Draw(img)
    west = [(0, 0)] + [(_border_x(y), y) for y in range(0, H + 1, 20)] + [(0, H)]
    d.polygon(west, fill=KZ_LAND)
    for _ in range(420):  # dry-grass tufts and field patches
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        r = rng.uniform(10, 48)
        tint = mix(pal.GRASS, KZ_LAND if x < _border_x(y) else CN_LAND, rng.uniform(0.72, 0.9))
        d.ellipse((x - r * 1.8, y - r, x + r * 1.8, y + r), fill=tint)


def _river(ink: Ink) -> None:
    pts = [(_border_x(y) - 34, y) for y in range(-20, H + 40, 20)]
    ink.line(pts, 30, mix(pal.WATER, pal.PAPER, 0.15))
    ink.line(pts, 12, pal.WATER)


def _border(img: Image.Image) -> None:
    d = ImageDraw.Draw(img)
    y = 0.0
    while y < H:  # dash-dot, the cartographer's border
        d.line([(_border_x(y), y), (_border_x(y + 46), y + 46)], fill=pal.INK, width=7)
        d.ellipse((_border_x(y + 66) - 5, y + 61, _border_x(y + 66) + 5, y + 71), fill=pal.INK)
        y += 86


def _fence(ink: Ink, x0: float, y0: float, x1: float, y1: float) -> None:
    for a, b in (
        ((x0, y0), (x1, y0)),
        ((x1, y0), (x1, y1)),
        ((x1, y1), (x0, y1)),
        ((x0, y1), (x0, y0)),
    ):
        n = max(1, int(math.dist(a, b) // 30))
        for i in range(0, n, 2):
            t0, t1 = i / n, min(1.0, (i + 1) / n)
            ink.line(
                [
                    (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                    (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1),
                ],
                6,
                pal.SLATE,
            )


def _building(ink: Ink, x: float, y: float, w: float, h: float, roof: RGB) -> None:
    ink.shadow(
        [(x + 8, y + 10), (x + w + 8, y + 10), (x + w + 8, y + h + 10), (x + 8, y + h + 10)], 55
    )
    ink.rect(x, y, x + w, y + h, roof)
    ink.rect(x, y + h * 0.46, x + w, y + h * 0.54, darker(roof, 0.12))  # ridge


def _zone(ink: Ink, rng: random.Random) -> None:
    x0, y0, x1, y1 = 1540, 330, 2520, 1010
    bx = _border_x((y0 + y1) / 2)
    ink.rect(x0, y0, bx - 40, y1, lighter(KZ_LAND, 0.25))  # the Kazakh half: open ground
    ink.rect(bx + 10, y0, x1, y1, lighter(CN_LAND, 0.15))  # the Chinese half: built up
    for i in range(5):  # Kazakh half: a few halls and empty plots
        x = x0 + 80 + (i % 3) * 120
        y = y0 + 90 + (i // 3) * 300
        if i in (1, 4):
            ink.rect(x, y, x + 90, y + 150, mix(KZ_LAND, pal.STRAW, 0.5))  # vacant plot
        else:
            _building(ink, x, y, 90, 150, mix(pal.CREAM, pal.TEAL, 0.25))
    for row in range(4):  # Chinese half: rows of market halls around a plaza
        for col in range(4):
            hx = bx + 70 + col * 105
            hy = y0 + 50 + row * 160
            if (row, col) in ((1, 1), (1, 2), (2, 1), (2, 2)):
                continue
            roof = rng.choice([pal.ACCENT, mix(pal.ACCENT, pal.CREAM, 0.4), pal.NAVY, pal.TEAL])
            _building(ink, hx, hy, 88, 128, roof)
    plaza = (bx + 175, y0 + 215, bx + 385, y0 + 490)
    ink.rect(*plaza, pal.CONCRETE)
    ink.ellipse((plaza[0] + plaza[2]) / 2, (plaza[1] + plaza[3]) / 2, 60, pal.WATER)
    # the zone's own crossing: a walkway and bridge over the river between the halves
    yc = 690
    ink.rect(x0 + 20, yc - 14, x1 - 20, yc + 14, pal.CONCRETE)
    ink.rect(_border_x(yc) - 80, yc - 22, _border_x(yc) + 30, yc + 22, lighter(pal.STEEL, 0.35))
    _fence(ink, x0, y0, x1, y1)


def _gate(ink: Ink, x: float, y: float) -> None:
    """A gateway arch seen from above: two towers and a roof across the road."""
    ink.rect(x - 26, y - 70, x + 26, y - 40, pal.ACCENT)
    ink.rect(x - 26, y + 40, x + 26, y + 70, pal.ACCENT)
    ink.rect(x - 14, y - 70, x + 14, y + 70, darker(pal.ACCENT, 0.2))


def _roads(ink: Ink) -> None:
    road = mix(pal.CONCRETE, pal.SLATE, 0.25)
    edge = darker(road, 0.25)
    west = [(-20, 760), (600, 740), (1100, 700), (1548, 690)]  # from Zharkent to the gateway
    ring = [(1548, 690), (1400, 900), (1500, 1230), (2560, 1250), (3620, 1150)]  # to Horgos
    east = [(2520, 690), (2900, 640), (3620, 560)]
    for pts in (west, ring, east):
        ink.line(pts, 44, edge)
        ink.line(pts, 34, road)
    for dx in (-90, 90):  # the checkpoint: booths either side of the border
        cx = _border_x(1240) + dx
        ink.rect(cx - 40, 1170, cx + 40, 1310, pal.CREAM)
        ink.rect(cx - 40, 1170, cx + 40, 1190, pal.NAVY)
    for i in range(9):  # trucks waiting on the Kazakh side
        x = 1560 + i * 38
        ink.rect(x, 1226, x + 30, 1244, pal.CONTAINERS[i % len(pal.CONTAINERS)])


def _track(ink: Ink, pts: list[Point], gauge: float, colour: RGB) -> None:
    """Two rails ``gauge`` apart with sleepers: the wider pair is the Kazakh gauge."""
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        n = max(1, int(math.dist((x0, y0), (x1, y1)) // 18))
        ux, uy = (x1 - x0) / n, (y1 - y0) / n
        length = math.hypot(ux, uy) or 1
        nx, ny = -uy / length, ux / length
        for i in range(n):
            cx, cy = x0 + ux * i, y0 + uy * i
            half = gauge / 2 + 7
            ink.line(
                [(cx - nx * half, cy - ny * half), (cx + nx * half, cy + ny * half)],
                5,
                darker(pal.OCHRE, 0.3),
            )
    for side in (-1, 1):
        rail = []
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[-1:], strict=False):
            dx, dy = x1 - x0, y1 - y0
            length = math.hypot(dx, dy) or 1
            rail.append((x0 - dy / length * side * gauge / 2, y0 + dx / length * side * gauge / 2))
        ink.line(rail, 4, colour)


def _rail_yard(ink: Ink, rng: random.Random) -> None:
    # the dry port's ground
    ink.rect(180, 1540, 1560, 2080, mix(pal.CONCRETE, KZ_LAND, 0.35))
    cn_tracks = [1620, 1680, 1740]  # 1,435 mm, from China
    kz_tracks = [1880, 1946, 2012]  # 1,520 mm, towards Almaty
    for y in cn_tracks:
        _track(
            ink,
            [(300, y), (1560, y), (1800, y + 40), (2100, 1930), (2500, 1960), (3620, 2010)]
            if y == cn_tracks[-1]
            else [(300, y), (1560, y)],
            18,
            GAUGE_CN,
        )
    for y in kz_tracks:
        _track(
            ink,
            [(-20, y + 60), (180, y), (1560, y)] if y == kz_tracks[0] else [(180, y), (1560, y)],
            26,
            GAUGE_KZ,
        )
    for i in range(5):  # container stacks between the gauges, seen from above
        x = 340 + i * 230
        for k in range(3):
            ink.rect(
                x,
                1790 + k * 24,
                x + 150,
                1810 + k * 24,
                pal.CONTAINERS[rng.randrange(len(pal.CONTAINERS))],
            )
    for x in (470, 820, 1170):  # gantry cranes spanning both gauges
        ink.shadow([(x - 8, 1572), (x + 58, 1572), (x + 58, 2064), (x - 8, 2064)], 60)
        ink.rect(x - 20, 1580, x + 40, 2050, pal.ORANGE)
        ink.rect(x - 20, 1580, x + 40, 1600, darker(pal.ORANGE, 0.3))
        ink.rect(x - 20, 2030, x + 40, 2050, darker(pal.ORANGE, 0.3))
        ink.rect(x - 12, 1760, x + 32, 1800, lighter(pal.ORANGE, 0.3))  # trolley
    _building(ink, 230, 2140, 260, 110, pal.CREAM)  # Altynkol station
    _building(ink, 560, 2140, 170, 110, mix(pal.CREAM, pal.TEAL, 0.3))


def _labels(img: Image.Image) -> None:
    ink, halo = pal.INK, lighter(pal.PAPER, 0.3)
    label(img, (760, 150), "K A Z A K H S T A N", 74, pal.MUTED, bold=True, halo=halo)
    label(img, (2950, 150), "C H I N A", 74, pal.MUTED, bold=True, halo=halo)
    label(
        img,
        (_border_x(1450) - 60, 1450),
        "Khorgos river",
        30,
        darker(pal.WATER, 0.45),
        anchor="rm",
        halo=halo,
    )
    label(
        img,
        (2030, 290),
        "International Centre for Boundary Cooperation",
        40,
        ink,
        bold=True,
        halo=halo,
    )
    label(img, (1760, 1045), "Kazakh half", 32, pal.MUTED, halo=halo)
    label(img, (2290, 1045), "Chinese half", 32, pal.MUTED, halo=halo)
    label(img, (870, 1500), "Khorgos Gateway dry port (Altynkol)", 40, ink, bold=True, halo=halo)
    label(img, (1580, 1620), "1,435 mm", 30, GAUGE_CN, anchor="lm", halo=halo)
    label(img, (1580, 1946), "1,520 mm", 30, GAUGE_KZ, anchor="lm", halo=halo)
    label(img, (2060, 1350), "road border post", 32, pal.MUTED, halo=halo)
    label(img, (360, 2290), "Altynkol station", 30, pal.MUTED, halo=halo)
    label(img, (40, 700), "← Zharkent", 32, pal.MUTED, anchor="lm", halo=halo)
    label(img, (40, 2120), "← Almaty", 32, pal.MUTED, anchor="lm", halo=halo)
    label(img, (3560, 500), "Horgos →", 32, pal.MUTED, anchor="rm", halo=halo)
    label(img, (3560, 2070), "Yining, Urumqi →", 32, pal.MUTED, anchor="rm", halo=halo)


def _cartouche(img: Image.Image) -> None:
    d = ImageDraw.Draw(img)
    x0, y0 = 2560, 1620
    d.rounded_rectangle(
        (x0, y0, x0 + 960, y0 + 300), 18, fill=lighter(pal.PAPER, 0.4), outline=pal.MUTED, width=3
    )
    label(img, (x0 + 40, y0 + 55), "The Khorgos crossing", 46, pal.INK, bold=True, anchor="lm")
    label(img, (x0 + 40, y0 + 110), "Illustrative plan, not to scale", 30, pal.MUTED, anchor="lm")
    for i, (colour, text) in enumerate(
        ((GAUGE_CN, "Chinese standard gauge, 1,435 mm"), (GAUGE_KZ, "Kazakh broad gauge, 1,520 mm"))
    ):
        y = y0 + 170 + i * 60
        d.line((x0 + 40, y - 9, x0 + 130, y - 9), fill=colour, width=5)
        d.line((x0 + 40, y + 9 + i * 6, x0 + 130, y + 9 + i * 6), fill=colour, width=5)
        label(img, (x0 + 160, y), text, 30, pal.INK, anchor="lm")
    # north arrow
    cx, cy = 3440, 260
    d.polygon([(cx, cy - 90), (cx + 34, cy + 40), (cx, cy + 16), (cx - 34, cy + 40)], fill=pal.INK)
    label(img, (cx, cy - 120), "N", 40, pal.INK, bold=True)


def draw_plan(w: int = W, h: int = H, seed: int = 1) -> Image.Image:
    """The plan at its design size (``w``, ``h`` scale the finished picture only)."""
    rng = random.Random(seed)
    img = Image.new("RGB", SIZE, CN_LAND)
    _ground(img, rng)
    ink = Ink(SIZE)
    _river(ink)
    _roads(ink)
    _zone(ink, rng)
    _rail_yard(ink, rng)
    _gate(ink, *PLACES["gateway"])
    _gate(ink, 2520, 690)
    ink.onto(img)
    _border(img)
    _labels(img)
    _cartouche(img)
    img = finish(img, seed, vignette=0.04, grain=0.5)
    return img if (w, h) == SIZE else img.resize((w, h), Image.Resampling.LANCZOS)
