"""Reader start-up: `read --screenshot` against a bare PySide6 window doing the same grab.

The cover is painted from its snapshot (ui/reader/snapshot.py) once the package has been
opened before; a chapter (or a package never seen) waits for the storage layer.

Both run as fresh processes, alternated, N times each, in one run on the same
machine; the script prints medians and the ratio (target: within 2x).
Also times turning a chapter in a live window (p50/p95, ms).

    .venv/bin/python bench/bench_startup.py [--runs 7]
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

ROOT = Path(__file__).resolve().parent.parent

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("Storyport")); w.resize(1280, 800); w.show()
app.processEvents()
w.grab().save(sys.argv[1], "PNG", 80)
"""


#: CPU seconds (user + system) of each timed run by kind: on the shared machine the wall
#: clock also counts waiting for a core, the CPU time does not.
cpu: dict[str, list[float]] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], env: dict[str, str], kind: str = "") -> float:
    before = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, capture_output=True)
    took = time.perf_counter() - start
    if kind:
        cpu.setdefault(kind, []).append(_children_cpu() - before)
    return took


def cpu_line(reader: str, bare: str) -> str:
    r, b = statistics.median(cpu[reader]), statistics.median(cpu[bare])
    return f"  CPU (user + system): {r * 1000:.0f} ms against {b * 1000:.0f} ms, ratio {r / b:.2f}x"


def chapter_switch_ms(pkg_path: Path, rounds: int = 3) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from story.package.file import open_package
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    app = QApplication.instance() or QApplication([])
    load_fonts()
    pkg = open_package(pkg_path)
    window = ReaderWindow(pkg)
    view = window.view
    window.show()
    app.processEvents()
    times = []
    for _ in range(rounds):
        for n in range(1, len(view.chapters) + 1):
            start = time.perf_counter()
            view.show_chapter(n)
            window.repaint()  # what the eye sees: the new chapter painted
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.05)  # let prefetch work as a reader's pause would
            app.processEvents()
    window.close()
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="storyport-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STORYPORT_HOME=home)
    py = sys.executable
    built = subprocess.run(
        [py, "main.py", "build-bundled"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    pkg = Path(built)
    shot = str(Path(home) / "s.png")
    bare_script = Path(home) / "bare.py"
    bare_script.write_text(BARE)
    reader_cmd = [py, "main.py", "read", str(pkg), "--screenshot", shot]
    bare_cmd = [py, str(bare_script), shot]
    timed(reader_cmd, env), timed(bare_cmd, env)  # warm the file cache
    reader, bare = [], []
    for _ in range(args.runs):
        reader.append(timed(reader_cmd, env, "cover"))
        bare.append(timed(bare_cmd, env, "bare"))
    r, b = statistics.median(reader), statistics.median(bare)
    print(
        f"first paint, cover (median of {args.runs}): reader {r * 1000:.0f} ms, "
        f"bare PySide6 window {b * 1000:.0f} ms, ratio {r / b:.2f}x (target <= 2x)"
    )
    print(cpu_line("cover", "bare"))
    # A chapter (or a package never opened before, without a cover snapshot) waits for
    # the storage layer on the way to its first paint.
    cold, bare2 = [], []
    for _ in range(args.runs):
        cold.append(timed([*reader_cmd, "--chapter", "1"], env, "chapter"))
        bare2.append(timed(bare_cmd, env, "bare2"))
    c, b2 = statistics.median(cold), statistics.median(bare2)
    print(
        f"first paint, chapter 1 (median of {args.runs}): reader {c * 1000:.0f} ms, "
        f"bare {b2 * 1000:.0f} ms, ratio {c / b2:.2f}x"
    )
    print(cpu_line("chapter", "bare2"))
    switch = chapter_switch_ms(pkg)
    print(
        f"chapter switch: p50 {pct(switch, 0.5):.1f} ms, p95 {pct(switch, 0.95):.1f} ms, "
        f"max {max(switch):.1f} ms over {len(switch)} switches"
    )
    print(f"package size: {pkg.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
