"""What starting the reader and the editor share: the Qt application and ``--size``.

A module of its own so ``ui/editor/launch.py`` does not reach into the
reader's launcher for private helpers.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from story.errors import StoryError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def parse_size(text: str) -> tuple[int, int]:
    """``WxH`` as a window size, at least 320x240; StoryError when it is not one."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise StoryError(f"--size must look like 1280x800, not {text!r}") from None
    return max(320, w), max(240, h)


def make_app(screenshot: bool, lang: str | None = None, theme: str | None = None) -> QApplication:
    """The one QApplication (offscreen for a screenshot without a display), fonts loaded.

    ``lang`` (``--lang``) chooses the interface's language; without it, the
    setting or the system's locale does (``ui.i18n``). ``theme`` (``--theme``)
    chooses the colour scheme; without it, the setting or the system's does
    (``ui.schemes``).
    """
    if screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.theme import load_fonts

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Storyport")
    app.setOrganizationName("Storyport")
    load_fonts()
    from ui.schemes import apply

    apply(app, theme)
    from ui.i18n import install_translators

    install_translators(app, lang)
    app.setDesktopFileName("storyport")  # Wayland and docks match windows to packaging/'s entry
    return app


def handed_over(command: str, options: object) -> bool:
    """True when a running Storyport opened this launch instead (exit 0): ui/single_instance.py.

    ``options`` are the parsed ``read``/``edit`` options; a screenshot or the kiosk
    is never handed over (each is meant to be a process of its own). The kiosk
    listens, so a later launch is told an exhibit runs instead of opening over it.
    """
    if getattr(options, "screenshot", None):
        return False
    if getattr(options, "kiosk", False):  # the exhibit is its own process, and refuses requests
        from ui.single_instance import serve_kiosk

        serve_kiosk()
        return False
    from ui.single_instance import forward_or_serve, make_request

    request = make_request(
        command,
        getattr(options, "package", None),
        chapter=getattr(options, "chapter", None),
        map=getattr(options, "map", False),
    )
    return forward_or_serve(request)
