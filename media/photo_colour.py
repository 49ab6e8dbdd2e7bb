"""Bring any decoded photo to 8-bit sRGB (RGB, or RGBA when it really has transparency).

Embedded ICC profiles are honoured with LittleCMS (``PIL.ImageCms``): an
Adobe RGB or Display P3 photo shown as if it were sRGB looks dull or garish.
CMYK without a profile falls back to Pillow's plain conversion (there is no
free CMYK profile to ship); 16-bit images are scaled, not clipped.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageCms

_SIXTEEN_BIT = {"I;16", "I;16L", "I;16B", "I;16N", "I"}


@lru_cache(maxsize=1)
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def profile_name(icc: bytes) -> str:
    try:
        prof = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return (prof.profile.profile_description or "").strip()
    except (OSError, ImageCms.PyCMSError, ValueError):
        return ""


def is_srgb(icc: bytes | None) -> bool:
    """True when ``icc`` is absent or describes sRGB (pixels need no conversion)."""
    return not icc or "srgb" in profile_name(icc).lower().replace(" ", "")


def _sixteen_to_eight(img: Image.Image) -> Image.Image:
    alpha = None
    if "transparency" in img.info:
        alpha = img.convert("RGBA").getchannel("A")  # Pillow maps tRNS for us
    wide = img.convert("I") if img.mode != "I" else img
    hi = float(wide.getextrema()[1])  # type: ignore[arg-type]
    scale = 1 / 257 if hi > 255 or img.mode != "I" else 1.0
    gray = wide.point(lambda v: v * scale).convert("L")
    if alpha is not None:
        return Image.merge("RGBA", (gray, gray, gray, alpha))
    return gray.convert("RGB")


def _base_mode(img: Image.Image) -> Image.Image:
    """8-bit RGB/RGBA/L/CMYK, keeping transparency where the image has it."""
    mode = img.mode
    if mode in ("RGB", "RGBA", "L", "CMYK"):
        return img
    if mode in _SIXTEEN_BIT:
        return _sixteen_to_eight(img)
    if mode in ("P", "PA", "LA", "La", "RGBa", "1"):
        has_alpha = mode in ("PA", "LA", "La", "RGBa") or "transparency" in img.info
        return img.convert("RGBA" if has_alpha else "RGB")
    if mode.startswith(("RGB", "BGR")):  # RGB;16 and friends from TIFF
        return img.convert("RGBA" if "A" in mode else "RGB")
    return img.convert("RGB")  # YCbCr, LAB, HSV, F…


def to_srgb(img: Image.Image) -> tuple[Image.Image, str | None]:
    """``img`` as sRGB RGB/RGBA; also the source profile's name when one was converted."""
    icc = img.info.get("icc_profile")
    img = _base_mode(img)
    converted: str | None = None
    if icc and not is_srgb(icc):
        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            out_mode = "RGBA" if img.mode == "RGBA" else "RGB"
            in_mode = (
                img.mode if img.mode != "L" or src.profile.xcolor_space.strip() == "GRAY" else "RGB"
            )
            if in_mode != img.mode:
                img = img.convert(in_mode)
            done = ImageCms.profileToProfile(
                img, src, _srgb(), outputMode=out_mode, renderingIntent=ImageCms.Intent.PERCEPTUAL
            )
            img = done if done is not None else img
            converted = profile_name(icc) or "embedded profile"
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # an unusable profile: fall back to treating pixels as sRGB
    if img.mode == "CMYK" or img.mode == "L":
        img = img.convert("RGB")
    if img.mode == "RGBA" and img.getchannel("A").getextrema() == (255, 255):
        img = img.convert("RGB")  # an alpha channel that hides nothing
    return img, converted


def flatten(img: Image.Image, background: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """RGB for JPEG renditions: transparent parts shown over ``background``."""
    if img.mode != "RGBA":
        return img if img.mode == "RGB" else img.convert("RGB")
    base = Image.new("RGB", img.size, background)
    base.paste(img, mask=img.getchannel("A"))
    return base
