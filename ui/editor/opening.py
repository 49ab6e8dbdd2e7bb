"""New, open (with the read-only offer when another Storyport is editing), recent, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from story.errors import StoryError
from story.export import export_package
from story.locking import PackageInUseError
from story.package import create_package, open_package
from story.writing import StoryFields, set_story
from ui.editor import recent
from ui.editor.fields import flush_all
from ui.tasks import run_task

if TYPE_CHECKING:
    from ui.editor.window import EditorWindow


class Opening:
    def __init__(self, win: EditorWindow) -> None:
        self.win = win

    def create(self, path: Path) -> bool:
        try:
            pkg = create_package(path)
            set_story(pkg, StoryFields(title="Untitled story"))
        except StoryError as exc:
            self.win.say(str(exc))
            return False
        self.win.set_package(pkg)
        recent.remember(path)
        self.win.say(f"Created {path.name}. Everything you do is saved as you go.")
        return True

    def open(self, path: Path, *, readonly: bool = False) -> bool:
        win = self.win
        try:
            pkg = open_package(path, readonly=readonly)
        except PackageInUseError as exc:
            win.welcome.offer_readonly(path, exc.holder)
            win.pages.setCurrentWidget(win.welcome)
            win.say(str(exc))
            return False
        except StoryError as exc:
            win.welcome.show_error(str(exc))
            win.say(str(exc))
            return False
        win.set_package(pkg)
        recent.remember(path)
        if pkg.migrated:
            win.say(f"Upgraded {path.name} to the current format; the old file is at {pkg.backup}")
        else:
            win.say(f"Opened {path.name}" + (" read-only" if readonly else ""))
        return True

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        files = recent.recent_files()
        for p in files:
            act = menu.addAction(p.name)
            act.setToolTip(str(p))
            act.triggered.connect(lambda _=False, p=p: self.open(p))
        if not files:
            menu.addAction("No recent stories").setEnabled(False)

    def export(self, out: Path) -> None:
        win = self.win
        if win.doc is None:
            return
        flush_all(win)
        src = win.doc.path
        win.say(f"Exporting to {out.name}…")
        win.progress.setRange(0, 0)
        win.progress.setFormat("Exporting…")
        win.progress.show()

        def done(result: object) -> None:
            win.progress.hide()
            win.say(f"Exported a compact copy: {out}")

        def failed(exc: BaseException) -> None:
            win.progress.hide()
            win.say(f"Export failed: {exc}")

        self.task = run_task(lambda: export_package(src, out), done, on_error=failed, owner=win)
