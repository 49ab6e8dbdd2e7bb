"""The chapters list: a lazy item model with drag-and-drop reordering, and its panel.

The model reads the chapter summaries in one query (no bodies, no media) and
hands them to the view in pages of 200 (``canFetchMore``/``fetchMore``), so a
1,000-chapter story opens at once. A rename updates one row; a move, add or
delete re-reads the list (one query). Dropping files from the desktop on a
row asks for them to be imported into that chapter.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QWidget,
)

from story.editing import chapters as editing
from story.ids import ChapterId
from story.records import ChapterSummary
from ui.editor import undo
from ui.editor.document import Change, EditorDocument, Notice
from ui.i18n import fill

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
        self._row_of: dict[ChapterId, int] = {}
        self.reload()
        doc.changed.connect(self._changed)

    # -- data ------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._all = editing.chapter_summaries(self.doc.pkg)
        self._row_of = {c.id: i for i, c in enumerate(self._all)}
        self._shown = min(len(self._all), max(PAGE, self._shown))
        self.endResetModel()

    def _changed(self, n: Notice) -> None:
        key = n.chapter
        if key is None:
            return
        if n.kind is Change.CHAPTER_MOVED and n.number is not None:
            self._move(key, n.number)
        elif n.kind is Change.CHAPTER_ADDED and n.number is not None:
            self._insert(key, n.number)
        elif n.kind is Change.CHAPTER_REMOVED:
            self._remove(key)
        elif n.kind in (Change.CHAPTER, Change.PLACE) and key in self._row_of:
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

    def _move(self, chapter_id: ChapterId, to_index: int) -> None:
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

    def _insert(self, chapter_id: ChapterId, at: int) -> None:
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

    def _remove(self, chapter_id: ChapterId) -> None:
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

    def chapter_id(self, row: int) -> ChapterId | None:
        return self._all[row].id if 0 <= row < len(self._all) else None

    def row_of(self, chapter_id: ChapterId) -> int:
        row = self._row_of.get(chapter_id, -1)
        while row >= self._shown and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return row

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: Index) -> None:
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
            untitled = self.tr("(untitled)")
            return f"{index.row() + 1}.  {c.title or untitled}"
        if role == Qt.ItemDataRole.EditRole:
            return c.title
        if role == Qt.ItemDataRole.ToolTipRole:
            where = c.place.name if c.place else self.tr("no place yet")
            return f"{c.title}\n{c.summary}\n{where}".strip()
        if role == self.IdRole:
            return c.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return fill(self.tr("Chapter %1: %2"), index.row() + 1, c.title)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        title = str(value).strip()
        if not title:
            return False
        undo.set_chapter_field(self.doc, self._all[index.row()].id, "title", title)
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
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(MIME, QByteArray(str(self._all[indexes[0].row()].id).encode()))
        return data

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
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
        column: int,
        parent: Index,
    ) -> bool:
        if self.doc.readonly:
            return False
        if data.hasFormat(MIME):
            chapter_id = ChapterId(int(bytes(data.data(MIME).data()).decode()))
            src = self._row_of[chapter_id]
            target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._all))
            dst = target if target <= src else target - 1  # rows shift once the source leaves
            undo.move_chapter(self.doc, chapter_id, dst + 1)
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
        self.setAccessibleName(self.tr("Chapters"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        if event.mimeData().hasUrls():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
