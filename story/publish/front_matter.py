"""A source file's TOML front matter, for ``build``'s chapters and their translations.

A chapter in a source folder (docs/FORMAT.md, "Building a package from a
source folder") may open with TOML between ``+++`` lines; the rest is its
Markdown. The same reading serves the original chapters and the files under
``translations/LANG/``, each refusing a broken file with its own error class.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from story.errors import StoryError

FRONT = "+++"


def read_front_matter(path: Path, error: type[StoryError]) -> tuple[dict[str, Any], str]:
    """(the front matter, the Markdown after it) of ``path``; ({}, the text) without any."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith(FRONT):
        return {}, text
    end = text.find("\n" + FRONT, len(FRONT))
    if end < 0:
        raise error(f"{path}: front matter opened with +++ is never closed")
    try:
        meta = tomllib.loads(text[len(FRONT) : end])
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: front matter is not valid TOML ({exc})") from None
    return meta, text[end + len(FRONT) + 1 :].lstrip("\n")
