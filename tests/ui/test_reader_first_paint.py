"""The cover snapshot: the first screen painted before the package is opened, and never stale."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from story.editing.story import StoryFields, set_story
from story.package.file import open_package
from tests.conftest import ROOT
from ui.reader import snapshot
from ui.reader.first_paint import FirstPaint


def _read(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STORYPORT_HOME=str(home))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "read", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def _mean_difference(a: Path, b: Path) -> float:
    ia, ib = QImage(str(a)).scaled(160, 100), QImage(str(b)).scaled(160, 100)
    total = 0
    for y in range(100):
        for x in range(160):
            pa, pb = ia.pixelColor(x, y), ib.pixelColor(x, y)
            total += abs(pa.red() - pb.red()) + abs(pa.green() - pb.green())
            total += abs(pa.blue() - pb.blue())
    return total / (160 * 100 * 3)


def test_cover_paints_from_the_snapshot_like_the_full_reader(
    tmp_path: Path, bundled_package: Path, monkeypatch
) -> None:
    pkg_path = tmp_path / "story.storypkg"
    shutil.copyfile(bundled_package, pkg_path)
    home = tmp_path / "home"
    full = tmp_path / "full.png"
    assert _read(str(pkg_path), "--screenshot", str(full), home=home).returncode == 0
    monkeypatch.setenv("STORYPORT_HOME", str(home))
    snap = snapshot.load(pkg_path)
    assert snap is not None, "the full reader leaves a snapshot behind"
    assert snap.chapters >= 8 and snap.image is not None
    fast = tmp_path / "fast.png"
    assert _read(str(pkg_path), "--screenshot", str(fast), home=home).returncode == 0
    assert _mean_difference(full, fast) < 3.0  # the same picture, up to JPEG noise

    # An edit changes the file: the snapshot is no longer trusted.
    with open_package(pkg_path, readonly=False) as pkg:
        set_story(pkg, StoryFields(title="Retitled"))
    assert snapshot.load(pkg_path) is None


def test_window_starts_from_snapshot_then_attaches_the_package(
    qtbot, reader_pkg, tmp_path, monkeypatch
) -> None:
    from ui.reader.window import ReaderWindow

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    first = ReaderWindow(reader_pkg)
    qtbot.addWidget(first)
    first._save_snapshot()
    snap = snapshot.load(reader_pkg.path)
    assert snap is not None

    window = ReaderWindow(first=snap)
    qtbot.addWidget(window)
    window.show()
    shell = window.centralWidget()
    assert isinstance(shell, FirstPaint)
    assert shell.cover.title.text() == snap.info.title
    assert window.view is None
    view = window.attach(reader_pkg)
    view.restore("cover")
    assert window.centralWidget() is view
    assert view.cover.title.text() == snap.info.title


def test_a_screenshot_does_not_move_the_readers_place(
    tmp_path: Path, bundled_package: Path
) -> None:
    from PySide6.QtCore import QSettings

    home = tmp_path / "home"
    shot = tmp_path / "s.png"
    assert (
        _read(
            str(bundled_package), "--chapter", "3", "--screenshot", str(shot), home=home
        ).returncode
        == 0
    )
    stored = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    assert not [k for k in stored.allKeys() if k.endswith("last_view") or k.endswith("visited")]
