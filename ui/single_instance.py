"""One Storyport per person: a second launch opens its window in the app already running.

Two processes on one package would fight over it (the write lock, the WAL, the
reader's memory), and a double-click on a story should feel like opening a
document, not starting another program. So the first interactive launch
listens on a local socket (``QLocalServer``) named for the user and the data
folder; a later launch connects, sends what it was asked to open as one JSON
line, waits for ``ok`` and exits 0. The running app opens the window once it
has answered, so a bad file's dialog never keeps the second launch waiting.

Screenshots, and anything else meant to be a separate process, do not take
part: the launchers ask only when a person will see the window.

The windows are opened by the functions named in :data:`OPENERS`, imported
when a request arrives (as ``main.py``'s table does): the reader's launcher
must not import the editor, nor the editor's the reader's launcher.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from story.paths import data_home

#: How long a second launch waits for the running app to connect and answer.
ANSWER_TIMEOUT_MS = 3000
#: A request larger than this is not one of ours.
MAX_REQUEST_BYTES = 16 * 1024
#: command -> ``"module:function"`` taking a :class:`Request`, opening its window.
OPENERS = {
    "read": "ui.reader.forwarded:open_reader",
    "edit": "ui.editor.forwarded:open_editor",
}


@dataclass(frozen=True)
class Request:
    """What a launch asks for: the command and its package (absolute), and where to open."""

    command: str
    package: str | None = None
    chapter: int | None = None
    map: bool = False

    def encode(self) -> bytes:
        return json.dumps(asdict(self)).encode() + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Request | None:
        try:
            raw = json.loads(line)
            request = cls(
                command=str(raw["command"]),
                package=None if raw.get("package") is None else str(raw["package"]),
                chapter=None if raw.get("chapter") is None else int(raw["chapter"]),
                map=bool(raw.get("map", False)),
            )
        except (ValueError, TypeError, KeyError):
            return None
        return request if request.command in OPENERS else None


def server_name() -> str:
    """The socket's name: one per user and data folder (tests with their own folder stay apart)."""
    home = str(data_home().expanduser().absolute())
    return f"storyport-{os.getuid()}-{hashlib.sha1(home.encode()).hexdigest()[:12]}"


def make_request(command: str, package: str | None, **where: object) -> Request:
    """A request for ``command`` on ``package`` as this process's working folder names it."""
    path = str(Path(package).absolute()) if package else None
    chapter = where.get("chapter")
    return Request(
        command,
        path,
        chapter=chapter if isinstance(chapter, int) else None,
        map=bool(where.get("map")),
    )


def hand_over(request: Request, timeout_ms: int = ANSWER_TIMEOUT_MS) -> bool:
    """Ask the running app to open ``request``; True when it said it will."""
    return ask(request, timeout_ms).startswith(b"ok")


def ask(request: Request, timeout_ms: int = ANSWER_TIMEOUT_MS) -> bytes:
    """The running app's answer to ``request``: ``ok``, ``busy REASON``, ``refused`` or b""."""
    sock = QLocalSocket()
    sock.connectToServer(server_name())
    if not sock.waitForConnected(timeout_ms):
        return b""
    try:
        sock.write(request.encode())
        if not sock.waitForBytesWritten(timeout_ms):
            return b""
        reply = b""
        while b"\n" not in reply and sock.waitForReadyRead(timeout_ms):
            reply += bytes(sock.readAll().data())
        return reply
    finally:
        sock.abort()


class InstanceServer(QObject):
    """Listens for later launches and hands each request to ``opener`` after answering it."""

    def __init__(
        self,
        opener: Callable[[Request], None],
        parent: QObject | None = None,
        *,
        refusal: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._opener = opener
        #: an exhibit's answer to every request (the kiosk): said, logged, nothing opened
        self.refusal = refusal
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Take the name; a socket left by a crashed app (nobody answers on it) is removed first."""
        name = server_name()
        if self._server.listen(name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(500):
            probe.abort()
            return False  # another app is running: it keeps the name
        QLocalServer.removeServer(name)
        return self._server.listen(name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))

    def _forget(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        data = self._buffers.get(sock, b"") + bytes(sock.readAll().data())
        self._buffers[sock] = data
        if b"\n" not in data and len(data) <= MAX_REQUEST_BYTES:
            return
        request = Request.decode(data.split(b"\n", 1)[0])
        if request is not None and self.refusal:
            print(f"storyport: {self.refusal}; not opened: {request.package}", file=sys.stderr)
            sock.write(b"busy " + self.refusal.encode() + b"\n")
            request = None
        else:
            sock.write(b"ok\n" if request is not None else b"refused\n")
        sock.flush()
        sock.disconnectFromServer()
        if request is not None:
            QTimer.singleShot(0, lambda: self._opener(request))


#: Windows opened for requests: held here (they have no parent) until they close.
_windows: set[QWidget] = set()


def keep_window(window: QWidget) -> None:
    """Hold ``window`` until it is closed, then let Qt delete it."""
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _windows.add(window)
    window.destroyed.connect(lambda *_: _windows.discard(window))


def open_request(request: Request) -> None:
    """Open the window ``request`` asks for, with the opener :data:`OPENERS` names."""
    module, _, function = OPENERS[request.command].partition(":")
    opener: Callable[[Request], None] = getattr(importlib.import_module(module), function)
    opener(request)


def forward_or_serve(request: Request) -> bool:
    """True when a running app took ``request`` (the caller exits 0); else this app serves.

    Call it with the QApplication made: the server lives as long as the app.
    """
    reply = ask(request)
    if reply.startswith(b"ok"):
        return True
    if reply.startswith(b"busy"):  # an exhibit runs: told why, and nothing else opened
        reason = reply[4:].decode("utf-8", "replace").strip()
        print(f"storyport {request.command}: {reason}", file=sys.stderr)
        return True
    server = InstanceServer(open_request, QApplication.instance())
    server.listen()  # another app racing us to it keeps the name: this one still opens
    return False


#: What a running exhibit answers a later ``storyport read FILE`` (ui/reader/kiosk.py).
KIOSK_REFUSAL = (
    "an exhibit (read --kiosk) is running on this screen and does not switch stories on request"
)


def serve_kiosk() -> InstanceServer:
    """The exhibit takes the name so later launches reach it, and refuses them politely.

    A public screen must not change story because someone (or a file manager's
    double-click) ran ``storyport read`` on the machine: staff leave the exhibit
    with its chord and start another. The refused launch says why and exits; the
    exhibit logs the request on stderr.
    """
    server = InstanceServer(open_request, QApplication.instance(), refusal=KIOSK_REFUSAL)
    server.listen()
    return server
