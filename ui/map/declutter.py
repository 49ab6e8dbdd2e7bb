"""Keeping chapter markers apart: ones that would overlap at this zoom are nudged aside.

Markers keep their pixel size at every zoom, so places a few kilometres apart
overlap when zoomed out. The current chapter's marker stays put, then the
others in story order take the first free spot around their place (a ring of
eight directions, then a wider one); each nudged marker draws a thin leader
to its true place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF

from ui.map.markers import HOVER_GROWTH, MarkerItem

#: Markers are nudged apart on maps with up to this many places.
DECLUTTER_MAX = 80
#: Nudge directions tried, in units of a marker's height.
NUDGES = [(0.0, 0.0)] + [
    (round(math.cos(a) * k, 3), round(math.sin(a) * k, 3))
    for k in (1.0, 1.6)
    for a in (
        -math.pi / 4,
        -3 * math.pi / 4,
        math.pi / 4,
        3 * math.pi / 4,
        0.0,
        math.pi,
        -math.pi / 2,
        math.pi / 2,
    )
]


def nudge_apart(markers: Sequence[MarkerItem], scale: float) -> bool:
    """Set each marker's offset for this ``scale``; True if any offset changed."""
    if len(markers) > DECLUTTER_MAX:
        return False
    placed: list[QRectF] = []
    changed = False
    for m in sorted(markers, key=lambda m: (not m.current, m.spot.indices[0])):
        hw, hh = m.half_size(HOVER_GROWTH)
        x, y = m.spot.x * scale, m.spot.y * scale
        step = 2 * hh + 6
        boxes = [
            QRectF(x + dx * step - hw - 3, y + dy * step - hh - 3, 2 * hw + 6, 2 * hh + 6)
            for dx, dy in NUDGES
        ]
        k = next((k for k, b in enumerate(boxes) if not any(b.intersects(o) for o in placed)), 0)
        chosen = NUDGES[k]  # nowhere free: k = 0, the marker stays on its place
        placed.append(boxes[k])
        before = QPointF(m.offset)
        m.set_offset(chosen[0] * step, chosen[1] * step)
        changed = changed or m.offset != before
    return changed
