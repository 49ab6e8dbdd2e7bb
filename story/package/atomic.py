"""A new package written whole or not at all, for ``build`` and ``import-json``.

Both commands write every row of a new package in one run. They write it to
``OUT.storypkg.partial`` and rename it to ``OUT.storypkg`` only once the
last row is in and the WAL is folded into the file, so a refused source, a
full disk or Ctrl+C never leaves a half-made package under the real name
(nor a stale ``.partial`` from an earlier failed run in the way).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from story.package.file import Package, create_package


@contextmanager
def atomic_package(out: Path) -> Iterator[Package]:
    """A package open for writing; on a clean exit it becomes ``out``, on an error it is gone."""
    partial = out.with_name(out.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    pkg = create_package(partial)
    try:
        yield pkg
        pkg.checkpoint()
    except BaseException:
        pkg.close()
        partial.unlink(missing_ok=True)
        raise
    pkg.close()
    os.replace(partial, out)
