"""The story map: basemap, picture maps, labels and chapter markers (see docs/MAP.md).

Importing this package also applies :func:`keep_none_alive`: shiboken6 6.12 on
CPython 3.11 drops a reference to ``None`` on every call of a Qt method that
returns nothing (it assumes the immortal ``None`` of CPython 3.12+), so after a
few thousand such calls (one map frame makes hundreds) the interpreter aborts
with "none_dealloc: deallocating None" (the same was seen for
``True``/``False``: "bool_dealloc"). The whole app needs this, not just the
map: it belongs in ``ui/__init__.py``; it lives here until then.
"""

from __future__ import annotations

import ctypes
import sys


def keep_none_alive() -> None:
    """Give ``None``, ``True`` and ``False`` huge reference counts (immortal in CPython 3.12)."""
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        for obj in (None, True, False, Ellipsis, NotImplemented):
            refcnt = ctypes.c_ssize_t.from_address(id(obj))
            if refcnt.value < 1 << 40:
                refcnt.value += 1 << 40


keep_none_alive()
