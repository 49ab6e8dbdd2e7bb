"""Audio import: the original file is the master; ffmpeg streams it twice, never into memory.

1. Analysis: one ffmpeg run decodes the file once and splits it: one branch
   goes through ``ebur128`` (integrated loudness, sample peak), the other is
   mixed to mono at 8 kHz and read from a pipe in chunks for waveform peaks,
   the real decoded duration and silence bounds (``waveform``).
2. Delivery: ffmpeg transcodes straight from the file to AAC-LC in M4A with
   one gain (``loudness``), optional trim and fades, and no tags.

3. Master: the same audio packets in a clean container, every tag, cover,
   chapter and attachment removed without re-encoding (``audio_strip``), the
   removals named in words (``audio_tags``) and the packets checked unchanged.

Python holds the master bytes and the delivery file, never the decoded
audio: an hour-long WAV takes its file size plus a few MB.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from media.audio_strip import StripFailed, strip_recording, strip_wav
from media.audio_tags import recording_metadata, wav_metadata
from media.ffmpeg_tools import (
    INSTALL_HINT,
    Probe,
    ToolFailed,
    ToolMissing,
    have_ffmpeg,
    last_error_line,
    probe,
    require,
    stream,
)
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
from media.loudness import TARGET_LUFS, Loudness, gain_db, parse_ebur128
from media.wav_file import WavError, WavInfo, pcm16_mono_chunks, read_wav_info
from media.waveform import ANALYSIS_RATE, PeakAccumulator

#: SQLite stores a blob of at most 1e9 bytes; the master and the delivery must fit.
MAX_AUDIO_BYTES = 900 * 1000 * 1000
DELIVERY_MIME = "audio/mp4"
STEREO_KBPS, MONO_KBPS = 128, 96
TRIM_PADDING_S = 0.1

MASTER_MIME = {
    "wav": "audio/wav",
    "mp3": "audio/mpeg",
    "mp4": "audio/mp4",
    "aac": "audio/aac",
    "flac": "audio/flac",
    "ogg": "audio/ogg",
    "webm": "audio/webm",
    "aiff": "audio/aiff",
}


def _deadline(duration_s: float | None, factor: float) -> float:
    """Generous but finite: a stuck ffmpeg is stopped, a slow machine is not."""
    return 60.0 + factor * (duration_s or 600.0)


def _analyse(
    path: Path, pr: Probe, progress: Progress | None, cancelled: CancelCheck | None
) -> tuple[PeakAccumulator, Loudness | None]:
    acc = PeakAccumulator()
    expected = (pr.duration_s or 0.0) * ANALYSIS_RATE

    def take(chunk: bytes) -> None:
        acc.feed(chunk)
        if expected:
            report(progress, 0.05 + 0.45 * min(1.0, acc.samples / expected))

    graph = (
        "[0:a:0]asplit=2[m][p];"
        "[m]ebur128=peak=sample:framelog=verbose,anullsink;"
        f"[p]aformat=channel_layouts=mono,aresample={ANALYSIS_RATE},"
        "aformat=sample_fmts=s16[out]"
    )
    cmd = [
        require("ffmpeg"), "-nostdin", "-hide_banner", "-nostats", "-v", "info",
        "-i", str(path), "-filter_complex", graph, "-map", "[out]",
        "-f", "s16le", "-c:a", "pcm_s16le", "pipe:1",
    ]  # fmt: skip
    rc, stderr = stream(
        cmd, timeout=_deadline(pr.duration_s, 2.0), on_chunk=take, cancelled=cancelled
    )
    acc.finish()
    if rc != 0 and acc.samples == 0:
        raise ToolFailed(last_error_line(stderr, path))
    return acc, parse_ebur128(stderr)


def _encode(
    path: Path,
    pr: Probe,
    start: float,
    length: float,
    gain: float,
    options: ImportOptions,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> bytes:
    filters = []
    if gain:
        filters.append(f"volume={gain:.2f}dB")
    fade_in = min(options.fade_in_s, length / 2)
    fade_out = min(options.fade_out_s, length / 2)
    if fade_in > 0:
        filters.append(f"afade=t=in:st=0:d={fade_in:.3f}")
    if fade_out > 0:
        filters.append(f"afade=t=out:st={length - fade_out:.3f}:d={fade_out:.3f}")
    channels = 1 if pr.channels == 1 else 2
    rate = 48000 if pr.sample_rate >= 48000 else 44100
    kbps = MONO_KBPS if channels == 1 else STEREO_KBPS
    with tempfile.TemporaryDirectory(prefix="storyport-audio-") as tmp:
        out = Path(tmp) / "delivery.m4a"
        cmd = [require("ffmpeg"), "-nostdin", "-hide_banner", "-nostats", "-v", "error", "-y"]
        if start > 0:
            cmd += ["-ss", f"{start:.3f}"]
        cmd += ["-t", f"{length:.3f}", "-i", str(path), "-map", "0:a:0", "-vn", "-sn", "-dn"]
        cmd += ["-map_metadata", "-1", "-map_chapters", "-1"]
        if filters:
            cmd += ["-af", ",".join(filters)]
        cmd += [
            "-c:a", "aac", "-b:a", f"{kbps}k", "-ac", str(channels), "-ar", str(rate),
            "-movflags", "+faststart", "-f", "mp4", "-progress", "pipe:1", str(out),
        ]  # fmt: skip

        def take(chunk: bytes) -> None:
            for line in chunk.split(b"\n"):
                if line.startswith(b"out_time_us=") and length > 0:
                    try:
                        done = int(line.split(b"=", 1)[1]) / 1e6
                    except ValueError:
                        continue
                    report(progress, 0.5 + 0.45 * min(1.0, done / length))

        rc, stderr = stream(cmd, timeout=_deadline(length, 1.5), on_chunk=take, cancelled=cancelled)
        if rc != 0 or not out.exists() or out.stat().st_size == 0:
            raise ToolFailed(
                f"making the delivery version failed ({last_error_line(stderr, path)})"
            )
        return out.read_bytes()


def import_audio(
    path: Path,
    fmt: str,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    options: ImportOptions | None = None,
) -> ImportedMedia:
    options = options or ImportOptions()
    size = path.stat().st_size
    if size > MAX_AUDIO_BYTES:
        raise MediaError(
            path,
            f"the recording is too large to store ({size / 1e6:.0f} MB; limit "
            f"{MAX_AUDIO_BYTES / 1e6:.0f} MB): convert it to FLAC or MP3 first",
        )
    wav: WavInfo | None = None
    if fmt == "wav":
        try:
            wav = read_wav_info(path)
        except WavError as exc:
            raise MediaError(path, str(exc)) from None
        if wav.frames == 0:
            raise MediaError(path, "the recording holds no sound (0 audio frames)")
    if not have_ffmpeg():
        if wav is not None and wav.is_pcm:
            return _import_wav_without_ffmpeg(path, wav, progress, cancelled)
        what = "this kind of WAV" if wav is not None else f"{fmt.upper()} recordings"
        raise MediaError(path, f"{what} need ffmpeg, which is missing; {INSTALL_HINT}")
    try:
        pr = probe(path)
        if pr.sample_rate <= 0 or pr.channels <= 0:
            raise ToolFailed(f"{pr.sample_rate} Hz, {pr.channels} channels")
        report(progress, 0.05)
        check_cancelled(cancelled)
        acc, loud = _analyse(path, pr, progress, cancelled)
    except ToolMissing:
        raise MediaError(path, f"ffmpeg is missing; {INSTALL_HINT}") from None
    except ToolFailed as exc:
        raise MediaError(path, f"not a readable recording ({exc})") from None
    claimed = pr.duration_s or 0.0
    decoded = acc.duration_s
    if acc.samples == 0:
        if claimed > 0.5:
            raise MediaError(
                path,
                f"the recording is damaged or cut short: no sound could be "
                f"decoded (its header claims {claimed:.0f} s)",
            )
        raise MediaError(path, "the recording holds no sound (0 audio frames)")
    if claimed > 2 * decoded and claimed - decoded > 2.0:
        raise MediaError(
            path,
            f"the recording is cut short: only {decoded:.1f} s of the "
            f"{claimed:.0f} s it claims could be decoded",
        )
    check_cancelled(cancelled)
    start, end = 0.0, decoded
    notes: list[str] = []
    if options.trim_silence:
        bounds = acc.sound_bounds()
        if bounds is not None:
            start = max(0.0, bounds[0] - TRIM_PADDING_S)
            end = min(decoded, bounds[1] + TRIM_PADDING_S)
            if start > 0 or end < decoded:
                notes.append(
                    f"silence trimmed: {start:.1f} s at the start, {decoded - end:.1f} s at the end"
                )
    gain = gain_db(loud)
    if loud is not None and not loud.silent:
        notes.append(
            f"loudness {loud.integrated_lufs:.1f} LUFS, gain {gain:+.1f} dB "
            f"(target {TARGET_LUFS:.0f} LUFS)"
        )
    elif loud is not None:
        notes.append("the recording is silent: no loudness gain applied")
    try:
        delivery = _encode(path, pr, start, end - start, gain, options, progress, cancelled)
    except ToolFailed as exc:
        raise MediaError(path, str(exc)) from None
    peaks = acc.peaks(start_s=start, end_s=end, gain_db=gain)
    master, removed = _clean_master(path, fmt, pr.codec, cancelled)
    notes.append(
        "the master is the original sound without tags (same audio packets, new container)"
        if removed
        else "the master is the original sound in a clean container (it carried no tags)"
    )
    result = ImportedMedia(
        kind="audio",
        mime=MASTER_MIME.get(fmt, "application/octet-stream"),
        data=master,
        original_name=path.name,
        duration_s=round(end - start, 3),
        renditions=(
            Rendition("delivery", DELIVERY_MIME, delivery),
            Rendition("peaks", "application/json", json.dumps(peaks).encode()),
        ),
        removed_metadata=tuple(removed),
        notes=tuple(notes),
        source_format=fmt,
    )
    report(progress, 1.0)
    return result


def _clean_master(
    path: Path, fmt: str, codec: str, cancelled: CancelCheck | None
) -> tuple[bytes, list[str]]:
    """The master without tags, and what it lost in words; refused when anything stays."""
    try:
        removed = recording_metadata(path, fmt)
        with tempfile.TemporaryDirectory(prefix="storyport-master-") as tmp:
            out = Path(tmp) / f"master.{fmt}"
            strip_recording(path, fmt, out, codec=codec, cancelled=cancelled)
            left = recording_metadata(out, fmt)
            if left:
                raise StripFailed(f"its tags could not all be removed ({', '.join(left)} stay)")
            return out.read_bytes(), removed
    except (StripFailed, ToolFailed) as exc:
        raise MediaError(path, str(exc)) from None


def _import_wav_without_ffmpeg(
    path: Path, wav: WavInfo, progress: Progress | None, cancelled: CancelCheck | None
) -> ImportedMedia:
    """Plain PCM WAV with no ffmpeg: duration from the header, peaks in pure Python,
    the original file as the delivery version (QtMultimedia plays PCM WAV)."""
    acc = PeakAccumulator()
    for chunk in pcm16_mono_chunks(path, wav):
        acc.feed(chunk)
        check_cancelled(cancelled)
        report(progress, 0.9 * min(1.0, acc.samples / max(1.0, wav.duration_s * ANALYSIS_RATE)))
    acc.finish()
    removed = wav_metadata(path)
    with tempfile.TemporaryDirectory(prefix="storyport-master-") as tmp:
        out = Path(tmp) / "master.wav"
        try:
            strip_wav(path, out)
        except StripFailed as exc:
            raise MediaError(path, str(exc)) from None
        data = out.read_bytes()
    report(progress, 1.0)
    return ImportedMedia(
        kind="audio",
        mime="audio/wav",
        data=data,
        original_name=path.name,
        duration_s=round(wav.duration_s, 3),
        renditions=(
            Rendition("delivery", "audio/wav", data),
            Rendition("peaks", "application/json", json.dumps(acc.peaks()).encode()),
        ),
        removed_metadata=tuple(removed),
        notes=(f"not loudness-normalised: ffmpeg is missing ({INSTALL_HINT})",),
        source_format="wav",
    )
