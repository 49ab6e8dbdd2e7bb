"""The editor's status bar (a message, import progress with its cancel button, the word
count, the checks' verdict) and the open story's body under its read-only banner.

Kept out of ``ui/editor/window.py`` so the window stays a place that wires
panels together, not one that lays out every label.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from story.package.file import Package


class StatusLine:
    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("StatusLine", text, disambiguation, n)

    def __init__(self, win: QMainWindow) -> None:
        self.text = QLabel(win)
        self.words = QLabel(win)
        self.checks = QLabel(win)
        self.progress = QProgressBar(win)
        self.progress.setMaximumWidth(320)
        self.progress.setTextVisible(True)
        self.cancel = QToolButton(win)
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Cancel the import after the file in hand"))
        sb = win.statusBar()
        sb.addWidget(self.text, 1)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel)
        sb.addPermanentWidget(self.words)
        sb.addPermanentWidget(self.checks)
        self.progress.hide()
        self.cancel.hide()

    def say(self, text: str) -> None:
        self.text.setText(text)

    def checked(self, errors: int, warnings: int, *, has_chapters: bool) -> None:
        if errors or warnings:
            self.checks.setText(
                self.tr("%n error(s)", "", errors) + " · " + self.tr("%n warning(s)", "", warnings)
            )
        elif has_chapters:
            self.checks.setText("✓ " + self.tr("ready to publish"))
        else:
            self.checks.setText(self.tr("no chapters yet"))


def story_body(parent: QWidget, pkg: Package, content: QWidget) -> tuple[QWidget, QLabel]:
    """``content`` under the read-only banner; returns the whole and the banner."""
    body = QWidget(parent)
    col = QVBoxLayout(body)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(0)
    banner = read_only_banner(body, pkg)
    col.addWidget(banner)
    col.addWidget(content, 1)
    return body, banner


def read_only_banner(parent: QWidget, pkg: Package) -> QLabel:
    """The line that says why edits are off, shown only when ``pkg`` is open read-only."""
    banner = QLabel(parent)
    banner.setObjectName("Banner")
    banner.setWordWrap(True)
    banner.setVisible(pkg.readonly)
    banner.setText(
        QCoreApplication.translate(
            "StatusLine",
            "%1 is open read-only: another Storyport is editing it. "
            "You can read, preview and export; edits are off.",
        ).replace("%1", pkg.path.name)
    )
    return banner
