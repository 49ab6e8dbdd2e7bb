"""Push and pull of the bundled story against a floor measured in the same run.

The floor is a plain binary ``COPY`` of the same bytes that travel apart from the
content (media, renditions, map tiles), in the same 1 MiB rows, into (and back
out of) a bare table on the same server. Then a push of the same story with one
chapter's text changed: what travels, counted by a TCP relay in front of the server
(every byte the client sends: SQL, parameters, framing). Peak memory: the max RSS of
``main.py library push`` / ``pull`` run as children. The server comes from
``scripts/library.sh`` (bench_library_server.py).

    .venv/bin/python bench/bench_library.py [--package PKG] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from bench_library_server import ROOT, CountingProxy, child, library_server

sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from story.editing.chapters import chapter_id_at, chapter_text, set_chapter_text
from story.library import versions
from story.library.connection import library_url, make_engine
from story.library.media_store import CHUNK
from story.library.package_files import snapshot
from story.package.file import open_package


def _floor(engine: Engine, pkg: Path) -> tuple[float, float]:
    """Seconds to COPY the package's media, rendition and tile bytes into a bare table, and
    to COPY them out."""
    conn = sqlite3.connect(pkg)
    rows = [
        (table, rowid, size)
        for table in ("media", "renditions", "map_tiles")  # what travels apart from the content
        for rowid, size in conn.execute(f"SELECT rowid, length(data) FROM {table}")
    ]
    with engine.begin() as c:
        c.execute(text("DROP TABLE IF EXISTS floor_copy"))
        c.execute(text("CREATE TABLE floor_copy (k int, n int, data bytea)"))
        c.execute(text("ALTER TABLE floor_copy ALTER COLUMN data SET STORAGE EXTERNAL"))
    start = time.perf_counter()
    with engine.begin() as c:
        raw = c.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy("COPY floor_copy FROM STDIN (FORMAT BINARY)") as cp:
            cp.set_types(["int4", "int4", "bytea"])
            for k, (table, rowid, size) in enumerate(rows):
                with conn.blobopen(table, "data", rowid, readonly=True) as blob:
                    for n in range(max(1, (size + CHUNK - 1) // CHUNK)):
                        cp.write_row((k, n, blob.read(CHUNK)))
    copy_in = time.perf_counter() - start
    start = time.perf_counter()
    with engine.begin() as c:
        raw = c.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy("COPY floor_copy TO STDOUT (FORMAT BINARY)") as cp:
            for _ in cp:
                pass
    copy_out = time.perf_counter() - start
    start = time.perf_counter()  # and the same written to a file and fsynced: a pull's least
    with engine.begin() as c, open(pkg.with_suffix(".floor"), "wb") as out:
        raw = c.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy("COPY floor_copy TO STDOUT (FORMAT BINARY)") as cp:
            for block in cp:
                out.write(block)
        out.flush()
        os.fsync(out.fileno())
    global COPY_TO_FILE
    COPY_TO_FILE = time.perf_counter() - start
    pkg.with_suffix(".floor").unlink()
    with engine.begin() as c:
        c.execute(text("DROP TABLE floor_copy"))
    conn.close()
    return copy_in, copy_out


COPY_TO_FILE = 0.0


def _timed(fn: object, *args: object, **kw: object) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn(*args, **kw)  # type: ignore[operator]
    return time.perf_counter() - t, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--package", type=Path, help="default: the bundled story")
    ap.add_argument("--runs", type=int, default=3)
    opts = ap.parse_args()
    if opts.package is None:
        from story.publish.bundled import ensure_bundled

        opts.package = ensure_bundled()
    with library_server() as (url_text, base):
        engine = make_engine(library_url(url_text))
        conn = sqlite3.connect(opts.package)
        media = conn.execute("SELECT count(*), sum(length(data)) FROM media").fetchone()
        conn.close()
        print(f"package {opts.package.name}: {opts.package.stat().st_size / 1e6:.1f} MB, "
              f"{media[0]} media, {media[1] / 1e6:.1f} MB of media")  # fmt: skip
        floors_in, floors_out, pushes, pulls, to_file = [], [], [], [], []
        for run in range(opts.runs):
            with engine.begin() as c:  # every run starts from an empty library: all media new
                c.execute(
                    text(
                        "TRUNCATE approvals, story_locks, version_media, version_pieces, "
                        "content_pieces, versions, stories, media_chunks, media"
                    )
                )
            pkg = base / f"run{run}.storypkg"
            shutil.copy(opts.package, pkg)
            copy_in, copy_out = _floor(engine, pkg)
            push_s, first = _timed(versions.push, engine, pkg, story="khorgos")
            pull_s, _ = _timed(versions.pull, engine, "khorgos", base / f"out{run}.storypkg")
            to_file.append(COPY_TO_FILE)
            floors_in.append(copy_in)
            floors_out.append(copy_out)
            pushes.append(push_s)
            pulls.append(pull_s)
            sent = (first.media_bytes_sent + first.derived_bytes_sent) / 1e6  # type: ignore[attr-defined]
            print(
                f"run {run}: COPY in {copy_in:.2f} s, push {push_s:.2f} s ({sent:.1f} MB of "
                f"media and renditions sent) = {push_s / copy_in:.2f}x; COPY out "
                f"{copy_out:.2f} s, pull {pull_s:.2f} s = {pull_s / copy_out:.2f}x (COPY out to a "
                f"file and fsync {COPY_TO_FILE:.2f} s: {pull_s / COPY_TO_FILE:.2f}x)"
            )
        med = statistics.median
        print(f"median: push {med(pushes):.2f} s vs COPY in {med(floors_in):.2f} s = "
              f"{med(pushes) / med(floors_in):.2f}x; pull {med(pulls):.2f} s vs COPY out "
              f"{med(floors_out):.2f} s = {med(pulls) / med(floors_out):.2f}x; to a file "
              f"{med(to_file):.2f} s = {med(pulls) / med(to_file):.2f}x")  # fmt: skip

        pkg = base / f"run{opts.runs - 1}.storypkg"  # pushed last: it records khorgos version 1
        added = " One more sentence, typed by a curator after the first push."
        with open_package(pkg, readonly=False) as p:
            cid = chapter_id_at(p, 2)
            set_chapter_text(p, cid, body_md=chapter_text(p, cid)["body_md"] + added)
        row = snapshot(pkg).content
        row_bytes = len(row.data[row.manifest[f"row:chapters:{cid}"]])
        proxy = CountingProxy(int(make_url(url_text).port or 5432))
        proxied = make_engine(library_url(str(make_url(url_text).set(port=proxy.port))))
        proxied.connect().close()  # SQLAlchemy's first-connect queries, once per engine
        proxy.reset()
        again_s, again = _timed(versions.push, proxied, pkg, story="khorgos", message="1 text")
        wire = proxy.up
        r: versions.PushResult = again  # type: ignore[assignment]
        print(
            f"one chapter's text changed ({len(added.encode())} bytes typed; the chapter's row "
            f"{row_bytes} bytes): push {again_s:.2f} s; blobs sent "
            f"{r.media_bytes_sent + r.derived_bytes_sent} bytes, content pieces {r.content_bytes} "
            f"bytes; on the wire to the server {wire} bytes (received {proxy.down}) = "
            f"{wire / row_bytes:.2f}x the changed row"
        )
        proxied.dispose()
        proxy.close()

        other = base / "child.storypkg"
        shutil.copy(opts.package, other)
        lib = ["library", "--url", url_text]
        push_child = child([*lib, "push", str(other), "--story", "child"])
        pull_child = child([*lib, "pull", "child", str(base / "child-out.storypkg")])
        start_up = child(["--version"])
        print(f"as processes (with start-up): push {push_child[0]:.2f} s, max RSS "
              f"{push_child[1]:.0f} MB; pull {pull_child[0]:.2f} s, max RSS {pull_child[1]:.0f} MB;"
              f" start-up alone {start_up[1]:.0f} MB")  # fmt: skip
        engine.dispose()


if __name__ == "__main__":
    main()
