"""The full-screen photo viewer: the picture on black, caption below; Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from story.records import MediaInfo
from ui.reader.images import ImageStore
from ui.reader.photo import PhotoView


class FullScreenViewer(QWidget):
    """Shows the gallery's photos one at a time; arrows step, Esc (or a click) closes."""

    closed = Signal(int)

    def __init__(self, images: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Photo"))
        self.setStyleSheet("background: #0c0d0f;")
        self._store = images
        self._items: tuple[MediaInfo, ...] = ()
        self._index = 0
        self.photo = PhotoView(self)
        self.photo.set_background(QColor("#0c0d0f"))
        self.photo.clicked.connect(self.close)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("color: #e9e6df; font-size: 15px; padding: 10px 40px 22px 40px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.photo, 1)
        layout.addWidget(self.caption)
        images.loaded.connect(self._on_loaded)

    def open_at(self, items: tuple[MediaInfo, ...], index: int, *, windowed: bool = False) -> None:
        self._items = items
        self.show_index(index)
        if windowed:
            self.show()
        else:
            self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    def show_index(self, index: int) -> None:
        if not self._items:
            return
        self._index = index % len(self._items)
        item = self._items[self._index]
        self.photo.set_image(self._store.cached(item.id) or self._store.cached(item.id, "thumb"))
        self._store.request(item.id)
        credit = f"<span style='color:#9a968d; font-size:13px'>{_esc(item.credit)}</span>"
        count = f"{self._index + 1} / {len(self._items)}"
        self.caption.setText(f"{_esc(item.caption)}<br>{credit} &nbsp; {count}")
        self.photo.setAccessibleName(item.alt or item.caption)

    @property
    def index(self) -> int:
        return self._index

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F):
            self.close()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.show_index(self._index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_index(self._index - 1)
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: object) -> None:
        self.closed.emit(self._index)
        super().closeEvent(event)  # type: ignore[arg-type]

    def _on_loaded(self, media_id: str, name: str, image: object) -> None:
        if self._items and self._items[self._index].id == media_id and name == "display":
            self.photo.set_image(image)  # type: ignore[arg-type]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
