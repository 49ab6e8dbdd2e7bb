"""Reading WAV headers ourselves: precise reasons for broken files, and WAV import
without ffmpeg (pure Python, chunked, no numpy).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from media.waveform import ANALYSIS_RATE

PCM, IEEE_FLOAT, EXTENSIBLE, MPEG_LAYER3 = 0x0001, 0x0003, 0xFFFE, 0x0055
#: unsigned 8-bit sample -> the high byte of a signed 16-bit one
_CENTRE_U8 = bytes((i - 128) & 0xFF for i in range(256))


#: Sample rates a recording may have: below 8 kHz is not speech-quality audio (and a tiny file
#: would claim hours, each costing decoding time); above 384 kHz no recorder writes.
MIN_SAMPLE_RATE, MAX_SAMPLE_RATE = 8000, 384000


class WavError(ValueError):
    """A WAV file whose header makes no sense; ``str()`` is a reason for a curator."""


@dataclass(frozen=True)
class WavInfo:
    format_tag: int  # after resolving WAVE_FORMAT_EXTENSIBLE
    channels: int
    sample_rate: int
    bits: int
    block_align: int
    data_offset: int
    data_bytes: int  # clipped to what the file really holds

    @property
    def frames(self) -> int:
        return self.data_bytes // self.block_align if self.block_align else 0

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0

    @property
    def is_pcm(self) -> bool:
        return self.format_tag == PCM and self.bits in (8, 16, 24, 32)


def read_wav_info(path: Path) -> WavInfo:
    size = path.stat().st_size
    fmt: tuple[int, int, int, int, int] | None = None
    with path.open("rb") as fh:
        head = fh.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise WavError("not a WAV file (no RIFF/WAVE header)")
        pos = 12
        while pos + 8 <= size:
            fh.seek(pos)
            cid, clen = struct.unpack("<4sI", fh.read(8))
            body = pos + 8
            if cid == b"fmt ":
                raw = fh.read(min(clen, 40))
                if len(raw) < 16:
                    raise WavError("the WAV header is cut short (incomplete 'fmt' chunk)")
                tag, ch, rate, _byte_rate, align, bits = struct.unpack("<HHIIHH", raw[:16])
                if tag == EXTENSIBLE and len(raw) >= 26:
                    tag = struct.unpack("<H", raw[24:26])[0]
                fmt = (tag, ch, rate, align, bits)
            elif cid == b"data":
                if fmt is None:
                    raise WavError("the WAV header is damaged (audio data before the format)")
                tag, ch, rate, align, bits = fmt
                if rate == 0 or ch == 0:
                    raise WavError(
                        f"the WAV header is damaged (sample rate {rate} Hz, {ch} channels)"
                    )
                if not MIN_SAMPLE_RATE <= rate <= MAX_SAMPLE_RATE:
                    raise WavError(
                        f"the WAV sample rate is {rate} Hz; Storyport imports recordings of "
                        f"{MIN_SAMPLE_RATE} to {MAX_SAMPLE_RATE} Hz"
                    )
                available = max(0, min(clen, size - body))
                return WavInfo(tag, ch, rate, bits, align, body, available)
            pos = body + clen + (clen & 1)
    if fmt is None:
        raise WavError("the WAV header is damaged (no 'fmt' chunk)")
    if fmt[1] == 0 or fmt[2] == 0:
        raise WavError(f"the WAV header is damaged (sample rate {fmt[2]} Hz, {fmt[1]} channels)")
    raise WavError("the WAV file is cut short: its header ends before any audio data")


def pcm16_mono_chunks(path: Path, info: WavInfo, *, chunk_frames: int = 65536) -> Iterator[bytes]:
    """The first channel as 16-bit samples, keeping one frame in ``sample_rate //
    ANALYSIS_RATE``: enough for peaks without ffmpeg (duration comes from the header)."""
    width = info.bits // 8
    align = info.block_align
    stride = max(1, info.sample_rate // ANALYSIS_RATE) * align
    remaining = info.data_bytes - info.data_bytes % align
    with path.open("rb") as fh:
        fh.seek(info.data_offset)
        while remaining > 0:
            raw = fh.read(min(remaining, chunk_frames * align))
            if not raw:
                break
            raw = raw[: len(raw) - len(raw) % align]
            remaining -= len(raw)
            if width == align and stride == align:
                first = raw
            else:
                first = b"".join(raw[i : i + width] for i in range(0, len(raw), stride))
            yield _to_s16(first, width)


def _to_s16(raw: bytes, width: int) -> bytes:
    if width == 2:
        return raw
    out = bytearray(len(raw) // width * 2)
    if width == 1:  # unsigned 8-bit: centre and widen
        out[1::2] = raw.translate(_CENTRE_U8)
        return bytes(out)
    out[0::2] = raw[width - 2 :: width]  # the two most significant bytes (little-endian)
    out[1::2] = raw[width - 1 :: width]
    return bytes(out)
