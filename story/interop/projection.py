"""Where StoryMapJS puts a point on a gigapixel (Zoomify) picture, and back.

StoryMapJS shows a Zoomify picture in Leaflet's ordinary Web Mercator CRS and
stores each slide's point as the latitude/longitude Leaflet gives the
picture's full-resolution pixel at the deepest zoom level. That level is the
number of times the picture halves (rounding down) until it fits one
256-pixel tile. These functions are that mapping and its inverse, so a place
lands on the same spot of the picture in Storyport and back in StoryMapJS.
"""

from __future__ import annotations

import math

TILE = 256
#: Leaflet's limit for Web Mercator.
MAX_LATITUDE = 85.0511287798


def zoomify_levels(width: int, height: int, tile: int = TILE) -> list[tuple[int, int]]:
    """The picture's size at each Zoomify level, smallest (level 0) first."""
    sizes = [(width, height)]
    w, h = width, height
    while w > tile or h > tile:
        w, h = w // 2, h // 2
        sizes.append((w, h))
    return sizes[::-1]


def max_zoom(width: int, height: int) -> int:
    return len(zoomify_levels(width, height)) - 1


def latlon_to_pixel(lat: float, lon: float, width: int, height: int) -> tuple[float, float]:
    """A StoryMapJS point on a ``width`` x ``height`` Zoomify picture, in its pixels."""
    scale = TILE * 2 ** max_zoom(width, height)
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = (lon + 180.0) / 360.0 * scale
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


def pixel_to_latlon(x: float, y: float, width: int, height: int) -> tuple[float, float]:
    """The inverse of :func:`latlon_to_pixel`: the lat/lon StoryMapJS stores for a pixel."""
    scale = TILE * 2 ** max_zoom(width, height)
    lon = x / scale * 360.0 - 180.0
    n = math.pi - 2 * math.pi * y / scale
    lat = math.degrees(math.atan(math.sinh(n)))
    return lat, lon
