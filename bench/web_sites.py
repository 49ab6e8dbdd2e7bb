"""The two sites the web benchmark serves side by side, made from the same generated content.

``bench/bench_web.py`` measures Storyport's web edition against TimelineJS 3.9.11; both
must show the same story, so both come from the peer benchmark's generator
(``../shared/bench/timelinejs/gen.py``: N events of ~120 words, dated, each with one of
20 distinct 1600x1000 JPEGs). One folder, served by one local HTTP server:

    www/page.html, www/data/tl_N.json, www/img/img_XX.jpg   the peer's page and data, unchanged
    www/tl/                                                 TimelineJS's dist/ (npm, cached)
    www/sp_N/                                               ``main.py publish`` of the package

The Storyport package is built from a source folder written exactly as
``bench/bench_build.py`` writes it (same texts, titles, dates, captions, photos).
TimelineJS comes from the npm registry into ``bench/.cache/npm`` (gitignored) the
first time, with ``npm install``, as the peer's run.sh does.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
PEER = ROOT.parent / "shared" / "bench" / "timelinejs"
CACHE = ROOT / "bench" / ".cache"
TLJS_VERSION = "3.9.11"
#: characters of a chapter's body that identify it on screen (the table of contents
#: shows titles, never body text, so a body snippet is only visible in its chapter)
SNIPPET = 48


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, f"no module at {path}"
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def peer_gen() -> ModuleType:
    return _load("tljs_gen", PEER / "gen.py")


def timelinejs_dist() -> Path:
    """TimelineJS's ``dist/`` folder, installed from npm into the cache on first use."""
    npm_dir = CACHE / "npm"
    pkg = npm_dir / "node_modules" / "@knight-lab" / "timelinejs"
    if not (pkg / "dist" / "js" / "timeline.js").is_file():
        npm_dir.mkdir(parents=True, exist_ok=True)
        if not (npm_dir / "package.json").exists():
            (npm_dir / "package.json").write_text('{"private": true}\n')
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("npm is missing: it fetches @knight-lab/timelinejs (apt-get install npm)")
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--no-save",
             f"@knight-lab/timelinejs@{TLJS_VERSION}"],
            cwd=npm_dir, check=True, timeout=300,
        )  # fmt: skip
    return pkg / "dist"


@dataclass
class Chapter:
    title: str
    snippet: str  # the first words of its body, as the page shows them


@dataclass
class StorySite:
    n: int
    path: str  # site-relative URL of the published index.html
    chapters: list[Chapter]
    package_bytes: int
    build_s: float
    publish_s: float
    site_bytes: int
    site_files: int


def chapters_of(gen: ModuleType, n: int) -> list[Chapter]:
    out = []
    for ev in gen.timeline(n)["events"]:
        body = html.unescape(re.sub(r"</?p>", "", ev["text"]["text"]))
        out.append(Chapter(ev["text"]["headline"], body[:SNIPPET]))
    return out


def make_timelinejs(www: Path, ns: list[int]) -> None:
    """The peer's page, data and photos, and TimelineJS itself, under ``www``."""
    gen = peer_gen()
    (www / "data").mkdir(parents=True, exist_ok=True)
    for n in ns:
        (www / "data" / f"tl_{n}.json").write_text(json.dumps(gen.timeline(n)))
    gen.images(str(www / "img"))
    shutil.copyfile(PEER / "page.html", www / "page.html")
    link = www / "tl"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(timelinejs_dist(), target_is_directory=True)


FLOOR = """<!doctype html><meta charset="utf-8"><title>switch floor</title>
<body><h1 id="t"></h1><p id="b"></p><script>
const C = %s; let k = 0;
const show = () => { t.textContent = C[k][0]; b.textContent = C[k][1]; };
show();
addEventListener("keydown", (e) => {
  if (e.key === "ArrowRight" && k < C.length - 1) { k++; show(); } });
</script>
"""


def make_floor(www: Path, n: int, count: int) -> list[Chapter]:
    """``floor.html``: the first ``count`` chapters in one page, the next one shown
    synchronously on the Right arrow (no routing, no loading, no styles): what the browser
    and the machine allow a switch to cost in this run."""
    gen = peer_gen()
    texts = []
    for ev in gen.timeline(n)["events"][:count]:
        texts.append(
            [ev["text"]["headline"], html.unescape(re.sub(r"</?p>", "", ev["text"]["text"]))]
        )
    (www / "floor.html").write_text(FLOOR % json.dumps(texts).replace("</", "<\\/"), "utf-8")
    return chapters_of(gen, n)[:count]


def _folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def make_storyport(www: Path, n: int, python: str = sys.executable) -> StorySite:
    """Build the package of ``n`` chapters and publish it with ``main.py publish``."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_build import write_source  # the source folder bench_build.py measures

    from story.publish.build import build_package

    gen = peer_gen()
    work = www.parent / "packages"
    src, pkg = work / f"src_{n}", work / f"story_{n}.storypkg"
    if src.exists():
        shutil.rmtree(src)
    pkg.unlink(missing_ok=True)
    write_source(gen, src, n)
    t0 = time.perf_counter()
    build_package(src, pkg, media_roots=[www / "img"])
    build_s = time.perf_counter() - t0
    site = www / f"sp_{n}"
    if site.exists():
        shutil.rmtree(site)
    t0 = time.perf_counter()
    done = subprocess.run(
        [python, str(ROOT / "main.py"), "publish", str(pkg), str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=570,
    )  # fmt: skip
    publish_s = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"publish of N={n} failed ({done.returncode}): {done.stderr.strip()}")
    size, files = _folder_size(site)
    return StorySite(
        n=n,
        path=f"/sp_{n}/index.html",
        chapters=chapters_of(gen, n),
        package_bytes=pkg.stat().st_size,
        build_s=build_s,
        publish_s=publish_s,
        site_bytes=size,
        site_files=files,
    )
