"""The reader's first screen drawn from a cover snapshot, while the package is still unopened.

It is laid out exactly like the reader's cover (the same top bar, cover page
and style sheet), so when the full reader takes its place nothing moves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.reader.cover import CoverPage
from ui.reader.snapshot import CoverSnapshot
from ui.reader.topbar import TopBar
from ui.reader.words import ReaderWords
from ui.theme import Palette, style_sheet


class FirstPaint(QWidget):
    def __init__(self, snap: CoverSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReaderRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # as the reader: no button focused
        palette = Palette.from_theme(snap.info.theme)
        self.setStyleSheet(style_sheet(palette))
        words = ReaderWords(snap.info.language, snap.info.title)
        self.setLayoutDirection(words.direction)
        self.topbar = TopBar(self)
        self.topbar.set_words(words)
        self.topbar.title.setText(snap.info.title)
        self.topbar.set_position(None, snap.chapters)
        self.cover = CoverPage(self)
        self.cover.set_story(snap.info, snap.chapters, snap.credit, words)
        self.topbar.map.setVisible(snap.has_map)
        self.cover.set_has_map(snap.has_map)
        self.cover.set_picture(QImage(str(snap.image)) if snap.image else None, palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.topbar)
        layout.addWidget(self.cover, 1)
