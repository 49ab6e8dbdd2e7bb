"""Chapter markers: numbered circles in the story's accent colour.

One marker per place: chapters that share a place share a marker, which
lists them all. Markers keep their pixel size at every zoom, grow on hover,
take keyboard focus (with a visible ring), and open their chapter on click,
Enter or Space. Unvisited markers are filled with the accent; visited ones are
paper-white with an accent ring; the current one is larger, with a halo.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from story.records import ChapterSummary
from ui.map import style

_WIDTHS: dict[str, float] = {}


def _text_width(text: str) -> float:
    w = _WIDTHS.get(text)
    if w is None:
        w = _WIDTHS[text] = QFontMetricsF(style.sans(12, QFont.Weight.Bold)).horizontalAdvance(text)
    return w


RADIUS = 11.0
CURRENT_RADIUS = 14.0
HOVER_GROWTH = 1.25


@dataclass
class MarkerGroup:
    """The chapters at one place of one map (story order), and where that is."""

    map_id: int
    place_name: str
    x: float  # scene
    y: float
    chapters: list[ChapterSummary]

    @property
    def indices(self) -> list[int]:
        return [c.index for c in self.chapters]

    def number_text(self) -> str:
        idx = self.indices
        if len(idx) == 1:
            return str(idx[0])
        if idx == list(range(idx[0], idx[-1] + 1)) and len(idx) > 2:
            return f"{idx[0]}–{idx[-1]}"
        return ",".join(str(i) for i in idx)

    def accessible_text(self) -> str:
        translate = QCoreApplication.translate
        if len(self.chapters) == 1:
            c = self.chapters[0]
            return (
                translate("MarkerGroup", "Chapter %1: %2. Place: %3")
                .replace("%1", str(c.index))
                .replace("%2", c.title)
                .replace("%3", self.place_name)
            )
        one = translate("MarkerGroup", "chapter %1: %2")
        titles = "; ".join(
            one.replace("%1", str(c.index)).replace("%2", c.title) for c in self.chapters
        )
        return (
            translate("MarkerGroup", "%1, chapters: %2", "a place on the map and its chapters")
            .replace("%1", self.place_name)
            .replace("%2", titles)
        )


class MarkerItem(QGraphicsObject):
    activated = Signal(int)  # a 1-based chapter index
    menuRequested = Signal(object)  # self: several chapters, let the view offer a menu
    hoverChanged = Signal(object, bool)
    focusChanged = Signal(object, bool)

    def __init__(self, group: MarkerGroup, colours: style.MarkerColours) -> None:
        super().__init__()
        self.spot = group
        self.colours = colours
        self.current = False
        self.offset = QPointF(0, 0)
        self._brect_key: tuple[bool, float, float] | None = None
        self._brect = QRectF()
        self.visited = False
        self._hover = 1.0
        self._font = style.sans(12, QFont.Weight.Bold)
        self._text = group.number_text()
        self._text_w = _text_width(self._text)
        self._anim: QVariantAnimation | None = None  # made on the first hover
        #: the item that draws it (``ui.map.marker_layer.MarkerLayerItem``), if any
        self.layer: QGraphicsItem | None = None
        self.setPos(group.x, group.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("")
        self.setZValue(20)
        # drawn once into a (2x, for sharpness) pixmap and blitted, also at sub-pixel
        # positions while zooming: a thousand markers cost little per frame
        self._set_cache()

    # geometry -------------------------------------------------------------
    def radius(self) -> float:
        return CURRENT_RADIUS if self.current else RADIUS

    def half_size(self, growth: float | None = None) -> tuple[float, float]:
        """Half width and half height of the marker body, in pixels."""
        g = self._hover if growth is None else growth
        r = self.radius()
        return max(r, self._text_w / 2 + 7) * g, r * g

    def footprint(self, scale: float) -> QRectF:
        """The space the marker may take (hovered, focused) in map pixels, for label placement."""
        hw, hh = self.half_size(HOVER_GROWTH)
        x = self.spot.x * scale + self.offset.x()
        y = self.spot.y * scale + self.offset.y()
        return QRectF(x - hw - 3, y - hh - 3, 2 * hw + 6, 2 * hh + 6)

    def boundingRect(self) -> QRectF:
        # asked for thousands of times a frame on busy maps: cached per (current, offset)
        key = (self.current, self.offset.x(), self.offset.y())
        if self._brect_key != key:
            self._brect_key, self._brect = key, self._bounds()
        return self._brect

    def _bounds(self) -> QRectF:
        hw, hh = self.half_size(HOVER_GROWTH)
        m = 8.0
        r = QRectF(-hw - m, -hh - m, 2 * (hw + m), 2 * (hh + m))
        if not self.offset.isNull():  # the leader back to the true place
            o = -self.offset
            r = r.united(QRectF(o.x() - 4, o.y() - 4, 8, 8))
        return r

    def set_offset(self, dx: float, dy: float) -> None:
        """Nudge the marker (screen pixels) off a neighbour; a leader shows the true place."""
        new = QPointF(round(dx), round(dy))
        if new == self.offset:
            return
        self.prepareGeometryChange()
        self.offset = new
        self.setTransform(QTransform.fromTranslate(new.x(), new.y()))
        self._set_cache()
        self.changed()

    def _body(self) -> QPainterPath:
        hw, hh = self.half_size()
        path = QPainterPath()
        path.addRoundedRect(QRectF(-hw, -hh, 2 * hw, 2 * hh), hh, hh)
        return path

    def shape(self) -> QPainterPath:
        return self._body()

    def _set_cache(self) -> None:
        if getattr(self, "layer", None) is not None:
            return  # drawn by its layer from an image of its own
        # item coordinates are screen pixels here (ItemIgnoresTransformations)
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.setCacheMode(QGraphicsItem.CacheMode.ItemCoordinateCache)

    # state ----------------------------------------------------------------
    def set_state(self, *, current: bool, visited: bool) -> None:
        if (current, visited) != (self.current, self.visited):
            self.prepareGeometryChange()
            self.current, self.visited = current, visited
            self._set_cache()
            self.setZValue(30 if current else 20)
            self.changed()

    def _set_growth(self, v: object) -> None:
        self._hover = float(v)  # type: ignore[arg-type]
        self.changed()

    def changed(self) -> None:
        """Repaint: the marker itself, or the layer that draws it."""
        self.update()
        if self.layer is not None:
            self.layer.forget(self)  # type: ignore[attr-defined]

    def _grow(self, to: float) -> None:
        if self._anim is None:
            self._anim = QVariantAnimation(self)
            self._anim.setDuration(140)
            self._anim.valueChanged.connect(self._set_growth)
        self._anim.stop()
        self._anim.setStartValue(self._hover)
        self._anim.setEndValue(to)
        self._anim.start()

    # painting -------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self.paint_body(painter, number=True)

    def plain_key(self) -> tuple[float, float, bool] | None:
        """Markers with the same key look the same but for their number (the atlas shares it)."""
        if self.current or self.hasFocus() or not self.offset.isNull() or self._hover != 1.0:
            return None
        hw, hh = self.half_size()
        return hw, hh, self.visited

    def paint_number(self, painter: QPainter) -> None:
        hw, hh = self.half_size()
        c = self.colours
        painter.setPen(c.visited_text if self.visited and not self.current else c.text)
        painter.setFont(self._font)
        painter.drawText(QRectF(-hw, -hh, 2 * hw, 2 * hh), Qt.AlignmentFlag.AlignCenter, self._text)

    def paint_body(self, painter: QPainter, number: bool = False) -> None:
        """Everything but, unless ``number``, the number."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        c = self.colours
        if not self.offset.isNull():
            o = -self.offset
            painter.setPen(QPen(style.active().q("leader"), 1.4))
            painter.drawLine(o, QPointF(0, 0))
            painter.setPen(QPen(c.ring, 1.2))
            painter.setBrush(c.visited_text)
            painter.drawEllipse(o, 3.2, 3.2)
        body = self._body()
        hw, hh = self.half_size()
        if self.current:
            halo = QColor(c.accent)
            halo.setAlpha(70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(
                QRectF(-hw - 6, -hh - 6, 2 * hw + 12, 2 * hh + 12), hh + 6, hh + 6
            )
        shadow = QColor(0, 0, 0, 60)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shadow)
        painter.drawPath(body.translated(0, 1.5))
        # the ring as two fills (outer, then the body inside it): the same picture as a
        # 2 px pen, without stroking, which costs ten times more on a map of 1,000 markers
        if self.visited and not self.current:
            ring, fill, half = c.visited_text, c.visited_fill, 1.1
        else:
            ring, fill, half = c.ring, c.accent, 1.0
        painter.setBrush(ring)
        painter.drawRoundedRect(
            QRectF(-hw - half, -hh - half, 2 * (hw + half), 2 * (hh + half)), hh + half, hh + half
        )
        painter.setBrush(fill)
        painter.drawRoundedRect(
            QRectF(-hw + half, -hh + half, 2 * (hw - half), 2 * (hh - half)), hh - half, hh - half
        )
        if number:
            self.paint_number(painter)
        if self.hasFocus():
            painter.setPen(QPen(style.active().q("focus_ring"), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                QRectF(-hw - 4, -hh - 4, 2 * hw + 8, 2 * hh + 8), hh + 4, hh + 4
            )

    # interaction ----------------------------------------------------------
    def activate(self) -> None:
        if len(self.spot.chapters) == 1:
            self.activated.emit(self.spot.chapters[0].index)
        else:
            self.menuRequested.emit(self)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._grow(HOVER_GROWTH)
        self.hoverChanged.emit(self, True)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._grow(1.0)
        self.hoverChanged.emit(self, False)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.shape().contains(event.pos()):
            self.activate()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()  # a double-click on a marker opens it once, it does not zoom

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate()
            event.accept()
        else:
            event.ignore()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.changed()
        self.focusChanged.emit(self, True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.changed()
        self.focusChanged.emit(self, False)

    def centre(self) -> QPointF:
        """The place itself (scene); the marker may sit ``offset`` pixels from it."""
        return QPointF(self.spot.x, self.spot.y)
