"""Exhibition mode's settings: the ``[kiosk]`` group of Storyport's ``settings.ini``.

A screen in a museum is set up once by staff and then left alone, so what
they may want to change lives in the settings file beside Storyport's data
(``$STORYPORT_HOME/settings.ini``, by default
``~/.local/share/storyport/settings.ini``), not on the command line. The first
kiosk start writes the defaults there so they can be found and edited.
A value that cannot be read falls back to its default with one line on
stderr; it never stops the exhibit from starting. docs/KIOSK.md lists them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields

from PySide6.QtCore import QKeyCombination, QSettings, Qt
from PySide6.QtGui import QKeySequence

#: The key chord that leaves exhibition mode (QKeySequence's portable text).
DEFAULT_EXIT_CHORD = "Ctrl+Alt+Shift+Q"
#: Seconds without a touch, click or key before the reader returns to the cover.
DEFAULT_IDLE_SECONDS = 180.0
#: Seconds each chapter's photo is shown in the attract loop.
DEFAULT_PHOTO_SECONDS = 9.0

GROUP = "kiosk"


@dataclass(frozen=True)
class KioskSettings:
    exit_chord: str = DEFAULT_EXIT_CHORD
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    photo_seconds: float = DEFAULT_PHOTO_SECONDS
    attract_at_start: bool = True  # nobody is there when the exhibit starts
    hide_cursor: bool = False  # true for touch-only screens

    def chord(self) -> QKeySequence:
        return QKeySequence.fromString(self.exit_chord, QKeySequence.SequenceFormat.PortableText)

    def chord_steps(self) -> list[QKeyCombination]:
        """The chord's key combinations, in the order they are pressed."""
        return steps(self.chord())


def steps(seq: QKeySequence) -> list[QKeyCombination]:
    return [seq[i] for i in range(seq.count())]  # type: ignore[index]  # stubs lack __getitem__


def _warn(key: str, raw: object, default: object) -> None:
    print(
        f"storyport read --kiosk: settings.ini [kiosk] {key}={raw!r} is not usable;"
        f" using {default}",
        file=sys.stderr,
    )


def _number(raw: object, key: str, default: float, low: float, high: float) -> float:
    try:
        value = float(str(raw))
    except ValueError:
        _warn(key, raw, default)
        return default
    if not low <= value <= high:
        _warn(key, raw, default)
        return default
    return value


def _flag(raw: object, key: str, default: bool) -> bool:
    text = str(raw).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    _warn(key, raw, default)
    return default


def _chord(raw: object) -> str:
    # An INI value with a comma ("Ctrl+K, X", a two-step chord) is read as a list.
    text = ", ".join(str(v).strip() for v in raw) if isinstance(raw, list) else str(raw).strip()
    seq = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    if text and not seq.isEmpty() and seq.toString() and _names_keys(seq):
        return seq.toString(QKeySequence.SequenceFormat.PortableText)
    _warn("exit_chord", raw, DEFAULT_EXIT_CHORD)
    return DEFAULT_EXIT_CHORD


def _names_keys(seq: QKeySequence) -> bool:
    """Every step of ``seq`` names a real key (fromString gives Key_unknown for typos)."""
    return all(step.key() != Qt.Key.Key_unknown for step in steps(seq))


def load(settings: QSettings, *, write_defaults: bool = True) -> KioskSettings:
    """The kiosk settings in ``settings``; missing keys are written with their defaults."""
    defaults = KioskSettings()
    settings.beginGroup(GROUP)
    try:
        raw = {f.name: settings.value(f.name) for f in fields(KioskSettings)}
        if write_defaults:
            for f in fields(KioskSettings):
                if raw[f.name] is None:
                    value = getattr(defaults, f.name)
                    settings.setValue(
                        f.name, str(value).lower() if isinstance(value, bool) else value
                    )
    finally:
        settings.endGroup()
    if write_defaults:
        settings.sync()
    return KioskSettings(
        exit_chord=defaults.exit_chord if raw["exit_chord"] is None else _chord(raw["exit_chord"]),
        idle_seconds=defaults.idle_seconds
        if raw["idle_seconds"] is None
        else _number(raw["idle_seconds"], "idle_seconds", DEFAULT_IDLE_SECONDS, 0.05, 86400),
        photo_seconds=defaults.photo_seconds
        if raw["photo_seconds"] is None
        else _number(raw["photo_seconds"], "photo_seconds", DEFAULT_PHOTO_SECONDS, 2, 600),
        attract_at_start=defaults.attract_at_start
        if raw["attract_at_start"] is None
        else _flag(raw["attract_at_start"], "attract_at_start", True),
        hide_cursor=defaults.hide_cursor
        if raw["hide_cursor"] is None
        else _flag(raw["hide_cursor"], "hide_cursor", False),
    )
