"""The chapters' soundscapes, each a short scene built from the toolkit in ``sound``.

They are designed sound, not recordings: each is an impression of a place the
chapter describes (wind on the steppe, a crane yard, a shopping hall, a queue
of idling trucks), labelled as such in the story. Every function takes a seed
and a length and returns 44.1 kHz mono audio.
"""

from __future__ import annotations

import random

from media.pydub_setup import AudioSegment
from story.bundled.khorgos import sound as snd
from story.bundled.khorgos.sound import Mix


def _wind(rng: random.Random, ms: float, bright: float = 1.0) -> AudioSegment:
    """Wind: low rumble plus a band of hiss, each swelling in slow independent gusts."""
    low = snd.envelope(snd.noise(rng, ms, rate=320), snd.wander(rng, ms, 2500, -16, -4))
    air = snd.bandnoise(rng, ms, 250 * bright, 1200 * bright)
    air = snd.envelope(air, snd.wander(rng, ms, 1800, -26, -10))
    return low.overlay(air)


def _train_pass(rng: random.Random, mix: Mix, start: float, length: float, db: float) -> None:
    """A freight train going by: rumble swelling and fading, wheel clacks in bogie pairs."""
    rumble = snd.noise(rng, length, rate=140)
    rumble = snd.envelope(rumble, [(0, -30), (length * 0.35, 0), (length * 0.65, 0), (length, -30)])
    mix.add(rumble, start, db - 4)
    t = start + length * 0.15
    while t < start + length * 0.85:
        near = 1 - abs((t - start) / length - 0.5) * 2
        gain = db - 18 + near * 14
        for dt in (0, 110):
            mix.add(snd.clack(rng), t + dt, gain)
        t += rng.choice((820.0, 1650.0, 820.0))


def steppe_train(seed: int, ms: float) -> AudioSegment:
    """Wind over the steppe; a freight train passes in the distance; a far horn."""
    rng = random.Random(seed)
    mix = Mix(ms)
    mix.bed(_wind(rng, ms), -2)
    _train_pass(rng, mix, ms * 0.22, ms * 0.55, -6)
    mix.add(snd.horn((311.0, 370.0), 1800), ms * 0.18, -1)
    return mix.master()


def crane_yard(seed: int, ms: float) -> AudioSegment:
    """A container yard: electrical hum, a diesel idling, clanks, twistlocks, reversing beeps."""
    rng = random.Random(seed)
    mix = Mix(ms)
    hum = (
        snd.tone(50, 4000, -20).overlay(snd.tone(100, 4000, -26)).overlay(snd.tone(150, 4000, -32))
    )
    mix.bed(hum, -6)
    idle = snd.band(snd.tone(31, 4000, -8, "saw"), None, 260)
    mix.bed(
        snd.envelope(snd.loop(snd.seamless(idle, 300), ms), snd.wander(rng, ms, 1500, -8, -2)), -4
    )
    mix.bed(_wind(rng, ms, 0.8), -12)
    t = 1500.0
    while t < ms - 2500:
        kind = rng.random()
        if kind < 0.45:
            mix.add(snd.strike(rng, (180, 412, 733, 1190), 900, -8), t, rng.uniform(-13, -7))
        elif kind < 0.7:
            for k in range(rng.randint(3, 6)):
                mix.add(snd.tone(1050, 300, -14, "square").fade_out(30), t + k * 700, -10)
        else:
            mix.add(snd.strike(rng, (95, 240, 515), 1400, -6), t, -7)
            mix.add(snd.hiss(rng, 700, -22), t + 300, 0)
        t += rng.uniform(1800, 4200)
    return mix.master()


def _murmur(
    rng: random.Random, ms: float, voices: int, lo: float = 300, hi: float = 2400
) -> AudioSegment:
    """Many people talking, far enough that no word is heard: band noise, syllable-rate swells."""
    out = snd.silence(ms)
    for _ in range(voices):
        layer = snd.bandnoise(rng, ms, lo, hi)
        layer = snd.envelope(layer, snd.wander(rng, ms, rng.uniform(110, 220), -30, -6))
        out = out.overlay(layer, position=0)
    return out


def plaza(seed: int, ms: float) -> AudioSegment:
    """An open plaza at the gateway: wind, footsteps on stone, voices at a distance."""
    rng = random.Random(seed)
    mix = Mix(ms)
    mix.bed(_wind(rng, ms, 1.2), -8)
    mix.bed(_murmur(rng, ms, 4, 400, 1800), -14)
    for walker in range(4):
        t = rng.uniform(0, 6000)
        end = t + rng.uniform(8000, 20000)
        pace = rng.uniform(480, 600)
        level = rng.uniform(-20, -10)
        while t < min(end, ms):
            step = snd.bandnoise(rng, 40, 700, 4000).fade_out(35)
            mix.add(step, t, level + rng.uniform(-2, 2))
            t += pace * rng.uniform(0.95, 1.05)
        del walker
    mix.add(snd.horn((220.0, 277.0), 900, -18), ms * 0.6, -6)
    return mix.master()


def shopping_hall(seed: int, ms: float) -> AudioSegment:
    """Inside a shopping centre: a dense murmur, rustling bags, a door chime, a hum."""
    rng = random.Random(seed)
    mix = Mix(ms)
    mix.bed(_murmur(rng, ms, 7), -4)
    mix.bed(snd.tone(100, 4000, -30).overlay(snd.tone(60, 4000, -28)), -4)
    t = 2000.0
    while t < ms - 2000:
        if rng.random() < 0.25:
            chime = snd.strike(rng, (1319, 2637), 1600, -18).overlay(
                snd.strike(rng, (1047, 2093), 1600, -18), position=350
            )
            mix.add(chime, t, -4)
        else:
            rustle = snd.bandnoise(rng, rng.uniform(300, 700), 2000, None)
            rustle = snd.envelope(rustle, snd.wander(rng, len(rustle), 40, -30, -12))
            mix.add(rustle.fade_in(40).fade_out(120), t, -6)
        t += rng.uniform(1200, 3500)
    return mix.master()


def empty_lot(seed: int, ms: float) -> AudioSegment:
    """An empty building plot: gusty wind, a loose sheet of metal knocking, a wire whistling."""
    rng = random.Random(seed)
    mix = Mix(ms)
    mix.bed(_wind(rng, ms, 1.1), 0)
    whistle = snd.tone(880, 6000, -30).overlay(snd.tone(1320, 6000, -36))
    mix.bed(
        snd.envelope(snd.loop(snd.seamless(whistle, 300), ms), snd.wander(rng, ms, 3000, -40, -12)),
        0,
    )
    t = 3000.0
    while t < ms - 2000:
        for k in range(rng.randint(1, 3)):
            mix.add(
                snd.strike(rng, (140, 355, 610), 700, -10),
                t + k * rng.uniform(180, 320),
                rng.uniform(-10, -3),
            )
        t += rng.uniform(2500, 6000)
    return mix.master()


def truck_queue(seed: int, ms: float) -> AudioSegment:
    """Trucks idling in a long queue; air brakes hiss; one horn, then quiet again."""
    rng = random.Random(seed)
    mix = Mix(ms)
    for k in range(4):
        idle = snd.band(snd.tone(rng.uniform(24, 34), 5000, -8, "saw"), None, 220 + k * 30)
        idle = snd.loop(snd.seamless(idle, 300), ms)
        mix.bed(snd.envelope(idle, snd.wander(rng, ms, 2000, -10 - k * 3, -4 - k * 3)), -2)
    mix.bed(_wind(rng, ms, 0.9), -14)
    for _ in range(4):
        mix.add(snd.hiss(rng, rng.uniform(500, 900), -16), rng.uniform(2000, ms - 3000), -2)
    mix.add(snd.horn((185.0, 233.0), 700, -12, distant=False), ms * rng.uniform(0.45, 0.6), -8)
    return mix.master()


def city_distance(seed: int, ms: float) -> AudioSegment:
    """A city heard from its edge: traffic roar, cars passing, a far train horn, wind."""
    rng = random.Random(seed)
    mix = Mix(ms)
    roar = snd.bandnoise(rng, ms, 80, 900)
    mix.bed(snd.envelope(roar, snd.wander(rng, ms, 3000, -14, -8)), 0)
    mix.bed(_wind(rng, ms, 0.8), -12)
    t = 1500.0
    while t < ms - 4000:
        car = snd.bandnoise(rng, 3500, 150, 1800)
        car = snd.envelope(car, [(0, -40), (1700, -6), (3500, -40)])
        mix.add(car, t, -4)
        t += rng.uniform(2500, 6000)
    mix.add(snd.horn((277.0, 330.0, 415.0), 2200, -16), ms * 0.55, -4)
    return mix.master()


def bazaar(seed: int, ms: float) -> AudioSegment:
    """An open-air market: voices all round, plastic bags, a handcart, traffic beyond."""
    rng = random.Random(seed)
    mix = Mix(ms)
    mix.bed(_murmur(rng, ms, 6, 250, 2800), -2)
    mix.bed(snd.bandnoise(rng, ms, 80, 600), -22)
    t = 1000.0
    while t < ms - 2000:
        if rng.random() < 0.6:
            rustle = snd.bandnoise(rng, rng.uniform(250, 600), 2500, None)
            rustle = snd.envelope(rustle, snd.wander(rng, len(rustle), 35, -30, -10))
            mix.add(rustle.fade_out(100), t, -8)
        else:
            for k in range(8):
                mix.add(snd.clack(rng, -14), t + k * 140, -8)
        t += rng.uniform(900, 2600)
    return mix.master()


def poplar_wind(seed: int, ms: float) -> AudioSegment:
    """Wind over farmland: leaves of the poplar windbreaks rustling, a tractor far off."""
    rng = random.Random(seed)
    mix = Mix(ms)
    mix.bed(_wind(rng, ms, 0.8), -4)
    leaves = snd.bandnoise(rng, ms, 1800, 6000)
    mix.bed(snd.envelope(leaves, snd.wander(rng, ms, 120, -34, -16)), -4)
    tractor = snd.band(snd.tone(18, 5000, -6, "square"), None, 300)
    tractor = snd.envelope(
        snd.loop(snd.seamless(tractor, 300), ms),
        [(0, -40), (ms * 0.3, -14), (ms * 0.7, -16), (ms, -40)],
    )
    mix.add(tractor, 0, -6)
    return mix.master()


def valley_evening(seed: int, ms: float) -> AudioSegment:
    """Evening in the Ili valley: crickets, a soft wind, a train rumbling far off and its horn."""
    rng = random.Random(seed)
    mix = Mix(ms)
    mix.bed(_wind(rng, ms, 0.6), -10)
    for k in range(5):
        freq = rng.uniform(3800, 5200)
        chirp = snd.tone(freq, 22, -20).fade_in(4).fade_out(8)
        t = rng.uniform(0, 1500)
        period = rng.uniform(500, 900)
        while t < ms:
            for p in range(3):
                mix.add(chirp, t + p * 45, -6 - k * 2)
            t += period * rng.uniform(0.9, 1.1)
    _train_pass(rng, mix, ms * 0.35, ms * 0.6, -22)
    mix.add(snd.horn((262.0, 311.0), 2400), ms * 0.72, -8)
    return mix.master()
