"""The web edition's pictures: responsive sizes of each image, WebP with a JPEG fallback.

Made from the package's ``display`` rendition (the master when there is
none), so the bytes a browser reads are the ones the desktop reader shows,
at several widths for ``srcset``. The encoder settings are fixed (and Pillow
writes no timestamps), so the same package gives the same files: a second
publication of an unchanged story is byte-identical.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

from story import reading
from story.package.file import Package
from story.records import MediaInfo

#: The widths offered in ``srcset`` (a picture narrower than one is offered at its own width).
WIDTHS = (480, 960, 1280, 1600, 2400)
#: Fixed encoder settings: same input, same bytes.
JPEG_QUALITY = 82
WEBP_QUALITY = 78
#: libwebp's effort: 2 makes files within 2% of 4's at less than half the time.
WEBP_METHOD = 2


@dataclass(frozen=True)
class Picture:
    """One picture as the site offers it: every file is relative to the site's root."""

    width: int
    height: int
    jpeg: tuple[tuple[int, str], ...]  # (width, path), narrowest first
    webp: tuple[tuple[int, str], ...]

    def as_json(self) -> dict[str, object]:
        return {
            "w": self.width,
            "h": self.height,
            "jpeg": [list(s) for s in self.jpeg],
            "webp": [list(s) for s in self.webp],
        }


def _decode(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        img: Image.Image = Image.open(io.BytesIO(data))
        img.load()
    if img.mode not in ("RGB", "L"):
        background = Image.new("RGB", img.size, (255, 255, 255))
        rgba = img.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        img = background
    return img.convert("RGB")


def widths_for(width: int) -> list[int]:
    """The widths offered for a picture ``width`` pixels wide (never upscaled)."""
    out = [w for w in WIDTHS if w < width]
    out.append(min(width, WIDTHS[-1]))
    return sorted(set(out))


def encode_sizes(data: bytes, stem: str) -> tuple[Picture, dict[str, bytes]]:
    """``data`` (an encoded picture) at every width: the picture and its files by path."""
    img = _decode(data)
    w0, h0 = img.size
    files: dict[str, bytes] = {}
    jpeg: list[tuple[int, str]] = []
    webp: list[tuple[int, str]] = []
    sized = img
    for w in sorted(widths_for(w0), reverse=True):  # each size from the one above it
        h = max(1, round(h0 * w / w0))
        if sized.size != (w, h):
            sized = sized.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for fmt, ext, out in (("JPEG", "jpg", jpeg), ("WEBP", "webp", webp)):
            buf = io.BytesIO()
            if fmt == "JPEG":
                sized.save(buf, "JPEG", quality=JPEG_QUALITY, progressive=w <= 1600)
            else:
                sized.save(buf, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
            path = f"media/{stem}-{w}.{ext}"
            files[path] = buf.getvalue()
            out.append((w, path))
    jpeg.sort()
    webp.sort()
    top_w = jpeg[-1][0]
    return Picture(top_w, round(h0 * top_w / w0), tuple(jpeg), tuple(webp)), files


def picture_source(pkg: Package, medium: MediaInfo) -> bytes:
    """The bytes the web sizes are made from: the display rendition, else the master."""
    shown = reading.rendition(pkg, medium.id, "display")
    return shown[1] if shown is not None else reading.media_bytes(pkg, medium.id)


AUDIO_EXTENSIONS = {
    "audio/mp4": "m4a",
    "audio/mpeg": "mp3",
    "audio/ogg": "ogg",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/flac": "flac",
    "audio/x-flac": "flac",
    "audio/aac": "aac",
}


def audio_file(pkg: Package, medium: MediaInfo) -> tuple[str, str, bytes]:
    """(path, mime, bytes) of a recording for browsers: its delivery version, else the master."""
    delivery = reading.rendition(pkg, medium.id, "delivery")
    mime, data = delivery if delivery is not None else (medium.mime, None)
    if data is None:
        data = reading.media_bytes(pkg, medium.id)
    ext = AUDIO_EXTENSIONS.get(mime, "bin")
    return f"media/{medium.id[:16]}.{ext}", mime, data
