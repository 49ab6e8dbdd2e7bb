"""The reader made for fingers (exhibition mode): targets of at least 44 px, swipes, drag to scroll.

A touch screen in a museum has no keyboard and no hover: every button must
be big enough to hit with a finger (44 px, the usual guideline), a sideways
swipe turns the chapter (on the full-screen photo, the photo), a drag on the
text or the contents scrolls them (instead of selecting words or rows), and a
tap near a map marker opens it.
The map itself already pans by drag and zooms by pinch (``ui.map.interaction``).

One filter reads mouse events: a finger on a widget that does not take
touch events arrives as a mouse event Qt synthesizes, so the same code
serves a touch screen and the mouse-drag fallback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QLabel,
    QScrollBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

if TYPE_CHECKING:
    from ui.map.markers import MarkerItem
    from ui.reader.view import ReaderView

#: The smallest target a finger hits reliably, in pixels.
TARGET = 44
#: A drag longer than this (pixels) is a swipe or a scroll, not a tap.
SLOP = 12
#: A swipe turns the chapter when it goes this far sideways (or a tenth of the width).
SWIPE_MIN = 80

#: Raises every control the reader shows to finger size (appended to the reader's sheet).
TOUCH_STYLE = f"""
#TopBar QToolButton {{ min-height: {TARGET}px; min-width: {TARGET}px; padding: 0 16px;
    font-size: 15px; }}
#TopBar QToolButton::menu-indicator {{ image: none; width: 0; }}
QPushButton#Primary, QPushButton#Secondary, QPushButton#Link {{ min-height: {TARGET + 4}px; }}
QPushButton#Link {{ min-width: {TARGET}px; padding: 0 14px; }}
#AudioBar QToolButton {{ border-radius: 24px; }}
#AudioBar QSlider {{ min-height: {TARGET}px; }}
#AudioBar QSlider::handle:horizontal {{ width: 26px; height: 26px; margin: -11px 0;
    border-radius: 13px; }}
#Toc QLabel {{ min-height: {TARGET}px; font-size: 15px; }}
QMenu {{ font-size: 16px; padding: 6px; }}
QMenu::item {{ padding: 12px 28px 12px 20px; min-height: 22px; }}
"""

MAP_SWITCHER_STYLE = f"""
#mapSwitcher::tab {{ background: rgba(255,253,249,0.92); color: #3a3631;
    border: 1px solid #d9d2c4; padding: 0 20px; margin-right: 6px; min-height: {TARGET}px;
    border-radius: 22px; font-size: 15px; }}
#mapSwitcher::tab:selected {{ background: #2e2b27; color: white; border-color: #2e2b27; }}
"""


class MinHeightDelegate(QStyledItemDelegate):
    """Another delegate's items, never shorter than a finger."""

    def __init__(self, inner: QAbstractItemDelegate, minimum: int, parent: QObject) -> None:
        super().__init__(parent)
        self.inner = inner
        self.minimum = minimum

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = self.inner.sizeHint(option, index)
        return QSize(size.width(), max(size.height(), self.minimum))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.inner.paint(painter, option, index)


def make_touch_friendly(view: ReaderView) -> None:
    """Finger-sized controls and drag-scrolled, unselectable text on ``view``."""
    view.setStyleSheet(view.styleSheet() + TOUCH_STYLE)
    view.topbar.setFixedHeight(TARGET + 16)
    view.audio.setFixedHeight(TARGET + 20)
    view.audio.play_button.setFixedSize(TARGET + 4, TARGET + 4)
    toc = view.toc.list
    toc.setItemDelegate(MinHeightDelegate(toc.itemDelegate(), TARGET + 4, toc))
    toc.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # follows the finger
    for text in (view.chapter_page.text, view.about_page):
        # No selecting by drag (the drag scrolls) and no links (kiosk: nothing leaves).
        text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)


def adapt_map(map_view: QWidget) -> None:
    """Finger-sized map switcher tabs (the map pans by drag and zooms by pinch already)."""
    switcher = getattr(map_view, "switcher", None)
    if switcher is not None:
        switcher.setStyleSheet(MAP_SWITCHER_STYLE)
        switcher.adjustSize()
    label = map_view.findChild(QLabel, "mapMessage")
    if label is not None:
        label.setMinimumHeight(TARGET)


class TouchFilter(QObject):
    """Swipes turn chapters, drags scroll text, taps near a marker open it (an app filter)."""

    def __init__(self, view: ReaderView) -> None:
        super().__init__(view)
        self.view = view
        self._press: QPoint | None = None  # global position of the press
        self._target: QWidget | None = None
        self._mode = ""  # "", "swipe", "scroll"
        self._scroll_from = 0
        self.swipes = 0  # chapters turned by a swipe (for tests and the curious)

    def _page_of(self, widget: QWidget) -> str:
        v = self.view
        if v.viewer.isVisible() and (widget is v.viewer or v.viewer.isAncestorOf(widget)):
            return "viewer"  # the full-screen photo: a swipe steps between the photos
        if v.toc.isVisible() and v.toc.list.isAncestorOf(widget):
            return "contents"  # a drag scrolls the list of chapters
        strip = v.chapter_page.gallery.strip
        if strip.isAncestorOf(widget) or widget is strip:
            return ""  # the thumbnails scroll sideways on their own
        if v.stack.currentWidget() is v.chapter_page and v.chapter_page.isAncestorOf(widget):
            return "chapter"
        if v.stack.currentWidget() is v.cover and (
            v.cover.isAncestorOf(widget) or widget is v.cover
        ):
            return "cover"
        if v.stack.currentWidget() is v.about_page and v.about_page.isAncestorOf(widget):
            return "about"
        map_page: QWidget | None = v.map_page
        on_map = map_page is not None and (map_page.isAncestorOf(widget) or widget is map_page)
        return "map" if on_map and v.stack.currentWidget() is map_page else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Mouse events (a finger's, synthesized, or the mouse's) on the reader's pages.

        An event the first widget ignores goes on to its parents, and the filter
        sees it again: a press is recorded once, moves set absolute positions and a
        release is acted on once, so seeing one twice changes nothing.
        """
        kind = event.type()
        press = kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
        if not (press or kind in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease)):
            return False
        if not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QMouseEvent)
        pos = event.globalPosition().toPoint()
        if press:
            if self._press is not None and self._press == pos:
                return False  # the same press, passed on to a parent
            page = self._page_of(watched)
            if event.button() != Qt.MouseButton.LeftButton or not page:
                self._press = None
                return False
            self._press, self._target, self._mode = pos, watched, ""
            # Two quick taps count as a double click, which zooms the map; by a
            # marker the second one is a tap on the marker, so the map stays.
            dbl = kind == QEvent.Type.MouseButtonDblClick
            return dbl and page == "map" and self._marker_near(pos) is not None
        if self._press is None:
            return False
        delta = pos - self._press
        if kind == QEvent.Type.MouseMove:
            return self._moved(delta)
        return self._released(delta, pos)

    def _moved(self, delta: QPoint) -> bool:
        assert self._target is not None
        page = self._page_of(self._target)
        if not self._mode:
            if abs(delta.x()) + abs(delta.y()) < SLOP:
                return page in ("chapter", "about", "cover", "contents", "viewer")
            if page == "map":
                self._press = None  # the map pans by itself
                return False
            sideways = abs(delta.x()) > 1.5 * abs(delta.y())
            turns = page in ("chapter", "cover", "viewer")
            self._mode = "swipe" if sideways and turns else "scroll"
            bar = self._scroll_bar()
            self._scroll_from = bar.value() if bar is not None else 0
        if self._mode == "scroll":
            bar = self._scroll_bar()
            if bar is not None:
                bar.setValue(self._scroll_from - delta.y())
        return True

    def _released(self, delta: QPoint, pos: QPoint) -> bool:
        assert self._target is not None
        page, mode = self._page_of(self._target), self._mode
        self._press, self._mode = None, ""
        if mode == "swipe":
            if abs(delta.x()) >= min(SWIPE_MIN, self.view.width() // 10):
                self.swipes += 1
                step = 1 if delta.x() < 0 else -1
                if page == "viewer":
                    self.view.viewer.show_index(self.view.viewer.index + step)
                elif step > 0:
                    self.view.next_chapter()
                else:
                    self.view.previous_chapter()
            self._release_button()
            return True
        if mode == "scroll":
            self._release_button()
            return True
        if page == "map":
            self._tap_marker(pos)
        return False

    def _release_button(self) -> None:
        """A button pressed at the start of a drag is let go without being clicked."""
        if isinstance(self._target, QAbstractButton) and self._target.isDown():
            self._target.setDown(False)

    def _scroll_bar(self) -> QScrollBar | None:
        """The vertical scroll bar of the text or list under the finger, if it scrolls."""
        target = self._target
        while target is not None and not isinstance(target, QAbstractScrollArea):
            target = target.parentWidget()
        return target.verticalScrollBar() if target is not None else None

    def _tap_marker(self, global_pos: QPoint) -> None:
        """A tap within a finger's width of a marker opens it (markers are drawn 22 px wide)."""
        marker = self._marker_near(global_pos)
        if marker is not None:
            marker.activate()

    def _marker_near(self, global_pos: QPoint) -> MarkerItem | None:
        """The marker a finger at ``global_pos`` means, when it missed its drawing."""
        map_page = self.view.map_page
        if map_page is None or not hasattr(map_page, "markers"):
            return None
        local = map_page.viewport().mapFromGlobal(global_pos)
        markers = [m for m in map_page.markers() if m.isVisible()]
        if map_page.itemAt(local) in markers:
            return None  # hit squarely: the marker opens itself
        best, best_d = None, float(TARGET / 2 + 2)
        for marker in markers:
            at = map_page.marker_viewport_pos(marker.spot.indices[0])
            if at is None:
                continue
            d = ((at.x() - local.x()) ** 2 + (at.y() - local.y()) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = marker, d
        return best
