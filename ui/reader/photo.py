"""A photo drawn to fit (or fill) its widget, smoothly scaled, with a calm placeholder."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Scaled pixmaps kept per view: the one shown, the neighbours made ahead, one spare.
SCALED_KEPT = 4


class PhotoView(QWidget):
    """Paints one image; ``fill=True`` crops to cover the widget (for the cover page)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, fill: bool = False) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        # scaled pixmaps by (image, size in device pixels, device pixel ratio): a paint
        # only draws, and a turn back (or a photo made ahead with ``prepare``) finds its own
        self._scaled: OrderedDict[tuple[int, int, int, float], QPixmap] = OrderedDict()
        self._fill = fill
        self._background = QColor(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(200, 150))

    def set_background(self, color: QColor) -> None:
        self._background = color
        self.update()

    def set_image(self, image: QImage | None) -> None:
        self._image = image if image is not None and not image.isNull() else None
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def has_image(self) -> bool:
        return self._image is not None

    def image_rect(self, image: QImage | None = None) -> QRectF:
        """Where the image (or ``image``, were it shown) is drawn, in widget coordinates."""
        image = image if image is not None else self._image
        if image is None:
            return QRectF()
        w, h = self.width(), self.height()
        iw, ih = image.width(), image.height()
        scale = max(w / iw, h / ih) if self._fill else min(w / iw, h / ih)
        sw, sh = iw * scale, ih * scale
        return QRectF((w - sw) / 2, (h - sh) / 2, sw, sh)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._background.alpha():
            painter.fillRect(self.rect(), self._background)
        if self._image is None:
            return
        target = self.image_rect()
        painter.drawPixmap(target.topLeft(), self._pixmap(self._image, target))

    def prepare(self, image: QImage) -> None:
        """Scale ``image`` ahead for this view's present size (a neighbouring chapter's photo)."""
        if not image.isNull() and self.width() > 0 and self.height() > 0:
            self._pixmap(image, self.image_rect(image))

    def _pixmap(self, image: QImage, target: QRectF) -> QPixmap:
        dpr = self.devicePixelRatioF()
        size = QSize(round(target.width() * dpr), round(target.height() * dpr))
        key = (image.cacheKey(), size.width(), size.height(), dpr)
        pixmap = self._scaled.get(key)
        if pixmap is None:
            scaled = image.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(dpr)
            self._scaled[key] = pixmap
            while len(self._scaled) > SCALED_KEPT:
                self._scaled.popitem(last=False)
        self._scaled.move_to_end(key)
        return pixmap

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._image is not None:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
