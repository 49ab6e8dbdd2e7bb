"""One chapter on screen: the gallery large on the left, the text column on the right.

Mirrored in a right-to-left story (the layout direction the reader sets).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from story.records import Chapter
from ui.reader.gallery import Gallery
from ui.reader.images import ImageStore
from ui.reader.text import ReadingView
from ui.reader.words import ReaderWords
from ui.theme import Palette


class ChapterPage(QWidget):
    def __init__(self, images: ImageStore, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.chapter: Chapter | None = None
        self.words = ReaderWords(None)  # the story's language: the reader sets it
        self.gallery = Gallery(images, self)
        self.text = ReadingView(palette, self)
        self.text.setObjectName("ChapterText")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.gallery, 11)
        row.addWidget(self.text, 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row, 1)

    def show_chapter(self, chapter: Chapter, total: int, *, sync: bool = False) -> None:
        self.chapter = chapter
        kicker = self.words.chapter_of(chapter.index, total)
        if chapter.place:
            kicker += f"  ·  {chapter.place.name}"
        self.text.show_markdown(
            chapter.body_md, kicker=kicker, title=chapter.title, standfirst=chapter.summary
        )
        self.gallery.set_images(chapter.images, sync=sync)
        self.gallery.setVisible(bool(chapter.images))
        self.setAccessibleName(f"{self.words.chapter_number(chapter.index)}: {chapter.title}")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft)
