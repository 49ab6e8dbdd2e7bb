"""Painting a parsed basemap: pre-built painter paths per style, per detail level, per grid cell.

Everything is projected once, when the map loads. Each style (land, lakes,
rivers by weight, borders, story lines) becomes a handful of QPainterPaths, one
per cell of a coarse grid and per level of detail (vertices closer than the
level's tolerance are dropped, features smaller than it skipped). A frame then
draws only the cells in view at the level that matches the zoom, so a map of
50,000 features pans as smoothly as the bundled one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from story.maps.basemap import Basemap, Projection, shared_borders
from ui.map import style

ScenePoint = tuple[float, float]
#: Vertex tolerances (scene metres) of the detail levels, coarse to full.
LOD_TOLERANCES = (3000.0, 800.0, 200.0, 0.0)
#: A level is used while its tolerance is under this many device pixels.
LOD_PIXELS = 0.6
GRID = 12


def to_scene(proj: Projection) -> Callable[[float, float], ScenePoint]:
    """lon/lat -> scene coordinates (metres east, metres *south*: scene y grows down)."""

    def f(lon: float, lat: float) -> ScenePoint:
        x, y = proj.forward(lon, lat)
        return (x, -y)

    return f


def simplify(pts: Sequence[ScenePoint], tol: float, closed: bool) -> list[ScenePoint]:
    """Radial-distance simplification: keep a vertex once it is ``tol`` from the last kept."""
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


def _extent(pts: Sequence[ScenePoint]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass
class _Style:
    pen: QPen | None
    brush: QBrush | None
    closed: bool
    #: cells[(lod, cell)] -> path
    cells: dict[tuple[int, int], QPainterPath] = field(default_factory=dict)
    #: (cell, size, rings) of every feature, projected
    features: list[tuple[int, float, list[Sequence[ScenePoint]]]] = field(default_factory=list)


class ProjectedBasemap:
    """The basemap in scene coordinates, grouped into drawable styles."""

    def __init__(self, basemap: Basemap, proj: Projection) -> None:
        self.basemap = basemap
        self.proj = proj
        self.project = to_scene(proj)
        b = basemap.bbox
        corners = [
            self.project(x, y) for x in (b[0], (b[0] + b[2]) / 2, b[2]) for y in (b[1], b[3])
        ]
        ex = _extent(corners)
        self.rect = QRectF(QPointF(ex[0], ex[1]), QPointF(ex[2], ex[3]))
        self.styles: dict[str, _Style] = {}
        self._built: set[int] = set()
        self._build()

    def _cell(self, ext: tuple[float, float, float, float]) -> int:
        r = self.rect
        cx = (ext[0] + ext[2]) / 2
        cy = (ext[1] + ext[3]) / 2
        i = min(GRID - 1, max(0, int((cx - r.left()) / max(1.0, r.width()) * GRID)))
        j = min(GRID - 1, max(0, int((cy - r.top()) / max(1.0, r.height()) * GRID)))
        return j * GRID + i

    def _style(self, key: str, pen: QPen | None, brush: QBrush | None, closed: bool) -> _Style:
        if key not in self.styles:
            self.styles[key] = _Style(pen, brush, closed)
        return self.styles[key]

    def _add(self, st: _Style, rings: Sequence[Sequence[ScenePoint]]) -> None:
        """Add one feature (its rings or parts together); paths are made per level on demand."""
        allpts = [p for r in rings for p in r]
        if not allpts:
            return
        ext = _extent(allpts)
        size = max(ext[2] - ext[0], ext[3] - ext[1])
        st.features.append((self._cell(ext), size, list(rings)))

    def _ensure_lod(self, lod: int) -> None:
        """Build the paths of detail level ``lod`` the first time it is drawn."""
        if lod in self._built:
            return
        tol = LOD_TOLERANCES[lod]
        for st in self.styles.values():
            for cell, size, rings in st.features:
                if tol and size < tol * (2.0 if st.closed else 1.0):
                    continue  # invisible at this level
                path = st.cells.get((lod, cell))
                if path is None:
                    path = st.cells[(lod, cell)] = QPainterPath()
                    if st.closed:
                        path.setFillRule(Qt.FillRule.OddEvenFill)
                for ring in rings:
                    pts = simplify(ring, tol, st.closed)
                    if len(pts) < 2:
                        continue
                    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
                    if st.closed:
                        path.closeSubpath()
        self._built.add(lod)

    def _build(self) -> None:
        bm, pj = self.basemap, self.project

        def cosmetic(color: QColor, width: float, dash: list[float] | None = None) -> QPen:
            pen = QPen(color, width)
            pen.setCosmetic(True)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            if dash:
                pen.setDashPattern(dash)
            return pen

        for area in bm.countries:
            focus = area.code in style.FOCUS_COUNTRIES or area.layer == "land"
            st = self._style(
                "land" if focus else "land_other",
                None,
                QBrush(style.LAND if focus else style.LAND_OTHER),
                True,
            )
            for poly in area.polygons:
                self._add(st, [[pj(*p) for p in ring] for ring in poly])
        lake = self._style("lake", cosmetic(style.WATER_EDGE, 0.6), QBrush(style.WATER), True)
        for area in bm.lakes:
            for poly in area.polygons:
                self._add(lake, [[pj(*p) for p in ring] for ring in poly])
        for river in bm.rivers:
            w = style.river_width(river.rank)
            st = self._style(f"river{w}", cosmetic(style.RIVER, w), None, False)
            for part in river.parts:
                self._add(st, [[pj(*p) for p in part]])
        band = cosmetic(style.BORDER_BAND, 7.0)
        for a, b, pts in shared_borders(bm.countries):
            main = {a, b} == set(style.MAIN_BORDER)
            if main:  # a soft band under the border the story is about
                self._add(self._style("border_band", band, None, False), [[pj(*p) for p in pts]])
            st = self._style(
                "border_main" if main else "border",
                cosmetic(style.BORDER_MAIN if main else style.BORDER, 1.5 if main else 0.8),
                None,
                False,
            )
            self._add(st, [[pj(*p) for p in pts]])
        for line in bm.lines:
            dash = [4.0, 3.0] if line.approx else None
            key = f"story_line{'_approx' if line.approx else ''}"
            st = self._style(key, cosmetic(style.STORY_LINE, 1.8, dash), None, False)
            for part in line.parts:
                self._add(st, [[pj(*p) for p in part]])

    #: drawing order, bottom to top
    ORDER = (
        "land_other",
        "land",
        "border_band",
        "lake",
        "river0.7",
        "river1.1",
        "river1.6",
        "river2.0",
        "river2.4",
        "border",
        "border_main",
        "story_line",
        "story_line_approx",
    )

    def lod_for_scale(self, scale: float) -> int:
        for lod, tol in enumerate(LOD_TOLERANCES):
            if tol * scale <= LOD_PIXELS:
                return lod
        return len(LOD_TOLERANCES) - 1

    def paint(self, painter: QPainter, exposed: QRectF, scale: float) -> None:
        lod = self.lod_for_scale(scale)
        self._ensure_lod(lod)
        painter.fillRect(exposed, style.BACKGROUND)
        for key in self.ORDER:
            st = self.styles.get(key)
            if st is None:
                continue
            if key == "river0.7" and scale < 1.2 / 1000:
                continue  # the smallest creeks only once zoomed in past ~1 km/px
            painter.setPen(st.pen if st.pen is not None else Qt.PenStyle.NoPen)
            painter.setBrush(st.brush if st.brush is not None else Qt.BrushStyle.NoBrush)
            for (level, _cell), path in st.cells.items():
                if level != lod:
                    continue
                if path.controlPointRect().intersects(exposed):
                    painter.drawPath(path)


class BasemapItem(QGraphicsItem):
    """The whole basemap as one scene item (labels and markers are separate items).

    It keeps its last rendering as an image covering the view and a margin
    around it. While the view stays inside that image and the zoom within
    ``REUSE_ZOOM`` of it, a frame is just that image drawn (moved or scaled),
    and a sharp rendering follows once the map rests (``SHARPEN_MS``). This is
    what keeps pan and zoom smooth on maps with tens of thousands of features.
    """

    MARGIN = 0.35  # of the viewport, on each side
    REUSE_ZOOM = 1.6
    SHARPEN_MS = 140

    def __init__(self, projected: ProjectedBasemap) -> None:
        super().__init__()
        self.projected = projected
        self._rect = projected.rect.adjusted(
            -projected.rect.width(),
            -projected.rect.height(),
            projected.rect.width(),
            projected.rect.height(),
        )
        self._image: QImage | None = None
        self._image_rect = QRectF()  # scene area the image covers
        self._image_scale = 0.0
        self._sharpen = QTimer()
        self._sharpen.setSingleShot(True)
        self._sharpen.setInterval(self.SHARPEN_MS)
        self._sharpen.timeout.connect(self._make_sharp)
        self._stale = False
        self.renders = 0  # full renderings made (for tests and the benchmark)
        self.setZValue(0)

    def boundingRect(self) -> QRectF:
        return self._rect

    def _make_sharp(self) -> None:
        if shiboken6.isValid(self):  # the scene may have gone meanwhile
            self._stale = True
            self.update()

    def _render(self, device_rect: QRectF, inv: QTransform, scale: float, dpr: float) -> None:
        mw, mh = device_rect.width() * self.MARGIN, device_rect.height() * self.MARGIN
        area = device_rect.adjusted(-mw, -mh, mw, mh)
        scene_area = inv.mapRect(area)
        img = QImage(
            max(1, math.ceil(area.width() * dpr)),
            max(1, math.ceil(area.height() * dpr)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        img.setDevicePixelRatio(dpr)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.scale(scale, scale)
        p.translate(-scene_area.left(), -scene_area.top())
        self.projected.paint(p, scene_area, scale)
        p.end()
        self._image, self._image_rect, self._image_scale = img, scene_area, scale
        self._stale = False
        self.renders += 1

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        t = painter.worldTransform()
        scale = math.hypot(t.m11(), t.m12())
        inv, ok = t.inverted()
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        vp = QRectF(painter.viewport())
        if not ok or scale <= 0:
            return
        visible = inv.mapRect(vp)
        ratio = scale / self._image_scale if self._image_scale else 0.0
        reusable = (
            self._image is not None
            and not self._stale
            and 1 / self.REUSE_ZOOM <= ratio <= self.REUSE_ZOOM
            and self._image_rect.contains(visible)
        )
        if not reusable:
            self._render(vp, inv, scale, dpr)
            ratio = 1.0
        assert self._image is not None
        if abs(ratio - 1.0) < 1e-9:
            # same zoom: a pixel-aligned copy, no resampling
            top_left = t.map(self._image_rect.topLeft())
            painter.save()
            painter.resetTransform()
            painter.drawImage(QPointF(round(top_left.x()), round(top_left.y())), self._image)
            painter.restore()
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(self._image_rect, self._image)
            self._sharpen.start()
