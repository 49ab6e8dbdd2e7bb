"""The editor's typed change notices: every kind an undo step tells is heard by a view and
every kind a view listens for is told; a view that used to miss one (the media panel's
"used in" list after a chapter rename) now follows it; and the write API's typed ids make
the number-for-id mix-up of commit 723cd15 a mypy error."""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from media.importer import import_file
from story.editing.chapters import add_chapter
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.package.file import create_package
from tests.conftest import ROOT
from tests.ui.test_editor_support import (  # noqa: F401 - fixtures
    IMAGES,
    home,
    type_into,
    window,
)
from ui.editor.document import Change

EDITOR = ROOT / "ui" / "editor"


def test_every_change_kind_is_told_and_heard() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in EDITOR.glob("*.py"))
    told = set(re.findall(r"Notice\(\s*Change\.(\w+)", text))
    heard = {  # named somewhere other than in a Notice being told: a view checks for it
        name
        for name in set(re.findall(r"Change\.(\w+)", text))
        if len(re.findall(rf"Change\.{name}\b", text))
        > len(re.findall(rf"Notice\(\s*Change\.{name}\b", text))
    }
    kinds = {c.name for c in Change}
    assert told == kinds, f"told by no undo step: {kinds - told}"
    assert heard >= kinds, f"heard by no view: {kinds - heard}"


@pytest.fixture
def linked(qtbot, window, home: Path):
    """A window on a package whose chapter 1, "Alpha", shows one photo."""
    path = home / "linked.storypkg"
    pkg = create_package(path)
    set_story(pkg, StoryFields(title="Linked"))
    alpha = add_chapter(pkg, "Alpha", body_md="Text.")
    add_chapter(pkg, "Beta", body_md="More text.")
    mid = store_media(pkg, import_file(IMAGES / "exif-orientation-1.jpg"))
    append_media(pkg, alpha, mid)
    pkg.close()
    assert window.open_path(path)
    window.activateWindow()
    return window, mid


def test_used_in_follows_a_chapter_renamed_on_another_tab(qtbot, linked) -> None:
    win, mid = linked
    win.show_media(mid)
    used = win.media.details.used
    assert "1. Alpha" in used.text()
    # Rename chapter 1 on the chapter tab, as a person would, then come back to the medium.
    win.chapters.select_row(0)
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.tabs.currentIndex() == 1
    type_into(qtbot, win.editor.title, "Harbour")
    qtbot.keyClick(win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert win.tabs.currentIndex() == 2
    assert "1. Harbour" in used.text() and "Alpha" not in used.text()
    # Undo while the media tab is showing: the list follows at once.
    win.chapters.view.setFocus()
    qtbot.keyClick(win.chapters.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "1. Alpha" in used.text() and "Harbour" not in used.text()


def test_a_chapter_number_where_an_id_is_meant_is_a_type_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mypy import api

    probe = tmp_path / "probe.py"
    probe.write_text(
        "from story.editing.chapters import chapter_id_at, move_chapter\n"
        "from story.editing.media import append_media\n"
        "from story.ids import MediaId\n"
        "from story.package.file import open_package\n"
        "\n"
        "\n"
        "def f(media: MediaId) -> None:\n"
        '    with open_package("x.storypkg", readonly=False) as pkg:\n'
        "        append_media(pkg, chapter_id_at(pkg, 3), media)\n"
        "        append_media(pkg, 3, media)\n"
        "        move_chapter(pkg, 3, 1)\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)
    out, err, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--follow-imports",
            "silent",
            str(probe),
        ]
    )
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1, out + err
    assert [line.split(":")[1] for line in errors] == ["10", "11"], out
    assert all('expected "ChapterId"' in line for line in errors), out
