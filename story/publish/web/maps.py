"""The web edition's maps: the package's GeoJSON drawn once as SVG, picture maps from tiles.

Why our own SVG and not a map library: a story map is one region, known when
the site is published. Projecting its GeoJSON once here (the same Lambert
projection as the desktop map, ``story.maps.projection``) gives one small,
static picture that draws at any size, needs no script to show, and cannot
reach for tiles on another host. The markers are plain HTML buttons placed
over it by percentage, so keys, screen readers and axe treat them as the
buttons they are. A picture map is stitched from the package's own tile
pyramid at a few widths, for ``srcset``.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from html import escape

from PIL import Image

from story import reading
from story.maps.basemap import Basemap, Line, Polygon, parse_basemap
from story.maps.picture import image_map_info, read_tile
from story.maps.projection import Projection
from story.package.file import Package
from story.records import MapInfo, Place

#: The SVG's width in its own units (it scales to any size in the page).
SVG_WIDTH = 1200
#: Picture-map widths offered in ``srcset``.
PICTURE_WIDTHS = (900, 1800, 2700)

FOCUS_COUNTRIES = frozenset({"KZ", "CN"})


@dataclass(frozen=True)
class SiteMap:
    """One map as the site draws it; ``position`` gives a place's spot in percent."""

    info: MapInfo
    width: int
    height: int
    sources: tuple[tuple[int, str], ...]  # (width, path): the SVG once, or picture widths
    files: dict[str, bytes]
    projection: Projection | None = None
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)  # projected x0 y0 x1 y1

    def position(self, place: Place) -> tuple[float, float] | None:
        """(left %, top %) of ``place`` on this map, or None when it is off the map."""
        if place.on_picture:
            assert place.x is not None and place.y is not None
            left, top = 100 * place.x / self.width, 100 * place.y / self.height
        else:
            if self.projection is None or place.lat is None or place.lon is None:
                return None
            x, y = self.projection.forward(place.lon, place.lat)
            x0, y0, x1, y1 = self.bounds
            left, top = 100 * (x - x0) / (x1 - x0), 100 * (y1 - y) / (y1 - y0)
        if not (0 <= left <= 100 and 0 <= top <= 100):
            return None
        return round(left, 3), round(top, 3)


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


class _Svg:
    def __init__(self, basemap: Basemap, extent: tuple[float, float, float, float]) -> None:
        self.proj = Projection.centred_on(extent)
        lo0, la0, lo1, la1 = extent
        corners = [
            self.proj.forward(lo, la) for lo in (lo0, (lo0 + lo1) / 2, lo1) for la in (la0, la1)
        ]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        self.bounds = (min(xs), min(ys), max(xs), max(ys))
        x0, y0, x1, y1 = self.bounds
        self.scale = SVG_WIDTH / (x1 - x0)
        self.height = max(1, round((y1 - y0) * self.scale))
        self.basemap = basemap

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.proj.forward(lon, lat)
        return (x - self.bounds[0]) * self.scale, (self.bounds[3] - y) * self.scale

    def visible(self, pts: list[tuple[float, float]]) -> bool:
        """Whether any of the frame could show these points (their box meets it)."""
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return max(xs) >= 0 and min(xs) <= SVG_WIDTH and max(ys) >= 0 and min(ys) <= self.height

    def path(self, rings: tuple[tuple[tuple[float, float], ...], ...], close: bool) -> str:
        parts = []
        for ring in rings:
            pts: list[tuple[float, float]] = []
            for lon, lat in ring:  # points closer than a unit draw nothing more
                x, y = self.xy(lon, lat)
                if not pts or abs(x - pts[-1][0]) + abs(y - pts[-1][1]) >= 1.0:
                    pts.append((x, y))
            if len(pts) < 2 or not self.visible(pts):
                continue
            d = "M" + " L".join(f"{_fmt(x)} {_fmt(y)}" for x, y in pts)
            parts.append(d + ("Z" if close else ""))
        return "".join(parts)

    def line(self, line: Line, cls: str) -> str:
        d = self.path(line.parts, False)
        return f'<path class="{cls}" d="{d}"/>' if d else ""

    def render(self, accent: str) -> str:
        b = self.basemap
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SVG_WIDTH} {self.height}" '
            f'width="{SVG_WIDTH}" height="{self.height}">',
            "<style>"
            ".sea{fill:#dcd8cf}.land{fill:#e9e5dc;stroke:#a29c92;stroke-width:1}"
            ".focus{fill:#f4efe4;stroke:#857d72;stroke-width:1.4}"
            ".lake{fill:#aecde3;stroke:#86b3d4;stroke-width:.8}"
            ".river{fill:none;stroke:#7eaed2;stroke-width:1.4;stroke-linejoin:round}"
            f".story{{fill:none;stroke:{escape(accent)};stroke-width:2.4;stroke-dasharray:7 4;"
            "stroke-linejoin:round;opacity:.8}"
            ".town{fill:#55504a}"
            "text{font:500 15px Inter,'Noto Sans',sans-serif;fill:#2e2b27;"
            "paint-order:stroke;stroke:#fff;stroke-width:3.5px;stroke-linejoin:round}"
            "text.country{font-size:18px;letter-spacing:.14em;fill:#8d867b;font-weight:600}"
            "</style>",
            f'<rect class="sea" width="{SVG_WIDTH}" height="{self.height}"/>',
        ]
        for area in b.countries:
            cls = "land focus" if area.code in FOCUS_COUNTRIES else "land"
            for poly in area.polygons:
                if not self.path(poly[:1], True):
                    continue
                out.append(f'<path class="{cls}" fill-rule="evenodd" d="{self.path(poly, True)}"/>')
        for lake in b.lakes:
            for poly in lake.polygons:
                if not self.path(poly[:1], True):
                    continue
                out.append(f'<path class="lake" fill-rule="evenodd" d="{self.path(poly, True)}"/>')
        out.extend(filter(None, (self.line(r, "river") for r in b.rivers if r.rank <= 9)))
        out.extend(filter(None, (self.line(ln, "story") for ln in b.lines)))
        taken: list[tuple[float, float, float, float]] = []
        for place in sorted(b.places, key=lambda p: (not p.key, p.rank, p.name)):
            if place.rank > 6 and not place.key:
                continue
            x, y = self.xy(place.lon, place.lat)
            if not (0 <= x <= SVG_WIDTH and 0 <= y <= self.height):
                continue
            width = 8.2 * len(place.name)  # Inter at 15 px: about 8 px a character
            for lx, anchor in ((x + 6, "start"), (x - 6, "end")):
                left = lx if anchor == "start" else lx - width
                box = (left, y - 20, left + width, y)
                if not any(_overlap(box, other) for other in taken):
                    break
            else:
                continue  # no room for its name: a label over another helps nobody
            taken.append(box)
            out.append(f'<circle class="town" cx="{_fmt(x)}" cy="{_fmt(y)}" r="3"/>')
            out.append(
                f'<text x="{_fmt(lx)}" y="{_fmt(y - 5)}" text-anchor="{anchor}">'
                f"{escape(place.name)}</text>"
            )
        for area in b.countries:
            if area.code in FOCUS_COUNTRIES and area.name:
                label = _country_label(self, area.polygons)
                if label:
                    out.append(
                        f'<text class="country" x="{_fmt(label[0])}" y="{_fmt(label[1])}" '
                        f'text-anchor="middle">{escape(area.name.upper())}</text>'
                    )
        out.append("</svg>")
        return "\n".join(out) + "\n"


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(x: float, y: float, ring: list[tuple[float, float]]) -> bool:
    """Ray casting: is (x, y) inside the closed ``ring``?"""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        (xi, yi), (xj, yj) = ring[i], ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _country_label(svg: _Svg, polygons: tuple[Polygon, ...]) -> tuple[float, float] | None:
    """Where a country's name goes: the middle of the part of it inside the frame (the mean
    of a grid of points that fall in its outer rings), or None when too little shows."""
    rings = [[svg.xy(lon, lat) for lon, lat in poly[0]] for poly in polygons if poly]
    hits: list[tuple[float, float]] = []
    cols, rows = 30, 20
    for r in range(rows):
        for c in range(cols):
            x, y = (c + 0.5) * SVG_WIDTH / cols, (r + 0.5) * svg.height / rows
            if any(_inside(x, y, ring) for ring in rings):
                hits.append((x, y))
    if len(hits) < 12:
        return None
    return sum(p[0] for p in hits) / len(hits), sum(p[1] for p in hits) / len(hits)


def geo_map(pkg: Package, info: MapInfo, accent: str) -> SiteMap:
    basemap = parse_basemap(reading.map_data(pkg, info.id), name=info.name)
    extent = info.extent or basemap.bbox
    svg = _Svg(basemap, extent)
    path = f"maps/map-{info.id}.svg"
    return SiteMap(
        info=info,
        width=SVG_WIDTH,
        height=svg.height,
        sources=((SVG_WIDTH, path),),
        files={path: svg.render(accent).encode()},
        projection=svg.proj,
        bounds=svg.bounds,
    )


def picture_map(pkg: Package, info: MapInfo) -> SiteMap:
    """A picture map at a few widths, each stitched from the tile level nearest above it."""
    meta = image_map_info(pkg, info.id)
    files: dict[str, bytes] = {}
    sources: list[tuple[int, str]] = []
    wanted = sorted({w for w in PICTURE_WIDTHS if w < meta.width} | {min(meta.width, 2700)})
    for target in wanted:
        level = max(0, min(meta.levels - 1, int(math.log2(meta.width / target))))
        scale = 2**level
        lw, lh = math.ceil(meta.width / scale), math.ceil(meta.height / scale)
        canvas = Image.new("RGB", (lw, lh), (233, 229, 220))
        t = meta.tile_size
        for row in range(math.ceil(lh / t)):
            for col in range(math.ceil(lw / t)):
                data = read_tile(pkg, info.id, level, col, row)
                if data is None:
                    continue
                with Image.open(io.BytesIO(data)) as tile:
                    canvas.paste(tile.convert("RGB"), (col * t, row * t))
        th = max(1, round(meta.height * target / meta.width))
        if (lw, lh) != (target, th):
            canvas = canvas.resize((target, th), Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        canvas.save(buf, "JPEG", quality=82, optimize=True, progressive=True)
        path = f"maps/map-{info.id}-{target}.jpg"
        files[path] = buf.getvalue()
        sources.append((target, path))
    return SiteMap(
        info=info,
        width=meta.width,
        height=meta.height,
        sources=tuple(sources),
        files=files,
    )
