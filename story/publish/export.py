"""``export``: a compact, self-contained copy of a package for distribution.

Why not copy the file: a package being edited has recent commits in its WAL
file and free pages left by deletions. The copy is taken with SQLite's
backup API (consistent even while another process writes), then VACUUMed and
switched to rollback-journal mode, so the result is one file that a reader
can open read-only without any ``-wal``/``-shm`` files appearing next to it.
Renditions are kept by default (the reader shows photos at once); with
``keep_renditions=False`` they are dropped, as they are rebuildable.

Nothing identifying leaves: every medium that still carries identifying
metadata (packages made before imports cleaned recordings) is cleaned in the
copy (``story.editing.cleaning``), before the VACUUM that drops the old
bytes' pages. The source file is only read. A medium that cannot be cleaned
losslessly stops the export with one line naming it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from media.ffmpeg_tools import ToolMissing
from media.identifying import MetadataError
from story.editing.cleaning import clean_medium, dirty_media
from story.errors import PackageError
from story.package.file import open_package


def _clean_copy(partial: Path, out: Path) -> int:
    """Clean every medium of the copy at ``partial``; how many were cleaned."""
    with open_package(partial, readonly=False) as copy:
        dirty = dirty_media(copy)
        for mid, _words in dirty:
            try:
                clean_medium(copy, mid)
            except (MetadataError, ToolMissing) as exc:
                raise PackageError(
                    out, f"not written: medium {mid[:12]}'s identifying metadata ({exc})"
                ) from None
        return len(dirty)


def _remove(partial: Path) -> None:
    for p in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
        p.unlink(missing_ok=True)


def export_package(src: str | Path, out: str | Path, *, keep_renditions: bool = True) -> Path:
    """Write a compact copy of ``src`` to ``out`` (which must not exist); returns ``out``."""
    src, out = Path(src), Path(out)
    if out.exists():
        raise PackageError(out, "already exists; refusing to overwrite it")
    if out.resolve() == src.resolve():
        raise PackageError(out, "is the package being exported")
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with open_package(src, readonly=True) as pkg, pkg.raw() as conn:
            dst = sqlite3.connect(partial, isolation_level=None)
            try:
                conn.backup(dst)
            finally:
                dst.close()
        _clean_copy(partial, out)
        dst = sqlite3.connect(partial, isolation_level=None)
        try:
            if not keep_renditions:
                dst.execute("DELETE FROM renditions")
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.execute("VACUUM")  # also drops the pages the unclean bytes were in
        finally:
            dst.close()
    except sqlite3.Error as exc:
        _remove(partial)
        raise PackageError(out, f"could not be written ({exc})") from None
    except BaseException:
        _remove(partial)
        raise
    try:
        open_package(partial, readonly=True).close()  # the copy passes every open check
    except PackageError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, out)
    return out


def copy_package(src: str | Path, out: str | Path) -> Path:
    """A faithful copy of ``src`` at ``out`` (which must not exist), e.g. to edit a package
    found on read-only media. Unlike :func:`export_package` nothing is cleaned or compacted:
    the copy is the story as it is, taken with SQLite's backup API."""
    from story.package.migrations import write_backup

    src, out = Path(src), Path(out)
    if out.exists():
        raise PackageError(out, "already exists; refusing to overwrite it")
    partial = out.with_name(out.name + ".partial")
    _remove(partial)
    try:
        with open_package(src, readonly=True) as pkg, pkg.raw() as conn:
            write_backup(conn, partial)
        open_package(partial, readonly=True).close()
    except sqlite3.Error as exc:
        _remove(partial)
        raise PackageError(out, f"could not be written ({exc})") from None
    except BaseException:
        _remove(partial)
        raise
    os.replace(partial, out)
    return out
