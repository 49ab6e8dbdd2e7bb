"""Recognise a file's format from its first bytes, never from its name."""

from __future__ import annotations

from dataclasses import dataclass

#: how many bytes ``sniff`` wants to see
HEAD_BYTES = 64

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "image" | "audio"
    format: str  # "jpeg", "png", "gif", "bmp", "tiff", "webp", "heic", "avif", "wav", "mp3", …

    @property
    def label(self) -> str:
        return self.format.upper()


def _mp4_brands(head: bytes) -> set[bytes]:
    size = int.from_bytes(head[0:4], "big")
    end = min(len(head), max(16, size))
    brands = {head[8:12]}
    brands.update(head[i : i + 4] for i in range(16, end - 3, 4))
    return brands


def sniff(head: bytes) -> Sniffed | None:
    """The kind and format of a file from its first ``HEAD_BYTES`` bytes, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("image", "jpeg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("image", "png")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Sniffed("image", "gif")
    if head.startswith(b"BM") and len(head) >= 18 and head[14] in (12, 40, 52, 56, 64, 108, 124):
        return Sniffed("image", "bmp")
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return Sniffed("image", "tiff")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("image", "webp")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Sniffed("audio", "wav")
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return Sniffed("audio", "aiff")
    if head[4:8] == b"ftyp":
        brands = _mp4_brands(head)
        if head[8:12] in _AVIF_BRANDS:
            return Sniffed("image", "avif")
        if head[8:12] in _HEIF_BRANDS or (
            brands & _HEIF_BRANDS and not brands & {b"M4A ", b"isom"}
        ):
            return Sniffed("image", "heic")
        if brands & _AVIF_BRANDS:
            return Sniffed("image", "avif")
        return Sniffed("audio", "mp4")  # M4A/AAC/ALAC; a video-only MP4 fails at probing
    if head.startswith(b"fLaC"):
        return Sniffed("audio", "flac")
    if head.startswith(b"OggS"):
        return Sniffed("audio", "ogg")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return Sniffed("audio", "webm")
    if head.startswith(b"ID3"):
        return Sniffed("audio", "mp3")
    if len(head) > 1 and head[0] == 0xFF:
        if head[1] & 0xF6 == 0xF0:
            return Sniffed("audio", "aac")  # ADTS
        if head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
            return Sniffed("audio", "mp3")  # MPEG audio frame sync, layer set
    return None


def sniff_kind(head: bytes) -> str | None:
    """'image', 'audio' or None, from the first bytes of a file."""
    found = sniff(head)
    return found.kind if found else None
