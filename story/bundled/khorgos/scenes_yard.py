"""Looking down the tracks: the transfer yard in one-point perspective, by day and by night.

A small camera model (metres in, pixels out) draws boxes with their visible
faces, far to near, so trains, cranes and container blocks recede properly
towards the mountains. The market hall reuses the same camera.
"""

from __future__ import annotations

import random

from PIL import Image

from story.bundled.khorgos import figures as fig
from story.bundled.khorgos import landscape as land
from story.bundled.khorgos import objects as ob
from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import Shape, finish, glow, label
from story.bundled.khorgos.palette import mix
from story.bundled.khorgos.scenes_port import backdrop


class Camera:
    """One-point perspective for scenes that look down the tracks (metres in, pixels out)."""

    def __init__(self, w: int, h: int, horizon: float, height: float, focal: float) -> None:
        self.vx, self.vy, self.height, self.f = w / 2, h * horizon, height, w * focal

    def p(self, x: float, y: float, z: float) -> tuple[float, float]:
        return (self.vx + self.f * x / z, self.vy - self.f * (y - self.height) / z)

    def box(
        self,
        ink: ob.Ink,
        x0: float,
        x1: float,
        y0: float,
        y1: float,
        z0: float,
        z1: float,
        c: pal.RGB,
    ) -> None:
        """A box seen in perspective: the inner side, the top if below eye level, the near end."""
        p = self.p
        if x1 < 0:
            ink.poly(
                [p(x1, y0, z0), p(x1, y1, z0), p(x1, y1, z1), p(x1, y0, z1)], pal.darker(c, 0.2)
            )
        elif x0 > 0:
            ink.poly(
                [p(x0, y0, z0), p(x0, y1, z0), p(x0, y1, z1), p(x0, y0, z1)], pal.darker(c, 0.2)
            )
        if y1 < self.height:
            ink.poly(
                [p(x0, y1, z0), p(x1, y1, z0), p(x1, y1, z1), p(x0, y1, z1)], pal.lighter(c, 0.2)
            )
        elif y0 > self.height:
            ink.poly(
                [p(x0, y0, z0), p(x1, y0, z0), p(x1, y0, z1), p(x0, y0, z1)], pal.darker(c, 0.35)
            )
        a, b = p(x0, y1, z0), p(x1, y0, z0)
        ink.rect(a[0], a[1], b[0], b[1], c)


def _track(cam: Camera, ink: ob.Ink, cx: float, gauge: float, z_far: float) -> None:
    sleeper = pal.darker(pal.OCHRE, 0.45)
    z = 3.0
    while z < z_far:
        a, b = cam.p(cx - 1.3, 0.0, z), cam.p(cx + 1.3, 0.0, z + 0.25)
        ink.rect(a[0], b[1], b[0], a[1], sleeper)
        z += 0.65
    for sx in (-1, 1):
        x = cx + sx * gauge / 2
        ink.poly(
            [
                cam.p(x - 0.04, 0.1, 3),
                cam.p(x + 0.04, 0.1, 3),
                cam.p(x + 0.04, 0.1, z_far),
                cam.p(x - 0.04, 0.1, z_far),
            ],
            (150, 152, 155),
        )


def _end_on_train(
    cam: Camera,
    ink: ob.Ink,
    rng: random.Random,
    cx: float,
    z0: float,
    wagons: int,
    empty_first: bool,
) -> None:
    """Container flatcars seen from the end, drawn far to near."""
    cars = [(z0 + k * 26.0, k) for k in range(wagons)]
    for z, k in reversed(cars):
        cam.box(ink, cx - 1.4, cx + 1.4, 1.0, 1.4, z, z + 25, (64, 58, 52))
        for half in (0.0, 12.5):
            if k == 0 and empty_first and half == 0.0:
                continue
            c = pal.CONTAINERS[rng.randrange(len(pal.CONTAINERS))]
            cam.box(ink, cx - 1.22, cx + 1.22, 1.4, 4.0, z + half + 0.3, z + half + 12.3, c)
            if half == 0.0 or k > 0:
                for bx in (-0.7, -0.25, 0.25, 0.7):
                    a, b = cam.p(cx + bx, 3.8, z + half + 0.3), cam.p(cx + bx, 1.6, z + half + 0.3)
                    ink.line([a, b], max(1.0, cam.f * 0.06 / (z + half)), pal.darker(c, 0.45))
        for wx in (-0.72, 0.72):
            c0 = cam.p(cx + wx, 0.45, z + 1.5)
            r = cam.f * 0.45 / (z + 1.5)
            ink.ellipse(c0[0], c0[1], r * 0.25, (40, 38, 36), ry=r)


def _portal(cam: Camera, ink: ob.Ink, z: float, c: pal.RGB, load: pal.RGB | None) -> None:
    """A gantry crane spanning both tracks, seen from the front, with a container on its hook."""
    for x in (-9.5, 9.5):
        for dz in (0.0, 10.0):
            cam.box(ink, x - 0.5, x + 0.5, 0.0, 17.0, z + dz, z + dz + 1.0, pal.darker(c, 0.1))
        cam.box(ink, x - 0.6, x + 0.6, 0.0, 1.2, z, z + 11.0, pal.darker(c, 0.35))
    for dz in (10.0, 0.0):
        cam.box(ink, -14.0, 14.0, 17.0, 18.8, z + dz, z + dz + 1.2, c)
    cam.box(ink, -1.8, 1.8, 18.8, 20.2, z, z + 11.2, pal.lighter(c, 0.1))
    if load is not None:
        for dz in (2.0, 9.0):
            ink.line([cam.p(-0.8, 18.8, z + dz), cam.p(-0.9, 9.6, z + dz)], 1.5, (45, 45, 45))
            ink.line([cam.p(0.8, 18.8, z + dz), cam.p(0.9, 9.6, z + dz)], 1.5, (45, 45, 45))
        cam.box(ink, -1.3, 1.3, 9.2, 9.6, z + 0.5, z + 12.5, pal.INK)
        cam.box(ink, -1.22, 1.22, 6.6, 9.2, z + 0.5, z + 12.5, load)


def crane_transfer(w: int, h: int, seed: int, night: bool = False) -> Image.Image:
    """Looking down the tracks: a gantry lifts a box from the Chinese train to the Kazakh one."""
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h))
    horizon = 0.50
    if night:
        land.sky(img, pal.NIGHT_TOP, mix(pal.DUSK_LOW, pal.NIGHT_TOP, 0.35), horizon=horizon)
        land.mountains(
            img,
            rng,
            horizon,
            0.12,
            mix(pal.NIGHT_TOP, pal.SLATE, 0.5),
            peaks=8,
            snowline=0.6,
            snow=mix(pal.SNOW, pal.NIGHT_TOP, 0.45),
            shadow=0.1,
        )
        land.ground(
            img, horizon, mix(pal.NIGHT_TOP, pal.CONCRETE, 0.3), mix(pal.NIGHT_TOP, pal.OCHRE, 0.35)
        )
    else:
        backdrop(img, rng, horizon, sun=(0.25, 0.2), ranges=2)
        land.ground(
            img, horizon, mix(pal.CONCRETE, pal.HAZE, 0.4), mix(pal.CONCRETE, pal.OCHRE, 0.3)
        )
    cam = Camera(w, h, horizon, 8.0, 0.55)
    ink = ob.Ink(img.size)
    for cx, gauge in ((-3.4, 1.435), (3.4, 1.52)):
        _track(cam, ink, cx, gauge, 400.0)
    # container blocks either side of the crane's legs, far to near
    for z in (300.0, 240.0, 180.0, 120.0, 60.0):
        for x0 in (-14.0, 14.0):
            for k in range(4):
                for t in range(rng.randint(1, 3)):
                    c = pal.CONTAINERS[rng.randrange(len(pal.CONTAINERS))]
                    xa = x0 + k * 2.6 if x0 > 0 else -14.0 - (k + 1) * 2.6
                    cam.box(ink, xa, xa + 2.44, t * 2.6, t * 2.6 + 2.59, z, z + 36.0, c)
    _portal(cam, ink, 110.0, pal.ORANGE, rng.choice(pal.CONTAINERS))
    near = 24.0 if w >= h else 11.0  # leave bare track in front for the gauge labels
    _end_on_train(cam, ink, rng, -3.4, near, 9, empty_first=False)
    _end_on_train(cam, ink, rng, 3.4, near, 9, empty_first=True)
    _portal(cam, ink, 34.0, pal.ORANGE, pal.ACCENT)
    fig.person(ink, rng, *cam.p(0.2, 0.0, near - 3), cam.f * 1.75 / (near - 3), pal.ORANGE)
    ink.onto(img)
    if night:
        dim = Shape(img.size).rect(0, 0, w, h)
        dim.paint(img, pal.NIGHT_TOP, 0.28)
        for x, z in ((-12.0, 30.0), (12.0, 30.0), (-12.0, 110.0), (12.0, 110.0)):
            lx, ly = cam.p(x, 22.0, z)
            glow(img, (lx, ly), cam.f * 14 / z, pal.LAMP, 150)
            glow(img, (lx, ly), cam.f * 2.5 / z, (255, 246, 220), 255)
            poles = ob.Ink(img.size)
            fig.pole_lamp(poles, lx, cam.p(x, 0.0, z)[1], cam.p(x, 0.0, z)[1] - ly, (30, 32, 40))
            poles.onto(img)
        glow(img, cam.p(0.0, 3.0, 25.0), w * 0.35, pal.LAMP, 50)
    else:
        # labels on the ground in front of each track, kept inside the frame
        z_label = max(7.0, cam.f * (cam.height + 0.6) / (h * 0.95 - cam.vy))
        for x, text in ((-3.4, "1,435 mm"), (3.4, "1,520 mm")):
            label(
                img,
                cam.p(x, -0.6, z_label),
                text,
                int(min(w, h) * 0.032),
                pal.INK,
                bold=True,
                halo=pal.PAPER,
            )
    return finish(img, seed)
