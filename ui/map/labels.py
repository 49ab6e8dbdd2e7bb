"""Map labels: which names to show at a zoom, and where, so that none overlap.

Placement is greedy by priority (the story's places, then countries, then
towns by rank, then water): each label tries a few positions around its
anchor (right, left, above, below, then further out) and takes the first that
touches no placed label, town dot or chapter marker. It is computed in "map
pixels" (scene coordinates times the view scale), so panning only translates
it and it is recomputed only when the zoom changes. Labels are drawn from
cached images with a white halo, at a constant pixel size.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ui.map import style
from ui.map.halo import haloed

DOT_R = 2.6
#: While the map moves, a placement is reused within these zoom ratios (labels keep their
#: offsets from anchors that move with the zoom: zooming in only spreads them apart, so
#: more is allowed that way), and placed afresh once the map rests for REST_S.
REUSE_IN = 2.0
REUSE_OUT = 1.4
REST_S = 0.14
GAP = 4.0


@dataclass(frozen=True)
class LabelSpec:
    """One label: its text, anchor (scene), class, and importance."""

    key: str
    text: str
    local: str  # a smaller second line (local-script name), or ""
    x: float
    y: float
    kind: str  # "key" | "city" | "town" | "country" | "water" | "marker"
    rank: int
    dot: bool = True
    #: other anchors (scene) to try, for labels along a line
    alts: tuple[tuple[float, float], ...] = ()

    @property
    def priority(self) -> tuple[int, int]:
        order = {"marker": 0, "key": 1, "country": 2, "city": 3, "town": 4, "line": 5, "water": 6}
        return (order.get(self.kind, 6), self.rank)


@dataclass(frozen=True)
class Placed:
    spec: LabelSpec
    rect: QRectF  # map pixels
    align: str  # "left" | "right" | "center"
    anchor: tuple[float, float] | None = None  # scene point it was placed by (default: spec's)


def max_rank_for(metres_per_px: float) -> float:
    """The least important place rank still labelled at this zoom (more when zoomed in)."""
    if metres_per_px <= 0:
        return 10.0
    return 2.0 + 2.0 * math.log2(max(1e-6, 1500.0 / metres_per_px))


def _c(role: str) -> QColor:
    return style.active().q(role)


def _fonts(spec: LabelSpec) -> tuple[QFont, QFont, QColor]:
    if spec.kind == "country":
        f = QFont(style.sans(13, QFont.Weight.DemiBold))
        f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 125)
        return f, style.sans(10), _c("label_country")
    if spec.kind == "line":  # the story's own lines: slate italic, like the line
        return style.sans(11, QFont.Weight.Medium, True), style.sans(9), _c("story_line")
    if spec.kind == "water":
        return (
            style.sans(11, QFont.Weight.Normal, True),
            style.sans(9, italic=True),
            _c("label_water"),
        )
    if spec.kind in ("key", "marker"):
        return style.sans(13, QFont.Weight.DemiBold), style.sans(10.5), _c("label")
    if spec.kind == "city":
        return style.sans(12, QFont.Weight.Medium), style.sans(10), _c("label")
    return style.sans(11), style.sans(9.5), _c("label_minor")


_SIZES: dict[tuple[str, str, str, str], QSizeF] = {}


def label_size(spec: LabelSpec) -> QSizeF:
    key = (spec.kind, spec.text, spec.local, spec.key)
    size = _SIZES.get(key)
    if size is None:
        size = _SIZES[key] = _measure(spec)
    return size


def _measure(spec: LabelSpec) -> QSizeF:
    f1, f2, _ = _fonts(spec)
    m1, m2 = QFontMetricsF(f1), QFontMetricsF(f2)
    w = m1.horizontalAdvance(spec.text)
    h = m1.height()
    if spec.local:
        w = max(w, m2.horizontalAdvance(spec.local))
        h += m2.height() - 1
    return QSizeF(w + 4, h + 2)


class LabelImages:
    """Rendered label images (text with halo), cached by label, alignment and pixel ratio."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, float], QImage] = {}

    def get(self, spec: LabelSpec, align: str, dpr: float) -> QImage:
        k = (spec.key + "\x00" + spec.text, align, dpr)
        img = self._cache.get(k)
        if img is None:
            img = self._cache[k] = self._render(spec, align, dpr)
        return img

    @staticmethod
    def _render(spec: LabelSpec, align: str, dpr: float) -> QImage:
        size = label_size(spec)
        f1, f2, colour = _fonts(spec)
        m1 = QFontMetricsF(f1)
        lines = [(spec.text, f1, colour)]
        if spec.local:
            lines.append((spec.local, f2, _c("label_local")))
        y = m1.ascent() + 1
        placed = []
        for i, (text, font, col) in enumerate(lines):
            fm = QFontMetricsF(font)
            if i:
                y += fm.ascent() + m1.descent() - 1
            w = fm.horizontalAdvance(text)
            x = {"left": 2.0, "right": size.width() - 2 - w}.get(align, (size.width() - w) / 2)
            placed.append((QPointF(x, y), font, text, col))
        w, h = max(1, math.ceil(size.width() * dpr)), max(1, math.ceil(size.height() * dpr))
        return haloed(w, h, dpr, placed, _c("halo"))


Box = tuple[float, float, float, float]  # left, top, right, bottom (plain floats: fast)


def _candidates(spec: LabelSpec, ax: float, ay: float, w: float, h: float) -> list[tuple[Box, str]]:
    if spec.kind == "line":  # beside the line, not on it
        return [
            ((ax - w / 2, ay - h - 5, ax + w / 2, ay - 5), "center"),
            ((ax - w / 2, ay + 5, ax + w / 2, ay + h + 5), "center"),
        ]
    if spec.kind in ("country", "water") and not spec.dot:
        return [((ax - w / 2, ay - h / 2, ax + w / 2, ay + h / 2), "center")]
    out: list[tuple[Box, str]] = []
    base = DOT_R if spec.dot else 18.0  # a marker label clears its marker
    for gap in (GAP, GAP + 10, GAP + 17):
        g = gap + base
        d = g * 0.7
        for x0, y0, align in (
            (ax + g, ay - h / 2, "left"),
            (ax - g - w, ay - h / 2, "right"),
            (ax - w / 2, ay - g - h, "center"),
            (ax - w / 2, ay + g, "center"),
            (ax + d, ay - d - h, "left"),
            (ax + d, ay + d, "left"),
            (ax - d - w, ay - d - h, "right"),
            (ax - d - w, ay + d, "right"),
        ):
            out.append(((x0, y0, x0 + w, y0 + h), align))
    return out


class _Grid:
    """A uniform grid of boxes for fast overlap checks."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, b: Box) -> list[tuple[int, int]]:
        c = self.CELL
        return [
            (i, j)
            for i in range(math.floor(b[0] / c), math.floor(b[2] / c) + 1)
            for j in range(math.floor(b[1] / c), math.floor(b[3] / c) + 1)
        ]

    def hits(self, b: Box) -> bool:
        for k in self._keys(b):
            for o in self.cells.get(k, ()):
                if o[0] < b[2] and b[0] < o[2] and o[1] < b[3] and b[1] < o[3]:
                    return True
        return False

    def add(self, b: Box) -> None:
        for k in self._keys(b):
            self.cells.setdefault(k, []).append(b)


def place_labels(
    specs: Sequence[LabelSpec],
    scale: float,
    obstacles: Sequence[QRectF],
    *,
    max_rank: float,
    inside: QRectF | None = None,
) -> list[Placed]:
    """Greedy placement in map pixels; returns the labels shown, none overlapping.

    With ``inside`` (the view), a label whose anchor is in view is kept wholly in view.
    """
    ib = (inside.left(), inside.top(), inside.right(), inside.bottom()) if inside else None
    grid = _Grid()
    for r in obstacles:
        grid.add((r.left(), r.top(), r.right(), r.bottom()))
    chosen = [s for s in specs if s.kind in ("key", "marker", "country") or s.rank <= max_rank]
    chosen.sort(key=lambda s: s.priority)
    placed: list[Placed] = []
    for spec in chosen:
        ax, ay = spec.x * scale, spec.y * scale
        dot = (ax - DOT_R - 1, ay - DOT_R - 1, ax + DOT_R + 1, ay + DOT_R + 1)
        if spec.dot and spec.kind != "key" and grid.hits(dot):
            continue  # its own dot would sit on something already shown
        size = label_size(spec)
        done = False
        for sx, sy in ((spec.x, spec.y), *spec.alts):
            px, py = sx * scale, sy * scale
            keep = ib if ib is not None and ib[0] <= px <= ib[2] and ib[1] <= py <= ib[3] else None
            for box, align in _candidates(spec, px, py, size.width(), size.height()):
                if keep is not None and not (
                    keep[0] <= box[0]
                    and box[2] <= keep[2]
                    and keep[1] <= box[1]
                    and box[3] <= keep[3]
                ):
                    continue
                if not grid.hits(box):
                    grid.add(box)
                    if spec.dot:
                        grid.add(dot)
                    rect = QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1])
                    placed.append(Placed(spec, rect, align, (sx, sy)))
                    done = True
                    break
            if done:
                break
    return placed


class LabelLayerItem(QGraphicsItem):
    """Town dots and labels, drawn in device pixels on top of the basemap, under markers.

    ``obstacles(scale)`` gives the markers' rectangles in map pixels, so labels
    keep clear of them.
    """

    def __init__(
        self,
        specs: Sequence[LabelSpec],
        rect: QRectF,
        obstacles: Callable[[float], list[QRectF]],
    ) -> None:
        super().__init__()
        self.specs = list(specs)
        self._rect = rect
        self._obstacles = obstacles
        self._images = LabelImages()
        self._cache_key: tuple[float, int] | None = None
        self._covered: QRectF | None = None
        self._placed_scale = 0.0
        self._placed_time = 0.0
        self._refresh = QTimer()
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(int(REST_S * 1000))
        self._rested = False
        self._refresh.timeout.connect(self._repaint)
        self._placed: list[Placed] = []
        self.version = 0  # bump when obstacles change
        self.setZValue(10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._rect

    def _repaint(self) -> None:
        if shiboken6.isValid(self):  # the scene may have gone meanwhile
            self._rested = True
            self.update()

    def invalidate(self) -> None:
        self.version += 1
        self.update()

    def placed_at(self, scale: float, visible: QRectF | None = None) -> list[Placed]:
        """Labels placed for this zoom, around ``visible`` (map pixels) when given.

        Placement covers the visible area and half a screen around it, and is
        kept while panning stays inside that, so a map with thousands of places
        costs a placement only now and then, and labels do not jump while panning.
        """
        key = (round(math.log(max(scale, 1e-12)), 4), self.version)
        covered = self._covered
        if key == self._cache_key and (
            visible is None or covered is None or covered.contains(visible)
        ):
            return self._placed
        area = None
        if visible is not None:
            w, h = visible.width() / 2, visible.height() / 2
            area = visible.adjusted(-w, -h, w, h)
        specs = self.specs
        obstacles = self._obstacles(scale)
        max_rank = max_rank_for(1.0 / scale)
        specs = [s for s in specs if s.kind in ("key", "marker", "country") or s.rank <= max_rank]
        if area is not None:
            x0, y0, x1, y1 = area.left(), area.top(), area.right(), area.bottom()
            specs = [sp for sp in specs if x0 <= sp.x * scale <= x1 and y0 <= sp.y * scale <= y1]
            obstacles = [o for o in obstacles if area.intersects(o)]
        self._placed = place_labels(
            specs, scale, obstacles, max_rank=max_rank_for(1.0 / scale), inside=visible
        )
        self._cache_key, self._covered = key, area
        return self._placed

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        t = painter.worldTransform()
        scale = math.hypot(t.m11(), t.m12())
        dx, dy = t.dx(), t.dy()  # map pixels -> device: scale is already applied
        visible = QRectF(painter.viewport()).translated(-dx, -dy)
        ratio = scale / self._placed_scale if self._placed_scale else 0.0
        if (
            ratio != 1.0
            and not self._rested
            and 1 / REUSE_OUT <= ratio <= REUSE_IN
            and self._covered is not None
            and self._covered.contains(visible)
        ):
            # moving: keep the placement made at a nearby zoom; placed afresh at rest
            placed, at = self._placed, self._placed_scale
            self._refresh.start()
        else:
            placed, at = self.placed_at(scale, visible), scale
            self._placed_scale, self._placed_time = scale, time.perf_counter()
            self._rested = False
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        vis = QRectF(painter.viewport()).adjusted(-200, -60, 200, 60)
        painter.setPen(QPen(_c("halo"), 1.2))
        painter.setBrush(_c("town_dot"))
        for p in placed:
            # each label keeps its offset from its anchor, which moves with the zoom
            sx, sy = p.anchor or (p.spec.x, p.spec.y)
            r = p.rect.translated(dx + sx * (scale - at), dy + sy * (scale - at))
            if not vis.intersects(r):
                continue
            if p.spec.dot:
                painter.drawEllipse(
                    QPointF(p.spec.x * scale + dx, p.spec.y * scale + dy), DOT_R, DOT_R
                )
            painter.drawImage(
                QPointF(round(r.left()), round(r.top())), self._images.get(p.spec, p.align, dpr)
            )
        painter.restore()
