"""The editor driven as a curator would: a finished, valid story built from nothing."""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from story.editing import media as media_edits
from story.ids import MediaId
from story.package.file import open_package
from story.reading import get_chapter, list_chapters, story_info
from tests.conftest import ROOT
from tests.ui.test_editor_support import (  # noqa: F401 - fixtures
    AUDIO,
    IMAGES,
    drop_files,
    editor,
    home,
    type_into,
    wait_checks,
    wait_import,
    window,
)

FIXES = {
    "image-alt-missing": "A wooden door in afternoon light",
    "image-credit-missing": "Storyport test fixtures",
    "audio-transcript-missing": "Wind over the steppe, a train far away.",
    "chapter-body-missing": "The second part of the journey.",
}


def test_build_a_valid_story_from_nothing(qtbot, editor, home: Path) -> None:
    win = editor
    pkg = win.doc.pkg
    # Story details.
    win.show_tab(0)
    type_into(qtbot, win.details.edits["title"], "Border Crossing")
    type_into(qtbot, win.details.edits["byline"], "A. Curator")
    assert story_info(pkg).title == "Border Crossing"

    # Chapter one's text, in Markdown, with the live preview and word count following.
    win.show_tab(1)
    win.chapters.select_row(0)
    type_into(qtbot, win.editor.body, "# Arrival\n\nThe *train* stops at the dry port.")
    qtbot.waitUntil(lambda: "dry port" in get_chapter(pkg, 1).body_md, timeout=3000)
    qtbot.waitUntil(lambda: "The train stops" in win.editor.preview.toPlainText(), timeout=3000)
    assert win.editor.words.text().startswith("8 words")

    # Photos dropped from the desktop onto chapter one's strip, a recording onto chapter two.
    before = win.doc.stack.count()
    drop_files(
        win.editor.strip.view.viewport(),
        [IMAGES / "exif-orientation-6.jpg", IMAGES / "tiff-rgb.tif", IMAGES / "webp-alpha.webp"],
    )
    wait_import(qtbot, win, before)
    assert len(get_chapter(pkg, 1).images) == 3
    assert win.editor.strip.model.rowCount() == 3
    # Reorder the chapter's photos: the last one first.
    first_three = [m.id for m in get_chapter(pkg, 1).media]
    win.editor.strip.view.setCurrentIndex(win.editor.strip.model.index(2))
    win.editor.strip.buttons["left"].click()
    win.editor.strip.buttons["left"].click()
    assert [m.id for m in get_chapter(pkg, 1).media] == [first_three[2], *first_three[:2]]

    win.chapters.select_row(1)
    before = win.doc.stack.count()
    row_rect = win.chapters.view.visualRect(win.chapters.model.index(1))
    drop_files(win.chapters.view.viewport(), [AUDIO / "wav-pcm16-mono-48k.wav"], row_rect.center())
    wait_import(qtbot, win, before)
    assert len(get_chapter(pkg, 2).audio) == 1

    # Places: add a basemap, click the map for chapter one, search a name for chapter two.
    win.chapters.select_row(0)
    win.show_tab(3)
    qtbot.mouseClick(win.places.add_bundled, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.places.maps.count() == 1)
    viewport = win.places.map.viewport()
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        pos=QPoint(viewport.width() // 2, viewport.height() // 2),
    )
    assert get_chapter(pkg, 1).place is not None
    win.chapters.select_row(1)
    name = sorted(win.places.names)[0]
    type_into(qtbot, win.places.search, name, finish=False)
    qtbot.keyClick(win.places.search, Qt.Key.Key_Return)
    place = get_chapter(pkg, 2).place
    assert place is not None
    assert place.name == name

    # Fix every problem the checks list, by clicking it and typing in the field it opens.
    big = IMAGES / "icc-adobe-rgb-1998.jpg"
    for _round in range(20):
        problems = wait_checks(qtbot, win)
        if not problems:
            break
        p = problems[0]
        view = win.checks_panel.view
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.visualRect(view.model().index(0, 0)).center(),
        )
        if p.code in ("image-alt-missing", "image-credit-missing", "audio-transcript-missing"):
            field = win.focusWidget()
            assert field is not None and field.isVisible()
            type_into(qtbot, field, FIXES[p.code])
            if p.code == "audio-transcript-missing":
                win.media.details.audio.transcript_commit.flush()
        elif p.code == "chapter-body-missing":
            assert win.focusWidget() is win.editor.body
            type_into(qtbot, win.editor.body, FIXES[p.code])
            win.editor.flush()
        elif p.code == "image-too-small":
            details = win.media.details
            assert details.media_id == p.media_id
            if not _has(pkg, big):
                # Replace the small photo with a big one: its caption, credit and alt text stay.
                kept = media_edits.media_text(pkg, p.media_id)
                count = win.doc.stack.count()
                win.imports.replace(p.media_id, big)
                qtbot.waitUntil(lambda c=count: win.doc.stack.count() > c, timeout=30000)
                assert details.media_id != p.media_id
                assert media_edits.media_text(pkg, details.media_id) == kept
                assert p.media_id not in media_edits.media_ids(pkg)
            else:  # one big photo is enough: the other small ones leave the story
                _remove_from_chapter_and_library(qtbot, win, p.media_id)
        else:
            raise AssertionError(f"no fix for {p.code}: {p.message}")
    assert wait_checks(qtbot, win) == []

    # The file on disk says the same: validate exits 0, and the reader shows both chapters.
    win.close()
    result = subprocess.run(
        [sys.executable, "main.py", "validate", str(home / "story.storypkg")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    from ui.reader.view import ReaderView

    with open_package(home / "story.storypkg") as done:
        assert [c.title for c in list_chapters(done)] == ["One", "Two"]
        reader = ReaderView(done, sync_images=True)
        qtbot.addWidget(reader)
        shown = []
        for n in (1, 2):
            reader.show_chapter(n)
            shown.append(reader.chapter_page.text.toPlainText())
        assert "One" in shown[0] and "Two" in shown[1]
        reader.shutdown()


def _has(pkg, path: Path) -> bool:
    return any(m.original_name == path.name for m in media_edits.media_page(pkg, 0, 100))


def _remove_from_chapter_and_library(qtbot, win, media_id: MediaId) -> None:
    for number, _title in media_edits.where_used(win.doc.pkg, media_id):
        if number == 0:
            continue
        win.show_tab(1)
        win.chapters.select_row(number - 1)
        strip = win.editor.strip
        strip.view.setCurrentIndex(strip.model.index(strip.model.ids().index(media_id)))
        strip.buttons["delete"].click()
    win.show_media(media_id)
    assert win.media.details.delete.isEnabled()
    qtbot.mouseClick(win.media.details.delete, Qt.MouseButton.LeftButton)
    assert media_id not in media_edits.media_ids(win.doc.pkg)
