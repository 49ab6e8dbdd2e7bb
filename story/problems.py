"""One thing ``validate`` found: what it is, how bad, and where (chapter, medium, field, line).

Its own module so that the checks kept beside ``story.validation`` (media, places) can make
Problems without importing it; ``story.validation`` re-exports :class:`Problem`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    severity: Severity
    code: str
    message: str
    chapter: int | None = None  # 1-based
    media_id: str | None = None
    field: str | None = None  # "title", "body", "place", "alt", "credit", "transcript", …
    line: int | None = None  # 1-based line of the field's text, for problems in Markdown

    def to_json(self) -> dict[str, object]:
        return asdict(self)
