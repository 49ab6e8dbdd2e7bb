"""Recordings: every shared fixture imports with a true duration and a playable delivery
version at the loudness target; every bad one is refused with one line."""

from __future__ import annotations

import io
import json
import math
import struct
import subprocess
import wave
from pathlib import Path

import pytest
from pydub import AudioSegment

from media.imported import Cancelled, ImportOptions, MediaError
from media.importer import import_file
from media.loudness import TARGET_LUFS, parse_ebur128
from media.waveform import PEAK_COUNT, PeakAccumulator
from tests.conftest import FIXTURES_MEDIA
from tests.media.conftest import AUDIO, ids, rendition

BAD_AUDIO = [
    FIXTURES_MEDIA / "bad" / n
    for n in (
        "wav-truncated-header.wav",
        "wav-samplerate-zero.wav",
        "wav-header-only-0-frames.wav",
        "truncated.m4a",
        "not-audio-zeros.mp3",
        "empty.mp3",
    )
]


def ffprobe_duration(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return float(out.stdout.strip())


def lufs_of(data: bytes, tmp_path: Path) -> float:
    path = tmp_path / "delivery.m4a"
    path.write_bytes(data)
    done = subprocess.run(
        ["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", str(path),
         "-af", "ebur128=peak=sample:framelog=verbose", "-f", "null", "-"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    measured = parse_ebur128(done.stderr)
    assert measured is not None
    return measured.integrated_lufs


def write_wav(
    path: Path, parts: list[tuple[float, float]], rate: int = 16000, freq: float = 440.0
) -> Path:
    """A mono 16-bit WAV made of (seconds, dBFS) parts; -inf dBFS is silence."""
    frames = bytearray()
    t = 0
    for seconds, dbfs in parts:
        amp = 0.0 if dbfs == -math.inf else 32767 * 10 ** (dbfs / 20)
        for _ in range(int(seconds * rate)):
            frames += struct.pack("<h", int(amp * math.sin(2 * math.pi * freq * t / rate)))
            t += 1
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


@pytest.mark.parametrize("path", AUDIO, ids=ids(AUDIO))
def test_every_fixture_recording_imports(path: Path) -> None:
    item = import_file(path)
    assert item.kind == "audio"
    # the master is the original sound without tags (tests/media/test_audio_tags.py)
    assert item.data == path.read_bytes() or item.removed_metadata
    assert item.duration_s and item.duration_s > 0
    assert item.duration_s == pytest.approx(ffprobe_duration(path), abs=0.2)
    delivery = item.rendition("delivery")
    assert delivery is not None and delivery.mime == "audio/mp4"
    played = AudioSegment.from_file(io.BytesIO(delivery.data), format="mp4")
    assert len(played) / 1000 == pytest.approx(item.duration_s, abs=0.2)
    peaks = json.loads(rendition(item, "peaks").data)
    assert len(peaks) == PEAK_COUNT
    assert all(0.0 <= p <= 1.0 for p in peaks)


@pytest.mark.parametrize("path", BAD_AUDIO, ids=ids(BAD_AUDIO))
def test_bad_recordings_are_refused_with_one_line(path: Path) -> None:
    with pytest.raises(MediaError) as err:
        import_file(path)
    assert str(err.value).startswith(f"{path.name}: ")
    assert "\n" not in str(err.value)


def test_the_pydub_traps_get_their_own_reasons() -> None:
    bad = FIXTURES_MEDIA / "bad"
    with pytest.raises(MediaError, match="cut short"):
        import_file(bad / "truncated.m4a")  # pydub: 0 ms and no error
    with pytest.raises(MediaError, match="no sound"):
        import_file(bad / "wav-header-only-0-frames.wav")  # pydub: 0 ms
    with pytest.raises(MediaError, match="sample rate 0"):
        import_file(bad / "wav-samplerate-zero.wav")
    # pydub raises IndexError for a JPEG named .mp3: we see the bytes are a photo
    assert import_file(FIXTURES_MEDIA / "images" / "jpeg-data-with-mp3-ext.mp3").kind == "image"


@pytest.mark.parametrize("level", [-30.0, -4.0], ids=["quiet", "loud"])
def test_delivery_meets_the_loudness_target(tmp_path: Path, level: float) -> None:
    src = write_wav(tmp_path / "tone.wav", [(4.0, level)])
    item = import_file(src)
    assert lufs_of(rendition(item, "delivery").data, tmp_path) == pytest.approx(
        TARGET_LUFS, abs=1.5
    )


def test_trim_and_fades(tmp_path: Path) -> None:
    src = write_wav(tmp_path / "gaps.wav", [(1.5, -math.inf), (2.0, -12.0), (1.0, -math.inf)])
    plain = import_file(src)
    assert plain.duration_s == pytest.approx(4.5, abs=0.05)
    opts = ImportOptions(trim_silence=True, fade_in_s=0.5, fade_out_s=0.5)
    trimmed = import_file(src, options=opts)
    assert trimmed.duration_s == pytest.approx(2.2, abs=0.1)  # 2 s of sound + 0.1 s each side
    seg = AudioSegment.from_file(io.BytesIO(rendition(trimmed, "delivery").data), format="mp4")
    assert len(seg) / 1000 == pytest.approx(trimmed.duration_s, abs=0.1)
    middle = seg[1000:1200].dBFS
    assert seg[100:200].dBFS < middle - 6  # still fading in
    assert seg[-150:-50].dBFS < middle - 6  # fading out
    peaks = json.loads(rendition(trimmed, "peaks").data)
    assert peaks[len(peaks) // 2] > 0.15 and peaks[0] < peaks[len(peaks) // 2]


def test_a_silent_recording_imports_without_gain(tmp_path: Path) -> None:
    item = import_file(write_wav(tmp_path / "room.wav", [(1.0, -math.inf)]))
    assert item.duration_s == pytest.approx(1.0, abs=0.05)
    assert max(json.loads(rendition(item, "peaks").data)) == 0.0


def test_without_ffmpeg_wav_still_works_and_others_say_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("STORYPORT_FFMPEG_DIR", raising=False)
    monkeypatch.setattr("media.ffmpeg_tools.FALLBACK_DIRS", ())  # nor in /usr/bin
    wav = FIXTURES_MEDIA / "audio" / "wav-pcm16-mono-48k.wav"
    item = import_file(wav)
    assert item.duration_s == pytest.approx(8.0, abs=0.01)
    assert rendition(item, "delivery").mime == "audio/wav"
    assert any("ffmpeg" in n for n in item.notes)
    peaks = json.loads(rendition(item, "peaks").data)
    assert len(peaks) == PEAK_COUNT and max(peaks) > 0.3
    eight_bit = import_file(FIXTURES_MEDIA / "audio" / "wav-pcm8-stereo-32k.wav")
    assert eight_bit.duration_s == pytest.approx(10.009, abs=0.01)
    with pytest.raises(MediaError, match=r"install ffmpeg: apt-get install ffmpeg"):
        import_file(FIXTURES_MEDIA / "audio" / "mp3-vbr-xing.mp3")


def test_cancel_stops_an_audio_import(tmp_path: Path) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        import_file(
            FIXTURES_MEDIA / "audio" / "wav-pcm16-stereo-22k-dc-offset.wav", cancelled=cancelled
        )


def test_progress_goes_up_to_one() -> None:
    seen: list[float] = []
    import_file(FIXTURES_MEDIA / "audio" / "mp3-id3v24-id3v1-22k-mono.mp3", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 3


def test_peaks_do_not_depend_on_how_the_stream_is_chunked() -> None:
    samples = struct.pack("<2000h", *[(i * 37) % 20000 - 10000 for i in range(2000)])
    whole, pieces = PeakAccumulator(), PeakAccumulator()
    whole.feed(samples)
    for i in range(0, len(samples), 333):
        pieces.feed(samples[i : i + 333])
    whole.finish()
    pieces.finish()
    assert whole.blocks == pieces.blocks and whole.samples == pieces.samples == 2000


def test_a_location_tag_is_named_and_kept_out_of_master_and_delivery(tmp_path: Path) -> None:
    src = tmp_path / "memo.m4a"
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=d=1",
         "-metadata", "location=+43.16+080.00/", "-c:a", "aac", str(src)],
        check=True, timeout=60,
    )  # fmt: skip
    item = import_file(src)
    assert "location (loci)" in item.removed_metadata
    assert b"+43.16+080.00" not in rendition(item, "delivery").data
    assert b"+43.16+080.00" not in item.data
