"""The open package as the editor sees it: the package, its undo stack and one change signal.

Views never write to the package themselves: they push commands
(``ui/editor/commands.py``) onto ``stack``; each command commits its edit
and calls ``notify(kind, key)``, which every view listens to. Kinds:
``story``, ``chapters`` (order, added, removed), ``chapter`` (key: id),
``media`` (key: id), ``library`` (media added or removed), ``place`` (key: id),
``maps``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from story.package.file import Package


class EditorDocument(QObject):
    changed = Signal(str, object)  # kind, key

    def __init__(self, pkg: Package, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pkg = pkg
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(500)

    @property
    def path(self) -> Path:
        return self.pkg.path

    @property
    def readonly(self) -> bool:
        return self.pkg.readonly

    def notify(self, kind: str, key: object = None) -> None:
        self.changed.emit(kind, key)

    def close(self) -> None:
        self.stack.clear()
        self.pkg.close()
