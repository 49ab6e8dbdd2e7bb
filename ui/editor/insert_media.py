"""The package's own images in chapter text: "Insert media…" and the live preview that shows them.

Chapter text may show the package's images as ``![alt](media:NAME)``
(docs/FORMAT.md, "Media in chapter text"). :class:`InsertMedia` gives the
chapter editor a button above the text and Ctrl+Shift+I: a chooser of the
package's images, then the reference typed at the cursor (the medium's name
when it names only that image, else a short id; its alt text). It goes in
as typing does, so it is committed with the text and undone as a text edit.
It also hands the live preview the reader's own ``TextMedia``, so ``media:``
images show there as in the reader, and nothing else is loaded.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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


def reference(doc: EditorDocument, m: MediaInfo) -> str:
    """``![alt](media:NAME)`` for image ``m``: its name if that finds it, else a short id."""
    with doc.pkg.session() as s:
        token = next(
            (t for t in (m.original_name, m.id[:12], m.id) if t and find_media(s, t)[0] == m.id),
            m.id,
        )
    dest = token if _PLAIN.fullmatch(token) else quote(token, safe="")
    alt = re.sub(r"[\[\]\n]", " ", m.alt or m.caption).strip()
    return f"![{alt}](media:{dest})"


class MediaChooser(QDialog):
    """The package's images, one to choose (double-click or OK)."""

    def __init__(self, images: list[MediaInfo], thumbs: Thumbs, parent: QWidget | None) -> None:
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
        col = QVBoxLayout(self)
        col.addWidget(QLabel(self.tr("Show one of the package's images in the text:"), self))
        col.addWidget(self.list, 1)
        col.addWidget(buttons)
        self.resize(420, 360)

    def chosen(self) -> MediaId | None:
        item = self.list.currentItem()
        return None if item is None else MediaId(str(item.data(Qt.ItemDataRole.UserRole)))


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

    def ask(self) -> MediaChooser | None:
        """Open the chooser (not modal-blocking: ``finished`` inserts); None when nothing to do."""
        if self.doc.readonly or self.editor.chapter_id is None:
            return None
        images = [m for m in list_media(self.doc.pkg) if m.kind == "image"]
        if not images:
            self.editor.body.setFocus()
            return None
        dialog = self.dialog = MediaChooser(images, self.thumbs, self.editor)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._finished)
        dialog.open()
        return dialog

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        chosen = dialog.chosen() if result == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if chosen is not None:
            self.insert(chosen)
        self.editor.window().activateWindow()  # back from the dialog: the window's keys work
        self.editor.body.setFocus()

    def insert(self, media_id: MediaId) -> None:
        """Type the reference to ``media_id`` at the cursor, on a line of its own."""
        if self.doc.readonly:
            return
        m = get_media(self.doc.pkg, media_id)
        cursor = self.editor.body.textCursor()
        before = "" if cursor.atBlockStart() else "\n"
        cursor.insertText(f"{before}{reference(self.doc, m)}\n")
        self.editor.body.setTextCursor(cursor)
