"""The editor's translation view (format 4): the original beside the translation, field by field.

A window of its own (Edit ▸ Translations…, Ctrl+Shift+L) over the open story:
a language (the story's translations, or a new one), the list of every
translatable text in story order with its state ("missing", "out of date" when
the original changed since it was translated), and the original (read-only)
beside its translation. Typing commits after a short pause as one undo step
per field and language (merged like the chapter editor's typing), on the
editor's own undo stack; "Up to date" records that a translation still holds
for the changed original. The count of what is missing and out of date in
each language is at the top.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from story.editing.translations import (
    check_language,
    restore_translation,
    set_translation,
    translation_row,
)
from story.errors import StoryError
from story.translations import FieldText, TextKey, field_texts, languages, translation_status
from ui.editor.document import Change, EditorDocument, Notice
from ui.editor.undo import Edit, push
from ui.i18n import fill

#: How long typing may pause before the translation is committed (one undo step per burst).
COMMIT_MS = 600
_STATE_COLOURS = {"missing": "#b3261e", "out-of-date": "#9a6700"}


def _language_name(tag: str) -> str:
    locale = QLocale(tag.replace("-", "_"))
    name = locale.nativeLanguageName() if locale.language() != QLocale.Language.C else ""
    return f"{name[:1].upper() + name[1:]} ({tag})" if name else tag


# -- undo steps ---------------------------------------------------------------------------------
def set_translation_step(doc: EditorDocument, language: str, key: TextKey, text: str) -> None:
    """Push "Translate ..." onto the editor's stack: redo stores ``text`` (made from the
    original as it is now), undo puts back exactly what was stored before."""
    before = translation_row(doc.pkg, language, key)
    if before is not None and before[0] == text:
        return
    if before is None and not text:
        return
    push(
        doc,
        Edit(
            doc,
            QCoreApplication.translate("Edit", "Edit a translation")
            if text
            else QCoreApplication.translate("Edit", "Clear a translation"),
            lambda: set_translation(doc.pkg, language, key, text),
            lambda: restore_translation(doc.pkg, language, key, before),
            [Notice(Change.TRANSLATION, field=f"{language}:{key.kind}:{key.field}")],
            merge_key=("translation", language, *key),
        ),
    )


def mark_up_to_date_step(doc: EditorDocument, language: str, key: TextKey) -> None:
    """Record that the translation still holds for the changed original (undoable)."""
    before = translation_row(doc.pkg, language, key)
    if before is None:
        return
    push(
        doc,
        Edit(
            doc,
            QCoreApplication.translate("Edit", "Mark a translation up to date"),
            lambda: set_translation(doc.pkg, language, key, before[0]),
            lambda: restore_translation(doc.pkg, language, key, before),
            [Notice(Change.TRANSLATION, field=f"{language}:{key.kind}:{key.field}")],
        ),
    )


# -- the view -----------------------------------------------------------------------------------
class TranslationView(QDialog):
    """Original beside translation for one language; its own window, not modal."""

    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(self.tr("Translations"))
        self.setObjectName("TranslationView")
        self.resize(1100, 700)
        self.language = ""
        self.fields: list[FieldText] = []
        self._pending: tuple[str, TextKey] | None = None
        self._filling = False

        self.languages = QComboBox(self)
        self.languages.setAccessibleName(self.tr("Language of the translation"))
        self.add_language = QPushButton(self.tr("Add a language…"), self)
        self.counts = QLabel(self)
        self.counts.setObjectName("TranslationCounts")
        self.only_todo = QCheckBox(self.tr("Only missing and out of date"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language:"), self))
        top.addWidget(self.languages)
        top.addWidget(self.add_language)
        top.addSpacing(16)
        top.addWidget(self.counts, 1)
        top.addWidget(self.only_todo)

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Texts to translate"))
        self.where = QLabel(self)
        self.where.setObjectName("TranslationWhere")
        self.state = QLabel(self)
        self.state.setObjectName("TranslationState")
        self.up_to_date = QPushButton(self.tr("Up to date"), self)
        self.up_to_date.setToolTip(self.tr("The translation still holds for the changed original"))
        self.original = QPlainTextEdit(self)
        self.original.setReadOnly(True)
        self.original.setAccessibleName(self.tr("Original"))
        self.translation = QPlainTextEdit(self)
        self.translation.setAccessibleName(self.tr("Translation"))
        self.translation.setTabChangesFocus(True)
        self.original.setTabChangesFocus(True)
        self.translation.setReadOnly(doc.readonly)
        head = QHBoxLayout()
        head.addWidget(self.where, 1)
        head.addWidget(self.state)
        head.addWidget(self.up_to_date)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        for title, box in (
            (self.tr("Original"), self.original),
            (self.tr("Translation"), self.translation),
        ):
            pane = QWidget(sides)
            col = QVBoxLayout(pane)
            col.setContentsMargins(0, 0, 0, 0)
            col.addWidget(QLabel(title, pane))
            col.addWidget(box, 1)
            sides.addWidget(pane)
        right = QWidget(self)
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        rcol.addLayout(head)
        rcol.addWidget(sides, 1)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.list)
        body.addWidget(right)
        body.setSizes([330, 770])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COMMIT_MS)
        self.timer.timeout.connect(self.commit)
        self.languages.currentIndexChanged.connect(self._language_chosen)
        self.add_language.clicked.connect(self.ask_language)
        self.add_language.setEnabled(not doc.readonly)
        self.only_todo.toggled.connect(lambda _on: self.refresh())
        self.list.currentRowChanged.connect(self._field_chosen)
        self.translation.textChanged.connect(self._typed)
        self.up_to_date.clicked.connect(self._mark_up_to_date)
        doc.changed.connect(self._changed)
        self.fill_languages()

    # -- languages ----------------------------------------------------------------------------
    def fill_languages(self, choose: str | None = None) -> None:
        want = choose or self.language
        found = languages(self.doc.pkg)
        if want and want not in found:
            found = sorted([*found, want])
        self._filling = True
        self.languages.clear()
        for tag in found:
            self.languages.addItem(_language_name(tag), tag)
        self._filling = False
        index = self.languages.findData(want) if want else 0
        self.languages.setCurrentIndex(max(index, 0))
        self._language_chosen()

    def ask_language(self) -> None:
        tag, ok = QInputDialog.getText(
            self, self.tr("Add a language"), self.tr("Language tag (e.g. ru, kk, zh-Hans):")
        )
        problem = self.add(tag.strip()) if ok and tag.strip() else None
        if problem:
            QMessageBox.warning(self, self.tr("Add a language"), problem)

    def add(self, tag: str) -> str | None:
        """Offer ``tag`` for translating (it is stored with its first text); what is wrong
        with it, or None."""
        try:
            check_language(self.doc.pkg, tag)
        except StoryError as exc:
            return str(exc)
        self.fill_languages(tag)
        return None

    def _language_chosen(self, *_: object) -> None:
        if self._filling:
            return
        self.commit()
        self.language = str(self.languages.currentData() or "")
        self.refresh()

    # -- fields -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read every field's state again and keep the current field chosen."""
        current = self.current_key()
        self.fields = field_texts(self.doc.pkg, self.language) if self.language else []
        shown = [f for f in self.fields if f.state != "not-needed"]
        if self.only_todo.isChecked():
            shown = [f for f in shown if f.state in ("missing", "out-of-date")]
        self.list.blockSignals(True)
        self.list.clear()
        for f in shown:
            item = QListWidgetItem(_item_text(f))
            item.setData(Qt.ItemDataRole.UserRole, f.key)
            if f.state in _STATE_COLOURS:
                item.setForeground(QColor(_STATE_COLOURS[f.state]))
            self.list.addItem(item)
        self._count()
        keys = [f.key for f in shown]
        self.list.setCurrentRow(keys.index(current) if current in keys else 0 if keys else -1)
        self.list.blockSignals(False)
        self._sync_current()

    def _count(self) -> None:
        if not self.language:
            self.counts.setText(self.tr("No translations yet: add a language."))
            return
        have = {s.language: s for s in translation_status(self.doc.pkg)}
        s = have.get(self.language)
        needed = s.needed if s else sum(f.state != "not-needed" for f in self.fields)
        missing = s.missing if s else needed
        late = s.out_of_date if s else 0
        self.counts.setText(
            fill(
                self.tr("%1 of %2 translated · %3 missing · %4 out of date"),
                needed - missing - late,
                needed,
                missing,
                late,
            )
        )

    def current_key(self) -> TextKey | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _field(self, key: TextKey | None) -> FieldText | None:
        return next((f for f in self.fields if f.key == key), None)

    def _field_chosen(self, _row: int) -> None:
        self.commit()
        self._sync_current()

    def _sync_current(self) -> None:
        """Show the chosen field; the translation box is rewritten only when what is stored
        differs from it (an undo, another field), so typing keeps its cursor."""
        f = self._field(self.current_key())
        self._filling = True
        self.original.setPlainText(f.original.text if f else "")
        stored = (f.translation or "") if f else ""
        if self.translation.toPlainText() != stored:
            self.translation.setPlainText(stored)
        self._filling = False
        self.translation.setEnabled(f is not None)
        self.where.setText(f.original.label if f else "")
        self._show_state(f)

    def _show_state(self, f: FieldText | None) -> None:
        words = {"missing": self.tr("missing"), "out-of-date": self.tr("out of date")}
        state = f.state if f else ""
        self.state.setText(words.get(state, ""))
        self.state.setStyleSheet(f"color: {_STATE_COLOURS.get(state, 'inherit')};")
        self.up_to_date.setVisible(state == "out-of-date" and not self.doc.readonly)

    # -- editing ------------------------------------------------------------------------------
    def _typed(self) -> None:
        key = self.current_key()
        if self._filling or key is None or self.doc.readonly or not self.language:
            return
        self._pending = (self.language, key)
        self.timer.start()

    def commit(self) -> None:
        """Store what was typed (one undo step; typing on merges into it)."""
        self.timer.stop()
        pending, self._pending = self._pending, None
        if pending is None:
            return
        language, key = pending
        try:
            set_translation_step(self.doc, language, key, self.translation.toPlainText())
        except StoryError as exc:
            QMessageBox.warning(self, self.tr("Translations"), str(exc))

    def _mark_up_to_date(self) -> None:
        key = self.current_key()
        if key is not None and self.language:
            self.commit()
            mark_up_to_date_step(self.doc, self.language, key)

    def _changed(self, notice: Notice) -> None:
        """Any edit may change an original (out of date) or a translation (an undo); another
        language's translation changes nothing shown here."""
        other = notice.kind is Change.TRANSLATION and not (notice.field or "").startswith(
            f"{self.language}:"
        )
        if self._pending is None and not other:  # typing in progress: its commit refreshes
            self.refresh()

    def done(self, result: int) -> None:
        self.commit()
        super().done(result)


def _item_text(f: FieldText) -> str:
    marks = {"missing": "○ ", "out-of-date": "◐ ", "translated": "● "}
    return marks.get(f.state, "") + f.original.label


def open_translations(window: Any) -> TranslationView | None:
    """The editor's "Translations…" action: one view per open story, raised if open."""
    doc = getattr(window, "doc", None)
    if doc is None:
        return None
    view = getattr(window, "translation_view", None)
    if view is None or view.doc is not doc:
        view = window.translation_view = TranslationView(doc, window)
    view.show()
    view.raise_()
    view.activateWindow()
    return view
