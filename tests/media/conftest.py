"""Media test helpers: the shared fixture folders, listed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from media.imported import ImportedMedia, Rendition
from tests.conftest import FIXTURES_MEDIA

if not FIXTURES_MEDIA.is_dir():  # pragma: no cover - the fixtures ship with the workspace
    pytest.skip("../shared/fixtures/media is not present", allow_module_level=True)

IMAGES = sorted((FIXTURES_MEDIA / "images").iterdir())
AUDIO = sorted((FIXTURES_MEDIA / "audio").iterdir())
BAD = sorted((FIXTURES_MEDIA / "bad").iterdir())


def ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def rendition(item: ImportedMedia, name: str) -> Rendition:
    """The named rendition, which the test expects the import to have made."""
    found = item.rendition(name)
    assert found is not None, name
    return found
