"""Shared by the library benchmarks: a throwaway server from ``scripts/library.sh`` and the
wall time and peak memory of a ``main.py`` child process.

Not a benchmark itself. The server is the one a person tries the library with
(loopback, trusted logins, fsync on), started in a temporary folder and stopped
and removed at the end, however the benchmark ends.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(ROOT / "scripts" / "library.sh")


@contextmanager
def library_server() -> Iterator[tuple[str, Path]]:
    """(URL text, a scratch folder) of a fresh, initialised library; stopped afterwards."""
    sys.path.insert(0, str(ROOT))
    from story.library.connection import library_url, make_engine
    from story.library.migrations import init_library

    base = Path(tempfile.mkdtemp(prefix="storyport-bench-lib-"))
    base.chmod(0o755)
    data = base / "pg"
    try:
        url = subprocess.run(
            [SCRIPT, "start", str(data)], check=True, capture_output=True, text=True, timeout=120
        ).stdout.strip()
        engine = make_engine(library_url(url))
        init_library(engine)
        engine.dispose()
        yield url, base
    finally:
        subprocess.run([SCRIPT, "stop", str(data)], capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)


def child(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and max RSS (MB) of ``main.py ARGS`` run as a child process (its output
    dropped).

    The peak comes from GNU time (``%M``), not from ``wait4`` here: a child forked from this
    large process counts the parent's pages until it execs, which hides its own peak.
    """
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "maxrss %M", sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=3600,
    )  # fmt: skip
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{args} failed: {proc.stderr.strip()}")
    rss_kb = int(proc.stderr.strip().splitlines()[-1].split()[-1])
    return wall, rss_kb / 1024


class CountingProxy:
    """A TCP relay in front of the server that counts the bytes each way: what a client really
    sends (SQL text, parameters, COPY data, protocol framing), whatever the driver does."""

    def __init__(self, port: int) -> None:
        import socket
        import threading

        self.up = 0  # client -> server
        self.down = 0
        self._lock = threading.Lock()
        self._target = port
        self._listen = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listen.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self) -> None:
        with self._lock:
            self.up = self.down = 0

    def _accept(self) -> None:
        import socket
        import threading

        while True:
            try:
                client, _ = self._listen.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self._target))
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: object, dst: object, upward: bool) -> None:
        import socket

        a: socket.socket = src  # type: ignore[assignment]
        b: socket.socket = dst  # type: ignore[assignment]
        try:
            while data := a.recv(1 << 16):
                with self._lock:
                    if upward:
                        self.up += len(data)
                    else:
                        self.down += len(data)
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self._listen.close()
