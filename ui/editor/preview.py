"""The preview is the reader itself (``ReaderView``), built on first use, reloaded after edits."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.editor.document import EditorDocument
from ui.reader.view import ReaderView


class Preview(QWidget):
    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.reader: ReaderView | None = None
        self._stale = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        doc.changed.connect(self._changed)

    def _changed(self, *_: object) -> None:
        self._stale = True

    def show_at(self, chapter: int | None, *, sync: bool = False) -> None:
        """Bring the reader up to date and open it at chapter number ``chapter`` (or the cover)."""
        reader = self.reader
        if reader is None:
            reader = self.reader = ReaderView(self.doc.pkg, sync_images=sync, parent=self)
            self._layout.addWidget(reader)
        elif self._stale:
            reader.reload()
        self._stale = False
        reader.restore(f"chapter:{chapter}" if chapter else "cover")
        _text_to_top(reader)
        reader.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.reader is not None:
            _text_to_top(self.reader)

    def leave(self) -> None:
        if self.reader is not None:
            self.reader.audio.stop()


def _text_to_top(reader: ReaderView) -> None:
    """Open the chapter at its start: the text view follows its cursor when resized."""
    text = getattr(getattr(reader, "chapter_page", None), "text", None)
    if text is not None and hasattr(text, "textCursor"):
        cursor = text.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        text.setTextCursor(cursor)
        text.verticalScrollBar().setValue(0)
