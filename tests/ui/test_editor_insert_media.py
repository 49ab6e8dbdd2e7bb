"""Chapter text media in the editor: "Insert media…" (Ctrl+Shift+I) and the preview's images."""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument

from story.editing.chapters import chapter_id_at, chapter_text
from tests.fixtures.packages import make_package
from tests.ui.test_editor_support import home, window  # noqa: F401 - fixtures
from ui.reader.text_media import INTERNAL_SCHEME

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def image_names(doc: QTextDocument) -> list[str]:
    names = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_insert_media_types_a_reference_the_preview_shows_and_undo_takes_out(
    qtbot, window, home: Path
) -> None:
    path = make_package(home / "p.storypkg")
    assert window.open_path(path)
    window.chapters.select_row(0)
    editor, inserter = window.editor, window.inserter
    qtbot.waitUntil(lambda: editor.body.toPlainText() == "Text 1.", timeout=10000)
    assert inserter.button.isVisible() and inserter.action.shortcut().toString() == "Ctrl+Shift+I"
    body = editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(lambda: inserter.dialog is not None and inserter.dialog.isVisible())
    assert inserter.dialog is not None
    assert inserter.dialog.list.count() == 1  # the package's one image
    inserter.dialog.accept()
    assert body.toPlainText() == "Text 1.\n![A dot](media:x.png)\n"
    qtbot.waitUntil(
        lambda: any(
            n.startswith(f"{INTERNAL_SCHEME}:") for n in image_names(editor.preview.document())
        ),
        timeout=10000,
    )
    assert "image not shown" not in editor.preview.toPlainText()
    editor.flush()
    pkg = window.doc.pkg
    ch = chapter_id_at(pkg, 1)
    assert chapter_text(pkg, ch)["body_md"] == "Text 1.\n![A dot](media:x.png)\n"

    window.chapters.view.setFocus()
    qtbot.keyClick(window.chapters.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert chapter_text(pkg, ch)["body_md"] == "Text 1."
    qtbot.waitUntil(lambda: body.toPlainText() == "Text 1.", timeout=10000)


def test_cancelled_chooser_inserts_nothing(qtbot, window, home: Path) -> None:
    assert window.open_path(make_package(home / "p.storypkg"))
    window.chapters.select_row(0)
    qtbot.waitUntil(lambda: window.editor.body.toPlainText() == "Text 1.", timeout=10000)
    dialog = window.inserter.ask()
    assert dialog is not None
    dialog.reject()
    assert window.editor.body.toPlainText() == "Text 1." and window.inserter.dialog is None
