"""The story map widget: the reader's way into a place-based story.

``StoryMapView`` shows the story's maps (a geographic basemap and any picture
maps) with one numbered marker per place. Pan and zoom by wheel (around the
cursor), drag, pinch, keyboard (+/−, arrows, 0 to see everything) and
double-click; markers open chapters by click or Enter and take Tab focus.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QPainter, QPixmap, QPixmapCache
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QLabel, QMenu, QTabBar, QWidget

from story.package.file import Package
from story.reading import list_chapters, list_maps, story_info
from story.records import ChapterSummary
from ui.map import accessible, chrome, style
from ui.map.camera import FLY_MS, Camera
from ui.map.card_thumb import chapter_thumb
from ui.map.declutter import nudge_apart
from ui.map.hovercard import HoverCard
from ui.map.interaction import MapInteraction
from ui.map.labels import Placed
from ui.map.markers import MarkerItem
from ui.map.pages import MapPage, build_geo_page, build_image_page, error_page


class StoryMapView(MapInteraction):
    chapterActivated = Signal(int)
    mapChanged = Signal(int)  # the id of the map now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StoryMapView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        hints = QPainter.RenderHint
        self.setRenderHints(hints.Antialiasing | hints.SmoothPixmapTransform)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setAccessibleName(self.tr("Story map"))
        self.setAccessibleDescription(
            self.tr(
                "Tab moves between chapter markers, Enter opens one; arrows pan, plus and minus zoom."  # noqa: E501
            )
        )
        # cached markers live in QPixmapCache: leave room for a thousand of them
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 96 * 1024))
        self.camera = Camera(self)
        self.camera.changed.connect(self._camera_changed)
        self.pages: list[MapPage] = []
        self.page: MapPage | None = None
        self._empty = QGraphicsScene(self)
        self.setScene(self._empty)
        self._pkg: Package | None = None
        self._chapters: list[ChapterSummary] = []
        self._current: int | None = None
        self._visited: set[int] = set()
        self._thumbs: dict[int, QPixmap | None] = {}
        self._colours = style.MarkerColours.from_accent(None)
        self._drag_from: QPointF | None = None
        self._dragged = False
        self._hovered: MarkerItem | None = None
        self.menu: QMenu | None = None
        self.card = HoverCard(self.viewport())
        self.message = QLabel(self.viewport())
        self.message.setObjectName("mapMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        # on the viewport: a scroll area's accessible children are its viewport and bars only
        self.switcher = QTabBar(self.viewport())
        self.switcher.setObjectName("mapSwitcher")
        self.switcher.setAccessibleName(self.tr("Maps"))
        accessible.install(self.viewport(), self.tr("Story map"))  # markers: its children
        self.switcher.setDrawBase(False)
        self.switcher.setExpanding(False)
        self.switcher.currentChanged.connect(self._switcher_changed)
        self.switcher.hide()
        self.restyle()
        chrome.SchemeFollower(self)  # and again when the desktop's scheme changes

    # ------------------------------------------------------------------ API
    def set_story_maps(self, pkg: Package, chapters: list[ChapterSummary] | None = None) -> None:
        """Load the package's maps and chapter markers; a bad map shows its message instead.

        ``chapters``: the chapters as the reader shows them (a translation's titles and place
        names); by default read from the package."""
        self._pkg = pkg
        self._thumbs.clear()
        self.card.hide()
        try:
            accent = story_info(pkg).theme.get("accent")
        except Exception:
            accent = None
        self.restyle()
        self._colours = style.MarkerColours.from_accent(accent)
        self.pages = []
        try:
            self._chapters = list_chapters(pkg) if chapters is None else chapters
            maps = list_maps(pkg)
        except Exception as exc:
            self._chapters, maps = [], []
            self.pages.append(
                error_page(None, self.tr("The map cannot be shown: %1").replace("%1", str(exc)))
            )
        first_geo = next((m.id for m in maps if m.kind == "geo"), None)
        for info in maps:
            on_map = [
                c
                for c in self._chapters
                if c.place is not None
                and (c.place.map_id == info.id or (c.place.map_id is None and info.id == first_geo))
            ]
            try:
                if info.kind == "image":
                    page = build_image_page(pkg, info, on_map, self._colours)
                else:
                    page = build_geo_page(pkg, info, on_map, self._colours)
            except Exception as exc:
                page = error_page(
                    info,
                    self.tr("The map “%1” cannot be shown. %2")
                    .replace("%1", info.name)
                    .replace("%2", str(exc)),
                )
            for m in page.markers:
                self._wire(m)
            self.pages.append(page)
        if not self.pages:
            self.pages.append(error_page(None, self.tr("This story has no map.")))
        self.switcher.blockSignals(True)
        while self.switcher.count():
            self.switcher.removeTab(0)
        for p in self.pages:
            self.switcher.addTab(p.info.name or self.tr("Map"))
        self.switcher.setCurrentIndex(0)
        self.switcher.blockSignals(False)
        self.switcher.setVisible(len(self.pages) > 1)
        self._apply_states()
        self.show_map(0)

    def restyle(self, scheme: str | None = None) -> None:
        """Put the map style of ``scheme`` (default: the reader's) in force for what is drawn."""
        st = style.use(scheme)
        self.setBackgroundBrush(st.q("background"))
        self.message.setStyleSheet(chrome.message_css(st))
        self.switcher.setStyleSheet(chrome.switcher_css(st))
        self.card.restyle()

    def set_current(self, index: int | None) -> None:
        self._current = index
        self._apply_states()

    def set_visited(self, indices: set[int]) -> None:
        self._visited = set(indices)
        self._apply_states()

    def focus_chapter(self, index: int, animate: bool = True) -> None:
        """Move to chapter ``index``'s place, switching maps if it is on another one."""
        for i, page in enumerate(self.pages):
            marker = page.marker_for(index)
            if marker is None:
                continue
            if page is not self.page:
                self.show_map(i)
            page.auto_fit = False
            cam = self.camera
            target = max(cam.scale, self._focus_scale(page))
            cam.go(
                marker.centre(), target, animate=animate and self.isVisible(), ms=FLY_MS, fly=True
            )
            return

    def fit_all(self, animate: bool = False) -> None:
        page = self.page
        if page is None or page.error:
            return
        rect = page.markers_rect() or page.initial
        min_size = 1 / (self._focus_scale(page) / 400)
        if rect.width() < min_size and rect.height() < min_size:
            rect = QRectF(
                rect.center().x() - min_size / 2,
                rect.center().y() - min_size / 2,
                min_size,
                min_size,
            )
        self.camera.fit(rect, pad=90, animate=animate and self.isVisible())  # room for labels

    def show_map(self, i: int) -> None:
        if not 0 <= i < len(self.pages):
            return
        if self.page is not None and not self.page.error:
            self.page.saved = (QPointF(self.camera.center), self.camera.scale)
        self.camera.stop()
        self.card.hide()
        self.page = page = self.pages[i]
        if self.switcher.currentIndex() != i:
            self.switcher.blockSignals(True)
            self.switcher.setCurrentIndex(i)
            self.switcher.blockSignals(False)
        if page.error:
            self.setScene(self._empty)
            self.message.setText(page.error)
            self.message.show()
            self._layout_overlays()
        else:
            self.message.hide()
            self.setScene(page.scene)
            self._set_limits()
            if page.saved is not None:
                self.camera.apply(*page.saved)
            else:
                self.camera.fit(page.initial, pad=24, animate=False)
        self.viewport().update()
        self.mapChanged.emit(page.info.id)

    # ------------------------------------------------------------- queries
    def current_map_id(self) -> int | None:
        return self.page.info.id if self.page else None

    def markers(self) -> list[MarkerItem]:
        return list(self.page.markers) if self.page else []

    def marker_viewport_pos(self, index: int) -> QPoint | None:
        """Where chapter ``index``'s marker is in the viewport (for tests and tours)."""
        m = self.page.marker_for(index) if self.page else None
        return self._marker_pos(m) if m is not None else None

    def _marker_pos(self, m: MarkerItem) -> QPoint:
        """The marker's centre in the viewport, nudge included."""
        p = self.mapFromScene(m.centre())
        return QPoint(p.x() + round(m.offset.x()), p.y() + round(m.offset.y()))

    def marker_rects(self) -> list[QRectF]:
        off, s = self.mapFromScene(QPointF(0, 0)), self.camera.scale
        return [m.footprint(s).translated(off.x(), off.y()) for m in self.markers()]

    def _placed(self) -> tuple[list[Placed], QPointF]:
        """The labels shown now, and the scene origin's place in the viewport."""
        off = self.mapFromScene(QPointF(0, 0)).toPointF()
        if self.page is None or self.page.labels is None:
            return [], off
        vis = self.viewport().rect().toRectF().translated(-off.x(), -off.y())
        return self.page.labels.placed_at(self.camera.scale, vis), off

    def placed_labels(self) -> list[QRectF]:
        """The shown labels' rectangles in viewport pixels."""
        placed, off = self._placed()
        return [p.rect.translated(off.x(), off.y()) for p in placed]

    def placed_label_texts(self) -> list[str]:
        return [p.spec.text for p in self._placed()[0]]

    # ------------------------------------------------------------- internals
    def _focus_scale(self, page: MapPage) -> float:
        if page.geo:
            return 1.0 / 120.0  # 120 m per pixel: a town and the country around it
        return min(page.max_scale, self.camera.fit_scale(page.content) * 2.2)

    def _set_limits(self) -> None:
        page = self.page
        if page is None or page.error:
            return
        fit = self.camera.fit_scale(page.content)
        self.camera.set_limits(page.content, fit * 0.8, max(fit, page.max_scale))

    def _wire(self, m: MarkerItem) -> None:
        m.activated.connect(self._open)
        m.menuRequested.connect(self._menu_for)
        m.hoverChanged.connect(self._hover)
        m.focusChanged.connect(self._marker_focus)

    def _open(self, index: int) -> None:
        self.card.hide()
        self.chapterActivated.emit(index)

    def _menu_for(self, marker: MarkerItem) -> None:
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Chapters at %1").replace("%1", marker.spot.place_name))
        for c in marker.spot.chapters:
            act = menu.addAction(f"{c.index}  {c.title}")
            act.triggered.connect(lambda _=False, i=c.index: self._open(i))
        self.menu = menu
        pos = self.viewport().mapToGlobal(self._marker_pos(marker))
        menu.popup(pos + QPoint(14, 14))
        menu.setActiveAction(menu.actions()[0])

    def _apply_states(self) -> None:
        for page in self.pages:
            for m in page.markers:
                idx = m.spot.indices
                m.set_state(
                    current=self._current in idx, visited=any(i in self._visited for i in idx)
                )
            if page.labels is not None:
                page.labels.invalidate()
        self._declutter(force=True)

    def _thumb(self, index: int) -> QPixmap | None:
        if index not in self._thumbs and self._pkg is not None:
            self._thumbs[index] = chapter_thumb(self._pkg, index)
        return self._thumbs.get(index)

    def _show_card(self, m: MarkerItem) -> None:
        g = m.spot
        first = g.chapters[0]
        if len(g.chapters) == 1:
            kicker = (
                self.tr("CHAPTER %1 · %2")
                .replace("%1", str(first.index))
                .replace("%2", g.place_name.upper())
            )
            title, summary = first.title, first.summary.splitlines()[0] if first.summary else ""
        else:
            kicker = self.tr("%1 · %n CHAPTER(S)", "", len(g.chapters)).replace(
                "%1", g.place_name.upper()
            )
            title = "\n".join(f"{c.index}  {c.title}" for c in g.chapters)
            summary = self.tr("Click to choose a chapter.")
        anchor = self._marker_pos(m)
        others = [r for o, r in zip(self.markers(), self.marker_rects(), strict=True) if o is not m]
        self.card.show_for(
            kicker, title, summary, self._thumb(first.index), self._colours.accent, anchor, others
        )

    def _hover(self, m: MarkerItem, entered: bool) -> None:
        if entered and not self._dragged:
            self._hovered = m
            self._show_card(m)
        elif self._hovered is m:
            self._hovered = None
            if not m.hasFocus():
                self.card.hide()

    def _marker_focus(self, m: MarkerItem, focused: bool) -> None:
        if not focused:
            if self._hovered is None:
                self.card.hide()
            return
        vp = self.viewport().rect().adjusted(40, 40, -40, -40)
        if not vp.contains(self._marker_pos(m)):
            self.camera.go(m.centre(), self.camera.scale, animate=False)
        self._show_card(m)
        markers = self.markers()
        k = markers.index(m) + 1 if m in markers else 0
        self.setAccessibleName(
            self.tr("Story map, marker %1 of %2: %3")
            .replace("%1", str(k))
            .replace("%2", str(len(markers)))
            .replace("%3", m.spot.accessible_text())
        )
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
        accessible.announce_focus(self, m)

    def _switcher_changed(self, i: int) -> None:
        self.show_map(i)

    def _camera_changed(self) -> None:
        self._declutter()
        if self._hovered is not None or (self.scene() and self.scene().focusItem()):
            m = self._hovered or self.scene().focusItem()
            if isinstance(m, MarkerItem) and self.card.isVisible():
                others = [
                    r
                    for o, r in zip(self.markers(), self.marker_rects(), strict=True)
                    if o is not m
                ]
                self.card._place(self._marker_pos(m), others)
        self.viewport().update()

    def _declutter(self, force: bool = False) -> None:
        """Nudge markers that would overlap at this zoom apart (story order keeps its place)."""
        page, s = self.page, self.camera.scale
        if page is None or page.error or (not force and s == page.declutter_scale):
            return
        page.declutter_scale = s
        changed = nudge_apart(page.markers, s)
        if changed and page.labels is not None:
            page.labels.invalidate()

    def _layout_overlays(self) -> None:
        vp = self.viewport().rect()
        self.message.setMaximumWidth(min(520, vp.width() - 40))
        self.message.adjustSize()
        box = self.message.rect()
        self.message.move((vp.width() - box.width()) // 2, (vp.height() - box.height()) // 2)
        self.switcher.adjustSize()
        self.switcher.move(12, 12)

    def _user_moved(self) -> None:
        if self.page is not None:
            self.page.auto_fit = False
