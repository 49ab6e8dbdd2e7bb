"""The story's colours, in one place, so the pictures and the reader's theme agree.

VISUAL.md asks for steppe ochre and sand, dry-grass green, Tian Shan slate and
snow, sky blue for water and one strong accent from the rail yard. The same
hues are written into ``story.toml``'s ``[theme]`` table; the illustrations
use them plus a few neighbours (sky, haze, night) that only pictures need.
"""

from __future__ import annotations

RGB = tuple[int, int, int]


def hex_rgb(value: str) -> RGB:
    """'#c8402a' -> (200, 64, 42)."""
    v = value.lstrip("#")
    return (int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend from ``a`` (t=0) to ``b`` (t=1): used for haze and depth."""
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def darker(c: RGB, amount: float = 0.2) -> RGB:
    return mix(c, (0, 0, 0), amount)


def lighter(c: RGB, amount: float = 0.2) -> RGB:
    return mix(c, (255, 255, 255), amount)


# The theme (also in story.toml).
ACCENT = hex_rgb("#c8402a")  # container red
ACCENT_SOFT = hex_rgb("#ecc2ad")
PAPER = hex_rgb("#f6f0e3")
INK = hex_rgb("#262521")
MUTED = hex_rgb("#75695a")
LAND = hex_rgb("#e8dcc0")  # sand
WATER = hex_rgb("#86afcc")  # sky blue
GRASS = hex_rgb("#97a064")  # dry grass
SLATE = hex_rgb("#55626f")  # Tian Shan rock

# Picture-only neighbours.
OCHRE = hex_rgb("#c99a55")
SAND = hex_rgb("#e4cf9e")
STRAW = hex_rgb("#d8bd7c")
GRASS_DARK = hex_rgb("#6c7645")
SNOW = hex_rgb("#f5f3ee")
SKY_TOP = hex_rgb("#8fb6d3")
SKY_LOW = hex_rgb("#efe4cc")
HAZE = hex_rgb("#dfe3e2")
FAR_RANGE = hex_rgb("#9fadc0")
ORANGE = hex_rgb("#e07a2f")  # signal orange
TEAL = hex_rgb("#2f7d7e")
NAVY = hex_rgb("#34506a")
CREAM = hex_rgb("#e9dcc0")
STEEL = hex_rgb("#5b626a")
CONCRETE = hex_rgb("#cfc8ba")
GLASS = hex_rgb("#9fb9c8")
NIGHT_TOP = hex_rgb("#27314a")
DUSK_LOW = hex_rgb("#e7a36a")
LAMP = hex_rgb("#ffd88a")

#: Container colours, weighted towards the accent so yards read "red and orange".
CONTAINERS: tuple[RGB, ...] = (
    ACCENT,
    ACCENT,
    ORANGE,
    ORANGE,
    TEAL,
    NAVY,
    CREAM,
    hex_rgb("#8a3b2b"),
)
#: Goods on market shelves: bright but kept within the palette's warmth.
GOODS: tuple[RGB, ...] = (
    ACCENT,
    ORANGE,
    TEAL,
    NAVY,
    hex_rgb("#d9b44a"),
    hex_rgb("#b5577a"),
    hex_rgb("#6b8f4e"),
    CREAM,
)
#: Clothes of the anonymous figures: dark, muted, so people never outshine the scene.
PEOPLE: tuple[RGB, ...] = (INK, NAVY, darker(SLATE, 0.3), (88, 60, 52), (70, 74, 60), MUTED)
