"""The one clear message a story that cannot be opened gets, in a dialog.

The command line prints it on stderr; a reader who double-clicked a file has no
terminal, so the launchers show the same sentence in a dialog too (a file that
is not a package, a package from a newer Storyport, a damaged one).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

#: The dialog's object name, so tests and accessibility tools can find it.
OBJECT_NAME = "open-error"


def show_open_error(message: str, parent: QWidget | None = None) -> None:
    """Show ``message`` (the command line's line, without its ``storyport read:``) and wait."""
    if QApplication.instance() is None:
        return  # refused before the app existed (a bad --size): the terminal has it
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Storyport",
        message,
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setObjectName(OBJECT_NAME)
    box.exec()
