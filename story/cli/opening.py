"""How a command finds and opens its package: the argument, or the bundled story."""

from __future__ import annotations

import sys
from pathlib import Path

from story.package.file import Package, open_package


def resolve_package(arg: str | None, *, progress: bool = True) -> Path:
    """The package a command works on: the argument, or the bundled story (built if needed)."""
    if arg:
        return Path(arg)
    from story.publish.bundled import ensure_bundled, is_built

    if not is_built() and progress:
        print("Building the bundled Khorgos story (first run)…", file=sys.stderr)
        return ensure_bundled(progress=print_progress)
    return ensure_bundled()


def print_progress(done: int, total: int, label: str) -> None:
    """A text progress bar on stderr, for long builds."""
    width = 30
    filled = int(width * done / max(total, 1))
    bar = "#" * filled + "-" * (width - filled)
    sys.stderr.write(f"\r[{bar}] {done}/{total} {label[:40]:<40}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def open_for_reading(arg: str | None) -> Package:
    return open_package(resolve_package(arg), readonly=True)


def open_for_writing(arg: str) -> Package:
    return open_package(Path(arg), readonly=False)
