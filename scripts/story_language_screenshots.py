"""Screenshots of the bundled story read in each of its languages (the reader's language switch):
``docs/screenshots/story-LANG-cover.png`` and ``story-LANG-chapter-N.png``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/story_language_screenshots.py [N]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STORYPORT_LANG", "en")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(chapter: int = 5) -> None:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from story.package.file import open_package
    from story.publish.bundled import ensure_bundled
    from ui.i18n import install_translators
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    app = QApplication.instance() or QApplication(sys.argv)
    install_translators(app, "en")
    load_fonts()
    out = ROOT / "docs" / "screenshots"
    with open_package(ensure_bundled()) as pkg:
        window = ReaderWindow(pkg, sync_images=True)  # sync: remembers nothing
        view = window.view
        assert view is not None
        window.resize(1280, 800)
        window.show()

        def shot(name: str) -> None:
            for _ in range(4):
                app.processEvents()
                QThreadPool.globalInstance().waitForDone(5000)
            window.grab().save(str(out / name), "PNG")
            print(out / name)

        for lang in view.language.available:
            view.language.set_language(lang)
            view.show_cover()
            shot(f"story-{lang}-cover.png")
            view.show_chapter(chapter)
            shot(f"story-{lang}-chapter-{chapter}.png")
        view.shutdown()
        window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
