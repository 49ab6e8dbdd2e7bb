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


_SPY = r"""
import json, sys
import main
from ui.reader import launch

seen = {}
real = launch._screenshot


def spy(app, window, out, size):
    seen["before_paint"] = sorted(m for m in sys.modules if m.startswith("sqlalchemy"))[:3]
    code = real(app, window, out, size)
    seen["after_paint"] = sorted(m for m in sys.modules if m.startswith("sqlalchemy"))[:3]
    return code


launch._screenshot = spy
code = main.main(sys.argv[1:])
seen["code"] = code
seen["at_exit"] = "sqlalchemy" in sys.modules
print(json.dumps(seen))
"""


def _spied(home: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict[str, object]]:
    import json

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STORYPORT_HOME=str(home))
    done = subprocess.run(
        [sys.executable, "-c", _SPY, "read", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "{}"
    return done, json.loads(last)


def _photo_package(path: Path, tmp: Path) -> Path:
    """Three chapters; chapter 2 shows a real JPEG (imported with its renditions)."""
    from PIL import Image

    from media.importer import import_file
    from story.editing.chapters import add_chapter, chapter_id_at
    from story.editing.media import append_media, store_media
    from story.package.file import create_package

    jpeg = tmp / "red.jpg"
    Image.new("RGB", (1600, 1000), (200, 30, 30)).save(jpeg, "JPEG", quality=90)
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Cold start"))
        for n in (1, 2, 3):
            add_chapter(pkg, f"Chapter {n}", body_md=f"Text of chapter {n}.")
        mid = store_media(pkg, import_file(jpeg), caption="Red")
        append_media(pkg, chapter_id_at(pkg, 2), mid)
    return path


def test_a_chapter_paints_without_the_orm_and_after_the_checks(tmp_path: Path) -> None:
    """Resuming in a chapter: the package is checked and read without SQLAlchemy (issue 15);
    a hostile file is still refused on the same path."""
    import sqlite3

    pkg = _photo_package(tmp_path / "p.storypkg", tmp_path)
    shot = tmp_path / "ch2.png"
    done, seen = _spied(tmp_path / "home", str(pkg), "--chapter", "2", "--screenshot", str(shot))
    assert seen["code"] == 0, done.stderr
    assert seen["before_paint"] == [] and seen["after_paint"] == [], seen
    assert seen["at_exit"] is False
    image = QImage(str(shot))
    reds = sum(
        1
        for x in range(0, image.width(), 16)
        for y in range(0, image.height(), 16)
        if (c := image.pixelColor(x, y)).red() > 150 and c.green() < 80 and c.blue() < 80
    )
    assert reds > 200, "chapter 2's photo is on the first frame"

    # the same path refuses a file the open checks refuse (a trigger), before painting anything
    bad = tmp_path / "bad.storypkg"
    shutil.copyfile(pkg, bad)
    conn = sqlite3.connect(bad)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    refused, seen = _spied(
        tmp_path / "home2", str(bad), "--chapter", "2", "--screenshot", str(shot)
    )
    assert seen["code"] == 2  # main's exit code (the script prints it)
    assert "trigger" in refused.stderr and "before_paint" not in seen


def test_the_cover_snapshot_is_written_after_the_first_paint(
    qtbot, reader_pkg, tmp_path, monkeypatch
) -> None:
    """Not before the first frame (its cover is scaled and encoded): on a timer, or on close."""
    from PySide6.QtWidgets import QApplication

    from ui.reader.window import ReaderWindow

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    window = ReaderWindow(reader_pkg)
    qtbot.addWidget(window)
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    assert snapshot.load(reader_pkg.path) is None, "nothing written before the first paint"
    window.close()
    snap = snapshot.load(reader_pkg.path)
    assert snap is not None and snap.image is not None
    assert window.view is not None and snap.info.title == window.view.info.title
