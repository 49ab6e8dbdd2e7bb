"""The attract loop: what an exhibition screen shows while nobody is reading.

A slow move across the story's pictures (the cover, then each chapter's first
photo), each under its title, cross-fading from one to the next, without
sound, and a quiet "Touch the screen to begin". It covers the whole window so
a touch lands on it, not on a button behind it; the kiosk
(``ui.reader.kiosk``) starts it after the idle time and stops it on the first
touch, click or key.

Each photo is scaled once per slide (to cover the window, plus the zoom
headroom) and every frame draws a window-sized part of it, so a frame costs a
slightly scaled blit, not a full decode and rescale. Time is measured, not
counted in frames, so a slow machine drops frames rather than slowing down.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from ui.theme import SANS, SERIF, Palette

#: About 25 frames a second: the move is slow (about 20 px a second at 1920 px wide).
FRAME_MS = 40
#: The cross-fade between two slides, in seconds.
FADE_S = 1.4
#: How far a slide zooms over its time (1.0 to ZOOM).
ZOOM = 1.14


def _font(family: str, px: int, weight: int, *, spacing: float = 100) -> QFont:
    f = QFont(family)
    f.setPixelSize(px)
    f.setWeight(QFont.Weight(weight))
    f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    return f


@cache
def _prompt_font(px: int) -> QFont:
    return _font(SANS, px, 600)  # asked for every frame: made once per size


@dataclass(frozen=True)
class Slide:
    kicker: str  # "CHAPTER 3 OF 10 · KHORGOS"
    title: str
    media_id: str | None  # None: the story's colours instead of a photo


#: media id -> decoded image (None when it cannot be had)
Loader = Callable[[str], QImage | None]


class AttractLoop(QWidget):
    """Plays ``slides`` in a loop until stopped; counts the frames it paints."""

    def __init__(self, palette: Palette, story_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttractLoop")
        #: what the loop asks of a visitor (in the interface's language)
        self.prompt = QCoreApplication.translate("Kiosk", "Touch the screen to begin")
        self.setAccessibleName(self.prompt)
        self.palette_ = palette
        self.story_title = story_title
        self.photo_seconds = 9.0
        self.slides: list[Slide] = []
        self.loader: Loader = lambda _id: None
        self.prefetch: Callable[[str], None] = lambda _id: None
        self.frames = 0  # painted since start(): how the tests see it move
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.update)
        self._frozen_at: float | None = None  # a screenshot holds one moment
        self._scaled: dict[int, QPixmap] = {}  # slide -> the photo scaled for this size
        self._overlays: dict[int, QPixmap] = {}  # slide -> its titles, drawn once
        self.hide()

    # -- control ------------------------------------------------------------------
    def set_slides(self, slides: list[Slide], loader: Loader, prefetch: Callable[[str], None]):
        self.slides = slides or [Slide("", self.story_title, None)]
        self.loader, self.prefetch = loader, prefetch
        self._scaled.clear()
        self._overlays.clear()

    def start(self, *, at: float | None = None) -> None:
        """Show and play from the first slide; ``at`` (seconds) holds one moment still."""
        self.frames = 0
        self._frozen_at = at
        self._clock.start()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        if at is None:
            self._timer.start()
        self.update()

    def stop(self) -> None:
        self._timer.stop()
        self.hide()
        self._scaled.clear()  # a full-screen photo or two is a lot of memory to keep idle
        self._overlays.clear()

    def is_running(self) -> bool:
        return self.isVisible() and (self._timer.isActive() or self._frozen_at is not None)

    def elapsed(self) -> float:
        if self._frozen_at is not None:
            return self._frozen_at
        return self._clock.elapsed() / 1000 if self._clock.isValid() else 0.0

    def slide_at(self, seconds: float) -> tuple[int, float]:
        """The slide shown at ``seconds`` and how far through it (0..1)."""
        per = max(0.5, self.photo_seconds)
        n = int(seconds // per)
        return n % len(self.slides), (seconds - n * per) / per

    # -- painting -----------------------------------------------------------------
    def resizeEvent(self, event: object) -> None:
        self._scaled.clear()
        self._overlays.clear()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.fillRect(self.rect(), QColor("#111315"))
        if not self.slides:
            return
        self.frames += 1
        index, t = self.slide_at(self.elapsed())
        fade_t = 1.0 - (1.0 - t) * self.photo_seconds / FADE_S  # > 0 during the fade out
        self._draw_slide(painter, index, t)
        if fade_t > 0 and len(self.slides) > 1:
            nxt = (index + 1) % len(self.slides)
            painter.setOpacity(_ease(min(1.0, fade_t)))
            self._draw_slide(painter, nxt, 0.0)
            painter.setOpacity(1.0)
        elif t < 0.5 and len(self.slides) > 1:
            self._want((index + 1) % len(self.slides))  # decode the next one early
        self._draw_prompt(painter)

    def _want(self, index: int) -> None:
        media_id = self.slides[index].media_id
        if media_id is not None and index not in self._scaled:
            self.prefetch(media_id)

    def _draw_slide(self, painter: QPainter, index: int, t: float) -> None:
        pix = self._photo(index)
        w, h = self.width(), self.height()
        if pix is not None and not pix.isNull():
            zoom = 1.0 + (ZOOM - 1.0) * (_ease(t) if index % 2 == 0 else 1.0 - _ease(t))
            sw, sh = w * ZOOM / zoom, h * ZOOM / zoom
            slack_x, slack_y = pix.width() - sw, pix.height() - sh
            along = _ease(t) if index % 2 == 0 else 1.0 - _ease(t)
            x = slack_x * (0.15 + 0.7 * along)
            y = slack_y * (0.5 + 0.3 * (along - 0.5) * (1 if index % 3 else -1))
            painter.drawPixmap(QRectF(0, 0, w, h), pix, QRectF(x, y, sw, sh))
        else:
            painter.fillRect(self.rect(), QColor(self.palette_.slate))
        overlay = self._overlays.get(index)
        if overlay is None:
            overlay = self._overlays[index] = self._titles(self.slides[index])
            leaving = (index - 1) % len(self.slides)
            for old in [k for k in self._overlays if k not in (index, leaving)]:
                del self._overlays[old]  # a window-sized pixmap each: keep two
        painter.drawPixmap(0, 0, overlay)

    def _photo(self, index: int) -> QPixmap | None:
        if index in self._scaled:
            return self._scaled[index]
        media_id = self.slides[index].media_id
        image = self.loader(media_id) if media_id is not None else None
        if image is None or image.isNull():
            return None
        w, h = max(1, self.width()), max(1, self.height())
        scale = max(w / image.width(), h / image.height()) * ZOOM
        size = image.size() * scale
        scaled = image.scaled(
            size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        ).convertToFormat(QImage.Format.Format_RGB32)
        pix = QPixmap.fromImage(scaled)
        for old in [k for k in self._scaled if k not in (index, (index - 1) % len(self.slides))]:
            del self._scaled[old]  # keep the slide leaving and the one arriving
        self._scaled[index] = pix
        return pix

    def type_scale(self) -> float:
        """Type and furniture grow with the screen: 1.0 at 800 px tall, 1.35 at 1080."""
        return max(0.75, min(2.0, self.height() / 800))

    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _mirror(self, rect: QRectF) -> QRectF:
        """``rect`` as laid out for a right-to-left story (titles right, prompt left)."""
        if not self._rtl():
            return rect
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def _titles(self, slide: Slide) -> QPixmap:
        """The shade, the story's name and the slide's kicker and title, drawn once."""
        w, h = max(1, self.width()), max(1, self.height())
        k = self.type_scale()
        pix = QPixmap(w, h)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # A photo may hold its own lettering (a diagram): the titles' band is dark enough
        # to read white type over anything.
        shade = QLinearGradient(QPointF(0, h * 0.38), QPointF(0, h))
        shade.setColorAt(0.0, QColor(10, 12, 14, 0))
        shade.setColorAt(0.45, QColor(10, 12, 14, 205))
        shade.setColorAt(1.0, QColor(10, 12, 14, 235))
        p.fillRect(self.rect(), shade)
        margin = max(40, w // 16)
        side = Qt.AlignmentFlag.AlignRight if self._rtl() else Qt.AlignmentFlag.AlignLeft
        if slide.media_id is None or slide.title != self.story_title:
            band = 130 * k
            top = QLinearGradient(QPointF(0, 0), QPointF(0, band))
            top.setColorAt(0.0, QColor(10, 12, 14, 200))
            top.setColorAt(1.0, QColor(10, 12, 14, 0))
            p.fillRect(QRectF(0, 0, w, band), top)
            p.setPen(QColor(255, 255, 255, 225))
            p.setFont(_font(SANS, round(16 * k), 600, spacing=112))
            p.drawText(QRectF(margin, 28 * k, w - 2 * margin, 34 * k), side, self.story_title)
        prompt = self.prompt_rect()
        free = w - margin - prompt.width() - 40 * k - margin  # beside the prompt
        text_w = max(200.0, min(1100.0 * k, free))
        p.setFont(_font(SERIF, round((58 if w >= 1100 else 40) * k), 700))
        flags = side | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
        box = p.boundingRect(QRectF(margin, 0, text_w, h), int(flags), slide.title)
        title = QRectF(margin, prompt.bottom() - box.height() + 6 * k, text_w, box.height())
        p.setPen(QColor("white"))
        p.drawText(self._mirror(title), int(flags), slide.title)
        if slide.kicker:
            font = _font(SANS, round(17 * k), 600, spacing=115)
            p.setFont(font)
            p.setPen(QColor(self.palette_.accent_soft))
            line = QRectF(margin, title.top() - 36 * k, text_w, 30 * k)
            if line.bottom() < prompt.top() - 8 * k:
                line.setWidth(w - 2 * margin)  # above the prompt: the whole width is free
            shown = QFontMetrics(font).elidedText(
                slide.kicker, Qt.TextElideMode.ElideRight, int(line.width())
            )
            p.drawText(self._mirror(line), side, shown)
        p.end()
        return pix

    def prompt_rect(self) -> QRectF:
        """Where "Touch the screen to begin" is: bottom right (left for right-to-left)."""
        w, h = self.width(), self.height()
        k = self.type_scale()
        margin = max(40, w // 16)
        tw = QFontMetrics(_prompt_font(round(20 * k))).horizontalAdvance(self.prompt)
        pw, ph = tw + 56 * k, 60 * k
        return self._mirror(QRectF(w - margin - pw, h - margin - ph, pw, ph))

    def _draw_prompt(self, painter: QPainter) -> None:
        """A pill that breathes slowly, so the screen reads as alive."""
        box = self.prompt_rect()
        breath = 0.5 + 0.5 * abs(((self.elapsed() / 2.4) % 2.0) - 1.0)
        fill = QColor(self.palette_.accent)
        fill.setAlphaF(0.78 + 0.22 * breath)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setPen(QColor("white"))
        painter.setFont(_prompt_font(round(20 * self.type_scale())))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), self.prompt)


def _ease(t: float) -> float:
    """Smooth at both ends (smoothstep), so a move never starts or stops with a jolt."""
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)
