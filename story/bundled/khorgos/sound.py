"""A tiny sound-design toolkit on pydub: noise beds, envelopes, events and a mixer.

numpy is not a dependency, and pydub's filters are per-sample Python loops,
so everything here is built to stay fast: sound is made at 22.05 kHz and
converted to 44.1 kHz once at the end; noise comes from
``random.Random.randbytes`` (deterministic, one C call); low rumbles are noise
made at a very low sample rate and resampled up (pydub's C resampler smooths
it); filtered textures are a few seconds long and looped with crossfades; gain
envelopes are applied in 20 ms chunks through pydub's ``apply_gain``-style C
multiply. A 40 s scene takes a fraction of a second.
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Sequence
from functools import lru_cache

from media.pydub_setup import AudioSegment, audioop  # pydub's audioop: stdlib or audioop-lts

SR = 22050  # working rate
OUT_RATE = 44100  # delivered rate
PEAK_DBFS = -3.0
TARGET_RMS_DBFS = -20.0


def silence(ms: float) -> AudioSegment:
    return AudioSegment.silent(duration=int(ms), frame_rate=SR)


def noise(rng: random.Random, ms: float, rate: int = SR) -> AudioSegment:
    """White noise at ``rate`` (resampled to SR): a low rate gives a smooth rumble."""
    n = max(2, int(rate * ms / 1000))
    seg = AudioSegment(data=rng.randbytes(n * 2), sample_width=2, frame_rate=rate, channels=1)
    return seg.set_frame_rate(SR) if rate != SR else seg


def band(seg: AudioSegment, lo: float | None, hi: float | None, passes: int = 1) -> AudioSegment:
    """Band-limit with pydub's one-pole filters (``passes`` > 1 for a steeper slope)."""
    for _ in range(passes):
        if lo:
            seg = seg.high_pass_filter(lo)
        if hi:
            seg = seg.low_pass_filter(hi)
    return seg


_TEXTURES: dict[tuple[int, int], AudioSegment] = {}


def texture(lo: float | None, hi: float | None) -> AudioSegment:
    """Six seconds of band-limited noise, made once per band and shared by every scene.

    Filtering is the slow part (pure Python per sample), so each band is filtered
    once per process and scenes take looped slices of it. The texture's seed
    comes from its band, so the result does not depend on which scene asked first.
    """
    key = (int(lo or 0), int(hi or 0))
    if key not in _TEXTURES:
        rng = random.Random(key[0] * 100003 + key[1])
        # a low band needs few samples: filter at a low rate, then resample up (in C)
        rate = SR if not hi else int(min(SR, max(6000, hi * 2.6)))
        n = int(rate * 5.0)
        seg = AudioSegment(data=rng.randbytes(n * 2), sample_width=2, frame_rate=rate, channels=1)
        seg = band(seg, lo, hi, passes=2)
        if rate != SR:
            seg = seg.set_frame_rate(SR)
        _TEXTURES[key] = seamless(seg, 600)
    return _TEXTURES[key]


def seamless(seg: AudioSegment, xfade: int) -> AudioSegment:
    """Make a loopable unit: the tail is crossfaded into the head once."""
    head, tail = seg[:xfade], seg[-xfade:]
    joint = tail.fade_out(xfade).overlay(head.fade_in(xfade))
    return seg[xfade:-xfade] + joint


def loop(seg: AudioSegment, ms: float, rng: random.Random | None = None) -> AudioSegment:
    """Repeat a loopable unit to ``ms``, starting at a random point so layers differ."""
    reps = int(ms // max(1, len(seg))) + 2
    long = seg * reps
    start = rng.randrange(0, max(1, len(seg))) if rng is not None else 0
    return long[start : start + int(ms)]


def bandnoise(rng: random.Random, ms: float, lo: float | None, hi: float | None) -> AudioSegment:
    """Band-limited noise of any length, cut from the shared texture for that band."""
    return loop(texture(lo, hi), ms, rng)


def envelope(
    seg: AudioSegment, points: Sequence[tuple[float, float]], step_ms: int = 20
) -> AudioSegment:
    """Apply a gain curve given as (time ms, dB) points, linearly interpolated."""
    raw = seg.raw_data
    width = seg.sample_width
    frames_per = max(1, int(seg.frame_rate * step_ms / 1000))
    chunk = frames_per * width * seg.channels
    pts = sorted(points)
    out = []
    k = 0
    for i in range(0, len(raw), chunk):
        t = i / (width * seg.channels) / seg.frame_rate * 1000
        while k < len(pts) - 2 and pts[k + 1][0] < t:
            k += 1
        (t0, d0), (t1, d1) = pts[k], pts[min(k + 1, len(pts) - 1)]
        db = d0 if t1 <= t0 else d0 + (d1 - d0) * max(0.0, min(1.0, (t - t0) / (t1 - t0)))
        out.append(audioop.mul(raw[i : i + chunk], width, 10 ** (db / 20)))
    return seg._spawn(b"".join(out))


def wander(
    rng: random.Random, ms: float, every: float, lo: float, hi: float
) -> list[tuple[float, float]]:
    """Random slow gain points between lo and hi dB: gusts, crowd swell, distance."""
    pts = []
    t = 0.0
    while t <= ms + every:
        pts.append((t, rng.uniform(lo, hi)))
        t += every * rng.uniform(0.6, 1.4)
    return pts


def tone(freq: float, ms: float, db: float = -6.0, kind: str = "sine") -> AudioSegment:
    """A steady tone, ``freq`` rounded to whole hertz so one second of it loops exactly."""
    second = _second_of(int(round(freq)), round(db, 1), kind)
    reps = int(ms // 1000) + 1
    return (second * reps)[: int(ms)]


@lru_cache(maxsize=256)
def _second_of(freq: int, db: float, kind: str) -> AudioSegment:
    """One second of a sine, square or sawtooth wave at ``db`` dBFS peak (cached).

    A whole number of cycles fits in one second, so repeating it is seamless;
    this is far quicker than pydub's per-sample generators for long tones.
    """
    amp = 32767 * 10 ** (db / 20)
    step = freq / SR
    samples = array("h", bytes(2 * SR))
    for i in range(SR):
        phase = (i * step) % 1.0
        if kind == "sine":
            v = math.sin(math.tau * phase)
        elif kind == "square":
            v = 1.0 if phase < 0.5 else -1.0
        else:
            v = 2.0 * phase - 1.0
        samples[i] = int(amp * v)
    return AudioSegment(data=samples.tobytes(), sample_width=2, frame_rate=SR, channels=1)


def strike(
    rng: random.Random, partials: Sequence[float], ms: float, db: float = -10.0
) -> AudioSegment:
    """A struck metal sound: inharmonic partials with a quick attack and a long linear decay."""
    out = silence(ms)
    for i, f in enumerate(partials):
        out = out.overlay(tone(round(f * rng.uniform(0.99, 1.01)), ms, db - i * 3))
    hit = bandnoise(rng, 30, 1500, None).apply_gain(db - 4).fade_out(25)
    return out.overlay(hit).fade_in(3).fade_out(int(ms * 0.95))


def clack(rng: random.Random, db: float = -8.0) -> AudioSegment:
    """A wheel crossing a rail joint: a click and a low thump."""
    click = bandnoise(rng, 35, 900, 5000).apply_gain(db).fade_out(30)
    thump = tone(rng.choice((72, 80, 88, 95)), 90, db + 2).fade_out(80)
    return thump.overlay(click)


def horn(
    freqs: Sequence[float], ms: float, db: float = -14.0, distant: bool = True
) -> AudioSegment:
    """A two- or three-note horn; far away it loses its top and gains an echo."""
    out = silence(ms)
    for f in freqs:
        out = out.overlay(tone(f, ms, db, "saw"))
    out = band(out, 120, 1400 if distant else 3000, passes=2).fade_in(120).fade_out(400)
    if distant:
        echo = out.apply_gain(-9)
        out = silence(ms + 700).overlay(out).overlay(echo, position=650)
    return out


def hiss(rng: random.Random, ms: float, db: float = -18.0) -> AudioSegment:
    """Air brakes or a valve: high noise with a sharp start."""
    return bandnoise(rng, ms, 2500, None).apply_gain(db).fade_in(15).fade_out(int(ms * 0.7))


class Mix:
    """A mono bus of fixed length; ``add`` places a sound at a time with a gain."""

    def __init__(self, ms: float) -> None:
        self.frames = int(SR * ms / 1000)
        self.buf = bytearray(self.frames * 2)

    def add(self, seg: AudioSegment, at_ms: float = 0.0, db: float = 0.0) -> None:
        if seg.frame_rate != SR or seg.channels != 1 or seg.sample_width != 2:
            seg = seg.set_frame_rate(SR).set_channels(1).set_sample_width(2)
        data = seg.raw_data if db == 0.0 else audioop.mul(seg.raw_data, 2, 10 ** (db / 20))
        a = int(SR * at_ms / 1000) * 2
        if a >= len(self.buf) or a < 0:
            return
        b = min(len(self.buf), a + len(data))
        self.buf[a:b] = audioop.add(bytes(self.buf[a:b]), data[: b - a], 2)

    def bed(self, seg: AudioSegment, db: float = 0.0) -> None:
        """A texture that runs for the whole mix (looped if short)."""
        ms = self.frames * 1000 / SR
        self.add(seg if len(seg) >= ms else loop(seg, ms), 0.0, db)

    def master(self, fade_ms: int = 1500) -> AudioSegment:
        """Fades, loudness to a common RMS (peaks kept under -3 dBFS), and 44.1 kHz."""
        seg = AudioSegment(data=bytes(self.buf), sample_width=2, frame_rate=SR, channels=1)
        seg = seg.fade_in(fade_ms).fade_out(fade_ms)
        if seg.rms > 0:
            gain = min(TARGET_RMS_DBFS - seg.dBFS, PEAK_DBFS - seg.max_dBFS)
            seg = seg.apply_gain(gain)
        return seg.set_frame_rate(OUT_RATE)
