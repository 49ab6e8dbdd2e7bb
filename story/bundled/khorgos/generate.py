"""Placeholder media generator (replaced by the story helper)."""
from __future__ import annotations
from pathlib import Path
from PIL import Image
from pydub.generators import WhiteNoise

def generate_media(out: Path, progress=None) -> None:
    Image.new("RGB", (1600, 1000), (200, 170, 110)).save(out / "cover.png")
    Image.new("RGB", (1600, 1000), (120, 140, 90)).save(out / "a.png")
    WhiteNoise().to_audio_segment(duration=3000, volume=-30).export(out / "wind.wav", format="wav")
