"""The editor window: chapters on the left, the story / chapter / media / place tabs in the
middle, the checks on the right; F5 swaps all of it for the reader at the chapter in hand.

Nothing here is saved by a "Save": every edit is an undo step that commits
as it happens. The window's modified mark follows the undo stack's clean state.
The window builds the panels and wires them; its helpers (``opening``,
``welcome``, ``actions``) get only the parts they drive.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from story.errors import StoryError
from story.ids import ChapterId, MediaId
from story.package.file import Package
from story.reading import story_info
from story.validation import Problem
from ui.editor import actions, layout, navigation
from ui.editor.actions import STORY_ACTIONS, TAB_ACTIONS, WRITING_ACTIONS, Action
from ui.editor.chapter_editor import ChapterEditor
from ui.editor.chapter_panel import ChapterPanel
from ui.editor.document import Change, EditorDocument, Notice
from ui.editor.fields import flush_all
from ui.editor.icons import icon
from ui.editor.imports import ImportController
from ui.editor.insert_media import InsertMedia
from ui.editor.media_models import Thumbs
from ui.editor.media_panel import MediaPanel
from ui.editor.opening import Opening
from ui.editor.places import PlaceEditor
from ui.editor.preview import Preview
from ui.editor.status import StatusLine, story_body
from ui.editor.story_details import StoryDetails
from ui.editor.style import editor_style, follow_scheme
from ui.editor.validation_panel import ValidationPanel
from ui.editor.welcome import Welcome
from ui.i18n import fill
from ui.theme import Palette

TABS = ("story", "chapter", "media", "place")


class EditorWindow(QMainWindow):
    def __init__(self, pkg: Package | None = None, *, sync: bool = False) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Storyport Editor"))
        self.setAcceptDrops(True)
        self.sync = sync
        self._closing = False
        self.palette_ = Palette.for_scheme()  # the scheme in force (ui/schemes.py)
        self.setStyleSheet(editor_style(self.palette_))
        follow_scheme(self)  # the desktop's light or dark, followed while open
        self.doc: EditorDocument | None = None
        self.chapters: ChapterPanel | None = None
        self.pages = QStackedWidget(self)
        self.welcome = Welcome(self)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)
        self.status = st = StatusLine(self)
        self.status_text, self.words, self.checks = st.text, st.words, st.checks
        self.progress, self.cancel_import = st.progress, st.cancel
        self.opening = Opening(
            self,
            self.welcome,
            self.progress,
            say=self.say,
            show_package=self.set_package,
            show_welcome=lambda: self.pages.setCurrentWidget(self.welcome),
        )
        self.welcome.newRequested.connect(self.opening.ask_new)
        self.welcome.openRequested.connect(self.opening.ask_open)
        self.welcome.pathChosen.connect(lambda p, ro: self.open_path(p, readonly=ro))
        self.welcome.dismissed.connect(self._back_to_story)
        self.actions_, self.recent_menu = actions.build(self, self._slots(), self.fill_recent)
        self._update_actions()
        if pkg is not None:
            self.set_package(pkg)
        layout.restore_geometry(self)

    # -- building around a package ------------------------------------------------------
    def set_package(self, pkg: Package) -> None:
        self.close_document()
        doc = self.doc = EditorDocument(pkg, self)
        thumbs = Thumbs(doc)
        self.chapters = ChapterPanel(doc, self)
        self.details = StoryDetails(doc, self)
        self.editor = ChapterEditor(doc, thumbs, Palette.from_theme(story_info(pkg).theme), self)
        self.inserter = InsertMedia(self.editor, doc, thumbs)  # Ctrl+Shift+I; preview images
        self.media = MediaPanel(doc, thumbs, self)
        self.places = PlaceEditor(doc, self)
        self.checks_panel = ValidationPanel(doc, self)
        self.preview = Preview(doc, self)
        self.imports = ImportController(doc, self.progress, self.cancel_import, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("EditorTabs")
        self.tabs.setDocumentMode(True)
        for widget, label, name in (
            (self.details, self.tr("Story"), "cover"),
            (self.editor, self.tr("Chapter"), "new"),
            (self.media, self.tr("Media"), "import"),
            (self.places, self.tr("Place"), "place"),
        ):
            self.tabs.addTab(widget, icon(name), label)
        self.tabs.setCurrentIndex(1)
        self._tab_order()
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setObjectName("MainSplit")
        self.split.addWidget(self.chapters)
        self.split.addWidget(self.tabs)
        self.split.addWidget(self.checks_panel)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([250, 900, 290])
        self.splitters = {"splitter": self.split, "body": self.editor.split, "media": self.media}
        layout.restore_layout(self.splitters)
        self.body, self.banner = story_body(self, pkg, self.split)
        self.pages.addWidget(self.body)
        self.pages.addWidget(self.preview)
        self.pages.setCurrentWidget(self.body)

        self.chapters.currentChapterChanged.connect(self._chapter_chosen)
        self.chapters.model.filesDropped.connect(lambda cid, paths: self.imports.start(paths, cid))
        self.editor.strip.filesDropped.connect(lambda cid, paths: self.imports.start(paths, cid))
        self.editor.strip.importRequested.connect(self.ask_import)
        self.editor.strip.mediaChosen.connect(self.show_media)
        self.editor.add_button.clicked.connect(self.chapters.add)
        self.editor.wordsChanged.connect(
            lambda n: self.words.setText(self.tr("%Ln word(s)", "", n))
        )
        self.media.first = self._first_media
        self.media.importRequested.connect(lambda: self.ask_import(None))
        self.media.model.filesDropped.connect(lambda paths: self.imports.start(paths, None))
        self.media.details.replaceRequested.connect(self.imports.ask_replace)
        self.media.details.chapterRequested.connect(self._go_chapter)
        self.details.coverChooseRequested.connect(lambda: self.show_tab(2))
        self.places.map.chapterActivated.connect(self._marker_chosen)
        self.checks_panel.problemActivated.connect(self.go_to_problem)
        self.checks_panel.checked.connect(
            lambda e, w: self.status.checked(e, w, has_chapters=bool(self.checks_panel.chapters))
        )
        self.imports.message.connect(self.say)
        doc.stack.cleanChanged.connect(self._clean_changed)
        doc.stack.indexChanged.connect(self._update_actions)
        doc.changed.connect(self._story_changed)
        self.chapters.select_row(0)
        self._chapter_chosen(self.chapters.current_id())
        self._title()
        self._update_actions()

    def _tab_order(self) -> None:
        """Tab goes list -> title -> summary -> text -> media strip -> checks, as one reads."""
        assert self.chapters is not None
        chain = [
            self.chapters.view,
            self.editor.title,
            self.editor.summary,
            self.editor.body,
            self.editor.strip.view,
            self.checks_panel.view,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def close_document(self) -> None:
        if self.doc is None:
            return
        flush_all(self)
        self._save_layout()
        if self.imports.running:
            self.imports.cancel()
        self.preview.leave()
        for w in (self.body, self.preview):
            self.pages.removeWidget(w)
            w.deleteLater()
        self.doc.close()
        self.doc.deleteLater()
        self.doc = None
        self.chapters = None
        self.pages.setCurrentWidget(self.welcome)
        self.welcome.refresh()
        self._update_actions()
        self.setWindowTitle(self.tr("Storyport Editor"))

    # -- state ------------------------------------------------------------------------
    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _story_changed(self, n: Notice) -> None:
        if n.kind is Change.STORY:
            self._title()

    def _back_to_story(self) -> None:
        if self.doc is not None:
            self.pages.setCurrentWidget(self.body)

    def _title(self, *_: object) -> None:
        if self.doc is None:
            return
        title = story_info(self.doc.pkg).title or self.tr("Untitled story")
        ro = self.tr(" (read-only)") if self.doc.readonly else ""
        self.setWindowTitle(
            f"{title} — {self.doc.path.name}{ro}[*] — {self.tr('Storyport Editor')}"
        )

    def _update_actions(self, *_: object) -> None:
        if self._closing:
            return
        has = self.doc is not None
        writable = has and not self.doc.readonly  # type: ignore[union-attr]
        a = self.actions_
        for k in WRITING_ACTIONS:
            a[k].setEnabled(writable)
        for k in STORY_ACTIONS:
            a[k].setEnabled(has)
        a[Action.UNDO].setEnabled(writable and self.doc.stack.canUndo())  # type: ignore[union-attr]
        a[Action.REDO].setEnabled(writable and self.doc.stack.canRedo())  # type: ignore[union-attr]
        if writable:
            stack = self.doc.stack  # type: ignore[union-attr]
            undo, redo = stack.undoText(), stack.redoText()
            a[Action.UNDO].setText(fill(self.tr("&Undo %1"), undo) if undo else self.tr("&Undo"))
            a[Action.REDO].setText(fill(self.tr("&Redo %1"), redo) if redo else self.tr("&Redo"))

    def say(self, text: str) -> None:
        self.status.say(text)

    def _chapter_chosen(self, chapter_id: ChapterId | None) -> None:
        self.editor.set_chapter(chapter_id)
        self.places.set_chapter(chapter_id)

    def _marker_chosen(self, number: int) -> None:
        if self.chapters is not None:
            self.chapters.select_row(number - 1)

    def _go_chapter(self, number: int) -> None:
        if number == 0:
            self.show_tab(0)
        elif self.chapters is not None:
            self.chapters.select_row(number - 1)
            self.show_tab(1)

    def show_tab(self, i: int) -> None:
        if self.doc is None:
            return
        if self.pages.currentWidget() is self.preview:
            self.toggle_preview()
        self.tabs.setCurrentIndex(i)

    def _first_media(self) -> MediaId | None:
        ids = self.editor.strip.model.ids()
        if ids:
            return ids[0]
        m = self.media.model.item(0)
        return m.id if m else None

    def show_media(self, media_id: MediaId) -> None:
        self.show_tab(2)
        self.media.select(media_id)

    # -- actions --------------------------------------------------------------------
    def undo(self) -> None:
        if self.doc is not None:
            flush_all(self)
            self.doc.stack.undo()

    def redo(self) -> None:
        if self.doc is not None:
            flush_all(self)
            self.doc.stack.redo()

    def _on_chapters(self, act: Callable[[ChapterPanel], object]) -> Callable[[], object]:
        """A chapters-panel action from a menu or key, done when a story is open."""
        return lambda: None if self.chapters is None else act(self.chapters)

    def _slots(self) -> dict[Action, Callable[[], object]]:
        slots: dict[Action, Callable[[], object]] = {
            Action.NEW: self.opening.ask_new,
            Action.OPEN: self.opening.ask_open,
            Action.IMPORT: self.ask_import,
            Action.EXPORT: self._ask_export,
            Action.PUBLISH_WEB: partial(actions.publish_web, self),
            Action.CLOSE: self.close,
            Action.QUIT: self.close,
            Action.UNDO: self.undo,
            Action.REDO: self.redo,
            Action.ADD_CHAPTER: self._on_chapters(ChapterPanel.add),
            Action.DUPLICATE_CHAPTER: self._on_chapters(ChapterPanel.duplicate),
            Action.DELETE_CHAPTER: self._on_chapters(ChapterPanel.delete),
            Action.RENAME_CHAPTER: self.rename_current,
            Action.MOVE_UP: self._on_chapters(lambda p: p.move_by(-1)),
            Action.MOVE_DOWN: self._on_chapters(lambda p: p.move_by(1)),
            Action.PREVIEW: self.toggle_preview,
            Action.ABOUT: partial(actions.show_about, self),
            **actions.library_slots(self),
            Action.TRANSLATIONS: partial(actions.open_translations, self),
        }
        for i, tab in enumerate(TAB_ACTIONS):
            slots[tab] = partial(self.show_tab, i)
        return slots

    def _ask_export(self) -> None:
        if self.doc is not None:
            self.opening.ask_export(self.doc.path)

    def rename_current(self) -> None:
        if self.chapters is not None:
            self.show_tab(1)
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def toggle_preview(self) -> None:
        if self.doc is None:
            return
        if self.pages.currentWidget() is self.preview:
            self.preview.leave()
            self.pages.setCurrentWidget(self.body)
            self.actions_[Action.PREVIEW].setChecked(False)
            self.say(self.tr("Back to editing"))
            return
        flush_all(self)
        panel = self.chapters
        cid = panel.current_id() if panel is not None else None
        number = panel.model.row_of(cid) + 1 if panel is not None and cid is not None else None
        self.pages.setCurrentWidget(self.preview)
        self.preview.show_at(number, sync=self.sync)
        self.actions_[Action.PREVIEW].setChecked(True)
        self.say(self.tr("Preview: this is what readers see. F5 goes back to editing."))

    def go_to_problem(self, p: Problem) -> None:
        navigation.go_to_problem(self, p)

    def new_package(self, path: Path) -> bool:
        return self.opening.create(path)

    def open_path(self, path: Path, *, readonly: bool = False) -> bool:
        return self.opening.open(path, readonly=readonly)

    def fill_recent(self) -> None:
        if self.recent_menu is not None:
            self.opening.fill_recent(self.recent_menu)

    def ask_import(self, chapter_id: ChapterId | None = None) -> None:
        if self.doc is None or self.doc.readonly:
            return
        if chapter_id is None and self.tabs.currentIndex() == 1 and self.chapters is not None:
            chapter_id = self.chapters.current_id()
        self.imports.ask_import(chapter_id)

    # -- window events ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        pkgs = [p for p in paths if p.suffix == ".storypkg"]
        if pkgs:
            self.open_path(pkgs[0])
        elif paths and self.doc is not None:
            self.imports.start([str(p) for p in paths], None)
        event.acceptProposedAction()

    def _save_layout(self) -> None:
        layout.save_layout(self, self.splitters if self.doc is not None else None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a small screen the side columns give way to the page (Media details' buttons)."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_columns)  # once the splitter has its new width

    def _fit_columns(self) -> None:
        if self.doc is not None:  # no story open: its columns are gone
            layout.fit_columns(self.split, self.editor, self.media)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        try:
            self.close_document()
        except StoryError as exc:
            self.say(str(exc))
        self._save_layout()
        super().closeEvent(event)
