"""Text fields that commit themselves: a pause in typing, leaving the field or closing saves.

Each committed change is one undo step (merged while typing in the same
field), so the package always holds what the screen shows, give or take the
last 400 ms of typing, which ``flush()`` (called on close, before preview,
export and every chapter switch) commits at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

IDLE_MS = 400


class Committer(QObject):
    """Watches one editor widget; ``commit(text)`` is called when the text should be saved."""

    def __init__(self, widget: QLineEdit | QPlainTextEdit, commit: Callable[[str], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self._commit = commit
        self._pending = False
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self.flush)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._edited)
            widget.editingFinished.connect(self.flush)
        else:
            widget.textChanged.connect(self._edited)
        widget.installEventFilter(self)

    def text(self) -> str:
        w = self.widget
        return w.text() if isinstance(w, QLineEdit) else w.toPlainText()

    def set_text(self, text: str) -> None:
        """Show ``text`` (from the package) without treating it as an edit."""
        if text == self.text():
            return
        self._loading = True
        w = self.widget
        if isinstance(w, QLineEdit):
            w.setText(text)
            w.setCursorPosition(0)  # show the start of a long line, not its end
        else:
            cursor = w.textCursor().position()
            w.setPlainText(text)
            c = w.textCursor()
            c.setPosition(min(cursor, len(text)))
            w.setTextCursor(c)
        self._loading = False
        self._pending = False
        self.timer.stop()

    def _edited(self, *_: object) -> None:
        if self._loading:
            return
        self._pending = True
        self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        if self._pending:
            self._pending = False
            self._commit(self.text())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False


def flush_all(root: QWidget) -> None:
    """Commit every pending field under ``root``."""
    for c in root.findChildren(Committer):
        c.flush()
