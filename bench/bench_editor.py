"""Editor speed on a big story: 1,000 chapters and 5,000 images (bench_package's builder).

In one process, offscreen, each figure beside a floor measured in the same run:

- open: ``open_package`` + ``EditorWindow`` + first paint, against the bare
  ``story.reading`` calls the first screen needs (open, story_info,
  list_chapters, get_chapter(1)).
- edits, each as a person makes it and until the window has repainted:
  rename (type in the title field, Return), reorder (move chapter 900 to 10),
  caption (type in the caption field, Return), undo and redo of each, against
  the bare ``story.editing`` call that commits the same change.

    .venv/bin/python bench/bench_editor.py [--chapters 1000] [--images 5000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from story.editing import media as media_edits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


COLD = r"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
if sys.argv[1] == "editor":
    from story.package.file import open_package
    from ui.editor.window import EditorWindow
    from ui.theme import load_fonts
    load_fonts()
    w = EditorWindow(open_package(sys.argv[2], readonly=False), sync=True)
else:
    from PySide6.QtWidgets import QLabel, QMainWindow
    w = QMainWindow(); w.setCentralWidget(QLabel("Storyport"))
w.resize(1440, 900); w.show(); app.processEvents(); w.grab()
"""


def cold(kind: str, path: Path) -> float:
    """A fresh process from start to first paint (interpreter, imports, Qt, the window)."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", COLD, kind, str(path)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return time.perf_counter() - t0


def ms(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s) * 1000, s[min(len(s) - 1, int(len(s) * 0.95))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chapters", type=int, default=1000)
    ap.add_argument("--images", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()

    from bench_package import build  # the format work's builder: one ORM batch per 100 chapters

    tmp = Path(tempfile.mkdtemp(prefix="storyport-bench-editor-"))
    os.environ["STORYPORT_HOME"] = str(tmp / "home")
    path = tmp / "big.storypkg"
    built = build(path, args.chapters, args.images)
    print(
        f"built {args.chapters} chapters, {args.images} images in {built:.1f} s "
        f"({path.stat().st_size / 1e6:.0f} MB)"
    )

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from story.editing import chapters as editing
    from story.package.file import open_package
    from story.reading import get_chapter, list_chapters, story_info
    from ui.editor import undo
    from ui.editor.window import EditorWindow
    from ui.theme import load_fonts

    app = QApplication(sys.argv[:1])
    load_fonts()
    rows: list[tuple[str, tuple[float, float], tuple[float, float]]] = []

    def paint(win: EditorWindow) -> None:
        app.processEvents()
        win.grab()  # the window as a person would see it, fully painted

    # -- open ---------------------------------------------------------------------------
    floor_open, editor_open = [], []
    for _ in range(5):
        t0 = time.perf_counter()
        pkg = open_package(path, readonly=False)
        story_info(pkg)
        list_chapters(pkg)
        get_chapter(pkg, 1)
        floor_open.append(time.perf_counter() - t0)
        pkg.close()
        t0 = time.perf_counter()
        win = EditorWindow(open_package(path, readonly=False), sync=True)
        win.resize(1440, 900)
        win.show()
        paint(win)
        editor_open.append(time.perf_counter() - t0)
        win.close()
        app.processEvents()
    rows.append(("open (to first paint)", ms(editor_open), ms(floor_open)))
    cold_editor, cold_bare = [], []
    for _ in range(3):
        cold_bare.append(cold("bare", path))
        cold_editor.append(cold("editor", path))
    rows.append(("cold start to paint", ms(cold_editor), ms(cold_bare)))

    win = EditorWindow(open_package(path, readonly=False), sync=True)
    win.resize(1440, 900)
    win.show()
    paint(win)
    doc = win.doc
    assert doc is not None and win.chapters is not None
    t0 = time.perf_counter()
    while win.checks_panel.busy:
        app.processEvents()
        time.sleep(0.005)
    checks_s = time.perf_counter() - t0
    win.chapters.select_row(499)
    paint(win)
    cid = win.chapters.current_id()
    assert cid is not None

    def settle() -> None:  # what the event loop does after an input: handle it, repaint
        app.processEvents()
        app.processEvents()

    n = iter(range(10**6))

    def measure(name: str, do: Callable[[], object], floor: Callable[[], float]) -> None:
        """``do`` as a person does it, then Ctrl+Z and Ctrl+Shift+Z, each until repainted."""
        t_do: list[float] = []
        t_undo: list[float] = []
        t_redo: list[float] = []
        for _ in range(args.rounds):
            for fn, out in ((do, t_do), (doc.stack.undo, t_undo), (doc.stack.redo, t_redo)):
                t0 = time.perf_counter()
                fn()
                settle()
                out.append(time.perf_counter() - t0)
        f = [floor() for _ in range(args.rounds)]  # each floor returns its own time
        rows.append((name, ms(t_do), ms(f)))
        rows.append(("  undo", ms(t_undo), ms(f)))
        rows.append(("  redo", ms(t_redo), ms(f)))

    def type_in(field: QWidget) -> None:
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(field, f"T{next(n)}")
        QTest.keyClick(field, Qt.Key.Key_Return)

    def clock(fn: Callable[[], object]) -> Callable[[], float]:
        def run() -> float:
            t0 = time.perf_counter()
            fn()
            return time.perf_counter() - t0

        return run

    measure(
        "rename (type, Return)",
        lambda: type_in(win.editor.title),
        clock(lambda: editing.set_chapter_text(doc.pkg, cid, title=f"F{next(n)}")),
    )
    win.editor.title.clearFocus()

    moving = editing.chapter_id_at(doc.pkg, 900)
    there = [False]

    def floor_move() -> float:
        there[0] = not there[0]
        return clock(lambda: editing.move_chapter(doc.pkg, moving, 10 if there[0] else 900))()

    def move() -> None:
        at = editing.chapter_index(doc.pkg, moving)
        undo.move_chapter(doc, moving, 10 if at != 10 else 900)

    measure("reorder (900 <-> 10)", move, floor_move)
    undo.move_chapter(doc, moving, 900)
    win.chapters.model.reload()  # the bare moves above told no view
    settle()

    media_id = media_edits.chapter_media_ids(doc.pkg, cid)[0]
    win.show_media(media_id)
    settle()
    measure(
        "caption (type, Return)",
        lambda: type_in(win.media.details.edits["caption"]),
        clock(lambda: media_edits.set_media_text(doc.pkg, media_id, caption=f"F{next(n)}")),
    )
    win.show_tab(1)
    settle()

    def floor_add() -> float:  # one bare insert at 500 (the clean-up is not timed)
        t0 = time.perf_counter()
        new = editing.restore_chapter(doc.pkg, editing.ChapterSnapshot(None, "x"), 500)
        took = time.perf_counter() - t0
        editing.remove_chapter(doc.pkg, new)
        return took

    def floor_delete() -> float:  # one bare delete at 500 (the set-up is not timed)
        new = editing.restore_chapter(doc.pkg, editing.ChapterSnapshot(None, "x"), 500)
        return clock(lambda: editing.remove_chapter(doc.pkg, new))()

    measure("add chapter", win.chapters.add, floor_add)
    measure("delete chapter", win.chapters.delete, floor_delete)
    win.close()

    print(f"\nchecks (validation, background) on open: {checks_s * 1000:.0f} ms\n")
    print(f"{'action':<24} {'editor p50':>10} {'p95':>8} {'floor p50':>10} {'ratio':>7}")
    for name, (p50, p95), (f50, _f95) in rows:
        print(f"{name:<24} {p50:>8.1f}ms {p95:>6.1f}ms {f50:>8.2f}ms {p50 / max(f50, 1e-6):>6.1f}x")


if __name__ == "__main__":
    main()
