"""Media import benchmarks: each figure is a ratio against a floor measured in the same run.

- photo: a generated 24 MP JPEG -> master + display + thumbnail, against Pillow's bare
  draft-mode decode + resize + encode of the same two renditions (the least any
  importer must do); also the same photo lying on its side (EXIF orientation 6), which
  needs a full decode and a re-encoded master.
- audio: a generated 10-minute WAV (``--long``: also 60 minutes) -> analysis + AAC
  delivery + peaks, against one plain ``ffmpeg`` AAC transcode of the same file; the
  import runs in a child process so its peak memory (ru_maxrss) is its own.

Run: ``.venv/bin/python bench/bench_media.py [--long]``. Big media go to a temp dir.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from media.importer import import_file  # noqa: E402
from media.photo_import import DISPLAY_MAX, THUMB_MAX, _fit_size  # noqa: E402


def best_of(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def make_photo(path: Path, orientation: int = 1) -> Path:
    """6000x4000 with texture (noise over gradients), EXIF with a GPS block like a phone's."""
    w, h = 6000, 4000
    noise = Image.effect_noise((w // 4, h // 4), 40).resize((w, h), Image.Resampling.BILINEAR)
    grad = Image.linear_gradient("L").resize((w, h))
    img = Image.merge("RGB", (grad, noise, grad.rotate(90).resize((w, h))))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "Bench", "Camera 24", orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (43.0, 1.0, 2.0), 3: "E", 4: (80.0, 2.0, 3.0)})
    img.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


LANCZOS = Image.Resampling.LANCZOS


def photo_floor(path: Path) -> None:
    """The same resampling and encoder settings as the import, and nothing else."""
    with Image.open(path) as im:
        im.draft("RGB", _fit_size(im.size, DISPLAY_MAX))
        display = im.resize(_fit_size(im.size, DISPLAY_MAX), LANCZOS, reducing_gap=1.0)
    thumb = display.resize(_fit_size(display.size, THUMB_MAX), LANCZOS, reducing_gap=1.0)
    for img, q in ((display, 85), (thumb, 80)):
        img.save(io.BytesIO(), "JPEG", quality=q)


def bench_photo(tmp: Path, runs: int) -> list[str]:
    lines = []
    for orientation, label in ((1, "upright"), (6, "on its side (EXIF 6)")):
        path = make_photo(tmp / f"photo-{orientation}.jpg", orientation)
        floor = best_of(lambda p=path: photo_floor(p), runs)
        ours = best_of(lambda p=path: import_file(p), runs)
        size = path.stat().st_size / 1e6
        lines.append(
            f"photo 24 MP JPEG {label} ({size:.1f} MB): import {ours * 1000:.0f} ms, "
            f"floor {floor * 1000:.0f} ms, ratio {ours / floor:.2f}"
        )
        print(lines[-1], flush=True)
    return lines


def make_recording(path: Path, minutes: int, channels: int) -> Path:
    """Speech-like test audio: a wandering tone with noise and pauses, 44.1 kHz 16-bit."""
    seconds = minutes * 60
    graph = (
        f"sine=f=180:sample_rate=44100:duration={seconds}[a];"
        f"anoisesrc=a=0.08:r=44100:d={seconds}[b];"
        "[a][b]amix=inputs=2,volume='0.2+0.8*gt(sin(t*1.3),-0.2)':eval=frame[out]"
    )
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-filter_complex", graph, "-map", "[out]",
         "-ac", str(channels), "-c:a", "pcm_s16le", str(path)],
        check=True, timeout=1800,
    )  # fmt: skip
    return path


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from media.importer import import_file
t = time.perf_counter()
item = import_file({path!r})
took = time.perf_counter() - t
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child of a big
# parent would report the parent's size.
hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM:")]
own = int(hwm[0].split()[1]) / 1024 if hwm else 0.0
print(json.dumps({{"seconds": took, "rss_mb": own,
  "ffmpeg_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
  "duration": item.duration_s, "delivery_mb": len(item.renditions[0].data) / 1e6}}))
"""


def audio_floor(path: Path, tmp: Path) -> float:
    out = tmp / "floor.m4a"
    t = time.perf_counter()
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(path), "-c:a", "aac", "-b:a", "128k",
         str(out)],
        check=True, timeout=3600,
    )  # fmt: skip
    return time.perf_counter() - t


def bench_audio(tmp: Path, minutes: int, channels: int = 2) -> str:
    path = make_recording(tmp / f"rec-{minutes}.wav", minutes, channels)
    floor = audio_floor(path, tmp)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD.format(root=str(ROOT), path=str(path))],
        capture_output=True, text=True, check=True, timeout=7200,
    )  # fmt: skip
    r = json.loads(done.stdout.strip().splitlines()[-1])
    size = path.stat().st_size / 1e6
    line = (
        f"audio {minutes}-min WAV ({size:.0f} MB, {channels} ch): import {r['seconds']:.1f} s, "
        f"floor {floor:.1f} s, ratio {r['seconds'] / floor:.2f}; peak RSS python "
        f"{r['rss_mb']:.0f} MB, largest ffmpeg <= {r['ffmpeg_rss_mb']:.0f} MB; delivery "
        f"{r['delivery_mb']:.1f} MB"
    )
    print(line, flush=True)
    path.unlink()
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="also import a 60-minute WAV")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyport-bench-") as name:
        tmp = Path(name)
        bench_photo(tmp, args.runs)
        bench_audio(tmp, 10)
        if args.long:
            bench_audio(tmp, 60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
