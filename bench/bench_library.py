"""Push and pull of a package with ~20 MB of media against a floor measured in the same run.

The floor is a plain binary ``COPY`` of the same media bytes, in the same 1 MiB
chunks, into (and back out of) a bare table on the same server. Starts its own
throwaway server with ``scripts/library.sh`` (as root: as the postgres user).
Peak memory: the max RSS of ``main.py library push`` / ``pull`` run as children.

    .venv/bin/python bench/bench_library.py [--mb 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from story.library import versions  # noqa: E402
from story.library.connection import library_url, make_engine  # noqa: E402
from story.library.media_store import CHUNK  # noqa: E402
from story.library.migrations import init_library  # noqa: E402
from tests.library.media_packages import WIDTH, media_package  # noqa: E402


def _child(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and max RSS (MB) of ``main.py ARGS`` run as a child."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args} failed")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def _floor(engine: object, pkg: Path) -> tuple[float, float]:
    """Seconds to COPY the package's media bytes into a bare table, and to COPY them out."""
    conn = sqlite3.connect(pkg)
    rows = conn.execute("SELECT rowid, length(data) FROM media").fetchall()
    with engine.begin() as c:  # type: ignore[attr-defined]
        c.execute(text("DROP TABLE IF EXISTS floor_copy"))
        c.execute(text("CREATE TABLE floor_copy (k int, n int, data bytea)"))
        c.execute(text("ALTER TABLE floor_copy ALTER COLUMN data SET STORAGE EXTERNAL"))
    start = time.perf_counter()
    with engine.begin() as c:  # type: ignore[attr-defined]
        raw = c.connection.driver_connection
        with raw.cursor() as cur, cur.copy("COPY floor_copy FROM STDIN (FORMAT BINARY)") as cp:
            cp.set_types(["int4", "int4", "bytea"])
            for rowid, size in rows:
                with conn.blobopen("media", "data", rowid, readonly=True) as blob:
                    for n in range((size + CHUNK - 1) // CHUNK):
                        cp.write_row((rowid, n, blob.read(CHUNK)))
    copy_in = time.perf_counter() - start
    start = time.perf_counter()
    with engine.begin() as c:  # type: ignore[attr-defined]
        raw = c.connection.driver_connection
        with raw.cursor() as cur, cur.copy("COPY floor_copy TO STDOUT (FORMAT BINARY)") as cp:
            for _ in cp:
                pass
    copy_out = time.perf_counter() - start
    conn.close()
    return copy_in, copy_out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    opts = ap.parse_args()
    base = Path(tempfile.mkdtemp(prefix="storyport-bench-lib-"))
    base.chmod(0o755)
    data = base / "pg"
    script = str(ROOT / "scripts" / "library.sh")
    url_text = subprocess.run(
        [script, "start", str(data)], check=True, capture_output=True, text=True, timeout=120
    ).stdout.strip()
    try:
        url = library_url(url_text)
        engine = make_engine(url)
        init_library(engine)
        height = 1300
        photos = max(1, round(opts.mb * 1e6 / (3 * WIDTH * height)))
        pkg = media_package(base / "bench.storypkg", photos=photos, height=height)
        media_mb = (
            sum(n for (n,) in sqlite3.connect(pkg).execute("SELECT length(data) FROM media")) / 1e6
        )
        print(f"package: {pkg.stat().st_size / 1e6:.1f} MB, media {media_mb:.1f} MB "
              f"({photos} photos)")  # fmt: skip
        copy_in, copy_out = _floor(engine, pkg)
        t = time.perf_counter()
        first = versions.push(engine, pkg, story="bench", message="first")
        push_s = time.perf_counter() - t
        t = time.perf_counter()
        again = versions.push(engine, pkg, story="bench", message="again")
        again_s = time.perf_counter() - t
        t = time.perf_counter()
        versions.pull(engine, "bench", base / "pulled.storypkg")
        pull_s = time.perf_counter() - t
        env_url = ["library", "--url", url_text]
        other = media_package(base / "other.storypkg", photos=photos, height=height, seed=2)
        push_child = _child([*env_url, "push", str(other), "--story", "bench2", "-m", "rss"])
        pull_child = _child([*env_url, "pull", "bench2", str(base / "pulled2.storypkg")])
        print(
            f"floor COPY in  {copy_in:6.2f} s   push (all media new) {push_s:6.2f} s  "
            f"= {push_s / copy_in:.2f}x  ({first.media_bytes_sent / 1e6:.1f} MB sent)"
        )
        print(
            f"floor COPY out {copy_out:6.2f} s   pull                 {pull_s:6.2f} s  "
            f"= {pull_s / copy_out:.2f}x"
        )
        print(
            f"push again (media known) {again_s:.2f} s, media bytes sent "
            f"{again.media_bytes_sent}, content {again.content_bytes / 1e3:.0f} kB"
        )
        print(f"child processes (with start-up): push {push_child[0]:.2f} s, "
              f"max RSS {push_child[1]:.0f} MB; pull {pull_child[0]:.2f} s, "
              f"max RSS {pull_child[1]:.0f} MB")  # fmt: skip
        with engine.begin() as c:
            c.execute(text("DROP TABLE floor_copy"))
        engine.dispose()
    finally:
        subprocess.run([script, "stop", str(data)], capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
