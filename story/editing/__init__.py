"""Writing to a package: the one write API, addressed by typed ids (``story.ids``).

The editor, the command line, the bundled story's build and the tests all
change a package through these modules, one transaction per call, no Qt:
``story`` (the story's fields and cover), ``chapters`` (chapters, their text,
places and media links), ``media`` (the media library), ``maps`` and
``audio`` (non-destructive audio edits). Every writer first calls
:func:`writable`, the one read-only check.
"""

from __future__ import annotations

from story.errors import PackageError
from story.package.file import Package


def writable(pkg: Package) -> None:
    """Refuse to write to a package opened read-only."""
    if pkg.readonly:
        raise PackageError(pkg.path, "is open read-only")
