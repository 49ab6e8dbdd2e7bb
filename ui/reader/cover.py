"""The cover: the story's picture full-bleed, its title set over it, Start and Map.

A story without a cover picture gets a designed typographic cover (paper, the
story's accent, contour lines) rather than an empty dark frame; a story
without a map offers no "Explore the map".
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from story.records import StoryInfo
from ui.reader.photo import PhotoView
from ui.reader.words import ReaderWords
from ui.schemes import HIGH_CONTRAST, current
from ui.theme import SANS, SERIF, Palette, slants


class _Shade(QWidget):
    """A gradient from clear to dark so white type reads on any picture."""

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        strong = current() == HIGH_CONTRAST  # the picture dimmed well behind the type
        g = QLinearGradient(QPointF(0, 0), QPointF(0, self.height()))
        g.setColorAt(0.0, QColor(10, 12, 14, 60 if strong else 0))
        g.setColorAt(0.35, QColor(10, 12, 14, 170 if strong else 40))
        g.setColorAt(1.0, QColor(10, 12, 14, 240 if strong else 215))
        p.fillRect(self.rect(), g)
        # darker on the side the text starts from (the right in a right-to-left story)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        start, end = (self.width(), self.width() * 0.3) if rtl else (0, self.width() * 0.7)
        left = QLinearGradient(QPointF(start, 0), QPointF(end, 0))
        left.setColorAt(0.0, QColor(10, 12, 14, 120))
        left.setColorAt(1.0, QColor(10, 12, 14, 0))
        p.fillRect(self.rect(), left)


class _Plain(QWidget):
    """The cover without a picture: warm paper, faint contour lines, an accent rule."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_ = palette
        self.rule = QRect()  # beside the title block, set by the cover's layout

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), QColor(self.palette_.paper))
        line, clear = QColor(self.palette_.slate), QColor(self.palette_.slate)
        line.setAlpha(40)
        clear.setAlpha(0)
        fade = QLinearGradient(QPointF(w * 0.30, 0), QPointF(w * 0.55, 0))
        fade.setColorAt(0.0, clear)
        fade.setColorAt(1.0, line)
        p.setPen(QPen(QBrush(fade), 1.2))
        for n in range(14):  # contour lines, as on a survey map, across the top right
            path = QPainterPath()
            base = h * 0.06 + n * h * 0.035
            path.moveTo(w * 0.30, base)
            for k in range(1, 10):
                x = w * 0.30 + k * w * 0.08
                dy = (18 + n * 2) * (1 if k % 2 else -1) * (0.6 + 0.4 * ((n + k) % 3) / 2)
                path.quadTo(x - w * 0.04, base + dy, x, base + dy * 0.2)
            p.drawPath(path)
        p.fillRect(self.rule, QColor(self.palette_.accent))


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
        self.subtitle.setFont(_font(SERIF, 23, 400, italic=True))  # upright for CJK: set_story
        self.subtitle.setStyleSheet("color: rgba(255,255,255,0.92);")
        self.byline.setFont(_font(SANS, 14, 500))
        self.byline.setStyleSheet("color: rgba(255,255,255,0.75);")
        self.words = ReaderWords(None)
        self.start = QPushButton(self.words.start_reading(), self.text)
        self.start.setObjectName("Primary")
        self.map = QPushButton(self.words.explore_map(), self.text)
        self.map.setObjectName("Secondary")
        self.about = QPushButton(self.words.about_story(), self.text)
        self.about.setObjectName("Link")
        for b in (self.start, self.map, self.about):
            b.setCursor(Qt.CursorShape.PointingHandCursor)
        self.start.clicked.connect(self.startRequested)
        self.map.clicked.connect(self.mapRequested)
        self.about.clicked.connect(self.aboutRequested)
        self.credit = QLabel(self)
        self.credit.setStyleSheet("color: rgba(255,255,255,0.6); font-size: 11px;")
        self.plain: _Plain | None = None

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

    def set_story(
        self, info: StoryInfo, chapters: int, credit: str = "", words: ReaderWords | None = None
    ) -> None:
        """Show ``info``; the cover's own words and direction follow the story's language.

        ``words`` (default: for ``info.language``) when the story is shown in another.
        """
        self.words = words = words or ReaderWords(info.language, info.title)
        self.setLayoutDirection(words.direction)  # kicker, title and buttons on one side
        side = Qt.AlignmentFlag.AlignRight if words.rtl else Qt.AlignmentFlag.AlignLeft
        for label in (self.kicker, self.title, self.subtitle, self.byline):
            # absolute: an English kicker in an Arabic story keeps to the title's side
            label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        self.kicker.setText(words.kicker(chapters))
        # tracked capitals in Latin and Cyrillic; CJK has no capitals and spreads apart
        spaced = slants(self.kicker.text())
        self.kicker.setFont(_font(SANS, 14, 600, spacing=115 if spaced else 100))
        self.start.setText(words.start_reading())
        self.map.setText(words.explore_map())
        self.about.setText(words.about_story())
        self.title.setText(info.title)
        self.subtitle.setText(info.subtitle)
        self.subtitle.setVisible(bool(info.subtitle))
        self.subtitle.setFont(_font(SERIF, 23, 400 if slants(info.subtitle) else 500,
                                    italic=slants(info.subtitle)))  # fmt: skip
        published = words.date(info.published) if info.published else ""
        parts = [p for p in (info.byline, published) if p]
        self.byline.setText("  ·  ".join(parts))
        self.credit.setText(credit)
        self.setAccessibleName(words.cover_name(info.title))

    def set_picture(self, image: QImage | None, palette: Palette) -> None:
        """The cover picture, or (``None``) the typographic cover in the story's colours."""
        self.photo.set_image(image)
        plain = not self.photo.has_image()
        if plain and self.plain is None:
            self.plain = _Plain(palette, self)
            self.plain.lower()
        if self.plain is not None:
            self.plain.setVisible(plain)
        self.photo.setVisible(not plain)
        self.shade.setVisible(not plain)
        kicker = QColor(palette.accent).darker(118).name()
        colours = (
            (self.kicker, f"color: {kicker};" if plain else "color: rgba(255,255,255,0.85);"),
            (self.title, f"color: {palette.ink};" if plain else "color: white;"),
            (
                self.subtitle,
                f"color: {palette.slate};" if plain else "color: rgba(255,255,255,0.92);",
            ),
            (
                self.byline,
                f"color: {palette.muted};" if plain else "color: rgba(255,255,255,0.75);",
            ),
        )
        serif = f'font-family: "{SERIF}";'  # the window's style sheet would set Inter
        for label, style in colours:
            label.setStyleSheet(style + (serif if label in (self.title, self.subtitle) else ""))
        self.setStyleSheet(
            f"QPushButton#Secondary {{ background: transparent; color: {palette.ink};"
            f" border: 1.5px solid {palette.ink}; }}"
            f"QPushButton#Secondary:focus {{ border: 2px solid {palette.accent}; }}"
            f"QPushButton#Secondary:hover {{ background: rgba(0,0,0,0.06); }}"
            f"QPushButton#Link {{ color: {palette.muted}; }}"
            if plain
            else ""
        )
        self.resizeEvent(None)

    def set_has_map(self, has_map: bool) -> None:
        self.map.setVisible(has_map)

    def resizeEvent(self, event: object) -> None:
        w, h = self.width(), self.height()
        self.photo.setGeometry(0, 0, w, h)
        self.shade.setGeometry(0, 0, w, h)
        if self.plain is not None:
            self.plain.setGeometry(0, 0, w, h)
        margin = max(48, w // 14)
        text_w = min(860, w - 2 * margin)
        self.title.setFont(_font(SERIF, 64 if w >= 1100 else 46, 700))
        self.text.setFixedWidth(text_w)
        self.text.adjustSize()
        th = self.text.sizeHint().height()
        direction = self.layoutDirection()  # right to left: the same page, mirrored
        self.text.setGeometry(
            QStyle.visualRect(direction, self.rect(), QRect(margin, h - margin - th, text_w, th))
        )
        if self.plain is not None:
            rule = QRect(margin - 24, h - margin - th + 4, 5, th - 8)
            self.plain.rule = QStyle.visualRect(direction, self.rect(), rule)
        self.credit.adjustSize()
        credit = QRect(QPoint(w - self.credit.width() - 18, h - self.credit.height() - 12),
                       self.credit.size())  # fmt: skip
        self.credit.setGeometry(QStyle.visualRect(direction, self.rect(), credit))
        if event is not None:
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
