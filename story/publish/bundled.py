"""The bundled Khorgos story: where its sources live and where its package is built.

The package is derived data: it is built from the sources in
``story/bundled/khorgos/`` (Markdown, TOML, and media drawn and composed by
code) on first launch or by set-up, and rebuilt whenever those sources change.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from story.maps.basemap import CENTRAL_ASIA, central_asia
from story.package.version import SCHEMA_VERSION
from story.paths import data_home

if TYPE_CHECKING:
    from story.publish.build import BuildProgress

STORY_NAME = "khorgos"


def source_dir() -> Path:
    return Path(str(resources.files("story.bundled") / STORY_NAME))


def shipped_data_dir() -> Path:
    """Sources the story shares with the app, found by ``build`` after its own folder: the
    Central Asia basemap (``story/maps/``, one copy, also offered by the editor)."""
    return Path(str(resources.files("story.maps")))


def source_fingerprint() -> str:
    """A hash of every source file and the format version: either changing means a rebuild."""
    digest = hashlib.sha256(f"format {SCHEMA_VERSION}".encode())
    root = source_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    digest.update(CENTRAL_ASIA.encode())
    digest.update(central_asia())
    return digest.hexdigest()[:16]


def shipped_dir() -> Path:
    """Where an installed app carries the package prebuilt (``scripts/package.sh``).

    ``sys.prefix``'s ``share/storyport``: inside the standalone folder
    (``/opt/storyport/_internal``) for the .deb; absent in a development venv.
    """
    return Path(sys.prefix) / "share" / "storyport"


def bundled_path() -> Path:
    """The prebuilt package shipped with the app if it matches the sources, else the user's."""
    name = f"{STORY_NAME}-{source_fingerprint()}.storypkg"
    shipped = shipped_dir() / name
    return shipped if shipped.is_file() else data_home() / name


def is_built() -> bool:
    return bundled_path().is_file()


def ensure_bundled(progress: BuildProgress | None = None) -> Path:
    """The bundled package, built first if it is missing or out of date."""
    out = bundled_path()
    if out.is_file():
        return out
    from story.bundled.khorgos.generate import generate_media
    from story.publish.build import build_package

    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="storyport-media-") as tmp:
        media_dir = Path(tmp)
        generate_media(media_dir, progress=progress)
        roots = [media_dir, shipped_data_dir()]
        build_package(source_dir(), out, media_roots=roots, progress=progress)
    for old in out.parent.glob(f"{STORY_NAME}-*.storypkg*"):  # with its -wal, -shm, .lock
        if not old.name.startswith(out.name):
            old.unlink(missing_ok=True)
    return out
