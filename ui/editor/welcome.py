"""What the editor shows with no package open: new, open, recent stories, and the read-only
offer when the chosen package is being edited by another Storyport.

It drives nothing itself: it says what the person asked for through signals,
and the window decides (TagStudio's rule: pass the parts, not the driver).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.editor import recent


class Welcome(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    pathChosen = Signal(object, bool)  # Path, read-only?
    dismissed = Signal()  # the read-only offer was turned down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Welcome")
        self.offered: Path | None = None
        title = QLabel(self.tr("Storyport Editor"), self)
        title.setObjectName("WelcomeTitle")
        lead = QLabel(
            self.tr(
                "Make a story from photos, recordings and places. Everything is saved as you go."
            ),
            self,
        )
        lead.setObjectName("Muted")
        self.new = QPushButton(self.tr("New story…"), self)
        self.new.setObjectName("PrimarySmall")
        self.new.clicked.connect(lambda: self.newRequested.emit())
        self.open = QPushButton(self.tr("Open…"), self)
        self.open.clicked.connect(lambda: self.openRequested.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.new)
        buttons.addWidget(self.open)
        buttons.addStretch(1)
        self.offer = QFrame(self)
        self.offer.setObjectName("Banner")
        self.offer_text = QLabel(self.offer)
        self.offer_text.setWordWrap(True)
        self.readonly = QPushButton(self.tr("Open read-only"), self.offer)
        self.readonly.clicked.connect(self._open_readonly)
        self.dismiss = QPushButton(self.tr("Cancel"), self.offer)
        self.dismiss.clicked.connect(self._dismiss)
        row = QHBoxLayout(self.offer)
        row.addWidget(self.offer_text, 1)
        row.addWidget(self.readonly)
        row.addWidget(self.dismiss)
        self.offer.hide()
        self.error = QLabel(self)
        self.error.setObjectName("Error")
        self.error.setWordWrap(True)
        self.error.hide()
        head = QLabel(self.tr("RECENT STORIES"), self)
        head.setObjectName("PanelHeading")
        self.recent = QListWidget(self)
        self.recent.setObjectName("RecentList")
        self.recent.itemActivated.connect(self._recent_chosen)
        self.recent.setAccessibleName(self.tr("Recent stories"))
        col = QVBoxLayout()
        col.setSpacing(14)
        col.addWidget(title)
        col.addWidget(lead)
        col.addLayout(buttons)
        col.addWidget(self.offer)
        col.addWidget(self.error)
        col.addSpacing(12)
        col.addWidget(head)
        col.addWidget(self.recent, 1)
        self.none_yet = QLabel(
            self.tr(
                "No stories opened yet. Start one with “New story…”, or drop a "
                ".storypkg file on this window."
            ),
            self,
        )
        self.none_yet.setObjectName("Muted")
        self.none_yet.setWordWrap(True)
        col.addWidget(self.none_yet)
        col.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(col, 3)
        outer.addStretch(1)
        outer.setContentsMargins(40, 60, 40, 40)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        files = recent.recent_files()
        self.recent.setVisible(bool(files))
        self.none_yet.setVisible(not files)
        self.recent.setMaximumHeight(24 + 52 * max(1, len(files)))
        for p in files:
            item = QListWidgetItem(f"{p.name}\n{p.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(p))
            item.setToolTip(str(p))
            self.recent.addItem(item)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        self.pathChosen.emit(Path(item.data(Qt.ItemDataRole.UserRole)), False)

    def offer_readonly(self, path: Path, holder: str) -> None:
        self.offered = path
        self.error.hide()
        self.offer_text.setText(
            self.tr(
                "%1 is being edited in another Storyport (%2). "
                "Open it read-only to read, preview and export it?"
            )
            .replace("%2", holder)
            .replace("%1", path.name)
        )
        self.offer.show()
        self.readonly.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _open_readonly(self) -> None:
        path, self.offered = self.offered, None
        self.offer.hide()
        if path is not None:
            self.pathChosen.emit(path, True)

    def _dismiss(self) -> None:
        self.offered = None
        self.offer.hide()
        self.dismissed.emit()
