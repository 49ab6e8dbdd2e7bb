"""Input on the map: wheel, drag, pinch, double-click, keyboard and Tab between markers.

A mixin for :class:`ui.map.view.StoryMapView`, kept apart so the widget file
holds the layout and the story logic, and this one how a person moves around.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsView, QPinchGesture, QWidget

from ui.map.hovercard import HoverCard
from ui.map.markers import MarkerItem
from ui.map.scalebar import draw_attribution, draw_scale_bar

if TYPE_CHECKING:
    from ui.map.camera import Camera
    from ui.map.pages import MapPage

WHEEL_STEP = 2**0.5  # one notch zooms by √2
KEY_STEP = 2.0
PAN_FRACTION = 0.25
DRAG_THRESHOLD = 3


class MapInteraction(QGraphicsView):
    camera: Camera
    page: MapPage | None
    _drag_from: QPointF | None
    _dragged: bool
    card: HoverCard

    # hooks the view provides
    def markers(self) -> list[MarkerItem]:  # pragma: no cover
        raise NotImplementedError

    def fit_all(self, animate: bool = False) -> None: ...  # pragma: no cover
    def _set_limits(self) -> None: ...  # pragma: no cover
    def _layout_overlays(self) -> None: ...  # pragma: no cover
    def _user_moved(self) -> None: ...  # pragma: no cover

    def _active(self) -> bool:
        return self.page is not None and not self.page.error

    # wheel, drag, double-click ------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self._active():
            return
        steps = event.angleDelta().y() / 120.0
        if steps == 0 and not event.pixelDelta().isNull():
            steps = event.pixelDelta().y() / 60.0
        if steps == 0:
            return
        self._user_moved()
        self.camera.zoom_at(WHEEL_STEP**steps, event.position(), animate=False)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        scene = self.scene()
        grabbed = scene is not None and scene.mouseGrabberItem() is not None
        if event.button() == Qt.MouseButton.LeftButton and not grabbed and self._active():
            self.camera.stop()
            self._drag_from = event.position()
            self._dragged = False
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            d = event.position() - self._drag_from
            if not self._dragged and abs(d.x()) + abs(d.y()) < DRAG_THRESHOLD:
                return
            if not self._dragged:
                self._dragged = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self.card.hide()
            self._drag_from = event.position()
            self._user_moved()
            self.camera.pan_pixels(-d.x(), -d.y(), animate=False)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self._dragged = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        scene = self.scene()
        item = self.itemAt(event.position().toPoint()) if scene else None
        if isinstance(item, MarkerItem) or not self._active():
            super().mouseDoubleClickEvent(event)
            return
        self._user_moved()
        factor = 1 / KEY_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else KEY_STEP
        self.camera.zoom_at(factor, event.position(), animate=True)
        event.accept()

    # pinch ----------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and self._active():
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                f = pinch.scaleFactor()
                if f > 0:
                    self._user_moved()
                    centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                    self.camera.zoom_at(f, QPointF(centre), animate=False)
                assert isinstance(event, QGestureEvent)
                event.accept(pinch)
                return True
        if event.type() == QEvent.Type.NativeGesture and self._active():
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self._user_moved()
                self.camera.zoom_at(1.0 + event.value(), event.position(), animate=False)
                return True
        return super().viewportEvent(event)

    # keyboard -------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._active():
            w, h = self.camera.viewport_size()
            pans: dict[int, tuple[float, float]] = {
                Qt.Key.Key_Left: (-w * PAN_FRACTION, 0.0),
                Qt.Key.Key_Right: (w * PAN_FRACTION, 0.0),
                Qt.Key.Key_Up: (0.0, -h * PAN_FRACTION),
                Qt.Key.Key_Down: (0.0, h * PAN_FRACTION),
            }
            if key in pans:
                self._user_moved()
                self.camera.pan_pixels(*pans[key], animate=True)
                return
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self._user_moved()
                self.camera.zoom_at(KEY_STEP, None, animate=True)
                return
            if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                self._user_moved()
                self.camera.zoom_at(1 / KEY_STEP, None, animate=True)
                return
            if key in (Qt.Key.Key_0, Qt.Key.Key_Home):
                self.fit_all(animate=True)
                return
            if key == Qt.Key.Key_Escape and self.scene() and self.scene().focusItem():
                self.scene().clearFocus()
                return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            ):
                forward = event.key() == Qt.Key.Key_Tab and not (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                if self._step_marker_focus(forward):
                    return True
                if self.scene() is not None:
                    self.scene().clearFocus()
                QWidget.focusNextPrevChild(self, forward)
                return True
        return super().event(event)

    def _step_marker_focus(self, forward: bool) -> bool:
        """Move keyboard focus to the next/previous marker; False past the ends."""
        markers = [m for m in self.markers() if m.isVisible()]
        scene = self.scene()
        if not markers or scene is None or not self._active():
            return False
        cur = scene.focusItem()
        if cur in markers:
            i = markers.index(cur) + (1 if forward else -1)  # type: ignore[arg-type, unused-ignore]
        else:
            i = 0 if forward else len(markers) - 1
        if not 0 <= i < len(markers):
            return False
        markers[i].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.hasFocus() and self._step_marker_focus(next):
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        scene = self.scene()
        tab = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if scene is None or (scene.focusItem() is not None and event.reason() not in tab):
            return
        if event.reason() in tab:  # enter at the first (backwards: the last) marker every pass
            left = scene.focusItem()
            if left is not None:
                left.clearFocus()
            self._step_marker_focus(event.reason() == Qt.FocusReason.TabFocusReason)

    # layout and furniture ---------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_overlays()
        if not self._active():
            return
        assert self.page is not None
        self._set_limits()
        if self.page.auto_fit:
            self.camera.fit(self.page.initial, pad=24, animate=False)
        else:
            self.camera.reapply()

    def drawForeground(self, painter: QPainter, rect: object) -> None:
        if not self._active():
            return
        assert self.page is not None
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        vr = self.viewport().rect().toRectF()
        if self.page.geo and self.camera.scale > 0:
            draw_scale_bar(painter, vr, 1.0 / self.camera.scale)
        draw_attribution(painter, vr, self.page.info.attribution)
        painter.restore()
