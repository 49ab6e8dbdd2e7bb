"""The widgets a chapter's page lays over its slots: photos with captions, rows, the sound.

``ui.reader.chapter_flow`` reserves room in the text for each; these draw
it. A photo is a button (Tab reaches it, Enter, Space or a click opens the
full-screen viewer) named by its caption, so a screen reader announces
"Gantry cranes at dusk, button", not a file name or a 450-character alt text.
Each widget answers :meth:`fit`: given the room, where its parts go and how
tall it is, so the slot and the widget always agree.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractButton, QLabel, QToolButton, QWidget

from story.records import MediaInfo

#: Side-by-side photos stack when a cell would be narrower than this.
CELL_MIN = 260
#: Space between photos in a row, and between a photo and its caption.
GAP, CAPTION_GAP = 16, 8
#: A photo is never taller than this share of the page's height (portraits stay sane).
HEIGHT_SHARE = 0.8
#: A caption is never set narrower than this (a portrait photo may be much narrower).
CAPTION_MIN = 320


def aspect(info: MediaInfo) -> float:
    """Width over height, from the medium's own facts (3:2 when unknown)."""
    if info.width and info.height:
        return max(0.2, min(5.0, info.width / info.height))
    return 1.5


def caption_name(info: MediaInfo, alt: str = "") -> str:
    """What a screen reader calls a photo: its caption, else a short alt text."""
    name = info.caption or alt or info.alt or ""
    return name if len(name) <= 160 else name[:157] + "…"


class FigurePhoto(QAbstractButton):
    """One photo, scaled once per size, with a focus ring; ``clicked`` asks for full screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.image: QImage | None = None
        self._pixmap: tuple[tuple[int, int, int], QPixmap] | None = None
        self.ring = QColor("#a8321f")
        self.empty = QColor("#e4ddd0")

    def set_image(self, image: QImage | None) -> None:
        self.image = image if image is not None and not image.isNull() else None
        self._pixmap = None
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 200)

    def prepare(self) -> None:
        """Scale the photo for its present size now (a page made ahead), not at its paint."""
        if self.image is not None and not self.size().isEmpty():
            self._scaled()

    def _scaled(self) -> QPixmap:
        assert self.image is not None
        dpr = self.devicePixelRatioF()
        key = (self.image.cacheKey(), round(self.width() * dpr), round(self.height() * dpr))
        if self._pixmap is None or self._pixmap[0] != key:
            scaled = self.image.scaled(
                QSize(key[1], key[2]),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(dpr)
            self._pixmap = (key, pixmap)
        return self._pixmap[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        if self.image is None:
            painter.fillRect(rect, self.empty)  # opaque: a blended fill of a page-wide rect is slow
        else:
            painter.drawPixmap(0, 0, self._scaled())
        if self.hasFocus():
            painter.setPen(QPen(self.ring, 3))
            painter.drawRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()  # Enter opens it, as Space does
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the page scrolls


class FigureBox(QWidget):
    """A photo with its caption and credit under it."""

    opened = Signal(object)  # the MediaInfo

    def __init__(self, info: MediaInfo, alt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.photo = FigurePhoto(self)
        self.photo.setAccessibleName(caption_name(info, alt))
        self.photo.setAccessibleDescription(info.credit)
        self.photo.setToolTip(info.caption or alt)
        self.photo.clicked.connect(lambda: self.opened.emit(self.info))
        self.caption = QLabel(info.caption, self)
        self.caption.setObjectName("FigureCaption")
        self.caption.setWordWrap(True)
        credit = info.credit + (f" · {info.licence}" if info.licence else "")
        self.credit = QLabel(credit, self)
        self.credit.setObjectName("FigureCredit")
        self.credit.setWordWrap(True)
        for label in (self.caption, self.credit):
            label.setVisible(bool(label.text()))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def fit(self, width: int, max_h: int, text_x: int = 0, text_w: int = 0) -> int:
        """Lay out in ``width`` (photo at most ``max_h`` tall); the caption at ``text_x``,
        ``text_w`` wide (default: under the photo, at least CAPTION_MIN). Returns the height."""
        a = aspect(self.info)
        pw, ph = width, round(width / a)
        if ph > max_h:
            ph = max(60, max_h)
            pw = min(width, round(ph * a))
        px = (width - pw) // 2
        self.photo.setGeometry(px, 0, pw, ph)
        if text_w <= 0:
            text_w = min(width, max(pw, CAPTION_MIN))
            text_x = (width - text_w) // 2
        y = ph + CAPTION_GAP
        for label in (self.caption, self.credit):
            if label.text():
                h = label.heightForWidth(text_w)
                label.setGeometry(text_x, y, text_w, h)
                y += h + 2
        height = y + 6
        self.resize(width, height)
        return height

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class FigureRow(QWidget):
    """Two or three photos side by side, each with its caption; stacked when narrow."""

    def __init__(self, boxes: list[FigureBox], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = boxes
        for box in boxes:
            box.setParent(self)
        self.stacked = False

    def fit(self, width: int, max_h: int) -> int:
        n = len(self.boxes)
        cell = (width - GAP * (n - 1)) // max(1, n)
        self.stacked = cell < CELL_MIN
        y = 0
        if self.stacked:
            for box in self.boxes:
                h = box.fit(width, max_h)
                box.move(0, y)
                y += h + GAP
            height = max(0, y - GAP)
        else:
            # one photo height for the row: the cells' own heights at that width, capped
            ph = min(max_h, max(round(cell / aspect(b.info)) for b in self.boxes))
            height = 0
            for i, box in enumerate(self.boxes):
                h = box.fit(cell, ph)
                box.move(i * (cell + GAP), 0)
                height = max(height, h)
        self.resize(width, height)
        return height

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


class SoundBlock(QWidget):
    """The chapter's sound in the flow: its title and credit, a play button, and the rule
    (it starts when this block comes into view, unless that is turned off with A)."""

    playRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SoundBlock")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.button = QToolButton(self)
        self.button.setObjectName("SoundPlay")
        self.button.setText("▶")
        self.button.setAccessibleName(self.tr("Play the chapter's sound"))
        self.button.clicked.connect(self.playRequested)
        self.title = QLabel(self)
        self.title.setObjectName("SoundTitle")
        self.title.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("FigureCredit")
        self.note.setWordWrap(True)

    def set_sound(self, info: MediaInfo) -> None:
        self.title.setText(info.caption or self.tr("Sound"))

    def set_auto(self, auto: bool) -> None:
        if auto:
            self.note.setText(self.tr("Plays as you reach it · A turns this off"))
        else:
            self.note.setText(self.tr("K plays it · A plays sounds as you reach them"))

    def set_playing(self, playing: bool) -> None:
        self.button.setText("❚❚" if playing else "▶")
        pause, play = self.tr("Pause the chapter's sound"), self.tr("Play the chapter's sound")
        self.button.setAccessibleName(pause if playing else play)

    def fit(self, width: int) -> int:
        self.button.setGeometry(14, 16, 40, 40)
        text_w = max(80, width - 84)
        title_h = self.title.heightForWidth(text_w)
        self.title.setGeometry(68, 12, text_w, title_h)
        note_h = self.note.heightForWidth(text_w)
        self.note.setGeometry(68, 16 + title_h, text_w, note_h)
        height = max(72, 26 + title_h + note_h)
        self.resize(width, height)
        return height

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()


def figure_style(ink: str, muted: str, panel: str, line: str, focus: str) -> str:
    """Captions on the page's paper (the gallery's panel keeps the theme's dark captions)."""
    return (
        f"#FigureCaption {{ font-size: 14px; color: {ink}; }}"
        f"#FigureCredit {{ font-size: 12px; color: {muted}; }}"
        f"#SoundBlock {{ background: {panel}; border: 1px solid {line}; border-radius: 10px; }}"
        f"#SoundTitle {{ font-size: 15px; font-weight: 600; color: {ink}; }}"
        f"#SoundPlay {{ border: 1px solid {line}; border-radius: 20px; font-size: 15px; }}"
        f"#SoundPlay:focus {{ border: 2px solid {focus}; }}"
    )
