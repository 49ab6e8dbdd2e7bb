"""Chapter text media in the editor: "Insert media…" (Ctrl+Shift+I), where the picture sits
(inset, full width, side by side: issue 13) and the preview's images."""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextImageFormat

from story.blocks import split_blocks
from story.editing.chapters import chapter_id_at, chapter_text, set_chapter_text
from story.editing.media import store_media
from story.editing.translations import set_translation
from story.package.file import open_package
from story.reading import list_media
from story.translations import TextKey
from tests.fixtures.packages import image_item, make_package, png
from tests.ui.test_editor_support import home, wait_checks, window  # noqa: F401 - fixtures
from ui.editor.insert_media import BESIDE, FULL, INSET, placed_insertion
from ui.reader.text_media import INTERNAL_SCHEME

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def image_formats(doc: QTextDocument) -> list[QTextImageFormat]:
    """The pictures of ``doc``, in order, as their (copied) formats."""
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(QTextImageFormat(fmt.toImageFormat()))
            it += 1
        block = block.next()
    return found


def image_names(doc: QTextDocument) -> list[str]:
    return [f.name() for f in image_formats(doc)]


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
    placed = "Text 1.\n\n![A dot](media:x.png)\n\n"  # inset: a paragraph of its own
    assert body.toPlainText() == placed
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
    assert chapter_text(pkg, ch)["body_md"] == placed
    assert [(b.kind, b.placement) for b in split_blocks(placed)] == [
        ("text", "inset"),
        ("figure", "inset"),
    ]

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


PIC = "![a](media:x.png)"


@pytest.mark.parametrize(
    ("md", "pos", "placement", "typed"),
    [
        ("", 0, INSET, f"{PIC}\n\n"),
        ("Words.", 6, INSET, f"Words.\n\n{PIC}\n\n"),
        ("One.\n\nTwo.", 4, INSET, f"One.\n\n{PIC}\n\nTwo."),  # blank lines only if missing
        ("One.\n\nTwo.", 5, INSET, f"One.\n\n{PIC}\n\nTwo."),
        ("One.\nTwo.", 5, INSET, f"One.\n\n{PIC}\n\nTwo."),  # a hard-wrapped paragraph parts
        (f"{PIC}\n\nWords.", 3, INSET, f"{PIC}\n\n{PIC}\n\nWords."),  # never inside a picture
        (f"{PIC}\n\nWords.", 14, BESIDE, f"{PIC}\n{PIC}\n\nWords."),  # after the row above
        (f"{PIC}\n{PIC}\n\nWords.", 0, BESIDE, f"{PIC}\n{PIC}\n{PIC}\n\nWords."),
        (f"{PIC}\n{PIC}\n{PIC}\n\nWords.", 50, BESIDE, None),  # three is a full row
        ("Words.", 3, BESIDE, None),  # no picture above
        (f"Words.\n\n{PIC}", 2, BESIDE, None),  # the picture is below the cursor
        ("In ![i](media:x.png) text.\n\nMore.", 30, BESIDE, None),  # inline is no figure
    ],
)
def test_placed_insertion_writes_the_placement(
    md: str, pos: int, placement: str, typed: str | None
) -> None:
    got = placed_insertion(md, pos, PIC, placement)
    if typed is None:
        assert got is None
        return
    assert got is not None
    at, text = got
    assert md[:at] + text + md[at:] == typed


def open_chooser(qtbot, window, body_md: str, cursor_at: int):
    """The editor on a one-image package whose chapter 1 says ``body_md``, the chooser open."""
    pkg = window.doc.pkg
    editor = window.editor
    editor.body.setPlainText(body_md)
    editor.flush()
    qtbot.waitUntil(lambda: chapter_text(pkg, chapter_id_at(pkg, 1))["body_md"] == body_md)
    qtbot.waitUntil(window.isActiveWindow)  # back from an earlier chooser
    editor.body.setFocus()
    cursor = editor.body.textCursor()
    cursor.setPosition(cursor_at)
    editor.body.setTextCursor(cursor)
    qtbot.keyClick(editor.body, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(
        lambda: window.inserter.dialog is not None and window.inserter.dialog.isVisible()
    )
    return window.inserter.dialog


def test_full_width_and_side_by_side_from_the_dialog_one_undo_step_each(
    qtbot, window, home: Path
) -> None:
    assert window.open_path(make_package(home / "p.storypkg"))
    window.chapters.select_row(0)
    qtbot.waitUntil(lambda: window.editor.body.toPlainText() == "Text 1.", timeout=10000)
    pkg, body = window.doc.pkg, window.editor.body
    ch = chapter_id_at(pkg, 1)

    dialog = open_chooser(qtbot, window, "Intro.\n\nOutro.", 6)
    assert not dialog.choices[BESIDE].isEnabled()  # no picture above the cursor yet
    assert dialog.choices[INSET].isChecked()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.list, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # &Full width
    qtbot.waitUntil(lambda: dialog.placement() == FULL)  # a mnemonic's click is animated
    dialog.accept()
    full = 'Intro.\n\n![A dot](media:x.png "full")\n\nOutro.'
    assert body.toPlainText() == full
    window.editor.flush()
    assert [(b.kind, b.placement) for b in split_blocks(full)][1] == ("figure", "full")

    dialog = open_chooser(qtbot, window, full, len(full))  # at the end, below the picture
    assert dialog.choices[FULL].isChecked()  # the last placement is offered again
    assert dialog.choices[BESIDE].isEnabled()
    dialog.choices[BESIDE].click()
    dialog.accept()
    beside = 'Intro.\n\n![A dot](media:x.png "full")\n![A dot](media:x.png)\n\nOutro.'
    assert body.toPlainText() == beside
    row = [b for b in split_blocks(beside) if b.figures]
    assert [(b.kind, b.tokens) for b in row] == [("figures", ("x.png", "x.png"))]
    window.editor.flush()
    assert chapter_text(pkg, ch)["body_md"] == beside

    qtbot.waitUntil(window.isActiveWindow)
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == full  # one Ctrl+Z in the box takes out the one insertion
    window.editor.flush()
    assert chapter_text(pkg, ch)["body_md"] == full


def test_a_placement_warning_takes_the_curator_to_its_line(qtbot, window, home: Path) -> None:
    path = make_package(home / "p.storypkg", chapters=2)
    with open_package(path, readonly=False) as pkg:
        body = 'One.\n\nTwo.\n\n![A dot](media:x.png "left")\n\nThree.'
        second = chapter_id_at(pkg, 2)
        set_chapter_text(pkg, second, body_md=body)
        ru = 'Один.\n\n![Точка](media:x.png "слева")'  # its own line 3
        set_translation(pkg, "ru", TextKey("chapter", str(second), "body_md"), ru)
    assert window.open_path(path)
    problems = wait_checks(qtbot, window)
    placements = [p for p in problems if p.code == "text-media-placement"]
    assert [(p.chapter, p.line, p.field) for p in placements] == [
        (2, 5, "body"),
        (2, 3, "translation:ru"),
    ]
    view = window.checks_panel.view
    for warning in placements:  # the original's line; a translation's is not the box's
        row = window.checks_panel.model.problems.index(warning)
        rect = view.visualRect(view.model().index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.chapters.current_id() == chapter_id_at(window.doc.pkg, 2)
        assert window.focusWidget() is window.editor.body
        cursor = window.editor.body.textCursor()
        assert (cursor.blockNumber(), cursor.positionInBlock()) == (4, 0)  # line 5, its start


def preview_widths(doc: QTextDocument) -> list[int]:
    return [round(f.width()) for f in image_formats(doc)]


def test_the_live_preview_fits_a_large_picture_to_its_column(qtbot, window, home: Path) -> None:
    path = make_package(home / "p.storypkg")
    with open_package(path, readonly=False) as pkg:
        big = store_media(pkg, image_item(png((1600, 900)), 1600, 900), alt="Yard", credit="Me")
        set_chapter_text(pkg, chapter_id_at(pkg, 1), body_md=f"Text.\n\n![Yard](media:{big[:12]})")
    assert window.open_path(path)
    window.chapters.select_row(0)
    editor = window.editor
    split = editor.split
    split.setSizes([sum(split.sizes()) - 300, 300])  # a narrow preview, as on a laptop
    qtbot.waitUntil(lambda: preview_widths(editor.preview.document()) != [], timeout=10000)
    column = editor.preview.column()[1]
    qtbot.waitUntil(lambda: preview_widths(editor.preview.document()) == [column], timeout=5000)
    assert column < 640  # narrower than the reader's measure, so the picture was shrunk
    split.setSizes([300, sum(split.sizes()) - 300])  # the preview widened: the picture follows
    qtbot.waitUntil(lambda: editor.preview.column()[1] > column, timeout=5000)
    wide = min(640, editor.preview.column()[1])
    qtbot.waitUntil(lambda: preview_widths(editor.preview.document()) == [wide], timeout=5000)


def test_the_preview_tab_is_the_reader_showing_the_placements(qtbot, window, home: Path) -> None:
    path = make_package(home / "p.storypkg")
    with open_package(path) as pkg:
        (dot,) = [m.id for m in list_media(pkg)]
    assert window.open_path(path)
    window.chapters.select_row(0)
    editor, inserter = window.editor, window.inserter
    qtbot.waitUntil(lambda: editor.body.toPlainText() == "Text 1.", timeout=10000)
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    assert inserter.insert(dot, FULL)
    assert inserter.insert(dot, BESIDE)  # beside the full one: a row across the page
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    editor.body.insertPlainText("More words.")
    assert inserter.insert(dot, INSET)
    editor.flush()
    window.toggle_preview()
    qtbot.waitUntil(lambda: window.preview.reader is not None, timeout=10000)
    reader = window.preview.reader
    assert reader is not None
    page = reader.chapter_page
    qtbot.waitUntil(lambda: page.isVisible(), timeout=10000)
    slots = page.text.document().slots
    placed = [(s.kind, s.placement, len(s.items)) for s in slots if s.kind.startswith("figure")]
    assert placed == [("figures", "full", 2), ("figure", "inset", 1)]


def test_the_chooser_lists_the_chapters_own_photos_first_then_by_name(
    qtbot, window, home: Path
) -> None:
    path = make_package(home / "p.storypkg")  # chapter 1 shows x.png
    with open_package(path, readonly=False) as pkg:
        for i, name in enumerate(("b-yard.png", "A-gate.png")):
            item = replace(image_item(png((20 + i, 10))), original_name=name)
            store_media(pkg, item, alt=name)
    assert window.open_path(path)
    window.chapters.select_row(0)
    qtbot.waitUntil(lambda: window.editor.body.toPlainText() == "Text 1.", timeout=10000)
    dialog = window.inserter.ask()
    assert dialog is not None
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert names == ["x.png", "A-gate.png", "b-yard.png"]
    dialog.reject()
