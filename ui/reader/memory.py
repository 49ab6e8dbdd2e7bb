"""What the reader remembers across launches, per story: the last place and the visited chapters."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings

from story.paths import data_home


def settings() -> QSettings:
    """Storyport's settings file, kept beside its other data (so tests stay isolated)."""
    path = data_home() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


class ReaderMemory:
    """Keyed by the story's title and first chapter, so a rebuilt package keeps its history."""

    def __init__(self, story_key: str) -> None:
        self._group = "reader/" + hashlib.sha1(story_key.encode()).hexdigest()[:16]
        self._s = settings()

    def _key(self, name: str) -> str:
        return f"{self._group}/{name}"

    @property
    def last_view(self) -> str:
        """'cover', 'map', 'about' or 'chapter:N'."""
        return str(self._s.value(self._key("last_view"), "cover"))

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._s.setValue(self._key("last_view"), value)

    @property
    def visited(self) -> set[int]:
        raw = str(self._s.value(self._key("visited"), "") or "")
        return {int(v) for v in raw.split(",") if v.strip().isdigit()}

    def mark_visited(self, index: int) -> set[int]:
        seen = self.visited | {index}
        self._s.setValue(self._key("visited"), ",".join(str(v) for v in sorted(seen)))
        return seen

    @property
    def text_scale(self) -> float:
        """The reader's text size (1.0 = 18 px body text), the same for every story."""
        try:
            return float(self._s.value("reader/text_scale", 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        self._s.setValue("reader/text_scale", value)

    def sync(self) -> None:
        self._s.sync()
