"""One chapter on screen, read by scrolling: title, lead picture, sound, text, gallery.

The page is one scrolling text (``ReadingView``) whose document keeps room
for the lead picture, the curator's figures, the sound's block and the
gallery (``chapter_flow``); their widgets lie over that room
(``chapter_slots``). On wide windows a small map sits beside the text for
chapters with a place (``chapter_map``); narrow windows have one column, the
picture above the text. Mirrored in a right-to-left story (the layout
direction the reader sets). Neighbouring chapters are made ready ahead:
their records, photos, laid-out document and widgets, so a turn is a swap.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from story.package.file import Package
from story.records import Chapter, ChapterSummary, MediaInfo
from ui.reader.chapter_figures import SoundBlock, figure_style
from ui.reader.chapter_flow import Slot
from ui.reader.chapter_map import ChapterMap
from ui.reader.chapter_slots import SlotWidgets
from ui.reader.gallery import Gallery
from ui.reader.images import ImageStore
from ui.reader.text import ReadingView
from ui.reader.words import ReaderWords
from ui.theme import Palette

#: The neighbours are made ready this long after a turn (its page is painted by then),
#: so a held arrow key does not lay out the chapters it runs past.
AHEAD_MS = 30


def chapter_slots(chapter: Chapter) -> tuple[Slot, ...]:
    """The page's own slots: the lead picture, the sound, the gallery (2+ photos)."""
    slots: list[Slot] = []
    images = chapter.images
    if images:
        slots.append(Slot("lead", images[:1], "full", (images[0].alt,)))
    if chapter.audio:
        slots.append(Slot("sound", chapter.audio[:1]))
    if len(images) > 1:
        slots.append(Slot("gallery", images))
    return tuple(slots)


class ChapterPage(QWidget):
    #: a photo in the page asks for the full-screen viewer: (the photos, which one)
    photoOpened = Signal(object, int)

    def __init__(self, images: ImageStore, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.chapter: Chapter | None = None
        self._sync = False
        self.words = ReaderWords(None)  # the story's language: the reader sets it
        self.text = ReadingView(palette, self)
        self.text.setObjectName("ChapterText")
        self.sound = SoundBlock(self.text.viewport())
        self.sound.hide()
        self.gallery = Gallery(images, self.text.viewport())
        self.gallery.hide()
        self.text.viewport().setStyleSheet(
            figure_style(palette.ink, palette.muted, palette.panel, palette.line, palette.focus)
        )
        self.slots = SlotWidgets(self.text, images, self.gallery, self.sound, palette.panel)
        self.slots.opened.connect(self._open)
        self.side_map = ChapterMap(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.text, 1)
        row.addWidget(self.side_map)
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

    def set_story(self, pkg: Package, chapters: list[ChapterSummary], has_map: bool) -> None:
        """The story the side map shows (none when it has no map)."""
        self.side_map.set_story(pkg, chapters, has_map)

    def ahead(self, index: int, total: int, chapter: Callable[[int], Chapter]) -> None:
        """Soon (``AHEAD_MS``): chapters ``index`` ± 1 read, their photos asked for and
        scaled, their page laid out with its widgets, so turning to one shows what is ready."""
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
            if n == index + 1:  # the next lead photo decoded now, in the pause after a turn,
                for media_id in first:  # so the next turn finds it scaled, not arriving
                    self._images.load_now(media_id)
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
        """Lay out a neighbouring chapter's page ahead, widgets too, so turning to it is a swap."""
        doc = self.text.prepare(
            chapter.body_md,
            kicker=self._kicker(chapter, total),
            title=chapter.title,
            standfirst=chapter.summary,
            slots=chapter_slots(chapter),
        )
        self.slots.prepare(doc)

    def show_chapter(self, chapter: Chapter, total: int, *, sync: bool = False) -> None:
        self.chapter = chapter
        self._sync = sync
        self._fit_side()  # the text's width first: the page is laid out once, at its width
        self.text.show_markdown(
            chapter.body_md,
            kicker=self._kicker(chapter, total),
            title=chapter.title,
            standfirst=chapter.summary,
            slots=chapter_slots(chapter),
        )
        self.gallery.set_images(chapter.images, sync=sync)
        self.slots.show_document(sync)
        if chapter.audio:
            self.sound.set_sound(chapter.audio[0])
        self.setAccessibleName(f"{self.words.chapter_number(chapter.index)}: {chapter.title}")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._tab_order()
        if self.side_map.isVisibleTo(self):
            self.side_map.follow(chapter.index, sync=sync)

    def _tab_order(self) -> None:
        """Tab follows the page: the text and its links, the photos and the sound in the
        order they come, then the gallery's thumbnails."""
        chain: list[QWidget] = [self.text]
        boxes = self.slots.boxes
        if boxes and self.chapter is not None and self.chapter.images:
            chain.append(boxes[0].photo)  # the lead picture, right under the title
            boxes = boxes[1:]
        if self.chapter is not None and self.chapter.audio:
            chain.append(self.sound.button)
        chain.extend(box.photo for box in boxes)
        if self.gallery.isVisibleTo(self.text.viewport()):
            chain.extend(self.gallery.strip.buttons[:1])
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _open(self, info: MediaInfo) -> None:
        items = self.chapter.images if self.chapter is not None else ()
        ids = [m.id for m in items]
        if info.id in ids:
            self.photoOpened.emit(items, ids.index(info.id))
        else:  # another chapter's photo, placed here by the curator
            self.photoOpened.emit((info,), 0)

    # -- layout: the map beside the text on wide windows ----------------------
    def _fit_side(self) -> None:
        has_place = self.chapter is not None and self.chapter.place is not None
        wanted = self.side_map.wanted(self.width(), has_place)
        if wanted:
            self.side_map.setFixedWidth(self.side_map.width_for(self.width()))
        if wanted != self.side_map.isVisibleTo(self):
            self.side_map.setVisible(wanted)
            if (layout := self.layout()) is not None:
                layout.activate()  # the text's new width now, not at the next event
            if wanted and self.chapter is not None:
                self.side_map.follow(self.chapter.index, sync=self._sync)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_side()
