"""Photo import with Pillow (first version; the media pipeline issue deepens it)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from media.imported import CancelCheck, ImportedMedia, MediaError, Progress, Rendition

DISPLAY_MAX = 2560
THUMB_MAX = 320


def _jpeg(img: Image.Image, quality: int = 88) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


def import_image(
    path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> ImportedMedia:
    try:
        with Image.open(path) as im:
            im.load()
            img = ImageOps.exif_transpose(im)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise MediaError(path, f"not a readable image ({exc})") from None
    if img.mode not in ("RGB", "RGBA"):
        img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
    buf = io.BytesIO()
    img.save(buf, "PNG" if img.mode == "RGBA" else "JPEG", quality=95)
    master = buf.getvalue()
    display = img.copy()
    display.thumbnail((DISPLAY_MAX, DISPLAY_MAX), Image.Resampling.LANCZOS)
    thumb = img.copy()
    thumb.thumbnail((THUMB_MAX, THUMB_MAX), Image.Resampling.LANCZOS)
    return ImportedMedia(
        kind="image",
        mime="image/png" if img.mode == "RGBA" else "image/jpeg",
        data=master,
        original_name=path.name,
        width=img.width,
        height=img.height,
        renditions=(
            Rendition("display", "image/jpeg", _jpeg(display)),
            Rendition("thumb", "image/jpeg", _jpeg(thumb, 82)),
        ),
    )
