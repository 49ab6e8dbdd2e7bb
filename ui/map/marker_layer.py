"""All chapter markers of a map drawn by one scene item, from a cached image per marker.

A thousand ``MarkerItem``s drawn one by one cost QGraphicsView 30-40 ms a frame
(a Python ``boundingRect`` call for each, several times, and a cache lookup and
transform per item), which is what kept zooming a map of a thousand places
over budget. So markers are flagged ``ItemHasNoContents`` (the view skips them
when painting; they still take hover, clicks, focus and Tab) and this layer
draws them: for each visible marker, its image for its present state (current,
visited, focused, hover growth, nudge) at its place on screen, current on top.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ui.map.markers import MarkerItem


class MarkerLayerItem(QGraphicsItem):
    def __init__(self, markers: Sequence[MarkerItem], rect: QRectF) -> None:
        super().__init__()
        self.markers = list(markers)
        self._rect = rect
        #: id(marker) -> (image, its top-left relative to the place, device px) at a pixel ratio
        self._images: dict[int, tuple[QImage, float, float]] = {}
        self._dpr = 0.0
        for m in self.markers:
            m.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
            m.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            m.layer = self
        self.setZValue(20)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._rect

    def forget(self, m: MarkerItem) -> None:
        """The marker's look changed (state, hover, focus, nudge): draw its image again."""
        self._images.pop(id(m), None)
        self.update()

    @staticmethod
    def _render(m: MarkerItem, dpr: float) -> tuple[QImage, float, float]:
        hw, hh = m.half_size()
        e = 7.0 if m.current else (5.0 if m.hasFocus() else 2.0)  # halo, focus ring, ring
        r = QRectF(-hw - e, -hh - e, 2 * (hw + e), 2 * (hh + e) + 2.0)  # + the shadow below
        if not m.offset.isNull():  # the leader back to the true place
            o = -m.offset
            r = r.united(QRectF(o.x() - 5, o.y() - 5, 10, 10))
        img = QImage(
            max(1, math.ceil(r.width() * dpr)),
            max(1, math.ceil(r.height() * dpr)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        img.setDevicePixelRatio(dpr)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.translate(-r.left(), -r.top())
        m.paint(p, QStyleOptionGraphicsItem(), None)
        p.end()
        return img, r.left() + m.offset.x(), r.top() + m.offset.y()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        t = painter.worldTransform()
        sx, sy, dx, dy = t.m11(), t.m22(), t.dx(), t.dy()
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        if dpr != self._dpr:
            self._images.clear()
            self._dpr = dpr
        vp = painter.viewport()
        x0, y0 = vp.left() - 80, vp.top() - 80
        x1, y1 = vp.right() + 80, vp.bottom() + 80
        images, render, draw = self._images, self._render, painter.drawImage
        painter.save()
        painter.resetTransform()
        current = []
        for m in self.markers:  # story order; the current marker last, on top
            if m.current:
                current.append(m)
                continue
            x, y = m.spot.x * sx + dx, m.spot.y * sy + dy
            if not (x0 <= x <= x1 and y0 <= y <= y1) or not m.isVisible():
                continue
            got = images.get(id(m))
            if got is None:
                got = images[id(m)] = render(m, dpr)
            draw(QPointF(round(x + got[1]), round(y + got[2])), got[0])
        for m in current:
            x, y = m.spot.x * sx + dx, m.spot.y * sy + dy
            if m.isVisible():
                img, ox, oy = render(m, dpr)
                draw(QPointF(round(x + ox), round(y + oy)), img)
        painter.restore()
