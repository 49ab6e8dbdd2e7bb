"""A basemap's derived geometry: projected and simplified once, stored beside its GeoJSON.

Drawing a 50,000-feature basemap from its GeoJSON means parsing 25 MB of JSON
and projecting half a million vertices in pure Python: seconds. So when a
geographic map is added (``story.editing.maps.add_map``) its geometry is
projected, grouped by what it is (a country, lakes, rivers of a rank, a
border, the story's lines) and by cell of a coarse grid, simplified once per
level of detail, and stored as **derived data** in the ``map_tiles`` rows of
that map (``level`` -1: a header; ``level`` k: detail level k). Like a
rendition it is rebuildable and never the only copy: the header names the
SHA-256 of the GeoJSON it was made from, and anything that does not match or
does not check is ignored and derived again in memory (``basemap_geometry``).

Each level is a sequence of records, big-endian: ``int32 group, int32 cell``
then a path: ``int32 n``, ``n`` × (``int32 op`` (0 starts a ring or line, 1
continues it), ``float64 x``, ``float64 y``), ``int32`` index of the last
start, ``int32`` fill rule (0). That is the layout Qt's QDataStream uses for a
QPainterPath (documented in "Serializing Qt Data Types"), so the UI loads each
path without a Python loop over its vertices; :func:`path_records` checks the
structure of a stored level before anything reads it. Coordinates are scene
metres (east, *south*), rounded to whole metres (the closest zoom is 15 m/px).
"""

from __future__ import annotations

import hashlib
import json
import math
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from story.errors import StoryError
from story.maps.basemap import Area, Basemap, Point, parse_basemap, shared_borders
from story.maps.labelling import LabelAnchor, label_anchors, labels_from_json, labels_to_json
from story.maps.projection import EARTH_RADIUS_M, Projection
from story.package.schema import MapTileRow

FORMAT = "storyport-basemap-derived"
VERSION = 1
#: Vertex tolerances (scene metres) of the detail levels, coarse to full.
TOLERANCES = (3000.0, 800.0, 200.0, 0.0)
GRID = 12
HEADER_LEVEL = -1
#: Largest stored header and level once inflated (a 6-million-point map's full level is 120 MB).
MAX_HEADER = 64 * 2**20
MAX_LEVEL = 256 * 2**20
MAX_GROUPS = 4096

ScenePoint = tuple[float, float]
Group = tuple[str, str]  # ("country", "KZ"), ("land", ""), ("lake", ""), ("river", "7"),
# ("border", "CN|KZ"), ("line", "") or ("line", "approx")


class DerivedError(StoryError):
    """Stored derived geometry that cannot be used (it is then derived again)."""


@dataclass
class Feature:
    group: int
    cell: int
    size: float  # the larger side of its extent, metres
    rings: list[list[ScenePoint]]


@dataclass
class DerivedBasemap:
    """What the map view needs of a basemap, in scene metres; levels fetched on demand."""

    name: str
    centre: tuple[float, float]  # projection centre (lon, lat)
    rect: tuple[float, float, float, float]  # the data's extent in the scene (l, t, r, b)
    bbox: tuple[float, float, float, float]
    extents: dict[str, tuple[float, float, float, float]]
    groups: tuple[Group, ...]
    labels: tuple[LabelAnchor, ...]
    tolerances: tuple[float, ...] = TOLERANCES
    grid: int = GRID
    fetch: Callable[[int], bytes] | None = None
    features: list[Feature] = field(default_factory=list)
    _levels: dict[int, tuple[bytes, list[tuple[int, int]]]] = field(default_factory=dict)

    def closed(self, group: int) -> bool:
        return self.groups[group][0] in ("country", "land", "lake")

    def forget(self, k: int) -> None:
        """Drop level ``k``'s bytes once the UI has made its paths from them (stored
        levels only: one derived in memory would cost seconds to encode again)."""
        if self.fetch is not None:
            self._levels.pop(k, None)

    def level(self, k: int) -> tuple[bytes, list[tuple[int, int]]]:
        """Level ``k``'s bytes and its records' (group, cell), checked; cached."""
        got = self._levels.get(k)
        if got is None:
            blob = self.fetch(k) if self.fetch is not None else encode_level(self, k)
            got = self._levels[k] = (blob, path_records(blob, len(self.groups), self.grid**2))
        return got


def projector(proj: Projection) -> Callable[[Sequence[Point]], list[ScenePoint]]:
    """lon/lat positions -> scene points (``proj.forward`` with y flipped), inlined for speed."""
    sin0, cos0 = math.sin(math.radians(proj.lat0)), math.cos(math.radians(proj.lat0))
    lam0, d2r, r = math.radians(proj.lon0), math.pi / 180.0, EARTH_RADIUS_M
    sin, cos, sqrt = math.sin, math.cos, math.sqrt

    def run(pts: Sequence[Point]) -> list[ScenePoint]:
        out = []
        for lon, lat in pts:
            phi, dl = lat * d2r, lon * d2r - lam0
            sp, cp, cd = sin(phi), cos(phi), cos(dl)
            k = r * sqrt(2.0 / max(1e-12, 1.0 + sin0 * sp + cos0 * cp * cd))
            out.append((k * cp * sin(dl), -k * (cos0 * sp - sin0 * cp * cd)))
        return out

    return run


def simplify(pts: Sequence[ScenePoint], tol: float, closed: bool) -> list[ScenePoint]:
    """Radial-distance simplification: keep a vertex once it is ``tol`` from the last kept.

    Every vertex left out lies within ``tol`` of a kept one, so a feature's extent
    shrinks by at most ``tol`` on each side.
    """
    if tol <= 0 or len(pts) <= 3:
        return list(pts)
    t2 = tol * tol
    out = [pts[0]]
    lx, ly = pts[0]
    for x, y in pts[1:-1]:
        if (x - lx) ** 2 + (y - ly) ** 2 >= t2:
            out.append((x, y))
            lx, ly = x, y
    out.append(pts[-1])
    if closed and len(out) < 4:
        return []
    return out


def source_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def derive(data: bytes, extent: Sequence[float] | None = None, *, name: str = "") -> DerivedBasemap:
    """Parse (with every hostile-input check), project and group a basemap; levels lazily."""
    bm = parse_basemap(data, name=name)
    return derive_parsed(bm, extent)


def derive_parsed(bm: Basemap, extent: Sequence[float] | None = None) -> DerivedBasemap:
    ext = tuple(extent) if extent else (bm.extents.get("region") or bm.bbox)
    proj = Projection.centred_on(ext)
    pj = projector(proj)
    b = bm.bbox
    corners = pj([(x, y) for x in (b[0], (b[0] + b[2]) / 2, b[2]) for y in (b[1], b[3])])
    rect = (
        min(p[0] for p in corners),
        min(p[1] for p in corners),
        max(p[0] for p in corners),
        max(p[1] for p in corners),
    )
    groups: dict[Group, int] = {}
    features: list[Feature] = []
    w, h = max(1.0, rect[2] - rect[0]), max(1.0, rect[3] - rect[1])

    def add(group: Group, rings: list[list[ScenePoint]]) -> None:
        xs = [min(p[0] for p in r) for r in rings] + [max(p[0] for p in r) for r in rings]
        ys = [min(p[1] for p in r) for r in rings] + [max(p[1] for p in r) for r in rings]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        i = min(GRID - 1, max(0, int(((x0 + x1) / 2 - rect[0]) / w * GRID)))
        j = min(GRID - 1, max(0, int(((y0 + y1) / 2 - rect[1]) / h * GRID)))
        g = groups.setdefault(group, len(groups))
        features.append(Feature(g, j * GRID + i, max(x1 - x0, y1 - y0), rings))

    def areas(items: Sequence[Area]) -> None:
        for area in items:
            group = (area.layer, area.code if area.layer == "country" else "")
            for poly in area.polygons:
                add(group, [pj(ring) for ring in poly])

    areas(bm.countries)
    areas(bm.lakes)
    for river in bm.rivers:
        for part in river.parts:
            add(("river", str(river.rank)), [pj(part)])
    for a, c, pts in shared_borders(bm.countries):
        add(("border", "|".join(sorted((a, c)))), [pj(pts)])
    for line in bm.lines:
        for part in line.parts:
            add(("line", "approx" if line.approx else ""), [pj(part)])
    return DerivedBasemap(
        name=bm.name,
        centre=(proj.lon0, proj.lat0),
        rect=rect,
        bbox=bm.bbox,
        extents=dict(bm.extents),
        groups=tuple(groups),
        labels=tuple(label_anchors(bm, pj, ext)),
        features=features,
    )


def encode_level(d: DerivedBasemap, k: int) -> bytes:
    """Level ``k`` of freshly derived geometry as records (see the module's docstring)."""
    tol = d.tolerances[k]
    by: dict[tuple[int, int], list[list[tuple[int, int]]]] = {}
    for f in d.features:
        closed = d.closed(f.group)
        if tol and f.size < tol * (2.0 if closed else 1.0):
            continue  # smaller than the level's tolerance: not drawn at this level
        rings = by.setdefault((f.group, f.cell), [])
        for ring in f.rings:
            pts = [(round(x), round(y)) for x, y in simplify(ring, tol, closed)]
            if len(pts) < 2:
                continue
            if closed and pts[-1] != pts[0]:
                pts.append(pts[0])
            rings.append(pts)
    out = []
    for (g, c), rings in sorted(by.items()):
        if not rings:
            continue
        flat: list[int] = []
        n = start = 0
        for pts in rings:
            start = n
            flat += (0, *pts[0])
            for p in pts[1:]:
                flat += (1, *p)
            n += len(pts)
        out.append(struct.pack(f">iii{'idd' * n}ii", g, c, n, *flat, start, 0))
    return b"".join(out)


def path_records(blob: bytes, groups: int, cells: int) -> list[tuple[int, int]]:
    """Check a level's structure; its records' (group, cell) in order. Raises DerivedError."""
    out = []
    off, size = 0, len(blob)
    while off < size:
        if off + 12 > size:
            raise DerivedError("derived map geometry: a record is cut short")
        g, c, n = struct.unpack_from(">iii", blob, off)
        start = off + 12
        end = start + 20 * n
        if not (0 <= g < groups and 0 <= c < cells and 1 <= n and end + 8 <= size):
            raise DerivedError("derived map geometry: a record is out of range")
        zero = b"\x00" * n
        if blob[start:end:20] + blob[start + 1 : end : 20] + blob[start + 2 : end : 20] != zero * 3:
            raise DerivedError("derived map geometry: an unknown path element")
        ops = blob[start + 3 : end : 20]
        if ops[0] != 0 or ops.translate(None, b"\x00\x01"):
            raise DerivedError("derived map geometry: an unknown path element")
        last, rule = struct.unpack_from(">ii", blob, end)
        if not (0 <= last < n and ops[last] == 0 and rule == 0):
            raise DerivedError("derived map geometry: a path's trailer is wrong")
        out.append((g, c))
        off = end + 8
    return out


def _header(d: DerivedBasemap, sha: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "source_sha256": sha,
        "name": d.name,
        "centre": list(d.centre),
        "rect": list(d.rect),
        "bbox": list(d.bbox),
        "extents": {k: list(v) for k, v in d.extents.items()},
        "tolerances": list(d.tolerances),
        "grid": d.grid,
        "groups": [list(g) for g in d.groups],
        "labels": labels_to_json(d.labels),
    }


def store_derived(s: Session, map_id: int, data: bytes, extent: Sequence[float] | None) -> bool:
    """Derive a geographic map's geometry and write it in the caller's transaction.

    Returns False (and writes nothing) for data that is not a usable basemap: the
    map then shows its reason when opened, as before.
    """
    try:
        d = derive(data, extent)
    except StoryError:
        return False
    MapTileRow.__table__.create(s.connection(), checkfirst=True)  # type: ignore[attr-defined]
    s.execute(delete(MapTileRow).where(MapTileRow.map_id == map_id))
    head = json.dumps(_header(d, source_hash(data)), separators=(",", ":")).encode()
    rows = [(HEADER_LEVEL, head)] + [(k, encode_level(d, k)) for k in range(len(d.tolerances))]
    for level, blob in rows:
        s.add(MapTileRow(map_id=map_id, level=level, col=0, row=0, data=zlib.compress(blob, 6)))
    s.flush()
    return True


def _inflate(blob: bytes, limit: int) -> bytes:
    z = zlib.decompressobj()
    try:
        out = z.decompress(blob, limit)
    except zlib.error:
        raise DerivedError("derived map data is damaged") from None
    if z.unconsumed_tail or not z.eof:
        raise DerivedError("derived map data is too large or cut short")
    return out


def _finite(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _box(v: Any) -> tuple[float, float, float, float]:
    if not (isinstance(v, list) and len(v) == 4):
        raise DerivedError("derived map header: a box is not four numbers")
    if not all(_finite(x) and abs(x) < 1e9 for x in v):
        raise DerivedError("derived map header: a box is not four numbers")
    return (float(v[0]), float(v[1]), float(v[2]), float(v[3]))


def _from_header(head: Any, sha: str, centre: tuple[float, float] | None) -> DerivedBasemap:
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise DerivedError("derived map header: not ours")
    if head.get("version") != VERSION or head.get("source_sha256") != sha:
        raise DerivedError("derived map header: made from other data or by another version")
    c = head.get("centre")
    if not (isinstance(c, list) and len(c) == 2 and all(_finite(x) for x in c)):
        raise DerivedError("derived map header: no projection centre")
    if centre is not None and tuple(c) != centre:
        raise DerivedError("derived map header: projected around another centre")
    groups: list[Any] = head.get("groups") or []
    ok = isinstance(groups, list) and 0 < len(groups) <= MAX_GROUPS
    if not ok or not all(
        isinstance(g, list) and len(g) == 2 and all(isinstance(x, str) for x in g) for g in groups
    ):
        raise DerivedError("derived map header: bad groups")
    if head.get("tolerances") != list(TOLERANCES) or head.get("grid") != GRID:
        raise DerivedError("derived map header: other levels of detail")
    ext = head.get("extents")
    name = head.get("name")
    if not isinstance(ext, dict) or len(ext) > 32 or not isinstance(name, str):
        raise DerivedError("derived map header: bad extents or name")
    return DerivedBasemap(
        name=name[:200],
        centre=(float(c[0]), float(c[1])),
        rect=_box(head.get("rect")),
        bbox=_box(head.get("bbox")),
        extents={str(k)[:200]: _box(v) for k, v in ext.items()},
        groups=tuple((g[0][:40], g[1][:40]) for g in groups),
        labels=labels_from_json(head.get("labels"), DerivedError),
    )


def load_stored(
    s: Session, map_id: int, data: bytes, centre: tuple[float, float] | None
) -> DerivedBasemap | None:
    """The stored derived geometry of a map if it exists, checks and matches ``data``."""
    blob = s.scalar(
        select(MapTileRow.data).where(MapTileRow.map_id == map_id, MapTileRow.level == HEADER_LEVEL)
    )
    if blob is None:
        return None
    try:
        head = json.loads(_inflate(blob, MAX_HEADER))
    except (ValueError, RecursionError):
        raise DerivedError("derived map header is not JSON") from None
    return _from_header(head, source_hash(data), centre)


def fetch_level(s: Session, map_id: int, k: int) -> bytes:
    blob = s.scalar(
        select(MapTileRow.data).where(
            MapTileRow.map_id == map_id,
            MapTileRow.level == k,
            MapTileRow.col == 0,
            MapTileRow.row == 0,
        )
    )
    if blob is None:
        raise DerivedError(f"derived map geometry: level {k} is missing")
    return _inflate(blob, MAX_LEVEL)
