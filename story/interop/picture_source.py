"""The picture a StoryMapJS gigapixel story's picture map is cut from.

When the Zoomify folder sits beside the JSON (an ``export-json`` of ours, or
a newsroom's own copy), the picture is assembled from its tiles. When it is
on the web it is never fetched: the map gets a plain placeholder of the same
shape, saying what is missing, so every place still lands in proportion and
the curator can replace the picture. Places are scaled to the picture made.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from story.interop.media_files import classify
from story.interop.model import PictureMapSource
from story.interop.zoomify import read_local

#: The longest side of a placeholder picture (places keep their fractions of a pixel).
PLACEHOLDER_SIDE = 2048
PAPER = (236, 231, 220)
INK = (120, 112, 100)


def placeholder(src: PictureMapSource) -> Image.Image:
    s = min(1.0, PLACEHOLDER_SIDE / max(src.width, src.height))
    w, h = max(1, round(src.width * s)), max(1, round(src.height * s))
    img = Image.new("RGB", (w, h), PAPER)
    draw = ImageDraw.Draw(img)
    for i in range(1, 10):  # a light grid, so moving over the picture is visible
        draw.line([(w * i // 10, 0), (w * i // 10, h)], fill=(222, 215, 202), width=1)
        draw.line([(0, h * i // 10), (w, h * i // 10)], fill=(222, 215, 202), width=1)
    size = max(12, min(w, h) // 24)
    font = ImageFont.load_default(size=size)
    lines = [
        "Gigapixel picture not imported",
        f"{src.width:,} x {src.height:,} pixels on the web: {src.path[:80]}",
        "Storyport never fetches remote tiles; replace this picture map",
    ]
    y = h // 2 - len(lines) * size
    for line in lines:
        draw.text((w // 2, y), line, fill=INK, font=font, anchor="mm")
        y += size * 2
    return img


def picture_for(src: PictureMapSource, folder: Path) -> tuple[Image.Image, float, float, str]:
    """The picture, x and y scale from the story's pixels to it, and a note for the person."""
    tiles = (folder / src.path).resolve()
    inside = tiles.is_relative_to(folder.resolve())  # never a folder beside or above the story
    if src.path and classify(src.path) == "local" and inside:
        local = read_local(tiles, src.width, src.height)
        if local is not None:
            img, w, h = local
            return img, w / src.width, h / src.height, f"gigapixel picture read from {src.path}"
    img = placeholder(src)
    why = "on the web, never fetched" if classify(src.path) == "remote" else "not found"
    return (
        img,
        img.width / src.width,
        img.height / src.height,
        f"gigapixel picture {src.path or '(no path)'} {why}: a placeholder picture map stands in",
    )
