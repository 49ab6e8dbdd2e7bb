"""The map's cartographic style: colours, line weights and type, in one place.

Line widths are in device-independent pixels (cosmetic pens), so the line
hierarchy holds at every zoom. docs/MAP.md explains the choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontDatabase

BACKGROUND = QColor("#dcd8cf")  # outside the data: a quiet frame
LAND = QColor("#f4efe4")  # the story's countries: light, warm, muted
LAND_OTHER = QColor("#e9e5dc")  # neighbours: a touch greyer, so the story stands out
WATER = QColor("#aecde3")
WATER_EDGE = QColor("#86b3d4")
RIVER = QColor("#7eaed2")
BORDER = QColor("#a29c92")
BORDER_MAIN = QColor("#857d72")  # the border the story is about
BORDER_BAND = QColor(196, 160, 120, 70)
STORY_LINE = QColor(75, 80, 88, 200)
TOWN_DOT = QColor("#55504a")
LABEL = QColor("#2e2b27")
LABEL_MINOR = QColor("#5b5650")
LABEL_LOCAL = QColor("#6f6a63")
LABEL_WATER = QColor("#3f77a6")
LABEL_COUNTRY = QColor("#8d867b")
HALO = QColor(255, 255, 255, 225)
FOCUS_RING = QColor("#1d5fbf")
DEFAULT_ACCENT = "#c8402a"

#: The border drawn stronger: the story's two countries (ISO alpha-2).
MAIN_BORDER = frozenset({"KZ", "CN"})
FOCUS_COUNTRIES = frozenset({"KZ", "CN"})


def river_width(rank: int) -> float:
    """Line weight by Natural Earth scalerank: big rivers heavier, creeks hairlines."""
    if rank <= 3:
        return 2.4
    if rank <= 6:
        return 2.0
    if rank <= 8:
        return 1.6
    if rank <= 9:
        return 1.1
    return 0.7


@cache
def sans(px: float, weight: QFont.Weight = QFont.Weight.Normal, italic: bool = False) -> QFont:
    """The interface sans (Inter, bundled and registered by the app), at a pixel size."""
    font = QFont("Inter")
    font.setFamilies(["Inter", "Noto Sans", "DejaVu Sans"])
    font.setPixelSize(max(1, round(px)))
    font.setWeight(weight)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@cache
def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


@dataclass(frozen=True)
class MarkerColours:
    accent: QColor
    accent_dark: QColor
    visited_fill: QColor

    @classmethod
    def from_accent(cls, accent: str | None) -> MarkerColours:
        c = QColor(accent or DEFAULT_ACCENT)
        if not c.isValid():
            c = QColor(DEFAULT_ACCENT)
        return cls(accent=c, accent_dark=c.darker(135), visited_fill=QColor("#fbf8f3"))
