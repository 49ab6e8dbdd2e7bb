"""Where the map looks: a centre and a scale, clamped, applied to a QGraphicsView, animated.

Animations interpolate the centre linearly and the scale logarithmically (so
zooming feels even), over 150–300 ms. Any new input stops the running
animation and starts from where the map is, so input is never blocked.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QRectF, QVariantAnimation, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsView

from ui.schemes import reduced_motion

ZOOM_MS = 200
FLY_MS = 300


class Camera(QObject):
    changed = Signal()

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.center = QPointF(0, 0)
        self.scale = 1.0
        self.bounds = QRectF(-1, -1, 2, 2)
        self.min_scale = 1e-9
        self.max_scale = 1e9
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(self._step)
        self._from: tuple[QPointF, float] = (QPointF(), 1.0)
        self._to: tuple[QPointF, float] = (QPointF(), 1.0)
        self._bump = 0.0

    # limits ---------------------------------------------------------------
    def viewport_size(self) -> tuple[float, float]:
        vp = self.view.viewport()
        return max(1.0, float(vp.width())), max(1.0, float(vp.height()))

    def fit_scale(self, rect: QRectF, pad: float = 0.0) -> float:
        w, h = self.viewport_size()
        return min(
            max(1.0, w - 2 * pad) / max(rect.width(), 1e-9),
            max(1.0, h - 2 * pad) / max(rect.height(), 1e-9),
        )

    def set_limits(self, bounds: QRectF, min_scale: float, max_scale: float) -> None:
        self.bounds = QRectF(bounds)
        self.min_scale, self.max_scale = min_scale, max(min_scale, max_scale)

    def clamp(self, center: QPointF, scale: float) -> tuple[QPointF, float]:
        s = min(self.max_scale, max(self.min_scale, scale))
        b = self.bounds
        x = min(b.right(), max(b.left(), center.x()))
        y = min(b.bottom(), max(b.top(), center.y()))
        return QPointF(x, y), s

    # applying ---------------------------------------------------------------
    def apply(self, center: QPointF, scale: float) -> None:
        self.center, self.scale = self.clamp(center, scale)
        self.view.setTransform(QTransform.fromScale(self.scale, self.scale))
        self.view.centerOn(self.center)
        self.changed.emit()

    def reapply(self) -> None:
        self.apply(self.center, self.scale)

    def animating(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def stop(self) -> None:
        self._anim.stop()

    def go(
        self, center: QPointF, scale: float, *, animate: bool, ms: int = ZOOM_MS, fly: bool = False
    ) -> None:
        """Move to ``center``/``scale``; ``fly`` zooms out a little on long moves."""
        self._anim.stop()
        target = self.clamp(center, scale)
        if not animate or reduced_motion():  # the system or the setting asks for calm
            self.apply(*target)
            return
        self._from = (QPointF(self.center), self.scale)
        self._to = target
        self._bump = 0.0
        if fly:
            w, _h = self.viewport_size()
            dist_px = math.hypot(
                target[0].x() - self.center.x(), target[0].y() - self.center.y()
            ) * min(self.scale, target[1])
            if dist_px > w * 0.75:
                self._bump = min(1.5, math.log2(dist_px / (w * 0.75)) + 0.5)
        self._anim.setDuration(ms)
        self._anim.start()

    def _step(self, value: object) -> None:
        t = float(value)  # type: ignore[arg-type]
        (c0, s0), (c1, s1) = self._from, self._to
        c = QPointF(c0.x() + (c1.x() - c0.x()) * t, c0.y() + (c1.y() - c0.y()) * t)
        log_s = math.log(s0) + (math.log(s1) - math.log(s0)) * t
        log_s -= self._bump * math.log(2) * 4 * t * (1 - t)
        self.apply(c, math.exp(log_s))

    # gestures ---------------------------------------------------------------
    def zoom_at(self, factor: float, anchor: QPointF | None, *, animate: bool) -> None:
        """Zoom by ``factor`` keeping the scene point under viewport point ``anchor`` still."""
        base_c, base_s = self._to if self.animating() else (self.center, self.scale)
        new_s = min(self.max_scale, max(self.min_scale, base_s * factor))
        if anchor is None:
            self.go(base_c, new_s, animate=animate)
            return
        w, h = self.viewport_size()
        # scene point under the anchor, from the current (not the target) view
        scene_pt = self.view.mapToScene(anchor.toPoint())
        off = QPointF(w / 2 - anchor.x(), h / 2 - anchor.y())
        new_c = QPointF(scene_pt.x() + off.x() / new_s, scene_pt.y() + off.y() / new_s)
        self.go(new_c, new_s, animate=animate)

    def pan_pixels(self, dx: float, dy: float, *, animate: bool) -> None:
        base_c, base_s = self._to if self.animating() else (self.center, self.scale)
        self.go(
            QPointF(base_c.x() + dx / base_s, base_c.y() + dy / base_s), base_s, animate=animate
        )

    def fit(
        self, rect: QRectF, *, pad: float = 48.0, animate: bool, max_scale: float | None = None
    ) -> None:
        s = self.fit_scale(rect, pad)
        if max_scale is not None:
            s = min(s, max_scale)
        self.go(rect.center(), s, animate=animate, ms=FLY_MS, fly=True)
