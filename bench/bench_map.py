"""Map speed: first paint and frame times while panning and zooming; memory on a huge picture map.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_map.py [--quick] [--screenshots]

Three maps: the bundled Khorgos region; a synthetic map of 50,000 features
and 1,000 markers; and a 20,000 × 15,000 picture map (generated here, in a
child process, not committed). A frame is one full repaint of a 1280×800
viewport (``QWidget.grab``) after moving the camera. The floor is the same
grab of an empty QGraphicsView, measured in the same run. ``--screenshots``
also writes docs/screenshots/map-region.png and map-plan.png.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QPointF  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView  # noqa: E402

W, H = 1280, 800
BUDGET_MS = 16.7


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]


def floor_ms(app: QApplication, n: int = 40) -> float:
    v = QGraphicsView(QGraphicsScene())
    v.resize(W, H)
    v.show()
    QTest.qWaitForWindowExposed(v)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        v.viewport().grab()
        times.append((time.perf_counter() - t) * 1000)
    v.close()
    return statistics.median(times)


def open_view(pkg):  # type: ignore[no-untyped-def]
    from ui.map.view import StoryMapView

    t = time.perf_counter()
    v = StoryMapView()
    v.resize(W, H)
    v.set_story_maps(pkg)
    v.show()
    QTest.qWaitForWindowExposed(v)
    v.grab()
    return v, (time.perf_counter() - t) * 1000


def frames(v, n: int, zoom: bool) -> list[float]:  # type: ignore[no-untyped-def]
    """Frame times (ms) for ``n`` camera moves: a pan across, or a zoom in and out."""
    cam = v.camera
    c0, s0 = QPointF(cam.center), cam.scale
    out = []
    for i in range(n):
        if zoom:
            f = 2 ** (3 * (0.5 - abs(i / n - 0.5)))  # in to 2.8x and back out
            cam.apply(c0, s0 * f)
        else:
            cam.apply(QPointF(c0.x() + (i - n / 2) * 12 / s0, c0.y() + (i % 7) / s0), s0)
        t = time.perf_counter()
        v.viewport().grab()
        out.append((time.perf_counter() - t) * 1000)
    cam.apply(c0, s0)
    return out


def report(name: str, first: float, pan: list[float], zoom: list[float], floor: float) -> dict:
    row = {
        "map": name,
        "first_paint_ms": round(first, 1),
        "pan_p50": round(pct(pan, 50), 1),
        "pan_p95": round(pct(pan, 95), 1),
        "zoom_p50": round(pct(zoom, 50), 1),
        "zoom_p95": round(pct(zoom, 95), 1),
        "floor_ms": round(floor, 2),
    }
    print(json.dumps(row))
    return row


def synthetic_package(path: Path, features: int, markers: int) -> None:
    """A package whose basemap has ``features`` features and ``markers`` chapter places."""
    from story.editing.maps import add_map
    from story.editing.story import StoryFields, set_story
    from story.package.file import create_package
    from story.package.schema import ChapterRow, PlaceRow

    rnd = random.Random(5)
    box = (70.0, 40.0, 90.0, 50.0)
    feats = [
        {
            "type": "Feature",
            "properties": {"layer": "country", "name": n, "iso_a2": c},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[x0, 40], [x1, 40], [x1, 50], [x0, 50], [x0, 40]]],
            },
        }
        for n, c, x0, x1 in (("Westland", "KZ", 70, 80), ("Eastland", "CN", 80, 90))
    ]
    while len(feats) < features:
        lon, lat = rnd.uniform(box[0], box[2]), rnd.uniform(box[1], box[3])
        k = rnd.random()
        if k < 0.45:  # a river of 12 vertices
            pts = [[lon, lat]]
            for _ in range(11):
                lon += rnd.uniform(-0.02, 0.04)
                lat += rnd.uniform(-0.02, 0.02)
                pts.append([min(box[2], lon), max(box[1], min(box[3], lat))])
            feats.append(
                {
                    "type": "Feature",
                    "properties": {"layer": "river", "rank": rnd.randint(5, 10)},
                    "geometry": {"type": "LineString", "coordinates": pts},
                }
            )
        elif k < 0.8:  # a lake of 10 vertices
            r = rnd.uniform(0.005, 0.03)
            ring = [
                [
                    lon + r * 1.4 * __import__("math").cos(a / 10 * 6.283),
                    lat + r * __import__("math").sin(a / 10 * 6.283),
                ]
                for a in range(10)
            ]
            ring.append(ring[0])
            feats.append(
                {
                    "type": "Feature",
                    "properties": {"layer": "lake", "rank": 10},
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
            )
        else:
            feats.append(
                {
                    "type": "Feature",
                    "properties": {
                        "layer": "place",
                        "name": f"Town {len(feats)}",
                        "rank": rnd.randint(3, 10),
                    },
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                }
            )
    data = json.dumps({"type": "FeatureCollection", "features": feats}).encode()
    pkg = create_package(path)
    set_story(pkg, StoryFields(title="Synthetic"))
    mid = add_map(
        pkg, kind="geo", name="Synthetic", data=data, attribution="Synthetic data", extent=box
    )
    with pkg.session() as s:
        for i in range(markers):
            place = PlaceRow(
                name=f"P{i}", lat=rnd.uniform(41, 49), lon=rnd.uniform(71, 89), map_id=mid
            )
            s.add(ChapterRow(position=i, title=f"Chapter {i + 1}", place=place))
    pkg.close()


def make_big_picture(path: Path, w: int, h: int) -> None:
    """Child process: draw a w×h picture and store it as a picture map (tiles)."""
    from PIL import Image, ImageDraw

    from story.editing.chapters import add_chapter
    from story.editing.story import StoryFields, set_story
    from story.maps.picture import add_image_map
    from story.package.file import create_package

    img = Image.new("RGB", (w, h), (226, 208, 170))
    d = ImageDraw.Draw(img)
    for x in range(0, w, 500):
        d.line((x, 0, x, h), fill=(120, 110, 95), width=6)
    for y in range(0, h, 500):
        d.line((0, y, w, y), fill=(120, 110, 95), width=6)
    for i in range(400):
        x, y = (i * 7919) % w, (i * 104729) % h
        d.ellipse((x, y, x + 300, y + 200), fill=(140 + i % 80, 160, 120))
    pkg = create_package(path)
    set_story(pkg, StoryFields(title="Big picture"))
    t = time.perf_counter()
    mid = add_image_map(pkg, img, name="Scan")  # type: ignore[arg-type]
    print(json.dumps({"tiling_s": round(time.perf_counter() - t, 1)}), flush=True)
    add_chapter(pkg, "Here", place=("Here", h / 2, w / 2), map_id=mid)
    pkg.close()


def big_picture_memory(path: Path) -> dict:
    from story.package.file import open_package

    base = rss_mib()
    with open_package(path) as pkg:
        v, first = open_view(pkg)
        v.focus_chapter(1, animate=False)
        cam = v.camera
        cam.apply(cam.center, 1.0)  # full resolution: level-0 tiles
        start = rss_mib()
        peak, times = start, []
        c0 = QPointF(cam.center)
        for i in range(240):  # pan 240 frames × 40 px, then zoom out and back in
            if i < 160:
                cam.apply(QPointF(c0.x() + (i - 80) * 40, c0.y() + (i % 20) * 20), 1.0)
            else:
                cam.apply(c0, 2 ** -((i - 160) / 10))
            t = time.perf_counter()
            v.viewport().grab()
            while not v.page.tiles.fully_loaded():
                QApplication.processEvents()
                v.viewport().grab()
            times.append((time.perf_counter() - t) * 1000)
            peak = max(peak, rss_mib())
        row = {
            "map": "picture 20000x15000",
            "first_paint_ms": round(first, 1),
            "rss_before_view_mib": round(base, 1),
            "rss_after_first_paint_mib": round(start, 1),
            "rss_peak_panning_mib": round(peak, 1),
            "tile_cache_mib": round(v.page.tiles.cache.bytes_held() / 2**20, 1),
            "frame_p50_ms": round(pct(times, 50), 1),
            "frame_p95_ms": round(pct(times, 95), 1),
        }
        v.close()
    print(json.dumps(row))
    return row


def screenshots() -> None:
    from story.package.file import open_package
    from story.publish.bundled import ensure_bundled
    from story.reading import list_chapters, list_maps

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with open_package(ensure_bundled()) as pkg:
        v, _ = open_view(pkg)
        chapters = list_chapters(pkg)
        v.set_visited({c.index for c in chapters[:2]})
        v.set_current(chapters[2].index if len(chapters) > 2 else 1)
        v.fit_all()
        v.grab().save(str(out / "map-region.png"))
        maps = list_maps(pkg)
        if len(maps) > 1:
            v.show_map(1)
            on_plan = [c for c in chapters if c.place and c.place.map_id == maps[1].id]
            if on_plan:
                pos = v.marker_viewport_pos(on_plan[0].index)
                QTest.mouseMove(v.viewport(), pos + QPoint(30, 30))
                QTest.mouseMove(v.viewport(), pos)
            while not v.page.tiles.fully_loaded():
                QApplication.processEvents()
                v.viewport().grab()
            v.grab().save(str(out / "map-plan.png"))
        v.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller synthetic maps")
    ap.add_argument("--screenshots", action="store_true")
    ap.add_argument("--make-big", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.make_big:
        w, h = (5000, 3750) if args.quick else (20_000, 15_000)
        make_big_picture(Path(args.make_big), w, h)
        return 0
    app = QApplication.instance() or QApplication([])
    from ui.theme import load_fonts

    load_fonts()
    if args.screenshots:
        screenshots()
        return 0
    from story.errors import StoryError
    from story.package.file import open_package
    from story.publish.bundled import ensure_bundled

    floor = floor_ms(app)
    print(json.dumps({"floor_empty_view_grab_ms": round(floor, 2)}))
    with tempfile.TemporaryDirectory() as tmp:
        try:
            region, label = ensure_bundled(), "bundled region"
        except StoryError as exc:  # the bundled story is being rewritten: same basemap, by hand
            print(json.dumps({"bundled_unavailable": str(exc)[:120]}))
            from tests.ui.map_helpers import make_package

            region, label = Path(tmp) / "region.storypkg", "region basemap, 6 chapters"
            make_package(region)[0].close()
        with open_package(region) as pkg:
            v, first = open_view(pkg)
            v.fit_all()
            report(label, first, frames(v, 120, False), frames(v, 120, True), floor)
            v.close()
        syn = Path(tmp) / "synthetic.storypkg"
        n_feat, n_mark = (5_000, 100) if args.quick else (50_000, 1_000)
        t = time.perf_counter()
        synthetic_package(syn, n_feat, n_mark)
        print(json.dumps({"synthetic_build_s": round(time.perf_counter() - t, 1)}))
        with open_package(syn) as pkg:
            v, first = open_view(pkg)
            report(
                f"synthetic {n_feat} features, {n_mark} markers",
                first,
                frames(v, 120, False),
                frames(v, 120, True),
                floor,
            )
            v.camera.apply(v.camera.center, v.camera.scale * 8)
            report(
                "synthetic, zoomed in 8x", 0.0, frames(v, 120, False), frames(v, 120, True), floor
            )
            v.close()
        big = Path(tmp) / "big.storypkg"
        cmd = [sys.executable, __file__, "--make-big", str(big)] + (
            ["--quick"] if args.quick else []
        )
        subprocess.run(cmd, check=True)
        big_picture_memory(big)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
