"""Recordings without their tags: the same compressed sound in a clean container.

Nothing is re-encoded. WAV files are rewritten here with only the chunks a
player needs (``fmt``, ``fact`` for compressed payloads, ``data``), copied
byte for byte. Every other container is remuxed by ffmpeg with the audio
packets copied (``-map 0:a:0 -c copy``) and all metadata, chapters, cover art
and attachments left behind (``-map_metadata -1 -map_chapters -1``), in
bitexact mode so ffmpeg adds no ``encoder`` tag or date of its own.

The sound is checked, not trusted: ffmpeg's ``framemd5`` of the audio packets
(sizes and MD5 of each, demuxed only, no decoding) must be the same before
and after, or ``StripFailed`` says why.
"""

from __future__ import annotations

import hashlib
import struct
import tempfile
from pathlib import Path

from media.ffmpeg_tools import ToolFailed, have_ffmpeg, last_error_line, probe, require, stream
from media.imported import CancelCheck
from media.wav_file import WavError, read_wav_info

#: ffmpeg output format and extra options per sniffed format (``sniff.Sniffed.format``)
_REMUX: dict[str, tuple[str, tuple[str, ...]]] = {
    "mp3": ("mp3", ("-id3v2_version", "0", "-write_id3v1", "0")),
    "mp4": ("mp4", ("-movflags", "+faststart")),
    "aac": ("adts", ("-write_id3v2", "0", "-write_apetag", "0")),
    "flac": ("flac", ("-metadata_header_padding", "0")),
    "ogg": ("ogg", ()),
    "webm": ("matroska", ()),
    "aiff": ("aiff", ("-write_id3v2", "0")),
}
#: M4A brands for the codecs an iPod/iTunes file holds; others keep ffmpeg's mp4 brand
_M4A_CODECS = {"aac", "alac"}
_WAV_KEEP = (b"fmt ", b"fact")
_COPY_BYTES = 1 << 20


class StripFailed(Exception):
    """The tags could not be removed without touching the sound; ``str()`` says why."""


def _deadline(size: int) -> float:
    """A remux or a packet hash is I/O bound: a minute plus a second per 10 MB."""
    return 60.0 + size / 10e6


def strip_wav(path: Path, out: Path) -> None:
    """Write ``path`` to ``out`` as a RIFF/WAVE with only fmt, fact and data chunks."""
    try:
        info = read_wav_info(path)
    except WavError as exc:
        raise StripFailed(str(exc)) from None
    size = path.stat().st_size
    kept: list[bytes] = []
    with path.open("rb") as fh:
        pos = 12
        while pos + 8 <= info.data_offset - 8:
            fh.seek(pos)
            cid, clen = struct.unpack("<4sI", fh.read(8))
            if cid in _WAV_KEEP and not any(c[:4] == cid for c in kept):
                body = fh.read(clen)
                kept.append(struct.pack("<4sI", cid, len(body)) + body + b"\x00" * (len(body) & 1))
            pos += 8 + clen + (clen & 1)
        data_len = min(info.data_bytes, size - info.data_offset)  # every byte, as it was
        header = b"".join(kept) + struct.pack("<4sI", b"data", data_len)
        riff_len = 4 + len(header) + data_len + (data_len & 1)
        with out.open("wb") as dst:
            dst.write(struct.pack("<4sI4s", b"RIFF", riff_len, b"WAVE") + header)
            fh.seek(info.data_offset)
            left = data_len
            while left > 0:
                chunk = fh.read(min(left, _COPY_BYTES))
                if not chunk:
                    raise StripFailed("the WAV file ended while its sound was being copied")
                dst.write(chunk)
                left -= len(chunk)
            if data_len & 1:
                dst.write(b"\x00")


def remux(
    path: Path, fmt: str, out: Path, *, codec: str = "", cancelled: CancelCheck | None = None
) -> None:
    """ffmpeg copies the first audio stream of ``path`` into ``out`` with no metadata
    (``codec``, the first audio stream's codec, saves a probe for MP4)."""
    if fmt in ("mp3", "aac") or (fmt == "mp4" and not codec):
        codec = codec or probe(path).codec
    if fmt in ("mp3", "aac"):  # an ID3 tag in front hides ADTS AAC from ``sniff``
        fmt = "aac" if codec == "aac" else "mp3"
    muxer, extra = _REMUX[fmt]
    cmd = [
        require("ffmpeg"), "-nostdin", "-hide_banner", "-nostats", "-v", "error", "-y",
        "-i", str(path), "-map", "0:a:0", "-c", "copy",
        "-map_metadata", "-1", "-map_chapters", "-1",
        "-fflags", "+bitexact", "-flags:a", "+bitexact", *extra,
    ]  # fmt: skip
    if fmt == "mp4" and codec in _M4A_CODECS:
        cmd += ["-brand", "M4A "]
    cmd += ["-f", muxer, str(out)]
    rc, stderr = stream(
        cmd, timeout=_deadline(path.stat().st_size), on_chunk=lambda _c: None, cancelled=cancelled
    )
    if rc != 0 or not out.exists() or out.stat().st_size == 0:
        raise StripFailed(f"removing its tags failed ({last_error_line(stderr, path)})")


def packet_digest(path: Path, *, cancelled: CancelCheck | None = None) -> tuple[int, str]:
    """(number of audio packets, SHA-256 over each packet's size and MD5) of the first
    audio stream, from ``ffmpeg -c copy -f framemd5`` (demuxing only, no decoding)."""
    lines: list[bytes] = []
    rest = b""

    def take(chunk: bytes) -> None:
        nonlocal rest
        parts = (rest + chunk).split(b"\n")
        rest = parts.pop()
        lines.extend(parts)

    cmd = [
        require("ffmpeg"), "-nostdin", "-hide_banner", "-nostats", "-v", "error",
        "-i", str(path), "-map", "0:a:0", "-c", "copy", "-f", "framemd5", "pipe:1",
    ]  # fmt: skip
    rc, stderr = stream(
        cmd, timeout=_deadline(path.stat().st_size), on_chunk=take, cancelled=cancelled
    )
    if rest:
        lines.append(rest)
    if rc != 0:
        raise ToolFailed(last_error_line(stderr, path))
    digest = hashlib.sha256()
    count = 0
    for line in lines:
        if not line or line.startswith(b"#"):
            continue
        fields = [f.strip() for f in line.split(b",")]
        if len(fields) >= 6:
            digest.update(fields[4] + b":" + fields[5] + b"\n")  # size, md5
            count += 1
    return count, digest.hexdigest()


def strip_recording(
    path: Path,
    fmt: str,
    out: Path,
    *,
    codec: str = "",
    verify: bool = True,
    cancelled: CancelCheck | None = None,
) -> None:
    """Write ``path`` (sniffed format ``fmt``) to ``out`` without any tag, cover or chapter.

    WAV is rewritten in Python (works without ffmpeg); the rest needs ffmpeg.
    With ``verify`` (and ffmpeg present) the audio packets of both files are
    compared; ``StripFailed`` when they differ or the container cannot be
    written, ``ToolMissing`` when a non-WAV file meets no ffmpeg.
    """
    if fmt == "wav":
        strip_wav(path, out)
    elif fmt in _REMUX:
        remux(path, fmt, out, codec=codec, cancelled=cancelled)
    else:
        raise StripFailed(f"Storyport cannot remove tags from {fmt.upper() or 'this'} files")
    if not verify or not have_ffmpeg():
        return
    try:
        before = packet_digest(path, cancelled=cancelled)
        after = packet_digest(out, cancelled=cancelled)
    except ToolFailed as exc:
        raise StripFailed(f"its sound could not be checked after removing tags ({exc})") from None
    if before != after:
        raise StripFailed(
            f"removing its tags would change the sound ({before[0]} audio packets before, "
            f"{after[0]} after, or different contents)"
        )


def stripped_bytes(
    path: Path,
    fmt: str,
    *,
    codec: str = "",
    verify: bool = True,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """``strip_recording`` into a temporary file, returned as bytes (one copy in memory)."""
    with tempfile.TemporaryDirectory(prefix="storyport-strip-") as tmp:
        out = Path(tmp) / f"clean.{fmt or 'bin'}"
        strip_recording(path, fmt, out, codec=codec, verify=verify, cancelled=cancelled)
        return out.read_bytes()
