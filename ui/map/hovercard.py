"""The card shown over a hovered or focused marker: title, thumbnail and a one-line summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.map import style
from ui.map.chrome import card_css

THUMB = 72


class HoverCard(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("mapHoverCard")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.restyle()
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        shadow.setColor(QColor(0, 0, 0, 70))
        self.setGraphicsEffect(shadow)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 10, 12, 10)
        row.setSpacing(10)
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setScaledContents(False)
        row.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.setSpacing(3)
        self.kicker = QLabel()
        self.kicker.setFont(style.sans(10.5, QFont.Weight.DemiBold))
        self.title = QLabel()
        self.title.setFont(style.sans(14, QFont.Weight.DemiBold))
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setFont(style.sans(12))
        self.title.setObjectName("mapCardTitle")
        self.summary.setObjectName("mapCardSummary")
        self.kicker.setWordWrap(True)  # a long place name wraps; it is never cut
        self.summary.setWordWrap(True)
        for w in (self.kicker, self.title, self.summary):
            col.addWidget(w)
        col.addStretch(1)
        row.addLayout(col, 1)
        self.setFixedWidth(320)
        self.hide()

    def restyle(self) -> None:
        """Take the colours of the scheme in force (``style.active``)."""
        self.setStyleSheet(card_css(style.active()))

    def show_for(
        self,
        kicker: str,
        title: str,
        summary: str,
        thumb: QPixmap | None,
        accent: QColor,
        anchor: QPoint,
        avoid: Sequence[QRectF] = (),
    ) -> None:
        self.kicker.setText(kicker)
        self.kicker.setStyleSheet(f"color: {accent.name()}; letter-spacing: 0.5px;")
        self.title.setText(title)
        fm = self.summary.fontMetrics()
        self.summary.setText(fm.elidedText(summary, Qt.TextElideMode.ElideRight, 2 * 210))
        self.summary.setVisible(bool(summary))
        if thumb is not None and not thumb.isNull():
            self.thumb.setPixmap(
                thumb.scaled(
                    THUMB,
                    THUMB,
                    Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                    Qt.TransformationMode.SmoothTransformation,
                ).copy(0, 0, THUMB, THUMB)
            )
            self.thumb.show()
        else:
            self.thumb.hide()
        lay = self.layout()
        assert lay is not None
        lay.invalidate()
        lay.activate()
        floor = THUMB + 20 if self.thumb.isVisibleTo(self) else 0
        self.resize(self.width(), max(lay.totalHeightForWidth(self.width()), floor))
        self._place(anchor, avoid)
        self.show()
        self.raise_()

    def _place(self, anchor: QPoint, avoid: Sequence[QRectF] = ()) -> None:
        """Near the marker (above, below, right, left, then further out and the corners):
        the nearest spot that hides no other marker, else the one that hides the fewest."""
        parent = self.parentWidget()
        area = parent.rect() if parent is not None else QRect(0, 0, 800, 600)
        w, h = self.width(), self.height()
        ax, ay = anchor.x(), anchor.y()
        spots = []
        for gap in (24, 64, 120):
            spots += [
                (ax - w // 2, ay - h - gap),
                (ax - w // 2, ay + gap),
                (ax + gap + 4, ay - h // 2),
                (ax - w - gap - 4, ay - h // 2),
                (ax + gap + 4, ay - h - gap // 2),
                (ax - w - gap - 4, ay + gap // 2),
                (ax + gap + 4, ay + gap // 2),
                (ax - w - gap - 4, ay - h - gap // 2),
            ]
        spots += [(8, 8), (area.width() - w - 8, 8), (8, area.height() - h - 8)]
        spots.append((area.width() - w - 8, area.height() - h - 8))
        best: tuple[int, float, int, int] | None = None
        for x, y in spots:
            x = max(8, min(x, area.width() - w - 8))
            y = max(8, min(y, area.height() - h - 8))
            rect = QRectF(x, y, w, h)
            if rect.adjusted(-6, -6, 6, 6).contains(QPointF(anchor)):
                continue
            hidden = sum(1 for r in avoid if rect.intersects(r))
            far = (rect.center() - QPointF(anchor)).manhattanLength()
            if best is None or (hidden, far) < best[:2]:
                best = (hidden, far, x, y)
        self.move(*((best[2], best[3]) if best else (8, 8)))
