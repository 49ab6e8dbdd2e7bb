"""The reader at scale (issue 15): build, first paint at chapter 1, chapter turns, memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_reader_scale.py [N ...] [--runs 3]
        [--turns 150] [--big-photos 50]

Content: the TimelineJS peer benchmark's (``../shared/bench/timelinejs/gen.py``, through
``bench_build.write_source``): N chapters of ~120 words, each with one of 20 distinct
1600x1000 JPEGs. ``--big-photos N`` adds a run at N chapters whose 20 photos are 24 MP
(6000x4000) instead. For each package, against floors measured in the same run:

- **build**: ``build_package`` of the source folder (floor: none; ms per chapter shown).
- **first paint at chapter 1**: ``main.py read PKG --chapter 1 --screenshot PNG`` as a
  fresh process (a fresh ``STORYPORT_HOME``: no snapshot), against a bare PySide6 script
  that opens a 1280x800 window and saves the same grab; alternated, medians, ratio; wall
  clock and CPU time (user + system). ``--before DIR`` runs an older tree's reader in the
  same rounds (``git archive COMMIT | tar -x -C DIR``); ``--first-paint-only`` skips turns.
- **chapter turn**: in a fresh process, a 1280x800 reader window turns ``--turns``
  chapters forward from chapter 1 (``show_chapter``, then ``repaint`` and the event loop:
  what the eye sees), a 50 ms pause between turns as a reader's would leave for
  prefetching. Floor: a bare window whose turn sets an already decoded and scaled photo
  and the chapter's text in two QLabels and repaints, in the same process.
- **peak PSS** of that reader process (``/proc/self/smaps_rollup``, sampled every ten
  turns and at the end), and its VmHWM (peak RSS).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
BUDGET_MS = 16.7

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("Storyport")); w.resize(1280, 800); w.show()
app.processEvents()
w.grab().save(sys.argv[1], "PNG", 80)
"""


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]


def pss_mib() -> float:
    with open("/proc/self/smaps_rollup") as fh:
        for line in fh:
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    return 0.0


def hwm_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def big_photos(folder: Path, count: int = 20) -> None:
    """``count`` 24 MP JPEGs named as gen.py names its photos (photo-like noise)."""
    from PIL import Image, ImageDraw, ImageFilter

    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        rng = random.Random(200 + k)
        small = Image.effect_noise((1500, 1000), 40 + k).convert("RGB")
        d = ImageDraw.Draw(small)
        for _ in range(30):
            x, y = rng.randrange(1500), rng.randrange(1000)
            r = rng.randrange(20, 200)
            d.ellipse((x, y, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
        img = small.resize((6000, 4000), Image.Resampling.BILINEAR)
        img = img.filter(ImageFilter.GaussianBlur(1))
        img.save(folder / f"img_{k:02d}.jpg", "JPEG", quality=88)


def build(n: int, work: Path, photos: Path) -> tuple[Path, float]:
    from bench_build import _gen, write_source

    from story.publish.build import build_package

    src = work / f"src_{n}_{photos.name}"
    write_source(_gen(), src, n)
    out = work / f"reader_{n}_{photos.name}.storypkg"
    t = time.perf_counter()
    build_package(src, out, media_roots=[photos])
    return out, time.perf_counter() - t


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_paint(pkg: Path, runs: int, home: Path, before: Path | None = None) -> dict:
    """Wall and CPU time (user + system: steadier than the wall clock on a shared machine)
    of the reader at chapter 1 and of the bare window, alternated; ``before``: an older
    tree's reader too, in the same rounds."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    shot = str(home / "s.png")
    bare_py = home / "bare.py"
    bare_py.write_text(BARE)
    py = sys.executable

    def timed(cmd: list[str], fresh: bool, cwd: Path = ROOT) -> tuple[float, float]:
        e = dict(env, STORYPORT_HOME=tempfile.mkdtemp(dir=home)) if fresh else env
        c, t = _children_cpu(), time.perf_counter()
        subprocess.run(cmd, check=True, env=e, cwd=cwd, capture_output=True, timeout=300)
        return (time.perf_counter() - t) * 1000, (_children_cpu() - c) * 1000

    reader = [py, "main.py", "read", str(pkg), "--chapter", "1", "--screenshot", shot]
    bare = [py, str(bare_py), shot]
    timed(reader, True), timed(bare, False)  # warm the file cache
    if before is not None:
        timed(reader, True, before)
    r, b, o = [], [], []
    for _ in range(runs):
        r.append(timed(reader, True))
        b.append(timed(bare, False))
        if before is not None:
            o.append(timed(reader, True, before))
    med = {k: statistics.median(v) for k, v in {
        "r": [x[0] for x in r], "rc": [x[1] for x in r],
        "b": [x[0] for x in b], "bc": [x[1] for x in b],
    }.items()}  # fmt: skip
    out = {
        "first_paint_ch1_ms": round(med["r"]),
        "bare_window_ms": round(med["b"]),
        "ratio": round(med["r"] / med["b"], 2),
        "cpu_ms": round(med["rc"]),
        "bare_cpu_ms": round(med["bc"]),
        "cpu_ratio": round(med["rc"] / med["bc"], 2),
    }
    if o:
        ow, oc = statistics.median(x[0] for x in o), statistics.median(x[1] for x in o)
        out.update(
            before_ms=round(ow),
            before_ratio=round(ow / med["b"], 2),
            before_cpu_ms=round(oc),
            before_cpu_ratio=round(oc / med["bc"], 2),
        )
    return out


def child_turns(pkg_path: str, turns: int) -> None:
    """In a fresh process: turn chapters in a reader window, then the floor; print JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

    from story.package.file import open_package
    from story.reading import get_chapter, rendition
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    app = QApplication.instance() or QApplication([])
    load_fonts()
    pkg = open_package(Path(pkg_path))
    window = ReaderWindow(pkg)
    window.resize(1280, 800)
    view = window.view
    assert view is not None
    window.show()
    app.processEvents()
    view.show_chapter(1)
    window.repaint()
    app.processEvents()
    count = min(turns, len(view.chapters) - 1)
    times, peak = [], pss_mib()
    for i in range(2, count + 2):
        t = time.perf_counter()
        view.show_chapter(i)
        window.repaint()
        app.processEvents()
        times.append((time.perf_counter() - t) * 1000)
        end = time.perf_counter() + 0.05
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)
        if i % 10 == 0:
            peak = max(peak, pss_mib())
    peak = max(peak, pss_mib())
    hwm = hwm_mib()
    window.close()
    # floor: the same turns in a bare window: a decoded, scaled photo and the text set
    bare = QWidget()
    bare.resize(1280, 800)
    row = QHBoxLayout(bare)
    pic, txt = QLabel(), QLabel()
    txt.setWordWrap(True)
    row.addWidget(pic, 3)
    row.addWidget(txt, 2)
    bare.show()
    app.processEvents()
    ready = []
    for i in range(2, min(count, 40) + 2):
        ch = get_chapter(pkg, i)
        img = QImage()
        found = rendition(pkg, ch.images[0].id, "display") if ch.images else None
        if found is not None:
            img.loadFromData(found[1])
        pix = QPixmap.fromImage(
            img.scaled(760, 760, Qt.AspectRatioMode.KeepAspectRatio)
            if not img.isNull()
            else QImage(760, 475, QImage.Format.Format_RGB32)
        )
        ready.append((pix, ch.body_md))
    floor = []
    for _ in range(max(1, count // len(ready))):
        for pix, text in ready:
            t = time.perf_counter()
            pic.setPixmap(pix)
            txt.setText(text)
            bare.repaint()
            app.processEvents()
            floor.append((time.perf_counter() - t) * 1000)
    print(
        json.dumps(
            {
                "turns": len(times),
                "turn_p50_ms": round(pct(times, 50), 1),
                "turn_p95_ms": round(pct(times, 95), 1),
                "turn_max_ms": round(max(times), 1),
                "floor_p50_ms": round(pct(floor, 50), 2),
                "floor_p95_ms": round(pct(floor, 95), 2),
                "p95_ratio": round(pct(times, 95) / max(0.01, pct(floor, 95)), 1),
                "p95_vs_frame": round(pct(times, 95) / BUDGET_MS, 2),
                "peak_pss_mib": round(peak, 1),
                "vm_hwm_mib": round(hwm, 1),
            }
        )
    )
    pkg.close()


def turns(pkg: Path, n: int, home: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STORYPORT_HOME=tempfile.mkdtemp(dir=home))
    out = subprocess.run(
        [sys.executable, __file__, "--child-turns", str(pkg), "--turns", str(n)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[50, 300, 1000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--turns", type=int, default=150)
    ap.add_argument("--big-photos", type=int, default=50, help="N for the 24 MP run (0: none)")
    ap.add_argument("--big-only", action="store_true", help="only the 24 MP run")
    ap.add_argument("--before", type=Path, help="an older tree (git archive): its reader too")
    ap.add_argument("--first-paint-only", action="store_true", help="no turns")
    ap.add_argument("--child-turns", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_turns:
        child_turns(args.child_turns, args.turns)
        return 0
    from bench_build import _gen

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        photos = work / "img"
        if not args.big_only:
            _gen().images(str(photos))
        runs = [] if args.big_only else [(n, photos) for n in args.sizes]
        if args.big_photos:
            big = work / "img24mp"
            big_photos(big)
            runs.append((args.big_photos, big))
        for n, folder in runs:
            pkg, secs = build(n, work, folder)
            row: dict = {
                "N": n,
                "photos": "24 MP" if folder.name == "img24mp" else "1600x1000",
                "build_s": round(secs, 2),
                "build_ms_per_chapter": round(secs / n * 1000, 1),
                "package_mb": round(pkg.stat().st_size / 1e6, 1),
            }
            print(json.dumps(row), flush=True)
            row.update(first_paint(pkg, args.runs, work, args.before))
            print(json.dumps(row), flush=True)
            if args.first_paint_only:
                continue
            row.update(turns(pkg, args.turns, work))
            print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
