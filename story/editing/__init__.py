"""Writing to a package: the one write API, addressed by typed ids (``story.ids``).

The editor, the command line, the bundled story's build and the tests all
change a package through these modules, one transaction per call, no Qt:
``story`` (the story's fields and cover), ``chapters`` (chapters, their text,
places and media links), ``media`` (the media library), ``maps`` and
``audio`` (non-destructive audio edits). Every writer first calls
:func:`writable`, the one read-only check.
"""

from __future__ import annotations

import re

from story.errors import PackageError, StoryError
from story.package.file import Package
from story.package.guard import MAX_LABEL_CHARS, MAX_TEXT_CHARS

#: Fields that hold long texts (Markdown, captions, transcripts); every other text is a label.
LONG_TEXTS = frozenset({"about_md", "summary", "body_md", "caption", "alt", "transcript"})
_LANGUAGE = re.compile(r"[A-Za-z0-9-]{0,35}")


def writable(pkg: Package) -> None:
    """Refuse to write to a package opened read-only."""
    if pkg.readonly:
        raise PackageError(pkg.path, "is open read-only")


def check_texts(**texts: str) -> None:
    """Refuse a text the open-time checks (``story.package.guard``) would refuse later.

    A writer that stored it would make a package that no longer opens; the
    person is told now, with the field and the limit.
    """
    for name, value in texts.items():
        if name == "language":
            if not _LANGUAGE.fullmatch(value):
                raise StoryError(
                    f"{value[:40]!r} is not a language tag (letters, digits and hyphens, "
                    "at most 35, e.g. 'kk' or 'zh-Hans')"
                )
            continue
        cap = MAX_TEXT_CHARS if name in LONG_TEXTS else MAX_LABEL_CHARS
        if len(value) > cap:
            what = name.removesuffix("_md").replace("_", " ")
            raise StoryError(f"the {what} is {len(value):,} characters long; at most {cap:,} fit")
