"""A chapter's photo gallery: the photo large, caption and credit under it, thumbnails to move."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from story.records import MediaInfo
from ui.reader.images import ImageStore
from ui.reader.photo import PhotoView

THUMB = QSize(84, 56)


class Gallery(QWidget):
    """Shows one of a chapter's images; ``fullScreenRequested`` asks for the viewer."""

    fullScreenRequested = Signal(int)
    indexChanged = Signal(int)

    def __init__(self, images: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhotoPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._store = images
        self._items: tuple[MediaInfo, ...] = ()
        self._index = 0
        self.photo = PhotoView(self)
        self.photo.setCursor(Qt.CursorShape.PointingHandCursor)
        self.photo.setToolTip("Click for full screen (F)")
        self.photo.clicked.connect(lambda: self.fullScreenRequested.emit(self._index))
        self.caption = QLabel(self)
        self.caption.setObjectName("Caption")
        self.caption.setWordWrap(True)
        self.credit = QLabel(self)
        self.credit.setObjectName("Credit")
        self.credit.setWordWrap(True)
        self.thumbs = QWidget(self)
        self.thumbs.setObjectName("Thumbs")
        self._thumb_row = QHBoxLayout(self.thumbs)
        self._thumb_row.setContentsMargins(0, 0, 0, 0)
        self._thumb_row.setSpacing(8)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.show_index)

        images.loaded.connect(self._on_loaded)

    # -- layout: the photo as large as fits, the caption right under it -------------
    def resizeEvent(self, event: object) -> None:
        self._layout()

    def _layout(self) -> None:
        w, h = self.width(), self.height()
        side, top, gap = 32, 28, 12
        inner = max(100, w - 2 * side)
        cap_h = self.caption.heightForWidth(inner) if self.caption.text() else 0
        cred_h = self.credit.heightForWidth(inner) if self.credit.text() else 0
        thumbs_h = THUMB.height() + 6 if not self.thumbs.isHidden() else 0
        below = gap + cap_h + 3 + cred_h + (16 + thumbs_h if thumbs_h else 0)
        avail = max(80, h - top - below - 24)
        image = self.photo.image()
        aspect = image.width() / image.height() if image is not None else 3 / 2
        pw = min(inner, int(avail * aspect))
        ph = int(pw / aspect)
        y = max(top, (h - (ph + below)) // 2)
        x = (w - pw) // 2
        self.photo.setGeometry(x, y, pw, ph)
        y += ph + gap
        self.caption.setGeometry(x, y, pw, cap_h)
        y += cap_h + 3
        self.credit.setGeometry(x, y, pw, cred_h)
        y += cred_h + 16
        self.thumbs.adjustSize()
        self.thumbs.setGeometry(x, y, self.thumbs.sizeHint().width(), thumbs_h)

    # -- content ---------------------------------------------------------------
    def set_images(self, items: tuple[MediaInfo, ...], *, sync: bool = False) -> None:
        self._items = items
        for button in self._group.buttons():
            self._group.removeButton(button)
            button.deleteLater()
        for i, item in enumerate(items):
            button = QToolButton(self.thumbs)
            button.setCheckable(True)
            button.setIconSize(THUMB)
            button.setFixedSize(THUMB + QSize(6, 6))
            button.setToolTip(item.caption or item.alt)
            button.setAccessibleName(f"Photo {i + 1} of {len(items)}: {item.alt or item.caption}")
            self._group.addButton(button, i)
            self._thumb_row.addWidget(button)
            thumb = self._store.cached(item.id, "thumb")
            if thumb is not None or sync:
                self._set_thumb(i, thumb or self._store.load_now(item.id, "thumb"))
            else:
                self._store.request(item.id, "thumb")
        self.thumbs.setVisible(len(items) > 1)
        self._index = -1
        self.show_index(0, sync=sync)
        self._layout()

    def show_index(self, index: int, *, sync: bool = False) -> None:
        if not self._items:
            self.photo.set_image(None)
            self.caption.setText("")
            self.credit.setText("")
            return
        index = max(0, min(index, len(self._items) - 1))
        self._index = index
        item = self._items[index]
        button = self._group.button(index)
        if button is not None:
            button.setChecked(True)
        image = self._store.load_now(item.id) if sync else self._store.cached(item.id)
        if image is None:
            thumb = self._store.cached(item.id, "thumb")
            self.photo.set_image(thumb)  # a soft preview until the full photo arrives
            self._store.request(item.id)
        else:
            self.photo.set_image(image)
        self.photo.setAccessibleName(item.alt or item.caption)
        self.photo.setAccessibleDescription(item.caption)
        self.caption.setText(item.caption)
        self.credit.setText(item.credit + (f" · {item.licence}" if item.licence else ""))
        self._layout()
        self.indexChanged.emit(index)

    def step(self, delta: int) -> None:
        if self._items:
            self.show_index((self._index + delta) % len(self._items))

    @property
    def index(self) -> int:
        return self._index

    @property
    def items(self) -> tuple[MediaInfo, ...]:
        return self._items

    def _set_thumb(self, i: int, image: QImage) -> None:
        button = self._group.button(i)
        if button is not None and not image.isNull():
            filled = image.scaled(
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = (filled.width() - THUMB.width()) // 2
            y = (filled.height() - THUMB.height()) // 2
            pix = QPixmap.fromImage(filled.copy(x, y, THUMB.width(), THUMB.height()))
            button.setIcon(QIcon(pix))

    def _on_loaded(self, media_id: str, name: str, image: QImage) -> None:
        for i, item in enumerate(self._items):
            if item.id != media_id:
                continue
            if name == "thumb":
                self._set_thumb(i, image)
                if i == self._index and not self.photo.has_image():
                    self.photo.set_image(image)
                    self._layout()
            elif i == self._index:
                self.photo.set_image(image)
                self._layout()
