"""Painting a basemap: painter paths per style, per detail level, per grid cell.

Everything was projected and simplified once, when the map was added to the
package (``story.maps.derived``). Each style (land, lakes, rivers by weight,
borders, story lines) is a handful of QPainterPaths, one per cell of a coarse
grid and per level of detail (vertices closer than the level's tolerance are
dropped, features smaller than it skipped). A frame then draws only the cells
in view at the level that matches the zoom, so a map of 50,000 features pans
as smoothly as the bundled one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QByteArray, QDataStream, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from story.maps.derived import DerivedBasemap
from story.maps.projection import Projection
from ui.map import style

#: A level is used while its tolerance is under this many device pixels.
LOD_PIXELS = 0.6
#: With more river vertices than this in a rendering, rivers are drawn at most 1 px wide:
#: so many would merge into a mesh anyway, and Qt strokes a 1 px cosmetic line an order of
#: magnitude faster than a wider one (seconds for 200,000 vertices). Never on the bundled map.
THIN_RIVERS_OVER = 20_000


@dataclass
class _Style:
    pen: QPen | None
    brush: QBrush | None
    closed: bool
    #: cells[(lod, cell)] -> path
    cells: dict[tuple[int, int], QPainterPath] = field(default_factory=dict)
    thin: QPen | None = None  # the pen far out (rivers)


def _cosmetic(color: QColor, width: float, dash: list[float] | None = None) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if dash:
        pen.setDashPattern(dash)
    return pen


def style_keys(group: tuple[str, str]) -> list[str]:
    """The styles (``ProjectedBasemap.ORDER``) a group of derived geometry is drawn in."""
    kind, arg = group
    if kind == "country":
        return ["land" if arg in style.FOCUS_COUNTRIES else "land_other"]
    if kind == "land":
        return ["land"]
    if kind == "lake":
        return ["lake"]
    if kind == "river":
        rank = int(arg) if arg.lstrip("-").isdigit() else 10
        return [f"river{style.river_width(rank)}"]
    if kind == "border":
        if set(arg.split("|")) == set(style.MAIN_BORDER):
            return ["border_band", "border_main"]  # a soft band under the story's border
        return ["border"]
    if kind == "line":
        return ["story_line_approx" if arg == "approx" else "story_line"]
    return []


def _new_style(key: str) -> _Style:
    st = style.active()
    if key in ("land", "land_other"):
        return _Style(None, QBrush(st.q("land" if key == "land" else "land_other")), True)
    if key == "lake":
        return _Style(_cosmetic(st.q("water_edge"), 0.6), QBrush(st.q("water")), True)
    if key.startswith("river"):
        width = float(key[5:])
        thin = _cosmetic(st.q("river"), min(1.0, width))
        return _Style(_cosmetic(st.q("river"), width), None, False, thin=thin)
    if key == "border_band":
        return _Style(_cosmetic(st.q("border_band"), 7.0), None, False)
    if key in ("border", "border_main"):
        main = key == "border_main"
        pen = _cosmetic(st.q("border_main" if main else "border"), 1.5 if main else 0.8)
        return _Style(pen, None, False)
    dash = [4.0, 3.0] if key == "story_line_approx" else None
    return _Style(_cosmetic(st.q("story_line"), 1.8, dash), None, False)


class ProjectedBasemap:
    """The basemap in scene coordinates, grouped into drawable styles.

    Its geometry was projected and simplified when the map was added
    (``story.maps.derived``); a level of detail becomes QPainterPaths, read
    straight from the stored bytes, the first time it is drawn.
    """

    def __init__(self, derived: DerivedBasemap) -> None:
        self.derived = derived
        self.proj = Projection(*derived.centre)
        r = derived.rect
        self.rect = QRectF(QPointF(r[0], r[1]), QPointF(r[2], r[3]))
        self.tolerances = derived.tolerances
        self.styles: dict[str, _Style] = {}
        self._group_styles: list[list[_Style]] = []
        for group in derived.groups:
            keys = style_keys(group)
            for key in keys:
                if key not in self.styles:
                    self.styles[key] = _new_style(key)
            self._group_styles.append([self.styles[k] for k in keys])
        self._built: set[int] = set()

    def _ensure_lod(self, lod: int) -> None:
        """Load the paths of detail level ``lod`` the first time it is drawn."""
        if lod in self._built:
            return
        blob, records = self.derived.level(lod)
        stream = QDataStream(QByteArray(blob))
        for group, cell in records:
            stream.skipRawData(8)  # group, cell: already read and checked
            path = QPainterPath()
            stream >> path
            for st in self._group_styles[group]:
                have = st.cells.get((lod, cell))
                if have is None:
                    st.cells[(lod, cell)] = path
                else:
                    have.addPath(path)
        self.derived.forget(lod)  # the paths hold it now
        self._built.add(lod)

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
        for lod, tol in enumerate(self.tolerances):
            if tol * scale <= LOD_PIXELS:
                return lod
        return len(self.tolerances) - 1

    def paint(self, painter: QPainter, exposed: QRectF, scale: float) -> None:
        lod = self.lod_for_scale(scale)
        self._ensure_lod(lod)
        rivers = sum(
            path.elementCount()
            for key, st in self.styles.items()
            if key.startswith("river")
            for (level, _cell), path in st.cells.items()
            if level == lod and path.controlPointRect().intersects(exposed)
        )
        far = rivers > THIN_RIVERS_OVER
        painter.fillRect(exposed, style.active().q("background"))
        for key in self.ORDER:
            st = self.styles.get(key)
            if st is None:
                continue
            if key == "river0.7" and scale < 1.2 / 1000:
                continue  # the smallest creeks only once zoomed in past ~1 km/px
            pen = st.thin if far and st.thin is not None else st.pen
            painter.setPen(pen if pen is not None else Qt.PenStyle.NoPen)
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
    REUSE_ZOOM = 2.0
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
            # moving: the last rendering scaled without filtering (0.6 ms against 2-9 ms
            # smoothed, at 1280x800), drawn sharp again SHARPEN_MS after the map rests
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(self._image_rect, self._image)
            self._sharpen.start()
