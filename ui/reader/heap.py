"""Give decoded photos' memory back to the system when they are dropped (glibc only).

A reader turning chapters decodes a photo of several megabytes per turn, on
the thread pool, and drops it a few turns later (``ui/reader/images.py``).
glibc's malloc serves blocks that big with ``mmap`` and unmaps them on free,
but after the first such free it raises its threshold to that size, so the
next photos come from the heaps of the decoding threads and stay there after
they are freed: at 1,000 chapters the reader's memory grew by ~35 MiB that
held nothing (docs/PERFORMANCE.md, "Reader at scale"). Fixing the threshold
at 1 MiB keeps every photo-sized block mapped on its own; smaller ones (text,
records, Qt's objects) are untouched. ``ctypes`` is imported here, after the
first paint's imports (it costs ~10 ms).
"""

from __future__ import annotations

import sys

#: ``mallopt`` parameter number of ``M_MMAP_THRESHOLD`` (glibc's malloc.h).
M_MMAP_THRESHOLD = -3
#: Blocks at least this big are mapped on their own and returned to the system when freed.
THRESHOLD_BYTES = 1024 * 1024

_done = False


def return_big_blocks() -> bool:
    """Fix glibc's mmap threshold (once per process); False where there is no glibc."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the process runs on
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    _done = mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES) == 1
    return _done
