"""Recently opened packages, kept in Storyport's settings (beside STORYPORT_HOME)."""

from __future__ import annotations

from pathlib import Path

from ui.reader.memory import settings

KEY = "editor/recent"
LIMIT = 10


def recent_files() -> list[Path]:
    raw = settings().value(KEY, []) or []
    items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
    return [Path(str(p)) for p in items if p and Path(str(p)).exists()]


def remember(path: Path) -> None:
    s = settings()
    path = path.resolve()
    items = [str(path)] + [str(p) for p in recent_files() if p.resolve() != path]
    s.setValue(KEY, items[:LIMIT])
    s.sync()


def forget(path: Path) -> None:
    s = settings()
    s.setValue(KEY, [str(p) for p in recent_files() if p.resolve() != path.resolve()])
    s.sync()
