"""Photos: every shared fixture imports upright, in sRGB, with no GPS left; bad ones are refused."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from media.imported import ImportOptions, MediaError
from media.importer import import_file
from media.photo_import import DISPLAY_MAX, THUMB_MAX
from tests.conftest import FIXTURES_MEDIA
from tests.media.conftest import IMAGES, ids, rendition

IMAGE_DIR = FIXTURES_MEDIA / "images"
BAD_IMAGES = [
    FIXTURES_MEDIA / "bad" / n
    for n in (
        "truncated.jpg",
        "truncated-phone-photo-gps.jpg",
        "truncated.png",
        "broken.png",
        "decompression-bomb.gif",
        "png-text-chunk-bomb.png",
        "empty.jpg",
    )
]


def _open(data: bytes) -> Image.Image:
    import pillow_heif  # noqa: F401 - masters are JPEG/PNG; this only guards odd cases

    im = Image.open(io.BytesIO(data))
    im.load()
    return im


@pytest.mark.parametrize("path", IMAGES, ids=ids(IMAGES))
def test_every_fixture_photo_imports_clean(path: Path) -> None:
    item = import_file(path)
    assert item.kind == "image"
    master = _open(item.data)
    assert master.size == (item.width, item.height)
    assert master.format in ("JPEG", "PNG")
    assert master.mode in ("RGB", "RGBA", "L")
    # no location anywhere in what is stored
    assert not master.getexif().get_ifd(0x8825)
    assert b"GPS" not in item.data
    for r in item.renditions:
        assert b"GPS" not in r.data
        assert r.mime == "image/jpeg"
    display = _open(rendition(item, "display").data)
    thumb = _open(rendition(item, "thumb").data)
    assert max(display.size) == min(DISPLAY_MAX, max(master.size))
    assert max(thumb.size) == min(THUMB_MAX, max(master.size))
    assert display.mode == thumb.mode == "RGB"


def _small(data: bytes) -> Image.Image:
    return _open(data).convert("RGB").resize((60, 45), Image.Resampling.BOX)


def test_orientation_set_comes_out_upright_and_alike() -> None:
    reference = import_file(IMAGE_DIR / "exif-orientation-1.jpg")
    ref = _small(reference.data)
    for n in range(2, 9):
        item = import_file(IMAGE_DIR / f"exif-orientation-{n}.jpg")
        assert (item.width, item.height) == (600, 450), n
        diff = ImageStat.Stat(ImageChops.difference(ref, _small(item.data))).mean
        assert max(diff) < 25, (n, diff)  # the digit differs (~14); a wrong turn ~46-65
        disp = ImageStat.Stat(ImageChops.difference(ref, _small(rendition(item, "display").data)))
        assert max(disp.mean) < 25, n


def test_camera_photo_on_its_side_is_turned_upright() -> None:
    item = import_file(IMAGE_DIR / "camera-rotated-6-canon-sx60.jpg")
    assert (item.width, item.height) == (1536, 2048)
    assert _open(item.data).getexif().get(0x0112) in (None, 1)


def test_gps_and_identifying_metadata_are_named_when_removed() -> None:
    phone = import_file(IMAGE_DIR / "camera-gps-apple-iphone6.jpg")
    assert "GPS position" in phone.removed_metadata
    assert "camera make and model" in phone.removed_metadata
    canon = import_file(IMAGE_DIR / "camera-rotated-6-canon-sx60.jpg")
    assert "camera owner name" in canon.removed_metadata
    adobe = import_file(IMAGE_DIR / "icc-adobe-rgb-1998.jpg")
    assert "camera serial number" in adobe.removed_metadata
    assert any(r.startswith("XMP") for r in adobe.removed_metadata)
    heic = import_file(IMAGE_DIR / "camera-gps-apple-iphone11.heic")
    assert "GPS position" in heic.removed_metadata
    for item in (phone, canon, adobe, heic):
        master = _open(item.data)
        assert not master.getexif()
        assert "xmp" not in master.info and "XML:com.adobe.xmp" not in master.info
        assert b"http://ns.adobe.com/xap" not in item.data


def test_lossless_jpeg_master_keeps_the_camera_pixels() -> None:
    src = IMAGE_DIR / "camera-gps-nikon-coolpix-p6000.jpg"
    item = import_file(src)
    with Image.open(src) as original:
        assert ImageChops.difference(original.convert("RGB"), _open(item.data)).getbbox() is None


def test_credit_is_kept_only_when_asked() -> None:
    src = IMAGE_DIR / "camera-progressive-nikon-d300.jpg"
    with Image.open(src) as im:
        artist = im.getexif().get(0x013B)
    assert artist
    plain = import_file(src)
    assert "artist name" in plain.removed_metadata
    assert not _open(plain.data).getexif()
    kept = import_file(src, options=ImportOptions(keep_credit=True))
    exif = _open(kept.data).getexif()
    assert exif.get(0x013B) == artist.strip()
    assert not exif.get_ifd(0x8825) and 0x0110 not in exif  # still no GPS, no camera model
    assert "artist name" not in kept.removed_metadata


def _mean_rgb(data: bytes) -> list[float]:
    return ImageStat.Stat(_open(data).convert("RGB")).mean


def test_cmyk_and_wide_gamut_come_out_as_srgb() -> None:
    cmyk = import_file(IMAGE_DIR / "cmyk-adobe.jpg")
    assert _open(cmyk.data).mode == "RGB"
    with Image.open(IMAGE_DIR / "cmyk-adobe.jpg") as src:
        naive = ImageStat.Stat(src.convert("RGB")).mean
    assert max(abs(a - b) for a, b in zip(_mean_rgb(cmyk.data), naive, strict=True)) < 10
    adobe = import_file(IMAGE_DIR / "icc-adobe-rgb-1998.jpg")
    master = _open(adobe.data)
    assert master.mode == "RGB"
    assert "icc_profile" not in master.info or b"sRGB" in master.info["icc_profile"]
    assert any("Adobe RGB" in n for n in adobe.notes)
    with Image.open(IMAGE_DIR / "icc-adobe-rgb-1998.jpg") as src:
        untouched = ImageStat.Stat(src.convert("RGB")).mean
    # converting Adobe RGB to sRGB changes the numbers (saturated colours move)
    assert _mean_rgb(adobe.data) != pytest.approx(untouched, abs=0.5)


def test_heic_imports_through_pillow_heif() -> None:
    item = import_file(IMAGE_DIR / "camera-gps-apple-iphone11.heic")
    assert (item.width, item.height) == (2566, 3313)
    assert item.source_format == "heic"
    assert any("Display P3" in n for n in item.notes)


def test_kind_comes_from_the_bytes_not_the_name() -> None:
    assert import_file(IMAGE_DIR / "jpeg-data-with-mp3-ext.mp3").kind == "image"
    png = import_file(IMAGE_DIR / "png-data-with-jpg-ext.jpg")
    assert png.source_format == "png"


def test_transparency_is_kept_in_a_png_master() -> None:
    item = import_file(IMAGE_DIR / "webp-alpha.webp")
    master = _open(item.data)
    assert master.format == "PNG" and master.mode == "RGBA"
    lowest = master.getchannel("A").getextrema()[0]
    assert isinstance(lowest, int)
    assert lowest < 255


@pytest.mark.parametrize("path", BAD_IMAGES, ids=ids(BAD_IMAGES))
def test_bad_images_are_refused_with_one_line(path: Path) -> None:
    with pytest.raises(MediaError) as err:
        import_file(path)
    text = str(err.value)
    assert text.startswith(f"{path.name}: ")
    assert "\n" not in text and len(err.value.reason) > 10


def test_the_reasons_say_what_is_wrong() -> None:
    bad = FIXTURES_MEDIA / "bad"
    reasons = {}
    for name in ("truncated.jpg", "decompression-bomb.gif", "png-text-chunk-bomb.png", "empty.jpg"):
        with pytest.raises(MediaError) as err:
            import_file(bad / name)
        reasons[name] = err.value.reason
    assert "truncated" in reasons["truncated.jpg"]
    assert "decompression bomb" in reasons["decompression-bomb.gif"]
    assert "text chunk" in reasons["png-text-chunk-bomb.png"]
    assert "empty" in reasons["empty.jpg"]


def _png_header_only(path: Path, width: int, height: int) -> Path:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat))
    return path


@pytest.mark.parametrize("size", [(12_000, 10_000), (40_000, 40_000)], ids=["120MP", "1600MP"])
def test_too_many_pixels_is_refused_before_decoding(tmp_path: Path, size: tuple[int, int]) -> None:
    path = _png_header_only(tmp_path / "huge.png", *size)
    with pytest.raises(MediaError, match="too many pixels"):
        import_file(path)


def test_non_image_named_jpg_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("these are my field notes, not a photo\n")
    with pytest.raises(MediaError, match="not a photo or a recording"):
        import_file(path)


def test_sixteen_bit_and_palette_images_become_eight_bit(tmp_path: Path) -> None:
    wide = Image.new("I;16", (8, 8), 40000)
    wide.save(tmp_path / "wide.png")
    item = import_file(tmp_path / "wide.png")
    value = _open(item.data).convert("L").getpixel((0, 0))
    assert isinstance(value, int)
    assert 150 < value < 160  # 40000/65535 of white, not clipped to 255
    pal = import_file(IMAGE_DIR / "png-palette-trns.png")
    assert _open(pal.data).mode in ("RGB", "RGBA")


def test_cancel_between_stages(tmp_path: Path) -> None:
    from media.imported import Cancelled

    with pytest.raises(Cancelled):
        import_file(IMAGE_DIR / "exif-orientation-6.jpg", cancelled=lambda: True)


@pytest.mark.parametrize(
    ("mode", "fmt", "suffix"),
    [("RGB", "BMP", ".bmp"), ("CMYK", "TIFF", ".tif"), ("LA", "PNG", ".png"), ("P", "GIF", ".gif")],
)
def test_generated_formats_and_modes(tmp_path: Path, mode: str, fmt: str, suffix: str) -> None:
    img = Image.new("RGB", (300, 200), (30, 120, 200)).convert(mode)
    path = tmp_path / f"made{suffix}"
    img.save(path, fmt)
    item = import_file(path)
    assert (item.width, item.height) == (300, 200)
    master = _open(item.data)
    assert master.mode in ("RGB", "RGBA")
    pixel = master.convert("RGB").getpixel((10, 10))
    assert isinstance(pixel, tuple)
    r, g, b = pixel[:3]
    if mode in ("RGB", "P", "CMYK"):
        assert b > r  # still blue, whatever the mode was
