"""ffmpeg is found without PATH (issue 12): ``env -i storyport add-media`` and pydub.

A process started with no environment at all (``env -i``, a bare service
manager) has no ``PATH``; pydub read ``os.environ["PATH"]`` on import and
crashed. These run the real command line and pydub in subprocesses with an
empty environment, on real recordings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from media import ffmpeg_tools
from tests.conftest import FIXTURES_MEDIA, ROOT

pytestmark = pytest.mark.skipif(
    not Path("/usr/bin/ffmpeg").is_file() or not Path("/usr/bin/ffprobe").is_file(),
    reason="the fallback is /usr/bin: Debian's ffmpeg package is not installed",
)
MP3 = FIXTURES_MEDIA / "audio" / "mp3-vbr-xing.mp3"


def bare(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``env -i python ...``: nothing inherited, not even PATH or HOME."""
    return subprocess.run(
        [sys.executable, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env or {},
        timeout=120,
    )


def test_add_media_imports_a_recording_with_no_environment(tmp_path: Path) -> None:
    if not MP3.is_file():
        pytest.skip("../shared/fixtures/media is not present")
    pkg = tmp_path / "field.storypkg"
    main = ROOT / "main.py"
    assert bare(main, "new", pkg, "--title", "Field notes").returncode == 0
    assert bare(main, "add-chapter", pkg, "--title", "Arrival").returncode == 0
    done = bare(main, "add-media", pkg, "--chapter", "1", MP3)
    assert done.returncode == 0, done.stderr
    assert "KeyError" not in done.stderr and "Traceback" not in done.stderr
    summary = json.loads(bare(main, "info", pkg, "--json").stdout)
    (sound,) = summary["media"]
    assert sound["kind"] == "audio"
    assert sound["duration_s"] == pytest.approx(3.92, abs=0.1)  # decoded by ffmpeg: an MP3


def test_pydub_imports_and_decodes_with_no_path() -> None:
    """The bundled story's sound design imports pydub through media.pydub_setup."""
    script = (
        "import os, sys\n"
        "from media.pydub_setup import AudioSegment\n"
        f"s = AudioSegment.from_file({str(MP3)!r})\n"
        "print(AudioSegment.converter, len(s), os.environ['PATH'])\n"
        "import story.bundled.khorgos.sound\n"
    )
    done = bare("-c", script)
    assert done.returncode == 0, done.stderr
    converter, millis, path = done.stdout.split()
    assert converter == "/usr/bin/ffmpeg"
    assert 3800 < int(millis) < 4050
    assert "/usr/bin" in path.split(":")


def test_pydub_without_the_setup_would_crash() -> None:
    """The failure this guards against is real in the pydub we ship (not a hypothetical)."""
    done = bare("-c", "import pydub")
    assert done.returncode != 0 and "KeyError: 'PATH'" in done.stderr


def test_a_path_without_ffmpeg_still_finds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PATH naming only the app's own folder: ffmpeg is looked for in /usr/bin after it."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("STORYPORT_FFMPEG_DIR", raising=False)
    assert ffmpeg_tools.find_tool("ffmpeg") == "/usr/bin/ffmpeg"
    assert ffmpeg_tools.find_tool("ffprobe") == "/usr/bin/ffprobe"
    assert ffmpeg_tools.have_ffmpeg()


def test_the_chosen_folder_and_path_come_before_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    tool = own / "ffprobe"
    tool.write_text("#!/bin/sh\nexit 0\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", "/usr/bin")
    monkeypatch.setenv("STORYPORT_FFMPEG_DIR", str(own))
    assert ffmpeg_tools.find_tool("ffprobe") == str(tool)
    assert ffmpeg_tools.find_tool("ffmpeg") == "/usr/bin/ffmpeg"
    monkeypatch.delenv("STORYPORT_FFMPEG_DIR")
    monkeypatch.setenv("PATH", str(own))
    assert ffmpeg_tools.find_tool("ffprobe") == str(tool)
