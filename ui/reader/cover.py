"""The cover: the story's picture full-bleed, its title set over it, Start and Map."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from story.records import StoryInfo
from ui.reader.photo import PhotoView
from ui.theme import SANS, SERIF


class _Shade(QWidget):
    """A gradient from clear to dark so white type reads on any picture."""

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        g = QLinearGradient(QPointF(0, 0), QPointF(0, self.height()))
        g.setColorAt(0.0, QColor(10, 12, 14, 0))
        g.setColorAt(0.35, QColor(10, 12, 14, 40))
        g.setColorAt(1.0, QColor(10, 12, 14, 215))
        p.fillRect(self.rect(), g)
        left = QLinearGradient(QPointF(0, 0), QPointF(self.width() * 0.7, 0))
        left.setColorAt(0.0, QColor(10, 12, 14, 120))
        left.setColorAt(1.0, QColor(10, 12, 14, 0))
        p.fillRect(self.rect(), left)


class CoverPage(QWidget):
    startRequested = Signal()
    mapRequested = Signal()
    aboutRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo = PhotoView(self, fill=True)
        self.photo.set_background(QColor("#2a2a27"))
        self.shade = _Shade(self)
        self.shade.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.text = QWidget(self)
        self.kicker = QLabel(self.text)
        self.title = QLabel(self.text)
        self.subtitle = QLabel(self.text)
        self.byline = QLabel(self.text)
        for label in (self.kicker, self.title, self.subtitle, self.byline):
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.kicker.setFont(_font(SANS, 14, 600, spacing=115))
        self.kicker.setStyleSheet("color: rgba(255,255,255,0.85);")
        self.title.setFont(_font(SERIF, 64, 700))
        self.title.setStyleSheet("color: white;")
        self.subtitle.setFont(_font(SERIF, 23, 400, italic=True))
        self.subtitle.setStyleSheet("color: rgba(255,255,255,0.92);")
        self.byline.setFont(_font(SANS, 14, 500))
        self.byline.setStyleSheet("color: rgba(255,255,255,0.75);")
        self.start = QPushButton("Start reading", self.text)
        self.start.setObjectName("Primary")
        self.map = QPushButton("Explore the map", self.text)
        self.map.setObjectName("Secondary")
        self.about = QPushButton("About this story", self.text)
        self.about.setObjectName("Link")
        for b in (self.start, self.map, self.about):
            b.setCursor(Qt.CursorShape.PointingHandCursor)
        self.start.clicked.connect(self.startRequested)
        self.map.clicked.connect(self.mapRequested)
        self.about.clicked.connect(self.aboutRequested)
        self.credit = QLabel(self)
        self.credit.setStyleSheet("color: rgba(255,255,255,0.6); font-size: 11px;")

        buttons = QHBoxLayout()
        buttons.setSpacing(14)
        buttons.addWidget(self.start)
        buttons.addWidget(self.map)
        buttons.addSpacing(8)
        buttons.addWidget(self.about)
        buttons.addStretch(1)
        col = QVBoxLayout(self.text)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(10)
        col.addWidget(self.kicker)
        col.addWidget(self.title)
        col.addWidget(self.subtitle)
        col.addSpacing(4)
        col.addWidget(self.byline)
        col.addSpacing(22)
        col.addLayout(buttons)

    def set_story(self, info: StoryInfo, chapters: int, credit: str = "") -> None:
        self.kicker.setText(f"A STORY IN {chapters} CHAPTER{'S' if chapters != 1 else ''}")
        self.title.setText(info.title)
        self.subtitle.setText(info.subtitle)
        self.subtitle.setVisible(bool(info.subtitle))
        parts = [p for p in (info.byline, info.published) if p]
        self.byline.setText("  ·  ".join(parts))
        self.credit.setText(credit)
        self.setAccessibleName(f"Cover: {info.title}")

    def resizeEvent(self, event: object) -> None:
        w, h = self.width(), self.height()
        self.photo.setGeometry(0, 0, w, h)
        self.shade.setGeometry(0, 0, w, h)
        margin = max(48, w // 14)
        text_w = min(860, w - 2 * margin)
        self.title.setFont(_font(SERIF, 64 if w >= 1100 else 46, 700))
        self.text.setFixedWidth(text_w)
        self.text.adjustSize()
        th = self.text.sizeHint().height()
        self.text.setGeometry(margin, h - margin - th, text_w, th)
        self.credit.adjustSize()
        self.credit.move(w - self.credit.width() - 18, h - self.credit.height() - 12)
        super().resizeEvent(event)  # type: ignore[arg-type]


def _font(
    family: str, px: int, weight: int, *, italic: bool = False, spacing: float = 100
) -> QFont:
    f = QFont(family)
    f.setPixelSize(px)
    f.setWeight(QFont.Weight(weight))
    f.setItalic(italic)
    f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    return f
