"""Waveform peaks and silence bounds from a stream of low-rate mono PCM, chunk by chunk.

ffmpeg hands us 16-bit mono samples at ``ANALYSIS_RATE``; we keep only the
peak of every 10 ms block (an hour is 360,000 small integers), so memory does
not grow with the decoded audio. The peaks drawn by the player and the editor
are the maxima of those blocks over ~1000 equal slices.
"""

from __future__ import annotations

import math
import sys
from array import array

ANALYSIS_RATE = 8000
BLOCK = ANALYSIS_RATE // 100  # 10 ms
PEAK_COUNT = 1000
FULL_SCALE = 32768.0
#: below this a block counts as silence for trimming
SILENCE_DBFS = -50.0


class PeakAccumulator:
    """Feed it raw s16le mono bytes; it remembers one peak per 10 ms block."""

    def __init__(self) -> None:
        self.blocks = array("H")
        self.samples = 0
        self._carry = b""

    def feed(self, chunk: bytes) -> None:
        data = self._carry + chunk
        usable = len(data) - len(data) % (BLOCK * 2)
        self._carry = data[usable:]
        if not usable:
            return
        samples = array("h")
        samples.frombytes(data[:usable])
        if sys.byteorder == "big":
            samples.byteswap()
        self.samples += len(samples)
        blocks = self.blocks
        for i in range(0, len(samples), BLOCK):
            part = samples[i : i + BLOCK]
            blocks.append(min(32768, max(max(part), -min(part))))

    def finish(self) -> None:
        """Account for the last, partial block."""
        data = self._carry[: len(self._carry) - len(self._carry) % 2]
        self._carry = b""
        if data:
            samples = array("h")
            samples.frombytes(data)
            if sys.byteorder == "big":
                samples.byteswap()
            self.samples += len(samples)
            self.blocks.append(min(32768, max(max(samples), -min(samples))))

    @property
    def duration_s(self) -> float:
        return self.samples / ANALYSIS_RATE

    def sound_bounds(self, threshold_dbfs: float = SILENCE_DBFS) -> tuple[float, float] | None:
        """(start, end) in seconds of the part above ``threshold_dbfs``; None if all silent."""
        level = FULL_SCALE * 10 ** (threshold_dbfs / 20)
        first = next((i for i, v in enumerate(self.blocks) if v > level), None)
        if first is None:
            return None
        last = next(i for i in range(len(self.blocks) - 1, -1, -1) if self.blocks[i] > level)
        return first * BLOCK / ANALYSIS_RATE, min(
            self.duration_s, (last + 1) * BLOCK / ANALYSIS_RATE
        )

    def peaks(
        self,
        count: int = PEAK_COUNT,
        *,
        start_s: float = 0.0,
        end_s: float | None = None,
        gain_db: float = 0.0,
    ) -> list[float]:
        """``count`` peak levels (0..1) over [start_s, end_s], after ``gain_db``."""
        first = int(start_s * ANALYSIS_RATE) // BLOCK
        last = len(self.blocks) if end_s is None else math.ceil(end_s * ANALYSIS_RATE / BLOCK)
        blocks = self.blocks[first:last]
        if not blocks:
            return []
        gain = 10 ** (gain_db / 20) / FULL_SCALE
        n = count  # short recordings repeat blocks so every waveform has the same width
        out = []
        for k in range(n):
            lo = k * len(blocks) // n
            hi = max(lo + 1, (k + 1) * len(blocks) // n)
            out.append(round(min(1.0, max(blocks[lo:hi]) * gain), 3))
        return out
