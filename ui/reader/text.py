"""Chapter text: a read-only view over a page rendered by ``ui.reader.text_render``.

The page is laid out in a quarantine document first (nothing loads from disk
or network); this module is the view: one centred column of comfortable
measure, links that open only through the session's opener, pages laid out
ahead and swapped in, and the keys a reader of long text expects.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QPaintEvent, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QToolTip, QWidget

from ui.reader.chapter_flow import Slot, paint_rules
from ui.reader.links import SESSION, LinkOpener, decide
from ui.reader.text_media import ReaderDocument, TextMedia
from ui.reader.text_render import (
    MARKDOWN,
    MAX_RENDER_CHARS,
    MAX_RENDER_LINKS,
    MAX_RUN_CHARS,
    MEASURE_PX,
    PREPARED_KEPT,
    TOO_LONG_NOTE,
    Content,
    bounded,
    measure_px,
    render_markdown,
)
from ui.theme import Palette

__all__ = [
    "MARKDOWN",
    "MAX_RENDER_CHARS",
    "MAX_RENDER_LINKS",
    "MAX_RUN_CHARS",
    "MEASURE_PX",
    "TOO_LONG_NOTE",
    "ReadingView",
    "bounded",
    "render_markdown",
]
NO_MODS = Qt.KeyboardModifier.NoModifier
#: Keys the text leaves to the reader (chapters), though a scroll area would use them.
READER_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)


class ReadingView(QTextBrowser):
    """A read-only text view that keeps its text in one centred column of comfortable measure.

    Links do not navigate by themselves: a click goes to :attr:`links` (the
    session's :class:`LinkOpener`), and hovering one shows where it goes. The
    view takes focus (Tab): Tab then walks its links, Enter opens one, the
    arrows up and down, Space and Page Up/Down scroll, H / Shift+H go to the
    next / previous heading; the reader's own keys (left, right, Home, End,
    letters) go on to the reader.
    """

    #: what a hovered link is shown as (its host, or why it does not open); "" when it leaves
    linkHovered = Signal(str)
    #: laid out afresh or resized: widgets over the slots follow (chapter_page)
    laidOut = Signal()

    def __init__(
        self, palette: Palette, parent: QWidget | None = None, *, media: TextMedia | None = None
    ) -> None:
        super().__init__(parent)
        self.setDocument(ReaderDocument(self))
        #: pages laid out ahead (``prepare``), by what they show and how: a turn swaps one in
        self._ready: dict[tuple[object, ...], ReaderDocument] = {}
        self.set_media(media)
        self.palette_ = palette
        self.text_scale = 1.0
        self.links: LinkOpener = SESSION
        self.hovered = ""
        self._content: Content = ("", "", "", "", None)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.highlighted.connect(self._hover)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_media(self, media: TextMedia | None) -> None:
        """Where ``media:`` images come from (None: they show as placeholders)."""
        doc = self.document()
        assert isinstance(doc, ReaderDocument)
        doc.media = media
        self.forget_prepared()

    def forget_prepared(self) -> None:
        """Drop the pages laid out ahead (the package or its media changed)."""
        for doc in self._ready.values():
            doc.deleteLater()
        self._ready.clear()

    def _clicked(self, url: QUrl) -> None:
        self.links.open(url, self)

    def _hover(self, url: QUrl) -> None:
        self.hovered = decide(url).where if not url.isEmpty() else ""
        if self.hovered:
            QToolTip.showText(QCursor.pos(), self.hovered, self.viewport())
        else:
            QToolTip.hideText()
        self.linkHovered.emit(self.hovered)

    def doSetSource(
        self,
        name: QUrl | str,
        /,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:
        """Never navigate: the view shows the text it is given, not what a link names."""

    def show_markdown(
        self,
        md: str,
        *,
        kicker: str = "",
        title: str = "",
        standfirst: str = "",
        slots: tuple[Slot, ...] | None = None,
    ) -> None:
        """Show a page; with ``slots`` (a chapter), read as blocks with room for widgets."""
        self._content = (md, kicker, title, standfirst, slots)
        self.setAccessibleName(title or kicker)  # the page's text, named by its title
        ready = self._ready.pop(self._key(self._content), None)
        if ready is None:
            self._render()
        else:  # laid out ahead: the same document _render would make, swapped in
            old = self.document()
            self.setDocument(ready)
            if old.parent() is self:
                old.deleteLater()
            self.moveCursor(QTextCursor.MoveOperation.Start)
        self._fit_column()
        self.verticalScrollBar().setValue(0)
        self.laidOut.emit()

    def prepare(
        self,
        md: str,
        *,
        kicker: str = "",
        title: str = "",
        standfirst: str = "",
        slots: tuple[Slot, ...] | None = None,
    ) -> ReaderDocument | None:
        """Lay out a page ahead (a neighbouring chapter) so ``show_markdown`` of it is a swap.

        Returns the new document (None when it was ready already)."""
        content: Content = (md, kicker, title, standfirst, slots)
        key = self._key(content)
        if key in self._ready:
            return None
        current = self.document()
        assert isinstance(current, ReaderDocument)
        doc = ReaderDocument(self)
        doc.media = current.media
        self._fill(doc, content)
        self._fit_column(doc)
        self._ready[key] = doc
        while len(self._ready) > PREPARED_KEPT:
            self._ready.pop(next(iter(self._ready))).deleteLater()
        return doc

    def _key(self, content: Content) -> tuple[object, ...]:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return (content, self.text_scale, rtl, id(self.palette_))

    def set_text_scale(self, scale: float) -> None:
        """Enlarge or shrink the text (1.0 to 2.0), keeping the place in it."""
        bar = self.verticalScrollBar()
        where = bar.value() / max(1, bar.maximum())
        self.text_scale = max(0.8, min(2.0, scale))
        self._render()
        self.resizeEvent(None)
        bar.setValue(int(where * bar.maximum()))

    def _render(self) -> None:
        self._fill(self.document(), self._content)
        self._fit_column()
        self.moveCursor(QTextCursor.MoveOperation.Start)  # else a resize scrolls to the end
        self.laidOut.emit()

    def _fill(self, doc: QTextDocument, content: Content) -> None:
        md, kicker, title, standfirst, slots = content
        # a right-to-left story sets every paragraph right to left (its kicker too);
        # otherwise each paragraph takes the direction of its own first letters
        option = doc.defaultTextOption()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LayoutDirectionAuto
        )
        doc.setDefaultTextOption(option)
        render_markdown(
            doc,
            md,
            self.palette_,
            kicker=kicker,
            title=title,
            standfirst=standfirst,
            scale=self.text_scale,
            slots=slots,
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange and any(self._content[:4]):
            self._render()

    def column(self) -> tuple[int, int]:
        """(left, width) of the text column in the viewport: the measure, or less."""
        width = self.viewport().width()
        side = max(28, (width - measure_px(self.text_scale)) // 2)
        return side, max(120, width - 2 * side)

    def _fit_column(self, doc: QTextDocument | None = None) -> None:
        """Centre the column by the root frame's margins (the viewport spans the view, so a
        picture over a slot can bleed past the column)."""
        doc = doc if doc is not None else self.document()
        left, width = self.column()
        right = max(0, self.viewport().width() - left - width)
        root = doc.rootFrame().frameFormat()
        if (root.leftMargin(), root.rightMargin(), root.topMargin()) != (left, right, 36):
            root.setLeftMargin(left)
            root.setRightMargin(right)
            root.setTopMargin(36)
            doc.rootFrame().setFrameFormat(root)

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        self._fit_column()
        if event is not None:
            super().resizeEvent(event)
        self.laidOut.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_rules(self, self.palette_.accent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.hasFocus():  # from a photo over the page: the reader's, not the text's
            event.ignore()
            return
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key == Qt.Key.Key_H and mods in (NO_MODS, Qt.KeyboardModifier.ShiftModifier):
            if self.next_heading(-1 if mods else 1):
                event.accept()
                return
        if key in READER_KEYS and mods == NO_MODS:
            event.ignore()  # the reader's: next chapter, first, last
            return
        super().keyPressEvent(event)

    def next_heading(self, step: int) -> bool:
        """Bring the next (``step`` 1) or previous (-1) heading to the top, the caret on it."""
        doc = self.document()
        layout = doc.documentLayout()
        top = self.verticalScrollBar().value()
        found = None
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                y = layout.blockBoundingRect(block).top()
                if step > 0 and y > top + 8:
                    found = (block, y)
                    break
                if step < 0 and y < top - 8:
                    found = (block, y)
            block = block.next()
        if found is None:
            return False
        self.setTextCursor(QTextCursor(found[0]))
        self.verticalScrollBar().setValue(int(found[1]) - 12)
        return True

    def scroll_by_page(self, pages: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + int(pages * bar.pageStep()))
