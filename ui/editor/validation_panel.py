"""The validation panel: the same rules as ``validate``, re-run off the GUI thread as you edit.

A change starts a 300 ms timer; the check then runs on the pool (without the
hash pass, which reads every blob; ``validate`` on the command line does it)
and the list is replaced when it comes back. Activating a problem asks the
window to show the field that fixes it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from story.ids import MediaId
from story.reading import chapter_count
from story.validation import Problem, validate
from ui.editor import cleaning
from ui.editor.document import EditorDocument
from ui.editor.icons import icon
from ui.i18n import fill
from ui.tasks import run_task

Index = QModelIndex | QPersistentModelIndex
DEBOUNCE_MS = 300
#: Rows shown at once: a story with thousands of problems lists the first ones (errors first).
SHOWN = 200


class ProblemModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        if problems == self.problems:
            return
        self.beginResetModel()
        self.problems = list(problems[:SHOWN])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        p = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return p.message[0].upper() + p.message[1:]
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(p.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            severity = self.tr("error") if p.severity == "error" else self.tr("warning")
            return fill(
                self.tr("%1: %2. Click to go to the field that fixes it."), severity, p.code
            )
        return None


class ValidationPanel(QWidget):
    problemActivated = Signal(object)  # Problem
    checked = Signal(int, int)  # errors, warnings

    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ValidationPanel")
        self.doc = doc
        self.model = ProblemModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAccessibleName(self.tr("Problems to fix before publishing"))
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self.heading = QLabel(self.tr("CHECKS"), self)
        self.heading.setObjectName("PanelHeading")
        self.summary = QLabel(self)
        self.summary.setObjectName("Muted")
        self.summary.setWordWrap(True)
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 12, 10, 8)
        col.addWidget(self.heading)
        col.addWidget(self.summary)
        col.addWidget(self.view, 1)
        self.cleaner = cleaning.Cleaner(doc, self)
        self.dirty: list[MediaId] = []
        self.clean_button = QPushButton(self)
        self.clean_button.setObjectName("CleanMedia")
        self.clean_button.setToolTip(
            self.tr(
                "Strip GPS positions, names and other identifying tags from the media that still "
                "carry them (one undo step)"
            )
        )
        self.clean_button.clicked.connect(lambda: self.cleaner.start(self.dirty))
        self.clean_button.hide()
        col.addWidget(self.clean_button)
        self.clear = QLabel(
            "✓\n\n" + self.tr("Nothing to fix.\nThe story is ready to publish."), self
        )
        self.clear.setObjectName("AllClear")
        self.clear.setWordWrap(True)  # a narrow column keeps its width for the page
        self.clear.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear.hide()
        col.addWidget(self.clear, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self._running = False
        self._again = False
        self.generation = 0
        self.chapters = 0
        doc.changed.connect(self._changed)
        self.timer.start()  # after the first paint, not competing with it

    def _changed(self, *_: object) -> None:
        self.timer.start()

    @property
    def busy(self) -> bool:
        return self._running or self.timer.isActive()

    def run(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self.summary.setText(self.tr("Checking…"))
        pkg = self.doc.pkg

        def check() -> tuple[list[Problem], int]:
            return validate(pkg, check_hashes=False), chapter_count(pkg)

        run_task(check, self._done, on_error=self._failed, owner=self)

    def _done(self, result: tuple[list[Problem], int]) -> None:
        problems, chapters = result
        self.chapters = chapters
        self._running = False
        self.generation += 1
        self.model.set_problems(problems)
        self.dirty = [
            MediaId(p.media_id) for p in problems if p.code == cleaning.RULE and p.media_id
        ]
        self.clean_button.setText(cleaning.label(len(self.dirty)))
        self.clean_button.setVisible(bool(self.dirty) and not self.doc.readonly)
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = sum(1 for p in problems if p.severity == "warning")
        self.view.setVisible(bool(problems))
        self.clear.setVisible(not problems)
        if not problems:
            self.summary.setText(self.tr("Checked as you edit, and again before publishing."))
            self.clear.setText(
                "✓\n\n" + self.tr("Nothing to fix.\nThe story is ready to publish.")
                if chapters
                else self.tr("No chapters yet.\nAdd one, and its checks appear here.")
            )
        else:
            more = (
                fill(self.tr(" The first %1 are listed."), SHOWN) if len(problems) > SHOWN else ""
            )
            self.summary.setText(
                self.tr("%n error(s)", "", errors)
                + ", "
                + self.tr("%n warning(s)", "", warnings)
                + ". "
                + self.tr("Click one to fix it.")
                + more
            )
        self.checked.emit(errors, warnings)
        if self._again:
            self._again = False
            self.run()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.summary.setText(fill(self.tr("The check could not run: %1"), exc))

    def _activated(self, ix: QModelIndex) -> None:
        if ix.isValid():
            self.problemActivated.emit(self.model.problems[ix.row()])
