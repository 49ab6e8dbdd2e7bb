"""Audio import (kept for callers of the first version; the work is in ``audio_import``)."""

from media.audio_import import import_audio
from media.waveform import PEAK_COUNT

__all__ = ["PEAK_COUNT", "import_audio"]
