"""The map's markers as children in the accessibility tree (issue 13).

Markers are scene items, not widgets, so assistive technology saw only the
map, whose name was rewritten to announce the focused marker. Here the map's
viewport gets an accessible interface (:func:`install` adds a ``QAccessible``
factory) whose children are its widgets (the map switcher, the message) and
then one :class:`MarkerAccessible` per marker of the map shown, in story
order: role Button, named by the place and its chapters ("Khorgos Gateway,
3 chapters"), described by the chapter titles, with its rectangle on screen
and its focus. Tab moves through the markers from marker 1
(``ui.map.interaction``); Enter opens the chapter or its chapters' menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QColor, QWindow
from PySide6.QtWidgets import QAccessibleWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QGraphicsScene

    from ui.map.markers import MarkerItem
    from ui.map.pages import MapPage

    class StoryMapView(Protocol):  # what is used of ui.map.view's class (no import cycle)
        page: MapPage | None

        def markers(self) -> list[MarkerItem]: ...
        def scene(self) -> QGraphicsScene: ...
        def viewport(self) -> QWidget: ...
        def window(self) -> QWidget: ...
        def hasFocus(self) -> bool: ...
        def _marker_pos(self, m: MarkerItem) -> QPoint: ...


#: objectName of the viewport whose interface lists the markers
VIEWPORT_NAME = "storyMapViewport"


def marker_name(m: MarkerItem) -> str:
    """What a screen reader says first: the place, and how many chapters it has."""
    n = len(m.spot.chapters)
    if n == 1:
        c = m.spot.chapters[0]
        return (
            QCoreApplication.translate("MarkerAccessible", "%1, chapter %2")
            .replace("%1", m.spot.place_name)
            .replace("%2", str(c.index))
        )
    return QCoreApplication.translate("MarkerAccessible", "%1, %n chapters", "", n).replace(
        "%1", m.spot.place_name
    )


class MarkerAccessible(QAccessibleInterface):
    """One marker as an accessible button, child of the map's viewport."""

    def __init__(self, view: StoryMapView, marker: MarkerItem) -> None:
        super().__init__()
        self.view = view
        self.marker = marker

    def isValid(self) -> bool:
        return shiboken6.isValid(self.marker) and shiboken6.isValid(self.view)

    def object(self) -> QObject:
        return self.marker

    def window(self) -> QWindow | None:  # type: ignore[override]  # None is Qt's nullptr
        return self.view.window().windowHandle()

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        return QAccessible.queryAccessibleInterface(self.view.viewport())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        return None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Button

    def text(self, t: QAccessible.Text) -> str:
        if not self.isValid():
            return ""
        if t == QAccessible.Text.Name:
            return marker_name(self.marker)
        if t == QAccessible.Text.Description:
            return self.marker.spot.accessible_text()
        return ""

    def setText(self, t: QAccessible.Text, text: str) -> None:
        pass

    def rect(self) -> QRect:
        """The marker on screen (global coordinates), as assistive technology highlights it."""
        if not self.isValid():
            return QRect()
        pos = self.view._marker_pos(self.marker)
        hw, hh = self.marker.half_size()
        top_left = self.view.viewport().mapToGlobal(pos)
        return QRect(
            round(top_left.x() - hw), round(top_left.y() - hh), round(2 * hw), round(2 * hh)
        )

    def state(self) -> Any:
        s = QAccessible.State()
        s.focusable = True
        if not self.isValid():
            s.invalid = True
            return s
        s.focused = self.marker.hasFocus() and self.view.hasFocus()
        s.pressed = False
        inside = self.view.viewport().rect().contains(self.view._marker_pos(self.marker))
        s.offscreen = not inside
        s.invisible = not self.marker.isVisible()
        s.hasPopup = len(self.marker.spot.chapters) > 1
        return s

    def backgroundColor(self) -> QColor:
        return QColor()

    def foregroundColor(self) -> QColor:
        return QColor()

    def actionInterface(self) -> None:  # type: ignore[override]  # None is Qt's nullptr
        return None

    def tableCellInterface(self) -> None:  # type: ignore[override]  # None is Qt's nullptr
        return None

    def tableInterface(self) -> None:
        return None

    def textInterface(self) -> None:  # type: ignore[override]  # None is Qt's nullptr
        return None

    def valueInterface(self) -> None:  # type: ignore[override]  # None is Qt's nullptr
        return None


class MapViewportAccessible(QAccessibleWidget):
    """The map's viewport: its widgets, then the markers of the map shown."""

    def __init__(self, viewport: QWidget, view: StoryMapView) -> None:
        super().__init__(viewport, QAccessible.Role.Client)
        self.view = view

    def _markers(self) -> list[MarkerAccessible]:
        return marker_interfaces(self.view) if shiboken6.isValid(self.view) else []

    def childCount(self) -> int:
        return super().childCount() + len(self._markers())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        own = super().childCount()
        if index < own:
            return super().child(index)
        markers = self._markers()
        return markers[index - own] if 0 <= index - own < len(markers) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if isinstance(child, MarkerAccessible):
            markers = self._markers()
            for i, m in enumerate(markers):
                if m.marker is child.marker:
                    return super().childCount() + i
            return -1
        return super().indexOfChild(child)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr
        focused = focused_marker(self.view) if shiboken6.isValid(self.view) else None
        if focused is not None:
            for m in self._markers():
                if m.marker is focused:
                    return m
        return super().focusChild()


def focused_marker(view: StoryMapView) -> MarkerItem | None:
    from ui.map.markers import MarkerItem

    scene = view.scene()
    item = scene.focusItem() if scene is not None else None
    return item if isinstance(item, MarkerItem) else None


def marker_interfaces(view: StoryMapView) -> list[MarkerAccessible]:
    """The markers' interfaces for the map shown, made once per page and registered with Qt."""
    page = view.page
    if page is None:
        return []
    if len(page.accessible) != len(page.markers):
        page.accessible = [MarkerAccessible(view, m) for m in page.markers]
        for iface in page.accessible:
            QAccessible.registerAccessibleInterface(iface)  # Qt's cache: deleted with the marker
    return page.accessible


def announce_focus(view: StoryMapView, marker: MarkerItem) -> None:
    """Tell assistive technology that ``marker`` has the focus now."""
    if not QAccessible.isActive():
        return
    for iface in marker_interfaces(view):
        if iface.marker is marker:
            QAccessible.updateAccessibility(QAccessibleEvent(iface, QAccessible.Event.Focus))
            return


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QWidget) and obj.objectName() == VIEWPORT_NAME:
        view = obj.parentWidget()
        if view is not None and view.objectName() == "StoryMapView":  # ui.map.view's class
            return MapViewportAccessible(obj, view)  # type: ignore[arg-type]
    return None


_installed = False


def install(viewport: QWidget, name: str) -> None:
    """Name the viewport and install the factory (once per process)."""
    global _installed
    viewport.setObjectName(VIEWPORT_NAME)
    viewport.setAccessibleName(name)
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
