"""One Storyport per person: a second launch opens its window in the running app.

The running app is this test process (a real ``InstanceServer`` on a real local
socket); the second launch is a real ``main.py`` in a subprocess, with the same
data folder, so it finds the server by name. Each test has its own folder, so
its own server name.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from story.editing.chapters import add_chapter
from story.editing.story import StoryFields, set_story
from story.package.file import create_package
from tests.conftest import ROOT
from ui.single_instance import InstanceServer, Request, open_request, server_name

#: Long enough for a cold interpreter importing Qt on a busy machine.
LAUNCH_TIMEOUT_S = 90


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> Iterator[Path]:
    """This test's data folder (so its own server name); every server closed at the end."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("STORYPORT_HOME", str(home))
    yield home
    for server in qapp.findChildren(InstanceServer):
        server.close()
        server.setParent(None)


def _package(path: Path, title: str = "Two Rivers") -> Path:
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title=title, language="en"))
        add_chapter(pkg, "The ferry", body_md="Text.")
        add_chapter(pkg, "The bridge", body_md="More text.")
    return path


def _launch(*args: str, home: Path, cwd: Path = ROOT) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STORYPORT_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(child: subprocess.Popen[str], qtbot) -> tuple[int, str]:
    """Wait for ``child`` while this process serves its request; its exit code and stderr."""
    try:
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=LAUNCH_TIMEOUT_S * 1000)
        _, err = child.communicate(timeout=10)
    finally:  # a failing test never leaves its launch behind
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    return child.returncode, err


def _close_dialogs_saying(seen: list[str]) -> QTimer:
    """A timer that reads and closes every modal message box (they run their own loop)."""
    timer = QTimer()

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(0)

    timer.timeout.connect(close)
    timer.start(50)
    return timer


def test_requests_survive_the_wire_and_strangers_are_refused() -> None:
    request = Request("read", "/tmp/a b.storypkg", chapter=2)
    assert Request.decode(request.encode().strip()) == request
    assert Request.decode(b'{"command": "rm", "package": "/"}') is None
    assert Request.decode(b"not json") is None
    assert Request.decode(b'{"command": "read", "chapter": "two"}') is None


def test_a_second_launch_is_handed_to_the_running_app(qtbot, home: Path, tmp_path: Path) -> None:
    got: list[Request] = []
    server = InstanceServer(got.append)
    assert server.listen()
    pkg = _package(tmp_path / "story.storypkg")
    # a relative path means the launch's own folder, not the running app's
    child = _launch("read", pkg.name, "--chapter", "2", home=home, cwd=tmp_path)
    code, err = _finish(child, qtbot)
    assert code == 0, err
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [Request("read", str(pkg), chapter=2)]
    server.close()


def test_the_running_app_opens_a_reader_window_for_it(qtbot, home: Path, tmp_path: Path) -> None:
    server = InstanceServer(open_request)
    assert server.listen()
    pkg = _package(tmp_path / "story.storypkg", title="Two Rivers")
    code, err = _finish(_launch("read", str(pkg), home=home), qtbot)
    assert code == 0, err

    def reader_shown() -> list:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowTitle().startswith("Two Rivers")
        ]

    qtbot.waitUntil(lambda: bool(reader_shown()), timeout=20_000)
    window = reader_shown()[0]
    assert window.windowTitle() == "Two Rivers — Storyport"
    window.close()
    server.close()


def test_edit_opens_an_editor_window_on_the_package(qtbot, home: Path, tmp_path: Path) -> None:
    server = InstanceServer(open_request)
    assert server.listen()
    pkg = _package(tmp_path / "edit-me.storypkg", title="Edit Me")
    code, err = _finish(_launch("edit", str(pkg), home=home), qtbot)
    assert code == 0, err
    from ui.editor.window import EditorWindow

    def editors() -> list[EditorWindow]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, EditorWindow) and w.isVisible() and w.doc is not None
        ]

    qtbot.waitUntil(lambda: bool(editors()), timeout=20_000)
    window = editors()[0]
    assert "Edit Me" in window.windowTitle() or "edit-me" in window.windowTitle()
    window.close()
    server.close()


def test_a_stale_socket_left_by_a_crash_is_taken_over(qapp, home: Path) -> None:
    from PySide6.QtNetwork import QLocalServer

    dead = QLocalServer()
    assert dead.listen(server_name())
    socket_file = dead.fullServerName()
    # A crashed app leaves its socket file; nobody answers on it any more.
    dead.setParent(None)
    os.rename(socket_file, socket_file + ".keep")
    dead.close()
    os.rename(socket_file + ".keep", socket_file)
    assert Path(socket_file).exists()
    server = InstanceServer(lambda _: None)
    assert server.listen()
    server.close()


# -- a file that is not a story: the command line's message, in a dialog ---------------------


def _not_a_package(tmp_path: Path) -> Path:
    path = tmp_path / "notes.storypkg"
    path.write_text("shopping list\n" * 20)
    return path


def _newer_format(tmp_path: Path) -> Path:
    path = _package(tmp_path / "future.storypkg")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


def _cli_message(path: Path, home: Path, tmp_path: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "read", str(path)]
        + ["--screenshot", str(tmp_path / "never.png")],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "STORYPORT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=LAUNCH_TIMEOUT_S,
    )
    assert done.returncode == 2
    line = done.stderr.strip()
    assert line.startswith("storyport read: ") and "\n" not in line, done.stderr
    return line.removeprefix("storyport read: ")


@pytest.mark.parametrize("make", [_not_a_package, _newer_format], ids=["not-a-package", "newer"])
def test_a_bad_file_gets_the_command_lines_message_in_a_dialog(
    qtbot, home: Path, tmp_path: Path, make
) -> None:
    from ui.reader.launch import run_reader

    bad = make(tmp_path)
    expected = _cli_message(bad, home, tmp_path)
    assert "not a story package" in expected or "newer Storyport" in expected
    seen: list[str] = []
    timer = _close_dialogs_saying(seen)
    args = argparse.Namespace(package=str(bad), screenshot=None, chapter=None, map=False)
    assert run_reader(args) == 2  # launched as a double-click would: no screenshot
    timer.stop()
    assert seen == [expected]


def test_a_bad_file_handed_over_gets_its_dialog_in_the_running_app(
    qtbot, home: Path, tmp_path: Path
) -> None:
    server = InstanceServer(open_request)
    assert server.listen()
    bad = _not_a_package(tmp_path)
    seen: list[str] = []
    timer = _close_dialogs_saying(seen)
    code, err = _finish(_launch("read", str(bad), home=home), qtbot)
    assert code == 0, err  # handed over at once: the running app says what is wrong
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    timer.stop()
    assert seen == [f"{bad}: is not a story package (not an SQLite file)"]
    server.close()


def test_a_running_kiosk_refuses_a_second_story_politely(
    qtbot, home: Path, tmp_path: Path, capfd
) -> None:
    """Issue 12: a public screen does not switch stories because ``storyport read`` ran."""
    from argparse import Namespace

    from ui.launching import handed_over
    from ui.single_instance import KIOSK_REFUSAL

    opened: list[Request] = []
    kiosk_args = Namespace(kiosk=True, screenshot=None, package=None, chapter=None, map=False)
    assert handed_over("read", kiosk_args) is False  # the exhibit starts, and listens
    app = QApplication.instance()
    assert app is not None
    (server,) = [s for s in app.findChildren(InstanceServer) if s.refusal]
    server._opener = opened.append  # what it would open, were it to open anything
    pkg = _package(tmp_path / "other.storypkg", title="Another Story")
    code, err = _finish(_launch("read", str(pkg), home=home), qtbot)
    assert code == 0, err
    assert KIOSK_REFUSAL in err  # the second launch says why it opened nothing
    qtbot.wait(100)
    assert opened == []
    assert not [w for w in QApplication.topLevelWidgets() if "Another Story" in w.windowTitle()]
    logged = capfd.readouterr().err
    assert str(pkg) in logged and KIOSK_REFUSAL in logged  # the exhibit logged the request
    server.close()
