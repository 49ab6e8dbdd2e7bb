"""One writer per package: a lock file next to it, held while the package is open for writing.

Why a lock of our own when SQLite already serialises writes: SQLite only
holds its lock for the length of one transaction, so two editors could both
"own" a package and overwrite each other's edits between transactions. The
lock here lasts as long as the package is open read-write, so the second
writer is told at once that the package is in use and can open it read-only
(readers never take it; WAL lets them read while the writer commits).

Design (docs/FORMAT.md, "Locking"):
- ``NAME.storypkg.lock`` is created next to the package and locked with
  ``flock(LOCK_EX | LOCK_NB)``. It holds one line of JSON naming the holder
  (pid, host, since) so the message can say who has it.
- The kernel drops the lock when the holder's process ends, however it ends,
  so a lock file left behind by a crash is simply taken over: there is no
  stale-lock guessing by pid.
- On release the file is removed while still locked; a process that locked an
  inode that was meanwhile unlinked notices (inode differs) and retries.
- Advisory only: other programs (the ``sqlite3`` shell) are not stopped, and
  SQLite's own locking still keeps the file consistent if they write.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

from story.errors import PackageError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, documented
    fcntl = None  # type: ignore[assignment]


class PackageInUseError(PackageError):
    """Another process has the package open for writing; it can still be opened read-only."""

    def __init__(self, path: Path, holder: str) -> None:
        self.holder = holder
        super().__init__(
            path, f"is in use by another Storyport ({holder}); open it read-only instead"
        )


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _describe(raw: str) -> str:
    try:
        info = json.loads(raw)
        return f"pid {int(info['pid'])} on {str(info['host'])[:64]}"
    except (ValueError, KeyError, TypeError):
        return "holder unknown"


class WriteLock:
    """The held lock; ``release()`` (or process death) frees it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            lock_path(self.path).unlink(missing_ok=True)
        except OSError:
            pass
        os.close(self._fd)  # closing drops the flock
        self._fd = None


def acquire(path: Path) -> WriteLock | None:
    """Lock ``path`` for writing or raise PackageInUseError; None where locks don't exist."""
    if fcntl is None:  # pragma: no cover
        return None
    lp = lock_path(path)
    for _ in range(5):
        try:
            fd = os.open(lp, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise PackageError(path, f"cannot create its lock file ({exc.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raw = os.pread(fd, 512, 0).decode("utf-8", "replace")
            os.close(fd)
            raise PackageInUseError(path, _describe(raw)) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(lp).st_ino
        except FileNotFoundError:
            same = False
        if not same:  # the previous holder unlinked it between our open and flock
            os.close(fd)
            continue
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": int(time.time())}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        return WriteLock(path, fd)
    raise PackageError(path, "its lock file keeps changing; try again")
