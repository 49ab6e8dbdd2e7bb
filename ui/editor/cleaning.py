"""“Remove identifying metadata from N media…”: every dirty medium cleaned, as one undo step.

The Checks panel offers it when ``validate`` reports ``media-identifying-metadata``.
The slow half (reading each master, stripping it; ffmpeg for recordings) runs
on the pool with a progress dialog and Cancel; nothing is written there. When
it comes back, one macro goes on the undo stack: a step per medium whose redo
stores the clean master (``story.editing.cleaning.apply_clean``) and whose
undo puts the old medium back with its id, bytes and uses. Ctrl+Z undoes the
whole macro.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from story.editing.cleaning import Cleaned, PreparedClean, apply_clean, prepare_clean, undo_clean
from story.ids import MediaId
from ui.editor.document import Change, EditorDocument, Notice
from ui.editor.fields import flush_all
from ui.editor.undo import Edit
from ui.i18n import fill
from ui.tasks import Task, TaskContext, run_task

RULE = "media-identifying-metadata"


class _Words(QObject):
    def label(self, count: int) -> str:
        return self.tr("Remove identifying metadata from %n medium(s)…", "", count)

    def title(self) -> str:
        return self.tr("Remove identifying metadata")


def label(count: int) -> str:
    return _Words().label(count)


class _CleanStep(Edit):
    """One medium cleaned: redo stores the clean master, undo brings the old one back."""

    def __init__(self, doc: EditorDocument, prep: PreparedClean) -> None:
        super().__init__(doc, _Words().title(), self._apply, self._revert, [])
        self.prep = prep
        self.done: Cleaned | None = None

    def _apply(self) -> None:
        self.done = done = apply_clean(self.doc.pkg, self.prep)
        self.notices = [
            Notice(Change.REPLACED, media=done.old_id, replacement=done.new_id),
            Notice(Change.LIBRARY),
            Notice(Change.CHAPTER_MEDIA),
            *([Notice(Change.STORY, field="cover")] if done.cover else []),
            *(
                [Notice(Change.STORY, field="about")]
                if any(c is None for c, _ in done.texts)
                else []
            ),
            *(Notice(Change.CHAPTER, chapter=c) for c, _ in done.texts if c is not None),
        ]

    def _revert(self) -> None:
        if self.done is not None:
            undo_clean(self.doc.pkg, self.done)


def push_cleaning(doc: EditorDocument, prepared: Sequence[PreparedClean]) -> None:
    """One undo step (a macro) that cleans every prepared medium."""
    if not prepared:
        return
    doc.stack.beginMacro(label(len(prepared)).rstrip("…"))
    try:
        for prep in prepared:
            doc.stack.push(_CleanStep(doc, prep))
    finally:
        doc.stack.endMacro()


class Cleaner(QObject):
    """Runs the cleaning of a list of media: worker, progress dialog, then the undo macro."""

    finished = Signal(int)  # media cleaned (0 when cancelled or failed)

    def __init__(self, doc: EditorDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.doc = doc
        self.parent_widget = parent
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None
        self.last_error = ""

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, media: Sequence[MediaId]) -> Task | None:
        if self.running or self.doc.readonly or not media:
            return None
        flush_all(self.parent_widget.window())  # typed text is in the file first
        pkg, ids = self.doc.pkg, list(media)
        dialog = self.dialog = QProgressDialog(
            self.tr("Removing identifying metadata…"),
            self.tr("Cancel"),
            0,
            1000,
            self.parent_widget,
        )
        dialog.setWindowTitle(_Words().title())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        medium_of = self.tr("Medium %1 of %2: %3")  # translated here, on the GUI thread

        def work(ctx: TaskContext) -> list[PreparedClean] | None:
            out: list[PreparedClean] = []
            for i, mid in enumerate(ids):
                if ctx.cancelled:
                    return None
                ctx.progress(i / len(ids), fill(medium_of, i + 1, len(ids), mid[:12]))
                prep = prepare_clean(pkg, mid)
                if prep is not None:
                    out.append(prep)
            return out

        self.task = task = run_task(
            work,
            self._done,
            on_error=self._failed,
            on_progress=self._progress,
            with_context=True,
            owner=self,
        )
        dialog.canceled.connect(task.cancel)
        return task

    def _progress(self, fraction: float, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(fraction * 1000))
            self.dialog.setLabelText(text)

    def _close(self) -> None:
        self.task = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
            self.parent_widget.window().activateWindow()  # its shortcuts (Ctrl+Z) work again

    def _done(self, prepared: list[PreparedClean] | None) -> None:
        self._close()
        if prepared is None:
            self.finished.emit(0)
            return
        push_cleaning(self.doc, prepared)
        self.finished.emit(len(prepared))

    def _failed(self, exc: BaseException) -> None:
        self._close()
        self.last_error = str(exc)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _Words().title(),
            fill(self.tr("Nothing was changed: %1"), exc),
            parent=self.parent_widget,
        )
        box.open()  # not exec(): the event loop (and tests) go on
        self.finished.emit(0)
