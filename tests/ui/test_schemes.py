"""Which scheme is in force, and reduced motion (issue 13).

The system's own scheme cannot be changed under the offscreen platform
(``QStyleHints.setColorScheme`` is refused there), so these tests drive the
setting and ``--theme``, and what the windows do with the result.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from tests.conftest import ROOT
from ui import schemes
from ui.schemes import DARK, HIGH_CONTRAST, LIGHT, MOTION_SETTING, Palette, contrast


@pytest.fixture
def fresh(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    yield
    schemes.save_scheme(None)
    schemes.apply(qapp, None)


@pytest.mark.timeout(30)
def test_theme_beats_the_setting_which_beats_the_system(qapp, fresh) -> None:
    assert schemes.apply(qapp, None) == schemes.system_scheme()
    schemes.save_scheme(DARK)
    assert schemes.apply(qapp, None) == DARK
    assert schemes.apply(qapp, HIGH_CONTRAST) == HIGH_CONTRAST
    assert schemes.apply(qapp, "no such") == DARK  # an unknown name is no choice
    schemes.save_scheme(None)
    assert schemes.apply(qapp, None) == schemes.system_scheme()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", [LIGHT, DARK, HIGH_CONTRAST])
def test_menus_and_message_boxes_take_the_schemes_colours(qtbot, qapp, fresh, name) -> None:
    """The application palette (what a dark desktop used to leave dark on dark) is the scheme's."""
    schemes.apply(qapp, name)
    p = Palette.for_scheme(name)
    menu = QMenu()
    menu.addAction("Chapter 3")
    box = QMessageBox(QMessageBox.Icon.Warning, "Storyport", "Nothing to fix")
    qtbot.addWidget(menu)
    qtbot.addWidget(box)
    for w in (menu, box):
        pal = w.palette()
        fg = pal.color(QPalette.ColorRole.WindowText)
        bg = pal.color(QPalette.ColorRole.Window)
        assert (fg.name(), bg.name()) == (p.ink, p.panel)
        assert contrast(fg, bg) >= 4.5


@pytest.mark.timeout(60)
@pytest.mark.parametrize("motion", ["reduced", "full"])
def test_reduced_motion_leaves_out_the_cross_fade_and_the_flight(qtbot, qapp, reader, motion):
    schemes._settings().setValue(MOTION_SETTING, motion)
    schemes.apply(qapp, None)
    try:
        reader.sync_images = False
        reader.show_chapter(3)
        faded = reader.chapter_page.graphicsEffect() is not None
        assert faded == (motion == "full")
        reader.show_map()
        page = reader.map_page
        if hasattr(page, "camera"):
            page.focus_chapter(8, animate=True)
            assert page.camera.animating() == (motion == "full")
    finally:
        schemes._settings().remove(MOTION_SETTING)
        schemes.apply(qapp, None)


@pytest.mark.timeout(120)
def test_read_and_edit_take_theme_on_the_command_line(tmp_path: Path) -> None:
    for command in ("read", "edit"):
        out = tmp_path / f"{command}.png"
        where = ["--chapter", "1"] if command == "read" else []
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), command, *where, "--theme", "high-contrast"]
            + ["--screenshot", str(out), "--size", "800x600"],
            capture_output=True,
            text=True,
            timeout=100,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        from PySide6.QtGui import QImage

        image = QImage(str(out))
        # high contrast: black paper; the light scheme has no pure black anywhere in its chrome
        corner = image.pixelColor(image.width() - 40, image.height() // 2)
        assert corner.lightness() < 20, corner.name()
