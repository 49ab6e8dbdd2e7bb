"""Package open and size: 1,000 chapters and 5,000 small images.

Builds the package once (through the ORM in one transaction per 100
chapters, a batch path beside the one-edit-per-transaction write API), then
measures in fresh processes, each against a floor measured in the same run:

- open: ``open_package`` (header, schema and row checks, quick_check) vs a
  bare ``sqlite3.connect`` + ``PRAGMA user_version`` + a first query (which
  parses the schema);
- list: ``list_chapters`` vs a bare SELECT of the same columns and places;
- get: ``get_chapter(500)`` with its media vs bare SELECTs of the same rows;
- peak memory (ru_maxrss) of each process after imports.

    .venv/bin/python bench/bench_package.py [--chapters 1000] [--images 5000]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEAT = 7

STORYPORT = r"""
import json, resource, statistics, sys, time
from story.package import file as package
from story.package.file import open_package
from story.reading import get_chapter, list_chapters
path, checks = sys.argv[1], sys.argv[2]
if checks == "no-quick-check":
    package.OPEN_QUICK_CHECK_MAX_BYTES = 0
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t_open, t_list, t_get = [], [], []
for _ in range(int(sys.argv[3])):
    t0 = time.perf_counter(); pkg = open_package(path); t1 = time.perf_counter()
    chapters = list_chapters(pkg); t2 = time.perf_counter()
    ch = get_chapter(pkg, 500); t3 = time.perf_counter()
    pkg.close()
    t_open.append(t1 - t0); t_list.append(t2 - t1); t_get.append(t3 - t2)
assert len(chapters) >= 500 and ch.index == 500
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"open": statistics.median(t_open), "list": statistics.median(t_list),
                  "get": statistics.median(t_get), "peak_kb": peak - base}))
"""

FLOOR = r"""
import json, resource, sqlite3, statistics, sys, time
from story.package.file import open_package  # same imports, so memory compares like with like
path = sys.argv[1]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t_open, t_list, t_get = [], [], []
for _ in range(int(sys.argv[3])):
    t0 = time.perf_counter()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.execute("PRAGMA user_version").fetchone()
    conn.execute("SELECT count(*) FROM chapters").fetchone()  # parses the schema
    t1 = time.perf_counter()
    rows = conn.execute(
        "SELECT c.id, c.title, c.summary, p.name, p.lat, p.lon, p.map_id FROM chapters c "
        "LEFT JOIN places p ON p.id = c.place_id ORDER BY c.position").fetchall()
    t2 = time.perf_counter()
    ch = conn.execute(
        "SELECT c.id, c.title, c.summary, c.body_md, p.name, p.lat, p.lon FROM chapters c "
        "LEFT JOIN places p ON p.id = c.place_id ORDER BY c.position LIMIT 1 OFFSET 499"
    ).fetchone()
    media = conn.execute(
        "SELECT m.id, m.kind, m.mime, m.bytes, m.width, m.height, m.duration_s, m.caption, "
        "m.credit, m.alt, m.licence, m.transcript, m.original_name, m.removed_metadata_json "
        "FROM chapter_media l JOIN media m ON m.id = l.media_id WHERE l.chapter_id = ? "
        "ORDER BY l.position", (ch[0],)).fetchall()
    t3 = time.perf_counter()
    conn.close()
    t_open.append(t1 - t0); t_list.append(t2 - t1); t_get.append(t3 - t2)
assert len(rows) >= 500 and media
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"open": statistics.median(t_open), "list": statistics.median(t_list),
                  "get": statistics.median(t_get), "peak_kb": peak - base}))
"""


def build(path: Path, chapters: int, images: int) -> float:
    from PIL import Image

    from story.editing.maps import add_map
    from story.editing.story import StoryFields, set_story
    from story.package.file import create_package
    from story.package.schema import ChapterMediaRow, ChapterRow, MediaRow, PlaceRow, RenditionRow

    t0 = time.perf_counter()
    per = images // chapters
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Bench"))
        map_id = add_map(pkg, kind="geo", name="Map", data=b"{}", extent=(-180, -90, 180, 90))
        n = 0
        for first in range(0, chapters, 100):
            with pkg.session() as s:
                for c in range(first, min(first + 100, chapters)):
                    row = ChapterRow(
                        position=c,
                        title=f"Chapter {c + 1}",
                        summary="A summary.",
                        body_md="Lorem ipsum dolor sit amet. " * 70,
                        place=PlaceRow(
                            name=f"Place {c}", lat=40 + c / 100, lon=70 + c / 100, map_id=map_id
                        ),
                    )
                    s.add(row)
                    s.flush()
                    for k in range(per):
                        buf = io.BytesIO()
                        Image.new("RGB", (64, 48), (n % 256, n // 256 % 256, 7)).save(buf, "PNG")
                        data = buf.getvalue()
                        mid = hashlib.sha256(data).hexdigest()
                        s.add(
                            MediaRow(
                                id=mid,
                                kind="image",
                                mime="image/png",
                                size=len(data),
                                width=64,
                                height=48,
                                alt="x",
                                credit="y",
                                data=data,
                            )
                        )
                        s.add(RenditionRow(media_id=mid, name="thumb", mime="image/png", data=data))
                        s.add(ChapterMediaRow(chapter_id=row.id, position=k, media_id=mid))
                        n += 1
        pkg.checkpoint()
    return time.perf_counter() - t0


def measure(script: str, path: Path, mode: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", script, str(path), mode, str(REPEAT)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chapters", type=int, default=1000)
    ap.add_argument("--images", type=int, default=5000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.storypkg"
        built = build(path, args.chapters, args.images)
        size = path.stat().st_size
        print(
            f"package: {args.chapters} chapters, {args.images} images, "
            f"{size / 1e6:.1f} MB, built in {built:.1f} s"
        )
        floor = measure(FLOOR, path, "floor")
        full = measure(STORYPORT, path, "full")
        lean = measure(STORYPORT, path, "no-quick-check")
        print(f"{'':28}{'storyport':>12}{'floor':>12}{'ratio':>8}")
        for label, res in (("open (with quick_check)", full), ("open (no quick_check)", lean)):
            print(
                f"{label:28}{res['open'] * 1e3:>10.1f}ms{floor['open'] * 1e3:>10.2f}ms"
                f"{res['open'] / floor['open']:>8.0f}"
            )
        for key, label in (("list", "list 1,000 chapters"), ("get", "get chapter 500 + media")):
            print(
                f"{label:28}{full[key] * 1e3:>10.1f}ms{floor[key] * 1e3:>10.2f}ms"
                f"{full[key] / floor[key]:>8.1f}"
            )
        print(
            f"{'peak memory growth':28}{full['peak_kb'] / 1024:>10.1f}MB"
            f"{floor['peak_kb'] / 1024:>10.1f}MB"
        )


if __name__ == "__main__":
    main()
