"""Start the editor: ``python main.py edit [PACKAGE] [--screenshot PNG] [--size WxH]``.

Without PACKAGE the editor opens on its start page (new, open, recent).
``--screenshot`` renders offscreen, saves and exits 0; ``--tab`` (story,
chapter, media, place, preview) and ``--chapter N`` choose what it shows.
Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from media.imported import MediaError
from story.errors import StoryError
from ui.reader.launch import _app, _parse_size

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.editor.window import EditorWindow


def run_editor(args: argparse.Namespace) -> int:
    screenshot = getattr(args, "screenshot", None)
    try:
        size = _parse_size(getattr(args, "size", None) or "1440x900")
        app = _app(bool(screenshot))
        from ui.editor.window import EditorWindow

        window = EditorWindow(sync=bool(screenshot))
        package = getattr(args, "package", None)
        if package:
            path = Path(package)
            if not path.exists():
                raise StoryError(f"{path}: no such file")
            from story.package.file import open_package
            from story.package.locking import PackageInUseError

            try:
                pkg = open_package(path, readonly=False)
            except PackageInUseError:
                if not screenshot:
                    window.open_path(path)  # says so and offers read-only
                else:
                    window.set_package(open_package(path, readonly=True))
            else:
                window.set_package(pkg)
                if not screenshot:
                    from ui.editor.recent import remember

                    remember(path)
        _choose_view(window, args)
    except (StoryError, MediaError) as exc:
        print(f"storyport edit: {exc}", file=sys.stderr)
        return 2
    if screenshot:
        return _screenshot(app, window, Path(screenshot), size, args)
    window.show()
    return app.exec()


def _choose_view(window: EditorWindow, args: argparse.Namespace) -> None:
    env_tab = getattr(args, "tab", None) or _env("STORYPORT_EDITOR_TAB")
    chapter = getattr(args, "chapter", None) or _env("STORYPORT_EDITOR_CHAPTER")
    if window.doc is None:
        return
    if chapter and window.chapters is not None:
        window.chapters.select_row(int(chapter) - 1)
    tabs = {"story": 0, "chapter": 1, "media": 2, "place": 3}
    if env_tab in tabs:
        window.show_tab(tabs[env_tab])
    media = _env("STORYPORT_EDITOR_MEDIA")
    if media and window.doc is not None:
        window.show_media(media)


def _env(name: str) -> str | None:
    import os

    return os.environ.get(name) or None


def _screenshot(
    app: QApplication,
    window: EditorWindow,
    out: Path,
    size: tuple[int, int],
    args: argparse.Namespace,
) -> int:
    from PySide6.QtCore import QThreadPool

    window.resize(*size)
    window.show()
    for _ in range(4):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(5000)
    panel = getattr(window, "checks_panel", None) if window.doc is not None else None
    for _ in range(400):  # let the checks run once, as a person would see them after a moment
        if panel is None or (panel.generation and not panel.busy):
            break
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(50)
        import time

        time.sleep(0.01)
    if (getattr(args, "tab", None) or _env("STORYPORT_EDITOR_TAB")) == "preview":
        window.toggle_preview()
        for _ in range(3):
            app.processEvents()
            QThreadPool.globalInstance().waitForDone(5000)
    app.processEvents()
    image = window.grab()
    if image.isNull() or not image.save(str(out), "PNG"):
        print(f"storyport edit: {out}: could not write the screenshot", file=sys.stderr)
        return 2
    window.close()
    return 0
