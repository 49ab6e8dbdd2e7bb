"""Where Storyport keeps its own files (derived packages, caches, settings).

A module of its own so that start-up can find them without importing the
storage layer.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_home() -> Path:
    """$STORYPORT_HOME, else the XDG data folder (~/.local/share/storyport)."""
    env = os.environ.get("STORYPORT_HOME")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "storyport"


def cache_dir(kind: str) -> Path:
    """A folder for derived, rebuildable files of one kind (audio, covers…)."""
    return data_home() / "cache" / kind
