"""Shared test set-up: offscreen Qt, a private data folder, the bundled package built once."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STORYPORT_HOME", tempfile.mkdtemp(prefix="storyport-test-home-"))
# English unless a test asks for another language (ui.i18n), whatever the machine's locale
os.environ.setdefault("STORYPORT_LANG", "en")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES_MEDIA = SHARED / "fixtures" / "media"


@pytest.fixture(scope="session")
def bundled_package() -> Path:
    """The bundled Khorgos package, built once per test session (read-only use only)."""
    from story.publish.bundled import ensure_bundled

    return ensure_bundled()


@pytest.fixture
def shared_media() -> Path:
    if not FIXTURES_MEDIA.is_dir():
        pytest.skip("../shared/fixtures/media is not present")
    return FIXTURES_MEDIA
