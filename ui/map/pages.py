"""One scene per story map: the basemap or picture, its labels, route and chapter markers.

A page is built from a package's map (geographic or picture) and the chapters
placed on it. A map that cannot be read becomes a page holding only its error
message, so the rest of the story still opens.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from story.ids import MapId
from story.maps.basemap import Line
from story.maps.derived import DerivedBasemap
from story.maps.geometry import basemap_geometry
from story.maps.picture import image_map_info, read_tile
from story.package.file import Package
from story.records import ChapterSummary, MapInfo
from ui.map import style
from ui.map.basemap_layer import BasemapItem, ProjectedBasemap
from ui.map.image_map import TileLayerItem
from ui.map.labels import LabelLayerItem, LabelSpec
from ui.map.marker_layer import MarkerLayerItem
from ui.map.markers import MarkerGroup, MarkerItem

#: Closest zoom on a geographic map: metres per pixel.
GEO_MIN_M_PER_PX = 15.0
#: Above this many stops the route line is left out.
MAX_ROUTE_PLACES = 60
#: Closest zoom on a picture map: screen pixels per picture pixel.
IMAGE_MAX_SCALE = 2.0


@dataclass
class MapPage:
    info: MapInfo
    scene: QGraphicsScene
    content: QRectF = field(default_factory=QRectF)  # where one may pan (scene)
    initial: QRectF = field(default_factory=QRectF)  # the first view (scene)
    geo: bool = True
    max_scale: float = 1.0
    markers: list[MarkerItem] = field(default_factory=list)
    labels: LabelLayerItem | None = None
    tiles: TileLayerItem | None = None
    projected: ProjectedBasemap | None = None
    error: str = ""
    saved: tuple[QPointF, float] | None = None
    declutter_scale: float = 0.0
    auto_fit: bool = True
    #: the markers' accessible interfaces (ui.map.accessible), made when first asked for
    accessible: list[Any] = field(default_factory=list)

    def marker_for(self, chapter: int) -> MarkerItem | None:
        for m in self.markers:
            if chapter in m.spot.indices:
                return m
        return None

    def markers_rect(self) -> QRectF | None:
        """The rectangle around the markers' places (map pixels), or None without markers."""
        if not self.markers:
            return None
        xs = [m.spot.x for m in self.markers]
        ys = [m.spot.y for m in self.markers]
        return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))


def error_page(info: MapInfo | None, message: str) -> MapPage:
    """A page that says why a map cannot be shown (``info`` None: the story has no usable map)."""
    scene = QGraphicsScene()
    return MapPage(
        info=info or MapInfo(MapId(0), "geo", "Map", "", None),
        scene=scene,
        content=QRectF(0, 0, 1, 1),
        initial=QRectF(0, 0, 1, 1),
        error=message,
    )


def _group(
    chapters: Sequence[ChapterSummary],
    map_id: int,
    pos: Callable[[float, float], tuple[float, float] | None],
    pixels: bool = False,
) -> list[MarkerGroup]:
    """Markers for the places on this map: lon/lat on a geographic page, x/y (the
    picture's pixels) on a picture page (``pixels``); a place of the other kind is skipped."""
    groups: dict[tuple[int, int], MarkerGroup] = {}
    for ch in chapters:
        if ch.place is None or ch.place.on_picture != pixels:
            continue
        h, v = ch.place.point
        xy = pos(h, v)
        if xy is None:
            continue
        key = (round(v * 1e4), round(h * 1e4))
        g = groups.get(key)
        if g is None:
            groups[key] = MarkerGroup(map_id, ch.place.name, xy[0], xy[1], [ch])
        else:
            g.chapters.append(ch)
    return list(groups.values())


def _route(scene: QGraphicsScene, groups: list[MarkerGroup], colours: style.MarkerColours) -> None:
    """A subtle dashed line joining the places in story order."""
    order = sorted(((c.index, g) for g in groups for c in g.chapters), key=lambda t: t[0])
    pts = [QPointF(g.x, g.y) for _i, g in order]
    dedup = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
    if not 2 <= len(dedup) <= MAX_ROUTE_PLACES:
        return  # a route through hundreds of places would be noise, not a route
    path = QPainterPath(dedup[0])
    for p in dedup[1:]:
        path.lineTo(p)
    light = style.active().scheme == "light"
    colour = QColor(colours.accent if light else colours.visited_text)
    colour.setAlpha(120 if light else 170)
    pen = QPen(colour, 1.6, Qt.PenStyle.CustomDashLine)
    pen.setDashPattern([3.0, 3.0])
    pen.setCosmetic(True)
    item = QGraphicsPathItem(path)
    item.setPen(pen)
    item.setZValue(15)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    scene.addItem(item)


def _add_markers(page: MapPage, groups: list[MarkerGroup], colours: style.MarkerColours) -> None:
    _route(page.scene, groups, colours)
    for g in groups:
        m = MarkerItem(g, colours)
        page.scene.addItem(m)
        page.markers.append(m)
    page.markers.sort(key=lambda m: m.spot.indices[0])
    if page.markers:
        page.scene.addItem(MarkerLayerItem(page.markers, QRectF(-1e12, -1e12, 2e12, 2e12)))


def _local_name(names: dict[str, str], cc: str) -> str:
    if cc == "CN":
        return names.get("name_zh", "") if style.has_cjk_font() else names.get("name_ru", "")
    if cc == "KZ":
        return names.get("name_kk") or names.get("name_ru", "")
    return names.get("name_ru", "")


def geo_label_specs(derived: DerivedBasemap) -> list[LabelSpec]:
    """The basemap's names as labels: key places get a second line in the local script."""
    specs = []
    for a in derived.labels:
        local = _local_name(a.names, a.cc) if a.kind == "key" else ""
        if local == a.text:
            local = ""
        specs.append(LabelSpec(a.key, a.text, local, a.x, a.y, a.kind, a.rank, a.dot, a.alts))
    return specs


def build_geo_page(
    pkg: Package, info: MapInfo, chapters: Sequence[ChapterSummary], colours: style.MarkerColours
) -> MapPage:
    derived = basemap_geometry(pkg, info.id, info.extent, name=info.name)
    ext = info.extent or derived.extents.get("region") or derived.bbox
    projected = ProjectedBasemap(derived)
    proj = projected.proj
    scene = QGraphicsScene()
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    scene.addItem(BasemapItem(projected))

    def pos(lon: float, lat: float) -> tuple[float, float] | None:
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return None
        x, y = proj.forward(lon, lat)
        return x, -y

    page = MapPage(info=info, scene=scene, geo=True, projected=projected)
    groups = _group(chapters, info.id, pos)
    _add_markers(page, groups, colours)
    corners = [pos(x, y) for x in (ext[0], (ext[0] + ext[2]) / 2, ext[2]) for y in (ext[1], ext[3])]
    xs = [c[0] for c in corners if c]
    ys = [c[1] for c in corners if c]
    page.initial = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))
    page.content = projected.rect.united(_groups_rect(groups) or projected.rect)
    page.max_scale = 1.0 / GEO_MIN_M_PER_PX
    page.labels = LabelLayerItem(
        geo_label_specs(derived),
        page.content.adjusted(-1e6, -1e6, 1e6, 1e6),
        lambda s: [m.footprint(s) for m in page.markers if m.isVisible()],
    )
    scene.addItem(page.labels)
    scene.setSceneRect(page.content.adjusted(-5e6, -5e6, 5e6, 5e6))
    return page


def _groups_rect(groups: list[MarkerGroup]) -> QRectF | None:
    if not groups:
        return None
    xs = [g.x for g in groups]
    ys = [g.y for g in groups]
    return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))


def _line_item(lines: Sequence[Line]) -> QGraphicsPathItem | None:
    path = QPainterPath()
    approx = False
    for ln in lines:
        approx = approx or ln.approx
        for part in ln.parts:
            path.moveTo(*part[0])
            for p in part[1:]:
                path.lineTo(*p)
    if path.isEmpty():
        return None
    pen = QPen(style.active().q("story_line"), 2.2)
    pen.setCosmetic(True)
    if approx:
        pen.setDashPattern([5.0, 3.0])
    item = QGraphicsPathItem(path)
    item.setPen(pen)
    item.setZValue(5)
    return item


def build_image_page(
    pkg: Package, info: MapInfo, chapters: Sequence[ChapterSummary], colours: style.MarkerColours
) -> MapPage:
    meta = image_map_info(pkg, info.id)
    scene = QGraphicsScene()
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    tiles = TileLayerItem(meta, lambda lv, c, r: read_tile(pkg, info.id, lv, c, r))
    scene.addItem(tiles)
    line = _line_item(meta.lines)
    if line is not None:
        scene.addItem(line)

    def pos(x: float, y: float) -> tuple[float, float] | None:
        if not (math.isfinite(x) and math.isfinite(y)):
            return None
        if not (-meta.width <= x <= 2 * meta.width and -meta.height <= y <= 2 * meta.height):
            return None
        return x, y

    rect = QRectF(0, 0, meta.width, meta.height)
    page = MapPage(
        info=info,
        scene=scene,
        geo=False,
        tiles=tiles,
        content=rect,
        initial=rect,
        max_scale=IMAGE_MAX_SCALE,
    )
    groups = _group(chapters, info.id, pos, pixels=True)
    _add_markers(page, groups, colours)
    specs = [
        LabelSpec(f"m{i}", g.place_name, "", g.x, g.y, "marker", 0, dot=False)
        for i, g in enumerate(groups)
        if g.place_name
    ]
    page.labels = LabelLayerItem(
        specs,
        rect.adjusted(-1e5, -1e5, 1e5, 1e5),
        lambda s: [m.footprint(s) for m in page.markers if m.isVisible()],
    )
    scene.addItem(page.labels)
    scene.setSceneRect(
        rect.adjusted(-4 * meta.width, -4 * meta.height, 4 * meta.width, 4 * meta.height)
    )
    return page
