"""All chapter markers of a map drawn by one scene item, from a cached image per marker.

A thousand ``MarkerItem``s drawn one by one cost QGraphicsView 30-40 ms a frame
(a Python ``boundingRect`` call for each, several times, and a cache lookup and
transform per item), which is what kept zooming a map of a thousand places
over budget. So markers are flagged ``ItemHasNoContents`` (the view skips them
when painting; they still take hover, clicks, focus and Tab) and this layer
draws them: for each visible marker, its image for its present state (current,
visited, focused, hover growth, nudge) at its place on screen, current on top.

The images are packed into one atlas pixmap and drawn with a single
``QPainter.drawPixmapFragments`` call (its C++ array of fragments is a Python
``array('d')``, ten doubles a fragment, wrapped with shiboken): a thousand
``drawImage`` calls from Python cost ~7-15 ms a frame, the one call ~2 ms. A
marker whose look changes (hover, focus, state) is drawn on its own until
the atlas is rebuilt.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ui.map.markers import MarkerItem

#: markers drawn on their own before the atlas is made again
ATLAS_LOOSE_MAX = 48


class MarkerLayerItem(QGraphicsItem):
    def __init__(self, markers: Sequence[MarkerItem], rect: QRectF) -> None:
        super().__init__()
        self.markers = list(markers)
        self._rect = rect
        #: id(marker) -> (image, its top-left relative to the place, device px) at a pixel ratio
        self._images: dict[int, tuple[QImage, float, float]] = {}
        self._dpr = 0.0
        self._atlas: QPixmap | None = None
        #: the markers in the atlas, in story order, and their fragments (ten doubles each)
        self._members: list[MarkerItem] = []
        self._frags = array("d")
        #: each member's image: top-left from its place, half width and height (logical px)
        self._offsets: list[tuple[float, float, float, float]] = []
        self._dpr_atlas = 0.0
        #: per member: its place (scene) and its ``_offsets``, for the frame's arithmetic
        self._at: list[tuple[float, float, float, float, float, float]] = []
        self._loose: set[int] = set()  # id(marker): drawn on its own, its look has changed
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
        self._loose.add(id(m))
        if len(self._loose) > ATLAS_LOOSE_MAX:
            self._atlas = None  # rebuilt at the next paint
        self.update()

    def _build_atlas(self, dpr: float) -> None:
        """Pack every non-current marker's image into one pixmap (shelves of rows)."""
        members = [m for m in self.markers if not m.current]
        # each marker painted straight into its slot (no image of its own): the first paint
        # of a map of 1,000 places makes all of them
        rects = [self._extent(m) for m in members]
        row_w = 2048
        x = y = shelf = 0
        spots = []
        for r in rects:
            w, h = math.ceil(r.width() * dpr), math.ceil(r.height() * dpr)
            if x + w > row_w:
                x, y, shelf = 0, y + shelf, 0
            spots.append((x, y, w, h))
            x, shelf = x + w, max(shelf, h)
        atlas = QImage(row_w, max(1, y + shelf), QImage.Format.Format_ARGB32_Premultiplied)
        atlas.fill(Qt.GlobalColor.transparent)
        p = QPainter(atlas)
        bodies: dict[tuple[float, float, bool], QImage] = {}  # plain markers share a body
        for m, r, (sx, sy, w, h) in zip(members, rects, spots, strict=True):
            key = m.plain_key()
            p.resetTransform()
            p.translate(sx, sy)
            if key is None:
                p.scale(dpr, dpr)
                p.translate(-r.left(), -r.top())
                m.paint_body(p, number=True)
                continue
            body = bodies.get(key)
            if body is None:
                body = bodies[key] = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
                body.fill(Qt.GlobalColor.transparent)
                q = QPainter(body)
                q.scale(dpr, dpr)
                q.translate(-r.left(), -r.top())
                m.paint_body(q)
                q.end()
            p.drawImage(0, 0, body)
            p.scale(dpr, dpr)
            p.translate(-r.left(), -r.top())
            m.paint_number(p)
        p.end()
        frags = array("d")
        offsets: list[tuple[float, float, float, float]] = []
        for m, r, (sx, sy, w, h) in zip(members, rects, spots, strict=True):
            frags.extend((0.0, 0.0, sx, sy, w, h, 1 / dpr, 1 / dpr, 0.0, 1.0))
            ox, oy = r.left() + m.offset.x(), r.top() + m.offset.y()
            offsets.append((ox, oy, w / dpr / 2, h / dpr / 2))
        self._atlas = QPixmap.fromImage(atlas)
        self._members, self._frags, self._offsets = members, frags, offsets
        self._at = [(m.spot.x, m.spot.y, *o) for m, o in zip(members, offsets, strict=True)]
        self._loose = set()
        self._dpr_atlas = dpr

    @staticmethod
    def _extent(m: MarkerItem) -> QRectF:
        """What the marker paints, around its place (logical pixels)."""
        hw, hh = m.half_size()
        e = 7.0 if m.current else (5.0 if m.hasFocus() else 2.0)  # halo, focus ring, ring
        r = QRectF(-hw - e, -hh - e, 2 * (hw + e), 2 * (hh + e) + 2.0)  # + the shadow below
        if not m.offset.isNull():  # the leader back to the true place
            o = -m.offset
            r = r.united(QRectF(o.x() - 5, o.y() - 5, 10, 10))
        return r

    @classmethod
    def _render(cls, m: MarkerItem, dpr: float) -> tuple[QImage, float, float]:
        r = cls._extent(m)
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
        if self._atlas is None or self._dpr_atlas != dpr:
            self._build_atlas(dpr)
        assert self._atlas is not None
        frags, loose = self._frags, self._loose
        # every member's fragment centre; those off screen are clipped by Qt at once
        xs = array("d", [round(px * sx + dx + ox) + hw for px, _py, ox, _oy, hw, _hh in self._at])
        ys = array("d", [round(py * sy + dy + oy) + hh for _px, py, _ox, oy, _hw, hh in self._at])
        if loose:
            for i, m in enumerate(self._members):
                if id(m) in loose or not m.isVisible():
                    xs[i] = ys[i] = -1e6  # drawn on its own below, or not at all
        frags[0::10], frags[1::10] = xs, ys
        if self._members:
            fragment = shiboken6.wrapInstance(frags.buffer_info()[0], QPainter.PixmapFragment)
            painter.drawPixmapFragments(fragment, len(self._members), self._atlas)  # type: ignore[arg-type]
        current = [m for m in self.markers if m.current]
        for m in self.markers:  # the markers whose look changed since the atlas was made
            if id(m) not in loose or m.current:
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
