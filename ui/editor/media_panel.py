"""The media library and one medium's details: caption, credit, alt, licence, what was
stripped on import, where it is used, replace its file, make it the cover; recordings
get the audio panel (waveform, trim, fades, transcript).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from story.editing import media as media_edits
from story.ids import MediaId
from story.reading import get_media, story_info
from ui.editor import media_undo, undo
from ui.editor.audio_panel import AudioPanel
from ui.editor.document import RENUMBERED, Change, EditorDocument, Notice
from ui.editor.fields import Committer
from ui.editor.media_models import THUMB_H, THUMB_W, LibraryModel, Thumbs
from ui.i18n import fill

_N = QT_TRANSLATE_NOOP  # marked for lupdate here, translated where shown
FIELDS = (
    ("caption", _N("MediaDetails", "Caption"),
     _N("MediaDetails", "What the photo shows, in a sentence")),
    ("credit", _N("MediaDetails", "Credit"), _N("MediaDetails", "Photographer or archive")),
    ("alt", _N("MediaDetails", "Alt text"),
     _N("MediaDetails", "A description for readers who cannot see the photo")),
    ("licence", _N("MediaDetails", "Licence"),
     _N("MediaDetails", "e.g. CC BY 4.0, or ‘all rights reserved’")),
)  # fmt: skip


def media_grid(parent: QWidget) -> QListView:
    view = QListView(parent)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(QSize(THUMB_W, THUMB_H))
    view.setGridSize(QSize(THUMB_W + 20, THUMB_H + 44))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Snap)
    view.setUniformItemSizes(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setSpacing(4)
    return view


class MediaDetails(QWidget):
    """The fields of one medium; every change is one undo step."""

    replaceRequested = Signal(str)
    chapterRequested = Signal(int)  # a chapter number from "where used"

    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MediaDetails")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.doc = doc
        self.media_id: MediaId | None = None
        self._stale = False
        self.title = QLabel(self.tr("Choose a photo or recording"), self)
        self.title.setObjectName("SectionTitle")
        self.facts = QLabel(self)
        self.facts.setObjectName("Muted")
        self.facts.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        self.committers: dict[str, Committer] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for name, label_en, hint_en in FIELDS:
            label, hint = self.tr(str(label_en)), self.tr(str(hint_en))
            edit = QLineEdit(self)
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label)
            edit.setReadOnly(doc.readonly)
            self.edits[name] = edit
            self.committers[name] = Committer(edit, partial(self._commit, name))
            form.addRow(label, edit)
        self.stripped = QLabel(self)
        self.stripped.setWordWrap(True)
        self.stripped.setObjectName("Muted")
        self.stripped.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Removed on import"), self.stripped)
        self.used = QLabel(self)
        self.used.setWordWrap(True)
        self.used.setTextFormat(Qt.TextFormat.RichText)
        self.used.linkActivated.connect(lambda link: self.chapterRequested.emit(int(link)))
        form.addRow(self.tr("Used in"), self.used)
        self.replace = QPushButton(self.tr("Replace file…"), self)
        self.replace.setToolTip(
            self.tr("Swap in another file; caption, credit, alt text and licence stay")
        )
        self.replace.clicked.connect(
            lambda: self.media_id and self.replaceRequested.emit(self.media_id)
        )
        self.cover = QPushButton(self.tr("Use as cover"), self)
        self.cover.clicked.connect(self._set_cover)
        self.delete = QPushButton(self.tr("Delete from library"), self)
        self.delete.setToolTip(self.tr("Only media no chapter shows can be deleted"))
        self.delete.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace)
        buttons.addWidget(self.cover)
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        self.audio = AudioPanel(doc, self)
        self.audio.hide()
        col = QVBoxLayout(self)
        col.setContentsMargins(16, 12, 16, 12)
        col.addWidget(self.title)
        col.addWidget(self.facts)
        col.addLayout(form)
        col.addLayout(buttons)
        col.addWidget(self.audio)
        col.addStretch(1)
        doc.changed.connect(self._changed)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for e in self.edits.values():
            e.setEnabled(on)
        self.replace.setEnabled(on and not self.doc.readonly)
        self.cover.setEnabled(on and not self.doc.readonly)
        self.delete.setEnabled(on and not self.doc.readonly)

    def set_media(self, media_id: MediaId | None) -> None:
        for c in self.committers.values():
            c.flush()
        self.audio.transcript_commit.flush()
        self.media_id = media_id
        self._enable(media_id is not None)
        if media_id is None:
            self.title.setText(self.tr("Choose a photo or recording"))
            self.facts.clear()
            self.audio.hide()
            return
        self.refresh()

    def refresh(self) -> None:
        if self.media_id is None:
            return
        try:
            m = get_media(self.doc.pkg, self.media_id)
        except Exception:
            self.set_media(None)
            return
        self.title.setText(m.original_name or m.id[:12])
        loc = QLocale()
        size = (
            fill(self.tr("%1 × %2 px"), loc.toString(m.width), loc.toString(m.height or 0))
            if m.width
            else fill(self.tr("%1 s"), loc.toString(m.duration_s or 0, "f", 1))
        )
        megabytes = fill(self.tr("%1 MB"), loc.toString(m.bytes / 1e6, "f", 2))
        self.facts.setText(f"{m.kind} · {m.mime} · {size} · {megabytes} · id {m.id[:12]}")
        for name, c in self.committers.items():
            c.set_text(getattr(m, name))
        self.stripped.setText(
            ", ".join(m.removed_metadata) or self.tr("nothing (no metadata found)")
        )
        used = media_edits.where_used(self.doc.pkg, m.id)
        link = 'style="color: #c8402a; text-decoration: none"'
        cover = self.tr("Cover")
        self.used.setText(
            ", ".join(
                f'<a {link} href="{n}">{cover if n == 0 else f"{n}. {t}"}</a>' for n, t in used
            )
            or self.tr("no chapter yet")
        )
        self.delete.setEnabled(not self.doc.readonly and all(n == 0 for n, _t in used))
        self.cover.setText(
            self.tr("Cover ✓")
            if story_info(self.doc.pkg).cover_media_id == m.id
            else self.tr("Use as cover")
        )
        self.audio.setVisible(m.kind == "audio")
        if m.kind == "audio":
            self.audio.set_media(m.id)

    def _changed(self, n: Notice) -> None:
        if self.media_id is None:
            return
        if n.kind is Change.REPLACED:
            old, new = n.media, n.replacement
            if new is not None and self.media_id in (old, new):
                self.media_id = new if self.media_id == old else old
                self.refresh()
            return
        # "used in" lists chapters by number and title: a move or a rename changes it
        used_in = n.kind in RENUMBERED or (n.kind is Change.CHAPTER and n.field == "title")
        if used_in and not self.isVisible():
            self._stale = True  # read again when the tab is shown
        elif (
            used_in
            or n.kind in (Change.CHAPTER_MEDIA, Change.LIBRARY, Change.STORY)
            or n.media == self.media_id
        ):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _commit(self, field: str, text: str) -> None:
        if self.media_id is not None and not self.doc.readonly:
            media_undo.set_media_field(self.doc, self.media_id, field, text)

    def _set_cover(self) -> None:
        if self.media_id is not None:
            current = story_info(self.doc.pkg).cover_media_id
            undo.set_cover(self.doc, None if current == self.media_id else self.media_id)

    def _delete(self) -> None:
        if self.media_id is not None and media_undo.delete_media(self.doc, self.media_id):
            self.set_media(None)

    def focus_field(self, field: str | None) -> None:
        target = self.edits.get(field or "")
        if field == "transcript":
            target = self.audio.transcript  # type: ignore[assignment]
        (target or self.edits["caption"]).setFocus()


class MediaPanel(QSplitter):
    """Library on the left, the chosen medium's details on the right."""

    importRequested = Signal()

    def __init__(self, doc: EditorDocument, thumbs: Thumbs, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("MediaPanel")
        self.doc = doc
        left = QWidget(self)
        self.model = LibraryModel(doc, thumbs, self)
        self.view = media_grid(left)
        self.view.setModel(self.model)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setAcceptDrops(True)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setAccessibleName(self.tr("Media library"))
        self.view.selectionModel().currentChanged.connect(self._current)
        self.model.modelReset.connect(self._reselect)
        head = QLabel(self.tr("LIBRARY"), left)
        head.setObjectName("PanelHeading")
        add = QPushButton(self.tr("Import files…"), left)
        add.clicked.connect(self.importRequested)
        add.setEnabled(not doc.readonly)
        top = QHBoxLayout()
        top.addWidget(head)
        top.addStretch(1)
        top.addWidget(add)
        col = QVBoxLayout(left)
        col.setContentsMargins(12, 12, 6, 6)
        col.addLayout(top)
        col.addWidget(self.view, 1)
        self.details = MediaDetails(doc, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Media details"))
        self.addWidget(left)
        self.addWidget(scroll)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.setSizes([300, 420])

    def _current(self, ix: QModelIndex) -> None:
        m = self.model.item(ix.row()) if ix.isValid() else None
        self.details.set_media(m.id if m else None)

    def _reselect(self) -> None:
        if self.details.media_id:
            self.select(self.details.media_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.details.media_id is None and self.model.rowCount() and self.first is not None:
            first = self.first()
            if first:
                self.select(first)

    #: set by the window: the medium to show when the tab opens with nothing chosen
    first: Callable[[], MediaId | None] | None = None

    def select(self, media_id: MediaId) -> None:
        row = self.model.row_of(media_id)
        if row >= 0:
            ix = self.model.index(row)
            self.view.setCurrentIndex(ix)
            self.view.scrollTo(ix)
        self.details.set_media(media_id)
