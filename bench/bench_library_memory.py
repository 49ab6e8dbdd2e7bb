"""Peak memory of a push and a pull of a story holding one 600 MB recording (issue 14:
a 600 MB recording never sits whole in memory; the goal set here is a peak under 600 MB).

The package is made by the write API's storage for a real story (``make_package``)
plus one medium of incompressible bytes written into it chunk by chunk with
SQLite's incremental blob I/O (the import pipeline would decode a real
recording; what is measured here is the library's transfer, not an import).
``main.py library push`` and ``pull`` run as child processes; their peak RSS
comes from GNU time. The server comes from ``scripts/library.sh``.

    .venv/bin/python bench/bench_library_memory.py [--mb 600]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import sys
import time
from pathlib import Path

from bench_library_server import ROOT, child, library_server

sys.path.insert(0, str(ROOT))

from story.editing.chapters import chapter_id_at
from story.package.file import open_package
from tests.fixtures.packages import make_package

PIECE = 1 << 20


def _big_medium(path: Path, mb: int) -> str:
    """Add one ``mb`` MB audio medium (random bytes) to the package, linked to chapter 1."""
    seed = os.urandom(PIECE)
    digest = hashlib.sha256()
    for i in range(mb):
        digest.update(seed[i % 7 :] + seed[: i % 7])
    media_id = digest.hexdigest()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO media (id, kind, mime, bytes, duration_s, caption, credit, alt, licence, "
        "transcript, original_name, removed_metadata_json, data) VALUES (?, 'audio', "
        "'audio/flac', ?, 3600, 'A long recording', 'Bench', '', '', '', 'long.flac', '[]', "
        "zeroblob(?))",
        (media_id, mb * PIECE, mb * PIECE),
    )
    rowid = conn.execute("SELECT rowid FROM media WHERE id = ?", (media_id,)).fetchone()[0]
    with conn.blobopen("media", "data", rowid, readonly=False) as blob:
        for i in range(mb):
            blob.write(seed[i % 7 :] + seed[: i % 7])
    conn.execute("COMMIT")
    conn.close()
    with open_package(path, readonly=False) as pkg:
        from story.editing.media import append_media

        append_media(pkg, chapter_id_at(pkg, 1), media_id)  # type: ignore[arg-type]
    return media_id


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=600)
    opts = ap.parse_args()
    with library_server() as (url_text, base):
        pkg = make_package(base / "long.storypkg", chapters=3)
        t = time.perf_counter()
        _big_medium(pkg, opts.mb)
        print(f"package {pkg.stat().st_size / 1e6:.0f} MB with one {opts.mb} MiB medium "
              f"(made in {time.perf_counter() - t:.1f} s)")  # fmt: skip
        lib = ["library", "--url", url_text]
        start_up = child(["--version"])
        push = child([*lib, "push", str(pkg), "-m", "long"])
        pull = child([*lib, "pull", "long", str(base / "back.storypkg")])
        print(f"start-up alone: max RSS {start_up[1]:.0f} MB")
        print(f"push: {push[0]:.1f} s, max RSS {push[1]:.0f} MB")
        print(f"pull: {pull[0]:.1f} s, max RSS {pull[1]:.0f} MB")
        same = (base / "back.storypkg").stat().st_size
        print(f"pulled package {same / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
