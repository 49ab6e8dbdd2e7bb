"""The big map (issue 15): a 50,000-feature basemap, first paint and zoom, against floors.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_map_scale.py [--features N] [--runs 5]

The package is ``bench_map.synthetic_package`` (rivers, lakes and towns at
random, 1,000 chapter markers), written through ``add_map`` as build and
import write it, so it holds the basemap's derived geometry.

- **First paint**: a fresh process opens the package, builds the map view
  (1280×800), shows it and grabs it; timed from after the imports to the
  grab. Floor: a fresh process that shows a bare QGraphicsView of the same
  size and grabs it, timed the same way. Alternated, ``--runs`` each; medians.
  Also once without the derived rows (deleted from a copy): the fallback that
  parses and projects the GeoJSON at open.
- **Zoom / pan frames**: one full repaint (``viewport().grab()``) after each
  camera move, 120 frames zooming in to 2.8× and back, 120 panning (as
  ``bench_map.py``), wall clock and the GUI thread's CPU time (``cpu_*``: what
  a frame costs, less swayed by other processes on a loaded machine). Floor:
  the same grab of an empty QGraphicsView.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: --code DIR (children only): run another tree's code, e.g. ``git archive`` of the last commit
CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else ROOT
sys.path.insert(0, str(CODE))
sys.path.insert(0, str(CODE / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

W, H = 1280, 800
BUDGET_MS = 16.7


def child_first_paint(path: str) -> None:
    """In a fresh process: time open + view + show + grab (or the bare floor if path is '-')."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

    app = QApplication.instance() or QApplication([])
    from story.package.file import open_package
    from ui.map.view import StoryMapView
    from ui.theme import load_fonts

    load_fonts()
    t = time.perf_counter()
    if path == "-":
        v = QGraphicsView(QGraphicsScene())
        v.resize(W, H)
        v.show()
        QTest.qWaitForWindowExposed(v)
        v.viewport().grab()
        ms = (time.perf_counter() - t) * 1000
    else:
        pkg = open_package(Path(path), readonly=True)
        v = StoryMapView()
        v.resize(W, H)
        v.set_story_maps(pkg)
        v.show()
        QTest.qWaitForWindowExposed(v)
        v.grab()
        ms = (time.perf_counter() - t) * 1000
        assert v.page is not None and not v.page.error, v.page and v.page.error
    print(json.dumps({"ms": ms}))
    app.quit()


def first_paint(path: str, code: Path = ROOT) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--child", path, "--code", str(code)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["ms"])


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]


def child_frames(path: str, code: Path) -> list[dict]:
    out = subprocess.run(
        [sys.executable, __file__, "--child-frames", path, "--code", str(code)],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout
    return [json.loads(line) for line in out.strip().splitlines() if line.startswith("{")]


def _frames(v, n: int, zoom: bool) -> tuple[list[float], list[float]]:
    """As ``bench_map.frames``, also the GUI thread's CPU time per frame (less hurt by load)."""
    from PySide6.QtCore import QPointF

    cam = v.camera
    c0, s0 = QPointF(cam.center), cam.scale
    wall, cpu = [], []
    for i in range(n):
        if zoom:
            f = 2 ** (3 * (0.5 - abs(i / n - 0.5)))  # in to 2.8x and back out
            cam.apply(c0, s0 * f)
        else:
            cam.apply(QPointF(c0.x() + (i - n / 2) * 12 / s0, c0.y() + (i % 7) / s0), s0)
        t, c = time.perf_counter(), time.thread_time()
        v.viewport().grab()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    cam.apply(c0, s0)
    return wall, cpu


def _row(what: str, wall: list[float], cpu: list[float], floor: float) -> dict:
    return {
        "what": what,
        "p50_ms": round(pct(wall, 50), 1),
        "p95_ms": round(pct(wall, 95), 1),
        "max_ms": round(max(wall), 1),
        "cpu_p50_ms": round(pct(cpu, 50), 1),
        "cpu_p95_ms": round(pct(cpu, 95), 1),
        "floor_ms": round(floor, 2),
        "p95_vs_budget": round(pct(wall, 95) / BUDGET_MS, 2),
        "cpu_p95_vs_budget": round(pct(cpu, 95) / BUDGET_MS, 2),
    }


def frame_rows(path: Path) -> list[dict]:
    from bench_map import floor_ms, open_view
    from PySide6.QtWidgets import QApplication

    from story.package.file import open_package
    from ui.theme import load_fonts

    app = QApplication.instance() or QApplication([])
    load_fonts()
    floor = floor_ms(app)
    rows = []
    with open_package(path, readonly=True) as pkg:
        v, _ = open_view(pkg)
        for name, zoom in (("zoom", True), ("pan", False)):
            rows.append(_row(f"{name}, whole map", *_frames(v, 120, zoom), floor))
        v.camera.apply(v.camera.center, v.camera.scale * 8)
        rows.append(_row("zoom, 8x closer", *_frames(v, 120, True), floor))
        v.close()
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", type=int, default=50_000)
    ap.add_argument("--markers", type=int, default=1_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", help="build the package here (or reuse it if it exists)")
    ap.add_argument(
        "--before",
        help="a tree of earlier code (git archive COMMIT | tar -x -C DIR): measured alongside",
    )
    ap.add_argument("--frames-only", action="store_true", help="skip the first-paint runs")
    ap.add_argument("--rounds", type=int, default=1, help="frame runs per tree, alternated")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-frames", help=argparse.SUPPRESS)
    ap.add_argument("--code", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child_first_paint(args.child)
        return 0
    if args.child_frames:
        for row in frame_rows(Path(args.child_frames)):
            print(json.dumps(row), flush=True)
        return 0
    from bench_map import synthetic_package

    with tempfile.TemporaryDirectory() as tmp:
        pkg = Path(args.keep) if args.keep else Path(tmp) / "big.storypkg"
        if not pkg.exists():
            t = time.perf_counter()
            synthetic_package(pkg, args.features, args.markers)
            build_s = time.perf_counter() - t
            print(json.dumps({"build_with_derived_s": round(build_s, 1)}), flush=True)
        bare = Path(tmp) / "no-derived.storypkg"
        shutil.copy(pkg, bare)
        with sqlite3.connect(bare) as con:
            con.execute("DELETE FROM map_tiles")
        mb = {p.name: round(p.stat().st_size / 2**20, 1) for p in (pkg, bare)}
        print(json.dumps({"package_mib": mb}), flush=True)
        floors, stored, fallback, before = [], [], [], []
        for _ in range(0 if args.frames_only else args.runs):
            floors.append(first_paint("-"))
            stored.append(first_paint(str(pkg)))
            if args.before:
                before.append(first_paint(str(pkg), Path(args.before)))
        for _ in range(0 if args.frames_only else max(1, args.runs // 3)):
            fallback.append(first_paint(str(bare)))
        floor = statistics.median(floors) if floors else 0.0
        cases = [("stored derived geometry", stored), ("no derived rows", fallback)]
        if args.before:
            cases.append(("before (--before code)", before))
        for name, runs in cases if not args.frames_only else []:
            med = statistics.median(runs)
            row = {
                "first_paint": name,
                "median_ms": round(med),
                "runs_ms": [round(x) for x in runs],
                "floor_bare_view_ms": round(floor),
                "ratio": round(med / floor, 1),
            }
            print(json.dumps(row), flush=True)
        trees = [("now", ROOT)] + ([("before", Path(args.before))] if args.before else [])
        for _ in range(args.rounds):  # alternated, so load drift falls on both trees
            for label, code in trees:
                for row in child_frames(str(pkg), code):
                    print(json.dumps({"code": label, **row}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
