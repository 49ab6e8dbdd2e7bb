"""The table of contents: an item model over the chapters and the panel that shows it.

Chapter titles wrap to the panel's width (a curator's titles run to 200
characters); nothing scrolls sideways.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from story.records import ChapterSummary
from ui.schemes import Palette

Index = QModelIndex | QPersistentModelIndex


class TocModel(QAbstractListModel):
    """Chapters in story order; a dot marks visited ones, a ring the current one."""

    IndexRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, accent: str = "#c8402a", parent: Any = None) -> None:
        super().__init__(parent)
        self._chapters: list[ChapterSummary] = []
        self._visited: set[int] = set()
        self._current: int | None = None
        self._icons = {k: _dot(accent, k) for k in ("visited", "current", "unvisited")}

    def set_chapters(self, chapters: list[ChapterSummary]) -> None:
        self.beginResetModel()
        self._chapters = list(chapters)
        self.endResetModel()

    def set_state(self, current: int | None, visited: set[int]) -> None:
        self._current, self._visited = current, set(visited)
        if self._chapters:
            self.dataChanged.emit(self.index(0), self.index(len(self._chapters) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._chapters)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._chapters):
            return None
        ch = self._chapters[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{ch.index}.  {ch.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return ch.summary or ch.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = (
                self.tr("current")
                if ch.index == self._current
                else (self.tr("visited") if ch.index in self._visited else self.tr("not yet read"))
            )
            return (
                self.tr("Chapter %1: %2, %3")
                .replace("%1", str(ch.index))
                .replace("%2", ch.title)
                .replace("%3", state)
            )
        if role == Qt.ItemDataRole.DecorationRole:
            if ch.index == self._current:
                return self._icons["current"]
            return self._icons["visited" if ch.index in self._visited else "unvisited"]
        if role == self.IndexRole:
            return ch.index
        return None


def _dot(accent: str, kind: str) -> QIcon:
    pix = QPixmap(QSize(12, 12))
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind == "current":
        p.setBrush(QColor(accent))
        p.setPen(QColor("white"))
        p.drawEllipse(1, 1, 10, 10)
    elif kind == "visited":  # the scheme's muted ink: at least 3:1 on the paper, as graphics need
        p.setBrush(QColor(Palette.for_scheme().muted))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(3, 3, 6, 6)
    else:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QColor(Palette.for_scheme().muted))
        p.drawEllipse(3, 3, 6, 6)
    p.end()
    return QIcon(pix)


#: The item padding of ``#Toc QListView::item`` in ui/theme.py (horizontal, vertical).
PAD_X, PAD_Y = 14, 10


class _WrapDelegate(QStyledItemDelegate):
    """Items as wide as the list and as tall as their wrapped title."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._view.viewport().width() - 2 * self._view.spacing()
        text_w = width - 2 * PAD_X - opt.decorationSize.width() - 10
        bounds = QRect(0, 0, max(40, text_w), 100_000)
        text = opt.fontMetrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, opt.text)
        return QSize(width, max(text.height(), opt.decorationSize.height()) + 2 * PAD_Y)


class TocPanel(QWidget):
    """A side panel listing the chapters; activating one emits ``chapterChosen``."""

    chapterChosen = Signal(int)
    aboutChosen = Signal()
    closeRequested = Signal()  # T, C or Esc in the list (letters would search it)

    def __init__(self, model: TocModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Toc")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(320)
        heading = QLabel(self.tr("CONTENTS"), self)
        heading.setObjectName("TocHeading")
        self.list = QListView(self)
        self.list.setModel(model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(1)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setItemDelegate(_WrapDelegate(self.list))
        self.list.setAccessibleName(self.tr("Table of contents"))
        self.list.installEventFilter(self)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        words = html.escape(self.tr("About this story"))
        about = QLabel(f"<a href='#about'>{words}</a>", self)  # the palette's Link colour
        about.linkActivated.connect(lambda _l: self.aboutChosen.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 20, 14, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(about)

    def select(self, index: int | None) -> None:
        model = self.list.model()
        if index is None or not 1 <= index <= model.rowCount():
            self.list.clearSelection()
            return
        self.list.setCurrentIndex(model.index(index - 1, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_T, Qt.Key.Key_C, Qt.Key.Key_Escape)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.closeRequested.emit()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        self.chapterChosen.emit(int(index.data(TocModel.IndexRole)))
