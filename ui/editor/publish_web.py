"""File > Publish web edition…: the open story as a static site, with progress and Cancel.

The work is ``story.publish.web.publish_web`` on a pool thread (``ui.tasks.run_task``):
it reports chapters as it makes them and stops when the person presses Cancel, leaving
no half-written folder. The result or the one-line reason comes back to the GUI
thread; a failure is shown in one message naming the folder and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog, QWidget

from media.imported import Cancelled
from ui.editor.fields import flush_all
from ui.tasks import TaskContext, run_task

#: Steps of the progress bar (publish_web reports done/total; this is its resolution).
STEPS = 1000


class PublishRun(QObject):
    """One publication in the background: its progress dialog, and how it ended.

    ``finished`` carries the ``PublishResult``, ``None`` when cancelled, or the error.
    """

    finished = Signal(object)

    def __init__(self, parent: QWidget, src: Path, outdir: Path) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.outdir = outdir
        self.outcome: object = "running"
        self.message: QMessageBox | None = None
        self.dialog = QProgressDialog(
            self.tr("Publishing the web edition…"), self.tr("Cancel"), 0, STEPS, parent
        )
        self.dialog.setWindowTitle(self.tr("Publish web edition"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)

        def work(ctx: TaskContext) -> Any:
            from story.publish.web import publish_web

            def progress(done: int, total: int, label: str) -> None:
                ctx.progress(done / max(1, total), label)

            return publish_web(src, outdir, progress=progress, cancel=lambda: ctx.cancelled)

        self.task = run_task(
            work,
            self._done,
            on_error=self._failed,
            on_progress=self._progress,
            with_context=True,
            owner=parent,
        )
        self.dialog.canceled.connect(self.cancel)
        self.dialog.show()

    def cancel(self) -> None:
        self.dialog.setLabelText(self.tr("Stopping…"))
        self.task.cancel()

    def _progress(self, fraction: float, label: str) -> None:
        self.dialog.setValue(round(fraction * STEPS))
        if label and not self.task.context.cancelled:
            self.dialog.setLabelText(self.tr("Publishing the web edition: %1").replace("%1", label))

    def _done(self, result: object) -> None:
        self.dialog.hide()  # close() would emit canceled
        self.outcome = result
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.dialog.hide()  # close() would emit canceled
        if isinstance(exc, Cancelled):
            self.outcome = None
            self.finished.emit(None)
            return
        self.outcome = exc
        reason = " ".join(str(exc).split()) or type(exc).__name__
        self.message = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Web edition not published"),
            self.tr("The web edition was not published: %1").replace("%1", reason),
            QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )
        self.message.open()
        self.finished.emit(exc)


def publish(parent: QWidget, src: Path, outdir: Path) -> PublishRun:
    """Publish the package at ``src`` into ``outdir`` in the background."""
    return PublishRun(parent, src, outdir)


def ask_publish(win: QMainWindow) -> PublishRun | None:
    """Ask where, then publish the window's open story (``win.doc``) there."""
    doc = getattr(win, "doc", None)
    if doc is None:
        return None
    flush_all(win)  # a field being typed in is committed first
    src: Path = doc.path
    folder = QFileDialog.getExistingDirectory(
        win,
        QCoreApplication.translate(
            "PublishRun", "Publish web edition: choose where its folder goes"
        ),
        str(src.parent),
    )
    if not folder:
        return None
    outdir = Path(folder) / f"{src.stem}-web"
    run = publish(win, src, outdir)

    def said(outcome: object) -> None:
        status = win.statusBar()
        if outcome is None:
            status.showMessage(
                QCoreApplication.translate(
                    "PublishRun", "Publishing cancelled; nothing was written."
                ),
                8000,
            )
        elif not isinstance(outcome, BaseException):
            where = str(outdir / "index.html")
            status.showMessage(
                QCoreApplication.translate("PublishRun", "Web edition published: open %1").replace(
                    "%1", where
                )
            )

    run.finished.connect(said)
    return run
