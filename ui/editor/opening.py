"""New, open (with the read-only offer when another Storyport is editing), recent, export.

It gets what it drives, not the window: a parent for its dialogs, the start
page (for the read-only offer and errors), the status line, the progress bar,
and two callbacks, one to show an opened package and one to show the start
page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QProgressBar, QWidget

from story.editing.story import StoryFields, set_story
from story.errors import StoryError
from story.package.file import Package, create_package, open_package
from story.package.locking import PackageInUseError
from story.publish.export import export_package
from ui.editor import recent
from ui.editor.fields import flush_all
from ui.editor.welcome import Welcome
from ui.tasks import Task, run_task


class Opening:
    def __init__(
        self,
        parent: QWidget,
        welcome: Welcome,
        progress: QProgressBar,
        *,
        say: Callable[[str], None],
        show_package: Callable[[Package], None],
        show_welcome: Callable[[], None],
    ) -> None:
        self.parent, self.welcome, self.progress = parent, welcome, progress
        self.say, self.show_package, self.show_welcome = say, show_package, show_welcome
        self.task: Task | None = None

    def create(self, path: Path) -> bool:
        try:
            pkg = create_package(path)
            set_story(pkg, StoryFields(title="Untitled story"))
        except StoryError as exc:
            self.say(str(exc))
            return False
        self.show_package(pkg)
        recent.remember(path)
        self.say(f"Created {path.name}. Everything you do is saved as you go.")
        return True

    def open(self, path: Path, *, readonly: bool = False) -> bool:
        try:
            pkg = open_package(path, readonly=readonly)
        except PackageInUseError as exc:
            self.welcome.offer_readonly(path, exc.holder)
            self.show_welcome()
            self.say(str(exc))
            return False
        except StoryError as exc:
            self.welcome.show_error(str(exc))
            self.say(str(exc))
            return False
        self.show_package(pkg)
        recent.remember(path)
        if pkg.migrated:
            self.say(f"Upgraded {path.name} to the current format; the old file is at {pkg.backup}")
        else:
            self.say(f"Opened {path.name}" + (" read-only" if readonly else ""))
        return True

    # -- the dialogs behind the menu items -----------------------------------------------
    def ask_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, "New story package", str(Path.home()), "Story packages (*.storypkg)"
        )
        if path:
            self.create(Path(path if path.endswith(".storypkg") else path + ".storypkg"))

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, "Open a story package", str(Path.home()), "Story packages (*.storypkg)"
        )
        if path:
            self.open(Path(path))

    def ask_export(self, src: Path) -> None:
        suggestion = src.with_name(src.stem + "-compact.storypkg")
        path, _ = QFileDialog.getSaveFileName(
            self.parent, "Export a compact copy", str(suggestion), "Story packages (*.storypkg)"
        )
        if path:
            self.export(src, Path(path))

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        files = recent.recent_files()
        for p in files:
            act = menu.addAction(p.name)
            act.setToolTip(str(p))
            act.triggered.connect(lambda _=False, p=p: self.open(p))
        if not files:
            menu.addAction("No recent stories").setEnabled(False)

    def export(self, src: Path, out: Path) -> None:
        """Write a compact copy of the package at ``src`` to ``out`` in the background."""
        flush_all(self.parent)
        self.say(f"Exporting to {out.name}…")
        self.progress.setRange(0, 0)
        self.progress.setFormat("Exporting…")
        self.progress.show()

        def done(result: object) -> None:
            self.progress.hide()
            self.say(f"Exported a compact copy: {out}")

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.say(f"Export failed: {exc}")

        self.task = run_task(
            lambda: export_package(src, out), done, on_error=failed, owner=self.parent
        )
