"""The story's own details: title, subtitle, byline, date, language, cover and about text."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from story.reading import rendition, story_info
from ui.editor import undo
from ui.editor.document import Change, EditorDocument, Notice
from ui.editor.fields import Committer

LINES = (
    ("title", "Title", "The story's title, set over the cover photo"),
    ("subtitle", "Subtitle", "One line under the title"),
    ("byline", "Byline", "Who made the story"),
    ("published", "Date", "e.g. 2026-11-29"),
    ("language", "Language", "A language code: en, ru, kk…"),
)


class StoryDetails(QWidget):
    coverChooseRequested = Signal()

    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StoryDetails")
        self.doc = doc
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.committers: dict[str, Committer] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(10)
        for name, label, hint in LINES:
            edit = QLineEdit(self)
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label)
            self._add(name, edit)
            form.addRow(label, edit)
        self.edits["title"].setObjectName("TitleEdit")
        self.cover = QLabel(self)
        self.cover.setObjectName("CoverThumb")
        self.cover.setFixedSize(240, 150)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose = QPushButton("Choose in the library…", self)
        choose.clicked.connect(self.coverChooseRequested)
        self.clear_cover = QPushButton("No cover", self)
        self.clear_cover.clicked.connect(lambda: undo.set_cover(doc, None))
        for b in (choose, self.clear_cover):
            b.setEnabled(not doc.readonly)
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover)
        buttons = QVBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.clear_cover)
        buttons.addStretch(1)
        cover_row.addLayout(buttons)
        cover_row.addStretch(1)
        form.addRow("Cover", cover_row)
        about = QPlainTextEdit(self)
        about.setPlaceholderText("About the story and its credits (Markdown)")
        about.setAccessibleName("About and credits")
        self._add("about_md", about)
        form.addRow("About", about)
        head = QLabel("STORY", self)
        head.setObjectName("PanelHeading")
        col = QVBoxLayout(self)
        col.setContentsMargins(24, 16, 24, 16)
        col.addWidget(head)
        col.addLayout(form, 1)
        doc.changed.connect(self._changed)
        self.load()

    def _add(self, name: str, edit: QLineEdit | QPlainTextEdit) -> None:
        edit.setReadOnly(self.doc.readonly)
        self.edits[name] = edit
        self.committers[name] = Committer(edit, partial(self._commit, name))

    def _commit(self, field: str, text: str) -> None:
        if not self.doc.readonly:
            undo.set_story_field(self.doc, field, text.strip() if field != "about_md" else text)

    def load(self) -> None:
        info = story_info(self.doc.pkg)
        for name, c in self.committers.items():
            c.set_text(getattr(info, name))
        pix = QPixmap()
        if info.cover_media_id:
            found = rendition(self.doc.pkg, info.cover_media_id, "thumb")
            if found is not None:
                pix.loadFromData(found[1])
        if pix.isNull():
            self.cover.setText("No cover photo yet")
            self.cover.setPixmap(QPixmap())
        else:
            self.cover.setPixmap(
                pix.scaled(
                    self.cover.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.clear_cover.setEnabled(bool(info.cover_media_id) and not self.doc.readonly)

    def _changed(self, n: Notice) -> None:
        if n.kind in (Change.STORY, Change.REPLACED, Change.LIBRARY):
            self.load()

    def flush(self) -> None:
        for c in self.committers.values():
            c.flush()

    def focus_field(self, field: str | None) -> None:
        self.edits.get(field or "title", self.edits["title"]).setFocus()
