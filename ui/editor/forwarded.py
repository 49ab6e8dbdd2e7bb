"""An editor window opened in the running app for a later launch (``ui/single_instance.py``).

``storyport edit FILE`` (the desktop entry's "Edit story") while Storyport
runs: a new editor window opens FILE the way File > Open does, so a package
in use elsewhere gets the read-only offer and a bad file its message on the
start page (where File > Open shows it too).
"""

from __future__ import annotations

from pathlib import Path

from ui.single_instance import Request, keep_window


def open_editor(request: Request) -> None:
    from ui.editor.window import EditorWindow

    window = EditorWindow()
    keep_window(window)
    window.show()
    if request.package:
        path = Path(request.package)
        if window.open_path(path) and request.chapter and window.chapters is not None:
            window.chapters.select_row(request.chapter - 1)
    window.raise_()
    window.activateWindow()
