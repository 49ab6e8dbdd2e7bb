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
