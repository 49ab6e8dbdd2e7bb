"""File > Open from library… and Push to library…, and notices while a library story is open.

The work is ``story.library`` (pull, push, lock_of, list); here are only the
two dialogs and a watcher. Pulls and pushes run off the GUI thread
(``run_task``). After a story is opened from, or pushed to, a library, a
``LibraryWatch`` listens on a connection of its own (PostgreSQL
``LISTEN``/``NOTIFY``): a ``QSocketNotifier`` on that connection's socket
wakes it when the server sends something, so nothing polls; another
curator's push of the open story, or a lock taken on it, is said in the
status line at once.

The window hands in what this drives (the current document, how to open a
path, the status line, flushing typed text), not itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QWidget,
)

from story.errors import StoryError
from story.library import locks, versions
from story.library.connection import ENV_URL, LibraryError, library_url, make_engine
from story.library.notices import Listener, Notice
from story.library.package_files import Origin, read_origin
from story.package.file import Package
from ui.reader.memory import settings
from ui.tasks import run_task

_URL_KEY = "library/url"


class _Doc(Protocol):
    pkg: Package

    @property
    def path(self) -> Path: ...

    @property
    def readonly(self) -> bool: ...


def remembered_url() -> str:
    value = settings().value(_URL_KEY)
    return str(value) if value else os.environ.get(ENV_URL, "")


def _origin(pkg: Package) -> Origin | None:
    with pkg.raw() as conn:
        return read_origin(conn)


class LibraryWatch(QObject):
    """Listens for the library's notices about one story; ``notice`` carries the line to show."""

    notice = Signal(str)

    def __init__(self, listener: Listener, story: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listener = listener
        self.story = story
        self.notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._readable)

    def _readable(self) -> None:
        try:
            got = self.listener.poll()
        except LibraryError as exc:
            self.stop()
            self.notice.emit(str(exc))
            return
        for n in got:
            line = self._line(n)
            if line:
                self.notice.emit(line)

    def _line(self, n: Notice) -> str | None:
        if n.story != self.story or n.by == self.listener.me:
            return None
        if n.event == "version":
            return (
                f"{n.by} pushed version {n.version} of {n.story} to the library: "
                "File > Open from library… to see it"
            )
        if n.event == "lock":
            return f"{n.by} took the lock on {n.story} in the library"
        return f"{n.by} released the lock on {n.story}"

    def stop(self) -> None:
        self.notifier.setEnabled(False)
        self.listener.close()


def _url_row(form: QFormLayout, parent: QWidget) -> QLineEdit:
    url = QLineEdit(remembered_url(), parent)
    url.setObjectName("LibraryUrl")
    url.setPlaceholderText("postgresql+psycopg://user@host:5432/library")
    url.setToolTip("No password here: it comes from ~/.pgpass or PGPASSWORD")
    form.addRow("&Library:", url)
    return url


class OpenDialog(QDialog):
    """A story of the library, and where to write it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open from library")
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.url = _url_row(form, self)
        self.refresh = QPushButton("&List stories", self)
        row.addWidget(self.refresh)
        form.addRow("", row)
        self.model = QStandardItemModel(self)
        self.stories = QListView(self)
        self.stories.setObjectName("LibraryStories")
        self.stories.setModel(self.model)
        form.addRow("&Story:", self.stories)
        self.dest = QLineEdit(self)
        self.dest.setObjectName("LibraryDestination")
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.dest)
        where.addWidget(browse)
        form.addRow("&Save as:", where)
        self.error = QLabel("", self)
        self.error.setObjectName("LibraryError")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.stories.clicked.connect(lambda _i: self._suggest())

    def chosen(self) -> str | None:
        index = self.stories.currentIndex()
        return str(index.data(0x0100)) if index.isValid() else None  # Qt.UserRole

    def show_stories(self, stories: list[versions.StoryInfo]) -> None:
        self.model.clear()
        for s in stories:
            lock = f" — locked by {s.locked_by}" if s.locked_by else ""
            item = QStandardItem(f"{s.name}: {s.title} (version {s.latest}){lock}")
            item.setData(s.name, 0x0100)
            item.setEditable(False)
            self.model.appendRow(item)
        self.error.setText("" if stories else "The library holds no stories yet.")

    def _suggest(self) -> None:
        name = self.chosen()
        if name and not self.dest.text():
            self.dest.setText(str(Path.home() / f"{name}.storypkg"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the story as", self.dest.text(), "Story packages (*.storypkg)"
        )
        if path:
            self.dest.setText(path)


class PushDialog(QDialog):
    """Where to push, under which name, with what message; who holds the lock."""

    def __init__(self, parent: QWidget, story: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Push to library")
        form = QFormLayout(self)
        self.url = _url_row(form, self)
        self.story = QLineEdit(story, self)
        self.story.setObjectName("LibraryStory")
        form.addRow("&Story:", self.story)
        self.message = QLineEdit(self)
        self.message.setObjectName("LibraryMessage")
        self.message.setPlaceholderText("What changed")
        form.addRow("&Message:", self.message)
        self.lock = QLabel("", self)
        self.lock.setObjectName("LibraryLock")
        form.addRow("Lock:", self.lock)
        self.error = QLabel("", self)
        self.error.setObjectName("LibraryError")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Push")
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)


class LibraryLink(QObject):
    """The two menu actions and the watcher of the story in hand."""

    notice = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        current: Callable[[], _Doc | None],
        open_path: Callable[[Path], bool],
        say: Callable[[str], None],
        flush: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._current, self._open_path, self._say, self._flush = current, open_path, say, flush
        self.dialog: OpenDialog | PushDialog | None = None
        self.watch: LibraryWatch | None = None
        self.notice.connect(say)

    # -- open ---------------------------------------------------------------------------
    def ask_open(self) -> None:
        dlg = self.dialog = OpenDialog(self._parent)
        dlg.refresh.clicked.connect(lambda: self._list(dlg))
        dlg.buttons.accepted.connect(lambda: self._pull(dlg))
        dlg.open()
        if dlg.url.text():
            self._list(dlg)

    def _list(self, dlg: OpenDialog) -> None:
        url = dlg.url.text().strip()
        dlg.error.setText("Listing…")

        def work() -> list[versions.StoryInfo]:
            engine = make_engine(library_url(url))
            try:
                return versions.list_stories(engine)
            finally:
                engine.dispose()

        run_task(work, dlg.show_stories, on_error=lambda e: self._fail(dlg, e), owner=dlg)

    def _pull(self, dlg: OpenDialog) -> None:
        url, story, dest = dlg.url.text().strip(), dlg.chosen(), dlg.dest.text().strip()
        if not story or not dest:
            dlg.error.setText("Choose a story and where to save it.")
            return
        out = Path(dest).expanduser()
        dlg.error.setText(f"Pulling {story}…")
        dlg.buttons.setEnabled(False)

        def work() -> int:
            engine = make_engine(library_url(url))
            try:
                return versions.pull(engine, story, out)
            finally:
                engine.dispose()

        def done(number: int) -> None:
            settings().setValue(_URL_KEY, url)
            dlg.accept()
            if self._open_path(out):
                self._say(f"Opened {story} version {number} from the library")
                self._start_watch(url, story)

        run_task(work, done, on_error=lambda e: self._fail(dlg, e), owner=dlg)

    # -- push ---------------------------------------------------------------------------
    def ask_push(self) -> None:
        doc = self._current()
        if doc is None:
            return
        self._flush()
        origin = _origin(doc.pkg)
        name = origin.story if origin else versions.story_name_for(doc.path)
        dlg = self.dialog = PushDialog(self._parent, name)
        dlg.buttons.accepted.connect(lambda: self._push(dlg, doc))
        dlg.open()
        self._show_lock(dlg)

    def _show_lock(self, dlg: PushDialog) -> None:
        url, story = dlg.url.text().strip(), dlg.story.text().strip()
        if not url:
            return

        def work() -> str:
            engine = make_engine(library_url(url))
            try:
                held = locks.lock_of(engine, story)
            except LibraryError as exc:
                return "not in the library yet" if "has no story" in str(exc) else str(exc)
            finally:
                engine.dispose()
            return f"held by {held.line()}" if held else "nobody holds it"

        run_task(work, dlg.lock.setText, on_error=lambda e: dlg.lock.setText(str(e)), owner=dlg)

    def _push(self, dlg: PushDialog, doc: _Doc) -> None:
        url, story = dlg.url.text().strip(), dlg.story.text().strip()
        message = dlg.message.text().strip()
        dlg.error.setText(f"Pushing {story}…")
        dlg.buttons.setEnabled(False)
        pkg, path = doc.pkg, doc.path

        def work() -> versions.PushResult:
            engine = make_engine(library_url(url))
            try:
                return versions.push(
                    engine, path, story=story, message=message, pkg=None if pkg.readonly else pkg
                )
            finally:
                engine.dispose()

        def done(r: versions.PushResult) -> None:
            settings().setValue(_URL_KEY, url)
            dlg.accept()
            self._say(
                f"Pushed {r.story} version {r.version} to the library "
                f"({r.media_sent} media sent, {r.media_reused} already there)"
            )
            self._start_watch(url, r.story)

        run_task(work, done, on_error=lambda e: self._fail(dlg, e), owner=dlg)

    # -- shared -------------------------------------------------------------------------
    def _fail(self, dlg: OpenDialog | PushDialog, exc: BaseException) -> None:
        if not isinstance(exc, StoryError):
            raise exc
        dlg.buttons.setEnabled(True)
        dlg.error.setText(str(exc))
        self._say(str(exc))

    def _start_watch(self, url: str, story: str) -> None:
        self.stop_watch()
        try:
            listener = Listener(library_url(url))
        except LibraryError as exc:
            self._say(str(exc))
            return
        self.watch = LibraryWatch(listener, story, self)
        self.watch.notice.connect(self.notice)

    def stop_watch(self) -> None:
        if self.watch is not None:
            self.watch.stop()
            self.watch.deleteLater()
            self.watch = None


class _Window(Protocol):
    doc: _Doc | None

    def open_path(self, path: Path, *, readonly: bool = False) -> bool: ...

    def say(self, text: str) -> None: ...


def attach(win: QWidget) -> LibraryLink:
    """The window's ``LibraryLink`` (a child of it), made on first use."""
    link = win.findChild(LibraryLink)
    if link is None:
        from ui.editor.fields import flush_all

        w: _Window = win  # type: ignore[assignment]
        link = LibraryLink(win, lambda: w.doc, w.open_path, w.say, lambda: flush_all(win))
    return link
