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

    def __init__(self, story_key: str, *, remember: bool = True) -> None:
        """``remember=False`` (screenshots): read what is stored, keep changes in memory only."""
        self.key = story_key  # in the original language: a translation read keeps the memory
        self._group = "reader/" + hashlib.sha1(story_key.encode()).hexdigest()[:16]
        self._s = settings()
        self._remember = remember
        self._local: dict[str, object] = {}

    def _get(self, key: str, default: object) -> object:
        return self._local[key] if key in self._local else self._s.value(key, default)

    def _set(self, key: str, value: object) -> None:
        if self._remember:
            self._s.setValue(key, value)
        else:
            self._local[key] = value

    def _key(self, name: str) -> str:
        return f"{self._group}/{name}"

    @property
    def last_view(self) -> str:
        """'cover', 'map', 'about' or 'chapter:N'."""
        return str(self._get(self._key("last_view"), "cover"))

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._set(self._key("last_view"), value)

    @property
    def visited(self) -> set[int]:
        raw = str(self._get(self._key("visited"), "") or "")
        return {int(v) for v in raw.split(",") if v.strip().isdigit()}

    def mark_visited(self, index: int) -> set[int]:
        seen = self.visited | {index}
        self._set(self._key("visited"), ",".join(str(v) for v in sorted(seen)))
        return seen

    @property
    def story_language(self) -> str:
        """The language this story was last read in ('' until one is chosen)."""
        return str(self._get(self._key("language"), "") or "")

    @story_language.setter
    def story_language(self, value: str) -> None:
        self._set(self._key("language"), value)

    @property
    def text_scale(self) -> float:
        """The reader's text size (1.0 = 18 px body text), the same for every story."""
        try:
            return float(self._get("reader/text_scale", 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        self._set("reader/text_scale", value)

    def sync(self) -> None:
        self._s.sync()
