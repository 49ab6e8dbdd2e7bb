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

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import (
    QWidget,
)

from story.errors import StoryError
from story.library import locks, versions
from story.library.connection import LibraryError, library_url, make_engine
from story.library.notices import Listener, Notice
from story.library.package_files import Origin, read_origin
from story.package.file import Package
from ui.editor.library_dialogs import URL_KEY, OpenDialog, PushDialog
from ui.i18n import fill
from ui.reader.memory import settings
from ui.tasks import run_task


class _Doc(Protocol):
    pkg: Package

    @property
    def path(self) -> Path: ...

    @property
    def readonly(self) -> bool: ...


def _origin(pkg: Package) -> Origin | None:
    with pkg.raw() as conn:
        return read_origin(conn)


class LibraryWatch(QObject):
    """Listens for the library's notices about one story; ``notice`` carries the line to show."""

    notice = Signal(str)

    def __init__(
        self, listener: Listener, story: str, doc: object, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.listener = listener
        self.story = story
        self.doc = doc  #: the open document it follows
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
            pushed = self.tr(
                "%1 pushed version %2 of %3 to the library: File > Open from library… to see it"
            )
            return fill(pushed, n.by, n.version, n.story)
        if n.event == "lock":
            return fill(self.tr("%1 took the lock on %2 in the library"), n.by, n.story)
        return fill(self.tr("%1 released the lock on %2"), n.by, n.story)

    def stop(self) -> None:
        self.notifier.setEnabled(False)
        self.listener.close()


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
        self._seen: object = current()
        self.notice.connect(say)
        parent.installEventFilter(self)  # a document is a child of the window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ChildAdded, QEvent.Type.ChildRemoved):
            QTimer.singleShot(0, self, self._follow)  # once the new document is made
        return False

    def _follow(self) -> None:
        """Another package opened (or none): stop watching the story of the one that went,
        and follow the new one when it came from the same library (by its origin)."""
        doc = self._current()
        if doc is self._seen:
            return
        self._seen = doc
        watch = self.watch
        if watch is None or doc is watch.doc:
            return
        origin = _origin(doc.pkg) if doc is not None else None
        if origin is not None and origin.library == watch.listener.library:
            watch.story, watch.doc = origin.story, doc
            return
        self.stop_watch()

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
        dlg.error.setText(self.tr("Listing…"))

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
            dlg.error.setText(self.tr("Choose a story and where to save it."))
            return
        out = Path(dest).expanduser()
        dlg.error.setText(fill(self.tr("Pulling %1…"), story))
        dlg.buttons.setEnabled(False)

        def work() -> int:
            engine = make_engine(library_url(url))
            try:
                return versions.pull(engine, story, out)
            finally:
                engine.dispose()

        def done(number: int) -> None:
            settings().setValue(URL_KEY, url)
            dlg.accept()
            if self._open_path(out):
                self._say(fill(self.tr("Opened %1 version %2 from the library"), story, number))
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

        absent, nobody, held_by = (
            self.tr("not in the library yet"), self.tr("nobody holds it"), self.tr("held by %1")
        )  # fmt: skip

        def work() -> str:
            engine = make_engine(library_url(url))
            try:
                held = locks.lock_of(engine, story)
            except LibraryError as exc:
                return absent if "has no story" in str(exc) else str(exc)
            finally:
                engine.dispose()
            return fill(held_by, held.line()) if held else nobody

        run_task(work, dlg.lock.setText, on_error=lambda e: dlg.lock.setText(str(e)), owner=dlg)

    def _push(self, dlg: PushDialog, doc: _Doc) -> None:
        url, story = dlg.url.text().strip(), dlg.story.text().strip()
        message = dlg.message.text().strip()
        dlg.error.setText(fill(self.tr("Pushing %1…"), story))
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
            settings().setValue(URL_KEY, url)
            dlg.accept()
            done = self.tr("Pushed %1 version %2 to the library (%3 media sent, %4 already there)")
            self._say(fill(done, r.story, r.version, r.media_sent, r.media_reused))
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
        self._seen = self._current()
        self.watch = LibraryWatch(listener, story, self._seen, self)
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
