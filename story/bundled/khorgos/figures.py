"""People, vehicles and buildings: the figures that give the landscapes scale and life.

Split from ``objects`` (the rail-yard machinery) to keep modules small; they
draw on the same ``Ink`` layers in the same oblique projection.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.objects import Ink, box, container
from story.bundled.khorgos.palette import RGB, darker, mix


def truck(
    ink: Ink,
    rng: random.Random,
    x: float,
    y: float,
    scale: float,
    cab: RGB,
    load: RGB | None = None,
    facing_left: bool = True,
) -> float:
    """A tractor unit with a container trailer (about 17 m); returns its length."""
    s = scale
    length = 17.0 * s
    cab_w = 2.6 * s
    cx = x if facing_left else x + length - cab_w
    tx0 = x + cab_w + 0.5 * s if facing_left else x
    box(ink, cx, y - 1.0 * s, cab_w, 2.7 * s, 1.2 * s, cab)
    wx = cx + 0.15 * s if facing_left else cx + cab_w * 0.45
    ink.rect(wx, y - 3.4 * s, wx + cab_w * 0.4, y - 2.4 * s, mix(pal.GLASS, cab, 0.2))
    ink.rect(tx0, y - 1.35 * s, tx0 + 13.8 * s, y - 0.95 * s, (58, 54, 50))
    if load is not None:
        container(ink, tx0 + 0.3 * s, y - 1.35 * s, 13.0 * s, 2.6 * s, 1.2 * s, load)
    else:
        box(ink, tx0 + 0.3 * s, y - 1.35 * s, 13.0 * s, 2.8 * s, 1.2 * s, pal.CREAM)
    wheels = [cx + cab_w * 0.5, tx0 + 10.5 * s, tx0 + 12.0 * s]
    if not facing_left:
        wheels = [cx + cab_w * 0.5, tx0 + 1.2 * s, tx0 + 2.6 * s]
    for wx2 in wheels:
        ink.ellipse(wx2, y - 0.5 * s, 0.5 * s, (36, 34, 33))
        ink.ellipse(wx2, y - 0.5 * s, 0.2 * s, pal.STEEL)
    return length


def person(
    ink: Ink,
    rng: random.Random,
    x: float,
    y: float,
    height: float,
    c: RGB,
    bag: RGB | None = None,
    placard: RGB | None = None,
) -> None:
    """A simple standing figure (head, coat, legs); optional shopping bag or blank placard."""
    h = height
    head = h * 0.068
    sh = y - h * 0.80
    lean = rng.uniform(-0.03, 0.03) * h
    body_w = h * rng.uniform(0.15, 0.19)
    ink.ellipse(x + lean, sh - head * 1.05, head, c)
    coat = y - h * rng.uniform(0.36, 0.46)
    ink.poly(
        [
            (x + lean - body_w * 0.42, sh + h * 0.03),
            (x + lean - body_w * 0.3, sh),
            (x + lean + body_w * 0.3, sh),
            (x + lean + body_w * 0.42, sh + h * 0.03),
            (x + body_w * 0.5, coat),
            (x - body_w * 0.5, coat),
        ],
        c,
    )
    step = rng.uniform(0.0, 0.06) * h
    leg = h * 0.06
    for sx, st in ((-1, -step), (1, step)):
        hip = x + sx * body_w * 0.2
        ink.poly(
            [
                (hip - leg / 2, coat - 2),
                (hip + leg / 2, coat - 2),
                (hip + st + leg * 0.4, y),
                (hip + st - leg * 0.4, y),
            ],
            c,
        )
    if bag is not None:
        ink.line([(x + body_w * 0.5, sh + h * 0.04), (x + body_w * 0.75, y - h * 0.5)], h * 0.04, c)
        ink.rect(x + body_w * 0.55, y - h * 0.5, x + body_w * 0.55 + h * 0.13, y - h * 0.34, bag)
    if placard is not None:
        ink.line(
            [(x + lean, sh), (x + lean + h * 0.05, sh - h * 0.45)], h * 0.025, darker(placard, 0.5)
        )
        ink.rect(x + lean - h * 0.16, sh - h * 0.62, x + lean + h * 0.26, sh - h * 0.36, placard)


def crowd(
    ink: Ink,
    rng: random.Random,
    x0: float,
    x1: float,
    y: float,
    height: float,
    colors: Sequence[RGB],
    count: int,
    bags: Sequence[RGB] = (),
    spread: float = 0.0,
) -> None:
    """People across a strip; those lower in the picture (nearer) are drawn later and larger."""
    people = []
    for _ in range(count):
        dy = rng.uniform(0, spread)
        people.append((dy, rng.uniform(x0, x1)))
    for dy, x in sorted(people):
        k = 1 + dy / max(1.0, height) * 0.6
        bag = bags[rng.randrange(len(bags))] if bags and rng.random() < 0.55 else None
        person(
            ink,
            rng,
            x,
            y + dy,
            height * k * rng.uniform(0.88, 1.08),
            colors[rng.randrange(len(colors))],
            bag=bag,
        )


def tower(
    ink: Ink,
    rng: random.Random,
    x: float,
    y: float,
    w: float,
    h: float,
    c: RGB,
    window: RGB,
    lit: float = 0.0,
    lamp: RGB = pal.LAMP,
    crown: bool = True,
) -> None:
    """A new tower block: lit body, shaded side, a grid of windows, maybe lit at night."""
    box(ink, x, y, w, h, w * 0.35, c)
    cols = max(2, int(w / max(6.0, h * 0.03)))
    rows = max(3, int(h / max(6.0, w / cols * 1.4)))
    cw, rh = w / cols, h / rows
    for r in range(1, rows):
        for k in range(cols):
            wc = lamp if rng.random() < lit else window
            ink.rect(
                x + k * cw + cw * 0.22,
                y - h + r * rh + rh * 0.25,
                x + (k + 1) * cw - cw * 0.22,
                y - h + r * rh + rh * 0.7,
                wc,
            )
    if crown:
        ink.rect(x + w * 0.15, y - h - h * 0.04, x + w * 0.85, y - h, darker(c, 0.15))


def tower_crane(
    ink: Ink,
    x: float,
    y: float,
    h: float,
    c: RGB = pal.ORANGE,
    jib_left: float = 0.3,
    jib_right: float = 0.55,
) -> None:
    """A construction crane: lattice mast, long jib, short counter-jib: the boomtown's sign."""
    mw = h * 0.035
    top = y - h
    ink.rect(x - mw / 2, top, x + mw / 2, y, c)
    k = 0.0
    while k < h - mw:
        ink.line(
            [(x - mw / 2, y - k), (x + mw / 2, y - k - mw)], max(1.0, mw * 0.12), darker(c, 0.35)
        )
        k += mw
    ink.poly([(x - mw / 2, top), (x + mw / 2, top), (x, top - h * 0.12)], c)
    ink.rect(x - h * jib_left, top - mw * 0.6, x + h * jib_right, top, c)
    ink.rect(x - h * jib_left, top, x - h * jib_left + h * 0.07, top + h * 0.05, pal.STEEL)
    ink.line(
        [(x, top - h * 0.12), (x + h * jib_right * 0.95, top - mw * 0.6)],
        max(1.0, mw * 0.1),
        darker(c, 0.3),
    )
    ink.line(
        [(x, top - h * 0.12), (x - h * jib_left, top - mw * 0.6)],
        max(1.0, mw * 0.1),
        darker(c, 0.3),
    )
    hx = x + h * jib_right * 0.6
    ink.line([(hx, top), (hx, top + h * 0.3)], max(1.0, mw * 0.06), (50, 50, 50))


def frame_building(
    ink: Ink, x: float, y: float, w: float, h: float, floors: int, c: RGB, done: float = 0.4
) -> None:
    """An unfinished concrete frame: slabs and columns, only the lowest floors walled in."""
    fh = h / floors
    bays = max(3, int(w / (fh * 1.4)))
    for f in range(floors):
        if f / floors < done:
            ink.rect(x, y - (f + 1) * fh, x + w, y - f * fh, mix(c, pal.SAND, 0.3))
            for b in range(bays):
                bx = x + (b + 0.3) * w / bays
                ink.rect(
                    bx,
                    y - (f + 0.75) * fh,
                    bx + w / bays * 0.4,
                    y - (f + 0.3) * fh,
                    darker(c, 0.55),
                )
    col = max(2.0, w * 0.018)
    for b in range(bays + 1):
        bx = x + b * w / bays - col / 2
        ink.rect(bx, y - h, bx + col, y, c)
    for f in range(floors + 1):
        ink.rect(x - col, y - f * fh - col * 0.8, x + w + col, y - f * fh, darker(c, 0.12))
    for b in range(bays + 1):
        bx = x + b * w / bays
        ink.line([(bx, y - h), (bx, y - h - fh * 0.35)], max(1.0, col * 0.25), pal.STEEL)


def pole_lamp(ink: Ink, x: float, y: float, h: float, c: RGB = pal.STEEL) -> None:
    """A floodlight mast: a thin pole and a head of lamps."""
    ink.line([(x, y), (x, y - h)], max(1.5, h * 0.012), c)
    ink.rect(x - h * 0.05, y - h - h * 0.03, x + h * 0.05, y - h, c)
