"""Does a stored medium still say who made it or where? Check it, and clean it.

For ``validate``, ``export`` and the editor, over bytes already in a package
(including packages made before recordings were cleaned on import)::

    from media.identifying import identifying_metadata, strip_identifying

    words = identifying_metadata(data, mime)          # [] when clean
    clean, removed = strip_identifying(data, mime)    # removed == words

- ``identifying_metadata(data, mime, *, keep_credit=False) -> list[str]``: what
  identifying or locating metadata the photo or recording still carries, in the
  words ``ImportedMedia.removed_metadata`` uses ("GPS position", "camera serial
  number", "artist name", "comment", "location (©xyz)", "cover art",
  "chapters", "encoder/software", "RIFF INFO tags"…). Empty when clean.
  ``keep_credit=True`` accepts an EXIF Artist/Copyright in a photo (what
  ``add-media --keep-credit`` keeps).
- ``strip_identifying(data, mime, *, keep_credit=False) -> (bytes, list[str])``:
  the same medium without it, and what went. Nothing is re-encoded: JPEG
  segments are cut (``jpeg_segments``), PNG ancillary chunks dropped, WAV
  rewritten with fmt/fact/data only, other recordings remuxed by ffmpeg with
  their audio packets checked unchanged (``audio_strip``). A clean medium
  comes back as the very same bytes (so its SHA-256 stays).

The bytes decide the kind and format (``sniff``); ``mime`` only names it in
messages. Both raise ``MetadataError`` (one line, a reason for a curator) for
bytes that are no photo or recording, damaged, or cannot be cleaned
losslessly (photos other than JPEG and PNG: import masters are never
anything else), and ``media.ffmpeg_tools.ToolMissing`` for a recording other
than WAV when ffmpeg is missing. Recordings take ffprobe/ffmpeg runs with
deadlines (about 0.2 s for a short file); call them off the UI thread.
"""

from __future__ import annotations

import io
import struct
import tempfile
import zlib
from pathlib import Path

from media.audio_strip import StripFailed, stripped_bytes
from media.audio_tags import recording_metadata, wav_metadata
from media.ffmpeg_tools import ToolFailed, have_ffmpeg
from media.jpeg_segments import JpegStructureError, strip_jpeg
from media.sniff import HEAD_BYTES, Sniffed, sniff

__all__ = ["MetadataError", "identifying_metadata", "strip_identifying"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: PNG chunks a picture needs (critical ones, colour, transparency, APNG frames)
_PNG_KEEP = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
    b"sBIT", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT", b"cICP",
}  # fmt: skip
_PNG_WORDS = {
    b"tEXt": "PNG text notes",
    b"zTXt": "PNG text notes",
    b"iTXt": "PNG text notes",
    b"eXIf": "EXIF metadata",
    b"tIME": "date and time (PNG tIME)",
    b"caBX": "content credentials (C2PA)",
}


class MetadataError(ValueError):
    """Bytes that cannot be checked or cleaned; ``str()`` is one line for a curator."""


def _kind(data: bytes, mime: str) -> Sniffed:
    found = sniff(data[:HEAD_BYTES]) if data else None
    if found is None:
        raise MetadataError(f"{mime or 'the medium'} is not a photo or recording Storyport reads")
    return found


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, whole chunk bytes) of a PNG; MetadataError when the structure is broken."""
    chunks: list[tuple[bytes, bytes]] = []
    pos = len(_PNG_SIGNATURE)
    while pos < len(data):
        if pos + 12 > len(data):
            raise MetadataError("the PNG is cut short (a chunk ends past the file)")
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise MetadataError("the PNG is cut short (a chunk ends past the file)")
        chunks.append((ctype, data[pos:end]))
        pos = end
        if ctype == b"IEND":
            break
    return chunks


def _png_words(chunks: list[tuple[bytes, bytes]]) -> list[str]:
    found: list[str] = []
    for ctype, _raw in chunks:
        if ctype in _PNG_KEEP:
            continue
        words = _PNG_WORDS.get(ctype, f"other PNG chunks ({ctype.decode('latin-1')})")
        if words not in found:
            found.append(words)
    return found


def _photo_words(data: bytes, fmt: str, keep_credit: bool) -> list[str]:
    from PIL import Image

    from media.photo_import import _open, _register_heif
    from media.photo_metadata import describe_removed

    if fmt == "heic":
        _register_heif()
    try:
        with _open(data) as im:
            found = describe_removed(im, im.getexif(), keep_credit=keep_credit)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise MetadataError(f"the {fmt.upper()} photo cannot be read ({exc})") from None
    if fmt == "jpeg":
        try:
            dropped = strip_jpeg(data).dropped
        except JpegStructureError as exc:
            raise MetadataError(f"the JPEG photo is damaged ({exc})") from None
        other = [d for d in dropped if not d.startswith("APP1 Exif") and d != "trailing data"]
        if other:
            found.append(f"metadata segments ({', '.join(sorted(set(other)))})")
        if "trailing data" in dropped:
            found.append("data after the end of the picture")
    elif fmt == "png":
        found += [w for w in _png_words(_png_chunks(data)) if w not in found]
    return found


def _photo_strip(data: bytes, fmt: str, keep_credit: bool) -> bytes:
    if fmt == "jpeg":
        from PIL import Image

        from media.photo_metadata import credit_exif

        exif = Image.open(io.BytesIO(data)).getexif() if keep_credit else None
        try:
            return strip_jpeg(data, exif=credit_exif(exif) if exif is not None else None).data
        except JpegStructureError as exc:
            raise MetadataError(f"the JPEG photo is damaged ({exc})") from None
    if fmt == "png":
        kept = [raw for ctype, raw in _png_chunks(data) if ctype in _PNG_KEEP]
        out = _PNG_SIGNATURE + b"".join(kept)
        if not out.endswith(b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))):
            raise MetadataError("the PNG has no end chunk (IEND)")
        return out
    raise MetadataError(
        f"{fmt.upper()} photos cannot be cleaned without re-encoding; import the file again"
    )


def _with_file(data: bytes, fmt: str) -> tuple[tempfile.TemporaryDirectory[str], Path]:
    tmp = tempfile.TemporaryDirectory(prefix="storyport-check-")
    path = Path(tmp.name) / f"medium.{fmt}"
    path.write_bytes(data)
    return tmp, path


def _recording_words(path: Path, fmt: str) -> list[str]:
    if fmt == "wav" and not have_ffmpeg():
        return wav_metadata(path)
    try:
        return recording_metadata(path, fmt)
    except ToolFailed as exc:
        raise MetadataError(f"the {fmt.upper()} recording cannot be read ({exc})") from None


def identifying_metadata(data: bytes, mime: str, *, keep_credit: bool = False) -> list[str]:
    """What identifying or locating metadata ``data`` still carries, in words; [] when clean."""
    found = _kind(data, mime)
    if found.kind == "image":
        return _photo_words(data, found.format, keep_credit)
    tmp, path = _with_file(data, found.format)
    with tmp:
        return _recording_words(path, found.format)


def strip_identifying(
    data: bytes, mime: str, *, keep_credit: bool = False
) -> tuple[bytes, list[str]]:
    """``data`` without its identifying metadata, and what was removed (in words).

    Lossless; the same bytes come back when there was nothing to remove.
    """
    found = _kind(data, mime)
    if found.kind == "image":
        words = _photo_words(data, found.format, keep_credit)
        if not words:
            return data, []
        return _photo_strip(data, found.format, keep_credit), words
    tmp, path = _with_file(data, found.format)
    with tmp:
        words = _recording_words(path, found.format)
        if not words:
            return data, []
        try:
            clean = stripped_bytes(path, found.format)
        except StripFailed as exc:
            raise MetadataError(str(exc)) from None
        out = path.with_name(f"clean.{found.format}")
        out.write_bytes(clean)
        left = _recording_words(out, found.format)
        if left:
            raise MetadataError(f"its tags could not all be removed ({', '.join(left)} stay)")
        return clean, words
