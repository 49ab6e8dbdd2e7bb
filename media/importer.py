"""One entry point for importing any file a curator brings: photo or recording."""

from __future__ import annotations

from pathlib import Path

from media.imported import CancelCheck, ImportedMedia, MediaError, Progress

_IMAGE_MAGIC = (
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)


def sniff_kind(head: bytes) -> str | None:
    """'image', 'audio' or None, from the first bytes of a file (never its name)."""
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"avif", b"heim", b"heis", b"avis"):
            return "image"
        return "audio"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio"
    if head.startswith((b"ID3", b"fLaC", b"OggS", b"\x1a\x45\xdf\xa3")):
        return "audio"
    if len(head) > 1 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0:
        return "audio"  # MPEG audio frame sync / ADTS
    return None


def import_file(
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportedMedia:
    """Import ``path`` as an image or audio file, deciding by its bytes."""
    path = Path(path)
    if not path.is_file():
        raise MediaError(path, "no such file" if not path.exists() else "not a regular file")
    with path.open("rb") as fh:
        head = fh.read(64)
    if not head:
        raise MediaError(path, "the file is empty (0 bytes)")
    kind = sniff_kind(head)
    if kind == "image":
        from media.images import import_image

        return import_image(path, progress=progress, cancelled=cancelled)
    if kind == "audio":
        from media.audio import import_audio

        return import_audio(path, progress=progress, cancelled=cancelled)
    raise MediaError(path, "not a photo or a recording Storyport can read")
