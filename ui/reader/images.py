"""Decoded photos for the reader: a bounded cache, loaded off the GUI thread, with prefetch.

Turning a chapter should show its photo at once, so the reader asks for the
next and previous chapters' photos ahead of time. Decoding happens on the
pool (QImage is safe to build off the GUI thread; QPixmap is not).
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from story.package.file import Package
from story.reading import media_bytes, rendition
from ui.tasks import run_task

#: Budget for decoded images kept in memory (bytes of pixel data): a chapter and its two
#: neighbours with room to spare (15 photos of 1600x1000, 5 display renditions of 2560 px);
#: 320 MB let 1,000 chapters hold every photo they had shown (docs/PERFORMANCE.md).
CACHE_BYTES = 96 * 1024 * 1024


def decode(pkg: Package, media_id: str, name: str) -> QImage:
    """Decode a rendition ("display", "thumb"), falling back to the master."""
    found = rendition(pkg, media_id, name)
    data = found[1] if found else media_bytes(pkg, media_id)
    image = QImage.fromData(data)
    return image


class ImageStore(QObject):
    """Decoded images by (media id, rendition), evicting the least recently used."""

    loaded = Signal(str, str, QImage)  # media_id, rendition name, image

    def __init__(self, pkg: Package, budget: int = CACHE_BYTES, parent: QObject | None = None):
        super().__init__(parent)
        self._pkg = pkg
        self._budget = budget
        self._cache: OrderedDict[tuple[str, str], QImage] = OrderedDict()
        self._pending: set[tuple[str, str]] = set()

    def cached(self, media_id: str, name: str = "display") -> QImage | None:
        key = (media_id, name)
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def load_now(self, media_id: str, name: str = "display") -> QImage:
        image = self.cached(media_id, name)
        if image is None:
            image = decode(self._pkg, media_id, name)
            self._put((media_id, name), image)
        return image

    def request(self, media_id: str, name: str = "display") -> None:
        """Load in the background unless cached or already on its way; ``loaded`` fires."""
        key = (media_id, name)
        if key in self._cache:
            self.loaded.emit(media_id, name, self._cache[key])
            return
        if key in self._pending:
            return
        self._pending.add(key)
        pkg = self._pkg
        run_task(
            lambda: decode(pkg, media_id, name),
            lambda image: self._arrived(key, image),
            on_error=lambda _exc: self._pending.discard(key),
            owner=self,
        )

    def prefetch(self, media_ids: list[str], name: str = "display") -> None:
        for media_id in media_ids:
            if (media_id, name) not in self._cache:
                self.request(media_id, name)

    def _arrived(self, key: tuple[str, str], image: QImage) -> None:
        self._pending.discard(key)
        self._put(key, image)
        self.loaded.emit(key[0], key[1], image)

    def _put(self, key: tuple[str, str], image: QImage) -> None:
        self._cache[key] = image
        self._cache.move_to_end(key)
        while len(self._cache) > 1 and self.used_bytes() > self._budget:
            self._cache.popitem(last=False)

    def clear(self) -> None:
        self._cache.clear()

    def used_bytes(self) -> int:
        return sum(img.sizeInBytes() for img in self._cache.values())

    @property
    def pending(self) -> int:
        return len(self._pending)
