"""The map's chrome in the scheme in force: the map switcher, the message box, the hover card.

Kept apart from ``view.py`` so the style sheets follow ``ui.map.style.active``
(light, dark, high contrast) from one place, and the view stays small; and
:class:`SchemeFollower`, which redraws the map when the scheme changes live.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QPointF, Slot

from ui import schemes
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


class SchemeFollower(QObject):
    """A child of the map view that redraws it in the new scheme when the desktop's changes.

    ``ui.schemes.watcher().scheme_changed`` comes after the application's palette
    changed; the map's style, its cached basemap, label and marker images belong
    to the old scheme, so the maps are loaded again (camera and map kept).
    """

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.view = view
        schemes.watcher().scheme_changed.connect(self.follow)

    @Slot(str)
    def follow(self, scheme: str) -> None:
        v = self.view
        if not shiboken6.isValid(v):
            return
        v.restyle(scheme)
        if v._pkg is None:
            return
        at = v.switcher.currentIndex()
        where = (QPointF(v.camera.center), v.camera.scale) if v.page is not None else None
        v.set_story_maps(v._pkg, v._chapters)
        v.show_map(at)
        if where is not None and v.page is not None and not v.page.error:
            v.camera.apply(*where)
