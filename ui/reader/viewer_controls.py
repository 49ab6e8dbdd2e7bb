"""The full-screen viewer's visible controls: round buttons, the caption's scrim, the fading.

A viewer that can only be driven by keys a reader has to guess is a trap
(issue 13). These are the parts ``ui/reader/fullscreen.py`` lays over the
photo: finger-sized buttons (close, previous, next) that Enter and Space
press, the caption and credit on a scrim dark enough for 4.5:1 over a white
photo, and a fader that lets the controls go after a few seconds of a still
mouse and brings them back on movement or a key (never under reduced motion).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPropertyAnimation,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QKeyEvent, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.schemes import Palette, reduced_motion

#: Behind the photo, in every scheme: photos are looked at on near-black.
BACKGROUND = "#0c0d0f"
#: Side of the round buttons: over the 44 px a finger needs, in the kiosk too.
BUTTON_PX = 56
#: The scrim's darkness behind the caption and the credit (black at this alpha): over a
#: white photo the credit's grey still reads at 5.3:1 (0.78 gave 4.6, too near the line).
SCRIM_ALPHA = 0.82
#: The soft edge above the scrim, so it does not cut the photo with a hard line.
SCRIM_FADE_PX = 36
#: The caption's longest line, for reading: about 100 characters at 16 px.
CAPTION_MAX_PX = 860
#: The buttons' own fill (black at this alpha), under their white glyphs: 6.9:1 on white.
BUTTON_ALPHA = 0.70
#: A still mouse for this long lets the controls go; a move or a key brings them back.
FADE_AFTER_MS = 3000
FADE_MS = 250


def controls_style(p: Palette) -> str:
    """The viewer's sheet: light glyphs on dark fills, a ring in the chrome's focus colour."""
    fill = f"rgba(0,0,0,{BUTTON_ALPHA})"
    return f"""
    #Viewer {{ background: {BACKGROUND}; }}
    #ViewerButton {{
        background: {fill}; color: #ffffff; border: 2px solid transparent;
        border-radius: {BUTTON_PX // 2}px; font-size: 26px; font-weight: 600; padding: 0; }}
    #ViewerButton:hover {{ background: rgba(0,0,0,0.85); border-color: rgba(255,255,255,0.55); }}
    #ViewerButton:pressed {{ background: rgba(255,255,255,0.25); }}
    #ViewerButton:focus {{ border: 3px solid {p.chrome_focus}; }}
    #ViewerButton:disabled {{ background: rgba(0,0,0,0.35); color: rgba(255,255,255,0.30); }}
    #ViewerCounter {{ background: {fill}; color: #ffffff; border-radius: 12px;
                      padding: 6px 14px; font-size: 14px; font-weight: 600; }}
    #ViewerCaptionText {{ color: {p.caption}; font-size: 16px; background: transparent; }}
    #ViewerCredit {{ color: {p.credit}; font-size: 13px; background: transparent; }}
    """


class ViewerButton(QPushButton):
    """A round, named button; Enter and Return press it as Space does (outside a dialog too).

    Left and Right are the viewer's (a step between photos), not Qt's move of focus
    to the neighbouring button, so they go on to the viewer.
    """

    def __init__(self, glyph: str, name: str, parent: QWidget) -> None:
        super().__init__(glyph, parent)
        self.setObjectName("ViewerButton")
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.setFixedSize(QSize(BUTTON_PX, BUTTON_PX))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMouseTracking(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.animateClick()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        super().keyPressEvent(event)


class CaptionScrim(QWidget):
    """The caption and the credit on a dark band that fades upwards into the photo."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ViewerCaption")
        self.setMouseTracking(True)
        self.caption = QLabel(self)
        self.caption.setObjectName("ViewerCaptionText")
        self.credit = QLabel(self)
        self.credit.setObjectName("ViewerCredit")
        for label in (self.caption, self.credit):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setMouseTracking(True)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(BUTTON_PX + 32, SCRIM_FADE_PX + 6, BUTTON_PX + 32, 20)
        layout.setSpacing(8)
        layout.addWidget(self.caption)
        layout.addWidget(self.credit)

    def set_text(self, caption: str, credit: str) -> None:
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.credit.setText(credit)
        self.credit.setVisible(bool(credit))
        self.setVisible(bool(caption or credit))

    def fit_width(self, width: int) -> int:
        """Lines at most :data:`CAPTION_MAX_PX` long, clear of the side buttons; the height."""
        side = max(BUTTON_PX + 32, (width - CAPTION_MAX_PX) // 2)
        layout = self._layout
        layout.setContentsMargins(side, SCRIM_FADE_PX + 8, side, 24)
        return max(self.heightForWidth(width), layout.totalMinimumSize().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        solid = QColor(0, 0, 0, round(255 * SCRIM_ALPHA))
        edge = QLinearGradient(0, 0, 0, SCRIM_FADE_PX)
        edge.setColorAt(0.0, QColor(0, 0, 0, 0))
        edge.setColorAt(1.0, solid)
        painter.fillRect(QRect(0, 0, self.width(), SCRIM_FADE_PX), edge)
        painter.fillRect(QRect(0, SCRIM_FADE_PX, self.width(), self.height()), solid)


class ControlFader(QObject):
    """Fades ``widgets`` out after :data:`FADE_AFTER_MS` of stillness; ``poke`` brings them back.

    Faded controls stay in place (and in the accessibility tree): only their
    opacity goes, so a click where a button was still presses it. Under reduced
    motion they never fade.
    """

    def __init__(self, widgets: list[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: list[QGraphicsOpacityEffect] = []
        self._anims: list[QPropertyAnimation] = []
        for w in widgets:
            effect = QGraphicsOpacityEffect(w)
            effect.setOpacity(1.0)
            w.setGraphicsEffect(effect)
            self._effects.append(effect)
            anim = QPropertyAnimation(effect, b"opacity", self)
            anim.setDuration(FADE_MS)
            anim.setEasingCurve(QEasingCurve.Type.OutCubic)
            self._anims.append(anim)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(FADE_AFTER_MS)
        self.idle.timeout.connect(self.fade_out)
        self.shown = True

    def poke(self) -> None:
        """Movement or a key: the controls at full strength, and the stillness counted anew."""
        if not self.shown:
            self._go(1.0, FADE_MS // 2)
            self.shown = True
        if reduced_motion():
            self.idle.stop()
        else:
            self.idle.start()

    def stop(self) -> None:
        self.idle.stop()

    def fade_out(self) -> None:
        if reduced_motion():
            return  # a reader who asked for calm keeps the controls where they are
        self.shown = False
        self._go(0.0, FADE_MS)

    def opacity(self) -> float:
        return min((e.opacity() for e in self._effects), default=1.0)

    def _go(self, to: float, ms: int) -> None:
        for effect, anim in zip(self._effects, self._anims, strict=True):
            anim.stop()
            anim.setDuration(ms)
            anim.setStartValue(effect.opacity())
            anim.setEndValue(to)
            anim.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _WAKING:
            self.poke()
        return False


#: What counts as the reader being there: a move, a press, a touch, a wheel.
_WAKING = {
    QEvent.Type.MouseMove,
    QEvent.Type.HoverMove,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}
