"""What identifying metadata a recording carries, said in words a curator understands.

A recording's container can name who made it and where: ID3v1/v2 frames
(MP3), MP4 atoms (``udta``/``meta``/``ilst``, the ``©xyz`` location a phone
writes, Apple ``mdta`` keys), Vorbis comments (Ogg Vorbis, Opus, FLAC), RIFF
INFO, BEXT and iXML chunks (WAV), Matroska tags, embedded cover art and
attachments, and chapters. ``recording_metadata(path)`` lists them, in words
("artist name", "comment", "location (©xyz)", "cover art", "chapters",
"encoder/software"…), from one ``ffprobe`` run (tags, extra streams,
chapters) and a look at the raw bytes for what ffprobe does not show (WAV
chunks, ID3v1 behind ID3v2, APE tags, MP4 location and XMP boxes).

Technical facts the container needs are not metadata and are not listed:
brands, handler names, language codes, durations, and the bare muxer name
``Lavf`` (no version) that ffmpeg's MP3 and Matroska muxers must write.
``audio_strip`` removes everything listed here.
"""

from __future__ import annotations

import json
import struct
import subprocess
from pathlib import Path
from typing import BinaryIO

from media.ffmpeg_tools import PROBE_TIMEOUT_S, ToolFailed, last_error_line, require

#: tag names (lower case) that are container facts, never identifying
TECHNICAL_TAGS = frozenset(
    {
        "major_brand",
        "minor_version",
        "compatible_brands",
        "handler_name",
        "vendor_id",
        "language",
        "duration",
        "mimetype",
    }
)
#: the only encoder value kept: ffmpeg's muxer name, which MP3 (LAME/Info frame) and
#: Matroska (MuxingApp, WritingApp) must carry, written without a version in bitexact mode
BARE_MUXER = "lavf"

# (words, tag-name fragments); the first group whose fragment occurs in the name wins
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("location", ("location", "gps", "xyz", "iso6709", "geo")),
    ("device make and model", ("make", "model", "device")),
    (
        "broadcast extension (BEXT: originator, reference, time)",
        ("originator", "coding_history", "time_reference", "umid"),
    ),
    ("encoder/software", ("encoder", "encoded_by", "encoding", "software", "tool", "vendor")),
    ("artist name", ("artist", "performer", "author", "creator", "band")),
    (
        "composer or other credited names",
        ("composer", "lyricist", "conductor", "arranger", "writer", "producer", "engineer"),
    ),
    ("lyrics", ("lyrics",)),
    ("comment", ("comment", "description", "synopsis", "subject", "keywords", "note")),
    ("copyright notice", ("copyright", "license", "rights")),
    ("publisher and catalogue IDs", ("publisher", "label", "musicbrainz", "isrc", "barcode")),
    ("date and time recorded", ("date", "year", "time", "creation", "tdrc", "tdor")),
    ("title", ("title", "name")),
    ("album", ("album",)),
)

_WAV_CHUNKS = {
    b"LIST": "RIFF INFO tags",
    b"bext": "broadcast extension (BEXT: originator, reference, time)",
    b"iXML": "iXML production metadata",
    b"axml": "XML metadata (axml)",
    b"_PMX": "XMP metadata",
    b"id3 ": "ID3 tags",
    b"ID3 ": "ID3 tags",
    b"cue ": "cue points",
    b"DISP": "display text (DISP)",
    b"umid": "unique material ID (UMID)",
}
#: chunks a WAV needs (fmt, fact, data) or pure padding: never listed
_WAV_KEPT = {b"fmt ", b"fact", b"data", b"JUNK", b"junk", b"PAD ", b"FLLR"}
_MP4_ATOMS = {
    b"\xa9xyz": "location (©xyz)",
    b"loci": "location (loci)",
    b"XMP_": "XMP metadata",
    b"\xbez\xcf\xcb\x97\xa9B\xe8\x9cq\x99\x94\x91\xe3\xaf\xac": "XMP metadata",
}


#: raw ID3v2 frame IDs, as ffprobe shows them when it does not map them (ID3 before ADTS)
_ID3_FRAMES = {
    "TPE1": "artist", "TPE2": "album_artist", "TPE3": "conductor", "TPE4": "arranger",
    "TCOM": "composer", "TEXT": "lyricist", "TOLY": "lyricist", "TOPE": "artist",
    "TSSE": "encoder", "TENC": "encoded_by", "COMM": "comment", "TIT1": "title",
    "TIT2": "title", "TIT3": "title", "TALB": "album", "TCOP": "copyright",
    "TDRC": "date", "TYER": "date", "TDAT": "date", "TIME": "date", "TDRL": "date",
    "TDEN": "date", "TPUB": "publisher", "TSRC": "isrc", "USLT": "lyrics",
    "APIC": "metadata_block_picture", "TOWN": "artist", "WOAR": "artist",
}  # fmt: skip


def tag_words(name: str, value: str = "") -> str | None:
    """Words for one tag, or None when it is a container fact (see ``TECHNICAL_TAGS``)."""
    key = _ID3_FRAMES.get(name.strip(), name).strip().lower()
    if key in TECHNICAL_TAGS:
        return None
    if key == "encoder" and value.strip().lower() == BARE_MUXER:
        return None
    if key == "metadata_block_picture":
        return "cover art"
    for words, fragments in _GROUPS:
        if any(f in key for f in fragments):
            return words
    return "other tags (genre, track number…)"


def _ffprobe(path: Path, timeout: float) -> dict[str, object]:
    cmd = [
        require("ffprobe"), "-v", "error",
        "-show_entries",
        "format=format_name:format_tags:stream=index,codec_type,codec_name:stream_tags"
        ":stream_disposition=attached_pic:chapter=id",
        "-of", "json", str(path),
    ]  # fmt: skip
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ToolFailed(f"ffprobe took longer than {timeout:.0f} s") from None
    if done.returncode != 0:
        raise ToolFailed(last_error_line(done.stderr.decode("utf-8", "replace"), path))
    try:
        info = json.loads(done.stdout or b"{}")
    except ValueError:
        raise ToolFailed("ffprobe printed nothing readable") from None
    return info if isinstance(info, dict) else {}


def _probe_words(info: dict[str, object]) -> list[str]:
    fmt = info.get("format") or {}
    assert isinstance(fmt, dict)
    found: list[str] = []

    def add(words: str | None) -> None:
        if words and words not in found:
            found.append(words)

    def tags(owner: dict[str, object]) -> None:
        raw = owner.get("tags") or {}
        if isinstance(raw, dict):
            for name, value in raw.items():
                add(tag_words(str(name), str(value)))

    tags(fmt)
    streams = info.get("streams") or []
    assert isinstance(streams, list)
    audio_seen = False
    for st in streams:
        if not isinstance(st, dict):
            continue
        kind = st.get("codec_type")
        disposition = st.get("disposition") or {}
        if kind == "audio" and not audio_seen:
            audio_seen = True
            tags(st)
        elif kind == "audio":
            add("extra audio streams")
        elif kind == "video" and isinstance(disposition, dict) and disposition.get("attached_pic"):
            add("cover art")
        elif kind == "attachment":
            add("attached files (cover art, fonts…)")
        elif kind == "video":
            add("video or picture streams")
        else:
            add("subtitle or data streams")
    if info.get("chapters"):
        add("chapters")
    return found


def _wav_words(fh: BinaryIO, size: int) -> list[str]:
    found: list[str] = []
    fh.seek(12)
    pos = 12
    while pos + 8 <= size:
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            break
        cid, clen = struct.unpack("<4sI", head)
        if cid not in _WAV_KEPT:
            label = _WAV_CHUNKS.get(cid)
            if cid == b"LIST":
                kind = fh.read(4)
                label = "RIFF INFO tags" if kind == b"INFO" else "labels and notes (LIST adtl)"
            if label is None:
                label = f"other chunks ({cid.decode('latin-1', 'replace').strip()})"
            if label not in found:
                found.append(label)
        if cid == b"data" and clen in (0, 0xFFFFFFFF):
            break  # a streamed WAV: the data runs to the end of the file
        pos += 8 + clen + (clen & 1)
    return found


#: MP4 boxes that may hold metadata boxes (``meta`` has 4 bytes of version/flags in ISO
#: files and none in QuickTime ones: both are tried)
_MP4_CONTAINERS = {b"moov", b"trak", b"udta", b"meta"}
_MP4_MAX_BOX = 64 << 20


def _mp4_children(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, body start, box end) of the boxes in ``data[start:end]``; [] when they do not
    tile it exactly (so a QuickTime ``meta`` is not misread as an ISO one, or the reverse)."""
    boxes: list[tuple[bytes, int, int]] = []
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = pos + 8
        if size == 1 and pos + 16 <= end:
            size, body = struct.unpack(">Q", data[pos + 8 : pos + 16])[0], pos + 16
        if size < body - pos or pos + size > end:
            return []
        boxes.append((kind, body, pos + size))
        pos += size
    return boxes if pos == end else []


def _mp4_box_words(data: bytes, start: int, end: int, found: list[str]) -> None:
    for kind, body, stop in _mp4_children(data, start, end):
        words = _MP4_ATOMS.get(kind)
        if kind == b"uuid":
            words = _MP4_ATOMS.get(data[body : body + 16])
        if words and words not in found:
            found.append(words)
        if kind in _MP4_CONTAINERS:
            inner = _mp4_children(data, body, stop)
            if kind == b"meta" and not inner:
                body += 4  # ISO full box: version and flags first
            _mp4_box_words(data, body, stop, found)


def _mp4_words(fh: BinaryIO, size: int) -> list[str]:
    """Location (``©xyz``, ``loci``) and XMP boxes in ``moov`` (any depth of
    trak/udta/meta) and at the top level, found by walking the boxes."""
    found: list[str] = []
    pos = 0
    while pos + 8 <= size:
        fh.seek(pos)
        head = fh.read(16)
        if len(head) < 8:
            break
        box_size, kind = struct.unpack(">I4s", head[:8])
        if box_size == 1 and len(head) >= 16:
            box_size = struct.unpack(">Q", head[8:16])[0]
        elif box_size == 0:
            box_size = size - pos
        if box_size < 8:
            break
        if kind in (b"moov", b"uuid", b"meta", b"udta") and box_size <= _MP4_MAX_BOX:
            fh.seek(pos)
            box = fh.read(box_size)
            _mp4_box_words(box, 0, len(box), found)
        pos += box_size
    return found


def _byte_words(path: Path, fmt: str) -> list[str]:
    found: list[str] = []
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(12)
        if head.startswith(b"ID3"):
            found.append("ID3v2 tags")
        fh.seek(max(0, size - 64 * 1024))
        tail = fh.read()
        if tail[-128:-125] == b"TAG" or tail[-128 - 32 : -125 - 32] == b"TAG":
            found.append("ID3v1 tag")
        if b"APETAGEX" in tail:
            found.append("APE tags")
        if b"LYRICS200" in tail or b"LYRICSEND" in tail:
            found.append("Lyrics3 tag")
        if fmt == "wav" or (head[:4] == b"RIFF" and head[8:12] == b"WAVE"):
            found += _wav_words(fh, size)
        elif fmt == "mp4" or head[4:8] == b"ftyp":
            found += _mp4_words(fh, size)
    return found


def recording_metadata(path: Path, fmt: str = "", *, timeout: float = PROBE_TIMEOUT_S) -> list[str]:
    """What identifying or locating metadata the recording at ``path`` carries, in words.

    Empty for a clean file. ``fmt`` is the sniffed format ("mp3", "wav", "mp4"…),
    a hint for the byte checks. Raises ``ToolFailed`` when ffprobe refuses the
    file and ``ToolMissing`` without ffprobe (a WAV is then read by its chunks only).
    """
    found = _probe_words(_ffprobe(path, timeout))
    for words in _byte_words(path, fmt):
        if words not in found:
            found.append(words)
    if any(w.startswith("location (") for w in found):  # the box named it more exactly
        found = [w for w in found if w != "location"]
    return found


def wav_metadata(path: Path) -> list[str]:
    """A WAV file's identifying chunks, without ffmpeg (``_WAV_CHUNKS`` in words)."""
    return _byte_words(path, "wav")
