"""Imports from the editor: the media engineer's ``MediaImporter`` with a progress bar and a
cancel button in the status bar, recorded as one undo step per batch.

The importer commits each file as it finishes (so a crash loses nothing shown
as imported); when the batch ends, an already-done step goes on the undo
stack: undo takes the batch's new media out (and the chapter's links back to
how they were), redo puts them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QProgressBar, QToolButton, QWidget

from media.importer import import_file
from story.editing import media as media_edits
from story.ids import ChapterId, MediaId
from ui.editor import media_undo
from ui.editor.document import Change, EditorDocument, Notice
from ui.importer import MediaImporter
from ui.tasks import run_task

PATTERNS = "*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.gif *.wav *.mp3 *.flac *.ogg *.opus *.m4a *.aac *.webm"  # noqa: E501


def media_filter() -> str:
    """The file dialogs' filter, its words in the interface's language."""
    words = QCoreApplication.translate("ImportController", "Photos and recordings")
    every = QCoreApplication.translate("ImportController", "All files")
    return f"{words} ({PATTERNS});;{every} (*)"


class ImportController(QObject):
    message = Signal(str)
    finished = Signal()

    def __init__(
        self,
        doc: EditorDocument,
        bar: QProgressBar,
        cancel: QToolButton,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.bar, self.cancel_button = bar, cancel
        self.importer: MediaImporter | None = None
        self._chapter_id: ChapterId | None = None
        self._known: set[MediaId] = set()
        self._links_before: list[MediaId] | None = None
        self._items: list[tuple[MediaId, bool]] = []
        self._failures: list[str] = []
        cancel.clicked.connect(self.cancel)
        self._show(False)

    @property
    def running(self) -> bool:
        return self.importer is not None and self.importer.running

    def _show(self, on: bool) -> None:
        self.bar.setVisible(on)
        self.cancel_button.setVisible(on)

    def start(self, paths: Sequence[str | Path], chapter_id: ChapterId | None) -> bool:
        if self.doc.readonly or not paths:
            return False
        if self.running:
            self.message.emit(self.tr("An import is running; wait for it or cancel it first."))
            return False
        self._chapter_id = chapter_id
        self._known = media_edits.media_ids(self.doc.pkg)
        self._links_before = (
            media_edits.chapter_media_ids(self.doc.pkg, chapter_id)
            if chapter_id is not None
            else None
        )
        self._items, self._failures = [], []
        self.importer = MediaImporter(self.doc.pkg, chapter_id=chapter_id, parent=self)
        self.importer.file_progress.connect(self._progress)
        self.importer.item_imported.connect(self._imported)
        self.importer.failed.connect(self._failed)
        self.importer.finished.connect(self._finished)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("Importing %n file(s)…", "", len(paths)) + " %p%")
        self._show(True)
        self.importer.start(paths)
        return True

    def cancel(self) -> None:
        if self.importer is not None:
            self.importer.cancel()
            self.bar.setFormat(self.tr("Stopping after this file…"))

    def _progress(self, fraction: float, name: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        self.bar.setFormat(self.tr("Importing %1…").replace("%1", name) + " %p%")

    def _imported(self, media_id: MediaId, _thumb: object) -> None:
        new = media_id not in self._known and all(m != media_id for m, _ in self._items)
        self._items.append((media_id, new))
        self.doc.notify(Notice(Change.LIBRARY))
        if self._chapter_id is not None:
            self.doc.notify(Notice(Change.CHAPTER_MEDIA, chapter=self._chapter_id))

    def _failed(self, path: str, reason: str) -> None:
        self._failures.append(f"{Path(path).name}: {reason}" if path else reason)

    def _finished(self) -> None:
        self._show(False)
        if self.importer is not None:
            self.importer.deleteLater()
        self.importer = None
        seen: set[MediaId] = set()
        unique = [(m, n) for m, n in self._items if not (m in seen or seen.add(m))]  # type: ignore[func-returns-value]
        media_undo.imported(self.doc, self._chapter_id, unique, self._links_before)
        done = self.tr("Imported %n file(s)", "", len(unique))
        if self._failures:
            refused = self.tr("%n refused:", "files not imported", len(self._failures))
            done += f"; {refused} " + "; ".join(self._failures[:3])
        self.message.emit(done)
        self.finished.emit()

    # -- the file dialogs -------------------------------------------------------------------
    def _dialog_parent(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def ask_import(self, chapter_id: ChapterId | None) -> None:
        """Choose files and import them (into chapter ``chapter_id`` when given)."""
        if self.doc.readonly:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self._dialog_parent(),
            self.tr("Import photos and recordings"),
            str(Path.home()),
            media_filter(),
        )
        if paths:
            self.start(list(paths), chapter_id)

    def ask_replace(self, media_id: MediaId) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._dialog_parent(), self.tr("Replace the file"), str(Path.home()), media_filter()
        )
        if path:
            self.replace(media_id, path)

    # -- replacing one medium's file ------------------------------------------------------
    def replace(self, media_id: MediaId, path: str | Path) -> None:
        if self.doc.readonly:
            return
        self.message.emit(self.tr("Importing %1…").replace("%1", Path(path).name))

        def done(item: object) -> None:
            new = media_undo.replace_file(self.doc, media_id, item)  # type: ignore[arg-type]
            self.message.emit(self.tr("Replaced with %1").replace("%1", Path(path).name))
            self.replaced.emit(media_id, new)

        run_task(
            lambda: import_file(Path(path)),
            done,
            on_error=lambda exc: self.message.emit(
                self.tr("Not replaced: %1").replace("%1", str(exc))
            ),
            owner=self,
        )

    replaced = Signal(str, str)
