"""Audio import with pydub and ffmpeg (first version; the media pipeline issue deepens it)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pydub import AudioSegment

from media.imported import CancelCheck, ImportedMedia, MediaError, Progress, Rendition

PEAK_COUNT = 1000


def peaks(seg: AudioSegment, count: int = PEAK_COUNT) -> list[float]:
    """Peak level (0..1) of ``count`` equal slices, for drawing a waveform."""
    mono = seg.set_channels(1)
    step = max(1, len(mono) // count)
    full = float(mono.max_possible_amplitude) or 1.0
    return [round(mono[i : i + step].max / full, 3) for i in range(0, len(mono), step)][:count]


def import_audio(
    path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> ImportedMedia:
    try:
        seg = AudioSegment.from_file(path)
    except Exception as exc:  # pydub raises bare exceptions from ffmpeg failures
        raise MediaError(path, f"not a readable recording ({str(exc).splitlines()[0][:120]})") from None
    if len(seg) == 0:
        raise MediaError(path, "the recording has no sound in it (0 frames)")
    out = io.BytesIO()
    seg.export(out, format="mp3", bitrate="128k")
    delivery = out.getvalue()
    return ImportedMedia(
        kind="audio",
        mime="audio/mpeg",
        data=path.read_bytes(),
        original_name=path.name,
        duration_s=len(seg) / 1000.0,
        renditions=(
            Rendition("delivery", "audio/mpeg", delivery),
            Rendition("peaks", "application/json", json.dumps(peaks(seg)).encode()),
        ),
    )
