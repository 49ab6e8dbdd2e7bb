"""``build`` time against the number of chapters (issue 15: linear in N).

The content is the TimelineJS peer benchmark's (``../shared/bench/timelinejs/gen.py``):
N chapters of ~120 words, each with one of 20 distinct 1600x1000 JPEGs, dated.
Each timeline is written out as a source folder (``story.toml`` + ``chapters/*.md``,
docs/FORMAT.md) and built with ``build_package`` in this process, once per N;
the per-chapter time at each N against the smallest N shows the linearity
(1.0 = linear; below 1: a fixed cost, here importing the 20 photos, spread over more
chapters), and the marginal time per chapter between successive N (constant = linear).

    .venv/bin/python bench/bench_build.py [N ...]     (default: 50 300 1000)
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GEN = ROOT.parent / "shared" / "bench" / "timelinejs" / "gen.py"


def _gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tljs_gen", GEN)
    assert spec is not None and spec.loader is not None, f"no generator at {GEN}"
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _toml(s: str) -> str:
    return json.dumps(s)  # a JSON string is a valid TOML basic string


def write_source(gen: ModuleType, folder: Path, n: int) -> None:
    """The timeline of ``n`` events as a source folder; images come from the media root."""
    tl = gen.timeline(n)
    chapters = folder / "chapters"
    chapters.mkdir(parents=True)
    (folder / "story.toml").write_text(
        f'title = {_toml(tl["title"]["text"]["headline"])}\nlanguage = "en"\n', "utf-8"
    )
    for i, ev in enumerate(tl["events"], start=1):
        d = ev["start_date"]
        body = html.unescape(re.sub(r"</?p>", "", ev["text"]["text"]))
        media = ev["media"]
        name = Path(media["url"]).name  # found under the media root
        (chapters / f"{i:05d}.md").write_text(
            "+++\n"
            f"title = {_toml(ev['text']['headline'])}\n"
            f'date = "{d["year"]:04d}-{d["month"]:02d}-{d["day"]:02d}"\n'
            f"[[media]]\nfile = {_toml(name)}\ncaption = {_toml(media['caption'])}\n"
            f"credit = {_toml(media['credit'])}\n"
            "+++\n\n" + body + "\n",
            "utf-8",
        )


def main() -> None:
    ns = [int(a) for a in sys.argv[1:]] or [50, 300, 1000]
    from story.publish.build import build_package

    gen = _gen()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        gen.images(str(work / "img"))
        rows = []
        for n in ns:
            src = work / f"src_{n}"
            write_source(gen, src, n)
            out = work / f"out_{n}.storypkg"
            t0 = time.perf_counter()
            build_package(src, out, media_roots=[work / "img"])
            secs = time.perf_counter() - t0
            rows.append((n, secs, out.stat().st_size))
        base = rows[0][1] / rows[0][0]
        print(
            f"{'N':>6} {'build s':>9} {'ms/chapter':>11} {'ratio':>6} {'marginal ms':>12} {'MB':>6}"
        )
        prev = (0, 0.0)
        for n, secs, size in rows:
            per = secs / n
            marginal = f"{(secs - prev[1]) / (n - prev[0]) * 1000:.2f}" if prev[0] else "-"
            print(
                f"{n:>6} {secs:>9.2f} {per * 1000:>11.2f} {per / base:>6.2f}"
                f" {marginal:>12} {size / 1e6:>6.1f}"
            )
            prev = (n, secs)


if __name__ == "__main__":
    main()
