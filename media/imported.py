"""What an import hands to storage: the master bytes, facts and renditions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: progress(fraction done, 0..1)
Progress = Callable[[float], None]
#: returns True when the caller wants the work to stop
CancelCheck = Callable[[], bool]


class MediaError(Exception):
    """A file that cannot be imported; ``str()`` names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class Cancelled(Exception):
    """The caller asked an import to stop."""


@dataclass(frozen=True)
class Rendition:
    name: str  # "display", "thumb" (images); "delivery", "peaks" (audio)
    mime: str
    data: bytes


@dataclass(frozen=True)
class ImportedMedia:
    kind: str  # "image" | "audio"
    mime: str  # of ``data``, the master
    data: bytes
    original_name: str
    width: int | None = None
    height: int | None = None
    duration_s: float | None = None
    renditions: tuple[Rendition, ...] = ()
    removed_metadata: tuple[str, ...] = field(default=())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()
