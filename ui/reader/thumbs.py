"""The gallery's thumbnail strip: a row that scrolls, so a 30-photo chapter is reachable.

Kept apart from ``gallery.py`` because it is its own small widget with its own
input: the row scrolls sideways (scroll bar, the wheel in either direction, a
drag on the strip), keeps the current photo's thumbnail in view, and its
arrow keys move between photos and stop at the ends instead of falling
through to the reader (where → means "next chapter").

Thumbnails are plain buttons (not checkable: a screen reader would announce
checkboxes) named by the photo's caption; the current one is marked by a
``current`` property the style sheet draws.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QMouseEvent, QPixmap, QWheelEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QToolButton, QWidget

THUMB = QSize(84, 56)
BUTTON = THUMB + QSize(6, 6)
SPACING = 8
BAR = 8  # the horizontal scroll bar's height, below the row (styled in ui/theme.py)


class ThumbStrip(QScrollArea):
    """A scrolling row of thumbnail buttons; ``chosen(i)`` when one is clicked or entered."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ThumbStrip")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.row = QWidget()
        self.row.setObjectName("Thumbs")
        self._layout = QHBoxLayout(self.row)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(SPACING)
        self.setWidget(self.row)
        self.buttons: list[QToolButton] = []
        self._current = -1
        self._drag_from: QPoint | None = None
        self._drag_value = 0
        self._dragged = False

    # -- content ---------------------------------------------------------------
    def set_items(self, names: list[str]) -> None:
        """One button per photo, named by its caption (``names``)."""
        for button in self.buttons:  # out of the row now, so its size is the new row's
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        total = len(names)
        for i, name in enumerate(names):
            button = QToolButton(self.row)
            button.setIconSize(THUMB)
            button.setFixedSize(BUTTON)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            of = self.tr("Photo %1 of %2").replace("%1", str(i + 1)).replace("%2", str(total))
            button.setToolTip(name or of)
            button.setAccessibleName(name or self.tr("Photo %1").replace("%1", str(i + 1)))
            button.setAccessibleDescription(of)
            button.clicked.connect(lambda _c=False, i=i: self._choose(i))
            button.installEventFilter(self)
            self._layout.addWidget(button)
            button.show()  # a child added to a shown row is hidden until shown
            self.buttons.append(button)
        self.row.resize(self.content_width(), BUTTON.height())
        self.horizontalScrollBar().setValue(0)
        self._current = -1

    def set_icon(self, i: int, image: QImage) -> None:
        if 0 <= i < len(self.buttons) and not image.isNull():
            filled = image.scaled(
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = (filled.width() - THUMB.width()) // 2
            y = (filled.height() - THUMB.height()) // 2
            pix = QPixmap.fromImage(filled.copy(x, y, THUMB.width(), THUMB.height()))
            self.buttons[i].setIcon(QIcon(pix))

    def set_current(self, i: int) -> None:
        """Mark photo ``i`` as the one shown and scroll its thumbnail into view."""
        total = len(self.buttons)
        for n, button in enumerate(self.buttons):
            here = n == i
            if button.property("current") != here:
                button.setProperty("current", here)
                button.style().unpolish(button)
                button.style().polish(button)
            of = self.tr("Photo %1 of %2").replace("%1", str(n + 1)).replace("%2", str(total))
            button.setAccessibleDescription(of + (self.tr(", shown") if here else ""))
        self._current = i
        self.keep_visible(i)

    # -- geometry --------------------------------------------------------------
    def content_width(self) -> int:
        n = len(self.buttons)
        return n * BUTTON.width() + max(0, n - 1) * SPACING

    def strip_height(self) -> int:
        return BUTTON.height() + BAR + 2

    def keep_visible(self, i: int) -> None:
        if 0 <= i < len(self.buttons) and self.viewport().width() > 0:
            self.ensureWidgetVisible(self.buttons[i], SPACING, 0)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.keep_visible(self._current)

    # -- input: the wheel in either direction, a drag, arrows that stop at the ends
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        step = delta.x() if abs(delta.x()) > abs(delta.y()) else delta.y()
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() - step * BUTTON.width() // 120)
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(watched, event)
        if isinstance(event, QMouseEvent):
            return self._drag(event)
        return False

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        if watched not in self.buttons or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        i = self.buttons.index(watched)
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            target = i + (1 if key == Qt.Key.Key_Right else -1)
            if 0 <= target < len(self.buttons):
                self.buttons[target].setFocus(Qt.FocusReason.TabFocusReason)
                self.keep_visible(target)
                self._choose(target)
            return True  # at the ends too: the arrow stays in the strip
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self.buttons:
            target = 0 if key == Qt.Key.Key_Home else len(self.buttons) - 1
            self.buttons[target].setFocus(Qt.FocusReason.TabFocusReason)
            self._choose(target)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(i)
            return True
        return False

    def _drag(self, event: QMouseEvent) -> bool:
        bar = self.horizontalScrollBar()
        pos = event.globalPosition().toPoint()
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from, self._drag_value, self._dragged = pos, bar.value(), False
        elif kind == QEvent.Type.MouseMove and self._drag_from is not None:
            dx = pos.x() - self._drag_from.x()
            if abs(dx) > 6 and bar.maximum() > 0:
                self._dragged = True
            if self._dragged:
                bar.setValue(self._drag_value - dx)
                return True
        elif kind == QEvent.Type.MouseButtonRelease and self._drag_from is not None:
            self._drag_from = None
            if self._dragged:  # a drag is not a click
                self._dragged = False
                for button in self.buttons:
                    button.setDown(False)
                return True
        return False

    def _choose(self, i: int) -> None:
        self.chosen.emit(i)
