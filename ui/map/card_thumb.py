"""The thumbnail a marker's hover card shows: the chapter's first photo (the card itself is
``ui.map.hovercard``)."""

from __future__ import annotations

from PySide6.QtGui import QPixmap

from story.package.file import Package
from story.reading import get_chapter, rendition


def chapter_thumb(pkg: Package, index: int) -> QPixmap | None:
    """Chapter ``index``'s first photo as a thumbnail, or None (no photo, or unreadable)."""
    try:
        images = get_chapter(pkg, index).images
        found = rendition(pkg, images[0].id, "thumb") if images else None
    except Exception:
        return None
    if found is None:
        return None
    pix = QPixmap()
    return pix if pix.loadFromData(found[1]) else None
