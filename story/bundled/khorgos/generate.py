"""Make every illustration and soundscape of the bundled Khorgos story into a folder.

``story.bundled.ensure_bundled`` calls ``generate_media(out_dir)`` and then
builds the package from ``story.toml`` and ``chapters/*.md``, which refer to
the file names below. The list is the whole contract: one entry per file, so
adding a picture (the illustrated map, say) is one more line in ``MEDIA``.
Everything is deterministic: the same code gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from media import ffmpeg_tools
from media.pydub_setup import AudioSegment
from story.bundled.khorgos import plan_art
from story.bundled.khorgos import scenes_land as land
from story.bundled.khorgos import scenes_map as maps
from story.bundled.khorgos import scenes_market as market
from story.bundled.khorgos import scenes_port as port
from story.bundled.khorgos import scenes_town as town
from story.bundled.khorgos import scenes_yard as yard
from story.bundled.khorgos import soundscapes as sound
from story.errors import StoryError

Progress = Callable[[int, int, str], None]
WIDE = (2400, 1500)
TALL = (1600, 2000)
COVER = (2560, 1440)
SOUND_MS = 32_000
FLAC_TIMEOUT_S = 120.0  # a 38 s soundscape encodes in well under a second


@dataclass(frozen=True)
class Picture:
    """An illustration: drawn by ``draw(width, height, seed)``, saved as a high-quality JPEG."""

    file: str
    draw: Callable[..., Image.Image]
    size: tuple[int, int] = WIDE
    seed: int = 1
    options: tuple[tuple[str, object], ...] = ()

    def make(self, out: Path) -> None:
        img = self.draw(self.size[0], self.size[1], self.seed, **dict(self.options))
        # JPEG, not PNG: the importer keeps a JPEG master anyway, and paper grain
        # makes PNGs several times larger and slower to write.
        img.convert("RGB").save(out / self.file, "JPEG", quality=92)


@dataclass(frozen=True)
class Sound:
    """A soundscape: ``make(seed, ms)`` gives 44.1 kHz audio, written as FLAC.

    FLAC, not WAV: lossless, so the master the importer keeps is the same sound at
    about half the bytes (the WAV masters were 28 MB of the package).
    """

    file: str
    compose: Callable[[int, float], AudioSegment]
    seed: int = 1
    ms: int = SOUND_MS

    def make(self, out: Path) -> None:
        wav = out / (self.file + ".wav")
        try:
            self.compose(self.seed, self.ms).export(wav, format="wav")
            to_flac(wav, out / self.file)
        finally:
            wav.unlink(missing_ok=True)


def to_flac(wav: Path, flac: Path) -> None:
    """Encode ``wav`` losslessly as ``flac`` with ffmpeg (deterministic: no tags, no version)."""
    tool = ffmpeg_tools.find_tool("ffmpeg")
    if tool is None:
        raise StoryError(f"making {flac.name}: ffmpeg is missing; {ffmpeg_tools.INSTALL_HINT}")
    cmd = [
        tool,
        "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-i", str(wav),
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
        "-c:a", "flac", "-compression_level", "8",
        str(flac),
    ]  # fmt: skip
    try:
        rc, err = ffmpeg_tools.stream(cmd, timeout=FLAC_TIMEOUT_S, on_chunk=lambda _: None)
        if rc != 0:
            raise ffmpeg_tools.ToolFailed(ffmpeg_tools.last_error_line(err, wav))
    except ffmpeg_tools.ToolFailed as exc:
        flac.unlink(missing_ok=True)
        raise StoryError(f"making {flac.name}: ffmpeg failed ({exc})") from None


MEDIA: list[Picture | Sound] = [
    Picture("cover.jpg", port.cover, COVER, 11),
    # 1 The port at the end of the line (Altynkol)
    Picture("c01-yard.jpg", port.port_yard, seed=101),
    Picture("c01-map.jpg", maps.corridor_map, seed=102),
    Picture("c01-train.jpg", port.freight_steppe, seed=103),
    Sound("c01-steppe-train.flac", sound.steppe_train, 104, 38_000),
    # 2 Where the rails change width (Altynkol)
    Picture("c02-gauges.jpg", port.gauge_diagram, seed=201),
    Picture("c02-transfer.jpg", yard.crane_transfer, seed=202),
    Picture("c02-night.jpg", yard.crane_transfer, seed=203, options=(("night", True),)),
    Sound("c02-crane-yard.flac", sound.crane_yard, 204),
    # 3 Through the gateway (ICBC zone)
    Picture("c03-gateway.jpg", town.gateway, seed=301),
    Picture("c03-posters.jpg", town.posters, seed=302),
    Picture("c03-dusk.jpg", town.gateway, seed=304, options=(("dusk", True),)),
    Sound("c03-plaza.flac", sound.plaza, 303, 28_000),
    # 4 The boomtown (Horgos)
    Picture("c04-skyline.jpg", town.skyline, seed=401),
    Picture("c04-hall.jpg", market.market_hall, seed=402),
    Picture("c04-shoppers.jpg", market.shoppers, TALL, 403),
    Sound("c04-shopping-hall.flac", sound.shopping_hall, 404),
    # 5 The side that waits (Zharkent)
    Picture("c05-two-sides.jpg", town.two_sides, seed=504),
    Picture("c05-road.jpg", land.lone_road, seed=501),
    Picture("c05-plot.jpg", land.vacant_plot, seed=502),
    Sound("c05-empty-lot.flac", sound.empty_lot, 503, 28_000),
    # 6 Too slow, too costly (ICBC zone)
    Picture("c06-queue.jpg", land.truck_queue, seed=601),
    Picture("c06-dusk.jpg", land.truck_queue, seed=602, options=(("dusk", True),)),
    Sound("c06-truck-queue.flac", sound.truck_queue, 603),
    # 7 Wary neighbours (Yining, Xinjiang)
    Picture("c07-city.jpg", town.city, seed=701, options=(("tall", 1.5), ("dusk", 0.6))),
    Picture("c07-east.jpg", port.freight_steppe, seed=702, options=(("dusk", 0.8),)),
    Sound("c07-city-distance.flac", sound.city_distance, 703, 30_000),
    # 8 Cheap goods, deep mistrust (Almaty)
    Picture("c08-almaty.jpg", town.city, seed=801),
    Picture("c08-bazaar.jpg", market.bazaar, seed=802),
    Picture("c08-oil.jpg", land.oil_field, seed=803),
    Sound("c08-bazaar.flac", sound.bazaar, 804),
    # 9 The land question (Zharkent)
    Picture("c09-fields.jpg", land.farmland, seed=901),
    Picture("c09-protest.jpg", land.farmland, seed=902, options=(("protest", True),)),
    Sound("c09-poplar-wind.flac", sound.poplar_wind, 903, 30_000),
    # 10 What comes next (Horgos)
    Picture("c10-evening.jpg", land.ili_evening, seed=1001),
    Picture("c10-night-port.jpg", town.skyline, seed=1002, options=(("night", True),)),
    Picture("c10-tracks.jpg", yard.crane_transfer, TALL, 1005),
    Sound("c10-valley-evening.flac", sound.valley_evening, 1003, 38_000),
    # further media (for example the illustrated map) are added below this line
    Picture("plan.jpg", plan_art.draw_plan, plan_art.SIZE, 1),  # the map of the crossing
]


def generate_media(out: Path, progress: Progress | None = None) -> None:
    """Write every file in ``MEDIA`` into ``out``; ``progress(done, total, label)`` after each."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    total = len(MEDIA)
    for done, item in enumerate(MEDIA, start=1):
        item.make(out)
        if progress is not None:
            progress(done, total, f"made {item.file}")
