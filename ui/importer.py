"""Importing many photos and recordings into an open package without freezing the window.

``MediaImporter`` runs the whole batch as one background task (``ui.tasks``):
each file is imported (``media.importer``), stored and linked on the worker
thread with its own sessions, and the GUI thread hears about it by signal:
``progress(done, total)``, ``item_imported(media_id, thumbnail)``,
``failed(path, reason)`` and, last, ``finished()``. ``cancel()`` lets the
file in hand finish and stops before the next one, so the package only ever
holds whole imports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QThreadPool, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from media.imported import Cancelled, ImportedMedia, ImportOptions, MediaError
from media.importer import import_file
from story.editing.media import append_media, store_media
from story.errors import StoryError
from story.ids import ChapterId, MediaId
from story.package.file import Package
from ui.tasks import Task, TaskContext, run_task

THUMB_SIZE = 320
WAVE_HEIGHT = 80


def waveform_image(
    peaks: list[float], width: int = THUMB_SIZE, height: int = WAVE_HEIGHT
) -> QImage:
    """A small picture of a recording's peaks, the thumbnail audio gets in lists."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#f2efe8"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#4b5d67"), 1))
    mid = height / 2
    n = len(peaks)
    for x in range(width):
        level = peaks[x * n // width] if n else 0.0
        half = max(0.5, level * (mid - 2))
        painter.drawLine(QPointF(x + 0.5, mid - half), QPointF(x + 0.5, mid + half))
    painter.end()
    return image


def thumbnail_of(item: ImportedMedia) -> QImage:
    """The thumb rendition as a QImage (photos), or a drawn waveform (recordings)."""
    thumb = item.rendition("thumb")
    if thumb is not None:
        image = QImage.fromData(thumb.data)
        if not image.isNull():
            return image
    peaks = item.rendition("peaks")
    if peaks is not None:
        return waveform_image(json.loads(peaks.data))
    return QImage()


class MediaImporter(QObject):
    """Imports files into ``pkg`` off the GUI thread, linked to a chapter when given.

    The chapter is held by its id (``chapter_id``; a number a person gave
    becomes an id first, through ``chapter_id_at``), so moving chapters
    during an import cannot put the files into the wrong one.
    """

    progress = Signal(int, int)  # files done (imported or refused), total
    file_progress = Signal(float, str)  # fraction of the whole batch, the file in hand
    item_imported = Signal(str, QImage)  # media id, thumbnail
    failed = Signal(str, str)  # path, reason (one line)
    finished = Signal()

    def __init__(
        self,
        pkg: Package,
        chapter_id: ChapterId | None = None,
        *,
        options: ImportOptions | None = None,
        caption: str = "",
        credit: str = "",
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pkg = pkg
        self._chapter_id = chapter_id
        self._options = options or ImportOptions()
        self._caption = caption
        self._credit = credit
        self._pool = pool
        self._task: Task | None = None
        self.imported: list[MediaId] = []

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self, paths: Sequence[str | Path]) -> None:
        if self._task is not None:
            raise RuntimeError("an import is already running")
        files = [Path(p) for p in paths]
        self.imported = []
        self._task = run_task(
            lambda ctx: self._work(ctx, files),
            self._done,
            on_error=self._crashed,
            on_progress=lambda f, name: self.file_progress.emit(f, name),
            on_message=self._message,
            with_context=True,
            pool=self._pool,
            owner=self,
        )

    def cancel(self) -> None:
        """Stop after the file being imported now; ``finished`` still comes."""
        if self._task is not None:
            self._task.cancel()

    # -- worker thread ------------------------------------------------------
    def _work(self, ctx: TaskContext, files: list[Path]) -> int:
        total = len(files)
        for done, path in enumerate(files):
            if ctx.cancelled:
                break

            def step(fraction: float, done: int = done, name: str = path.name) -> None:
                ctx.progress((done + fraction) / total, name)

            try:
                item = import_file(path, progress=step, options=self._options)
                media_id = store_media(self._pkg, item, caption=self._caption, credit=self._credit)
                if self._chapter_id is not None:
                    append_media(self._pkg, self._chapter_id, media_id)
                ctx.post(("imported", media_id, thumbnail_of(item)))
            except MediaError as exc:
                ctx.post(("failed", str(path), exc.reason))
            except StoryError as exc:
                ctx.post(("failed", str(path), str(exc)))
            except Cancelled:
                break
            except Exception as exc:  # e.g. the database busy or full: tell, go on
                why = f"{type(exc).__name__}: {exc}"
                text = QCoreApplication.translate("MediaImporter", "could not be stored (%1)")
                ctx.post(("failed", str(path), text.replace("%1", why)))
            ctx.post(("progress", done + 1, total))
        return total

    # -- GUI thread ---------------------------------------------------------
    def _message(self, message: object) -> None:
        assert isinstance(message, tuple)
        kind, rest = message[0], message[1:]
        if kind == "imported":
            self.imported.append(rest[0])
            self.item_imported.emit(rest[0], rest[1])
        elif kind == "failed":
            self.failed.emit(rest[0], rest[1])
        elif kind == "progress":
            self.progress.emit(rest[0], rest[1])

    def _done(self, _result: object) -> None:
        self._task = None
        self.finished.emit()

    def _crashed(self, exc: BaseException) -> None:
        self._task = None
        self.failed.emit("", self.tr("the import stopped: %1").replace("%1", str(exc)))
        self.finished.emit()
