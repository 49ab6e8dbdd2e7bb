"""The reader: cover, map, chapters and the about page, with keyboard navigation.

One widget, so the editor's preview is the reader itself (``ReaderView``);
``ui/reader/window.py`` puts it in a main window.

Pages sit in a stack and cross-fade (200 ms) when they change; input is never
blocked by the animation. Chapters are read through ``story.reading``; photos
come from the ImageStore, which also prefetches the neighbouring chapters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from story.errors import NotFoundError
from story.package.file import Package
from story.reading import get_chapter, get_media, list_chapters, list_maps, story_info
from story.records import Chapter
from ui.reader.audio_bar import AudioBar
from ui.reader.chapter_page import ChapterPage
from ui.reader.chapter_sound import SoundInFlow
from ui.reader.cover import CoverPage
from ui.reader.fullscreen import FullScreenViewer
from ui.reader.images import ImageStore
from ui.reader.keys import handle_key, key_table
from ui.reader.live_scheme import follow_scheme
from ui.reader.memory import ReaderMemory
from ui.reader.story_language import StoryLanguage
from ui.reader.text import ReadingView
from ui.reader.text_media import TextMedia
from ui.reader.text_render import split_heading
from ui.reader.toc import TocModel, TocPanel
from ui.reader.topbar import TopBar
from ui.reader.words import ReaderWords
from ui.schemes import reduced_motion
from ui.theme import Palette, style_sheet

FADE_MS = 200


class ReaderView(QWidget):
    titleChanged = Signal(str)

    def __init__(
        self, pkg: Package, *, sync_images: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pkg = pkg
        self.sync_images = sync_images
        self.info = story_info(pkg)
        self.chapters = list_chapters(pkg)
        self.has_map = bool(list_maps(pkg))
        self.palette_ = Palette.from_theme(self.info.theme)
        self.memory = ReaderMemory(  # a screenshot leaves the reader's place untouched
            f"{self.info.title}|{self.chapters[0].title if self.chapters else ''}",
            remember=not sync_images,
        )
        self.language = StoryLanguage(pkg, self.memory, self)  # a translation (format 4)
        self.info, self.chapters = self.language.translate(self.info, self.chapters)
        self.visited = self.memory.visited
        self.current: int | None = None
        self._chapter_cache: dict[int, Chapter] = {}
        self.images = ImageStore(pkg, parent=self)
        self.setObjectName("ReaderRoot")
        self.setAccessibleName(self.info.title)  # the focusable page holding the reader's keys
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(style_sheet(self.palette_))

        # the reader's own words in the story's language, its pages in its direction
        self.words = ReaderWords(self.info.language, self.info.title)
        self.setLayoutDirection(self.words.direction)
        self.topbar = TopBar(self)
        self.topbar.set_words(self.words)
        self.topbar.title.setText(self.info.title)
        self.toc_model = TocModel(self.palette_.accent, self)
        self.toc_model.set_chapters(self.chapters)
        self.toc = TocPanel(self.toc_model, self)
        self.toc.hide()
        self.stack = QStackedWidget(self)
        self.cover = CoverPage(self)
        self.chapter_page = ChapterPage(self.images, self.palette_, self)
        self.chapter_page.words = self.words
        self.chapter_page.set_story(pkg, self.chapters, self.has_map)
        self.about_page = ReadingView(self.palette_, self)
        self.about_page.setObjectName("AboutText")
        text_media = TextMedia(pkg, self.images)  # media: images in the text, nothing else
        self.chapter_page.text.set_media(text_media)
        self.about_page.set_media(text_media)
        self.map_page: Any = None  # StoryMapView, imported on first use
        for page in (self.cover, self.chapter_page, self.about_page):
            self.stack.addWidget(page)
        self.audio = AudioBar(self.palette_.accent, self)
        self.audio.hide()
        self.viewer = FullScreenViewer(self.images, self)
        self.viewer.closed.connect(lambda i: self.chapter_page.gallery.show_index(i))

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.toc)
        body.addWidget(self.stack, 1)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.topbar)
        col.addLayout(body, 1)
        col.addWidget(self.audio)

        self._wire()
        self._fill_cover()
        self.language.install(self)
        follow_scheme(self)  # the desktop's light or dark, followed while open (ui/schemes)

    # -- set-up -----------------------------------------------------------------
    def _wire(self) -> None:
        tb = self.topbar
        tb.contents.toggled.connect(self._show_toc)
        self.toc.closeRequested.connect(lambda: tb.contents.setChecked(False))
        tb.cover.clicked.connect(self.show_cover)
        tb.map.clicked.connect(self.show_map)
        tb.prev.clicked.connect(self.previous_chapter)
        tb.next.clicked.connect(self.next_chapter)
        self.toc.chapterChosen.connect(self.show_chapter)
        self.toc.aboutChosen.connect(self.show_about)
        self.cover.startRequested.connect(self.start_reading)
        self.cover.mapRequested.connect(self.show_map)
        self.cover.aboutRequested.connect(self.show_about)
        page = self.chapter_page
        page.gallery.fullScreenRequested.connect(self.open_full_screen)
        page.photoOpened.connect(lambda a, i: self.viewer.open_at(a, i, windowed=self.sync_images))
        page.side_map.chapterActivated.connect(self.show_chapter)
        self.sound = SoundInFlow(self.audio, page.sound, remember=not self.sync_images)
        self.sound.sync = self.sync_images  # a screenshot never starts a sound
        page.slots.soundInView.connect(self.sound.in_view)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.keys = key_table(self)

        for seq, step in (
            (QKeySequence.StandardKey.ZoomIn, 0.1),
            (QKeySequence.StandardKey.ZoomOut, -0.1),
        ):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda step=step: self.set_text_scale(self.text_scale + step))
        reset = QShortcut(QKeySequence("Ctrl+0"), self)
        reset.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reset.activated.connect(lambda: self.set_text_scale(1.0))
        self.set_text_scale(self.memory.text_scale)

    def _show_toc(self, shown: bool) -> None:
        """Open the contents with focus in its list (T); closing gives focus back."""
        focus = self.window().focusWidget()
        self.toc.setVisible(shown)
        if shown:
            self.toc.list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif focus is None or self.toc.isAncestorOf(focus):
            self.setFocus()

    def set_text_scale(self, scale: float) -> None:
        """Text size for every page of text (Ctrl+Plus / Ctrl+Minus / Ctrl+0), remembered."""
        self.text_scale = round(max(0.8, min(2.0, scale)), 2)
        for page in (self.chapter_page.text, self.about_page):
            page.set_text_scale(self.text_scale)
        self.memory.text_scale = self.text_scale

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the focused widget did not use (the map and lists use their own) land here."""
        if handle_key(self, event):
            event.accept()
        else:
            super().keyPressEvent(event)

    def enter(self) -> None:
        if self.stack.currentWidget() is self.cover:
            self.start_reading()

    def _fill_cover(self) -> None:
        credit = ""
        self.topbar.map.setVisible(self.has_map)  # no map: nothing offers one
        self.cover.set_has_map(self.has_map)
        image = None
        if self.info.cover_media_id:
            image = self.images.load_now(self.info.cover_media_id)
            try:
                credit = self.language.media(get_media(self.pkg, self.info.cover_media_id)).credit
            except NotFoundError:
                credit = ""
        self.cover.set_picture(image, self.palette_)
        self.cover_credit = credit
        self.cover.set_story(self.info, len(self.chapters), credit, self.words)
        title, body = split_heading(self.info.about_md or "")
        self.about_page.show_markdown(
            body, kicker=self.info.title, title=title or self.words.about_story()
        )

    # -- navigation ---------------------------------------------------------------
    def _switch(self, page: QWidget) -> None:
        if self.stack.currentWidget() is page:
            return
        self.stack.setCurrentWidget(page)
        focus = self.window().focusWidget()
        if page is not self.map_page and not (focus and self.topbar.isAncestorOf(focus)):
            self.setFocus()  # a top-bar button keeps focus: Enter again goes on
        self.topbar.map.setChecked(page is self.map_page and page is not None)
        if self.sync_images or not self.isVisible() or reduced_motion():
            return  # no cross-fade when the system or the setting asks for calm (ui/schemes)
        effect = QGraphicsOpacityEffect(page)
        page.setGraphicsEffect(effect)
        anim = QPropertyAnimation(effect, b"opacity", page)
        anim.setDuration(FADE_MS)
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        anim.finished.connect(lambda: page.setGraphicsEffect(None))  # type: ignore[arg-type]
        anim.start(QPropertyAnimation.DeletionPolicy.DeleteWhenStopped)

    def chapter(self, index: int) -> Chapter:
        if index not in self._chapter_cache:
            self._chapter_cache[index] = self.language.chapter(get_chapter(self.pkg, index))
        return self._chapter_cache[index]

    def show_chapter(self, index: int) -> None:
        if not self.chapters:
            return
        index = max(1, min(index, len(self.chapters)))
        chapter = self.chapter(index)
        self.current = index
        self.audio.load(self.pkg, chapter.audio[0] if chapter.audio else None)
        self.chapter_page.show_chapter(chapter, len(self.chapters), sync=self.sync_images)
        self.language.shown(chapter)
        self._switch(self.chapter_page)
        self.visited = self.memory.mark_visited(index)
        self.memory.last_view = f"chapter:{index}"
        self._update_state()
        self._prefetch(index)
        if self.map_page is not None:
            self.map_page.focus_chapter(index, animate=False)

    def _prefetch(self, index: int) -> None:
        """After the page is shown: the neighbours' records, photos, text and scaled photo."""
        self.chapter_page.ahead(index, len(self.chapters), self.chapter)

    def _at(self) -> int | None:
        """The chapter Previous / Next count from: the one shown, or on the map the current one."""
        page = self.stack.currentWidget()
        on_map = self.map_page is not None and page is self.map_page
        return self.current if page is self.chapter_page or on_map else None

    def next_chapter(self) -> None:
        at = self._at()
        on_map = self.map_page is not None and self.stack.currentWidget() is self.map_page
        if at is None and on_map:
            self.show_chapter(1)
        elif at is None:
            self.start_reading()
        elif at < len(self.chapters):
            self.show_chapter(at + 1)

    def previous_chapter(self) -> None:
        at = self._at()
        if at is not None and at > 1:
            self.show_chapter(at - 1)

    def start_reading(self) -> None:
        self.show_chapter(self.current or 1)

    def show_cover(self) -> None:
        self.audio.stop()
        self.audio.hide()
        self._switch(self.cover)
        self.memory.last_view = "cover"
        self._update_state()

    def show_about(self) -> None:
        self.audio.stop()
        self.audio.hide()
        self._switch(self.about_page)
        self.memory.last_view = "about"
        self._update_state()

    def show_map(self) -> None:
        if not self.has_map:
            return
        page = self._ensure_map()
        self.audio.stop()
        self.audio.hide()
        self._switch(page)
        if self.current is not None and hasattr(page, "focus_chapter"):
            page.focus_chapter(self.current, animate=not self.sync_images)
        page.setFocus()
        self.memory.last_view = "map"
        self._update_state()

    def toggle_map(self) -> None:
        if not self.has_map:
            return
        if self.map_page is not None and self.stack.currentWidget() is self.map_page:
            self.show_chapter(self.current) if self.current else self.show_cover()
        else:
            self.show_map()

    def _ensure_map(self) -> QWidget:
        if self.map_page is None:
            try:
                from ui.map.view import StoryMapView
            except ImportError:
                page: QWidget = QLabel(self.tr("The map is not available in this build."), self)
            else:
                view = StoryMapView(self)
                view.set_story_maps(self.pkg, self.chapters)
                view.chapterActivated.connect(self.show_chapter)
                page = view
            self.map_page = page
            self.stack.addWidget(page)
            self._update_state()
        return self.map_page

    def open_full_screen(self, index: int) -> None:
        if self.stack.currentWidget() is self.chapter_page and self.chapter_page.gallery.items:
            self.viewer.open_at(self.chapter_page.gallery.items, index, windowed=self.sync_images)

    def scroll_text(self, pages: float) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, ReadingView):
            page.scroll_by_page(pages)
        elif page is self.chapter_page:
            self.chapter_page.text.scroll_by_page(pages)

    def escape(self) -> None:
        if self.toc.isVisible():
            self.topbar.contents.setChecked(False)
        elif self.stack.currentWidget() is self.map_page and self.current:
            self.show_chapter(self.current)

    def _update_state(self) -> None:
        on_chapter = self.stack.currentWidget() is self.chapter_page
        shown = self.current if on_chapter else None
        self.topbar.set_position(shown, len(self.chapters), at=self._at())
        self.toc_model.set_state(shown, self.visited)
        self.toc.select(shown)
        if self.map_page is not None and hasattr(self.map_page, "set_current"):
            self.map_page.set_current(self.current)
            self.map_page.set_visited(self.visited)

    def restore(self, view: str) -> None:
        """Open at a remembered or requested place: 'cover', 'map', 'about', 'chapter:N'."""
        if view.startswith("chapter:") and view[8:].isdigit() and self.chapters:
            self.show_chapter(int(view[8:]))
        elif view == "map" and self.has_map:
            self.show_map()
        elif view == "about":
            self.show_about()
        else:
            self.show_cover()

    def shutdown(self) -> None:
        """Stop sound and write down where the reader was (the window calls this on close)."""
        self.audio.stop()
        self.viewer.close()
        self.memory.sync()

    def reload(self) -> None:
        """Read the package again after an edit (the editor's preview) and stay in place."""
        self.info = story_info(self.pkg)
        self.chapters = list_chapters(self.pkg)
        self.info, self.chapters = self.language.translate(self.info, self.chapters)
        self.has_map = bool(list_maps(self.pkg))
        self._chapter_cache.clear()
        self.images.clear()
        self.chapter_page.text.forget_prepared()
        self.words = ReaderWords(self.info.language, self.info.title)  # a language edited
        self.setLayoutDirection(self.words.direction)
        self.topbar.set_words(self.words)
        self.chapter_page.words = self.words
        self.language.refresh(self)
        self.topbar.title.setText(self.info.title)
        self.toc_model.set_chapters(self.chapters)
        self.chapter_page.set_story(self.pkg, self.chapters, self.has_map)
        self._fill_cover()
        if self.map_page is not None and hasattr(self.map_page, "set_story_maps"):
            self.map_page.set_story_maps(self.pkg, self.chapters)
        if self.stack.currentWidget() is self.chapter_page and self.current:
            self.show_chapter(min(self.current, len(self.chapters)))
        else:
            self._update_state()
