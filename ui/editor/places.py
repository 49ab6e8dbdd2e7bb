"""Placing chapters on the map: click to place, drag a marker to move, search place names.

``PlaceMap`` is the reader's ``StoryMapView`` (same basemap, labels, markers)
with two editing gestures added on top: a click that is not a drag places the
chosen chapter there, and markers become movable (releasing one moves its
chapters). Geographic maps turn scene points back into longitude/latitude with
the page's own projection; picture maps use picture pixels, as the reader does.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QStringListModel, Qt, Signal
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from story.editing import chapters as editing
from story.ids import ChapterId, MapId
from story.maps.basemap import PlacePoint, central_asia, distance_m, parse_basemap
from story.package.file import Package
from story.reading import list_maps, map_data
from story.records import ChapterSummary, Place
from ui.editor import media_undo, undo
from ui.editor.document import RENUMBERED, Change, EditorDocument, Notice
from ui.i18n import fill
from ui.map.markers import MarkerGroup, MarkerItem
from ui.map.view import StoryMapView

#: A click this close to a basemap place takes its name.
SNAP_M = 15_000

#: Besides renumbering, what changes the markers, the map list or the chapter's place.
_REDRAWN_AFTER = frozenset({Change.PLACE, Change.CHAPTER, Change.MAPS, Change.STORY})


class PlaceMap(StoryMapView):
    mapClicked = Signal(int, float, float)  # map id, lon, lat (x, y pixels on a picture map)
    markerMoved = Signal(list, int, float, float)  # chapter numbers, map id, lon/x, lat/y

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._press: QPointF | None = None
        self._grabbed: MarkerItem | None = None

    def set_story_maps(self, pkg: Package, chapters: list[ChapterSummary] | None = None) -> None:
        keep = (
            (self.switcher.currentIndex(), self.camera.center, self.camera.scale)
            if self.pages
            else None
        )
        super().set_story_maps(pkg, chapters)
        for page in self.pages:
            for m in page.markers:
                m.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        if keep is not None and 0 <= keep[0] < len(self.pages):
            self.show_map(keep[0])
            if self.page is not None and not self.page.error:
                self.camera.apply(QPointF(keep[1]), keep[2])

    def lon_lat(self, scene: QPointF) -> tuple[float, float] | None:
        page = self.page
        if page is None or page.error:
            return None
        if page.geo and page.projected is not None:
            return page.projected.proj.inverse(scene.x(), -scene.y())
        return scene.x(), scene.y()

    def scene_pos(self, lon: float, lat: float) -> QPointF | None:
        page = self.page
        if page is None or page.error:
            return None
        if page.geo and page.projected is not None:
            x, y = page.projected.proj.forward(lon, lat)
            return QPointF(x, -y)
        return QPointF(lon, lat)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)
        grabber = self.scene().mouseGrabberItem() if self.scene() else None
        self._grabbed = grabber if isinstance(grabber, MarkerItem) else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        marker, self._grabbed = self._grabbed, None
        moved = press is not None and (event.position() - press).manhattanLength() > 3
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.page is None:
            return
        if marker is not None:
            if moved:
                where = self.lon_lat(marker.pos())
                if where is not None:
                    self.markerMoved.emit(_spot(marker).indices, self.page.info.id, *where)
            return
        if not moved:
            where = self.lon_lat(self.mapToScene(event.position().toPoint()))
            if where is not None:
                self.mapClicked.emit(self.page.info.id, *where)


def _spot(marker: MarkerItem) -> MarkerGroup:
    """The marker's place and its chapters."""
    return marker.spot


class PlaceEditor(QWidget):
    """The map, a place-name search and the chosen chapter's place."""

    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlaceEditor")
        self.doc = doc
        self.chapter_id: ChapterId | None = None
        self.names: dict[str, PlacePoint] = {}
        self._points: dict[int, list[PlacePoint]] = {}
        self._dirty = True
        self.map = PlaceMap(self)
        self.map.mapClicked.connect(self._clicked)
        self.map.markerMoved.connect(self._moved)
        self.map.chapterActivated.connect(self._marker_chosen)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Search the map's place names, Enter to place the chapter there")
        )
        self.search.setAccessibleName(self.tr("Search place names"))
        self.search.setClearButtonEnabled(True)
        self.completer = QCompleter(QStringListModel(self), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(self.completer)
        self.search.returnPressed.connect(self.place_at_search)
        self.maps = QComboBox(self)
        self.maps.setAccessibleName(self.tr("Map"))
        self.maps.currentIndexChanged.connect(self._map_chosen)
        self.where = QLabel(self)
        self.where.setObjectName("Muted")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Place name"))
        self.name.setAccessibleName(self.tr("Place name"))
        self.name.editingFinished.connect(self._rename)
        self.clear = QPushButton(self.tr("Remove place"), self)
        self.clear.clicked.connect(self.clear_place)
        self.add_bundled = QPushButton(self.tr("Add the Central Asia basemap"), self)
        self.add_bundled.clicked.connect(self.add_bundled_map)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.maps, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Place"), self))
        bottom.addWidget(self.name, 1)
        bottom.addWidget(self.where, 1)
        bottom.addWidget(self.clear)
        bottom.addWidget(self.add_bundled)
        col = QVBoxLayout(self)
        col.setContentsMargins(12, 10, 12, 10)
        col.addLayout(top)
        col.addWidget(self.map, 1)
        col.addLayout(bottom)
        self.setTabOrder(self.search, self.maps)
        doc.changed.connect(self._changed)

    # -- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        self.map.set_story_maps(self.doc.pkg)
        maps = list_maps(self.doc.pkg)
        self.maps.blockSignals(True)
        self.maps.clear()
        for m in maps:
            self.maps.addItem(m.name or fill(self.tr("Map %1"), m.id), m.id)
        self.maps.setCurrentIndex(self.map.switcher.currentIndex())
        self.maps.blockSignals(False)
        self.names.clear()
        self._points.clear()
        for m in maps:
            if m.kind != "geo":
                continue
            try:
                points = list(parse_basemap(map_data(self.doc.pkg, m.id)).places)
            except Exception:
                points = []
            self._points[m.id] = points
            for p in points:
                self.names.setdefault(p.name, p)
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(sorted(self.names))
        self.add_bundled.setVisible(not maps and not self.doc.readonly)
        self._show_chapter()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def set_chapter(self, chapter_id: ChapterId | None) -> None:
        self.chapter_id = chapter_id
        if not self._dirty:
            self._show_chapter()

    def _show_chapter(self) -> None:
        place = editing.get_place(self.doc.pkg, self.chapter_id) if self.chapter_id else None
        self.name.setText(place.name if place else "")
        enabled = self.chapter_id is not None and not self.doc.readonly
        for w in (self.name, self.clear, self.search):
            w.setEnabled(enabled)
        self.clear.setEnabled(enabled and place is not None)
        if self.chapter_id is None:
            self.where.setText(self.tr("Choose a chapter to place it."))
        elif place is None:
            self.where.setText(self.tr("Not placed yet: click the map or search a place name."))
        else:
            self.where.setText(
                fill(
                    self.tr("x %1, y %2 (pixels of the picture)"),
                    f"{place.x:.0f}",
                    f"{place.y:.0f}",
                )
                if place.x is not None and place.y is not None
                else f"{place.lat:.4f}, {place.lon:.4f}"
            )
            index = editing.chapter_index(self.doc.pkg, self.chapter_id)
            self.map.set_current(index)
            self.map.focus_chapter(index, animate=False)

    def _changed(self, n: Notice) -> None:
        if n.kind in _REDRAWN_AFTER or n.kind in RENUMBERED:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    # -- gestures ---------------------------------------------------------------------
    def _picture(self, map_id: int) -> bool:
        return any(m.id == map_id and m.kind == "image" for m in list_maps(self.doc.pkg))

    def _nearest(self, map_id: int, lon: float, lat: float) -> str:
        if self._picture(map_id):  # lon/lat are the picture's x/y here
            return f"Point at {lon:.0f}, {lat:.0f}"
        best: PlacePoint | None = None
        best_d = float(SNAP_M)
        for p in self._points.get(map_id, []):
            d = distance_m((lon, lat), (p.lon, p.lat))
            if d < best_d:
                best, best_d = p, d
        if best is not None:
            return best.name
        ns, ew = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
        return f"{abs(lat):.3f}° {ns}, {abs(lon):.3f}° {ew}"

    def place_chapter(
        self,
        map_id: int,
        lon: float,
        lat: float,
        name: str | None = None,
        chapter_id: ChapterId | None = None,
    ) -> None:
        cid = chapter_id if chapter_id is not None else self.chapter_id
        if cid is None or self.doc.readonly:
            return
        old = editing.get_place(self.doc.pkg, cid)
        label = name or (old.name if old and chapter_id is not None else None)
        label = label or self._nearest(map_id, lon, lat)
        where = (  # a click on a picture map is in its pixels: x/y
            Place.pixel(label, round(lon, 1), round(lat, 1), MapId(map_id))
            if self._picture(map_id)
            else Place.geo(label, round(lat, 6), round(lon, 6), MapId(map_id))
        )
        undo.set_place(
            self.doc, cid, where, self.tr("Move place") if old else self.tr("Place chapter")
        )

    def _clicked(self, map_id: int, lon: float, lat: float) -> None:
        self.place_chapter(map_id, lon, lat)

    def _moved(self, indices: list[int], map_id: int, lon: float, lat: float) -> None:
        ids = [editing.chapter_id_at(self.doc.pkg, i) for i in indices]
        if len(ids) == 1:
            self.place_chapter(
                map_id, lon, lat, name=self._nearest(map_id, lon, lat), chapter_id=ids[0]
            )
            return
        self.doc.stack.beginMacro(self.tr("Move place"))
        for cid in ids:
            self.place_chapter(
                map_id, lon, lat, name=self._nearest(map_id, lon, lat), chapter_id=cid
            )
        self.doc.stack.endMacro()

    def _marker_chosen(self, index: int) -> None:
        pass  # the window follows markers through chapterActivated

    def place_at_search(self) -> None:
        p = self.names.get(self.search.text().strip())
        if p is None:
            matches = [
                n for n in self.names if self.search.text().strip().casefold() in n.casefold()
            ]
            p = self.names.get(matches[0]) if matches else None
        if p is None:
            self.where.setText(
                fill(self.tr("No place called “%1” on the map."), self.search.text())
            )
            return
        map_id = next((mid for mid, pts in self._points.items() if p in pts), None)
        if map_id is not None:
            self.place_chapter(map_id, p.lon, p.lat, name=p.name)

    def _rename(self) -> None:
        if self.chapter_id is None or self.doc.readonly:
            return
        old = editing.get_place(self.doc.pkg, self.chapter_id)
        name = self.name.text().strip()
        if old is not None and name and name != old.name:
            undo.set_place(
                self.doc, self.chapter_id, replace(old, name=name), self.tr("Rename place")
            )

    def clear_place(self) -> None:
        if self.chapter_id is not None:
            undo.set_place(self.doc, self.chapter_id, None)

    def _map_chosen(self, i: int) -> None:
        self.map.show_map(i)

    def add_bundled_map(self) -> None:
        media_undo.add_geo_map(self.doc, "Central Asia", central_asia())
