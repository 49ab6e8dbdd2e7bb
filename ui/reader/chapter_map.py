"""A small live map beside a chapter's text, on wide windows, for chapters with a place.

The story map (``ui.map.view.StoryMapView``) is used through its public API
only: it is made on first need (after the turn that needs it, so a turn does
not wait for the map), then follows the reading, flying to each chapter's
place (no flight when reduced motion is asked for: ``ui.schemes``). A click
on a marker still opens chapters (``chapterActivated``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from story.package.file import Package
from story.records import ChapterSummary
from ui.schemes import reduced_motion

#: The page's width from which the map sits beside the text (narrower: text alone).
WIDE_PX = 1200
#: The map's share of the page, within these bounds.
SHARE, MIN_PX, MAX_PX = 0.3, 340, 560
#: How long after a turn the map is first made.
MAKE_MS = 80


class ChapterMap(QWidget):
    """Holds the story map beside the text; ``follow(index)`` flies to a chapter's place."""

    chapterActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChapterMap")
        self.setAccessibleName(self.tr("Map of this chapter's place"))
        self.map: Any = None  # StoryMapView, made on first need
        self._story: tuple[Package, list[ChapterSummary]] | None = None
        self._index: int | None = None
        self._calm = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._make_timer = QTimer(self, singleShot=True, interval=MAKE_MS)
        self._make_timer.timeout.connect(self._make)
        self.hide()

    def set_story(self, pkg: Package, chapters: list[ChapterSummary], has_map: bool) -> None:
        """The story whose map this is (None of it when the story has no map)."""
        self._story = (pkg, chapters) if has_map else None
        if self.map is not None and self._story is not None:
            self.map.set_story_maps(pkg, chapters)

    def wanted(self, page_width: int, has_place: bool) -> bool:
        return self._story is not None and has_place and page_width >= WIDE_PX

    @staticmethod
    def width_for(page_width: int) -> int:
        return max(MIN_PX, min(MAX_PX, round(page_width * SHARE)))

    def follow(self, index: int, *, sync: bool = False) -> None:
        """Fly to chapter ``index``'s place (now, or once the map is made)."""
        self._index = index
        self._calm = sync
        if self.map is None:
            if sync:
                self._make()
            else:
                self._make_timer.start()
            return
        self.map.set_current(index)
        animate = not sync and not reduced_motion() and self.isVisible()
        self.map.focus_chapter(index, animate=animate)

    def _make(self) -> None:
        if self.map is not None or self._story is None:
            return
        from ui.map.view import StoryMapView

        view = StoryMapView(self)
        view.set_story_maps(*self._story)
        view.chapterActivated.connect(self.chapterActivated)
        self._layout.addWidget(view)
        self.map = view
        if self._index is not None:
            self.follow(self._index, sync=True)
