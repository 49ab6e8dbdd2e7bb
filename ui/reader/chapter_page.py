"""One chapter on screen: the gallery large on the left, the text column on the right.

Mirrored in a right-to-left story (the layout direction the reader sets).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from story.records import Chapter
from ui.reader.gallery import Gallery
from ui.reader.images import ImageStore
from ui.reader.text import ReadingView
from ui.reader.words import ReaderWords
from ui.theme import Palette

#: The neighbours are made ready this long after a turn (its page is painted by then),
#: so a held arrow key does not lay out the chapters it runs past.
AHEAD_MS = 30


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
        self._images = images
        self._ahead: tuple[int, int, Callable[[int], Chapter]] | None = None
        self._ahead_photos: set[str] = set()  # the neighbours' first photos, scaled on arrival
        self._ahead_timer = QTimer(self, singleShot=True, interval=AHEAD_MS)
        self._ahead_timer.timeout.connect(self._make_ahead)
        images.loaded.connect(self._photo_arrived)

    def ahead(self, index: int, total: int, chapter: Callable[[int], Chapter]) -> None:
        """Soon (``AHEAD_MS``): chapters ``index`` ± 1 read, their photos asked for and
        scaled, their text laid out, so turning to one shows what is ready."""
        self._ahead = (index, total, chapter)
        self._ahead_timer.start()

    def _make_ahead(self) -> None:
        if self._ahead is None:
            return
        (index, total, chapter_at), self._ahead = self._ahead, None
        self._ahead_photos.clear()
        for n in (index + 1, index - 1):
            if not 1 <= n <= total:
                continue
            chapter = chapter_at(n)
            first: list[str] = [m.id for m in chapter.images[:1]]
            self._images.prefetch(first)
            self._images.prefetch([m.id for m in chapter.images], "thumb")
            self.prepare(chapter, total)
            self._ahead_photos.update(first)
            for media_id in first:
                image = self._images.cached(media_id)
                if image is not None:
                    self.gallery.photo.prepare(image)

    def _photo_arrived(self, media_id: str, name: str, image: QImage) -> None:
        if name == "display" and media_id in self._ahead_photos:
            self.gallery.photo.prepare(image)

    def _kicker(self, chapter: Chapter, total: int) -> str:
        kicker = self.words.chapter_of(chapter.index, total)
        if chapter.place:
            kicker += f"  ·  {chapter.place.name}"
        return kicker

    def prepare(self, chapter: Chapter, total: int) -> None:
        """Lay out a neighbouring chapter's text ahead, so turning to it is a swap."""
        self.text.prepare(
            chapter.body_md,
            kicker=self._kicker(chapter, total),
            title=chapter.title,
            standfirst=chapter.summary,
        )

    def show_chapter(self, chapter: Chapter, total: int, *, sync: bool = False) -> None:
        self.chapter = chapter
        self.text.show_markdown(
            chapter.body_md,
            kicker=self._kicker(chapter, total),
            title=chapter.title,
            standfirst=chapter.summary,
        )
        self.gallery.set_images(chapter.images, sync=sync)
        self.gallery.setVisible(bool(chapter.images))
        self.setAccessibleName(f"{self.words.chapter_number(chapter.index)}: {chapter.title}")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft)
