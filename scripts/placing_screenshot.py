"""Screenshot of the editor placing a picture (issue 13): the bundled story's chapter 2 with
its placements highlighted in the Markdown box and the Insert media dialog open over it,
``docs/screenshots/editor-placing.png`` (1680x960, light: at 1280 px the box shows
less than a 72-column line, so a placement word at its end is out of sight).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/placing_screenshot.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STORYPORT_LANG", "en")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from PySide6.QtCore import QPoint, QThreadPool
    from PySide6.QtGui import QPainter, QTextCursor
    from PySide6.QtWidgets import QApplication

    from story.publish.bundled import ensure_bundled
    from ui.editor.window import EditorWindow
    from ui.theme import load_fonts

    app = QApplication.instance() or QApplication(sys.argv)
    load_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "khorgos.storypkg"  # the editor writes: never the bundled file
        shutil.copy(ensure_bundled(), copy)
        win = EditorWindow(sync=True)
        win.resize(1680, 960)
        win.show()
        assert win.open_path(copy)
        win.chapters.select_row(1)
        split = win.editor.split
        split.setSizes([760, sum(split.sizes()) - 760])  # the whole lines in sight
        app.processEvents()
        body = win.editor.body
        middle = body.document().find("## Crane work")  # between the full and inset figures
        cursor = body.textCursor()
        cursor.setPosition(middle.position())
        body.setTextCursor(cursor)
        body.centerCursor()
        after = body.document().find('"inset")')  # the cursor after the inset figure
        cursor.setPosition(after.position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        body.setTextCursor(cursor)
        body.horizontalScrollBar().setValue(0)
        for _ in range(20):
            app.processEvents()
        dialog = win.inserter.ask()
        assert dialog is not None
        for _ in range(20):
            app.processEvents()
        shot = win.grab()
        painter = QPainter(shot)
        picture = dialog.grab()  # drawn over the preview, so the Markdown stays in sight
        painter.drawPixmap(QPoint(shot.width() - picture.width() - 16, 150), picture)
        painter.end()
        out = ROOT / "docs" / "screenshots" / "editor-placing.png"
        shot.save(str(out))
        print(out)
        dialog.reject()
        QThreadPool.globalInstance().waitForDone(20000)
        win.close()


if __name__ == "__main__":
    main()
