"""The map's cartographic style: colours, line weights and type, in one place.

Line widths are in device-independent pixels (cosmetic pens), so the line
hierarchy holds at every zoom. docs/MAP.md explains the choices.

Colours come in one :class:`MapStyle` per colour scheme (``ui.schemes``:
light, dark, high contrast). :func:`active` is the style in force for the map;
the view puts the reader's scheme in force with :func:`use` when it loads a
story (and again if the scheme changes), before anything is drawn or cached.
:data:`PAIRS` says which colours are drawn on which and the ratio each must
reach: ``tests/ui/test_contrast.py`` measures them for every scheme.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontDatabase

from ui import schemes

DEFAULT_ACCENT = "#c8402a"

#: The border drawn stronger: the story's two countries (ISO alpha-2).
MAIN_BORDER = frozenset({"KZ", "CN"})
FOCUS_COUNTRIES = frozenset({"KZ", "CN"})


@dataclass(frozen=True)
class MapStyle:
    """The colours of one scheme's map (fields are colour names, ``#rrggbb`` or ``#aarrggbb``)."""

    scheme: str
    background: str  # outside the data: a quiet frame
    land: str  # the story's countries
    land_other: str  # neighbours: a touch apart, so the story stands out
    water: str
    water_edge: str
    river: str
    border: str
    border_main: str  # the border the story is about
    border_band: str  # a soft band under it
    story_line: str  # the story's own lines (the route) and their labels
    town_dot: str
    label: str
    label_minor: str
    label_local: str  # the second line: the local name
    label_water: str
    label_country: str
    halo: str  # around every label's glyphs
    focus_ring: str  # around the focused marker
    marker_ring: str  # around a marker's body, against land and water
    marker_text: str  # the number on the accent fill
    visited_fill: str  # a visited marker's body
    visited_text: str  # its number, also its ring
    leader: str  # the line from a nudged marker back to its place
    chrome: str  # the cards, the scale bar, the map switcher
    chrome_text: str
    chrome_muted: str
    chrome_line: str

    def q(self, role: str) -> QColor:
        return _colour(getattr(self, role))


@cache
def _colour(name: str) -> QColor:
    return QColor(name)


STYLES: dict[str, MapStyle] = {
    schemes.LIGHT: MapStyle(
        scheme=schemes.LIGHT,
        background="#dcd8cf",
        land="#f4efe4",
        land_other="#e9e5dc",
        water="#b3d1e6",
        water_edge="#86b3d4",
        river="#7eaed2",
        border="#a29c92",
        border_main="#857d72",
        border_band="#46c4a078",
        story_line="#e64b5058",
        town_dot="#55504a",
        label="#2e2b27",
        label_minor="#5b5650",
        label_local="#6f6a63",
        label_water="#396f9c",
        label_country="#6f685d",
        halo="#e1ffffff",
        focus_ring="#1d5fbf",
        marker_ring="#ffffff",
        marker_text="#ffffff",
        visited_fill="#fbf8f3",
        visited_text="#a8321f",
        leader="#c83c3732",
        chrome="#fffdf9",
        chrome_text="#2e2b27",
        chrome_muted="#5b5650",
        chrome_line="#d9d2c4",
    ),
    schemes.DARK: MapStyle(
        scheme=schemes.DARK,
        background="#101214",
        land="#2a2925",
        land_other="#1f2022",
        water="#1c3143",
        water_edge="#2f5271",
        river="#3f6f94",
        border="#6a665f",
        border_main="#9a9185",
        border_band="#38c4a078",
        story_line="#d2c3c9d1",
        town_dot="#d6d0c6",
        label="#ece8e0",
        label_minor="#cfc9be",
        label_local="#bdb7ab",
        label_water="#94c3e8",
        label_country="#b3ab9e",
        halo="#dc141619",
        focus_ring="#7fb4ff",
        marker_ring="#f4efe6",
        marker_text="#ffffff",
        visited_fill="#1b1d20",
        visited_text="#f2836c",
        leader="#c8d8d2c8",
        chrome="#202328",
        chrome_text="#e8e4dc",
        chrome_muted="#aba599",
        chrome_line="#3a3f46",
    ),
    schemes.HIGH_CONTRAST: MapStyle(
        scheme=schemes.HIGH_CONTRAST,
        background="#000000",
        land="#1a1a1a",
        land_other="#000000",
        water="#002a4d",
        water_edge="#66b3ff",
        river="#4da6ff",
        border="#bfbfbf",
        border_main="#ffffff",
        border_band="#00000000",
        story_line="#ffffff",
        town_dot="#ffffff",
        label="#ffffff",
        label_minor="#ffffff",
        label_local="#e6e6e6",
        label_water="#9fd3ff",
        label_country="#e6e6e6",
        halo="#f0000000",
        focus_ring="#00e5ff",
        marker_ring="#000000",
        marker_text="#000000",
        visited_fill="#000000",
        visited_text="#ffd400",
        leader="#ffffff",
        chrome="#000000",
        chrome_text="#ffffff",
        chrome_muted="#e6e6e6",
        chrome_line="#ffffff",
    ),
}

TEXT, GRAPHIC = schemes.TEXT, schemes.FOCUS  # 4.5:1 for text, 3:1 for markers and rings

LABELS = ("label", "label_minor", "label_local", "label_water", "label_country", "story_line")
GROUNDS = ("land", "land_other", "water", "background")


def over(fg: QColor, bg: QColor) -> QColor:
    """``fg`` (with its alpha) composed over an opaque ``bg``."""
    a = fg.alphaF()
    return QColor.fromRgbF(
        a * fg.redF() + (1 - a) * bg.redF(),
        a * fg.greenF() + (1 - a) * bg.greenF(),
        a * fg.blueF() + (1 - a) * bg.blueF(),
    )


def checks(st: MapStyle, mc: MarkerColours) -> list[tuple[str, float, float]]:
    """Every colour pair the map draws: (what on what, its WCAG ratio, the ratio it needs).

    Labels are read on their halo over each ground; a marker's edge (the
    brighter-contrasting of its ring and its body) against each ground; the
    number on its body; the focus ring; the cards' text on the cards.
    """
    out: list[tuple[str, float, float]] = []
    for bg in GROUNDS:
        ground = st.q(bg)
        behind = over(st.q("halo"), ground)
        for fg in LABELS:
            out.append(
                (f"{fg} on halo over {bg}", schemes.contrast(over(st.q(fg), behind), behind), TEXT)
            )
        if bg == "background":
            continue
        edge = max(schemes.contrast(mc.ring, ground), schemes.contrast(mc.accent, ground))
        out.append((f"marker edge on {bg}", edge, GRAPHIC))
        out.append(
            (f"visited marker ring on {bg}", schemes.contrast(mc.visited_text, ground), GRAPHIC)
        )
        out.append((f"focus ring on {bg}", schemes.contrast(st.q("focus_ring"), ground), GRAPHIC))
    out.append(("marker number on accent", schemes.contrast(mc.text, mc.accent), TEXT))
    out.append(
        ("visited number on its fill", schemes.contrast(mc.visited_text, mc.visited_fill), TEXT)
    )
    out.append(("ring around the accent", schemes.contrast(mc.ring, mc.accent), GRAPHIC))
    for fg in ("chrome_text", "chrome_muted"):
        out.append((f"{fg} on chrome", schemes.contrast(st.q(fg), st.q("chrome")), TEXT))
    out.append(("kicker on chrome", schemes.contrast(mc.accent_text, st.q("chrome")), TEXT))
    return out


_active = STYLES[schemes.LIGHT]


def use(scheme: str | None = None) -> MapStyle:
    """Put the style of ``scheme`` (``None``: the reader's, ``ui.schemes.current``) in force."""
    global _active
    _active = STYLES.get(scheme or schemes.current(), STYLES[schemes.LIGHT])
    return _active


def active() -> MapStyle:
    return _active


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
    """A story's marker colours in a scheme: its accent fill, and what is drawn with it."""

    accent: QColor  # the body
    accent_text: QColor  # the accent as text on the chrome (the card's kicker)
    ring: QColor
    text: QColor  # the number on the body
    visited_fill: QColor
    visited_text: QColor

    @property
    def accent_dark(self) -> QColor:
        return self.visited_text

    @classmethod
    def from_accent(cls, accent: str | None, scheme: str | None = None) -> MarkerColours:
        """The story's accent where it reads in the scheme (``Palette.from_theme``), else ours."""
        st = STYLES.get(scheme or _active.scheme, STYLES[schemes.LIGHT])
        pal = schemes.Palette.from_theme({"accent": accent} if accent else {}, st.scheme)
        c = QColor(pal.accent)  # the story's, where white text reads on it
        if st.scheme == schemes.LIGHT:
            kicker = c.darker(120)
            while schemes.contrast(kicker, st.chrome) < TEXT and kicker.lightness() > 0:
                kicker = kicker.darker(110)
            visited = QColor(kicker)
        else:
            kicker = QColor(pal.accent_text)
            visited = st.q("visited_text")
        return cls(
            accent=c,
            accent_text=kicker,
            ring=st.q("marker_ring"),
            text=st.q("marker_text"),
            visited_fill=st.q("visited_fill"),
            visited_text=visited,
        )
