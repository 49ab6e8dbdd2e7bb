"""A real editor window for tests, shown at 1280x800 and shut down after: the one set-up the
editor tests (tests/ui) and the library's editor tests (tests/library) share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QThreadPool


@contextmanager
def editor_window(qtbot: Any) -> Iterator[Any]:
    """An ``EditorWindow`` (synchronous saves), shown and exposed; after the test, the pool's
    tasks are waited for and the window closed."""
    from ui.editor.window import EditorWindow
    from ui.theme import load_fonts

    load_fonts()
    win = EditorWindow(sync=True)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        QThreadPool.globalInstance().waitForDone(20000)
        win.close()
