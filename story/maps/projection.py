"""Map projection and distance arithmetic (no Qt), for the story map and its scale bar.

Geographic story maps use the spherical Lambert azimuthal equal-area
projection centred on the map (docs/MAP.md explains the choice).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8
Point = tuple[float, float]  # (lon, lat)


@dataclass(frozen=True)
class Projection:
    """Spherical Lambert azimuthal equal-area, centred on (lon0, lat0); metres.

    Equal-area and with little distortion within a few hundred kilometres of
    the centre, which suits a regional story map. ``y`` grows northwards.
    """

    lon0: float
    lat0: float

    @classmethod
    def centred_on(cls, bbox: Sequence[float]) -> Projection:
        return cls((bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0)

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        sin0, cos0 = self._sin_cos0
        phi, dl = math.radians(lat), math.radians(lon - self.lon0)
        sin_p, cos_p, cos_dl = math.sin(phi), math.cos(phi), math.cos(dl)
        cos_c = sin0 * sin_p + cos0 * cos_p * cos_dl
        k = EARTH_RADIUS_M * math.sqrt(2.0 / max(1e-12, 1.0 + cos_c))
        return k * cos_p * math.sin(dl), k * (cos0 * sin_p - sin0 * cos_p * cos_dl)

    @property
    def _sin_cos0(self) -> tuple[float, float]:
        phi0 = math.radians(self.lat0)
        return math.sin(phi0), math.cos(phi0)

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        rho = math.hypot(x, y)
        if rho < 1e-9:
            return self.lon0, self.lat0
        c = 2.0 * math.asin(min(1.0, rho / (2.0 * EARTH_RADIUS_M)))
        phi0 = math.radians(self.lat0)
        lat = math.asin(math.cos(c) * math.sin(phi0) + y * math.sin(c) * math.cos(phi0) / rho)
        lon = math.radians(self.lon0) + math.atan2(
            x * math.sin(c), rho * math.cos(phi0) * math.cos(c) - y * math.sin(phi0) * math.sin(c)
        )
        return math.degrees(lon), math.degrees(lat)


def distance_m(a: Point, b: Point) -> float:
    """Great-circle distance between two (lon, lat) points, in metres."""
    la1, la2 = math.radians(a[1]), math.radians(b[1])
    dla, dlo = la2 - la1, math.radians(b[0] - a[0])
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def nice_scale_length(max_metres: float) -> float:
    """The largest 1, 2 or 5 × 10^n metres not above ``max_metres`` (for a scale bar)."""
    if max_metres <= 0 or not math.isfinite(max_metres):
        return 0.0
    exp = math.floor(math.log10(max_metres))
    for m in (5, 2, 1):
        v = m * 10**exp
        if v <= max_metres:
            return float(v)
    return float(10**exp)


def format_distance(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
