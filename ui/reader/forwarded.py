"""A reader window opened in the running app for a later launch (``ui/single_instance.py``).

``storyport read FILE`` while Storyport runs: the running app opens FILE in a
window of its own, as ``run_reader`` would have, and a file it cannot open
gets the command line's message in a dialog.
"""

from __future__ import annotations

from pathlib import Path

from media.imported import MediaError
from story.errors import StoryError
from ui.open_error import show_open_error
from ui.single_instance import Request, keep_window


def _package_path(request: Request) -> Path:
    if request.package:
        return Path(request.package)
    from story.publish.bundled import ensure_bundled, is_built

    if is_built():
        return ensure_bundled()
    from ui.reader.first_run import build_with_progress

    return build_with_progress()


def open_reader(request: Request) -> None:
    from story.package.file import open_package
    from ui.reader.window import ReaderWindow

    try:
        window = ReaderWindow(open_package(_package_path(request)))
        view = window.view
        assert view is not None
        if request.chapter:
            total = len(view.chapters)
            if not 1 <= request.chapter <= total:
                window.deleteLater()
                raise StoryError(f"there is no chapter {request.chapter} (the story has {total})")
            view.restore(f"chapter:{request.chapter}")
        else:
            view.restore("map" if request.map else view.memory.last_view)
    except (StoryError, MediaError) as exc:
        show_open_error(str(exc))
        return
    keep_window(window)
    window.show()
    window.raise_()
    window.activateWindow()
