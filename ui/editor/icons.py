"""The editor's icons, drawn with QPainter so they look the same everywhere (offscreen too).

The icon theme is often empty (offscreen, minimal desktops); small line
drawings in the chrome's ink colour keep menus and the toolbar readable.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QBoxLayout, QToolButton, QWidget

INK = "#3a3f46"
ACCENT = "#c8402a"
_cache: dict[str, QIcon] = {}


def _ink() -> str:
    """The line colour: the chrome's ink in light, the scheme's text colour in dark and contrast."""
    from ui.schemes import LIGHT, Palette

    p = Palette.for_scheme()
    return INK if p.scheme == LIGHT else p.ink


def _draw(name: str, p: QPainter) -> None:
    pen = QPen(
        QColor(_ink()),
        1.8,
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if name in ("add", "new"):
        if name == "new":
            p.drawRoundedRect(QRectF(5, 3, 14, 18), 2, 2)
            p.drawLine(QPointF(12, 8), QPointF(12, 16))
            p.drawLine(QPointF(8, 12), QPointF(16, 12))
        else:
            p.drawLine(QPointF(12, 5), QPointF(12, 19))
            p.drawLine(QPointF(5, 12), QPointF(19, 12))
    elif name == "duplicate":
        p.drawRoundedRect(QRectF(4, 4, 11, 13), 2, 2)
        p.drawRoundedRect(QRectF(9, 8, 11, 13), 2, 2)
    elif name == "delete":
        p.drawLine(QPointF(5, 7), QPointF(19, 7))
        p.drawLine(QPointF(10, 4), QPointF(14, 4))
        p.drawPolyline(QPolygonF([QPointF(7, 7), QPointF(8, 20), QPointF(16, 20), QPointF(17, 7)]))
    elif name in ("up", "down"):
        s = -1 if name == "up" else 1
        p.drawLine(QPointF(12, 12 - 7 * s), QPointF(12, 12 + 7 * s))
        p.drawPolyline(
            QPolygonF([QPointF(7, 12 + 2 * s), QPointF(12, 12 + 7 * s), QPointF(17, 12 + 2 * s)])
        )
    elif name in ("left", "right"):
        s = -1 if name == "left" else 1
        p.drawLine(QPointF(12 - 7 * s, 12), QPointF(12 + 7 * s, 12))
        p.drawPolyline(
            QPolygonF([QPointF(12 + 2 * s, 7), QPointF(12 + 7 * s, 12), QPointF(12 + 2 * s, 17)])
        )
    elif name == "open":
        path = QPainterPath(QPointF(3, 7))
        path.lineTo(9, 7)
        path.lineTo(11, 9)
        path.lineTo(20, 9)
        path.lineTo(20, 19)
        path.lineTo(3, 19)
        path.closeSubpath()
        p.drawPath(path)
    elif name in ("undo", "redo"):
        s = 1 if name == "redo" else -1
        path = QPainterPath(QPointF(12 - 6 * s, 17))
        path.cubicTo(QPointF(12 - 6 * s, 8), QPointF(12 + 4 * s, 7), QPointF(12 + 7 * s, 10))
        p.drawPath(path)
        p.drawPolyline(
            QPolygonF([QPointF(12 + 7 * s, 5), QPointF(12 + 7 * s, 10), QPointF(12 + 2 * s, 10)])
        )
    elif name == "preview":
        path = QPainterPath(QPointF(2, 12))
        path.quadTo(QPointF(12, 2), QPointF(22, 12))
        path.quadTo(QPointF(12, 22), QPointF(2, 12))
        p.drawPath(path)
        p.setBrush(QColor(ACCENT))
        p.drawEllipse(QPointF(12, 12), 3.2, 3.2)
    elif name == "export":
        p.drawPolyline(
            QPolygonF([QPointF(5, 12), QPointF(5, 20), QPointF(19, 20), QPointF(19, 12)])
        )
        p.drawLine(QPointF(12, 3), QPointF(12, 15))
        p.drawPolyline(QPolygonF([QPointF(8, 7), QPointF(12, 3), QPointF(16, 7)]))
    elif name == "import":
        p.drawRoundedRect(QRectF(3, 5, 18, 14), 2, 2)
        p.drawPolyline(
            QPolygonF(
                [QPointF(3, 16), QPointF(9, 10), QPointF(14, 15), QPointF(17, 12), QPointF(21, 16)]
            )
        )
        p.drawEllipse(QPointF(16, 9), 1.6, 1.6)
    elif name == "play":
        p.setBrush(QColor(_ink()))
        p.drawPolygon(QPolygonF([QPointF(8, 5), QPointF(19, 12), QPointF(8, 19)]))
    elif name == "stop":
        p.setBrush(QColor(_ink()))
        p.drawRect(QRectF(7, 7, 10, 10))
    elif name == "place":
        path = QPainterPath(QPointF(12, 21))
        path.cubicTo(QPointF(4, 12), QPointF(5, 3), QPointF(12, 3))
        path.cubicTo(QPointF(19, 3), QPointF(20, 12), QPointF(12, 21))
        p.setPen(QPen(QColor(ACCENT), 1.8))
        p.drawPath(path)
        p.drawEllipse(QPointF(12, 10), 2.5, 2.5)
    elif name == "cover":
        p.drawRoundedRect(QRectF(4, 3, 16, 18), 2, 2)
        p.drawLine(QPointF(8, 15), QPointF(16, 15))
        p.drawLine(QPointF(8, 18), QPointF(13, 18))
    elif name == "check":
        p.setPen(QPen(QColor("#5f7f3a"), 2.2))
        p.drawPolyline(QPolygonF([QPointF(5, 12), QPointF(10, 17), QPointF(19, 6)]))
    elif name in ("error", "warning", "info"):
        colour = {"error": "#c8402a", "warning": "#d08a1c", "info": "#4a6f8f"}[name]
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawEllipse(QPointF(12, 12), 8, 8)
        p.setPen(QPen(QColor("white"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if name == "info":
            p.drawLine(QPointF(12, 11), QPointF(12, 16))
            p.drawPoint(QPointF(12, 8))
        else:
            p.drawLine(QPointF(12, 7.5), QPointF(12, 13))
            p.drawPoint(QPointF(12, 16.5))


def icon(name: str) -> QIcon:
    key = f"{name}:{_ink()}"  # drawn again when the scheme changes
    if key not in _cache:
        result = QIcon()
        for size in (24, 48):
            pix = QPixmap(size, size)
            pix.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(size / 24, size / 24)
            _draw(name, painter)
            painter.end()
            result.addPixmap(pix)
        _cache[key] = result
    return _cache[key]


def icon_buttons(
    parent: QWidget, layout: QBoxLayout, specs: Sequence[tuple[str, str]], *, enabled: bool = True
) -> dict[str, QToolButton]:
    """A row of flat icon buttons, (icon name, tooltip) each, added to ``layout``."""
    buttons: dict[str, QToolButton] = {}
    for name, tip in specs:
        b = QToolButton(parent)
        b.setIcon(icon(name))
        b.setIconSize(QSize(18, 18))
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        b.setEnabled(enabled)
        layout.addWidget(b)
        buttons[name] = b
    return buttons
