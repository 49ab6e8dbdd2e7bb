"""The chapter's date field (format 3): ISO 8601 a timeline can place, checked as typed.

Unlike the other chapter fields it does not save on a pause in typing: "2016-0"
on the way to "2016-04" is not a date. It commits when the curator presses
Enter or leaves the field (and on ``flush``, before a chapter switch); a text
``story.dates`` refuses is not saved, the field says why and keeps it for
correcting. Each saved change is one undo step (``undo.set_chapter_date``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLineEdit, QWidget

from story.dates import DateError, normalize_date
from story.editing import chapters as editing
from story.ids import ChapterId
from ui.editor import undo
from ui.editor.document import Change, EditorDocument, Notice

HINT = QT_TRANSLATE_NOOP(
    "ChapterDateField",
    "When it happens: 2016, 2016-04, 2017-10-02 or a range 2011-12/2012-06 (blank: undated)",
)


class ChapterDateField(QLineEdit):
    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DateEdit")
        self.doc = doc
        self.chapter_id: ChapterId | None = None
        self.error = ""
        self._pending = False  # typed since the last load or save
        self.setPlaceholderText(self.tr("Undated (e.g. 2016-04)"))
        self.setAccessibleName(self.tr("Chapter date"))
        self.setToolTip(self.tr(str(HINT)))
        self.setReadOnly(doc.readonly)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self.flush)
        doc.changed.connect(self._changed)

    def set_chapter(self, chapter_id: ChapterId | None) -> None:
        self.flush()
        self.chapter_id = chapter_id
        self._load()

    def _load(self) -> None:
        date = editing.chapter_date(self.doc.pkg, self.chapter_id) if self.chapter_id else None
        self.setText(date or "")
        self._pending = False
        self._show_error("")

    def _edited(self, _text: str) -> None:
        self._pending = True

    def _show_error(self, message: str) -> None:
        self.error = message
        hint = self.tr(str(HINT))
        self.setToolTip(f"{message}\n{hint}" if message else hint)
        self.setProperty("invalid", bool(message))
        self.style().unpolish(self)
        self.style().polish(self)

    def flush(self) -> None:
        """Save the typed date when it is one (an undo step), else say why and keep it."""
        if self.chapter_id is None or self.doc.readonly or not self._pending:
            return
        try:
            value = normalize_date(self.text())
        except DateError as exc:
            self._show_error(str(exc))
            return
        self._pending = False
        self._show_error("")
        undo.set_chapter_date(self.doc, self.chapter_id, value)

    def _changed(self, n: Notice) -> None:
        if n.kind is Change.CHAPTER and n.chapter == self.chapter_id and n.field == "date":
            self._load()
