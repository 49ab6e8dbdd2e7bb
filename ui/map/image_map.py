"""Drawing a picture map tile by tile, with a bounded cache of decoded tiles.

Each frame picks the pyramid level whose pixels are closest to (not coarser
than) the screen's, draws the tiles in view that are already decoded, decodes
a few missing ones within a time budget, and fills the rest from a coarser
level already in memory, then asks for another frame. The cache holds at most
``MAX_TILES`` decoded tiles (least recently used out first), so memory stays
bounded however large the picture.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from story.maps.picture import ImageMapError, ImageMapInfo

MAX_TILES = 160  # 160 × 256 KiB = 40 MiB of decoded tiles at most
DECODE_BUDGET_S = 0.008
#: between frames: decode the tiles the last frame lacked for this long, then draw again
BETWEEN_BUDGET_S = 0.024
MISSING = QColor("#e7e2d8")

TileSource = Callable[[int, int, int], bytes | None]


class TileCache:
    """Least-recently-used decoded tiles, keyed by (level, col, row)."""

    def __init__(self, capacity: int = MAX_TILES) -> None:
        self.capacity = capacity
        self._tiles: OrderedDict[tuple[int, int, int], QImage | None] = OrderedDict()

    def get(self, key: tuple[int, int, int]) -> QImage | None:
        img = self._tiles.get(key)
        if key in self._tiles:
            self._tiles.move_to_end(key)
        return img

    def has(self, key: tuple[int, int, int]) -> bool:
        return key in self._tiles

    def put(self, key: tuple[int, int, int], img: QImage | None) -> None:
        self._tiles[key] = img
        self._tiles.move_to_end(key)
        while len(self._tiles) > self.capacity:
            self._tiles.popitem(last=False)

    def __len__(self) -> int:
        return len(self._tiles)

    def bytes_held(self) -> int:
        return sum(img.sizeInBytes() for img in self._tiles.values() if img is not None)


class TileLayerItem(QGraphicsItem):
    """The picture, in scene coordinates of full-resolution pixels."""

    def __init__(
        self, info: ImageMapInfo, source: TileSource, *, capacity: int = MAX_TILES
    ) -> None:
        super().__init__()
        self.info = info
        self.source = source
        self.cache = TileCache(capacity)
        self.broken_tiles = 0
        self.error: str = ""
        self._rect = QRectF(0, 0, info.width, info.height)
        self._pending = False
        self._wanted: list[tuple[int, int, int]] = []  # tiles the last frame lacked
        self.incomplete = True  # until a frame has drawn every tile in view
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setZValue(0)

    def boundingRect(self) -> QRectF:
        return self._rect

    def level_for_scale(self, scale: float) -> int:
        """The coarsest level whose pixels are still no larger than a screen pixel."""
        if scale <= 0:
            return self.info.levels - 1
        lv = math.floor(math.log2(1.0 / scale) + 1e-9)
        return max(0, min(self.info.levels - 1, lv))

    def _decode(self, key: tuple[int, int, int]) -> QImage | None:
        try:
            data = self.source(*key)
        except ImageMapError as exc:
            self.error = str(exc)
            data = None
        img = QImage()
        if data is None or not img.loadFromData(data):
            self.broken_tiles += 1
            self.cache.put(key, None)
            return None
        img = img.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        self.cache.put(key, img)
        return img

    def _ancestor(self, level: int, col: int, row: int) -> tuple[QImage, QRectF] | None:
        """A coarser cached tile covering this one, and the part of it to draw."""
        ts = self.info.tile_size
        for up in range(1, self.info.levels - level):
            f = 2**up
            key = (level + up, col // f, row // f)
            img = self.cache.get(key)
            if img is not None:
                sub = ts / f
                src = QRectF((col % f) * sub, (row % f) * sub, sub, sub)
                return img, src
        return None

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        t = painter.worldTransform()
        scale = math.hypot(t.m11(), t.m12())
        level = self.level_for_scale(scale)
        ts = self.info.tile_size
        f = 2**level
        span = ts * f  # scene pixels per tile at this level
        exposed = option.exposedRect.intersected(self._rect)
        if exposed.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale < 1.5)
        c0, c1 = int(exposed.left() // span), int(math.ceil(exposed.right() / span))
        r0, r1 = int(exposed.top() // span), int(math.ceil(exposed.bottom() / span))
        deadline = time.perf_counter() + DECODE_BUDGET_S
        missing = False
        self._wanted = []
        for row in range(r0, r1):
            for col in range(c0, c1):
                key = (level, col, row)
                target = QRectF(col * span, row * span, span, span).intersected(self._rect)
                if self.cache.has(key):
                    img = self.cache.get(key)
                elif time.perf_counter() < deadline:
                    img = self._decode(key)
                else:
                    img, missing = None, True
                    self._wanted.append(key)
                    anc = self._ancestor(level, col, row)
                    if anc is not None:
                        a_img, src = anc
                        w = target.width() / span * src.width()
                        h = target.height() / span * src.height()
                        painter.drawImage(target, a_img, QRectF(src.x(), src.y(), w, h))
                        continue
                if img is None:
                    painter.fillRect(target, MISSING)
                    continue
                painter.drawImage(target, img, QRectF(0, 0, img.width(), img.height()))
        self.incomplete = missing
        if missing and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._more)

    def _more(self) -> None:
        """Decode what the last frame lacked (a frame alone decodes only ~2 tiles), then draw."""
        self._pending = False
        if not shiboken6.isValid(self):  # the scene may have gone meanwhile
            return
        deadline = time.perf_counter() + BETWEEN_BUDGET_S
        while self._wanted and time.perf_counter() < deadline:
            key = self._wanted.pop(0)
            if not self.cache.has(key):
                self._decode(key)
        self.update()

    def fully_loaded(self) -> bool:
        """True when the last frame drew every tile in view at its own level."""
        return not self.incomplete and not self._pending
