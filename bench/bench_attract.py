"""The kiosk's attract loop: frames painted a second and the CPU it takes (docs/KIOSK.md).

Runs the loop on the bundled story (or PACKAGE) in an offscreen window of each
size for SECONDS after a one-second warm-up (the first photos decoded), with
4 s a slide so cross-fades are included, and prints frames a second (the loop
asks for 25) and the process's CPU time as a share of one core. Offscreen Qt
paints in software, as most kiosk PCs without a GPU driver would.

    .venv/bin/python bench/bench_attract.py [--package PKG] [--seconds S] [WxH ...]
                                            (default: 10 s at 1280x800 and 1920x1080)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", default=["1280x800", "1920x1080"])
    parser.add_argument("--package", help="default: the bundled story")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from story.package.file import open_package
    from ui.launching import make_app, parse_size
    from ui.reader.kiosk import Kiosk
    from ui.reader.kiosk_settings import KioskSettings
    from ui.reader.window import ReaderWindow

    app = make_app(True)
    if args.package:
        path = Path(args.package)
    else:
        from story.publish.bundled import ensure_bundled

        path = ensure_bundled()
    os.environ["STORYPORT_HOME"] = tempfile.mkdtemp(prefix="bench-attract-")  # after the build
    pkg = open_package(path)
    loop = QEventLoop()

    def run_for(seconds: float) -> None:
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()

    for size in args.sizes:
        w, h = parse_size(size)
        window = ReaderWindow(pkg)
        window.resize(w, h)
        window.show()
        kiosk = Kiosk(window, KioskSettings(photo_seconds=4.0), windowed=True)
        kiosk.start(attract=True)
        run_for(1.0)
        frames, cpu, wall = kiosk.attract.frames, time.process_time(), time.monotonic()
        run_for(args.seconds)
        wall = time.monotonic() - wall
        fps = (kiosk.attract.frames - frames) / wall
        share = (time.process_time() - cpu) / wall * 100
        print(f"{w}x{h}: {fps:.1f} frames/s, CPU {share:.0f}% of one core ({wall:.1f} s)")
        kiosk.leave()
        if window.view is not None:
            window.view.shutdown()
    pkg.close()
    app.processEvents()


if __name__ == "__main__":
    main()
