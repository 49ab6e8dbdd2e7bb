"""A chapter's photo gallery: the photo large, caption and credit under it, thumbnails to move."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from story.records import MediaInfo
from ui.reader.images import ImageStore
from ui.reader.photo import PhotoView
from ui.reader.thumbs import ThumbStrip

#: A caption is never set narrower than this (a portrait photo may be much narrower).
CAPTION_MIN = 420


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
        self.photo.setToolTip(self.tr("Click for full screen (F)"))
        self.photo.clicked.connect(lambda: self.fullScreenRequested.emit(self._index))
        self.caption = QLabel(self)
        self.caption.setObjectName("Caption")
        self.caption.setWordWrap(True)
        self.credit = QLabel(self)
        self.credit.setObjectName("Credit")
        self.credit.setWordWrap(True)
        self.strip = ThumbStrip(self)
        self.strip.chosen.connect(self.show_index)

        images.loaded.connect(self._on_loaded)

    # -- layout: the photo as large as fits, the caption right under it -------------
    def resizeEvent(self, event: object) -> None:
        self._layout()

    def _layout(self) -> None:
        w, h = self.width(), self.height()
        side, top, gap = 32, 28, 12
        inner = max(100, w - 2 * side)
        thumbs_h = self.strip.strip_height() if not self.strip.isHidden() else 0
        image = self.photo.image()
        aspect = image.width() / image.height() if image is not None else 3 / 2
        # The caption is measured at the width it is drawn at: as wide as the photo,
        # but never narrower than a readable column (a portrait photo is narrow).
        # Its height changes the room left for the photo, so settle both in turns.
        pw = inner
        for _ in range(3):
            cw = max(pw, min(inner, CAPTION_MIN))
            cap_h = self.caption.heightForWidth(cw) if self.caption.text() else 0
            cred_h = self.credit.heightForWidth(cw) if self.credit.text() else 0
            below = gap + cap_h + 3 + cred_h + (16 + thumbs_h if thumbs_h else 0)
            avail = max(80, h - top - below - 24)
            pw = min(inner, int(avail * aspect))
        cw = max(pw, min(inner, CAPTION_MIN))
        cap_h = self.caption.heightForWidth(cw) if self.caption.text() else 0
        cred_h = self.credit.heightForWidth(cw) if self.credit.text() else 0
        below = gap + cap_h + 3 + cred_h + (16 + thumbs_h if thumbs_h else 0)
        ph = int(pw / aspect)
        y = max(top, (h - (ph + below)) // 2)
        self.photo.setGeometry((w - pw) // 2, y, pw, ph)
        y += ph + gap
        cx = (w - cw) // 2
        self.caption.setGeometry(cx, y, cw, cap_h)
        y += cap_h + 3
        self.credit.setGeometry(cx, y, cw, cred_h)
        y += cred_h + 16
        strip_w = min(inner, self.strip.content_width())
        self.strip.setGeometry((w - strip_w) // 2, y, strip_w, thumbs_h)
        self.strip.keep_visible(self._index)

    # -- content ---------------------------------------------------------------
    def set_images(self, items: tuple[MediaInfo, ...], *, sync: bool = False) -> None:
        self._items = items
        self.strip.set_items([item.caption for item in items])
        for i, item in enumerate(items):
            thumb = self._store.cached(item.id, "thumb")
            if thumb is not None or sync:
                self.strip.set_icon(i, thumb or self._store.load_now(item.id, "thumb"))
            else:
                self._store.request(item.id, "thumb")
        self.strip.setVisible(len(items) > 1)
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
        self.strip.set_current(index)
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

    def _on_loaded(self, media_id: str, name: str, image: QImage) -> None:
        for i, item in enumerate(self._items):
            if item.id != media_id:
                continue
            if name == "thumb":
                self.strip.set_icon(i, image)
                if i == self._index and not self.photo.has_image():
                    self.photo.set_image(image)
                    self._layout()
            elif i == self._index:
                self.photo.set_image(image)
                self._layout()
