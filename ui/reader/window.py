"""The reader's main window: the ReaderView, a title, and remembering on close.

A window may start from a cover snapshot (``FirstPaint``) and ``attach`` the
package once that has painted: the reader sees the cover at once and the
storage layer loads behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from ui.reader import snapshot

#: The cover snapshot is written this long after the package is attached: after the first
#: paint (its cover scaled and encoded cost ~50 ms before the first frame), or on close.
SNAPSHOT_AFTER_MS = 1500

if TYPE_CHECKING:
    from story.package.file import Package
    from ui.reader.view import ReaderView


class ReaderWindow(QMainWindow):
    def __init__(
        self,
        pkg: Package | None = None,
        *,
        sync_images: bool = False,
        first: snapshot.CoverSnapshot | None = None,
    ) -> None:
        super().__init__()
        self._sync = sync_images
        self._snapshot_due = False
        self.view: ReaderView | None = None
        self.resize(1280, 800)
        if pkg is not None:
            self.attach(pkg)
        elif first is not None:
            from ui.reader.first_paint import FirstPaint

            shell = FirstPaint(first, self)
            self.setCentralWidget(shell)
            shell.setFocus()
            self.setWindowTitle(f"{first.info.title} — Storyport")

    def attach(self, pkg: Package) -> ReaderView:
        """Put the full reader in the window (replacing a first paint, if any)."""
        from ui.reader.heap import return_big_blocks
        from ui.reader.view import ReaderView

        return_big_blocks()  # dropped photos' memory goes back to the system (ui/reader/heap.py)

        self.view = ReaderView(pkg, sync_images=self._sync, parent=self)
        self.setCentralWidget(self.view)
        self.setWindowTitle(f"{self.view.info.title} — Storyport")
        if not snapshot.is_fresh(pkg.path):
            self._snapshot_due = True
            QTimer.singleShot(SNAPSHOT_AFTER_MS, self.save_due_snapshot)
        return self.view

    def save_due_snapshot(self) -> None:
        """Write the cover snapshot if attaching found none fresh and it is not written yet
        (the timer, a screenshot once it is saved, or closing the window)."""
        if self._snapshot_due:
            self._snapshot_due = False
            self._save_snapshot()

    def _save_snapshot(self) -> None:
        view = self.view
        if view is None:
            return
        snap = snapshot.CoverSnapshot(
            info=view.info,
            first_title=view.chapters[0].title if view.chapters else "",
            chapters=len(view.chapters),
            credit=view.cover_credit,
            image=None,
            has_map=view.has_map,
            key=view.memory.key,
        )
        snapshot.save(view.pkg.path, snap, view.cover.photo.image())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_due_snapshot()
        if self.view is not None:
            self.view.shutdown()
        super().closeEvent(event)
