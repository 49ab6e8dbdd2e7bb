"""The full-screen photo viewer: the picture on near-black, the caption on a scrim, controls.

Opened from a chapter's photos (F, a click on the photo). A reader who does
not know the keys still sees how to leave and how to move: a close button in
the top corner, previous and next at the sides, "3 of 30" (issue 13). Every
control is a named, focusable button (Enter and Space press it); Escape
closes, Left / Right move (mirrored in a right-to-left story, as the reader's
chapter keys are), Home / End go to the first / last photo. There is no
wrap-around: at the last photo Next is disabled and Right does nothing. The
controls fade after a few seconds without the mouse moving and come back on
movement or a key; under reduced motion they stay (``ui/reader/viewer_controls``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from story.records import MediaInfo
from ui.reader.images import ImageStore
from ui.reader.photo import PhotoView
from ui.reader.viewer_controls import (
    BACKGROUND,
    BUTTON_PX,
    CaptionScrim,
    ControlFader,
    ViewerButton,
    controls_style,
)
from ui.schemes import Palette

#: Space between the controls and the window's edges.
MARGIN = 20


class FullScreenViewer(QWidget):
    """Shows the gallery's photos one at a time; ``closed`` says at which one it was left."""

    closed = Signal(int)

    def __init__(self, images: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("Viewer")
        self.setWindowTitle(self.tr("Photo"))
        self.setAccessibleName(self.tr("Photo viewer"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self._store = images
        self._items: tuple[MediaInfo, ...] = ()
        self._index = 0
        self.photo = PhotoView(self)
        self.photo.set_background(QColor(BACKGROUND))
        self.photo.setMouseTracking(True)
        self.photo.clicked.connect(self.close)
        self.scrim = CaptionScrim(self)
        self.caption = self.scrim.caption
        self.credit = self.scrim.credit
        self.close_button = ViewerButton("\u2715", self.tr("Close"), self)
        self.previous_button = ViewerButton("", self.tr("Previous photo"), self)
        self.next_button = ViewerButton("", self.tr("Next photo"), self)
        self.counter = QLabel(self)
        self.counter.setObjectName("ViewerCounter")
        self.counter.setMouseTracking(True)
        self.close_button.clicked.connect(self.close)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        controls: list[QWidget] = [
            self.close_button,
            self.previous_button,
            self.next_button,
            self.counter,
        ]
        self.fader = ControlFader(controls, self)
        for w in (self, self.photo, self.scrim, self.caption, self.credit, *controls):
            w.installEventFilter(self.fader)
        self.setTabOrder(self.close_button, self.previous_button)
        self.setTabOrder(self.previous_button, self.next_button)
        self.apply_scheme(Palette.for_scheme())
        images.loaded.connect(self._on_loaded)

    # -- opening and stepping --------------------------------------------------------------
    def open_at(self, items: tuple[MediaInfo, ...], index: int, *, windowed: bool = False) -> None:
        self._items = items
        parent = self.parentWidget()
        if parent is not None:  # a window does not take its parent's direction by itself
            self.setLayoutDirection(parent.layoutDirection())
        self._mirror_glyphs()
        self.show_index(index)
        if windowed:  # screenshots and tests: the reader's size unless given one
            if parent is not None and not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
                self.resize(parent.window().size())
            self.show()
        else:
            self.showFullScreen()
        self.activateWindow()
        self.setFocus()
        self.fader.poke()

    def show_index(self, index: int) -> None:
        """Show photo ``index`` (0-based), held within the first and the last: no wrapping."""
        if not self._items:
            return
        focus = self.focusWidget()
        self._index = max(0, min(index, len(self._items) - 1))
        item = self._items[self._index]
        self.photo.set_image(self._store.cached(item.id) or self._store.cached(item.id, "thumb"))
        self._store.request(item.id)
        self.scrim.set_text(item.caption, item.credit)
        total = len(self._items)
        self.counter.setText(self.counter_text(self._index + 1, total))
        self.counter.setAccessibleName(
            self.tr("Photo %1 of %n", "", total).replace("%1", str(self._index + 1))
        )
        self.counter.adjustSize()
        self.photo.setAccessibleName(item.alt or item.caption or self.tr("Photo"))
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index < total - 1)
        if isinstance(focus, ViewerButton) and not focus.isEnabled():
            # the end reached with the button: focus goes to the one that still leads somewhere
            other = self.previous_button if focus is self.next_button else self.next_button
            (other if other.isEnabled() else self).setFocus(Qt.FocusReason.OtherFocusReason)
        self._place()

    def counter_text(self, number: int, total: int) -> str:
        """ "3 of 30": the total chooses the plural form (``%n``), the number is the photo's."""
        return self.tr("%1 of %n", "the photo shown, of the chapter's photos", total).replace(
            "%1", str(number)
        )

    def step(self, by: int) -> None:
        self.show_index(self._index + by)

    @property
    def index(self) -> int:
        return self._index

    def count(self) -> int:
        return len(self._items)

    def apply_scheme(self, palette: Palette) -> None:
        """The scheme's caption, credit and focus colours (also when the desktop's changes)."""
        self.setStyleSheet(controls_style(palette))

    # -- keys and events -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.fader.poke()
        key = event.key()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        onward, back = (
            (Qt.Key.Key_Left, Qt.Key.Key_Right) if rtl else (Qt.Key.Key_Right, Qt.Key.Key_Left)
        )
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F):
            self.close()
        elif key in (onward, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_BracketRight):
            self.step(1)
        elif key in (back, Qt.Key.Key_PageUp, Qt.Key.Key_BracketLeft):
            self.step(-1)
        elif key == Qt.Key.Key_Home:
            self.show_index(0)
        elif key == Qt.Key.Key_End:
            self.show_index(len(self._items) - 1)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._mirror_glyphs()
            self._place()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.fader.stop()
        self.closed.emit(self._index)
        super().closeEvent(event)

    # -- layout ------------------------------------------------------------------------------
    def _mirror_glyphs(self) -> None:
        """The arrows point the way the story reads: onward is to the left in Arabic."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.previous_button.setText("\u203a" if rtl else "\u2039")
        self.next_button.setText("\u2039" if rtl else "\u203a")

    def _place(self) -> None:
        """The photo fills the window; the controls and the caption lie over it."""
        w, h = self.width(), self.height()
        self.photo.setGeometry(0, 0, w, h)
        scrim_h = self.scrim.fit_width(w) if self.scrim.isVisibleTo(self) else 0
        self.scrim.setGeometry(0, h - scrim_h, w, scrim_h)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def at(x: int, y: int, width: int, height: int) -> QRect:
            """``x`` from the reading side's edge: mirrored in a right-to-left story."""
            return QRect(w - x - width if rtl else x, y, width, height)

        middle = max(MARGIN, (h - scrim_h - BUTTON_PX) // 2)
        self.previous_button.setGeometry(at(MARGIN, middle, BUTTON_PX, BUTTON_PX))
        self.next_button.setGeometry(at(w - MARGIN - BUTTON_PX, middle, BUTTON_PX, BUTTON_PX))
        self.close_button.setGeometry(at(w - MARGIN - BUTTON_PX, MARGIN, BUTTON_PX, BUTTON_PX))
        size = self.counter.sizeHint()
        top = MARGIN + (BUTTON_PX - size.height()) // 2
        self.counter.setGeometry(at(MARGIN, top, size.width(), size.height()))
        for control in (self.previous_button, self.next_button, self.close_button, self.counter):
            control.raise_()

    def _on_loaded(self, media_id: str, name: str, image: object) -> None:
        if self._items and self._items[self._index].id == media_id and name == "display":
            self.photo.set_image(image)  # type: ignore[arg-type]
