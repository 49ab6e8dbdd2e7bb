"""Colour schemes (light, dark, high contrast) as named roles, and which one is in force.

Every colour the reader's and the editor's chrome uses is a role of
:class:`Palette`, with one value per scheme in :data:`SCHEMES`; the style
sheets (``ui/theme.py``, ``ui/editor/style.py``) and the application's
``QPalette`` (menus, message boxes, scroll bars) are made from it, so a colour
is chosen in one place. :data:`PAIRS` says which roles are drawn on which:
``tests/ui/test_contrast.py`` measures each pair of each scheme (WCAG 2
relative luminance) against 4.5:1 for text and 3:1 for focus rings.

The scheme follows the system (``QStyleHints.colorScheme``, and its contrast
preference for high contrast) unless the setting ``ui/scheme`` or
``--theme`` says otherwise, and keeps following it while the app runs: when
the desktop switches, :func:`watcher`'s ``scheme_changed`` says so (after
the application palette is replaced) and every open window re-applies its
style sheets (``ui/reader/live_scheme.py``, ``ui/editor/style.py``; the map
listens to the same signal). Reduced motion (no cross-fades, no map flights)
follows the setting ``ui/motion`` or, without it, the platform's UI effects;
Qt has no signal for a change of that, so it is read again on each scheme
change and at start only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

LIGHT, DARK, HIGH_CONTRAST = "light", "dark", "high-contrast"
#: The schemes, as ``--theme`` and the setting spell them.
NAMES = (LIGHT, DARK, HIGH_CONTRAST)
#: Settings keys (in ``settings.ini`` beside the interface language's).
SCHEME_SETTING = "ui/scheme"  #: light, dark, high-contrast; missing or "": the system's
MOTION_SETTING = "ui/motion"  #: reduced or full; missing or "": the system's

TEXT, FOCUS = 4.5, 3.0  #: WCAG 2 AA: normal text, and non-text such as focus rings


@dataclass(frozen=True)
class Palette:
    """The named colour roles. Defaults are the light scheme (the story may override some)."""

    scheme: str = LIGHT
    accent: str = "#c8402a"  # container red: markers, current chapter, primary buttons (fill)
    accent_text: str = "#a8321f"  # the accent as text or a ring on paper: kickers, links, focus
    on_accent: str = "#ffffff"  # text on an accent fill
    accent_soft: str = "#e9b9a4"  # selection behind ink
    paper: str = "#f6f1e7"  # page background, warm sand-white
    ink: str = "#23262b"  # body text
    muted: str = "#5c574e"  # captions, credits, secondary labels on paper and panel
    panel: str = "#ede8de"  # side panels, the audio bar, menus
    line: str = "#d6d2c9"  # borders and rules
    field: str = "#fffdf9"  # text boxes and lists
    hover: str = "#e8e3da"  # a hovered row
    focus: str = "#a8321f"  # focus rings on paper, panel and field
    chrome: str = "#1d2126"  # bars around the story (neutral, dark in every scheme)
    chrome_text: str = "#e9e6df"
    chrome_focus: str = "#e9836f"  # focus rings on chrome
    caption: str = "#e6e2d9"  # captions on the photo panel (chrome)
    credit: str = "#a7a297"  # credits on the photo panel
    positive: str = "#4a6a28"  # "nothing to fix"
    warning: str = "#8a5a00"  # out of date
    banner: str = "#fbe9d6"  # notices above a page
    land: str = "#ece3cf"
    water: str = "#8fb8d6"
    grass: str = "#9aa36a"
    slate: str = "#4a5661"

    @classmethod
    def for_scheme(cls, scheme: str | None = None) -> Palette:
        """The scheme's own colours (``None``: the one in force)."""
        return SCHEMES.get(scheme or current(), SCHEMES[LIGHT])

    @classmethod
    def from_theme(cls, theme: dict[str, str], scheme: str | None = None) -> Palette:
        """The scheme's colours with the story's (``StoryInfo.theme``) where they fit.

        In the light scheme every valid story colour applies, as the story was
        designed on light paper; in the dark one only its accent fill, when
        white text still reads on it; high contrast keeps its own.
        """
        base = cls.for_scheme(scheme)
        known = {f.name for f in fields(cls)} - {"scheme"}
        good = {k: v for k, v in theme.items() if k in known and QColor.isValidColorName(v)}
        if base.scheme == LIGHT:
            mixed = replace(base, **good)
            # a story colour that would fail a pair (PAIRS) gives way to the scheme's own
            weak = {role for fg, bg, need in PAIRS for role in (fg, bg) if role in good}
            for role in sorted(weak):
                if not _meets(mixed, role):
                    mixed = replace(mixed, **{role: getattr(base, role)})
            return mixed
        accent = good.get("accent")
        if base.scheme == DARK and accent and contrast(base.on_accent, accent) >= TEXT:
            return replace(base, accent=accent)
        return base

    def is_dark(self) -> bool:
        return luminance(self.paper) < 0.2


SCHEMES: dict[str, Palette] = {
    LIGHT: Palette(),
    DARK: Palette(
        scheme=DARK,
        accent="#b53a26",
        accent_text="#f2836c",
        on_accent="#ffffff",
        accent_soft="#6a3327",
        paper="#17191c",
        ink="#e8e4dc",
        muted="#aba599",
        panel="#202328",
        line="#3a3f46",
        field="#111315",
        hover="#2a2e34",
        focus="#f2836c",
        chrome="#0e1012",
        chrome_text="#e9e6df",
        chrome_focus="#f2836c",
        caption="#e6e2d9",
        credit="#a7a297",
        positive="#9cc46b",
        warning="#e0b04a",
        banner="#3b2a1e",
        land="#2b2a26",
        water="#35566e",
        grass="#5d6440",
        slate="#8fa0ae",
    ),
    HIGH_CONTRAST: Palette(
        scheme=HIGH_CONTRAST,
        accent="#ffd400",
        accent_text="#ffd400",
        on_accent="#000000",
        accent_soft="#1f3a93",
        paper="#000000",
        ink="#ffffff",
        muted="#e6e6e6",
        panel="#000000",
        line="#ffffff",
        field="#000000",
        hover="#333333",
        focus="#00e5ff",
        chrome="#000000",
        chrome_text="#ffffff",
        chrome_focus="#00e5ff",
        caption="#ffffff",
        credit="#e6e6e6",
        positive="#7dff7d",
        warning="#ffd400",
        banner="#000000",
        land="#1a1a1a",
        water="#003a66",
        grass="#2f4a00",
        slate="#ffffff",
    ),
}

#: Which role is drawn on which, and the ratio it must reach: (foreground, background, minimum).
PAIRS: tuple[tuple[str, str, float], ...] = (
    *(("ink", bg, TEXT) for bg in ("paper", "panel", "field", "hover", "banner")),
    *(("muted", bg, TEXT) for bg in ("paper", "panel", "field")),
    *(("accent_text", bg, TEXT) for bg in ("paper", "panel", "field")),
    ("on_accent", "accent", TEXT),
    ("ink", "accent_soft", TEXT),
    ("chrome_text", "chrome", TEXT),
    ("caption", "chrome", TEXT),
    ("credit", "chrome", TEXT),
    ("positive", "panel", TEXT),
    ("warning", "field", TEXT),
    *(("focus", bg, FOCUS) for bg in ("paper", "panel", "field")),
    ("chrome_focus", "chrome", FOCUS),
    ("accent", "paper", FOCUS),  # markers, the current chapter's rule, slider fill
)


def _meets(p: Palette, role: str) -> bool:
    """Every pair ``role`` is part of reaches its ratio in ``p``."""
    return all(
        contrast(getattr(p, fg), getattr(p, bg)) >= need
        for fg, bg, need in PAIRS
        if role in (fg, bg)
    )


def luminance(colour: str | QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""
    c = QColor(colour)

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: str | QColor, b: str | QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours, 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# -- what is in force --------------------------------------------------------------------------
_forced: str | None = None  #: ``--theme`` for this process
_in_force: str | None = None  #: the scheme ``apply`` put in force
_calm: bool | None = None  #: reduced motion, as found by ``apply`` (asked once, not per frame)
#: What the last change signals said ("scheme", "contrast"): the value a signal carries is the
#: new one, also where the platform cannot be asked again (offscreen, tests emitting it)
_reported: dict[str, Qt.ColorScheme | Qt.ContrastPreference] = {}


def _settings() -> QSettings:
    from ui.i18n import _settings as settings  # one settings file for the interface

    return settings()


def saved_scheme() -> str | None:
    value = str(_settings().value(SCHEME_SETTING, "") or "")
    return value if value in NAMES else None


def save_scheme(scheme: str | None) -> None:
    """Remember ``scheme`` (``None``: follow the system)."""
    s = _settings()
    if scheme is None:
        s.remove(SCHEME_SETTING)
    else:
        s.setValue(SCHEME_SETTING, scheme if scheme in NAMES else LIGHT)
    s.sync()


def system_scheme() -> str:
    """The system's: high contrast when it asks for more contrast, else dark or light."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return LIGHT
    hints = QGuiApplication.styleHints()
    contrast_ = _reported.get("contrast", hints.accessibility().contrastPreference())
    if contrast_ == Qt.ContrastPreference.HighContrast:
        return HIGH_CONTRAST
    return DARK if _reported.get("scheme", hints.colorScheme()) == Qt.ColorScheme.Dark else LIGHT


def current() -> str:
    """``--theme``, else the setting, else the system's scheme (as ``apply`` found it)."""
    return _in_force or _resolve()


def _resolve() -> str:
    return _forced or saved_scheme() or system_scheme()


def reduced_motion() -> bool:
    """True when the setting, or without it the platform (its UI effects off), asks for calm."""
    return _calm if _calm is not None else _ask_motion()


def _ask_motion() -> bool:
    value = str(_settings().value(MOTION_SETTING, "") or "")
    if value in ("reduced", "full"):
        return value == "reduced"
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication) or app.platformName() in ("offscreen", "minimal"):
        return False  # no desktop to ask (tests, screenshots)
    from PySide6.QtWidgets import QApplication

    return not QApplication.isEffectEnabled(Qt.UIEffect.UI_General)


def qt_palette(p: Palette) -> QPalette:
    """The application's palette in the scheme's roles: what menus, dialogs and scroll bars use."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.panel,
        QPalette.ColorRole.WindowText: p.ink,
        QPalette.ColorRole.Base: p.field,
        QPalette.ColorRole.AlternateBase: p.panel,
        QPalette.ColorRole.Text: p.ink,
        QPalette.ColorRole.Button: p.panel,
        QPalette.ColorRole.ButtonText: p.ink,
        QPalette.ColorRole.BrightText: p.accent_text,
        QPalette.ColorRole.Highlight: p.accent,
        QPalette.ColorRole.HighlightedText: p.on_accent,
        QPalette.ColorRole.ToolTipBase: p.field,
        QPalette.ColorRole.ToolTipText: p.ink,
        QPalette.ColorRole.PlaceholderText: p.muted,
        QPalette.ColorRole.Link: p.accent_text,
        QPalette.ColorRole.LinkVisited: p.accent_text,
        QPalette.ColorRole.Light: p.field,
        QPalette.ColorRole.Midlight: p.hover,
        QPalette.ColorRole.Mid: p.line,
        QPalette.ColorRole.Dark: p.line,
        QPalette.ColorRole.Shadow: p.chrome,
        QPalette.ColorRole.Accent: p.accent,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(p.muted))
    return pal


class SchemeWatcher(QObject):
    """The one app-level object that says the scheme in force changed while the app runs.

    ``scheme_changed(name)`` comes after the application palette is the new
    scheme's; ``Palette.for_scheme()`` (or ``Palette.from_theme``) then gives
    its colours. Windows connect to it to re-apply their style sheets.
    """

    scheme_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes = 0  #: how many times the scheme changed while running (tests)

    def system_changed(self, value: object = None) -> None:
        """The desktop's colour scheme or contrast changed: follow it unless told otherwise."""
        global _in_force, _calm
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return
        if isinstance(value, Qt.ColorScheme):
            _reported["scheme"] = value
        elif isinstance(value, Qt.ContrastPreference):
            _reported["contrast"] = value
        _calm = _ask_motion()
        scheme = _resolve()
        if scheme == _in_force:
            return
        _in_force = scheme
        app.setPalette(qt_palette(Palette.for_scheme(scheme)))
        self.changes += 1
        self.scheme_changed.emit(scheme)


_watcher: SchemeWatcher | None = None


def watcher() -> SchemeWatcher:
    """The app's :class:`SchemeWatcher` (made on first use, connected to the style hints)."""
    global _watcher
    app = QGuiApplication.instance()
    if _watcher is None:
        _watcher = SchemeWatcher(app)
        if isinstance(app, QGuiApplication):
            hints = QGuiApplication.styleHints()
            hints.colorSchemeChanged.connect(_watcher.system_changed)
            hints.accessibility().contrastPreferenceChanged.connect(_watcher.system_changed)
    return _watcher


def apply(app: QGuiApplication, forced: str | None = None) -> str:
    """Put the scheme in force for ``app`` (``forced``: ``--theme``); returns its name.

    The Fusion style draws with the palette alone, so no platform colour
    (a dark desktop's text) ends up on our light panels or the reverse.
    """
    global _forced, _calm, _in_force
    _forced = forced if forced in NAMES else None
    _calm = _ask_motion()
    before = _in_force
    hints = QGuiApplication.styleHints()
    if _forced or saved_scheme():
        scheme = _resolve()
        hints.setColorScheme(Qt.ColorScheme.Light if scheme == LIGHT else Qt.ColorScheme.Dark)
    else:
        hints.unsetColorScheme()  # an earlier --theme or setting let go: the desktop's again
        _reported.clear()
        scheme = _resolve()
    _in_force = scheme
    from PySide6.QtWidgets import QApplication

    if isinstance(app, QApplication):
        app.setStyle("Fusion")
    app.setPalette(qt_palette(Palette.for_scheme(scheme)))
    follower = watcher()  # from now on a change of the desktop's scheme is followed
    if before is not None and scheme != before:  # a new setting while windows are open
        follower.changes += 1
        follower.scheme_changed.emit(scheme)
    return scheme
