"""New, open (with the read-only offer when another Storyport is editing), recent, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMenu

from story.editing.writing import StoryFields, set_story
from story.errors import StoryError
from story.package.file import create_package, open_package
from story.package.locking import PackageInUseError
from story.publish.export import export_package
from ui.editor import recent
from ui.editor.fields import flush_all
from ui.tasks import run_task

MEDIA_FILTER = (
    "Photos and recordings (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic *.gif "
    "*.wav *.mp3 *.flac *.ogg *.opus *.m4a *.aac *.webm);;All files (*)"
)

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

    # -- the dialogs behind the menu items -----------------------------------------------
    def ask_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.win, "New story package", str(Path.home()), "Story packages (*.storypkg)"
        )
        if path:
            self.create(Path(path if path.endswith(".storypkg") else path + ".storypkg"))

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.win, "Open a story package", str(Path.home()), "Story packages (*.storypkg)"
        )
        if path:
            self.open(Path(path))

    def ask_import(self, chapter_id: int | None = None) -> None:
        win = self.win
        if win.doc is None or win.doc.readonly:
            return
        if chapter_id is None and win.tabs.currentIndex() == 1 and win.chapters is not None:
            chapter_id = win.chapters.current_id()
        paths, _ = QFileDialog.getOpenFileNames(
            win, "Import photos and recordings", str(Path.home()), MEDIA_FILTER
        )
        if paths:
            win.imports.start(list(paths), chapter_id)

    def ask_replace(self, media_id: str) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.win, "Replace the file", str(Path.home()), MEDIA_FILTER
        )
        if path:
            self.win.imports.replace(media_id, path)

    def ask_export(self) -> None:
        if self.win.doc is None:
            return
        doc_path = self.win.doc.path
        suggestion = doc_path.with_name(doc_path.stem + "-compact.storypkg")
        path, _ = QFileDialog.getSaveFileName(
            self.win, "Export a compact copy", str(suggestion), "Story packages (*.storypkg)"
        )
        if path:
            self.export(Path(path))

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
