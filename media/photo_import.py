"""Photo import: any still a curator brings becomes an upright, sRGB, metadata-free master
plus a display-size and a thumbnail JPEG.

Masters keep full resolution. An upright, sRGB JPEG keeps its exact
compressed pixels (metadata segments are cut out, see ``jpeg_segments``) and
its renditions are decoded at reduced size with JPEG draft mode; anything
else is decoded once, turned upright (EXIF orientation), converted to sRGB
and re-encoded (PNG for lossless sources or transparency, JPEG q95 4:2:0
otherwise).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from media.imported import (
    CancelCheck,
    ImportedMedia,
    ImportOptions,
    MediaError,
    Progress,
    Rendition,
    check_cancelled,
    report,
)
from media.jpeg_segments import JpegStructureError, strip_jpeg
from media.photo_colour import flatten, is_srgb, to_srgb
from media.photo_metadata import ORIENTATION, credit_exif, describe_removed
from media.sniff import sniff

DISPLAY_MAX = 2560
THUMB_MAX = 320
DISPLAY_QUALITY = 85
THUMB_QUALITY = 80
#: The largest photo accepted, in pixels: 100 MP is well above any camera a curator
#: brings (a 24 MP DSLR, a 48 MP phone) and its decoded RGB copy is 300 MB.
MAX_PIXELS = 100_000_000
#: The largest photo file read at all, before decoding.
MAX_FILE_BYTES = 200 * 1024 * 1024

# Deliberate limits: Pillow refuses more than 2x this outright; we refuse above it ourselves.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# ImageFile.LOAD_TRUNCATED_IMAGES stays False (never set here): truncated photos are refused.

_LOSSLESS_SOURCES = {"png", "gif", "bmp", "tiff"}
_HEIF_READY = False


def _register_heif() -> None:
    """HEIC through pillow-heif (AVIF is native in Pillow >= 11.2)."""
    global _HEIF_READY
    if not _HEIF_READY:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _HEIF_READY = True


def _reason(exc: BaseException, fmt: str) -> str:
    """One human sentence for what Pillow raised."""
    text = str(exc)
    if isinstance(exc, Image.DecompressionBombError | Image.DecompressionBombWarning):
        return (
            f"the image declares too many pixels to decode safely (limit {MAX_PIXELS // 1_000_000} "
            "megapixels; possibly a decompression bomb)"
        )
    if "MAX_TEXT_CHUNK" in text or "Too much memory used in text chunks" in text:
        return "the PNG holds a text chunk too large to read safely (possibly a decompression bomb)"
    if "truncated" in text.lower() or isinstance(exc, EOFError):
        return "the image is truncated (the file ends before the picture does)"
    if isinstance(exc, UnidentifiedImageError):
        return f"the file starts like a {fmt.upper()} image but its contents are damaged"
    first = text.splitlines()[0][:120] if text else type(exc).__name__
    return f"the {fmt.upper()} image is damaged ({first})"


def _fit_size(size: tuple[int, int], limit: int) -> tuple[int, int]:
    w, h = size
    if max(w, h) <= limit:
        return w, h
    scale = limit / max(w, h)
    return max(1, round(w * scale)), max(1, round(h * scale))


def _resize(img: Image.Image, limit: int) -> Image.Image:
    size = _fit_size(img.size, limit)
    if size == img.size:
        return img
    # reducing_gap=1: a cheap box reduction by the whole factor first (as JPEG draft
    # mode does), then Lanczos for the rest; a 24 MP source resizes 3x faster.
    return img.resize(size, Image.Resampling.LANCZOS, reducing_gap=1.0)


def _jpeg(img: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    flatten(img).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def _renditions(img: Image.Image) -> tuple[Rendition, Rendition]:
    display = _resize(img, DISPLAY_MAX)
    thumb = _resize(display, THUMB_MAX)
    return (
        Rendition("display", "image/jpeg", _jpeg(display, DISPLAY_QUALITY)),
        Rendition("thumb", "image/jpeg", _jpeg(thumb, THUMB_QUALITY)),
    )


def _open(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data))


def import_image(
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    options: ImportOptions | None = None,
) -> ImportedMedia:
    """Import a photo; a refusal is one ``MediaError`` line.

    Pillow's own warnings (a truncated TIFF, odd EXIF) are kept from stderr: a
    file it cannot read ends in the error's one line, one it can read imports.
    """
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        return _import_image(path, progress=progress, cancelled=cancelled, options=options)


def _import_image(
    path: Path,
    *,
    progress: Progress | None,
    cancelled: CancelCheck | None,
    options: ImportOptions | None,
) -> ImportedMedia:
    options = options or ImportOptions()
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise MediaError(
            path,
            f"the photo file is too large ({size / 1e6:.0f} MB; limit "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB)",
        )
    data = path.read_bytes()
    found = sniff(data[:64])
    fmt = found.format if found else "image"
    if fmt == "heic":
        _register_heif()
    check_cancelled(cancelled)
    try:
        im = _open(data)
        with im:
            w, h = im.size
            if w * h > MAX_PIXELS:
                raise Image.DecompressionBombError(f"{w}x{h}")
            if w <= 0 or h <= 0:
                raise ValueError("the image has no pixels")
            exif = im.getexif()
            orientation = exif.get(ORIENTATION, 1)
            icc = im.info.get("icc_profile")
            lossless = (
                fmt == "jpeg"
                and im.mode in ("RGB", "L")
                and orientation in (1, 0, None)
                and is_srgb(icc)
            )
            if lossless:
                try:
                    return _import_jpeg_as_is(path, data, im, exif, options, progress, cancelled)
                except JpegStructureError:
                    pass  # odd segments Pillow still reads: decode and re-encode instead
            report(progress, 0.1)
            im.seek(0)
            im.load()
            removed = describe_removed(im, exif, keep_credit=options.keep_credit)
            check_cancelled(cancelled)
            upright = ImageOps.exif_transpose(im)
            if upright is None:
                upright = im
            img, converted = to_srgb(upright)
    except MediaError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        EOFError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        MemoryError,
    ) as exc:
        raise MediaError(path, _reason(exc, fmt)) from None
    report(progress, 0.5)
    check_cancelled(cancelled)
    keep = credit_exif(exif) if options.keep_credit else None
    buf = io.BytesIO()
    extra = {"exif": keep} if keep else {}
    if img.mode == "RGBA" or fmt in _LOSSLESS_SOURCES:
        img.save(buf, "PNG", compress_level=4, **extra)
        mime = "image/png"
    else:
        # 4:2:0 like the lossy sources (camera JPEG, HEIC, AVIF) it re-encodes
        img.save(buf, "JPEG", quality=95, subsampling=2, **extra)
        mime = "image/jpeg"
    report(progress, 0.8)
    check_cancelled(cancelled)
    notes: tuple[str, ...] = (f"colours converted to sRGB from {converted}",) if converted else ()
    if orientation not in (1, 0, None):
        notes += (f"turned upright (EXIF orientation {orientation})",)
    result = ImportedMedia(
        kind="image",
        mime=mime,
        data=buf.getvalue(),
        original_name=path.name,
        width=img.width,
        height=img.height,
        renditions=_renditions(img),
        removed_metadata=tuple(removed),
        notes=notes,
        source_format=fmt,
    )
    report(progress, 1.0)
    return result


def _import_jpeg_as_is(
    path: Path,
    data: bytes,
    im: Image.Image,
    exif: Image.Exif,
    options: ImportOptions,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> ImportedMedia:
    """Upright sRGB JPEG: cut the metadata out losslessly, decode renditions in draft mode."""
    removed = describe_removed(im, exif, keep_credit=options.keep_credit)
    keep = credit_exif(exif) if options.keep_credit else None
    stripped = strip_jpeg(data, exif=keep)
    report(progress, 0.2)
    check_cancelled(cancelled)
    w, h = im.size
    im.draft("RGB", _fit_size((w, h), DISPLAY_MAX))
    im.load()  # decodes every scan: a truncated file fails here too
    img = im if im.mode == "RGB" else im.convert("RGB")
    report(progress, 0.6)
    check_cancelled(cancelled)
    display, thumb = _renditions(img)
    report(progress, 1.0)
    if "trailing data" in stripped.dropped:
        removed.append("data after the end of the picture")
    return ImportedMedia(
        kind="image",
        mime="image/jpeg",
        data=stripped.data,
        original_name=path.name,
        width=w,
        height=h,
        renditions=(display, thumb),
        removed_metadata=tuple(removed),
        source_format="jpeg",
    )
