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
class ImportOptions:
    """Choices a curator makes per import; the defaults protect sources and change nothing else."""

    #: keep the EXIF Artist and Copyright fields (credit) in a photo's master
    keep_credit: bool = False
    #: cut leading and trailing silence (below ``SILENCE_DBFS``) from a recording
    trim_silence: bool = False
    #: fade in / fade out lengths in seconds for a recording's delivery version
    fade_in_s: float = 0.0
    fade_out_s: float = 0.0


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
    #: facts worth telling the curator (e.g. "not loudness-normalised: ffmpeg is missing")
    notes: tuple[str, ...] = field(default=())
    #: the detected source format ("jpeg", "heic", "mp3", "wav"…)
    source_format: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def rendition(self, name: str) -> Rendition | None:
        return next((r for r in self.renditions if r.name == name), None)


def check_cancelled(cancelled: CancelCheck | None) -> None:
    """Raise ``Cancelled`` when the caller asked to stop (called between stages)."""
    if cancelled is not None and cancelled():
        raise Cancelled()


def report(progress: Progress | None, fraction: float) -> None:
    if progress is not None:
        progress(max(0.0, min(1.0, fraction)))
