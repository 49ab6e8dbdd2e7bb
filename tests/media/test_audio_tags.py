"""Recordings lose who and where on import: every tag, cover and chapter, in every container,
with the audio packets unchanged; and the checker/cleaner for media already stored.

pytest-timeout is not installed here: every ffmpeg/ffprobe call has its own deadline
(``timeout=`` on subprocess, the watchdog in ``media.ffmpeg_tools.stream``).
"""

from __future__ import annotations

import base64
import json
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from media.audio_strip import packet_digest
from media.audio_tags import TECHNICAL_TAGS, recording_metadata
from media.ffmpeg_tools import have_ffmpeg
from media.identifying import MetadataError, identifying_metadata, strip_identifying
from media.imported import MediaError
from media.importer import import_file
from tests.conftest import FIXTURES_MEDIA, ROOT
from tests.media.conftest import AUDIO, ids

pytestmark = pytest.mark.skipif(not have_ffmpeg(), reason="ffmpeg/ffprobe are not installed")

ARTIST = "Jane Døe Recorder"
COMMENT = "call +7 701 555 0101"
LOCATION = "+44.2100+080.4200/"
TITLE = "Secret Meeting Title"
ALBUM = "Album Of Field Notes"
COPYRIGHT = "Copyright Holder Zed"
ENCODER = "Encoder QQ Build 9"
ORIGINATOR = "Originator Desk V"
CHAPTER = "Chapter At The Border"
COVER_NOTE = "Cover Description W"
IXML_NOTE = "iXML Sound Mixer Kim"
VALUES = [ARTIST, COMMENT, LOCATION, TITLE, ALBUM, COPYRIGHT, ENCODER, ORIGINATOR, CHAPTER]
VALUES += [COVER_NOTE, IXML_NOTE, "+44.21+080.42", "080.4200"]
TAGS = {
    "artist": ARTIST, "comment": COMMENT, "location": LOCATION, "title": TITLE,
    "album": ALBUM, "copyright": COPYRIGHT, "encoder": ENCODER,
}  # fmt: skip
FF = ["ffmpeg", "-nostdin", "-v", "error", "-y"]

#: container -> (file suffix, audio codec options, how the cover goes in, how chapters go in:
#: "" none, "map" from an ffmetadata file, "comment" as Vorbis CHAPTERnnn comments)
CONTAINERS: dict[str, tuple[str, list[str], str, str]] = {
    "mp3": (
        "mp3",
        ["-c:a", "libmp3lame", "-write_id3v1", "1", "-id3v2_version", "3"],
        "pic",
        "map",
    ),
    "m4a": ("m4a", ["-c:a", "aac"], "pic", "map"),  # ffmpeg writes the location as loci
    "mov": ("mov", ["-c:a", "aac"], "", "map"),  # QuickTime, as phones do: ©xyz
    "ogg-vorbis": ("ogg", ["-c:a", "libvorbis"], "block", "comment"),
    "opus": ("opus", ["-c:a", "libopus"], "block", "map"),
    "flac": ("flac", ["-c:a", "flac"], "pic", "comment"),
    "wav": ("wav", ["-c:a", "pcm_s16le", "-write_bext", "1"], "", ""),
    "webm": ("webm", ["-c:a", "libopus"], "", "map"),
    "mka": ("mka", ["-c:a", "libvorbis"], "attach", "map"),
}


def needles(values: list[str]) -> list[bytes]:
    """Each value as UTF-8 and UTF-16-LE (ID3v2.3 and RIFF write either)."""
    out: list[bytes] = []
    for v in values:
        out += [v.encode("utf-8"), v.encode("utf-16-le")]
    return out


def leaks(data: bytes, values: list[str]) -> list[str]:
    return [n.decode("utf-8", "replace") for n in needles(values) if n in data]


def run(cmd: list[str | Path], timeout: float = 60) -> None:
    done = subprocess.run(list(map(str, cmd)), capture_output=True, timeout=timeout)
    assert done.returncode == 0, done.stderr.decode()[-400:]


def ffprobe(path: Path) -> dict:
    done = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries",
         "format=format_name,duration:format_tags:stream=codec_type,codec_name,sample_rate,"
         "channels:stream_tags:chapter=id", "-of", "json", str(path)],
        capture_output=True, timeout=30, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def picture_block(png: bytes) -> str:
    """A FLAC PICTURE block, base64: how Vorbis comments carry cover art."""
    mime, desc = b"image/png", COVER_NOTE.encode()
    block = struct.pack(">II", 3, len(mime)) + mime + struct.pack(">I", len(desc)) + desc
    block += struct.pack(">IIIII", 16, 16, 24, 0, len(png)) + png
    return base64.b64encode(block).decode()


def add_ixml(path: Path) -> None:
    """Append an iXML chunk (as field recorders write) and fix the RIFF size."""
    body = f"<BWFXML><NOTE>{IXML_NOTE}</NOTE></BWFXML>".encode()
    body += b"\x00" * (len(body) & 1)
    data = bytearray(path.read_bytes()) + struct.pack("<4sI", b"iXML", len(body)) + body
    data[4:8] = struct.pack("<I", len(data) - 8)
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One tagged recording per container, with cover art and a chapter where it fits."""
    folder = tmp_path_factory.mktemp("tagged")
    cover = folder / "cover.png"
    run([*FF, "-f", "lavfi", "-i", "color=c=red:s=16x16", "-frames:v", "1", cover])
    chapters = folder / "chapters.txt"
    chapters.write_text(
        f";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle={CHAPTER}\n"
    )
    made: dict[str, Path] = {}
    for name, (suffix, codec, cover_how, with_chapters) in CONTAINERS.items():
        out = folder / f"voice-{name}.{suffix}"
        cmd: list[str | Path] = [*FF, "-f", "lavfi", "-i", "sine=frequency=330:duration=2"]
        cmd += ["-i", chapters]
        maps = ["-map", "0:a", "-map_chapters", "1" if with_chapters == "map" else "-1"]
        if with_chapters == "comment":
            maps += [
                "-metadata",
                "CHAPTER001=00:00:00.000",
                "-metadata",
                f"CHAPTER001NAME={CHAPTER}",
            ]
        if cover_how == "pic":
            cmd += ["-i", cover]
            maps += ["-map", "2:v", "-c:v", "copy", "-disposition:v", "attached_pic"]
            maps += ["-metadata:s:v", f"title={COVER_NOTE}"]
        elif cover_how == "attach":
            maps += ["-attach", str(cover), "-metadata:s:t", "mimetype=image/png"]
        elif cover_how == "block":
            maps += ["-metadata", f"METADATA_BLOCK_PICTURE={picture_block(cover.read_bytes())}"]
        meta = [x for k, v in TAGS.items() for x in ("-metadata", f"{k}={v}")]
        if name == "wav":
            meta += ["-metadata", f"originator={ORIGINATOR}", "-metadata", f"description={TITLE}"]
        run([*cmd, *maps, "-ac", "2", *codec, *meta, out])
        if name == "wav":
            add_ixml(out)
        made[name] = out
    return made


def facts(path: Path) -> tuple[str, str, int, int, float]:
    info = ffprobe(path)
    audio = next(s for s in info["streams"] if s["codec_type"] == "audio")
    return (
        info["format"]["format_name"],
        audio["codec_name"],
        int(audio["sample_rate"]),
        int(audio["channels"]),
        round(float(info["format"]["duration"]), 1),
    )


@pytest.mark.parametrize("name", list(CONTAINERS))
def test_a_tagged_recording_loses_every_tag_and_keeps_its_sound(
    sources: dict[str, Path], name: str, tmp_path: Path
) -> None:
    src = sources[name]
    before = recording_metadata(src)
    assert leaks(src.read_bytes(), [ARTIST, COMMENT, TITLE]), "the source really is tagged"
    assert {"artist name", "comment", "title", "encoder/software"} <= set(before)

    item = import_file(src)

    for blob in (item.data, *(r.data for r in item.renditions)):
        assert leaks(blob, VALUES) == []
    master = tmp_path / src.name
    master.write_bytes(item.data)
    assert packet_digest(master) == packet_digest(src)  # the audio payload is identical
    assert facts(master) == facts(src)  # codec, rate, channels, duration stay
    assert recording_metadata(master) == []
    assert identifying_metadata(item.data, item.mime) == []
    info = ffprobe(master)
    assert not info.get("chapters")
    assert [s["codec_type"] for s in info["streams"]] == ["audio"]  # no cover stream left
    tags = {**info["format"].get("tags", {}), **info["streams"][0].get("tags", {})}
    assert {k.lower() for k in tags} <= TECHNICAL_TAGS | {"encoder"}
    assert all(v == "Lavf" for k, v in tags.items() if k.lower() == "encoder")

    removed = item.removed_metadata
    assert removed == tuple(before)
    for words in ("artist name", "comment", "title", "album", "copyright notice"):
        assert words in removed, (words, removed)
    assert "encoder/software" in removed
    cover_how, with_chapters = CONTAINERS[name][2], CONTAINERS[name][3]
    if cover_how in ("pic", "block"):
        assert "cover art" in removed
    if cover_how == "attach":  # ffmpeg shows an image attachment as a cover picture
        assert "cover art" in removed or "attached files (cover art, fonts…)" in removed
    if with_chapters:
        assert "chapters" in removed
    if name == "m4a":
        assert "location (loci)" in removed
    elif name == "mov":
        assert "location (©xyz)" in removed
    elif name != "wav":  # RIFF INFO has no location field: ffmpeg writes none
        assert "location" in removed
    else:
        assert "RIFF INFO tags" in removed and "iXML production metadata" in removed
        assert any(r.startswith("broadcast extension (BEXT") for r in removed)


TAGGED_FIXTURES = [p for p in AUDIO if recording_metadata(p)] if have_ffmpeg() else []


def audio_payload(path: Path) -> bytes:
    """The first audio stream's packets, concatenated (demuxed, not decoded)."""
    done = subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a:0", "-c", "copy",
         "-f", "data", "pipe:1"],
        capture_output=True, timeout=60, check=True,
    )  # fmt: skip
    return done.stdout


def fixture_values(path: Path) -> list[str]:
    """The fixture's own tag values worth searching for: long enough not to occur by chance,
    and not inside the sound itself (LAME writes its version into the MP3 frames' padding,
    which no remux can remove without re-encoding)."""
    info = ffprobe(path)
    owners = [info["format"], *info["streams"]]
    values = set()
    for owner in owners:
        for key, value in (owner.get("tags") or {}).items():
            if key.lower() not in TECHNICAL_TAGS and len(str(value).strip()) >= 6:
                values.add(str(value).strip())
    payload = audio_payload(path)
    return sorted(v for v in values if not leaks(payload, [v]))


@pytest.mark.parametrize("path", TAGGED_FIXTURES, ids=ids(TAGGED_FIXTURES))
def test_every_tagged_shared_fixture_is_cleaned(path: Path, tmp_path: Path) -> None:
    item = import_file(path)
    assert item.removed_metadata == tuple(recording_metadata(path))
    assert item.data != path.read_bytes()
    master = tmp_path / path.name
    master.write_bytes(item.data)
    assert packet_digest(master) == packet_digest(path)
    assert facts(master)[1:4] == facts(path)[1:4]
    assert recording_metadata(master) == []
    values = fixture_values(path)
    for blob in (item.data, *(r.data for r in item.renditions)):
        assert leaks(blob, values) == [], values


def test_a_clean_wav_keeps_its_exact_bytes() -> None:
    path = FIXTURES_MEDIA / "audio" / "wav-pcm16-mono-48k.wav"
    assert recording_metadata(path) == []
    item = import_file(path)
    assert item.data == path.read_bytes() and item.removed_metadata == ()


def test_an_old_master_is_checked_and_cleaned_by_bytes(sources: dict[str, Path]) -> None:
    for name in ("mp3", "m4a", "wav"):
        old = sources[name].read_bytes()  # what packages made before the fix stored
        mime = {"mp3": "audio/mpeg", "m4a": "audio/mp4", "wav": "audio/wav"}[name]
        found = identifying_metadata(old, mime)
        assert "artist name" in found and "comment" in found
        clean, removed = strip_identifying(old, mime)
        assert removed == found
        assert leaks(clean, VALUES) == []
        assert identifying_metadata(clean, mime) == []
        assert strip_identifying(clean, mime) == (clean, [])  # clean bytes stay the same


def test_photos_are_checked_and_cleaned_by_bytes(tmp_path: Path) -> None:
    raw = (FIXTURES_MEDIA / "images" / "camera-gps-apple-iphone6.jpg").read_bytes()
    found = identifying_metadata(raw, "image/jpeg")
    assert "GPS position" in found
    clean, removed = strip_identifying(raw, "image/jpeg")
    assert removed == found and b"GPS" not in clean
    assert identifying_metadata(clean, "image/jpeg") == []
    imported = import_file(FIXTURES_MEDIA / "images" / "camera-gps-apple-iphone6.jpg")
    assert identifying_metadata(imported.data, imported.mime) == []

    from PIL import Image, PngImagePlugin

    note = PngImagePlugin.PngInfo()
    note.add_text("Author", ARTIST)
    png = tmp_path / "note.png"
    Image.new("RGB", (8, 8), "blue").save(png, pnginfo=note)
    found = identifying_metadata(png.read_bytes(), "image/png")
    assert "PNG text notes" in found
    clean, _ = strip_identifying(png.read_bytes(), "image/png")
    assert leaks(clean, [ARTIST]) == [] and identifying_metadata(clean, "image/png") == []
    with Image.open(png) as a, Image.open(__import__("io").BytesIO(clean)) as b:
        assert a.tobytes() == b.tobytes()


def test_bytes_that_are_no_medium_are_one_clear_line() -> None:
    with pytest.raises(MetadataError) as err:
        identifying_metadata(b"\x00" * 64, "audio/mpeg")
    assert "\n" not in str(err.value) and "audio/mpeg" in str(err.value)
    with pytest.raises(MetadataError) as err:
        strip_identifying(b"ID3" + b"\x00" * 200, "audio/mpeg")
    assert "\n" not in str(err.value)


def test_a_damaged_tagged_recording_is_refused_in_one_line(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    cut = tmp_path / "voice-cut.m4a"
    cut.write_bytes(sources["m4a"].read_bytes()[:400])
    with pytest.raises(MediaError) as err:
        import_file(cut)
    assert str(err.value).startswith("voice-cut.m4a: ") and "\n" not in str(err.value)


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip


def test_add_media_stores_no_tag_value_in_the_package(
    sources: dict[str, Path], tmp_path: Path
) -> None:
    pkg = tmp_path / "P.storypkg"
    assert cli("new", pkg, "--title", "T").returncode == 0
    assert cli("add-chapter", pkg, "--title", "C").returncode == 0
    files = [sources[n] for n in ("mp3", "m4a", "wav", "opus")]
    done = cli("add-media", pkg, "--chapter", "1", *files)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(files)
    for line in lines:
        assert "[removed: " in line and "artist name" in line and "comment" in line
    blobs = [pkg.read_bytes()]
    for extra in (pkg.with_name(pkg.name + "-wal"), pkg.with_name(pkg.name + "-journal")):
        if extra.exists():
            blobs.append(extra.read_bytes())
    for blob in blobs:
        assert leaks(blob, VALUES) == []
    with sqlite3.connect(pkg) as db:  # the media are there, only their tags are gone
        (count,) = db.execute("select count(*) from sqlite_master").fetchone()
        assert count > 0


@pytest.mark.parametrize(
    ("suffix", "options"),
    [
        ("aiff", ["-write_id3v2", "1"]),  # NAME/AUTH chunks and an ID3 chunk
        ("aac", ["-c:a", "aac", "-write_id3v2", "1", "-write_apetag", "1", "-f", "adts"]),
    ],
)
def test_aiff_and_tagged_adts_are_cleaned(tmp_path: Path, suffix: str, options: list[str]) -> None:
    src = tmp_path / f"memo.{suffix}"
    meta = [x for k, v in TAGS.items() for x in ("-metadata", f"{k}={v}")]
    run([*FF, "-f", "lavfi", "-i", "sine=duration=2", *meta, *options, src])
    assert leaks(src.read_bytes(), [ARTIST])
    item = import_file(src)
    assert "artist name" in item.removed_metadata
    assert leaks(item.data, VALUES) == []
    master = tmp_path / f"clean.{suffix}"
    master.write_bytes(item.data)
    assert packet_digest(master) == packet_digest(src)
    assert identifying_metadata(item.data, item.mime) == []
