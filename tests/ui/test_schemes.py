"""Which scheme is in force, and reduced motion (issue 13).

The system's own scheme cannot be changed under the offscreen platform
(``QStyleHints.setColorScheme`` is refused there), so these tests drive the
setting and ``--theme``, and what the windows do with the result.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

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


# -- following the desktop while the app runs ------------------------------------------------
def _desktop_turns(value: Qt.ColorScheme | Qt.ContrastPreference) -> None:
    """The desktop's scheme (or contrast) changes: Qt's own signal, with the new value.

    Offscreen Qt has no desktop theme to switch (``setColorScheme`` is a no-op there),
    so the signal is emitted as the platform theme emits it.
    """
    hints = QGuiApplication.styleHints()
    if isinstance(value, Qt.ColorScheme):
        hints.colorSchemeChanged.emit(value)
    else:
        hints.accessibility().contrastPreferenceChanged.emit(value)
    QApplication.processEvents()


def _paper_at(widget: QWidget) -> QColor:
    """The colour most of ``widget`` is painted in (its page, between text and photos)."""
    image = widget.grab().toImage()
    counts: Counter[int] = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


@pytest.mark.timeout(90)
def test_the_reader_follows_the_desktop_live_and_keeps_its_place(qtbot, qapp, fresh, reader):
    from tests.ui.test_contrast import _low_contrast

    assert schemes.apply(qapp, None) == LIGHT  # offscreen: no desktop preference, light
    reader.window().resize(1280, 800)
    reader.show_chapter(2)
    text = reader.chapter_page.text
    bar = text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value() / max(1, bar.maximum())
    images = reader.chapter(2).images
    reader.viewer.open_at(images, len(images) - 1, windowed=True)
    qtbot.waitExposed(reader.viewer)
    before = _paper_at(text.viewport())
    caption_before = reader.viewer.caption.palette().color(QPalette.ColorRole.WindowText)
    changes = schemes.watcher().changes
    seen: list[str] = []
    schemes.watcher().scheme_changed.connect(seen.append)

    _desktop_turns(Qt.ColorScheme.Dark)
    assert schemes.current() == DARK and seen == [DARK]
    assert schemes.watcher().changes == changes + 1
    dark = Palette.for_scheme(DARK)
    assert reader.palette_.scheme == DARK
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == dark.panel  # menus, dialogs
    after = _paper_at(text.viewport())
    assert schemes.luminance(before) > 0.6 > 0.05 > schemes.luminance(after), (before, after)
    assert after.name() in (dark.paper, dark.panel)  # the page or its panel, as painted
    bad, count, lowest = _low_contrast(reader.window())
    assert count >= 8 and not bad, bad
    # the place is kept: the chapter, the scroll position, the open viewer at its photo
    assert reader.current == 2 and reader.stack.currentWidget() is reader.chapter_page
    assert abs(bar.value() / max(1, bar.maximum()) - place) < 0.05
    assert reader.viewer.isVisible() and reader.viewer.index == len(images) - 1
    assert reader.viewer.caption.palette().color(QPalette.ColorRole.WindowText) == caption_before

    _desktop_turns(Qt.ContrastPreference.HighContrast)
    assert reader.palette_.scheme == HIGH_CONTRAST
    assert _paper_at(text.viewport()).name() == "#000000"
    _desktop_turns(Qt.ContrastPreference.NoPreference)
    _desktop_turns(Qt.ColorScheme.Light)
    assert reader.palette_.scheme == LIGHT and schemes.luminance(_paper_at(text.viewport())) > 0.6
    reader.viewer.close()


@pytest.mark.timeout(60)
def test_theme_or_setting_holds_against_the_desktop(qtbot, qapp, fresh, reader):
    schemes.apply(qapp, LIGHT)  # --theme light
    changes = schemes.watcher().changes
    _desktop_turns(Qt.ColorScheme.Dark)
    assert schemes.current() == LIGHT and reader.palette_.scheme == LIGHT
    schemes.save_scheme(HIGH_CONTRAST)  # the setting, without --theme
    schemes.apply(qapp, None)
    _desktop_turns(Qt.ColorScheme.Dark)
    assert schemes.current() == HIGH_CONTRAST
    assert schemes.watcher().changes == changes + 1  # only the setting's own change


@pytest.mark.timeout(120)
def test_the_editor_follows_the_desktop_and_keeps_its_undo_stack(
    qtbot, qapp, fresh, tmp_path: Path
) -> None:
    from tests.ui.test_contrast import _low_contrast
    from tests.ui.test_editor_support import type_into
    from ui.editor.window import EditorWindow

    schemes.apply(qapp, None)
    win: Any = EditorWindow(None)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.new_package(tmp_path / "story.storypkg")
    win.chapters.add()
    qtbot.waitUntil(lambda: len(win.chapters.model.chapters()) == 1)
    win.chapters.select_row(0)
    type_into(qtbot, win.editor.title, "Arrival")
    stack = win.doc.stack
    steps = stack.count()
    assert steps >= 1 and stack.canUndo()
    body = win.editor.body
    base_before = body.palette().color(QPalette.ColorRole.Base)

    _desktop_turns(Qt.ColorScheme.Dark)
    dark = Palette.for_scheme(DARK)
    assert win.palette_ == dark
    assert body.palette().color(QPalette.ColorRole.Base).name() == dark.field != base_before.name()
    assert win.editor.preview.palette_ == dark
    bad, count, _ = _low_contrast(win)
    assert count >= 10 and not bad, bad
    assert stack.count() == steps and stack.canUndo()  # nothing lost, nothing added
    assert win.editor.title.text() == "Arrival"
    stack.undo()
    assert win.editor.title.text() != "Arrival"
    win.close()
