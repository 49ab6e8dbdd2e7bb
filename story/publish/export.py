"""``export``: a compact, self-contained copy of a package for distribution.

Why not copy the file: a package being edited has recent commits in its WAL
file and free pages left by deletions. The copy is taken with SQLite's
backup API (consistent even while another process writes), then VACUUMed and
switched to rollback-journal mode, so the result is one file that a reader
can open read-only without any ``-wal``/``-shm`` files appearing next to it.
Renditions are kept by default (the reader shows photos at once); with
``keep_renditions=False`` they are dropped, as they are rebuildable.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from story.errors import PackageError
from story.package.file import open_package


def export_package(src: str | Path, out: str | Path, *, keep_renditions: bool = True) -> Path:
    """Write a compact copy of ``src`` to ``out`` (which must not exist); returns ``out``."""
    src, out = Path(src), Path(out)
    if out.exists():
        raise PackageError(out, "already exists; refusing to overwrite it")
    if out.resolve() == src.resolve():
        raise PackageError(out, "is the package being exported")
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    with open_package(src, readonly=True) as pkg, pkg.raw() as conn:
        dst = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(dst)
            if not keep_renditions:
                dst.execute("DELETE FROM renditions")
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.execute("VACUUM")
        except sqlite3.Error as exc:
            dst.close()
            partial.unlink(missing_ok=True)
            raise PackageError(out, f"could not be written ({exc})") from None
        dst.close()
    try:
        open_package(partial, readonly=True).close()  # the copy passes every open check
    except PackageError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, out)
    return out
