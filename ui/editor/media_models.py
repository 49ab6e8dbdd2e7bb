"""Item models for media: the whole library (lazy, paged) and one chapter's media (reorderable).

Thumbnails come from the package's ``thumb`` rendition (photos) or a drawn
waveform (recordings), read when a row is first painted and cached, so a
library of 5,000 images costs nothing until it is scrolled.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

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
from PySide6.QtGui import QColor, QImage, QPixmap

from story.editing import media as media_edits
from story.ids import ChapterId, MediaId
from story.reading import get_media, rendition
from story.records import MediaInfo
from ui.editor import undo
from ui.editor.document import Change, EditorDocument, Notice
from ui.importer import waveform_image

MEDIA_MIME = "application/x-storyport-media"
ROWS_MIME = "application/x-storyport-chapter-media"
THUMB_W, THUMB_H = 112, 80
PAGE = 120
CELL = QSize(THUMB_W + 14, THUMB_H + 30)
Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1


class Thumbs:
    """id -> small pixmap, read on first use."""

    def __init__(self, doc: EditorDocument) -> None:
        self.doc = doc
        self._cache: dict[MediaId, QPixmap] = {}

    def get(self, media_id: MediaId) -> QPixmap:
        pix = self._cache.get(media_id)
        if pix is None:
            pix = self._load(media_id)
            self._cache[media_id] = pix
        return pix

    def _load(self, media_id: MediaId) -> QPixmap:
        image = QImage()
        try:
            found = rendition(self.doc.pkg, media_id, "thumb")
            if found is not None:
                image = QImage.fromData(found[1])
            else:
                peaks = rendition(self.doc.pkg, media_id, "peaks")
                if peaks is not None:
                    image = waveform_image(json.loads(peaks[1]), THUMB_W * 2, THUMB_H * 2)
        except Exception:
            image = QImage()
        if image.isNull():
            image = QImage(THUMB_W, THUMB_H, QImage.Format.Format_RGB32)
            image.fill(QColor("#ddd6c8"))
        return QPixmap.fromImage(
            image.scaled(
                THUMB_W,
                THUMB_H,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def forget(self, media_id: MediaId | None) -> None:
        if media_id:
            self._cache.pop(media_id, None)


def _label(m: MediaInfo) -> str:
    name = m.original_name or m.id[:12]
    return name if len(name) <= 22 else name[:20] + "…"


def _tooltip(m: MediaInfo) -> str:
    size = f"{m.width}×{m.height}" if m.width else (f"{m.duration_s:.1f} s" if m.duration_s else "")
    return f"{m.original_name}\n{m.kind} · {size}\n{m.caption}".strip()


def _media_data(m: MediaInfo, role: int, thumbs: Thumbs, label: str) -> object:
    """What both media lists show of a medium, by role (only the label differs)."""
    if role == Qt.ItemDataRole.DisplayRole:
        return label
    if role == Qt.ItemDataRole.DecorationRole:
        return thumbs.get(m.id)
    if role == Qt.ItemDataRole.ToolTipRole:
        return _tooltip(m)
    if role == IdRole:
        return m.id
    if role == Qt.ItemDataRole.SizeHintRole:
        return CELL
    return None


class LibraryModel(QAbstractListModel):
    """Every medium in the package, paged in as the view scrolls; files dropped on it import."""

    filesDropped = Signal(list)

    def __init__(self, doc: EditorDocument, thumbs: Thumbs, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.doc, self.thumbs = doc, thumbs
        self._items: list[MediaInfo] = []
        self._total = 0
        self.reload()
        doc.changed.connect(self._changed)

    def reload(self) -> None:
        self.beginResetModel()
        self._total = media_edits.media_count(self.doc.pkg)
        self._items = media_edits.media_page(self.doc.pkg, 0, PAGE)
        self.endResetModel()

    def _changed(self, n: Notice) -> None:
        if n.kind is Change.LIBRARY:
            self.reload()
        elif n.kind is Change.MEDIA and n.media is not None:
            for row, m in enumerate(self._items):
                if m.id == n.media:
                    self._items[row] = get_media(self.doc.pkg, n.media)
                    ix = self.index(row)
                    self.dataChanged.emit(ix, ix)

    def item(self, row: int) -> MediaInfo | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, media_id: MediaId) -> int:
        while True:
            for row, m in enumerate(self._items):
                if m.id == media_id:
                    return row
            if not self.canFetchMore(QModelIndex()):
                return -1
            self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._items) < self._total

    def fetchMore(self, parent: Index) -> None:
        more = media_edits.media_page(self.doc.pkg, len(self._items), PAGE)
        if not more:
            self._total = len(self._items)
            return
        self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(more) - 1)
        self._items.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        m = self.item(index.row()) if index.isValid() else None
        return None if m is None else _media_data(m, role, self.thumbs, _label(m))

    def flags(self, index: Index) -> Qt.ItemFlag:
        f = super().flags(index)
        return (
            f | Qt.ItemFlag.ItemIsDragEnabled
            if index.isValid()
            else f | Qt.ItemFlag.ItemIsDropEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [MEDIA_MIME, ROWS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [self._items[i.row()].id for i in indexes if i.isValid()]
        data.setData(MEDIA_MIME, QByteArray(",".join(ids).encode()))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasUrls() and not self.doc.readonly

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Files from the desktop dropped on the library: import them (into no chapter)."""
        paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
        if not paths or self.doc.readonly:
            return False
        self.filesDropped.emit(paths)
        return True


class ChapterMediaModel(QAbstractListModel):
    """The media one chapter shows, in order: drag to reorder, drop library items or files."""

    filesDropped = Signal(list)

    def __init__(self, doc: EditorDocument, thumbs: Thumbs, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.doc, self.thumbs = doc, thumbs
        self.chapter_id: ChapterId | None = None
        self._items: list[MediaInfo] = []
        doc.changed.connect(self._changed)

    def set_chapter(self, chapter_id: ChapterId | None) -> None:
        self.chapter_id = chapter_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._items = (
            media_edits.chapter_media(self.doc.pkg, self.chapter_id)
            if self.chapter_id is not None
            else []
        )
        self.endResetModel()

    def _changed(self, n: Notice) -> None:
        if self.chapter_id is None:
            return
        if n.kind is Change.CHAPTER_REMOVED and n.chapter == self.chapter_id:
            self.set_chapter(None)
        elif (
            n.kind is Change.CHAPTER_MEDIA and n.chapter in (None, self.chapter_id)
        ) or n.kind is Change.LIBRARY:
            try:
                self.reload()
            except Exception:
                self.set_chapter(None)
        elif n.kind is Change.MEDIA and any(m.id == n.media for m in self._items):
            self.reload()

    def ids(self) -> list[MediaId]:
        return [m.id for m in self._items]

    def item(self, row: int) -> MediaInfo | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        m = self.item(index.row()) if index.isValid() else None
        label = f"{index.row() + 1}. {_label(m)}" if m is not None else ""
        return None if m is None else _media_data(m, role, self.thumbs, label)

    def flags(self, index: Index) -> Qt.ItemFlag:
        f = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return f | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else f

    def mimeTypes(self) -> list[str]:
        return [MEDIA_MIME, ROWS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = [str(i.row()) for i in indexes if i.isValid()]
        data.setData(ROWS_MIME, QByteArray(",".join(rows).encode()))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return self.chapter_id is not None and not self.doc.readonly

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if self.chapter_id is None or self.doc.readonly:
            return False
        ids = self.ids()
        at = row if row >= 0 else (parent.row() if parent.isValid() else len(ids))
        if data.hasFormat(ROWS_MIME):
            rows = [int(r) for r in bytes(data.data(ROWS_MIME).data()).decode().split(",")]
            moving = [ids[r] for r in rows]
            before = sum(1 for r in rows if r < at)
            rest = [m for r, m in enumerate(ids) if r not in rows]
            at -= before
            self.move_to(rest[:at] + moving + rest[at:], self.tr("Reorder the chapter's media"))
            return False
        if data.hasFormat(MEDIA_MIME):
            new = [MediaId(m) for m in bytes(data.data(MEDIA_MIME).data()).decode().split(",") if m]
            new = [m for m in new if m not in ids]
            self.move_to(ids[:at] + new + ids[at:], self.tr("Add media to the chapter"))
            return True
        if data.hasUrls():
            paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
            if paths:
                self.filesDropped.emit(paths)
                return True
        return False

    def move_to(self, ids: list[MediaId], text: str) -> None:
        if self.chapter_id is not None:
            undo.set_chapter_media(self.doc, self.chapter_id, ids, text)

    def move_row(self, row: int, step: int) -> int:
        ids = self.ids()
        to = row + step
        if not (0 <= row < len(ids) and 0 <= to < len(ids)):
            return row
        ids.insert(to, ids.pop(row))
        self.move_to(ids, self.tr("Reorder the chapter's media"))
        return to
