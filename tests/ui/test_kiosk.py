"""Exhibition mode (issue 12): idle reset, the attract loop, blocked shortcuts, the exit chord.

Real packages (``make_material``: three chapters, two with photos, a map),
real windows, real key, mouse and touch events through QTest; the idle time
is shortened through the same settings the settings file gives.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QImage, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from story.package.file import Package, open_package
from tests.ui.test_reader_material import make_material
from ui.reader import links
from ui.reader.kiosk import Kiosk
from ui.reader.kiosk_settings import DEFAULT_EXIT_CHORD, KioskSettings, load
from ui.reader.view import ReaderView
from ui.reader.window import ReaderWindow


@pytest.fixture(scope="module")
def kiosk_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_material(tmp_path_factory.mktemp("kiosk") / "kiosk.storypkg", with_map=True)


@pytest.fixture
def kiosk_pkg(kiosk_package: Path) -> Iterator[Package]:
    pkg = open_package(kiosk_package)
    yield pkg
    pkg.close()


@dataclass
class Exhibit:
    window: ReaderWindow
    view: ReaderView
    kiosk: Kiosk


_touch: list[QPointingDevice] = []


def touch_device() -> QPointingDevice:
    if not _touch:
        _touch.append(QTest.createTouchDevice())
    return _touch[0]


@pytest.fixture
def exhibit(qtbot, kiosk_pkg: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Start an exhibit: ``exhibit(attract=..., **settings)``; left again after the test."""
    from ui.theme import load_fonts

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    load_fonts()
    made: list[Exhibit] = []

    def start(
        *,
        attract: bool = False,
        windowed: bool = True,
        size=(1280, 800),
        pkg: Package | None = None,
        **config: object,
    ) -> Exhibit:
        window = ReaderWindow(pkg or kiosk_pkg, sync_images=True)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        assert window.view is not None
        kiosk = Kiosk(window, KioskSettings(**config), windowed=windowed)  # type: ignore[arg-type]
        kiosk.start(attract=attract)
        window.activateWindow()  # window shortcuts (text size) need an active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        made.append(Exhibit(window, window.view, kiosk))
        return made[-1]

    yield start
    for ex in made:
        ex.kiosk.leave()
        ex.view.shutdown()
    links.SESSION.closed = False


def frame(ex: Exhibit) -> QImage:
    return ex.kiosk.attract.grab().toImage()


# -- idle --------------------------------------------------------------------------------


def test_idle_time_returns_to_the_cover_and_forgets_the_visitor(exhibit, qtbot) -> None:
    ex = exhibit(idle_seconds=1.0)
    view = ex.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # reading: chapter 1, then 2, contents open
    qtbot.keyClick(view, Qt.Key.Key_Right)
    view.topbar.contents.setChecked(True)
    assert view.current == 2 and view.visited == {1, 2} and view.toc.isVisible()

    # Input keeps the reader where it is: a key every 0.2 s for 2 s (twice the idle time).
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        qtbot.keyClick(view.toc.list, Qt.Key.Key_Down)
        qtbot.wait(200)
        assert not ex.kiosk.attract.isVisible()
    assert view.stack.currentWidget() is view.chapter_page

    qtbot.waitUntil(ex.kiosk.attract.isVisible, timeout=3000)  # then nothing: idle
    assert view.stack.currentWidget() is view.cover
    assert not view.toc.isVisible() and not view.audio.is_playing()
    assert view.current is None and view.visited == set() and view.text_scale == 1.0
    assert ex.kiosk.attract.geometry() == ex.window.rect()  # over everything, top bar too


def test_idle_time_comes_from_the_settings_file(tmp_path: Path, qapp) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[kiosk]\nidle_seconds=0.5\nexit_chord=Ctrl+K, X\n")  # unquoted: a list
    got = load(QSettings(str(path), QSettings.Format.IniFormat))
    assert got.idle_seconds == 0.5 and got.chord().count() == 2
    assert got.photo_seconds == KioskSettings().photo_seconds
    written = path.read_text()  # the missing keys are written with their defaults
    assert "photo_seconds=" in written and "attract_at_start=true" in written


def test_unusable_settings_fall_back_to_the_documented_defaults(tmp_path, qapp, capsys) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[kiosk]\nidle_seconds=soon\nexit_chord=Ctrl+Nope\nhide_cursor=maybe\n")
    got = load(QSettings(str(path), QSettings.Format.IniFormat))
    assert got.idle_seconds == 180 and got.exit_chord == DEFAULT_EXIT_CHORD == "Ctrl+Alt+Shift+Q"
    assert got.hide_cursor is False
    err = capsys.readouterr().err
    assert err.count("storyport read --kiosk:") == 3 and "idle_seconds='soon'" in err


# -- the attract loop ----------------------------------------------------------------------


def test_attract_loop_moves_and_is_silent(exhibit, qtbot) -> None:
    ex = exhibit(attract=True, photo_seconds=2.0)
    attract = ex.kiosk.attract
    assert attract.is_running() and ex.view.stack.currentWidget() is ex.view.cover
    assert [s.title for s in attract.slides] == ["Portraits", "Thirty photos"]
    first = frame(ex)
    painted = attract.frames  # it paints by itself (about 25 a second; fewer on a busy machine)
    qtbot.waitUntil(lambda: attract.frames - painted >= 3, timeout=3000)
    assert frame(ex) != first  # and the picture moved
    qtbot.waitUntil(lambda: attract.slide_at(attract.elapsed())[0] == 1, timeout=4000)
    assert not ex.view.audio.is_playing()
    qtbot.waitUntil(lambda: attract.slide_at(attract.elapsed())[0] == 0, timeout=4000)
    # round again: at most the slide leaving and the one showing are kept, scaled and titled
    assert len(attract._scaled) <= 2 and len(attract._overlays) <= 2


def test_a_touch_stops_the_attract_loop_and_starts_reading(exhibit, qtbot) -> None:
    ex = exhibit(attract=True)
    attract, view = ex.kiosk.attract, ex.view
    middle = attract.rect().center()
    QTest.touchEvent(attract.window(), touch_device()).press(0, middle, attract)
    QTest.touchEvent(attract.window(), touch_device()).release(0, middle, attract)
    qtbot.waitUntil(lambda: not attract.isVisible(), timeout=2000)
    assert view.stack.currentWidget() is view.chapter_page and view.current == 1
    QApplication.processEvents()
    assert not view.viewer.isVisible()  # the touch's release did not also open the photo
    assert not attract._timer.isActive()  # nothing keeps painting behind the reader
    qtbot.wait(500)  # then the visitor's next tap goes where it lands: Next
    button = view.topbar.next
    QTest.touchEvent(button.window(), touch_device()).press(0, button.rect().center(), button)
    QTest.touchEvent(button.window(), touch_device()).release(0, button.rect().center(), button)
    QApplication.processEvents()
    assert view.current == 2


def test_a_key_stops_the_attract_loop_but_a_lone_modifier_does_not(exhibit, qtbot) -> None:
    ex = exhibit(attract=True)
    attract, view = ex.kiosk.attract, ex.view
    qtbot.keyClick(view, Qt.Key.Key_Shift)  # the first key of the staff's chord, say
    assert attract.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not attract.isVisible()
    assert view.stack.currentWidget() is view.chapter_page and view.current == 1


def test_a_click_stops_the_attract_loop(exhibit, qtbot) -> None:
    ex = exhibit(attract=True)
    qtbot.mouseClick(ex.kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert not ex.kiosk.attract.isVisible() and ex.view.current == 1
    assert not ex.view.viewer.isVisible()
    qtbot.mouseClick(ex.view.topbar.next, Qt.MouseButton.LeftButton)  # the next click works
    assert ex.view.current == 2


# -- what a visitor cannot do ---------------------------------------------------------------


def test_shortcuts_are_blocked_and_leave_the_reader_as_it_was(exhibit, qtbot) -> None:
    ex = exhibit()
    view, window = ex.view, ex.window
    view.show_chapter(2)
    view.setFocus()
    before = (view.current, view.text_scale, view.stack.currentWidget())
    for key, mods in (
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier),  # text size: a shortcut
        (Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(view, key, mods)
        assert (view.current, view.text_scale, view.stack.currentWidget()) == before, key
        assert window.isVisible()
    window.close()  # as the window manager's close button or Alt+F4 would ask
    QApplication.processEvents()
    assert window.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # plain reading keys still work
    assert view.current == 3


def test_text_size_shortcut_works_outside_the_kiosk(qtbot, kiosk_pkg, tmp_path, monkeypatch):
    """The counterpart of the test above: the same key press does change a plain reader."""
    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    window = ReaderWindow(kiosk_pkg, sync_images=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    view = window.view
    assert view is not None
    view.show_chapter(2)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.text_scale > 1.0
    view.shutdown()


def test_links_do_not_open_and_text_is_not_selectable(exhibit) -> None:
    ex = exhibit()
    asked: list[str] = []

    def confirm(_parent: object, url: QUrl, _where: str) -> bool:
        asked.append(url.toString())
        return True

    opener = links.LinkOpener(confirm=confirm)
    opener.closed = links.SESSION.closed
    assert links.SESSION.closed
    assert not opener.open(QUrl("https://example.org/"))
    assert asked == []  # not even asked: nothing leaves the exhibit
    flags = ex.view.chapter_page.text.textInteractionFlags()
    assert flags == Qt.TextInteractionFlag.NoTextInteraction


def test_full_screen_frameless_and_kept_so(exhibit, qtbot) -> None:
    ex = exhibit(windowed=False)
    window = ex.window
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.menuWidget() is None and window.statusBar().isHidden()
    window.showNormal()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)


def test_hide_cursor_hides_it_until_the_exhibit_is_left(exhibit) -> None:
    ex = exhibit(hide_cursor=True)
    cursor = QApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    ex.kiosk.leave()
    assert QApplication.overrideCursor() is None


def test_the_chord_leaves(exhibit, qtbot) -> None:
    ex = exhibit(exit_chord="Ctrl+K, X")
    view, window = ex.view, ex.window
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_X)  # the second step alone does nothing
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_N)  # a wrong key in between starts over
    qtbot.keyClick(view, Qt.Key.Key_X)
    QApplication.processEvents()
    assert window.isVisible() and ex.kiosk.active
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert not ex.kiosk.active and not links.SESSION.closed


def test_the_default_chord_leaves(exhibit, qtbot) -> None:
    ex = exhibit(attract=True)
    mods = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClick(ex.view, Qt.Key.Key_Q, mods)  # during the attract loop, too
    qtbot.waitUntil(lambda: not ex.window.isVisible(), timeout=2000)


# -- the command line ------------------------------------------------------------------------


def test_read_kiosk_screenshots(kiosk_package: Path, tmp_path: Path) -> None:
    """``read --kiosk --screenshot``: the attract loop; with ``--chapter``, the chapter."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    shots = {}
    for name, extra in (("attract", []), ("chapter", ["--chapter", "2"])):
        shots[name] = tmp_path / f"{name}.png"
        done = subprocess.run(
            [sys.executable, str(root / "main.py"), "read", str(kiosk_package), "--kiosk"]
            + extra
            + ["--screenshot", str(shots[name]), "--size", "800x600"],
            capture_output=True,
            text=True,
            cwd=root,
            env={**os.environ, "STORYPORT_HOME": str(tmp_path / "home")},
            timeout=90,
        )
        assert done.returncode == 0, done.stderr
    attract = QImage(str(shots["attract"]))
    assert attract.width() == 800 and attract.height() == 600
    pill = attract.pixelColor(800 - 50 - 24, 600 - 50 - 30)  # "Touch the screen to begin"
    assert pill.red() > 150 and pill.green() < 110, pill.name()
    chapter = QImage(str(shots["chapter"]))
    bar = chapter.pixelColor(790, 55)  # the finger-sized top bar is 60 px tall, not 48
    assert bar.lightness() < 60, bar.name()
    assert (
        not (tmp_path / "home" / "settings.ini").exists()
        or "[kiosk]" not in (tmp_path / "home" / "settings.ini").read_text()
    )  # a screenshot writes no settings
