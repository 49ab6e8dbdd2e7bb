"""File > Publish web edition… in the editor: progress, Cancel, and one clear message.

The publication runs on the pool (``ui.tasks``); these tests drive the real dialog
and wait for the real result on disk.
"""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from tests.ui.test_editor_support import home, window  # noqa: F401 - fixtures
from tests.web.test_publish import make_story
from ui.editor.actions import Action
from ui.editor.publish_web import publish


def parent(qtbot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    w.resize(600, 400)
    w.show()
    return w


def test_publishing_from_the_editor_shows_progress_and_ends_with_the_site(
    qtbot, tmp_path: Path
) -> None:
    src = make_story(tmp_path / "harbour.storypkg")
    out = tmp_path / "site"
    seen: list[int] = []
    run = publish(parent(qtbot), src, out)
    run.dialog.canceled.connect(lambda: seen.append(-1))
    assert run.dialog.isVisible()
    run.task.signals.progress.connect(lambda f, label: seen.append(run.dialog.value()))
    with qtbot.waitSignal(run.finished, timeout=60_000) as done:
        pass
    result = done.args[0]
    assert result.outdir == out and result.chapters == 3
    assert (out / "index.html").is_file() and (out / "data" / "chapters" / "0003.js").is_file()
    assert not run.dialog.isVisible()
    assert seen and -1 not in seen and max(seen) > 0


def test_cancel_stops_it_and_leaves_nothing(qtbot, tmp_path: Path) -> None:
    src = make_story(tmp_path / "harbour.storypkg")
    out = tmp_path / "site"
    run = publish(parent(qtbot), src, out)
    cancel = next(b for b in run.dialog.findChildren(QPushButton) if b.text() == "Cancel")
    with qtbot.waitSignal(run.finished, timeout=60_000) as done:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert done.args[0] is None
    QThreadPool.globalInstance().waitForDone(10_000)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbour.storypkg"]
    assert run.message is None


def test_a_failure_is_one_clear_message(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "broken.storypkg"
    bad.write_bytes(b"not a story package" * 50)
    run = publish(parent(qtbot), bad, tmp_path / "site")
    with qtbot.waitSignal(run.finished, timeout=60_000):
        pass
    box = run.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text().startswith("The web edition was not published: ")
    assert "broken.storypkg" in box.text() and "\n" not in box.text()
    assert not (tmp_path / "site").exists()
    box.close()


def test_the_file_menu_offers_it_when_a_story_is_open(qtbot, window, home: Path) -> None:
    act = window.actions_[Action.PUBLISH_WEB]
    file_menu = window.menuBar().actions()[0].menu()
    assert act in file_menu.actions()
    assert act.text() == "Publish &web edition…"
    assert not act.isEnabled()  # no story yet
    assert window.new_package(home / "story.storypkg")
    assert act.isEnabled()
