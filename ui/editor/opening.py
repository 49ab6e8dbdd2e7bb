"""New, open (with the read-only offer when another Storyport is editing, and the read or
edit-a-copy offer when the package's folder cannot be written), recent, export.

It gets what it drives, not the window: a parent for its dialogs, the start
page (for the read-only offer and errors), the status line, the progress bar,
and two callbacks, one to show an opened package and one to show the start
page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressBar, QWidget

from story.editing.story import StoryFields, set_story
from story.errors import StoryError
from story.package.file import Package, create_package, open_package
from story.package.locking import PackageInUseError
from story.publish.export import copy_package, export_package
from ui.editor import recent
from ui.editor.fields import flush_all
from ui.editor.read_only_offer import Choice, ReadOnlyOffer, copy_suggestion, folder_writable
from ui.editor.welcome import Welcome
from ui.i18n import fill
from ui.tasks import Task, run_task


class Opening:
    def tr(self, text: str) -> str:
        return QCoreApplication.translate("Opening", text)

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
        self.offer: ReadOnlyOffer | None = None

    def create(self, path: Path) -> bool:
        try:
            pkg = create_package(path)
            set_story(pkg, StoryFields(title=self.tr("Untitled story")))
        except StoryError as exc:
            self.say(str(exc))
            return False
        self.show_package(pkg)
        recent.remember(path)
        self.say(fill(self.tr("Created %1. Everything you do is saved as you go."), path.name))
        return True

    def open(self, path: Path, *, readonly: bool = False) -> bool:
        if not readonly and path.is_file() and not folder_writable(path):
            self.offer_read_only(path, "read-only")
            return False
        try:
            pkg = open_package(path, readonly=readonly)
        except PackageInUseError as exc:
            self.welcome.offer_readonly(path, exc.holder)
            self.show_welcome()
            self.say(str(exc))
            return False
        except StoryError as exc:
            if not readonly and "cannot create its lock file" in str(exc):
                self.offer_read_only(path, str(exc).rpartition("(")[2].rstrip(")") or "locked")
                return False
            self.welcome.show_error(str(exc))
            self.say(str(exc))
            return False
        self.show_package(pkg)
        recent.remember(path)
        if pkg.migrated:
            self.say(
                fill(
                    self.tr("Upgraded %1 to the current format; the old file is at %2"),
                    path.name,
                    pkg.backup,
                )
            )
        elif readonly:
            self.say(fill(self.tr("Opened %1 read-only"), path.name))
        else:
            self.say(fill(self.tr("Opened %1"), path.name))
        return True

    # -- the dialogs behind the menu items -----------------------------------------------
    def ask_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            self.tr("New story package"),
            str(Path.home()),
            self.tr("Story packages (*.storypkg)"),
        )
        if path:
            self.create(Path(path if path.endswith(".storypkg") else path + ".storypkg"))

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent,
            self.tr("Open a story package"),
            str(Path.home()),
            self.tr("Story packages (*.storypkg)"),
        )
        if path:
            self.open(Path(path))

    def ask_export(self, src: Path) -> None:
        suggestion = src.with_name(src.stem + "-compact.storypkg")
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            self.tr("Export a compact copy"),
            str(suggestion),
            self.tr("Story packages (*.storypkg)"),
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
            menu.addAction(self.tr("No recent stories")).setEnabled(False)

    def export(self, src: Path, out: Path) -> None:
        """Write a compact copy of the package at ``src`` to ``out`` in the background."""
        flush_all(self.parent)
        self.say(fill(self.tr("Exporting to %1…"), out.name))
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Exporting…"))
        self.progress.show()

        def done(result: object) -> None:
            self.progress.hide()
            self.say(fill(self.tr("Exported a compact copy: %1"), out))

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.say(fill(self.tr("Export failed: %1"), exc))

        self.task = run_task(
            lambda: export_package(src, out), done, on_error=failed, owner=self.parent
        )

    # -- a package in a folder that cannot be written ----------------------------------
    def offer_read_only(self, path: Path, reason: str) -> ReadOnlyOffer:
        """Ask: read it, or edit a copy saved elsewhere (``decide`` does what was chosen)."""
        self.say(fill(self.tr("%1 is on a read-only medium: read it, or edit a copy"), path.name))
        offer = self.offer = ReadOnlyOffer(path, reason, self.parent)
        offer.chosen.connect(lambda choice: self.decide(path, choice))
        offer.open()
        return offer

    def decide(self, path: Path, choice: Choice, copy_to: Path | None = None) -> bool:
        """Do what was chosen; ``copy_to`` skips the save dialog (the copy is made on the pool)."""
        self.offer = None
        if choice is Choice.READ:
            return self.open(path, readonly=True)
        if choice is not Choice.EDIT_COPY:
            return False
        if copy_to is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent,
                self.tr("Edit a copy"),
                str(copy_suggestion(path)),
                self.tr("Story packages (*.storypkg)"),
            )
            if not chosen:
                return False
            copy_to = Path(chosen if chosen.endswith(".storypkg") else chosen + ".storypkg")
        out = copy_to
        self.say(fill(self.tr("Copying %1 to %2…"), path.name, out))
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Copying…"))
        self.progress.show()

        def done(_result: object) -> None:
            self.progress.hide()
            if self.open(out):
                self.say(fill(self.tr("Editing a copy of %1: %2"), path.name, out))

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.welcome.show_error(str(exc))
            self.show_welcome()
            self.say(fill(self.tr("The copy could not be made: %1"), exc))

        self.task = run_task(
            lambda: copy_package(path, out), done, on_error=failed, owner=self.parent
        )
        return True
