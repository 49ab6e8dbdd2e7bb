"""The reader's main window: the ReaderView, a title, and remembering on close."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from story.package import Package
from ui.reader.view import ReaderView


class ReaderWindow(QMainWindow):
    def __init__(self, pkg: Package, *, sync_images: bool = False) -> None:
        super().__init__()
        self.view = ReaderView(pkg, sync_images=sync_images, parent=self)
        self.setCentralWidget(self.view)
        self.setWindowTitle(f"{self.view.info.title} — Storyport")
        self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.view.shutdown()
        super().closeEvent(event)
