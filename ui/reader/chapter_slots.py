"""The widgets over a chapter page's slots: made, fitted, moved as the text scrolls.

The page's document holds empty slot blocks (``ui.reader.chapter_flow``);
this module owns the widgets drawn over them (``ui.reader.chapter_figures``,
the gallery), one set per document. A neighbouring chapter's set is made
with its document, ahead and hidden (``prepare``), so a turn swaps both in.
Every fit sets its slot's height in the document first, then places the
widget where the slot landed; a scroll only moves widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QColor, QImage, QTextBlock, QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

from story.records import MediaInfo
from ui.reader.chapter_figures import HEIGHT_SHARE, FigureBox, FigureRow, SoundBlock
from ui.reader.chapter_flow import Slot, set_slot_height, slot_blocks
from ui.reader.gallery import Gallery
from ui.reader.images import ImageStore
from ui.reader.text import ReadingView

#: The lead picture's share of the page's height (room for its caption on the first screen).
LEAD_SHARE = 0.7
#: Most documents whose widgets are kept (the one shown and those laid out ahead).
SETS_KEPT = 4


@dataclass
class SlotSet:
    """One document's slot widgets, in document order (None: the shared gallery or sound)."""

    doc: QTextDocument
    widgets: list[QWidget | None] = field(default_factory=list)
    boxes: list[FigureBox] = field(default_factory=list)


class SlotWidgets(QObject):
    """Widgets over the slots of ``text``'s document; ``opened(info)`` asks for full screen."""

    opened = Signal(object)
    #: the sound's block came into view (once per chapter shown)
    soundInView = Signal()

    def __init__(
        self,
        text: ReadingView,
        images: ImageStore,
        gallery: Gallery,
        sound: SoundBlock,
        empty: str = "#e4ddd0",
    ) -> None:
        super().__init__(text)
        self.text = text
        self.images = images
        self.gallery = gallery
        self.sound = sound
        self.sync = False
        self.empty = QColor(empty)  # a photo's place until it arrives
        self._sets: dict[int, SlotSet] = {}
        self._shown: SlotSet | None = None
        self._blocks: list[QTextBlock] = []
        self._heard = False
        self._fitting = False
        images.loaded.connect(self._arrived)
        text.laidOut.connect(self.relayout)
        text.verticalScrollBar().valueChanged.connect(lambda _v: self.place())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # -- sets: made for a document, shown, dropped ------------------------------
    def _make(self, doc: QTextDocument, sync: bool) -> SlotSet:
        found = SlotSet(doc)
        parent = self.text.viewport()
        for slot in getattr(doc, "slots", ()):
            widget: QWidget | None = None
            if slot.kind in ("lead", "figure", "figures"):
                boxes = [FigureBox(info, alt, parent) for info, alt in _with_alts(slot)]
                for box in boxes:
                    box.photo.empty = self.empty
                    box.opened.connect(self.opened)
                    box.hide()
                    self._load(box, sync)
                found.boxes.extend(boxes)
                if slot.kind == "figures":
                    widget = FigureRow(boxes, parent)
                    widget.hide()
                    for box in boxes:
                        box.show()
                else:
                    widget = boxes[0]
            found.widgets.append(widget)
        self._sets[id(doc)] = found
        self._prune()
        return found

    def _prune(self) -> None:
        ready = {id(d) for d in self.text._ready.values()} | {id(self.text.document())}
        for key in [k for k in self._sets if k not in ready]:
            if len(self._sets) <= SETS_KEPT:
                break
            dropped = self._sets.pop(key)
            for widget in dropped.widgets:
                if widget is not None:
                    widget.deleteLater()

    def prepare(self, doc: QTextDocument | None) -> None:
        """Make and fit a neighbouring chapter's widgets with its document (kept hidden)."""
        if doc is None or id(doc) in self._sets:
            return
        made = self._make(doc, False)
        self._fit(made, slot_blocks(doc), show=False)
        for box in made.boxes:
            box.photo.prepare()  # scaled now, so the turn to it only draws

    def show_document(self, sync: bool = False) -> None:
        """The text's document is now shown: its widgets (made now if need be) over it."""
        doc = self.text.document()
        if self._shown is not None and self._shown.doc is not doc:
            for widget in self._shown.widgets:
                if widget is not None:
                    widget.hide()
        self.sync = sync
        found = self._sets.get(id(doc))
        if found is None:
            found = self._make(doc, sync)
        elif sync:
            for box in found.boxes:
                self._load(box, True)
        self._shown = found
        self._heard = False
        slots: tuple[Slot, ...] = getattr(doc, "slots", ())
        self.gallery.setVisible(any(s.kind == "gallery" for s in slots))
        self.sound.setVisible(any(s.kind == "sound" for s in slots))
        self.relayout()

    @property
    def boxes(self) -> list[FigureBox]:
        """The photos over the page shown, in document order."""
        return list(self._shown.boxes) if self._shown is not None else []

    # -- fitting and placing ---------------------------------------------------
    def relayout(self) -> None:
        shown = self._shown
        if shown is None or shown.doc is not self.text.document() or self._fitting:
            return
        self._blocks = slot_blocks(shown.doc)
        self._fit(shown, self._blocks, show=True)

    def _fit(self, found: SlotSet, blocks: list[QTextBlock], *, show: bool) -> None:
        view = self.text.viewport()
        vw, vh = view.width(), max(240, view.height())
        left, column = self.text.column()
        slots: tuple[Slot, ...] = getattr(found.doc, "slots", ())
        self._fitting = True
        try:
            for slot, widget, block in zip(slots, found.widgets, blocks, strict=False):
                height = self._fit_one(slot, widget, vw, vh, left, column)
                set_slot_height(found.doc, block, height)
        finally:
            self._fitting = False
        if show:
            self.place()

    def _fit_one(
        self, slot: Slot, widget: QWidget | None, vw: int, vh: int, left: int, column: int
    ) -> int:
        if slot.kind == "gallery":
            return min(round(vh * 0.85), max(360, round(vw * 0.6)))
        if slot.kind == "sound":
            return self.sound.fit(column)
        if isinstance(widget, FigureRow):
            width = vw - 48 if slot.placement == "full" else min(vw - 56, round(column * 1.35))
            return widget.fit(width, round(vh * HEIGHT_SHARE))
        if isinstance(widget, FigureBox):
            if slot.kind == "lead" or slot.placement == "full":
                share = LEAD_SHARE if slot.kind == "lead" else HEIGHT_SHARE
                return widget.fit(vw, round(vh * share), left, column)
            return widget.fit(column, round(vh * HEIGHT_SHARE))
        return 0

    def _x(self, slot: Slot, widget: QWidget) -> int:
        vw = self.text.viewport().width()
        if slot.kind == "gallery" or slot.kind == "lead" or slot.placement == "full":
            return 0 if not isinstance(widget, FigureRow) else 24
        return (vw - widget.width()) // 2

    def place(self) -> None:
        """Move the shown page's widgets to where their slots are now."""
        shown = self._shown
        if shown is None or shown.doc is not self.text.document():
            return
        layout = shown.doc.documentLayout()
        dy = self.text.verticalScrollBar().value()
        view = self.text.viewport()
        vw, vh = view.width(), view.height()
        slots: tuple[Slot, ...] = getattr(shown.doc, "slots", ())
        for slot, widget, block in zip(slots, shown.widgets, self._blocks, strict=False):
            target = widget
            if slot.kind == "gallery":
                target = self.gallery
            elif slot.kind == "sound":
                target = self.sound
            if target is None:
                continue
            top = round(layout.blockBoundingRect(block).top()) - dy
            height = round(block.blockFormat().lineHeight())
            if slot.kind == "gallery":
                target.setGeometry(0, top, vw, height)
            else:
                target.move(self._x(slot, target), top)
            target.show()  # off screen too: the viewport clips it, and Tab still reaches it
            if slot.kind == "sound" and not self._heard:
                seen = QRect(0, top, vw, height).intersected(QRect(0, 0, vw, vh))
                if seen.height() >= min(height, vh) * 0.6:
                    self._heard = True
                    self.soundInView.emit()

    def sound_visible(self) -> bool:
        return self._heard

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A photo, the sound's button or a thumbnail took focus: scroll it into view."""
        view = self.text.viewport()
        if new is None or new is view or not view.isAncestorOf(new):
            return
        self.reveal(new)

    def reveal(self, widget: QWidget, margin: int = 24) -> None:
        """Scroll the page so ``widget`` (over a slot) is on screen, as much as fits."""
        view = self.text.viewport()
        top = widget.mapTo(view, widget.rect().topLeft()).y()
        bottom = top + widget.height()
        bar = self.text.verticalScrollBar()
        if top < 0 or widget.height() + 2 * margin > view.height():
            bar.setValue(bar.value() + top - margin)
        elif bottom > view.height():
            bar.setValue(bar.value() + bottom - view.height() + margin)

    # -- photos ------------------------------------------------------------------
    def _load(self, box: FigureBox, sync: bool) -> None:
        media_id = box.info.id
        image = self.images.load_now(media_id) if sync else self.images.cached(media_id)
        if image is None:
            box.photo.set_image(self.images.cached(media_id, "thumb"))  # soft until it comes
            self.images.request(media_id)
        else:
            box.photo.set_image(image)

    def _arrived(self, media_id: str, name: str, image: QImage) -> None:
        if name != "display":
            return
        for found in self._sets.values():
            for box in found.boxes:
                if box.info.id == media_id:
                    box.photo.set_image(image)
                    if found is not self._shown:
                        box.photo.prepare()  # a page made ahead: scaled before it is shown


def _with_alts(slot: Slot) -> list[tuple[MediaInfo, str]]:
    alts = list(slot.alts) + [""] * (len(slot.items) - len(slot.alts))
    return list(zip(slot.items, alts, strict=False))
