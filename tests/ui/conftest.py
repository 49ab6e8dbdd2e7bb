"""Reader fixtures: a window on the bundled story, closed after each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from story.package.file import Package, open_package


@pytest.fixture
def reader_pkg(bundled_package: Path) -> Iterator[Package]:
    pkg = open_package(bundled_package)
    yield pkg
    pkg.close()


@pytest.fixture
def reader(qtbot, reader_pkg: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The ReaderView of a shown reader window, with its own settings (STORYPORT_HOME)."""
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    load_fonts()
    window = ReaderWindow(reader_pkg)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    assert view is not None
    view.show_cover()
    yield view
    view.shutdown()


@pytest.fixture(autouse=True)
def _english(qapp):
    """English with its plural forms ("1 word", "2 words"), as make_app sets it."""
    from ui.i18n import install_translators

    install_translators(qapp, "en")


@pytest.fixture
def shown_reader(qtbot, reader_pkg: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A reader window on the bundled story at 1280x800, shown, its photos loaded at once,
    with its own settings (STORYPORT_HOME); shut down after the test."""
    from ui.reader.window import ReaderWindow

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    window = ReaderWindow(reader_pkg, sync_images=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.view is not None
    yield window
    window.view.shutdown()
