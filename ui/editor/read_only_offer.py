"""A package whose folder cannot be written (a read-only mount, a locked-down share, a CD).

Editing needs a lock file beside the package and a WAL, so such a package
cannot be opened for editing where it is. Instead of stopping with "cannot
create its lock file (Read-only file system)", the editor asks:

- **Read it**: the editor read-only (reading, preview and export work; the
  fields are read-only and the edit actions off), the folder left untouched;
- **Edit a copy…**: a save dialog, a faithful copy written there with
  SQLite's backup API (``story.publish.export.copy_package``), and that copy
  opened for editing;
- **Cancel**.

The dialog is not modal-blocking (``open()``): it says what was chosen
through ``chosen(Choice)``, so tests accept it programmatically.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    READ = "read"
    EDIT_COPY = "copy"
    CANCEL = "cancel"


def folder_writable(path: Path) -> bool:
    """Whether a lock file and a WAL could be made beside ``path`` (False on read-only mounts)."""
    return os.access(path.resolve().parent, os.W_OK | os.X_OK)


def copy_suggestion(path: Path) -> Path:
    """Where to suggest the copy: the home folder, under the package's name."""
    return Path.home() / f"{path.stem} (copy).storypkg"


class ReadOnlyOffer(QMessageBox):
    chosen = Signal(object)  # Choice

    def __init__(self, path: Path, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Open read-only or edit a copy"))
        self.setText(self.tr("“%1” cannot be edited where it is.").replace("%1", path.name))
        self.setInformativeText(
            self.tr(
                "Its folder cannot be written (%1). You can read it here, with the editor "
                "read-only, or save a copy somewhere else and edit that."
            ).replace("%1", reason)
        )
        self.read_button = self.addButton(self.tr("Read it"), QMessageBox.ButtonRole.AcceptRole)
        self.copy_button = self.addButton(
            self.tr("Edit a copy…"), QMessageBox.ButtonRole.ActionRole
        )
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.read_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.read_button:
            self.chosen.emit(Choice.READ)
        elif button is self.copy_button:
            self.chosen.emit(Choice.EDIT_COPY)
        else:
            self.chosen.emit(Choice.CANCEL)

    def choose(self, choice: Choice) -> None:
        """Press the button for ``choice`` (what a person's click does)."""
        button = {Choice.READ: self.read_button, Choice.EDIT_COPY: self.copy_button}.get(
            choice, self.button(QMessageBox.StandardButton.Cancel)
        )
        if button is not None:
            button.click()
