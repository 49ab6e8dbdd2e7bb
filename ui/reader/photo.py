"""A photo drawn to fit (or fill) its widget, smoothly scaled, with a calm placeholder."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget


class PhotoView(QWidget):
    """Paints one image; ``fill=True`` crops to cover the widget (for the cover page)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, fill: bool = False) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._scaled: QPixmap | None = None
        self._fill = fill
        self._background = QColor(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(200, 150))

    def set_background(self, color: QColor) -> None:
        self._background = color
        self.update()

    def set_image(self, image: QImage | None) -> None:
        self._image = image if image is not None and not image.isNull() else None
        self._scaled = None
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def has_image(self) -> bool:
        return self._image is not None

    def image_rect(self) -> QRectF:
        """Where the image is drawn, in widget coordinates."""
        if self._image is None:
            return QRectF()
        w, h = self.width(), self.height()
        iw, ih = self._image.width(), self._image.height()
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
        dpr = self.devicePixelRatioF()
        size = QSize(round(target.width() * dpr), round(target.height() * dpr))
        if self._scaled is None or self._scaled.size() != size:
            scaled = self._image.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self._scaled = QPixmap.fromImage(scaled)
            self._scaled.setDevicePixelRatio(dpr)
        painter.drawPixmap(target.topLeft(), self._scaled)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._image is not None:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
