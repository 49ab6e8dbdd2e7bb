"""The editor and other processes: a crash mid-import loses nothing shown as done, and a
package another Storyport is editing opens read-only on request.

Run as a script (``python -m tests.ui.test_editor_process PKG FILE...``), this
module is the editor process the test kills: it edits through the editor's
own undo steps, then imports through the editor's import controller.
"""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt

from story.editing.chapters import add_chapter
from story.editing.story import StoryFields, set_story
from story.package.file import create_package, open_package
from story.reading import get_chapter, list_chapters, list_media
from story.validation import validate
from tests.conftest import ROOT
from tests.ui.test_editor_support import AUDIO, IMAGES, home, window  # noqa: F401 - fixtures
from ui.editor.actions import Action

FILES = [IMAGES / f"exif-orientation-{n}.jpg" for n in range(1, 9)] + [
    IMAGES / "tiff-rgb.tif",
    IMAGES / "webp-alpha.webp",
    AUDIO / "wav-pcm16-mono-48k.wav",
]


def _package(path: Path) -> Path:
    pkg = create_package(path)
    set_story(pkg, StoryFields(title="Crash test"))
    add_chapter(pkg, "First")
    pkg.close()
    return path


def test_killed_mid_import_keeps_every_earlier_edit(tmp_path: Path) -> None:
    missing = [str(f) for f in FILES if not f.is_file()]
    assert not missing, f"the shared media fixtures are missing: {missing[:2]}"  # fail, not hang
    path = _package(tmp_path / "crash.storypkg")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STORYPORT_HOME": str(tmp_path / "h")}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.test_editor_process", str(path), *map(str, FILES)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        imported = 0
        deadline = time.monotonic() + 120
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("imported"):
                imported += 1
                if imported == 2:
                    break
            assert time.monotonic() < deadline
        assert imported == 2, child.stderr.read() if child.stderr else ""
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:  # a test that fails (or times out) never leaves its editor process behind
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with open_package(path, readonly=False) as pkg:  # the dead writer's lock is taken over
        chapters = list_chapters(pkg)
        assert [c.title for c in chapters] == ["Edited before the crash", "Added before the crash"]
        assert get_chapter(pkg, 1).body_md == "Typed text that was on screen."
        media = list_media(pkg)
        assert len(media) >= 2  # both imports the editor reported are there, whole
        assert len(get_chapter(pkg, 1).media) >= 2
        assert not [p for p in validate(pkg) if p.code.startswith("integrity")]
    result = subprocess.run(
        [sys.executable, "main.py", "validate", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr  # readable; 2 would mean damaged


def test_second_process_editing_offers_read_only(qtbot, window, home: Path) -> None:
    path = _package(home / "busy.storypkg")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; from story.package.file import open_package;"
            f"p = open_package({str(path)!r}, readonly=False); print('locked', flush=True);"
            "time.sleep(60)",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert not window.open_path(path)
        offer = window.welcome.offer
        assert offer.isVisible()
        assert "being edited in another Storyport" in window.welcome.offer_text.text()
        assert f"pid {holder.pid}" in window.welcome.offer_text.text()
        qtbot.mouseClick(window.welcome.readonly, Qt.MouseButton.LeftButton)
        assert window.doc is not None and window.doc.readonly
        assert window.banner.isVisible() and "read-only" in window.banner.text()
        assert window.editor.title.isReadOnly()
        assert not window.actions_[Action.ADD_CHAPTER].isEnabled()
        assert "(read-only)" in window.windowTitle()
        window.toggle_preview()  # reading and previewing still work
        assert window.pages.currentWidget() is window.preview
    finally:
        holder.kill()
        holder.wait()


def test_same_package_in_a_second_window_is_refused(qtbot, window, home: Path) -> None:
    from ui.editor.window import EditorWindow

    path = _package(home / "twice.storypkg")
    assert window.open_path(path)
    second = EditorWindow(sync=True)
    qtbot.addWidget(second)
    second.show()
    assert not second.open_path(path)
    assert second.welcome.offer.isVisible()
    second.close()


def _child(path: str, files: list[str]) -> int:
    """The editor process the crash test kills: edit, then import, reporting each step."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.editor import undo
    from ui.editor.document import Change, Notice
    from ui.editor.window import EditorWindow

    app = QApplication(sys.argv[:1])
    win = EditorWindow(sync=True)
    if not win.open_path(Path(path)):
        return 2
    assert win.chapters is not None and win.doc is not None
    win.chapters.select_row(0)
    cid = win.chapters.current_id()
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(win.editor.title, Qt.Key.Key_A, ctrl)
    QTest.keyClicks(win.editor.title, "Edited before the crash")
    QTest.keyClick(win.editor.title, Qt.Key.Key_Return)
    QTest.keyClicks(win.editor.body, "Typed text that was on screen.")
    win.editor.flush()  # what leaving the field does
    undo.add_chapter(win.doc, 2, "Added before the crash")
    win.chapters.select(cid)

    def seen(n: Notice) -> None:
        if n.kind is Change.LIBRARY:
            print("imported", flush=True)

    win.doc.changed.connect(seen)
    win.imports.start(files, cid)
    print("importing", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], sys.argv[2:]))
