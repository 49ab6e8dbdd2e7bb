"""scripts/library.sh: start prints a URL that works, status, stop."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from story.library.connection import library_url, make_engine
from story.library.migrations import init_library
from story.library.versions import list_stories
from tests.library.conftest import ROOT_DIR, Cluster

SCRIPT = str(ROOT_DIR / "scripts" / "library.sh")


def test_start_status_stop(cluster: Cluster) -> None:  # the fixture skips where it cannot run
    base = Path(tempfile.mkdtemp(prefix="storyport-libsh-"))
    base.chmod(0o755)
    data = str(base / "pg")
    try:
        started = subprocess.run(
            [SCRIPT, "start", data], capture_output=True, text=True, timeout=120, check=True
        )
        url = started.stdout.strip()
        assert url.startswith("postgresql+psycopg://storyport@127.0.0.1:")
        engine = make_engine(library_url(url))
        init_library(engine)
        assert list_stories(engine) == []
        engine.dispose()
        status = subprocess.run([SCRIPT, "status", data], capture_output=True, text=True,
                                timeout=60)  # fmt: skip
        assert (status.returncode, status.stdout.strip()) == (0, url)
    finally:
        subprocess.run([SCRIPT, "stop", data], capture_output=True, timeout=120)
    stopped = subprocess.run([SCRIPT, "status", data], capture_output=True, text=True, timeout=60)
    assert stopped.returncode == 3 and "not running" in stopped.stderr
    shutil.rmtree(base, ignore_errors=True)
