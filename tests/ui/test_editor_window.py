"""The editor window as a whole: recent files, dropping a package, preview key, export,
remembered splitters, nothing lost on close, checks that follow edits, the command line."""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool

from story.package.file import open_package
from story.reading import get_chapter, list_chapters
from tests.conftest import ROOT
from tests.ui.test_editor_support import (  # noqa: F401 - fixtures
    drop_files,
    editor,
    home,
    type_into,
    wait_checks,
    window,
)


def test_recent_files_and_dropping_a_package(qtbot, window, home: Path) -> None:
    first, second = home / "first.storypkg", home / "second.storypkg"
    assert window.new_package(first)
    assert window.new_package(second)
    window.close_document()
    window.welcome.refresh()
    shown = [window.welcome.recent.item(i).text() for i in range(window.welcome.recent.count())]
    assert shown[0].startswith("second.storypkg") and shown[1].startswith("first.storypkg")
    # Dropping a package file on the window opens it.
    drop_files(window, [first])
    assert window.doc is not None and window.doc.path == first
    # File > Open recent lists both.
    window.fill_recent()
    names = [a.text() for a in window.recent_menu.actions()]
    assert names[:2] == ["first.storypkg", "second.storypkg"]


def test_f5_previews_the_chapter_in_the_reader_and_back(qtbot, editor) -> None:
    editor.chapters.select_row(1)
    editor.chapters.view.setFocus()
    qtbot.keyClick(editor.chapters.view, Qt.Key.Key_F5)
    assert editor.pages.currentWidget() is editor.preview
    reader = editor.preview.reader
    assert reader.current == 2
    assert "Two" in reader.chapter_page.text.toPlainText()
    qtbot.keyClick(reader, Qt.Key.Key_F5)
    assert editor.pages.currentWidget() is editor.body
    # An edit made after a preview shows in the next one.
    type_into(qtbot, editor.editor.title, "Two, renamed")
    editor.chapters.view.setFocus()
    qtbot.keyClick(editor.chapters.view, Qt.Key.Key_F5)
    assert "Two, renamed" in editor.preview.reader.chapter_page.text.toPlainText()


def test_export_a_compact_copy(qtbot, editor, home: Path) -> None:
    out = home / "compact.storypkg"
    editor.opening.export(editor.doc.path, out)
    qtbot.waitUntil(out.exists, timeout=30000)
    QThreadPool.globalInstance().waitForDone(10000)
    with open_package(out) as pkg:
        assert [c.title for c in list_chapters(pkg)] == ["One", "Two"]


def test_nothing_typed_is_lost_on_close(qtbot, editor, home: Path) -> None:
    editor.chapters.select_row(0)
    editor.editor.body.setFocus()
    qtbot.keyClicks(editor.editor.body, "Typed just before closing")
    editor.close()  # within the 400 ms pause: closing commits it
    with open_package(home / "story.storypkg") as pkg:
        assert get_chapter(pkg, 1).body_md == "Typed just before closing"


def test_splitter_sizes_are_remembered(qtbot, window, home: Path) -> None:
    from ui.editor.window import EditorWindow

    assert window.new_package(home / "a.storypkg")
    window.split.setSizes([400, 600, 200])
    wanted = window.split.sizes()
    window.close()
    again = EditorWindow(sync=True)
    qtbot.addWidget(again)
    again.resize(window.size())
    assert again.open_path(home / "a.storypkg")
    again.show()
    assert again.split.sizes() == wanted
    again.close()


def test_checks_follow_the_edits(qtbot, editor) -> None:
    codes = {(p.code, p.chapter) for p in wait_checks(qtbot, editor)}
    assert ("chapter-body-missing", 1) in codes
    editor.chapters.select_row(0)
    type_into(qtbot, editor.editor.body, "Now it has text.")
    editor.editor.flush()
    codes = {(p.code, p.chapter) for p in wait_checks(qtbot, editor)}
    assert ("chapter-body-missing", 1) not in codes
    assert ("chapter-body-missing", 2) in codes
    # Clicking the problem goes to the field that fixes it.
    view = editor.checks_panel.view
    row = next(
        i
        for i, p in enumerate(editor.checks_panel.model.problems)
        if p.code == "chapter-body-missing"
    )
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.chapters.current_id() == list_chapters(editor.doc.pkg)[1].id
    assert editor.focusWidget() is editor.editor.body
    assert editor.words.text() == "0 words"


def test_command_line_screenshot_and_bad_file(home: Path) -> None:
    from story.editing.chapters import add_chapter
    from story.editing.story import StoryFields, set_story
    from story.package.file import create_package

    pkg = create_package(home / "cli.storypkg")
    set_story(pkg, StoryFields(title="Command line"))
    add_chapter(pkg, "Only chapter", body_md="Text.")
    pkg.close()
    env = {"QT_QPA_PLATFORM": "offscreen", "STORYPORT_HOME": str(home / "h"), "PATH": "/usr/bin"}
    png = home / "shot.png"
    ok = subprocess.run(
        [sys.executable, "main.py", "edit", str(home / "cli.storypkg"), "--screenshot", str(png)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert png.stat().st_size > 10_000
    bad = home / "bad.storypkg"
    bad.write_bytes(b"not a package at all" * 100)
    fail = subprocess.run(
        [sys.executable, "main.py", "edit", str(bad), "--screenshot", str(png)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert fail.returncode == 2
    assert "Traceback" not in fail.stderr
    mine = [line for line in fail.stderr.splitlines() if line.startswith("storyport edit: ")]
    assert mine == [f"storyport edit: {bad}: is not a story package (not an SQLite file)"]


def test_import_progress_and_cancel(qtbot, editor) -> None:
    from story.reading import list_media
    from tests.ui.test_editor_support import IMAGES

    files = [IMAGES / f"exif-orientation-{n}.jpg" for n in range(1, 9)]
    count = editor.doc.stack.count()
    assert editor.imports.start(files, editor.chapters.current_id())
    assert editor.progress.isVisible() and editor.cancel_import.isVisible()
    qtbot.waitUntil(lambda: editor.progress.value() > 0, timeout=30000)
    qtbot.mouseClick(editor.cancel_import, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.imports.running, timeout=60000)
    assert not editor.progress.isVisible()
    imported = len(list_media(editor.doc.pkg))
    assert 1 <= imported < len(files)
    assert editor.status_text.text().startswith(f"Imported {imported} file")
    assert editor.doc.stack.count() == count + 1  # the whole batch is one undo step
    editor.undo()
    assert list_media(editor.doc.pkg) == []
