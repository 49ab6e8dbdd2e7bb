"""The package's own images in chapter text: "Insert media…" and the live preview that shows them.

Chapter text may show the package's images as ``![alt](media:NAME)``
(docs/FORMAT.md, "Media in chapter text"), and where such an image stands
alone in its paragraph the curator places it (issue 13, "Placing pictures"):
inset, ``"full"`` width, or side by side with the pictures on the lines
beside it. :class:`InsertMedia` gives the chapter editor a button above the
text and Ctrl+Shift+I: a chooser of the package's images and of where the
picture sits, then the Markdown that says so, typed as one edit (the
medium's name when it names only that image, else a short id; its alt
text): a paragraph of its own at the cursor, or the line after the row of
the picture above the cursor. It goes in as typing does, so it is committed
with the text and undone as one text edit. It also hands the live preview
the reader's own ``TextMedia``, so ``media:`` images show there as in the
reader, and nothing else is loaded.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from story.blocks import ROW_MAX, placed_tokens, split_blocks
from story.editing.media import chapter_media_ids
from story.ids import MediaId
from story.reading import get_media, list_media
from story.records import MediaInfo
from story.text_refs import find_media
from ui.editor.chapter_editor import ChapterEditor
from ui.editor.document import EditorDocument
from ui.editor.icons import icon
from ui.editor.media_models import Thumbs
from ui.reader.images import ImageStore
from ui.reader.text_media import TextMedia

SHORTCUT = "Ctrl+Shift+I"
_PLAIN = re.compile(r"[A-Za-z0-9._\-]+")


#: Where an inserted picture sits: its own paragraph (text-column width or the page's), or
#: on the line after the row of the picture above the cursor.
INSET, FULL, BESIDE = "inset", "full", "beside"


def reference(doc: EditorDocument, m: MediaInfo, placement: str = INSET) -> str:
    """``![alt](media:NAME)`` for image ``m``: its name if that finds it, else a short id;
    ``![alt](media:NAME "full")`` for a full-width picture."""
    with doc.pkg.session() as s:
        token = next(
            (t for t in (m.original_name, m.id[:12], m.id) if t and find_media(s, t)[0] == m.id),
            m.id,
        )
    dest = token if _PLAIN.fullmatch(token) else quote(token, safe="")
    alt = re.sub(r"[\[\]\n]", " ", m.alt or m.caption).strip()
    title = ' "full"' if placement == FULL else ""
    return f"![{alt}](media:{dest}{title})"


def beside_line(md: str, line: int) -> int | None:
    """The last line (1-based) of the row of pictures nearest above or at ``line``, after
    which one more stands beside them; None when there is none or it already holds ROW_MAX."""
    rows: list[list[int]] = []  # the lines of each paragraph of figures
    for block in split_blocks(md):
        for f in block.figures:
            if rows and f.line == rows[-1][-1] + 1:
                rows[-1].append(f.line)
            else:
                rows.append([f.line])
    above = [r for r in rows if r[0] <= line]
    if not above or len(above[-1]) >= ROW_MAX:
        return None
    return above[-1][-1]


def placed_insertion(md: str, pos: int, ref: str, placement: str) -> tuple[int, str] | None:
    """Where to type what, so that ``ref`` sits as ``placement`` asks: (offset, text).

    Inset and full: a paragraph of its own at ``pos`` (blank lines added only where
    missing; a cursor inside a picture's line goes to its end first). Beside: the line after
    the row above (:func:`beside_line`), None when there is no such row.
    """
    line_start = md.rfind("\n", 0, pos) + 1
    line_end = md.find("\n", pos)
    line_end = len(md) if line_end < 0 else line_end
    if placement == BESIDE:
        after = beside_line(md, md.count("\n", 0, pos) + 1)
        if after is None:
            return None
        end = sum(len(ln) + 1 for ln in md.split("\n")[:after]) - 1
        return end, "\n" + ref
    if placed_tokens(md[line_start:line_end]):  # never cut a picture's own line
        pos = line_end
    before, after_text = md[:pos], md[pos:]
    if not before or before.endswith("\n\n"):
        lead = ""
    else:
        lead = "\n" if before.endswith("\n") else "\n\n"
    if not after_text:
        tail = "\n\n"  # the next words typed start a paragraph of their own
    elif after_text.startswith("\n\n"):
        tail = ""
    else:
        tail = "\n" if after_text.startswith("\n") else "\n\n"
    return pos, lead + ref + tail


def _utf16(text: str, offset: int) -> int:
    """A Python offset in ``text`` as Qt's (UTF-16 units)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def _from_utf16(text: str, position: int) -> int:
    """A Qt text position (UTF-16 units) in ``text`` as a Python offset."""
    return len(text.encode("utf-16-le")[: position * 2].decode("utf-16-le", "ignore"))


class MediaChooser(QDialog):
    """The package's images, one to choose (double-click or OK)."""

    def __init__(
        self,
        images: list[MediaInfo],
        thumbs: Thumbs,
        parent: QWidget | None,
        *,
        beside: bool = False,
        placement: str = INSET,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert media"))
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(64, 48))
        self.list.setAccessibleName(self.tr("The package's images"))
        for m in images:
            item = QListWidgetItem(m.original_name or m.id[:12], self.list)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setToolTip(m.alt or m.caption or m.id)
            item.setIcon(thumbs.get(m.id))
        if images:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        where = QGroupBox(self.tr("Where it sits"), self)
        self.placements = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        rows = QVBoxLayout(where)
        for key, label in (
            (INSET, self.tr("&Inset, as wide as the text")),
            (FULL, self.tr("&Full width")),
            (BESIDE, self.tr("&Side by side with the previous picture")),
        ):
            button = self.choices[key] = QRadioButton(label, where)
            self.placements.addButton(button)
            rows.addWidget(button)
        self.choices[BESIDE].setEnabled(beside)
        if not beside:
            self.choices[BESIDE].setToolTip(
                self.tr("No picture above the cursor with room beside it (three at most)")
            )
        self.choices[placement if placement != BESIDE or beside else INSET].setChecked(True)
        col = QVBoxLayout(self)
        col.addWidget(QLabel(self.tr("Show one of the package's images in the text:"), self))
        col.addWidget(self.list, 1)
        col.addWidget(where)
        col.addWidget(buttons)
        self.resize(420, 460)

    def chosen(self) -> MediaId | None:
        item = self.list.currentItem()
        return None if item is None else MediaId(str(item.data(Qt.ItemDataRole.UserRole)))

    def placement(self) -> str:
        return next((k for k, b in self.choices.items() if b.isChecked()), INSET)


class InsertMedia:
    """Wires "Insert media…" and the preview's images into a :class:`ChapterEditor`."""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("InsertMedia", text)

    def __init__(self, editor: ChapterEditor, doc: EditorDocument, thumbs: Thumbs) -> None:
        self.editor, self.doc, self.thumbs = editor, doc, thumbs
        self.images = ImageStore(doc.pkg, parent=editor)
        editor.preview.set_media(TextMedia(doc.pkg, self.images))
        self.action = QAction(icon("import"), self.tr("Insert media…"), editor)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.setToolTip(
            self.tr("Show one of the package's images in the text (%1)").replace("%1", SHORTCUT)
        )
        self.action.setEnabled(not doc.readonly)
        self.action.triggered.connect(lambda _=False: self.ask())
        editor.addAction(self.action)
        self.button = QToolButton(editor)
        self.button.setDefaultAction(self.action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setObjectName("InsertMedia")
        self.button.setAutoRaise(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.button)
        left = editor.body.parentWidget()
        column = left.layout() if left is not None else None
        if isinstance(column, QVBoxLayout):
            column.insertLayout(0, bar)
        self.dialog: MediaChooser | None = None
        self.placement = INSET  # the last one chosen, offered again

    def ask(self) -> MediaChooser | None:
        """Open the chooser (not modal-blocking: ``finished`` inserts); None when nothing to do."""
        if self.doc.readonly or self.editor.chapter_id is None:
            return None
        own = {
            mid: i for i, mid in enumerate(chapter_media_ids(self.doc.pkg, self.editor.chapter_id))
        }
        images = sorted(  # the chapter's own photos first, in its order; then the rest by name
            (m for m in list_media(self.doc.pkg) if m.kind == "image"),
            key=lambda m: (own.get(m.id, len(own)), (m.original_name or m.id).casefold()),
        )
        if not images:
            self.editor.body.setFocus()
            return None
        body = self.editor.body
        text = body.toPlainText()
        line = text.count("\n", 0, _from_utf16(text, body.textCursor().position())) + 1
        beside = beside_line(text, line) is not None
        dialog = self.dialog = MediaChooser(
            images, self.thumbs, self.editor, beside=beside, placement=self.placement
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._finished)
        dialog.open()
        return dialog

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        chosen = dialog.chosen() if result == QDialog.DialogCode.Accepted else None
        placement = dialog.placement()
        dialog.deleteLater()
        if chosen is not None:
            self.placement = placement
            self.insert(chosen, placement)
        self.editor.window().activateWindow()  # back from the dialog: the window's keys work
        self.editor.body.setFocus()

    def insert(self, media_id: MediaId, placement: str = INSET) -> bool:
        """Type the reference to ``media_id`` where ``placement`` puts it (one edit);
        False when it cannot be placed so (no row above the cursor to stand beside)."""
        if self.doc.readonly:
            return False
        m = get_media(self.doc.pkg, media_id)
        body = self.editor.body
        text = body.toPlainText()
        cursor = body.textCursor()
        at = _from_utf16(text, cursor.position())
        got = placed_insertion(text, at, reference(self.doc, m, placement), placement)
        if got is None:
            return False
        offset, typed = got
        cursor.clearSelection()
        cursor.setPosition(_utf16(text, offset))
        cursor.insertText(typed)
        body.setTextCursor(cursor)
        return True
