"""Start the editor: ``python main.py edit [PACKAGE] [--screenshot PNG] [--size WxH]
[--tab TAB] [--chapter N] [--media ID]``.

Without PACKAGE the editor opens on its start page (new, open, recent).
``screenshot`` renders offscreen, saves and exits 0; ``tab`` (story, chapter,
media, place, preview), ``chapter`` (a 1-based number) and ``media`` (an id)
choose what it shows. :func:`open_editor` takes them as plain parameters
(tests and scripts call it directly); :func:`run_editor` is main.py's entry
and only unpacks the parsed ``edit`` options. Nothing reads the environment.
Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from media.imported import MediaError
from story.errors import StoryError
from story.ids import MediaId
from ui.launching import handed_over, make_app, parse_size

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.editor.window import EditorWindow

#: ``tab`` names and their tab index (``preview`` shows the reader instead).
TABS = {"story": 0, "chapter": 1, "media": 2, "place": 3}


def run_editor(args: argparse.Namespace) -> int:
    """main.py's ``edit``: its parsed options, handed on as parameters."""
    return open_editor(
        args.package,
        screenshot=args.screenshot,
        size=args.size,
        tab=args.tab,
        chapter=args.chapter,
        media=args.media,
        lang=getattr(args, "lang", None),
        theme=getattr(args, "theme", None),
    )


def open_editor(
    package: str | None = None,
    *,
    screenshot: str | None = None,
    size: str | None = None,
    tab: str | None = None,
    chapter: int | None = None,
    media: str | None = None,
    lang: str | None = None,
    theme: str | None = None,
) -> int:
    try:
        window_size = parse_size(size or "1440x900")
        app = make_app(bool(screenshot), lang, theme)
        asked = argparse.Namespace(package=package, screenshot=screenshot, chapter=chapter)
        if handed_over("edit", asked):  # a running Storyport opened it (ui/single_instance.py)
            return 0
        from ui.editor.window import EditorWindow

        window = EditorWindow(sync=bool(screenshot))
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
        _choose_view(window, tab, chapter, media)
    except (StoryError, MediaError) as exc:
        print(f"storyport edit: {exc}", file=sys.stderr)
        if not screenshot:  # launched from a file manager: no terminal to read it in
            from ui.open_error import show_open_error

            show_open_error(str(exc))
        return 2
    if screenshot:
        return _screenshot(app, window, Path(screenshot), window_size, preview=tab == "preview")
    window.show()
    return app.exec()


def _choose_view(
    window: EditorWindow, tab: str | None, chapter: int | None, media: str | None
) -> None:
    if window.doc is None:
        return
    if chapter and window.chapters is not None:
        window.chapters.select_row(chapter - 1)
    if tab in TABS:
        window.show_tab(TABS[tab])
    if media:
        window.show_media(MediaId(media))


def _screenshot(
    app: QApplication,
    window: EditorWindow,
    out: Path,
    size: tuple[int, int],
    *,
    preview: bool,
) -> int:
    from PySide6.QtCore import QThreadPool

    window.resize(*size)
    window.show()
    for _ in range(4):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(5000)
    panel = window.checks_panel if window.doc is not None else None
    for _ in range(400):  # let the checks run once, as a person would see them after a moment
        if panel is None or (panel.generation and not panel.busy):
            break
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(50)
        time.sleep(0.01)
    if preview:
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
