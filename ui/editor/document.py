"""The open package as the editor sees it: the package, its undo stack and one change signal.

Views never write to the package themselves: they push undo steps
(``ui/editor/undo.py``, ``ui/editor/media_undo.py``) onto ``stack``; each
step commits its edit and calls :meth:`EditorDocument.notify` with a typed
:class:`Notice`, which every view listens to (like Anki's ``OpChanges``).
The kinds are an enum, not strings, so mypy catches a view listening for a
kind nothing emits.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from story.ids import ChapterId, MediaId
from story.package.file import Package


class Change(Enum):
    """What an edit changed; the comment says which fields of the :class:`Notice` are set."""

    STORY = auto()  #: the story's fields or cover; ``field``
    CHAPTER = auto()  #: a chapter's title, summary or text; ``chapter``
    CHAPTER_ADDED = auto()  #: a chapter added or put back; ``chapter``, ``number``
    CHAPTER_REMOVED = auto()  #: a chapter deleted; ``chapter``
    CHAPTER_MOVED = auto()  #: a chapter moved; ``chapter``, ``number`` (its new number)
    CHAPTER_MEDIA = auto()  #: which media a chapter shows; ``chapter`` (None: any chapter)
    PLACE = auto()  #: a chapter's place; ``chapter``
    MEDIA = auto()  #: a medium's texts or cover use; ``media``
    AUDIO = auto()  #: a recording's trim and fades; ``media``
    LIBRARY = auto()  #: media added to or removed from the library
    REPLACED = auto()  #: a medium's file swapped; ``media`` (old), ``replacement`` (new)
    MAPS = auto()  #: a map added or removed
    TRANSLATION = auto()  #: a text's translation (format 4); ``field`` is "LANG:KIND:FIELD"


#: Kinds after which chapter numbers may differ.
RENUMBERED = frozenset({Change.CHAPTER_ADDED, Change.CHAPTER_REMOVED, Change.CHAPTER_MOVED})


@dataclass(frozen=True)
class Notice:
    """One change, told to every view: its kind and the typed key of what it touched."""

    kind: Change
    chapter: ChapterId | None = None
    media: MediaId | None = None
    number: int | None = None  # 1-based chapter number (added at, moved to)
    field: str | None = None
    replacement: MediaId | None = None


class EditorDocument(QObject):
    changed = Signal(object)  # Notice

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

    def notify(self, notice: Notice) -> None:
        self.changed.emit(notice)

    def close(self) -> None:
        self.stack.clear()
        self.pkg.close()
