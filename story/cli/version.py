"""``storyport --version``: the app's version and the package formats it reads and writes.

A reader sent a package wants to know before opening it whether this Storyport
can; so the answer names the formats, not only the release. Computed only when
asked (an argparse action), so parsing stays as cheap as ``read`` needs.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any


def version_text() -> str:
    """Two lines: ``storyport 0.1.0`` and the format versions read and written."""
    from importlib.metadata import PackageNotFoundError, version

    from story.package.migrations import STEPS
    from story.package.version import SCHEMA_VERSION

    try:
        release = version("storyport")
    except PackageNotFoundError:
        release = "(version unknown)"
    oldest = min(STEPS, default=SCHEMA_VERSION + 1) - 1  # every format a migration starts from
    return (
        f"storyport {release}\n"
        f"story package formats: reads {oldest} to {SCHEMA_VERSION}, writes {SCHEMA_VERSION}"
    )


class VersionAction(argparse.Action):
    """``--version``: print :func:`version_text` and exit 0."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print the version and the package formats it reads and writes")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        print(version_text())
        parser.exit()
