"""The installed reader's first paint against a bare PySide6 window (target: within 2x).

``storyport read --screenshot`` from the .deb (``/usr/bin/storyport``, or any
standalone folder's ``storyport`` with ``--app``) on the story it carries, against
the bare window of bench/bench_startup.py run by the venv's Python: both fresh
processes, both painting a 1280x800 window and saving it, alternated N times.
The first launch (no cover snapshot yet) is timed on its own; the median
counts the launches after it, as a reader's second and later starts are.

    .venv/bin/python bench/bench_installed_paint.py [--runs 7] [--app /usr/bin/storyport]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("Storyport")); w.resize(1280, 800); w.show()
app.processEvents()
w.grab().save(sys.argv[1], "PNG", 80)
"""


#: CPU seconds (user + system) of each finished run, beside its wall time: on a shared
#: machine the wall clock also counts waiting for a core, the CPU time does not.
cpu: dict[str, list[float]] = {"reader": [], "bare": []}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str], kind: str = "") -> float:
    before = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=300, cwd="/")
    took = time.perf_counter() - start
    if kind:
        cpu[kind].append(_children_cpu() - before)
    return took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--app", default="/usr/bin/storyport", help="the standalone app to time")
    args = ap.parse_args()
    if not Path(args.app).exists():
        sys.exit(f"bench_installed_paint: {args.app}: not installed (dpkg -i the .deb first)")
    home = Path(tempfile.mkdtemp(prefix="storyport-bench-"))
    # the installed app as a person starts it: no venv, no PYTHONPATH, a fresh account
    app_env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    bare_env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    shot = str(home / "s.png")
    (home / "bare.py").write_text(BARE)
    reader_cmd = [args.app, "read", "--screenshot", shot]
    bare_cmd = [sys.executable, str(home / "bare.py"), shot]
    first = timed(reader_cmd, app_env)  # opens the package, leaves the cover snapshot
    timed(bare_cmd, bare_env)
    reader, bare = [], []
    for _ in range(args.runs):
        reader.append(timed(reader_cmd, app_env, "reader"))
        bare.append(timed(bare_cmd, bare_env, "bare"))
    r, b = statistics.median(reader), statistics.median(bare)
    print(f"installed reader, first launch (no snapshot yet): {first * 1000:.0f} ms")
    print(
        f"first paint, cover (median of {args.runs}): installed reader {r * 1000:.0f} ms, "
        f"bare PySide6 window {b * 1000:.0f} ms, ratio {r / b:.2f}x (target <= 2x)"
    )
    rc, bc = statistics.median(cpu["reader"]), statistics.median(cpu["bare"])
    print(
        f"CPU time (user + system, median): installed reader {rc * 1000:.0f} ms, "
        f"bare {bc * 1000:.0f} ms, ratio {rc / bc:.2f}x"
    )


if __name__ == "__main__":
    main()
