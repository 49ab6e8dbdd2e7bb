"""The map's chrome in the scheme in force: the map switcher, the message box, the hover card.

Kept apart from ``view.py`` so the style sheets follow ``ui.map.style.active``
(light, dark, high contrast) from one place, and the view stays small.
"""

from __future__ import annotations

from ui.map.style import MapStyle


def switcher_css(st: MapStyle) -> str:
    """Pills over the map: the chrome's colours, the selected one inverted."""
    return (
        "#mapSwitcher { background: transparent; }"
        f"#mapSwitcher::tab {{ background: {st.chrome}; color: {st.chrome_text};"
        f" border: 1px solid {st.chrome_line}; padding: 6px 14px; margin-right: 4px;"
        " border-radius: 14px; font-size: 13px; }"
        f"#mapSwitcher::tab:selected {{ background: {st.chrome_text}; color: {st.chrome};"
        f" border-color: {st.chrome_text}; }}"
        f"#mapSwitcher::tab:focus {{ border: 2px solid {st.focus_ring}; }}"
    )


def message_css(st: MapStyle) -> str:
    return (
        f"#mapMessage {{ background: {st.chrome}; color: {st.chrome_text};"
        f" border: 1px solid {st.chrome_line}; border-radius: 8px; padding: 18px 22px;"
        " font-size: 15px; }"
    )


def card_css(st: MapStyle) -> str:
    return (
        f"#mapHoverCard {{ background: {st.chrome}; border: 1px solid {st.chrome_line};"
        " border-radius: 8px; }"
        "QLabel { background: transparent; border: none; }"
        f"QLabel#mapCardTitle {{ color: {st.chrome_text}; }}"
        f"QLabel#mapCardSummary {{ color: {st.chrome_muted}; }}"
    )
