"""The Checks panel's "Remove identifying metadata from N media…", undone by one Ctrl+Z."""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from story.editing.media import media_ids, snapshot_media
from story.reading import chapter_count
from tests.fixtures.dirty import GPS_PHOTO, make_dirty_package
from tests.ui.test_editor_support import home, wait_checks, window  # noqa: F401 - fixtures
from ui.editor.cleaning import RULE

pytestmark = pytest.mark.skipif(not GPS_PHOTO.is_file(), reason="shared fixtures absent")


def dirty_ids(qtbot, win) -> set[str]:
    return {p.media_id for p in wait_checks(qtbot, win) if p.code == RULE}


def test_cleaning_every_medium_is_one_undo_step(qtbot, window, home: Path) -> None:
    d = make_dirty_package(home / "dirty.storypkg")
    assert window.open_path(d.path)
    doc = window.doc
    before = {m: snapshot_media(doc.pkg, m) for m in (d.photo, d.recording)}
    assert dirty_ids(qtbot, window) == {d.photo, d.recording}
    button = window.checks_panel.clean_button
    assert button.isVisible() and "2 media" in button.text()
    steps = doc.stack.count()
    started = time.monotonic()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: doc.stack.count() == steps + 1, timeout=60000)
    took = time.monotonic() - started
    assert not window.checks_panel.cleaner.running
    new = media_ids(doc.pkg)
    assert len(new) == 2 and not new & {d.photo, d.recording}
    assert dirty_ids(qtbot, window) == set()
    assert not window.checks_panel.clean_button.isVisible()
    assert window.editor.body.toPlainText().count("media:") == 1  # the text follows the new id

    window.chapters.view.setFocus()
    qtbot.keyClick(window.chapters.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert media_ids(doc.pkg) == {d.photo, d.recording}
    for m, snap in before.items():
        assert snapshot_media(doc.pkg, m) == snap
    assert f"media:{d.photo[:10]})" in window.editor.body.toPlainText()
    assert dirty_ids(qtbot, window) == {d.photo, d.recording}
    doc.stack.redo()
    assert media_ids(doc.pkg) == new and chapter_count(doc.pkg) == 2
    print(f"cleaned 2 media (photo + WAV) in {took:.2f} s")
