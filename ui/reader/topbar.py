"""The reader's top bar: contents, the story's title, map, previous/next and where you are."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ui.reader.words import ReaderWords


def _button(text: str, tip: str, parent: QWidget) -> QToolButton:
    b = QToolButton(parent)
    b.setText(text)
    b.setToolTip(tip)
    b.setAccessibleName(tip)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return b


class ElidedTitle(QLabel):
    """The story's title, cut with an ellipsis where the bar is short of room.

    A curator's 200-character title must not widen the window (at 800 px it
    pushed the reader to 1,400); ``text()`` stays whole, and so does the tooltip.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.width()
        )
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter), shown)


class TopBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(48)
        self.words = ReaderWords(None)
        self.contents = _button("", self.tr("Table of contents (T)"), self)
        self.contents.setCheckable(True)
        self.title = ElidedTitle(self)
        self.title.setObjectName("StoryTitle")
        self.cover = _button("", self.tr("Back to the cover"), self)
        self.map = _button("", self.tr("The map (M)"), self)
        self.map.setCheckable(True)
        self.prev = _button("", self.tr("Previous chapter (Left, Page Up)"), self)
        self.where = QLabel(self)
        self.where.setMinimumWidth(64)
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = _button("", self.tr("Next chapter (Right, Page Down)"), self)
        self._shown: tuple[int | None, int] = (None, 0)
        self.set_words(self.words)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 0)
        layout.setSpacing(6)
        layout.addWidget(self.contents)
        layout.addSpacing(10)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.cover)
        layout.addWidget(self.map)
        layout.addSpacing(14)
        layout.addWidget(self.prev)
        layout.addWidget(self.where)
        layout.addWidget(self.next)

    def set_words(self, words: ReaderWords) -> None:
        """The buttons in the story's language, laid out in its direction (Next on the left
        in a right-to-left story, its arrow pointing that way)."""
        self.words = words
        self.setLayoutDirection(words.direction)
        self.contents.setText("☰  " + words.contents_button())
        self.cover.setText(words.cover_button())
        self.map.setText(words.map_button())
        self.prev.setText(words.previous())
        self.next.setText(words.next())
        index, total = self._shown
        self.where.setText(words.position(index, total) if index else "")

    def set_position(self, index: int | None, total: int, *, at: int | None = None) -> None:
        """``index``: the chapter shown, if any; ``at``: the one Previous / Next count from.

        On the map ``at`` is the current chapter (Next goes to the one after it);
        on the cover and the about page it is None (Next starts reading).
        """
        at = index if at is None else at
        self._shown = (index, total)
        self.where.setText(self.words.position(index, total) if index else "")
        self.prev.setEnabled(bool(at and at > 1))
        self.next.setEnabled(total > 0 and (at is None or at < total))
