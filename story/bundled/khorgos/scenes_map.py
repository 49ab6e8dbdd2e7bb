"""A map-like overview of the corridor, drawn from the story's own basemap (story.maps.basemap).

It is an illustration, not the reader's interactive map: countries, lakes and
named rivers from the bundled GeoJSON, the story's places as dots, and the
rail corridor as a schematic line through them (the basemap has no railway
layer, so the line is labelled as schematic in the caption).
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable

from PIL import Image

from story.bundled.khorgos import palette as pal
from story.bundled.khorgos.drawing import Point, Shape, finish, label, vgradient
from story.bundled.khorgos.objects import Ink
from story.bundled.khorgos.palette import mix
from story.maps.basemap import central_asia

EXTENT = (75.2, 41.6, 89.2, 46.9)  # lon0, lat0, lon1, lat1
ROUTE = ("Almaty", "Zharkent", "Altynkol", "Horgos (Khorgas)", "Yining (Ghulja)", "Urumqi")
LABELS = {"Horgos (Khorgas)": "Horgos", "Yining (Ghulja)": "Yining"}
#: label offset (px) and anchor per place, so the three border places don't collide
PLACEMENT = {
    "Zharkent": (-22, -30, "rs"),
    "Altynkol": (0, 44, "mm"),
    "Horgos (Khorgas)": (18, -26, "ls"),
    "Urumqi": (0, -38, "mm"),
}


def corridor_map(w: int, h: int, seed: int) -> Image.Image:
    """Kazakhstan and Xinjiang around Khorgos, with the corridor from Almaty to Urumqi."""
    rng = random.Random(seed)
    lon0, lat0, lon1, lat1 = EXTENT
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    scale = min(w / ((lon1 - lon0) * kx), h / (lat1 - lat0))
    ox = (w - (lon1 - lon0) * kx * scale) / 2
    oy = (h - (lat1 - lat0) * scale) / 2

    def p(lon: float, lat: float) -> tuple[float, float]:
        return (ox + (lon - lon0) * kx * scale, h - oy - (lat - lat0) * scale)

    img = vgradient((w, h), [(0.0, mix(pal.PAPER, pal.WATER, 0.15)), (1.0, pal.PAPER)])
    data = json.loads(central_asia())
    fills = {"KAZ": pal.LAND, "CHN": mix(pal.SAND, pal.OCHRE, 0.25)}
    places: dict[str, tuple[float, float]] = {}
    border = Ink(img.size)
    for feat in data["features"]:
        props, geom = feat["properties"], feat["geometry"]
        layer = props.get("layer")
        if layer in ("country", "lake"):
            polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
            shape = Shape(img.size)
            for poly in polys:
                shape.poly([p(x, y) for x, y in poly[0]])
            if layer == "country":
                shape.paint(
                    img, fills.get(props.get("iso_a3", ""), mix(pal.LAND, pal.CONCRETE, 0.5))
                )
                for poly in polys:
                    border.line([p(x, y) for x, y in poly[0]], 2.2, mix(pal.MUTED, pal.PAPER, 0.2))
            else:
                shape.paint(img, pal.WATER)
        elif layer == "river" and props.get("name"):
            lines = (
                geom["coordinates"] if geom["type"] == "MultiLineString" else [geom["coordinates"]]
            )
            rs = Shape(img.size)
            for line in lines:
                rs.line([p(x, y) for x, y in line], 2.5)
            rs.paint(img, mix(pal.WATER, pal.NAVY, 0.15))
        elif layer == "place" and props.get("key"):
            lon, lat = geom["coordinates"][:2]
            places[props["name"]] = (float(lon), float(lat))
    _relief(img, rng, p)
    border.onto(img)
    route = Ink(img.size)
    pts = [p(*places[n]) for n in ROUTE if n in places]
    route.line(pts, 9, pal.PAPER)
    route.line(pts, 5, pal.ACCENT)
    for n in ROUTE:
        if n in places:
            x, y = p(*places[n])
            route.ellipse(x, y, 13, pal.PAPER)
            route.ellipse(x, y, 9, pal.INK if n != "Altynkol" else pal.ACCENT)
    route.onto(img)
    for n in ROUTE:
        if n not in places:
            continue
        x, y = p(*places[n])
        dx, dy, anchor = PLACEMENT.get(n, (0, 36, "mm"))
        label(
            img,
            (x + dx, y + dy),
            LABELS.get(n, n),
            int(h * 0.026),
            pal.INK,
            bold=True,
            halo=pal.PAPER,
            anchor=anchor,
        )
    label(img, p(79.0, 46.3), "KAZAKHSTAN", int(h * 0.03), pal.MUTED, halo=pal.LAND)
    label(img, p(85.2, 42.5), "CHINA (XINJIANG)", int(h * 0.03), pal.MUTED, halo=fills["CHN"])
    label(img, p(84.6, 44.2), "schematic route", int(h * 0.022), pal.ACCENT, halo=pal.PAPER)
    return finish(img, seed, vignette=0.05, grain=0.5)


def _relief(img: Image.Image, rng: random.Random, proj: Callable[[float, float], Point]) -> None:
    """Little mountain marks along the Tian Shan and the Dzungarian Alatau, as old maps do."""
    ink = Ink(img.size)
    chains = (
        ((76.0, 42.9), (80.2, 42.6), (84.0, 43.0), (88.5, 43.3)),
        ((78.7, 45.0), (80.5, 44.9), (82.5, 45.1)),
        ((81.8, 43.4), (84.0, 43.5)),
    )
    for chain in chains:
        for (ax, ay), (bx, by) in zip(chain, chain[1:], strict=False):
            n = int(math.hypot(bx - ax, by - ay) * 5)
            for k in range(n):
                t = (k + rng.random()) / max(1, n)
                lon = ax + (bx - ax) * t
                lat = ay + (by - ay) * t + rng.uniform(-0.25, 0.25)
                x, y = proj(lon, lat)
                s = rng.uniform(9, 18)
                ink.poly(
                    [(x - s, y + s * 0.5), (x, y - s * 0.7), (x + s, y + s * 0.5)],
                    mix(pal.SLATE, pal.LAND, 0.45),
                )
                ink.poly(
                    [(x, y - s * 0.7), (x + s, y + s * 0.5), (x + s * 0.25, y + s * 0.5)],
                    mix(pal.SLATE, pal.LAND, 0.2),
                )
    ink.onto(img)
