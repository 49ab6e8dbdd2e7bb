"""The web edition against TimelineJS 3.9.11: same content, same chromium, same run (issue 11).

The content is the TimelineJS peer benchmark's (``../shared/bench/timelinejs/gen.py``): N
chapters of ~120 words, dated, each with one of 20 distinct 1600x1000 JPEGs. TimelineJS shows
it through the peer's own ``page.html``; Storyport builds a package from the same texts and
photos (as ``bench/bench_build.py`` does) and publishes it with ``main.py publish``. Both are
served by one local stdlib HTTP server and read by cold Debian chromiums launched with the
peer's flags, interleaved per repetition with the peer's blank page (the floor). What is
measured (bench/web_browser.py says how):

- navigation to first chapter painted: TimelineJS, the peer's "nav→1st frame" (the frame
  after ``loaded``: its title slide); Storyport, a deep link to chapter 1 and the first frame
  in which chapter 1's text is visible. Target: at most half of TimelineJS's, at every N.
- chapter switch, frame done, p50 / p95 of 30: TimelineJS, ``goToNext()`` from a plain task
  (the peer's); Storyport, the Right arrow key, until the first frame showing the next
  chapter's text has been rendered. Target: p95 at most 20 ms at every N.
- peak PSS summed over the browser's processes. Target: at most half of TimelineJS's.
- bytes received before the first chapter was painted. Target at N = 1,000: under 1 MB.

    .venv/bin/python bench/bench_web.py [--reps 3] [--only timelinejs|storyport] [N ...]

TimelineJS is fetched from npm into bench/.cache/npm on the first run; the generated sites
and ``results.json`` are left in bench/.cache/web (gitignored).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_browser import Run, Server, run_peer_page, run_storyport
from web_sites import CACHE, StorySite, make_floor, make_storyport, make_timelinejs

#: issue 11's targets
FIRST_RATIO, SWITCH_P95_MS, PSS_RATIO, BYTES_AT_1000 = 0.5, 20.0, 0.5, 1_000_000


def pct(xs: list[float], q: float) -> float:
    """The peer's percentile (nearest rank; p95 of 30 is the 2nd largest)."""
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def summary(runs: list[Run]) -> dict[str, float]:
    med = statistics.median
    out = {
        "first": med(r.marks["first_frame"] for r in runs),
        "pss": med(r.peak_pss_mb for r in runs),
        "rss": med(r.peak_rss_mb for r in runs),
        "bytes_first": med(r.bytes_first for r in runs),
        "bytes_first_max": max(r.bytes_first for r in runs),
        "bytes_all": med(r.bytes_all for r in runs),
    }
    if runs[0].switch_frame:
        for q, name in ((0.5, "p50"), (0.95, "p95")):
            out[f"switch_{name}"] = med(pct(r.switch_frame, q) for r in runs)
        out["worst"] = med(med(r.worst_frame) for r in runs)
    return out


def mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def table(raw: dict[str, list[Run]], ns: list[int]) -> str:
    s = {k: summary(v) for k, v in raw.items() if v}
    floor = s["blank"]
    rows = [
        "| config | nav→1st chapter painted ms | switch p50 / p95 ms (frame done) "
        "| worst frame ms | peak PSS MiB (over floor) | bytes before painted, median (max) "
        "| bytes in run |",
        "|---|---|---|---|---|---|---|",
        f"| blank page (floor) | {floor['first']:.0f} | – | – | {floor['pss']:.0f} "
        f"| {mb(floor['bytes_first'])} | – |",
    ]
    if "floor" in s:
        f = s["floor"]
        rows.append(
            f"| switch floor (one page, text swapped on the key) | {f['first']:.0f} "
            f"| {f['switch_p50']:.1f} / {f['switch_p95']:.1f} | {f['worst']:.0f} | {f['pss']:.0f} "
            f"| {mb(f['bytes_first'])} | – |"
        )
    verdict = [
        "",
        "| N | first painted SP / TL | switch p95 SP (≤ 20 ms) "
        "| PSS SP / TL (over floor) | bytes before painted SP |",
        "|---|---|---|---|---|",
    ]
    for n in ns:
        for name, key in (("TimelineJS", f"tl{n}"), ("Storyport", f"sp{n}")):
            if key not in s:
                continue
            r = s[key]
            switch = f"{r['switch_p50']:.1f} / {r['switch_p95']:.1f}" if "switch_p95" in r else "–"
            worst = f"{r['worst']:.0f}" if "worst" in r else "–"
            rows.append(
                f"| {name} N={n} | {r['first']:.0f} | {switch} | {worst} "
                f"| {r['pss']:.0f} (+{r['pss'] - floor['pss']:.0f}) "
                f"| {mb(r['bytes_first'])} (max {mb(r['bytes_first_max'])}) "
                f"| {mb(r['bytes_all'])} |"
            )
        if f"tl{n}" in s and f"sp{n}" in s:
            tl, sp = s[f"tl{n}"], s[f"sp{n}"]
            first = sp["first"] / tl["first"]
            pss = sp["pss"] / tl["pss"]
            over = (sp["pss"] - floor["pss"]) / max(1.0, tl["pss"] - floor["pss"])
            ok = lambda good: "ok" if good else "MISSED"  # noqa: E731
            verdict.append(
                f"| {n} | {first:.2f} {ok(first <= FIRST_RATIO)} "
                f"| {sp['switch_p95']:.1f} {ok(sp['switch_p95'] <= SWITCH_P95_MS)} "
                f"| {pss:.2f} ({over:.2f}) {ok(pss <= PSS_RATIO)} "
                f"| {mb(sp['bytes_first'])} (max {mb(sp['bytes_first_max'])})"
                + (f" {ok(sp['bytes_first_max'] < BYTES_AT_1000)}" if n == 1000 else "")
                + " |"
            )
    return "\n".join(rows + (verdict if len(verdict) > 3 else []))


def edition_version() -> str:
    """The commit measured, and whether the web edition's files differ from it."""
    root = Path(__file__).resolve().parent.parent
    git = ["git", "-C", str(root)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--", "story/publish/web", "story/cli/web.py"],
        capture_output=True,
        text=True,
    )
    return head.stdout.strip() + (" + uncommitted web edition changes" if dirty.stdout else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ns", nargs="*", type=int, default=[50, 300, 1000])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--only", choices=["timelinejs", "storyport"])
    ap.add_argument("--switches", type=int, default=30)
    ap.add_argument(
        "--peer-switches",
        type=int,
        help="switches on TimelineJS (default: --switches; at N=1000 on a loaded machine "
        "each can take seconds)",
    )
    ap.add_argument("--gap", type=int, default=1200, help="ms between switches (the peer's)")
    ap.add_argument("--key", default="ArrowRight", help="the key that turns a chapter")
    ap.add_argument(
        "--chapter-link",
        default="#/chapter/1",
        help="what follows index.html in the deep link to chapter 1",
    )
    ap.add_argument("--table", type=Path, help="print the table of a saved results.json")
    args = ap.parse_args()
    if args.table:
        return reprint(args.table)
    from playwright.sync_api import sync_playwright

    www = CACHE / "web" / "www"
    www.mkdir(parents=True, exist_ok=True)
    want_tl, want_sp = args.only != "storyport", args.only != "timelinejs"
    make_timelinejs(www, args.ns)  # the photos, also the package's media
    floor = [(c.title, c.snippet) for c in make_floor(www, args.ns[0], args.switches + 1)]
    sites: dict[int, StorySite] = {}
    if want_sp:
        for n in args.ns:
            sites[n] = make_storyport(www, n)
            st = sites[n]
            print(
                f"N={n}: package {st.package_bytes / 1e6:.1f} MB built in {st.build_s:.1f} s; "
                f"published in {st.publish_s:.1f} s: {st.site_files} files, "
                f"{st.site_bytes / 1e6:.1f} MB",
                file=sys.stderr,
            )
    server = Server(www)
    raw: dict[str, list[Run]] = {"blank": [], "floor": []}
    failed: dict[str, str] = {}
    peer_q = f"&switches={args.peer_switches or args.switches}&gap={args.gap}"
    t_start = time.time()
    with sync_playwright() as pw:
        run_peer_page(server, "/blank.html")  # warm the page cache for chromium (discarded)
        for rep in range(args.reps):  # interleaved, so drift hits every config alike
            raw["blank"].append(run_peer_page(server, "/blank.html"))
            if want_sp:
                raw["floor"].append(
                    run_storyport(pw, server, "/floor.html", floor, "ArrowRight", args.gap)
                )
            for n in args.ns:
                todo: list[tuple[str, Callable[[], Run]]] = []
                if want_tl:
                    page = f"/page.html?n={n}{peer_q}"
                    todo.append((f"tl{n}", partial(run_peer_page, server, page)))
                if want_sp:
                    chs = [(c.title, c.snippet) for c in sites[n].chapters[: args.switches + 1]]
                    url = sites[n].path + args.chapter_link
                    todo.append(
                        (
                            f"sp{n}",
                            partial(run_storyport, pw, server, url, chs, args.key, args.gap),
                        )
                    )
                for key, measure in todo:
                    try:
                        r = measure()
                    except Exception as exc:  # a page that never shows its chapter: say so
                        failed[key] = str(exc).splitlines()[0]
                        print(f"rep {rep + 1} {key}: FAILED {failed[key]}", file=sys.stderr)
                        continue
                    if r.remote:
                        sys.exit(f"{key} fetched from another host: {r.remote[:5]}")
                    raw.setdefault(key, []).append(r)
                    save(args, sites, raw, failed, "")  # a long run killed keeps what it had
                    print(
                        f"rep {rep + 1} {key}: first {r.marks['first_frame']:.0f} ms, "
                        f"switch p95 {pct(r.switch_frame, 0.95) if r.switch_frame else 0:.1f} ms, "
                        f"PSS {r.peak_pss_mb:.0f} MiB, {r.bytes_first} B before painted "
                        f"[{time.time() - t_start:.0f} s]",
                        file=sys.stderr,
                    )
    server.close()
    out = f"Storyport at {edition_version()}\n\n" + table(raw, args.ns)
    out += "".join(f"\n\n{k} FAILED: {msg}" for k, msg in failed.items())
    print(out)
    save(args, sites, raw, failed, out)


RESULTS = CACHE / "web" / "results.json"


def save(
    args: argparse.Namespace,
    sites: dict[int, StorySite],
    raw: dict[str, list[Run]],
    failed: dict[str, str],
    out: str,
) -> None:
    dump: dict[str, Any] = {
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "edition": edition_version(),
        "table": out,
        "failed": failed,
        "sites": {n: asdict(s) | {"chapters": len(s.chapters)} for n, s in sites.items()},
        "raw": {k: [asdict(r) for r in v] for k, v in raw.items()},
    }
    RESULTS.write_text(json.dumps(dump, indent=1))


def reprint(path: Path) -> None:
    """The table of a saved (possibly partial) run."""
    dump = json.loads(path.read_text())
    raw = {k: [Run(**r) for r in v] for k, v in dump["raw"].items()}
    print(f"Storyport at {dump.get('edition', '?')}\n\n" + table(raw, dump["args"]["ns"]))


if __name__ == "__main__":
    main()
