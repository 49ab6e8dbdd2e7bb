"""The chapters panel: the list with its buttons (add, duplicate, delete, move up and down)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from story.editing import chapters as editing
from story.ids import ChapterId
from ui.editor import undo
from ui.editor.chapter_list import ChapterListModel, ChapterListView
from ui.editor.document import EditorDocument
from ui.editor.icons import icon_buttons


class ChapterPanel(QWidget):
    currentChapterChanged = Signal(object)  # chapter id or None

    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChapterPanel")
        self.doc = doc
        self.model = ChapterListModel(doc, self)
        self.view = ChapterListView(self)
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(self._current)
        self.model.modelReset.connect(self._restore_current)
        self._current_id: ChapterId | None = None
        head = QLabel(self.tr("CHAPTERS"), self)
        head.setObjectName("PanelHeading")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        self.buttons = icon_buttons(
            self,
            bar,
            (
                ("add", self.tr("Add a chapter after this one")),
                ("duplicate", self.tr("Duplicate this chapter")),
                ("delete", self.tr("Delete this chapter")),
                ("up", self.tr("Move up")),
                ("down", self.tr("Move down")),
            ),
        )
        bar.addStretch(1)
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["duplicate"].clicked.connect(self.duplicate)
        self.buttons["delete"].clicked.connect(self.delete)
        self.buttons["up"].clicked.connect(lambda: self.move_by(-1))
        self.buttons["down"].clicked.connect(lambda: self.move_by(1))
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 12, 6, 8)
        col.setSpacing(6)
        col.addWidget(head)
        col.addWidget(self.view, 1)
        col.addLayout(bar)
        for b in self.buttons.values():
            b.setEnabled(not doc.readonly)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete)

    # -- selection ---------------------------------------------------------------------
    def current_id(self) -> ChapterId | None:
        return self._current_id

    def select(self, chapter_id: ChapterId | None) -> None:
        if chapter_id is None:
            self.view.setCurrentIndex(QModelIndex())
            return
        row = self.model.row_of(chapter_id)
        if row >= 0:
            ix = self.model.index(row)
            self.view.setCurrentIndex(ix)
            self.view.scrollTo(ix)

    def select_row(self, row: int) -> None:
        cid = self.model.chapter_id(min(row, len(self.model.chapters()) - 1))
        self.select(cid)

    def _current(self, ix: QModelIndex) -> None:
        cid = self.model.chapter_id(ix.row()) if ix.isValid() else None
        if cid != self._current_id:
            self._current_id = cid
            self.currentChapterChanged.emit(cid)

    def _restore_current(self) -> None:
        cid = self._current_id
        if cid is not None and self.model.row_of(cid) >= 0:
            self.select(cid)
        else:
            self._current_id = None
            self.select_row(0) if self.model.chapters() else self.currentChapterChanged.emit(None)

    # -- actions -----------------------------------------------------------------------
    def add(self) -> ChapterId | None:
        if self.doc.readonly:
            return None
        cid = self._current_id
        at = editing.chapter_index(self.doc.pkg, cid) + 1 if cid else len(self.model.chapters()) + 1
        new = undo.add_chapter(self.doc, at)
        self.select(new)
        return new

    def duplicate(self) -> None:
        if self.doc.readonly:
            return
        if self._current_id is not None:
            self.select(undo.duplicate_chapter(self.doc, self._current_id))

    def delete(self) -> None:
        if self.doc.readonly:
            return
        cid = self._current_id
        if cid is None:
            return
        row = self.model.row_of(cid)
        undo.delete_chapter(self.doc, cid)
        if self.model.chapters():
            self.select_row(max(0, min(row, len(self.model.chapters()) - 1)))

    def move_by(self, step: int) -> None:
        if self.doc.readonly:
            return
        cid = self._current_id
        if cid is None:
            return
        at = editing.chapter_index(self.doc.pkg, cid) + step
        if 1 <= at <= len(self.model.chapters()):
            undo.move_chapter(self.doc, cid, at)
            self.select(cid)
