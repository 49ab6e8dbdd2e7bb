"""The land the story stands on: sky, the Tian Shan, rolling steppe, grass and poplars.

Depth is told the way painters tell it (atmospheric perspective): each range
further away is paler, bluer and flatter, so a few flat layers read as many
kilometres of the Ili valley. Ranges are a sum of "tent" summits plus a little
fractal noise, which gives distinct peaks (the Tian Shan reads as a wall of
summits, not a sine wave); snow is cut along the ridge wherever it rises above
a snowline, and each summit gets a shadowed flank for a sense of light.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from PIL import Image

from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import Painter, Point, Shape, fill_below, glow, vgradient
from story.bundled.khorgos.palette import RGB, mix


def sky(
    img: Image.Image,
    top: RGB = pal.SKY_TOP,
    low: RGB = pal.SKY_LOW,
    horizon: float = 0.6,
    sun: Point | None = None,
    sun_color: RGB = (255, 244, 214),
) -> None:
    """Sky gradient to a warm hazy horizon, with an optional sun and its halo."""
    w, h = img.size
    hy = max(0.05, min(1.0, horizon))
    grad = vgradient((w, h), [(0.0, top), (hy * 0.55, mix(top, low, 0.45)), (hy, low), (1.0, low)])
    img.paste(grad, (0, 0))
    if sun is not None:
        sx, sy = sun[0] * w, sun[1] * h
        glow(img, (sx, sy), h * 0.9, mix(low, sun_color, 0.7), 150)
        glow(img, (sx, sy), h * 0.22, sun_color, 230)
        r = h * 0.035
        Shape(img.size).ellipse(sx - r, sy - r, sx + r, sy + r).paint(img, sun_color)


def clouds(
    img: Image.Image,
    rng: random.Random,
    y: float,
    color: RGB,
    count: int = 5,
    opacity: float = 0.55,
) -> None:
    """Long flat steppe clouds: stacked rounded bars, thin and wind-stretched."""
    w, h = img.size
    s = Shape(img.size)
    for _ in range(count):
        cx = rng.uniform(-0.1, 1.1) * w
        cy = (y + rng.uniform(-0.08, 0.08)) * h
        length = rng.uniform(0.15, 0.35) * w
        th = rng.uniform(0.012, 0.025) * h
        for k in range(rng.randint(2, 4)):
            off = rng.uniform(-0.3, 0.3) * length
            ln = length * rng.uniform(0.4, 0.9)
            yy = cy - k * th * 0.8
            s.rounded(cx + off - ln / 2, yy - th / 2, cx + off + ln / 2, yy + th / 2, th / 2)
    s.paint(img, color, opacity)


def ridge_heights(
    rng: random.Random, n: int, peaks: int, sharp: float = 1.4, rough: float = 0.08
) -> list[float]:
    """Heights 0..~1 for n points across: summits as tents plus fractal noise."""
    hs = [0.0] * n
    for _ in range(peaks):
        c = rng.uniform(-0.1, 1.1)
        width = rng.uniform(0.08, 0.28)
        top = rng.uniform(0.45, 1.0)
        for i in range(n):
            d = abs(i / (n - 1) - c) / width
            if d < 1:
                hs[i] = max(hs[i], top * (1 - d) ** sharp)
    # midpoint-displacement noise for broken, rocky edges
    noise = [0.0, 0.0]
    amp = rough
    while len(noise) < n:
        nxt: list[float] = []
        for a, b in zip(noise, noise[1:], strict=False):
            nxt += [a, (a + b) / 2 + rng.uniform(-amp, amp)]
        nxt.append(noise[-1])
        noise = nxt
        amp *= 0.6
    step = (len(noise) - 1) / (n - 1)
    return [max(0.0, hs[i] + noise[round(i * step)]) for i in range(n)]


def mountains(
    img: Image.Image,
    rng: random.Random,
    base: float,
    height: float,
    color: RGB,
    *,
    peaks: int = 7,
    snowline: float | None = 0.55,
    snow: RGB = pal.SNOW,
    shadow: float = 0.12,
    haze: RGB | None = None,
) -> list[Point]:
    """One range: base and height are fractions of the picture height; returns its ridge."""
    w, h = img.size
    n = 160
    hs = ridge_heights(rng, n, peaks)
    by, mh = base * h, height * h
    ridge = [(i / (n - 1) * w, by - hs[i] * mh) for i in range(n)]
    body = vgradient(img.size, [(0.0, color), (base, mix(color, haze or color, 0.6)), (1.0, color)])
    fill_below(img, ridge, body)
    # shadowed flanks: from each summit, the right-hand slope down to the next valley,
    # closed by a slanting gully line back to the summit (light from the left)
    shade = Shape(img.size)
    for i in range(3, n - 3):
        if hs[i] > 0.25 and hs[i] >= max(hs[i - 3 : i + 4]):
            sx, sy = ridge[i]
            j = i + 1
            while j < n - 1 and hs[j + 1] <= hs[j] + 0.01:
                j += 1
            vx, vy = ridge[j]
            foot_y = min(by, sy + (by - sy) * rng.uniform(0.75, 1.0))
            foot = (sx + (foot_y - sy) * rng.uniform(0.05, 0.35), foot_y)
            low = (vx + (by - vy) * 0.15, min(by, vy + (by - vy) * 0.9))
            gully = [
                (sx + (foot[0] - sx) * t + rng.uniform(-1, 1) * w * 0.003, sy + (foot[1] - sy) * t)
                for t in (0.75, 0.5, 0.25)
            ]
            shade.poly([ridge[k] for k in range(i, j + 1)] + [low, foot] + gully)
    shade.paint(img, pal.darker(color, shadow))
    if snowline is not None:
        cap = Shape(img.size)
        lower: list[Point] = []
        for i in range(n):
            depth = max(0.0, hs[i] - snowline) * mh * rng.uniform(0.55, 0.95)
            lower.append((ridge[i][0], ridge[i][1] + depth))
        cap.poly(ridge + lower[::-1])
        cap.paint(img, snow)
        # the snow's own shade on the lee flanks
        lee = Shape(img.size)
        for i in range(1, n - 1):
            if hs[i] > snowline and hs[i] >= hs[i - 1] and hs[i] >= hs[i + 1]:
                x, y = ridge[i]
                dep = (hs[i] - snowline) * mh * 0.8
                lee.poly([(x, y), (x + dep * 0.7, y + dep), (x + dep * 0.2, y + dep * 0.9)])
        lee.paint(img, mix(snow, color, 0.28))
    return ridge


def hills(
    img: Image.Image,
    rng: random.Random,
    y: float,
    amp: float,
    fill: RGB | Image.Image,
    waves: int = 3,
) -> list[Point]:
    """A soft rolling band (foothills, the steppe's swell) whose top sits around ``y``."""
    w, h = img.size
    phase = [rng.uniform(0, math.tau) for _ in range(waves)]
    freq = [rng.uniform(0.6, 1.6) * (k + 1) for k in range(waves)]
    pts = []
    for i in range(121):
        x = i / 120
        v = sum(
            math.sin(x * math.tau * f + p) / (k + 1)
            for k, (f, p) in enumerate(zip(freq, phase, strict=True))
        )
        pts.append((x * w, (y + v * amp / 1.8) * h))
    fill_below(img, pts, fill)
    return pts


def ground(img: Image.Image, y: float, far: RGB, near: RGB) -> None:
    """Flat land from the horizon at ``y`` to the bottom, hazy far, saturated near."""
    w, h = img.size
    grad = vgradient((w, h), [(0.0, far), (y, far), (1.0, near)])
    fill_below(img, [(0, y * h), (w, y * h)], grad)


def grass(
    img: Image.Image,
    rng: random.Random,
    y0: float,
    y1: float,
    colors: Sequence[RGB],
    density: int = 1400,
    lean: float = 0.25,
) -> None:
    """Dry-grass strokes, sparse and small near the horizon, long and dense in front."""
    w, h = img.size
    p = Painter(img.size)
    for _ in range(density):
        t = rng.random() ** 0.6
        y = (y0 + (y1 - y0) * t) * h
        x = rng.uniform(-0.02, 1.02) * w
        size = (2 + 26 * t**2) * h / 1500
        c = colors[rng.randrange(len(colors))]
        for _ in range(rng.randint(2, 4)):
            a = rng.uniform(-lean, lean) - math.pi / 2
            ln = size * rng.uniform(0.6, 1.3)
            p(c).line([(x, y), (x + math.cos(a) * ln, y + math.sin(a) * ln)], max(1.0, size * 0.09))
    p.paint(img)


def poplars(
    img: Image.Image,
    rng: random.Random,
    y: float,
    x0: float,
    x1: float,
    height: float,
    color: RGB,
    count: int = 12,
) -> None:
    """Windbreak poplars: the columnar trees that line every road and field in the Ili valley."""
    w, h = img.size
    s = Shape(img.size)
    for i in range(count):
        cx = (x0 + (x1 - x0) * (i + rng.uniform(0.1, 0.9)) / count) * w
        th = height * h * rng.uniform(0.75, 1.15)
        tw = th * rng.uniform(0.16, 0.22)
        base = y * h
        pts = [(cx - tw * 0.15, base)]
        for k in range(1, 9):
            t = k / 9
            bulge = math.sin(t * math.pi) ** 0.7 * tw / 2 * rng.uniform(0.85, 1.1)
            pts.append((cx - bulge, base - th * t))
        pts.append((cx, base - th * 1.02))
        for k in range(8, 0, -1):
            t = k / 9
            bulge = math.sin(t * math.pi) ** 0.7 * tw / 2 * rng.uniform(0.85, 1.1)
            pts.append((cx + bulge, base - th * t))
        pts.append((cx + tw * 0.15, base))
        s.poly(pts)
    s.paint(img, color)


def fields(
    img: Image.Image,
    rng: random.Random,
    y0: float,
    y1: float,
    colors: Sequence[RGB],
    vanish_x: float = 0.5,
) -> None:
    """Striped farm fields in perspective: rows converge on a point on the horizon."""
    w, h = img.size
    p = Painter(img.size)
    bands = 7
    for b in range(bands):
        t0, t1 = (b / bands) ** 1.7, ((b + 1) / bands) ** 1.7
        ya, yb = (y0 + (y1 - y0) * t0) * h, (y0 + (y1 - y0) * t1) * h
        p(colors[b % len(colors)]).rect(-2, ya, w + 2, yb + 1)
    p.paint(img)
    rows = Shape(img.size)
    vx, vy = vanish_x * w, y0 * h
    for k in range(-30, 31):
        bx = vx + k * w * 0.06
        rows.line(
            [(vx + (bx - vx) * 0.02, vy + (y1 * h - vy) * 0.02), (bx, y1 * h)], 1 + abs(k) * 0.05
        )
    rows.paint(img, pal.darker(colors[0], 0.12), 0.35)


def road(
    img: Image.Image,
    y0: float,
    x_bottom: tuple[float, float],
    vanish_x: float,
    color: RGB,
    line: RGB | None = None,
) -> None:
    """A straight road running to the horizon, with an optional dashed centre line."""
    w, h = img.size
    vx, vy = vanish_x * w, y0 * h
    Shape(img.size).poly(
        [(vx - 2, vy), (vx + 2, vy), (x_bottom[1] * w, h + 2), (x_bottom[0] * w, h + 2)]
    ).paint(img, color)
    if line is not None:
        s = Shape(img.size)
        mid = (x_bottom[0] + x_bottom[1]) / 2 * w
        for k in range(14):
            ta, tb = (k / 14) ** 2.2, ((k + 0.45) / 14) ** 2.2
            ya, yb = vy + (h - vy) * ta, vy + (h - vy) * tb
            xa, xb = vx + (mid - vx) * ta, vx + (mid - vx) * tb
            wa, wb = 1 + 10 * ta, 1 + 10 * tb
            s.poly([(xa - wa / 2, ya), (xa + wa / 2, ya), (xb + wb / 2, yb), (xb - wb / 2, yb)])
        s.paint(img, line)
