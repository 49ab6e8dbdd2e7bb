"""Where a basemap's names go: one anchor per place, country, lake, river and story line.

Computed once with the rest of the derived geometry (``story.maps.derived``),
in scene metres, so opening a map does not walk its polygons again. Which
names are shown at a zoom, and where beside the anchor, is the UI's business
(``ui/map/labels.py``); so is the choice of a local-script second line, which
depends on the fonts installed, hence ``names`` and ``cc`` are kept.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from story.maps.basemap import Area, Basemap, Point

KINDS = ("key", "city", "town", "country", "water", "line")
MAX_TEXT = 200


class LabelAnchor(NamedTuple):
    key: str
    text: str
    names: dict[str, str]  # name_kk, name_ru, name_zh ... (for a local-script line)
    cc: str
    x: float  # scene metres
    y: float
    kind: str  # one of KINDS
    rank: int
    dot: bool = True
    alts: tuple[tuple[float, float], ...] = ()  # other anchors to try (along a line)


def _inside(pt: Point, ring: Sequence[Point]) -> bool:
    x, y = pt
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / ((yj - yi) or 1e-12) + xi:
            inside = not inside
        j = i
    return inside


def country_anchor(area: Area, ext: Sequence[float]) -> Point | None:
    """A point well inside the country's part of the story extent, for its name."""
    rings = []
    for poly in area.polygons:
        ring = poly[0]
        step = max(1, len(ring) // 400)
        rings.append(ring[::step])
    hits = []
    n = 9
    for i in range(1, n):
        for j in range(1, n):
            p = (ext[0] + (ext[2] - ext[0]) * i / n, ext[1] + (ext[3] - ext[1]) * j / n)
            if any(_inside(p, r) for r in rings):
                hits.append(p)
    if len(hits) < 3:
        return None
    mx = sum(p[0] for p in hits) / len(hits)
    my = sum(p[1] for p in hits) / len(hits)
    return min(hits, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)


def along(part: Sequence[Point], f: float) -> Point:
    """The point a fraction ``f`` of the way along a polyline (by length)."""
    seg = [math.dist(a, b) for a, b in zip(part, part[1:], strict=False)]
    goal = sum(seg) * f
    for (a, b), d in zip(zip(part, part[1:], strict=False), seg, strict=True):
        if goal <= d and d > 0:
            t = goal / d
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        goal -= d
    return part[-1]


def label_anchors(
    bm: Basemap, pj: Callable[[Sequence[Point]], list[tuple[float, float]]], ext: Sequence[float]
) -> list[LabelAnchor]:
    """Every name of the basemap with its anchor in the scene (``pj`` projects lon/lat)."""
    out: list[LabelAnchor] = []

    def one(lon: float, lat: float) -> tuple[float, float]:
        return pj([(lon, lat)])[0]

    for i, p in enumerate(bm.places):
        if p.name:
            kind = "key" if p.key else ("city" if p.rank <= 4 else "town")
            out.append(
                LabelAnchor(f"p{i}", p.name, p.names, p.cc, *one(p.lon, p.lat), kind, p.rank)
            )
    for i, c in enumerate(bm.countries):
        if c.layer == "country" and c.name:
            a = country_anchor(c, ext)
            if a is not None:
                out.append(
                    LabelAnchor(f"c{i}", c.name.upper(), {}, "", *one(*a), "country", 0, False)
                )
    for i, lake in enumerate(bm.lakes):
        if lake.name:
            ring = max((poly[0] for poly in lake.polygons), key=len)
            cx = sum(p[0] for p in ring) / len(ring)
            cy = sum(p[1] for p in ring) / len(ring)
            out.append(
                LabelAnchor(f"l{i}", lake.name, {}, "", *one(cx, cy), "water", lake.rank, False)
            )
    for i, river in enumerate(bm.rivers):
        if river.name:
            part = max(river.parts, key=len)
            x, y = one(*part[len(part) // 2])
            out.append(
                LabelAnchor(f"r{i}", river.name, {}, "", x, y, "water", river.rank - 1, False)
            )
    for i, line in enumerate(bm.lines):
        if line.name and line.parts:
            part = max(line.parts, key=len)
            pts = pj([along(part, f) for f in (0.5, 0.35, 0.65, 0.2, 0.8)])
            name = line.name + (" (approximate)" if line.approx else "")
            out.append(
                LabelAnchor(f"s{i}", name, {}, "", *pts[0], "line", 5, False, tuple(pts[1:]))
            )
    return out


COLUMNS = LabelAnchor._fields


def labels_to_json(labels: Sequence[LabelAnchor]) -> dict[str, list[Any]]:
    """Stored by column: checking and reading 15,000 names is then a few fast passes."""
    cols: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    for a in labels:
        for c, v in zip(COLUMNS, a, strict=True):
            cols[c].append(v)
    cols["alts"] = [[list(p) for p in alts] for alts in cols["alts"]]
    return cols


def _num(v: Any) -> bool:
    return type(v) in (int, float) and math.isfinite(v)


def _str(v: Any) -> bool:
    return type(v) is str and len(v) <= MAX_TEXT


def labels_from_json(raw: Any, error: type[Exception]) -> tuple[LabelAnchor, ...]:
    """Stored anchors, each checked (shape, types, finite numbers); raises ``error``."""
    if not isinstance(raw, dict) or set(raw) != set(COLUMNS):
        raise error("derived map labels: not the stored columns")
    cols = [raw[c] for c in COLUMNS]
    n = len(cols[0]) if isinstance(cols[0], list) else -1
    if n < 0 or n > 1_000_000 or not all(isinstance(c, list) and len(c) == n for c in cols):
        raise error("derived map labels: columns of different lengths")
    keys, texts, names, ccs, xs, ys, kinds, ranks, dots, alts = cols
    ok = (
        all(map(_str, keys))
        and all(map(_str, texts))
        and all(map(_str, ccs))
        and all(map(_num, xs))
        and all(map(_num, ys))
        and all(k in KINDS for k in kinds)
        and all(type(r) is int and -11 <= r <= 20 for r in ranks)
        and all(type(d) is bool for d in dots)
        and all(
            type(d) is dict and len(d) <= 8 and all(_str(k) and _str(v) for k, v in d.items())
            for d in names
            if d
        )
        and all(type(d) is dict for d in names)
        and all(
            type(a) is list
            and len(a) <= 8
            and all(type(p) is list and len(p) == 2 and _num(p[0]) and _num(p[1]) for p in a)
            for a in alts
            if a
        )
        and all(type(a) is list for a in alts)
    )
    if not ok:
        raise error("derived map labels: a label does not check")
    alts_t = [tuple((float(p[0]), float(p[1])) for p in a) if a else () for a in alts]
    return tuple(map(LabelAnchor._make, zip(*cols[:9], alts_t, strict=True)))
