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
def _prompt_font() -> QFont:
    return _font(SANS, 20, 600)  # asked for every frame: made once (after the app exists)


def tr(text: str) -> str:
    return QCoreApplication.translate("Kiosk", text)


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
        self.setAccessibleName(tr("Touch the screen to begin"))
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

    def _titles(self, slide: Slide) -> QPixmap:
        """The shade, the story's name and the slide's kicker and title, drawn once."""
        w, h = max(1, self.width()), max(1, self.height())
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
        if slide.media_id is None or slide.title != self.story_title:
            top = QLinearGradient(QPointF(0, 0), QPointF(0, 110))
            top.setColorAt(0.0, QColor(10, 12, 14, 150))
            top.setColorAt(1.0, QColor(10, 12, 14, 0))
            p.fillRect(0, 0, w, 110, top)
            p.setPen(QColor(255, 255, 255, 215))
            p.setFont(_font(SANS, 15, 600, spacing=112))
            p.drawText(
                QRectF(margin, 26, w - 2 * margin, 30), Qt.AlignmentFlag.AlignLeft, self.story_title
            )
        prompt = self.prompt_rect()
        text_w = max(200.0, min(1100.0, prompt.left() - margin - 40))
        title_font = _font(SERIF, 58 if w >= 1100 else 40, 700)
        p.setFont(title_font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
        box = p.boundingRect(QRectF(margin, 0, text_w, h), int(flags), slide.title)
        title_rect = QRectF(margin, prompt.bottom() - box.height() + 6, text_w, box.height())
        p.setPen(QColor("white"))
        p.drawText(title_rect, int(flags), slide.title)
        if slide.kicker:
            p.setFont(_font(SANS, 16, 600, spacing=115))
            p.setPen(QColor(self.palette_.accent_soft))
            p.drawText(
                QRectF(margin, title_rect.top() - 34, text_w, 28),
                Qt.AlignmentFlag.AlignLeft,
                slide.kicker,
            )
        p.end()
        return pix

    def prompt_rect(self) -> QRectF:
        """Where "Touch the screen to begin" is: bottom right, level with the title's last line."""
        w, h = self.width(), self.height()
        margin = max(40, w // 16)
        tw = QFontMetrics(_prompt_font()).horizontalAdvance(tr("Touch the screen to begin"))
        return QRectF(w - margin - tw - 56, h - margin - 60, tw + 56, 60)

    def _draw_prompt(self, painter: QPainter) -> None:
        """A pill at the bottom right that breathes slowly, so the screen reads as alive."""
        box = self.prompt_rect()
        breath = 0.5 + 0.5 * abs(((self.elapsed() / 2.4) % 2.0) - 1.0)
        fill = QColor(self.palette_.accent)
        fill.setAlphaF(0.78 + 0.22 * breath)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 30, 30)
        painter.setPen(QColor("white"))
        painter.setFont(_prompt_font())
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), tr("Touch the screen to begin"))


def _ease(t: float) -> float:
    """Smooth at both ends (smoothstep), so a move never starts or stops with a jolt."""
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)
