"""Real packages with real media for the library tests and bench: noise photos (incompressible
PNGs, so their bytes are what travels) added through the write API to a sound package."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

from PIL import Image

from media.imported import Rendition
from story.editing.chapters import chapter_id_at
from story.editing.media import (
    append_media,
    delete_media,
    media_ids,
    replace_links,
    store_media,
)
from story.package.file import open_package
from tests.fixtures.packages import image_item, make_package


def noise_png(width: int, height: int, seed: int) -> bytes:
    rnd = os.urandom(width * height * 3) if seed < 0 else _seeded(width * height * 3, seed)
    buf = io.BytesIO()
    Image.frombytes("RGB", (width, height), rnd).save(buf, "PNG", compress_level=0)
    return buf.getvalue()


def _seeded(n: int, seed: int) -> bytes:
    import random

    return random.Random(seed).randbytes(n)


WIDTH = 1300  # wide enough for full screen: the pulled package validates clean


def media_package(path: Path, *, photos: int = 2, height: int = 200, seed: int = 1) -> Path:
    """``make_package`` with its tiny image replaced by ``photos`` noise photos (3·1300·height
    bytes each), so ``validate`` passes with no warnings."""
    make_package(path, chapters=3)
    with open_package(path, readonly=False) as pkg:
        [tiny] = media_ids(pkg)
        for i in range(photos):
            data = noise_png(WIDTH, height, seed * 1000 + i)
            thumb = Rendition("thumb", "image/png", noise_png(32, 24, seed * 1000 + 500 + i))
            item = replace(image_item(data, WIDTH, height), renditions=(thumb,))
            mid = store_media(pkg, item, alt=f"Noise {i}", credit="Code", caption=f"Noise {i}")
            if i == 0:
                replace_links(pkg, tiny, mid)
                delete_media(pkg, tiny)
            else:
                append_media(pkg, chapter_id_at(pkg, 1 + i % 3), mid)
    return path
