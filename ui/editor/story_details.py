"""The story's own details: title, subtitle, byline, date, language, cover and about text."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
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

_N = QT_TRANSLATE_NOOP  # marked for lupdate here, translated where shown
LINES = (
    ("title", _N("StoryDetails", "Title"),
     _N("StoryDetails", "The story's title, set over the cover photo")),
    ("subtitle", _N("StoryDetails", "Subtitle"), _N("StoryDetails", "One line under the title")),
    ("byline", _N("StoryDetails", "Byline"), _N("StoryDetails", "Who made the story")),
    ("published", _N("StoryDetails", "Date"), _N("StoryDetails", "e.g. 2026-11-29")),
    ("language", _N("StoryDetails", "Language"),
     _N("StoryDetails", "A language code: en, ru, kk…")),
)  # fmt: skip


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
        for name, label_en, hint_en in LINES:
            label, hint = self.tr(str(label_en)), self.tr(str(hint_en))
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
        choose = QPushButton(self.tr("Choose in the library…"), self)
        choose.clicked.connect(self.coverChooseRequested)
        self.clear_cover = QPushButton(self.tr("No cover"), self)
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
        form.addRow(self.tr("Cover"), cover_row)
        about = QPlainTextEdit(self)
        about.setPlaceholderText(self.tr("About the story and its credits (Markdown)"))
        about.setAccessibleName(self.tr("About and credits"))
        about.setTabChangesFocus(True)  # Tab moves on; the story's text never holds a tab
        self._add("about_md", about)
        form.addRow(self.tr("About"), about)
        head = QLabel(self.tr("STORY"), self)
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
            self.cover.setText(self.tr("No cover photo yet"))
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
