"""Loudness: one target for every recording in a story, measured as EBU R128 does.

ffmpeg's ``ebur128`` filter measures integrated loudness (LUFS) and the
sample peak while the analysis pass streams the file; the delivery version
then gets one plain gain (``volume``), never compression, limited so the
loudest sample stays below ``PEAK_CEILING_DBFS``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: the integrated loudness every delivery version aims at (web/podcast practice)
TARGET_LUFS = -16.0
#: the highest sample level allowed after gain (head-room for the AAC encoder)
PEAK_CEILING_DBFS = -1.0
#: never raise a recording by more than this: beyond it we only amplify noise
MAX_GAIN_DB = 20.0
#: quieter than this (ebur128's absolute gate) counts as silence: no gain at all
SILENCE_LUFS = -70.0

_I_RE = re.compile(r"^\s*I:\s*(-?inf|-?nan|-?\d+(?:\.\d+)?)\s*LUFS", re.M)
_PEAK_RE = re.compile(r"^\s*Peak:\s*(-?inf|-?nan|-?\d+(?:\.\d+)?)\s*dBFS", re.M)


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float  # -inf for silence
    sample_peak_dbfs: float  # -inf for silence

    @property
    def silent(self) -> bool:
        return not math.isfinite(self.integrated_lufs) or self.integrated_lufs <= SILENCE_LUFS


def parse_ebur128(stderr: str) -> Loudness | None:
    """The summary ebur128 logs at the end of a run (the last one in ``stderr``)."""
    i_values = _I_RE.findall(stderr)
    peaks = _PEAK_RE.findall(stderr)
    if not i_values:
        return None
    peak = float(peaks[-1]) if peaks else 0.0
    return Loudness(float(i_values[-1]), peak if not math.isnan(peak) else 0.0)


def gain_db(measured: Loudness | None, target: float = TARGET_LUFS) -> float:
    """The gain that brings ``measured`` to ``target`` without pushing peaks past the ceiling."""
    if measured is None or measured.silent:
        return 0.0
    gain = target - measured.integrated_lufs
    if gain > 0 and math.isfinite(measured.sample_peak_dbfs):
        # raise only as far as the peaks allow; turning down is always safe
        gain = max(0.0, min(gain, PEAK_CEILING_DBFS - measured.sample_peak_dbfs))
    return round(max(-40.0, min(MAX_GAIN_DB, gain)), 2)
