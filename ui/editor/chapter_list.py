"""The chapters list: a lazy item model with drag-and-drop reordering, and its panel.

The model reads the chapter summaries in one query (no bodies, no media) and
hands them to the view in pages of 200 (``canFetchMore``/``fetchMore``), so a
1,000-chapter story opens at once. A rename updates one row; a move, add or
delete re-reads the list (one query). Dropping files from the desktop on a
row asks for them to be imported into that chapter.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from story import editing
from story.records import ChapterSummary
from ui.editor import commands
from ui.editor.document import EditorDocument
from ui.editor.icons import icon

MIME = "application/x-storyport-chapter"
PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class ChapterListModel(QAbstractListModel):
    filesDropped = Signal(int, list)  # chapter id, paths

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._all: list[ChapterSummary] = []
        self._shown = 0
        self._row_of: dict[int, int] = {}
        self.reload()
        doc.changed.connect(self._changed)

    # -- data ------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._all = editing.chapter_summaries(self.doc.pkg)
        self._row_of = {c.id: i for i, c in enumerate(self._all)}
        self._shown = min(len(self._all), max(PAGE, self._shown))
        self.endResetModel()

    def _changed(self, kind: str, key: object) -> None:
        if kind == "chapters":
            self.reload()
        elif kind == "moved" and isinstance(key, tuple):
            self._move(*key)
        elif kind == "inserted" and isinstance(key, tuple):
            self._insert(*key)
        elif kind == "removed" and isinstance(key, int):
            self._remove(key)
        elif kind in ("chapter", "place") and isinstance(key, int) and key in self._row_of:
            row = self._row_of[key]
            old = self._all[row]
            text = editing.chapter_text(self.doc.pkg, key)
            self._all[row] = ChapterSummary(
                old.index,
                old.id,
                text["title"],
                text["summary"],
                editing.get_place(self.doc.pkg, key),
            )
            if row < self._shown:
                ix = self.index(row)
                self.dataChanged.emit(ix, ix)

    def _move(self, chapter_id: int, to_index: int) -> None:
        """Follow a move without re-reading the list: only the rows in between renumber."""
        src = self._row_of[chapter_id]
        dst = max(0, min(len(self._all) - 1, to_index - 1))
        if src == dst:
            return
        while max(src, dst) >= self._shown and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dst + 1 if dst > src else dst)
        self._all.insert(dst, self._all.pop(src))
        lo, hi = min(src, dst), max(src, dst)
        for row in range(lo, hi + 1):
            self._row_of[self._all[row].id] = row
        self.endMoveRows()
        self.dataChanged.emit(self.index(lo), self.index(hi))  # their numbers changed

    def _renumber_from(self, row: int) -> None:
        for r in range(row, len(self._all)):
            self._row_of[self._all[r].id] = r
        if row < self._shown:
            self.dataChanged.emit(self.index(row), self.index(self._shown - 1))

    def _insert(self, chapter_id: int, at: int) -> None:
        """Follow an added chapter without re-reading the whole list."""
        row = max(0, min(len(self._all), at - 1))
        text = editing.chapter_text(self.doc.pkg, chapter_id)
        c = ChapterSummary(
            at,
            chapter_id,
            text["title"],
            text["summary"],
            editing.get_place(self.doc.pkg, chapter_id),
        )
        visible = row <= self._shown
        if visible:
            self.beginInsertRows(QModelIndex(), row, row)
        self._all.insert(row, c)
        if visible:
            self._shown += 1
            self.endInsertRows()
        self._renumber_from(row)

    def _remove(self, chapter_id: int) -> None:
        row = self._row_of.pop(chapter_id, -1)
        if row < 0:
            return
        visible = row < self._shown
        if visible:
            self.beginRemoveRows(QModelIndex(), row, row)
        self._all.pop(row)
        if visible:
            self._shown -= 1
            self.endRemoveRows()
        self._renumber_from(row)

    def chapters(self) -> list[ChapterSummary]:
        return list(self._all)

    def chapter_id(self, row: int) -> int | None:
        return self._all[row].id if 0 <= row < len(self._all) else None

    def row_of(self, chapter_id: int) -> int:
        row = self._row_of.get(chapter_id, -1)
        while row >= self._shown and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return row

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        more = min(PAGE, len(self._all) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= self._shown:
            return None
        c = self._all[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}.  {c.title or '(untitled)'}"
        if role == Qt.ItemDataRole.EditRole:
            return c.title
        if role == Qt.ItemDataRole.ToolTipRole:
            where = c.place.name if c.place else "no place yet"
            return f"{c.title}\n{c.summary}\n{where}".strip()
        if role == self.IdRole:
            return c.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Chapter {index.row() + 1}: {c.title}"
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        title = str(value).strip()
        if not title:
            return False
        commands.set_chapter_field(self.doc, self._all[index.row()].id, "title", title)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        f = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.doc.readonly:
            f |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsEditable
        return f

    # -- drag and drop ------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME, "text/uri-list"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        if indexes:
            data.setData(MIME, QByteArray(str(self._all[indexes[0].row()].id).encode()))
        return data

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,  # noqa: N802
        parent: Index,
    ) -> bool:
        if self.doc.readonly:
            return False
        return data.hasFormat(MIME) or (data.hasUrls() and parent.isValid())

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,  # noqa: N802
        parent: Index,
    ) -> bool:
        if self.doc.readonly:
            return False
        if data.hasFormat(MIME):
            chapter_id = int(bytes(data.data(MIME).data()).decode())
            src = self._row_of[chapter_id]
            target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._all))
            dst = target if target <= src else target - 1  # rows shift once the source leaves
            commands.move_chapter(self.doc, chapter_id, dst + 1)
            return False  # we moved it ourselves: the view must not remove a row
        if data.hasUrls() and parent.isValid():
            paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
            if paths:
                self.filesDropped.emit(self._all[parent.row()].id, paths)
                return True
        return False


class ChapterListView(QListView):
    """Accepts chapter drags (reorder) and file drags (import into the chapter under the drop)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setAcceptDrops(True)
        self.setDragEnabled(True)
        self.setUniformItemSizes(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAccessibleName("Chapters")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() or event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        super().dragMoveEvent(event)
        if event.mimeData().hasUrls():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        super().dropEvent(event)


class ChapterPanel(QWidget):
    """The list with its buttons: add, duplicate, delete, move up and down."""

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
        self._current_id: int | None = None
        head = QLabel("CHAPTERS", self)
        head.setObjectName("PanelHeading")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for name, tip in (
            ("add", "Add a chapter after this one"),
            ("duplicate", "Duplicate this chapter"),
            ("delete", "Delete this chapter"),
            ("up", "Move up"),
            ("down", "Move down"),
        ):
            b = QToolButton(self)
            b.setIcon(icon(name))
            b.setIconSize(QSize(18, 18))
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.setAutoRaise(True)
            bar.addWidget(b)
            self.buttons[name] = b
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

    # -- selection ---------------------------------------------------------------------
    def current_id(self) -> int | None:
        return self._current_id

    def select(self, chapter_id: int | None) -> None:
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
    def add(self) -> int:
        cid = self._current_id
        at = editing.chapter_index(self.doc.pkg, cid) + 1 if cid else len(self.model.chapters()) + 1
        new = commands.add_chapter(self.doc, at)
        self.select(new)
        return new

    def duplicate(self) -> None:
        if self._current_id is not None:
            self.select(commands.duplicate_chapter(self.doc, self._current_id))

    def delete(self) -> None:
        cid = self._current_id
        if cid is None:
            return
        row = self.model.row_of(cid)
        commands.delete_chapter(self.doc, cid)
        if self.model.chapters():
            self.select_row(max(0, min(row, len(self.model.chapters()) - 1)))

    def move_by(self, step: int) -> None:
        cid = self._current_id
        if cid is None:
            return
        at = editing.chapter_index(self.doc.pkg, cid) + step
        if 1 <= at <= len(self.model.chapters()):
            commands.move_chapter(self.doc, cid, at)
            self.select(cid)

    def files_for(self, paths: list[str]) -> list[Path]:
        return [Path(p) for p in paths]
