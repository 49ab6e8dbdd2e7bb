"""Lossless JPEG metadata removal: rewrite the segment list, never touch the compressed pixels.

A JPEG is a list of marker segments; the picture itself is the entropy-coded
data after each SOS. Dropping APPn/COM segments (EXIF, XMP, IPTC, maker
notes, MPF) and everything after the first image's EOI (MPF/Ultra HDR gain
maps and phone trailers, which carry their own EXIF) removes identifying
metadata without re-encoding, so the master keeps the camera's exact pixels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: the next real marker in entropy-coded data: 0xFF not followed by stuffing (00) or RSTn
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")

_SOI, _EOI, _SOS, _COM = 0xD8, 0xD9, 0xDA, 0xFE


class JpegStructureError(ValueError):
    """The segment list is broken; ``truncated`` when the file ends too early."""

    def __init__(self, message: str, *, truncated: bool = False) -> None:
        super().__init__(message)
        self.truncated = truncated


@dataclass(frozen=True)
class Stripped:
    data: bytes
    dropped: tuple[str, ...]  # segment kinds removed, e.g. "APP1 Exif", "trailing data"


def _segment_label(marker: int, payload: bytes) -> str:
    ident = payload[:14].split(b"\x00", 1)[0][:12].decode("latin-1", "replace")
    if marker == _COM:
        return "COM"
    return f"APP{marker - 0xE0} {ident}".strip()


def _keep(marker: int, payload: bytes) -> bool:
    if marker == 0xE0:
        return payload.startswith(b"JFIF\x00")  # not JFXX, which may hold a thumbnail
    if marker == 0xE2:
        return payload.startswith(b"ICC_PROFILE\x00")
    if marker == 0xEE:
        return payload.startswith(b"Adobe")  # the colour transform flag decoders need
    return not (0xE0 <= marker <= 0xEF or marker == _COM)


def strip_jpeg(data: bytes, *, exif: bytes | None = None) -> Stripped:
    """``data`` without metadata segments or trailing bytes; ``exif`` (an APP1 payload
    starting ``Exif\\0\\0``) is inserted when given, e.g. to keep a credit line."""
    if not data.startswith(b"\xff\xd8"):
        raise JpegStructureError("not a JPEG (no start-of-image marker)")
    out: list[bytes] = [b"\xff\xd8"]
    dropped: list[str] = []
    n = len(data)
    pos = 2
    inserted = exif is None
    saw_scan = False
    while True:
        if pos >= n:
            raise JpegStructureError("the file ends before the picture does", truncated=True)
        if data[pos] != 0xFF:
            raise JpegStructureError(f"damaged JPEG structure at byte {pos}")
        while pos < n and data[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= n:
            raise JpegStructureError("the file ends before the picture does", truncated=True)
        marker = data[pos]
        pos += 1
        if marker == _EOI:
            if not saw_scan:
                raise JpegStructureError("the JPEG holds no picture data")
            out.append(b"\xff\xd9")
            if pos < n and data[pos:].strip(b"\x00"):
                dropped.append("trailing data")
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(bytes((0xFF, marker)))
            continue
        if pos + 2 > n:
            raise JpegStructureError("the file ends before the picture does", truncated=True)
        length = int.from_bytes(data[pos : pos + 2], "big")
        end = pos + length
        if length < 2 or end > n:
            raise JpegStructureError("the file ends before the picture does", truncated=True)
        payload = data[pos + 2 : end]
        if not inserted and marker != 0xE0:
            assert exif is not None
            out.append(b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif)
            inserted = True
        if _keep(marker, payload):
            out.append(data[pos - 2 : end])
        else:
            dropped.append(_segment_label(marker, payload))
        pos = end
        if marker == _SOS:
            saw_scan = True
            found = _NEXT_MARKER.search(data, pos)
            if found is None:
                raise JpegStructureError("the file ends before the picture does", truncated=True)
            out.append(data[pos : found.start()])
            pos = found.start()
    return Stripped(b"".join(out), tuple(dropped))
