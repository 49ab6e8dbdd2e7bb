"""Ready the bundled package for shipping inside the .deb: lean, and readable in place.

- A ``display`` rendition of a JPEG master no larger than ``DISPLAY_MAX`` is the
  master re-encoded at the same size: derived data the reader does without (it
  falls back to the master, the same pixels). The Khorgos masters are all of
  that size, so this drops 18.5 of the package's 60.7 MB.
- The ``delivery`` renditions of sounds (AAC, 4 MB): the reader plays the FLAC
  master when there is none (Qt Multimedia decodes it). Thumbnails and
  waveform peaks stay.
- Rollback journal instead of WAL: the copy under /opt is opened read-only by
  every user, and a read must never need to create ``-wal``/``-shm`` beside it.

``python slim_story.py PACKAGE`` rewrites PACKAGE in place (a build product,
never a curator's file) and prints the bytes before and after.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from media.photo_import import DISPLAY_MAX


def slim(path: Path) -> tuple[int, int]:
    before = path.stat().st_size
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("BEGIN")
        conn.execute(
            "DELETE FROM renditions WHERE name = 'display' AND media_id IN ("
            " SELECT id FROM media WHERE mime = 'image/jpeg'"
            " AND width IS NOT NULL AND height IS NOT NULL AND MAX(width, height) <= ?)",
            (DISPLAY_MAX,),
        )
        conn.execute("DELETE FROM renditions WHERE name = 'delivery'")
        conn.execute("COMMIT")
        conn.execute("VACUUM")
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()
    if mode != "delete":
        raise SystemExit(f"slim_story: {path}: journal mode is {mode}, not delete")
    return before, path.stat().st_size


if __name__ == "__main__":
    target = Path(sys.argv[1])
    old, new = slim(target)
    print(f"slim_story: {target.name}: {old / 1e6:.1f} MB -> {new / 1e6:.1f} MB")
