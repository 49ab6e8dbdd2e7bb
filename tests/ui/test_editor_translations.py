"""The editor's translation view (format 4): the original beside the translation, typed in,
counted, marked out of date when the original changes, each edit an undo step."""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from story.editing.chapters import chapter_id_at
from story.translations import TextKey, translation_status
from tests.fixtures.packages import make_package
from tests.ui.test_editor_support import home, type_into, window  # noqa: F401 - fixtures
from ui.editor.actions import Action
from ui.editor.translations import TranslationView


def _row_of(view: TranslationView, key: TextKey) -> int:
    for i in range(view.list.count()):
        if view.list.item(i).data(Qt.ItemDataRole.UserRole) == key:
            return i
    raise AssertionError(f"{key} is not listed")


def test_translate_count_mark_out_of_date_and_undo(qtbot, window, home: Path) -> None:
    path = make_package(home / "t.storypkg", chapters=2)
    assert window.open_path(path)
    pkg = window.doc.pkg
    window.actions_[Action.TRANSLATIONS].trigger()
    view = window.translation_view
    assert isinstance(view, TranslationView) and view.isVisible()
    assert view.languages.count() == 0 and "add a language" in view.counts.text()

    assert "original language" in (view.add("en") or "")  # refused, in words
    assert "not a language tag" in (view.add("english") or "")
    assert view.add("ru") is None
    assert view.language == "ru" and view.languages.currentData() == "ru"
    # story title, 2 x (title, body), 2 place names, the photo's alt and credit
    assert view.counts.text() == "0 of 9 translated · 9 missing · 0 out of date"
    key = TextKey("chapter", str(chapter_id_at(pkg, 1)), "title")
    view.list.setCurrentRow(_row_of(view, key))
    assert view.original.toPlainText() == "Chapter 1" and view.state.text() == "missing"
    view.translation.setFocus()
    view.translation.insertPlainText("Глава")  # QTest types ASCII only
    qtbot.waitUntil(lambda: view._pending is None, timeout=5000)  # the pause commits it
    assert translation_status(pkg)[0].translated == 1
    assert view.counts.text() == "1 of 9 translated · 8 missing · 0 out of date"
    assert view.translation.toPlainText() == "Глава" and view.state.text() == ""

    # the original changes in the chapter editor: the translation is out of date
    window.chapters.select_row(0)
    type_into(qtbot, window.editor.title, "Chapter one")
    qtbot.waitUntil(lambda: "1 out of date" in view.counts.text(), timeout=5000)
    view.list.setCurrentRow(_row_of(view, key))
    assert view.state.text() == "out of date" and view.up_to_date.isVisible()
    assert view.original.toPlainText() == "Chapter one"
    view.up_to_date.click()
    assert "0 out of date" in view.counts.text() and not view.up_to_date.isVisible()

    window.undo()  # up to date -> out of date again
    assert "1 out of date" in view.counts.text()
    window.undo()  # the title edit
    window.undo()  # the translation: missing again, and the box empties
    assert view.counts.text() == "0 of 9 translated · 9 missing · 0 out of date"
    view.list.setCurrentRow(_row_of(view, key))
    assert view.translation.toPlainText() == ""
    window.redo()
    assert view.translation.toPlainText() == "Глава"
    assert translation_status(pkg)[0].translated == 1

    view.only_todo.setChecked(True)  # only what is left to do
    assert view.list.count() == 8
    view.close()
