"""Errors the story layer raises: each names the file and the reason in one line."""

from __future__ import annotations

from pathlib import Path


class StoryError(Exception):
    """Base of every error a person may see; ``str()`` is the one line to show."""


class PackageError(StoryError):
    """A package file cannot be opened or written, said in one line."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotFoundError(StoryError):
    """A chapter or medium asked for by number or id does not exist."""
