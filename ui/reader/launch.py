"""Start the reader: open the package (building the bundled story first if needed), show the window.

``--screenshot PNG`` renders the window as a person would see it, saves it and
exits 0; it works offscreen. Errors are one line on stderr and a non-zero
exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from story.errors import StoryError
from ui.launching import handed_over, make_app, parse_size

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.reader.snapshot import CoverSnapshot
    from ui.reader.window import ReaderWindow


def _refused(exc: BaseException) -> bool:
    """A refusal to show as one line: a StoryError, or a MediaError (which can only have
    been raised if ``media.imported`` was imported: the cover's first paint does not)."""
    if isinstance(exc, StoryError):
        return True
    imported = sys.modules.get("media.imported")
    return imported is not None and isinstance(exc, imported.MediaError)


def _resolve(arg: str | None, interactive: bool) -> Path:
    if arg:
        return Path(arg)
    from story.publish.bundled import ensure_bundled, is_built

    if is_built() or not interactive:
        return ensure_bundled()
    from ui.reader.first_run import build_with_progress

    return build_with_progress()


def run_reader(args: argparse.Namespace) -> int:
    screenshot = getattr(args, "screenshot", None)
    kiosk = bool(getattr(args, "kiosk", False))
    try:
        size = parse_size(getattr(args, "size", "1280x800"))
        app = make_app(bool(screenshot), getattr(args, "lang", None), getattr(args, "theme", None))
        if handed_over("read", args):  # a running Storyport opened it (ui/single_instance.py)
            return 0
        # a language asked for (--lang) may show the story in a translation: no snapshot
        asked = getattr(args, "lang", None)
        found = None if kiosk or asked else _cover_snapshot(args, bool(screenshot))
        if found is not None:
            return _start_from_snapshot(app, *found, screenshot, size)
        from story.package.file import open_package

        pkg = open_package(_resolve(getattr(args, "package", None), not screenshot))
        from ui.reader.window import ReaderWindow

        window = ReaderWindow(pkg, sync_images=bool(screenshot))
        view = window.view
        assert view is not None
        if getattr(args, "chapter", None):
            total = len(view.chapters)
            if not 1 <= args.chapter <= total:
                raise StoryError(f"there is no chapter {args.chapter} (the story has {total})")
            view.restore(f"chapter:{args.chapter}")
        elif getattr(args, "map", False):
            view.restore("map")
        else:
            view.restore(view.memory.last_view if not (screenshot or kiosk) else "cover")
        if kiosk:  # exhibition mode (docs/KIOSK.md)
            from ui.reader.kiosk import start_kiosk

            asked = bool(getattr(args, "chapter", None) or getattr(args, "map", False))
            start_kiosk(window, screenshot=bool(screenshot), at_chapter=asked)
    except Exception as exc:
        if not _refused(exc):
            raise
        print(f"storyport read: {exc}", file=sys.stderr)
        if not screenshot:  # launched from a file manager: no terminal to read it in
            from ui.open_error import show_open_error

            show_open_error(str(exc))
        return 2
    if screenshot:
        return _screenshot(app, window, Path(screenshot), size)
    window.show()
    return app.exec()


def _cover_snapshot(
    args: argparse.Namespace, screenshot: bool
) -> tuple[Path, CoverSnapshot] | None:
    """The package and its cover snapshot, when the reader will open on a fresh one."""
    if getattr(args, "chapter", None) or getattr(args, "map", False):
        return None
    if getattr(args, "package", None):
        path = Path(args.package)
    else:
        from story.publish.bundled import bundled_path

        path = bundled_path()
    from ui.reader import snapshot

    snap = snapshot.load(path)
    if snap is None:
        return None
    if not screenshot:
        from ui.reader.memory import ReaderMemory

        if ReaderMemory(snap.memory_key).last_view != "cover":
            return None  # the reader resumes inside the story: no cover to show first
    return path, snap


def _start_from_snapshot(
    app: QApplication,
    path: Path,
    snap: CoverSnapshot,
    screenshot: str | None,
    size: tuple[int, int],
) -> int:
    """Paint the cover from its snapshot, then open the package behind it."""
    from PySide6.QtCore import QTimer

    from ui.reader.window import ReaderWindow

    window = ReaderWindow(first=snap)
    if screenshot:
        return _screenshot(app, window, Path(screenshot), size)

    def attach() -> None:
        from story.package.file import open_package

        try:
            window.attach(open_package(path)).restore("cover")
        except Exception as exc:
            if not _refused(exc):
                raise
            print(f"storyport read: {exc}", file=sys.stderr)
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(window, "Storyport", str(exc))
            app.exit(2)

    window.show()
    QTimer.singleShot(0, attach)
    return app.exec()


def _screenshot(app: QApplication, window: ReaderWindow, out: Path, size: tuple[int, int]) -> int:
    from PySide6.QtCore import QThreadPool

    window.resize(*size)
    window.show()
    for _ in range(3):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(5000)
    app.processEvents()
    image = window.grab()
    # Light compression: a photographic window compresses slowly at the default level.
    if image.isNull() or not image.save(str(out), "PNG", 80):
        print(f"storyport read: {out}: could not write the screenshot", file=sys.stderr)
        return 2
    window.close()  # writes the cover snapshot, after the grab (ui/reader/window.py)
    return 0
