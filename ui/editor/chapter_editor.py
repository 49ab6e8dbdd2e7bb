"""One chapter: title, summary, the Markdown body beside a live preview, word count,
and the strip of photos and recordings it shows (drag to reorder, drop files to import).

The preview is the reader's own rendering (``ui.reader.text.render_markdown``),
refreshed 150 ms after typing stops, its pictures no wider than its column
(the reader sizes them for its own, wider one). Where the curator placed
them (inset, full, side by side) shows in the Preview tab, the reader itself.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from story.editing import chapters as editing
from story.ids import ChapterId
from ui.editor import undo
from ui.editor.date_field import ChapterDateField
from ui.editor.document import RENUMBERED, Change, EditorDocument, Notice
from ui.editor.fields import Committer
from ui.editor.icons import icon_buttons
from ui.editor.markdown_highlight import match_wrap, prepare, room_for_lines
from ui.editor.media_models import THUMB_H, ChapterMediaModel, Thumbs
from ui.editor.media_panel import media_grid
from ui.i18n import direction_for, fill, has_rtl_script
from ui.reader.text import ReadingView, render_markdown
from ui.reader.text_media import IMAGE_RESOURCE
from ui.reader.text_render import MEASURE_PX
from ui.theme import Palette, editing_font

WORD = re.compile(r"[\w’'-]+", re.UNICODE)


def word_count(md: str) -> int:
    return len(WORD.findall(re.sub(r"[#>*_`\[\]()!]", " ", md)))


class ChapterMediaStrip(QWidget):
    importRequested = Signal(int)  # chapter id
    filesDropped = Signal(int, list)  # chapter id, paths
    mediaChosen = Signal(str)

    def __init__(self, doc: EditorDocument, thumbs: Thumbs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = ChapterMediaModel(doc, thumbs, self)
        self.model.filesDropped.connect(self._dropped)
        self.view = media_grid(self)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(False)
        self.view.setFixedHeight(THUMB_H + 52)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setModel(self.model)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setAccessibleName(self.tr("The chapter's photos and recordings"))
        self.view.doubleClicked.connect(self._open)
        head = QLabel(self.tr("PHOTOS AND SOUND"), self)
        head.setObjectName("PanelHeading")
        bar = QHBoxLayout()
        bar.addWidget(head)
        bar.addStretch(1)
        self.buttons = icon_buttons(
            self,
            bar,
            (
                ("left", self.tr("Move earlier")),
                ("right", self.tr("Move later")),
                ("delete", self.tr("Remove from this chapter (stays in the library)")),
                ("import", self.tr("Import files into this chapter")),
            ),
            enabled=not doc.readonly,
        )
        self.buttons["left"].clicked.connect(lambda: self.move_current(-1))
        self.buttons["right"].clicked.connect(lambda: self.move_current(1))
        self.buttons["delete"].clicked.connect(self.remove_current)
        self.buttons["import"].clicked.connect(self._ask_import)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addLayout(bar)
        col.addWidget(self.view)

    def set_chapter(self, chapter_id: ChapterId | None) -> None:
        self.model.set_chapter(chapter_id)

    def _ask_import(self) -> None:
        if self.model.chapter_id is not None:
            self.importRequested.emit(self.model.chapter_id)

    def _dropped(self, paths: list[str]) -> None:
        if self.model.chapter_id is not None:
            self.filesDropped.emit(self.model.chapter_id, paths)

    def _open(self, ix: QModelIndex) -> None:
        m = self.model.item(ix.row())
        if m is not None:
            self.mediaChosen.emit(m.id)

    def move_current(self, step: int) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            to = self.model.move_row(row, step)
            self.view.setCurrentIndex(self.model.index(to))

    def remove_current(self) -> None:
        row = self.view.currentIndex().row()
        ids = self.model.ids()
        if 0 <= row < len(ids):
            ids.pop(row)
            self.model.move_to(ids, self.tr("Remove media from the chapter"))


class ChapterEditor(QWidget):
    wordsChanged = Signal(int)

    def __init__(
        self, doc: EditorDocument, thumbs: Thumbs, palette: Palette, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ChapterEditor")
        self.doc = doc
        self.chapter_id: ChapterId | None = None
        self._rendered: ChapterId | None = None
        self._rendered_index = 0
        self.title = QLineEdit(self)
        self.title.setObjectName("TitleEdit")
        self.title.setPlaceholderText(self.tr("Chapter title"))
        self.title.setAccessibleName(self.tr("Chapter title"))
        self.summary = QLineEdit(self)
        self.summary.setPlaceholderText(self.tr("One line the map and the contents show"))
        self.summary.setAccessibleName(self.tr("Summary"))
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("BodyEdit")
        self.body.setPlaceholderText(
            self.tr("Write the chapter in Markdown: # heading, *italic*, **bold**, > quote")
        )
        self.body.setAccessibleName(self.tr("Chapter text (Markdown)"))
        self._rtl = False
        self.body.setFont(editing_font(rtl=False))
        self.highlighter = prepare(self.body, palette)  # Tab moves focus; Markdown tinted
        self.preview = ReadingView(palette, self)
        self.preview.setObjectName("LivePreview")
        self.preview.setAccessibleName(self.tr("Live preview"))
        self.preview.laidOut.connect(self._fit_images)  # resized: pictures follow the column
        self.words = QLabel(self)
        self.words.setObjectName("Muted")
        self.commit = {
            "title": Committer(self.title, lambda t: self._save("title", t)),
            "summary": Committer(self.summary, lambda t: self._save("summary", t)),
            "body_md": Committer(self.body, lambda t: self._save("body_md", t)),
        }
        for w in (self.title, self.summary, self.body):
            w.setReadOnly(doc.readonly)
        self._render = QTimer(self)
        self._render.setSingleShot(True)
        self._render.setInterval(150)
        self._render.timeout.connect(self.render_preview)
        self.body.textChanged.connect(self._render.start)
        self.title.textChanged.connect(self._render.start)
        self.summary.textChanged.connect(self._render.start)
        self.body.textChanged.connect(self._count)
        self.strip = ChapterMediaStrip(doc, thumbs, self)

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Summary"), self.summary)
        self.date = ChapterDateField(doc, self)
        form.addRow(self.tr("Date"), self.date)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("BodySplit")
        left = QWidget(split)
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(self.body, 1)
        lcol.addWidget(self.words)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.split = split
        self.empty = QLabel(self.tr("Add a chapter with the + button, or Ctrl+Shift+N."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("Muted")
        self.add_button = QPushButton(self.tr("Add the first chapter"), self)
        self.add_button.setObjectName("PrimarySmall")
        col = QVBoxLayout(self)
        col.setContentsMargins(16, 12, 16, 10)
        col.setSpacing(8)
        col.addLayout(form)
        col.addWidget(split, 1)
        col.addWidget(self.strip)
        self.empty_box = QWidget(self)
        box = QVBoxLayout(self.empty_box)
        box.addStretch(1)
        box.addWidget(self.empty)
        box.addSpacing(12)
        box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        col.addWidget(self.empty_box, 1)
        self.setTabOrder(self.title, self.summary)
        self.setTabOrder(self.summary, self.body)
        doc.changed.connect(self._changed)
        self.set_chapter(None)

    # -- state ----------------------------------------------------------------------------
    def flush(self) -> None:
        for c in self.commit.values():
            c.flush()
        self.date.flush()

    def set_chapter(self, chapter_id: ChapterId | None) -> None:
        self.flush()
        self.chapter_id = chapter_id
        shown = chapter_id is not None
        self.date.set_chapter(chapter_id)
        for widget in (self.title, self.summary, self.date, self.split, self.strip):
            widget.setVisible(shown)
        self.empty_box.setVisible(not shown)
        self.add_button.setVisible(not shown and not self.doc.readonly)
        for label in self.findChildren(QLabel):
            if label.buddy() in (self.title, self.summary, self.date):
                label.setVisible(shown)
        self.strip.set_chapter(chapter_id)
        if shown:
            self._load()
            # hand-broken lines get room, once the splitter has its width
            QTimer.singleShot(0, lambda: room_for_lines(self.body, self.split))

    def _load(self) -> None:
        if self.chapter_id is None:
            return
        text = editing.chapter_text(self.doc.pkg, self.chapter_id)
        same = all(c.text() == text[f] for f, c in self.commit.items())
        for field, c in self.commit.items():
            c.set_text(text[field])
        if not same or self._rendered != self.chapter_id:
            self._count()
            self.render_preview()

    def _changed(self, n: Notice) -> None:
        if self.chapter_id is None:
            return
        if n.kind is Change.CHAPTER and n.chapter == self.chapter_id:
            self._load()
        elif n.kind is Change.CHAPTER_REMOVED and n.chapter == self.chapter_id:
            self.set_chapter(None)
        elif n.kind in RENUMBERED:
            try:
                index = editing.chapter_index(self.doc.pkg, self.chapter_id)
            except Exception:
                self.set_chapter(None)
                return
            if index != self._rendered_index:
                self.render_preview()  # its number changed

    def _save(self, field: str, text: str) -> None:
        if self.chapter_id is None or self.doc.readonly:
            return
        if field == "title" and not text.strip():
            return  # a chapter keeps a title; validation says so if it was never given
        undo.set_chapter_field(self.doc, self.chapter_id, field, text)

    def _match_script(self) -> None:
        """Right-to-left text in a proportional face (monospace spreads Arabic letters apart),
        and a text that starts right to left edited and previewed right to left."""
        text = self.body.toPlainText()
        rtl = has_rtl_script(text)
        if rtl != self._rtl:
            self._rtl = rtl
            self.body.setFont(editing_font(rtl))
            # the window's style sheet names the face, and a style sheet beats setFont
            families = ", ".join(f'"{f}"' for f in editing_font(True).families())
            self.body.setStyleSheet(f"font-family: {families};" if rtl else "")
        direction = direction_for(None, text or self.title.text())
        if direction != self.preview.layoutDirection():
            self.preview.setLayoutDirection(direction)
            for doc in (self.body.document(), self.preview.document()):
                option = doc.defaultTextOption()
                auto = Qt.LayoutDirection.LayoutDirectionAuto  # each paragraph its own way
                rtl = direction == Qt.LayoutDirection.RightToLeft
                option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else auto)
                if doc is self.body.document():  # a plain text box aligns only when told
                    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
                    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
                doc.setDefaultTextOption(option)

    def _count(self) -> None:
        self._match_script()
        match_wrap(self.body)  # hand-broken lines kept, one-line paragraphs wrapped
        n = word_count(self.body.toPlainText())
        minutes = QLocale().toString(max(1, round(n / 230)))
        self.words.setText(fill(self.tr("%Ln word(s) · about %1 min", "", n), minutes))
        self.wordsChanged.emit(n)

    def render_preview(self) -> None:
        if self.chapter_id is None:
            return
        index = self._rendered_index = editing.chapter_index(self.doc.pkg, self.chapter_id)
        bar = self.preview.verticalScrollBar()
        keep = bar.value() if self._rendered == self.chapter_id else 0
        render_markdown(
            self.preview.document(),
            self.body.toPlainText(),
            self.preview.palette_,
            kicker=fill(self.tr("Chapter %1"), index),
            title=self.title.text(),
            standfirst=self.summary.text(),
        )
        self._fit_images()
        cursor = self.preview.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.preview.setTextCursor(cursor)  # a resize keeps the cursor in view: keep it at the top
        bar.setValue(keep)
        self._rendered = self.chapter_id

    def _fit_images(self) -> None:
        """Each picture of the preview at most as wide as its column (and the reader's)."""
        doc = self.preview.document()
        widest = min(self.preview.column()[1], round(MEASURE_PX * self.preview.text_scale))
        pictures: list[tuple[int, QTextFormat]] = []
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                if it.fragment().charFormat().isImageFormat():
                    pictures.append((it.fragment().position(), it.fragment().charFormat()))
                it += 1
            block = block.next()
        for position, found in pictures:  # formats only: positions do not move
            fmt = found.toImageFormat()
            image = doc.resource(IMAGE_RESOURCE, QUrl(fmt.name()))
            if not isinstance(image, QImage) or image.width() <= 0:
                continue
            shown = min(image.width(), widest)
            if round(fmt.width()) != shown:
                fmt.setWidth(shown)
                fmt.setHeight(shown * image.height() / image.width())
                cursor = QTextCursor(doc)
                cursor.setPosition(position)
                cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(fmt)

    def focus_field(self, field: str | None, line: int | None = None) -> None:
        """Focus ``field``; for the text, with the cursor at the start of ``line`` (1-based)
        when a problem names one (``validate``'s text checks do)."""
        box = {"title": self.title, "body": self.body, "summary": self.summary}.get(
            field or "", self.body
        )
        box.setFocus()
        block = self.body.document().findBlockByNumber((line or 0) - 1)
        if field == "body" and line and block.isValid():  # not a translation's line
            cursor = self.body.textCursor()
            cursor.setPosition(block.position())
            self.body.setTextCursor(cursor)
            self.body.centerCursor()
