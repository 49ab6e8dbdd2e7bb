"""One cold Debian chromium per run, measured the way the TimelineJS peer benchmark measures it.

Each run launches ``/usr/bin/chromium`` with the peer's flags (``../shared/bench/timelinejs/
bench.py``) and a fresh profile. The peer's own pages (TimelineJS, the blank floor) are run
exactly as the peer runs them: the URL on the command line, nothing attached. Storyport's
published page cannot report by itself, so for it (and the switch floor) chromium also gets
``--remote-debugging-port=0`` and Playwright attaches over CDP: it adds the probe below and
presses the keys. Playwright cannot launch Debian's chromium with the peer's flags and tell
us its process id, which the memory figure needs. Whatever the attached client costs, it
costs Storyport, not TimelineJS. Meanwhile:

- every 100 ms the PSS (and RSS) of the browser's whole process tree is summed from
  ``/proc/PID/smaps_rollup`` and the peak kept (the peer's ``tree_mem``);
- the local HTTP server logs each response's body bytes and the wall-clock time its last
  byte was written, so "bytes read before the first chapter is readable" is the sum over
  responses finished by ``performance.timeOrigin + mark`` (both are epoch clocks);
- requests for any other origin are recorded (a run that fetches from another host fails).

TimelineJS runs the peer's ``page.html`` unchanged (its marks come back by ``POST /result``).
Storyport's published page is not ours to change, so ``PROBE`` is added as an init script. A
chapter is painted when its title (a text node of exactly that text) is drawn in the viewport
and its text is drawn on the page (not hidden, not transparent; below a lead picture it may
need a scroll), checked in each rAF callback so that the frame that follows is the one that
paints it; the mark is the end of that frame's main-thread work (the peer's ``nextFrame``).
A switch is timed from the key's ``keydown`` (capture, on ``window``: before the page's own
handlers) to the end of the first frame that paints the next chapter.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROME = os.environ.get("CHROME", "/usr/bin/chromium")
#: the peer's flags, unchanged (bench.py FLAGS)
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,800",
]  # fmt: skip
#: the peer's blank page (the floor), unchanged
BLANK = (
    b"<!doctype html><title>blank</title><body><script>onload=()=>requestAnimationFrame(()=>{"
    b"const c=new MessageChannel();c.port1.onmessage=()=>fetch('/result',{method:'POST',body:"
    b"JSON.stringify({timeOrigin:performance.timeOrigin,marks:{first_frame:performance.now()}})});"
    b"c.port2.postMessage(0)})</script>"
)

PROBE = r"""
(() => {
  const CFG = %s;  // {first: [title, snippet], gap: ms, timeout: ms}
  const now = () => performance.now(), raf = () => new Promise(r => requestAnimationFrame(r));
  const B = window.__bench = {timeOrigin: performance.timeOrigin, marks: {}};
  // a text node matching `match`, drawn (not hidden, not transparent, some size), and in
  // the viewport if `inView`
  const drawn = (match, inView) => {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      if (!match(t.data)) continue;
      const el = t.parentElement;
      if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && (!inView || (r.bottom > 0 && r.right > 0
          && r.top < innerHeight && r.left < innerWidth))) return true;
    }
    return false;
  };
  // a chapter is shown when its title (a text node of exactly that text) is drawn in the
  // viewport and its text is drawn on the page (below a lead picture it may need a scroll)
  const shown = ([title, snippet]) => {
    const all = document.body ? document.body.textContent : '';
    return all.includes(snippet) && all.includes(title)
        && drawn((d) => d.includes(snippet), false) && drawn((d) => d.trim() === title, true);
  };
  // [t_rAF, t_done] of the first frame that shows `target`; t_done = first task after
  // that frame's main-thread rendering (the peer's nextFrame)
  const painted = (target) => new Promise((resolve, reject) => {
    const give_up = now() + CFG.timeout;
    const tick = () => {
      const t = now();
      if (shown(target)) {
        const c = new MessageChannel();
        c.port1.onmessage = () => resolve([t, now()]); c.port2.postMessage(0);
      } else if (t > give_up) reject(new Error('never shown: ' + target[0]));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  B.first = painted(CFG.first).then(([tr, td]) => {
    B.marks.first_raf = tr; B.marks.first_frame = td; return B.marks; });
  addEventListener('keydown', (e) => {
    const a = B.armed; if (!a) return; B.armed = null;
    const t0 = now();
    painted(a.target).then(async ([tr, td]) => {
      let last = tr, worst = 0; const end = td + CFG.gap;  // the peer's worst frame
      while (now() < end) {
        await raf(); const t = now(); worst = Math.max(worst, t - last); last = t; }
      a.resolve({raf: tr - t0, frame: td - t0, worst});
    }, a.reject);
  }, true);
  B.arm = (target) => { B.result = new Promise((resolve, reject) => {
    B.armed = {target, resolve, reject}; }); };
})();
"""


@dataclass
class Served:
    end: float  # epoch seconds, last byte written
    path: str
    bytes: int


class Server:
    """The peer's stdlib server, plus a log of what it sent."""

    def __init__(self, root: Path) -> None:
        self.log: list[Served] = []
        self.result: Any = None
        self.got = threading.Event()
        outer = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a: Any, **kw: Any) -> None:
                super().__init__(*a, directory=str(root), **kw)

            def log_message(self, *a: Any) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.startswith("/blank.html"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(BLANK)))
                    self.end_headers()
                    self.wfile.write(BLANK)
                    outer.log.append(Served(time.time(), self.path, len(BLANK)))
                    return
                super().do_GET()

            def copyfile(self, source: Any, outputfile: Any) -> None:
                n = 0
                while chunk := source.read(64 * 1024):
                    outputfile.write(chunk)
                    n += len(chunk)
                outputfile.flush()
                outer.log.append(Served(time.time(), self.path, n))

            def do_POST(self) -> None:
                outer.result = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                self.send_response(204)
                self.end_headers()
                outer.got.set()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reset(self) -> None:
        self.log.clear()
        self.result = None
        self.got.clear()

    def bytes_by(self, epoch_ms: float) -> int:
        return sum(s.bytes for s in list(self.log) if s.end * 1000 <= epoch_ms)

    def close(self) -> None:
        self.httpd.shutdown()


def tree_mem(root: int) -> tuple[float, float]:
    """(sum RSS, sum PSS) in MiB over ``root`` and all its descendants (the peer's)."""
    kids: dict[int, list[int]] = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(p))
            except (OSError, IndexError, ValueError):
                pass
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo += kids.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024


@dataclass
class Run:
    marks: dict[str, float] = field(default_factory=dict)
    switch_frame: list[float] = field(default_factory=list)
    switch_raf: list[float] = field(default_factory=list)
    worst_frame: list[float] = field(default_factory=list)
    bytes_first: int = 0  # bytes received before the first chapter was painted
    bytes_all: int = 0  # bytes received during the whole run
    peak_rss_mb: float = 0.0
    peak_pss_mb: float = 0.0
    remote: list[str] = field(default_factory=list)
    #: (ms after navigation start when its last byte was sent, path, bytes), in order
    served: list[tuple[float, str, int]] = field(default_factory=list)


class Browser:
    """A cold chromium (the peer's flags), its memory sampled; attached by Playwright, or
    (``url`` given) opening ``url`` from its command line with nothing attached, as the peer."""

    def __init__(self, playwright: Any, server: Server, url: str | None = None) -> None:
        self.server = server
        server.reset()
        self.profile = tempfile.mkdtemp(prefix="sp-web-prof-")
        attach = [] if url else ["--remote-debugging-port=0"]
        self.proc = subprocess.Popen(
            [CHROME, *FLAGS, f"--user-data-dir={self.profile}", *attach, url or "about:blank"],
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.peak = (0.0, 0.0)
        self.stop = threading.Event()
        self.sampler = threading.Thread(target=self._sample, daemon=True)
        self.sampler.start()
        self.requests: list[str] = []
        if url:
            return
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.time() + 60
        while True:
            try:
                port = port_file.read_text().split()[0]
                break
            except (OSError, IndexError):
                if time.time() > deadline or self.proc.poll() is not None:
                    self.close()
                    raise RuntimeError("chromium did not start") from None
                time.sleep(0.02)
        self.cdp = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}", timeout=60_000)
        self.context = self.cdp.contexts[0]
        self.page = self.context.pages[0]
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _sample(self) -> None:
        while not self.stop.wait(0.1):
            m = tree_mem(self.proc.pid)
            self.peak = (max(self.peak[0], m[0]), max(self.peak[1], m[1]))

    def remote(self) -> list[str]:
        base = self.server.base
        return [u for u in self.requests if not (u.startswith(base + "/") or u.startswith("data:"))]

    def close(self) -> None:
        self.stop.set()
        self.sampler.join()
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        except ProcessLookupError:
            pass
        shutil.rmtree(self.profile, ignore_errors=True)


def _finish(b: Browser, run: Run, origin: float, readable_ms: float) -> Run:
    m = tree_mem(b.proc.pid)
    b.peak = (max(b.peak[0], m[0]), max(b.peak[1], m[1]))
    run.bytes_first = b.server.bytes_by(origin + readable_ms)
    run.served = [(round(s.end * 1000 - origin, 1), s.path, s.bytes) for s in b.server.log]
    run.bytes_all = sum(s.bytes for s in b.server.log)
    run.remote = b.remote()
    b.close()
    run.peak_rss_mb, run.peak_pss_mb = b.peak
    return run


def run_peer_page(server: Server, path: str, timeout: float = 900) -> Run:
    """The peer's own page (TimelineJS, or the blank floor), run exactly as the peer runs it:
    the URL on chromium's command line, nothing attached; it reports by POST /result (with
    the other origins it asked, which must be none)."""
    b = Browser(None, server, server.base + path)
    try:
        if not server.got.wait(timeout):
            raise RuntimeError(f"no result from {path} in {timeout} s")
    except BaseException:
        b.close()
        raise
    r = server.result
    if r.get("error"):
        b.close()
        raise RuntimeError(f"{path}: {r['error']}")
    b.requests = r.get("remote", [])
    run = Run(
        marks=r["marks"],
        switch_frame=r.get("switch_frame", []),
        switch_raf=r.get("switch_raf", []),
        worst_frame=r.get("worst_frame", []),
    )
    return _finish(b, run, r["timeOrigin"], r["marks"]["first_frame"])


def run_storyport(
    playwright: Any,
    server: Server,
    url: str,
    chapters: list[tuple[str, str]],
    key: str = "ArrowRight",
    gap_ms: int = 1200,
    timeout_ms: int = 60_000,
) -> Run:
    """Open ``url`` (chapter 1), then press ``key`` once per further chapter, each timed.

    ``chapters``: (title, the first words of its text) of chapter 1, 2, ...
    """
    b = Browser(playwright, server)
    try:
        cfg = {"first": chapters[0], "gap": gap_ms, "timeout": timeout_ms}
        b.context.add_init_script(script=PROBE % json.dumps(cfg))
        b.page.goto(server.base + url, wait_until="commit")
        marks = b.page.evaluate("() => window.__bench.first")
        origin = b.page.evaluate("() => window.__bench.timeOrigin")
        run = Run(marks=marks)
        time.sleep(gap_ms / 1000)
        for target in chapters[1:]:
            b.page.evaluate("t => window.__bench.arm(t)", list(target))
            b.page.keyboard.press(key)
            r = b.page.evaluate("() => window.__bench.result")
            run.switch_raf.append(r["raf"])
            run.switch_frame.append(r["frame"])
            run.worst_frame.append(r["worst"])
    except BaseException:
        b.close()
        raise
    return _finish(b, run, origin, marks["first_frame"])
