"""What identifying metadata a photo carries, said in words a curator understands.

The master never keeps any of it (see ``jpeg_segments`` and ``photo_import``);
this module names what was removed so the editor can show it, and builds the
small EXIF block that keeps a credit line when the curator asks.
"""

from __future__ import annotations

from PIL import ExifTags, Image

# EXIF tag numbers (TIFF/EXIF 2.32)
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION = 0x0112
ARTIST = 0x013B
COPYRIGHT = 0x8298
MAKE, MODEL = 0x010F, 0x0110
SOFTWARE = 0x0131
DATETIME, DATETIME_ORIGINAL = 0x0132, 0x9003
DESCRIPTION, USER_COMMENT = 0x010E, 0x9286
MAKER_NOTE = 0x927C
OWNER_NAME, BODY_SERIAL, LENS_MODEL, LENS_SERIAL = 0xA430, 0xA431, 0xA434, 0xA435
UNIQUE_ID = 0xA420
GPS_POSITION_TAGS = {1, 2, 3, 4}  # latitude/longitude and their references

#: Older cameras put serial numbers in maker-specific tags of the main IFD.
_VENDOR_SERIAL_TAGS = {0xC62F}  # DNG CameraSerialNumber


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip("\x00 ").strip()


def describe_removed(im: Image.Image, exif: Image.Exif, *, keep_credit: bool) -> list[str]:
    """Human-readable names of the identifying metadata in ``im`` that the master drops."""
    found: list[str] = []

    def add(label: str) -> None:
        if label not in found:
            found.append(label)

    try:
        gps = exif.get_ifd(GPS_IFD)
    except Exception:  # a damaged GPS IFD is still GPS data we drop
        gps = {1: "?"}
    if gps and GPS_POSITION_TAGS & set(gps):
        add("GPS position")
    elif gps or GPS_IFD in exif:
        add("GPS tags (no position)")
    try:
        sub = exif.get_ifd(EXIF_IFD)
    except Exception:
        sub = {}
    tags = {**dict(exif), **sub}
    if BODY_SERIAL in tags or _VENDOR_SERIAL_TAGS & set(tags):
        add("camera serial number")
    if LENS_SERIAL in tags:
        add("lens serial number")
    if OWNER_NAME in tags:
        add("camera owner name")
    if MAKER_NOTE in tags:
        add("camera maker notes (may hold serial numbers)")
    if UNIQUE_ID in tags:
        add("unique image ID")
    if (MAKE in tags or MODEL in tags) and (
        _text(tags.get(MAKE, "")) or _text(tags.get(MODEL, ""))
    ):
        add("camera make and model")
    if LENS_MODEL in tags:
        add("lens model")
    if DATETIME_ORIGINAL in tags or DATETIME in tags:
        add("date and time taken")
    if SOFTWARE in tags:
        add("editing software")
    if DESCRIPTION in tags or USER_COMMENT in tags:
        add("description or comment")
    if not keep_credit:
        if ARTIST in tags and _text(tags[ARTIST]):
            add("artist name")
        if COPYRIGHT in tags and _text(tags[COPYRIGHT]):
            add("copyright notice")
    if _has_ifd1(exif):
        add("embedded thumbnail (may show the uncropped photo)")
    remaining = set(tags) - {ORIENTATION, ARTIST, COPYRIGHT, GPS_IFD, EXIF_IFD}
    if remaining and not found:
        add("camera settings (EXIF)")
    elif remaining:
        add("other EXIF data (camera settings)")
    info = im.info
    if info.get("xmp") or info.get("XML:com.adobe.xmp"):
        add("XMP metadata (edit history, creator names)")
    if info.get("photoshop"):
        add("Photoshop/IPTC metadata")
    if info.get("comment"):
        add("comment")
    if im.format == "PNG":
        if set(info) & {"Author", "Comment", "Description", "Software", "Title", "Copyright"}:
            add("PNG text notes")
    if im.format == "MPO" or "mpinfo" in info:
        add("embedded extra images (preview or gain map)")
    return found


def _has_ifd1(exif: Image.Exif) -> bool:
    try:
        return bool(exif.get_ifd(ExifTags.IFD.IFD1))
    except Exception:
        return False


def credit_exif(exif: Image.Exif) -> bytes | None:
    """A minimal EXIF block with only Artist and Copyright, or None when there are none."""
    keep = Image.Exif()
    for tag in (ARTIST, COPYRIGHT):
        value = _text(exif.get(tag, ""))
        if value:
            keep[tag] = value
    return keep.tobytes() if len(keep) else None
