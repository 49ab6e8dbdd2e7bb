"""The map's furniture, drawn in viewport pixels: the scale bar and the data's credit line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QTextOption

from story.maps.basemap import format_distance, nice_scale_length
from ui.map import style

MAX_BAR_PX = 120.0


def scale_bar_length(metres_per_px: float, max_px: float = MAX_BAR_PX) -> tuple[float, float]:
    """(metres, pixels) of a round-numbered scale bar no longer than ``max_px``."""
    metres = nice_scale_length(metres_per_px * max_px)
    return metres, (metres / metres_per_px if metres_per_px > 0 else 0.0)


def draw_scale_bar(painter: QPainter, view_rect: QRectF, metres_per_px: float) -> QRectF:
    metres, px = scale_bar_length(metres_per_px)
    if px <= 0:
        return QRectF()
    font = style.sans(11)
    fm = QFontMetricsF(font)
    label = format_distance(metres)
    x0 = view_rect.left() + 16
    y0 = view_rect.bottom() - 18
    box = QRectF(
        x0 - 6, y0 - fm.height() - 8, max(px, fm.horizontalAdvance(label)) + 14, fm.height() + 16
    )
    painter.setPen(Qt.PenStyle.NoPen)
    st = style.active()
    back = QColor(st.q("chrome"))
    back.setAlpha(215)
    painter.setBrush(back)
    painter.drawRoundedRect(box, 4, 4)
    pen = QPen(st.q("chrome_text"), 1.5)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(x0, y0), QPointF(x0 + px, y0))
    painter.drawLine(QPointF(x0, y0 - 5), QPointF(x0, y0 + 1))
    painter.drawLine(QPointF(x0 + px, y0 - 5), QPointF(x0 + px, y0 + 1))
    painter.setFont(font)
    painter.drawText(QPointF(x0, y0 - 7), label)
    return box


def draw_attribution(painter: QPainter, view_rect: QRectF, text: str) -> QRectF:
    """The credit line, small, bottom right, wrapped to at most 60% of the width."""
    if not text:
        return QRectF()
    font = style.sans(10)
    fm = QFontMetricsF(font)
    max_w = max(160.0, min(view_rect.width() * 0.6, fm.horizontalAdvance(text) + 2))
    opt = QTextOption(Qt.AlignmentFlag.AlignRight)
    opt.setWrapMode(QTextOption.WrapMode.WordWrap)
    bounds = fm.boundingRect(
        QRectF(0, 0, max_w, 1000), Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignRight, text
    )
    w, h = bounds.width() + 1, bounds.height()
    rect = QRectF(view_rect.right() - w - 8, view_rect.bottom() - h - 5, w, h)
    painter.setPen(Qt.PenStyle.NoPen)
    st = style.active()
    back = QColor(st.q("chrome"))
    back.setAlpha(200)
    painter.setBrush(back)
    painter.drawRect(rect.adjusted(-5, -2, 8, 5))
    painter.setPen(st.q("chrome_muted"))
    painter.setFont(font)
    painter.drawText(rect, text, opt)
    return rect
