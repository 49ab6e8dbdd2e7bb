"""The two library dialogs of the editor: Open from library… (a story, where to write it)
and Push to library… (name, message, who holds the lock). The work behind them is in
``ui/editor/library.py``; these are only the forms, every string through ``tr``."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QWidget,
)

from story.library import versions
from story.library.connection import ENV_URL
from ui.i18n import fill
from ui.reader.memory import settings

URL_KEY = "library/url"


def remembered_url() -> str:
    value = settings().value(URL_KEY)
    return str(value) if value else os.environ.get(ENV_URL, "")


def _url_row(form: QFormLayout, parent: QWidget) -> QLineEdit:
    url = QLineEdit(remembered_url(), parent)
    url.setObjectName("LibraryUrl")
    url.setPlaceholderText("postgresql+psycopg://user@host:5432/library")
    url.setToolTip(
        QCoreApplication.translate(
            "Library", "No password here: it comes from ~/.pgpass or PGPASSWORD"
        )
    )
    form.addRow(QCoreApplication.translate("Library", "&Library:"), url)
    return url


def _error_and_buttons(
    form: QFormLayout, dlg: QDialog, accept: QDialogButtonBox.StandardButton
) -> tuple[QLabel, QDialogButtonBox]:
    """A dialog's last rows: the line where a refusal is said, then accept and Cancel."""
    error = QLabel("", dlg)
    error.setObjectName("LibraryError")
    error.setWordWrap(True)
    form.addRow(error)
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel, dlg)
    buttons.rejected.connect(dlg.reject)
    form.addRow(buttons)
    return error, buttons


class OpenDialog(QDialog):
    """A story of the library, and where to write it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open from library"))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.url = _url_row(form, self)
        self.refresh = QPushButton(self.tr("&List stories"), self)
        row.addWidget(self.refresh)
        form.addRow("", row)
        self.model = QStandardItemModel(self)
        self.stories = QListView(self)
        self.stories.setObjectName("LibraryStories")
        self.stories.setModel(self.model)
        form.addRow(self.tr("&Story:"), self.stories)
        self.dest = QLineEdit(self)
        self.dest.setObjectName("LibraryDestination")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.dest)
        where.addWidget(browse)
        form.addRow(self.tr("&Save as:"), where)
        self.error, self.buttons = _error_and_buttons(
            form, self, QDialogButtonBox.StandardButton.Open
        )
        self.stories.clicked.connect(lambda _i: self._suggest())

    def chosen(self) -> str | None:
        index = self.stories.currentIndex()
        return str(index.data(0x0100)) if index.isValid() else None  # Qt.UserRole

    def show_stories(self, stories: list[versions.StoryInfo]) -> None:
        self.model.clear()
        for s in stories:
            line = fill(self.tr("%1: %2 (version %3)"), s.name, s.title, s.latest)
            if s.locked_by:
                line += fill(self.tr(" — locked by %1"), s.locked_by)
            item = QStandardItem(line)
            item.setData(s.name, 0x0100)
            item.setEditable(False)
            self.model.appendRow(item)
        self.error.setText("" if stories else self.tr("The library holds no stories yet."))

    def _suggest(self) -> None:
        name = self.chosen()
        if name and not self.dest.text():
            self.dest.setText(str(Path.home() / f"{name}.storypkg"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the story as"),
            self.dest.text(),
            self.tr("Story packages (*.storypkg)"),
        )
        if path:
            self.dest.setText(path)


class PushDialog(QDialog):
    """Where to push, under which name, with what message; who holds the lock."""

    def __init__(self, parent: QWidget, story: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Push to library"))
        form = QFormLayout(self)
        self.url = _url_row(form, self)
        self.story = QLineEdit(story, self)
        self.story.setObjectName("LibraryStory")
        form.addRow(self.tr("&Story:"), self.story)
        self.message = QLineEdit(self)
        self.message.setObjectName("LibraryMessage")
        self.message.setPlaceholderText(self.tr("What changed"))
        form.addRow(self.tr("&Message:"), self.message)
        self.lock = QLabel("", self)
        self.lock.setObjectName("LibraryLock")
        form.addRow(self.tr("Lock:"), self.lock)
        self.error, self.buttons = _error_and_buttons(
            form, self, QDialogButtonBox.StandardButton.Ok
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Push"))
