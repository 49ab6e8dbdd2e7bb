"""Finding and running ffmpeg/ffprobe: every call has a deadline, nothing can hang.

Storyport never decodes a whole recording into Python memory: ffprobe says
what a file is, ffmpeg streams it (see ``audio_import``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "install ffmpeg: apt-get install ffmpeg (macOS: brew install ffmpeg)"
PROBE_TIMEOUT_S = 30.0


class ToolMissing(Exception):
    """ffmpeg or ffprobe is not installed (not on PATH nor in :data:`FALLBACK_DIRS`)."""


class ToolFailed(Exception):
    """The tool ran but refused the file; ``str()`` is its last meaningful stderr line."""


#: Where ffmpeg and ffprobe live when PATH does not say: Debian's package, a local build,
#: Homebrew. Looked at after PATH, so ``env -i`` (no PATH at all), a service manager's
#: bare environment or a PATH that names only the app's own folder still find them.
FALLBACK_DIRS = ("/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin")


def search_dirs() -> list[str]:
    """Where a tool is looked for, in order: ``STORYPORT_FFMPEG_DIR``, PATH, the fallbacks."""
    dirs: list[str] = []
    folder = os.environ.get("STORYPORT_FFMPEG_DIR")
    if folder:
        dirs.append(folder)
    dirs += [d for d in os.environ.get("PATH", "").split(os.pathsep) if d]
    dirs += [d for d in FALLBACK_DIRS if d not in dirs]
    return dirs


def find_tool(name: str) -> str | None:
    """Absolute path to ``name`` (``ffmpeg`` or ``ffprobe``), from :func:`search_dirs`."""
    return shutil.which(name, path=os.pathsep.join(search_dirs()))


def ensure_search_path() -> None:
    """Give a process with no PATH at all one that finds ffmpeg (for libraries that read it).

    pydub reads ``os.environ["PATH"]`` (a KeyError without one) when it is imported
    and again on every ``from_file``. A PATH that is set, even one without ffmpeg,
    is left alone: whoever set it meant it, and our own calls use absolute paths.
    """
    if "PATH" in os.environ:
        return
    dirs = [str(Path(found).parent) for found in map(find_tool, ("ffmpeg", "ffprobe")) if found]
    dirs += os.defpath.split(os.pathsep)
    os.environ["PATH"] = os.pathsep.join(dict.fromkeys(d for d in dirs if d))


def require(name: str) -> str:
    found = find_tool(name)
    if found is None:
        raise ToolMissing(name)
    return found


def have_ffmpeg() -> bool:
    return find_tool("ffmpeg") is not None and find_tool("ffprobe") is not None


def last_error_line(stderr: str, path: Path) -> str:
    """The most telling line of a tool's stderr, without the file's full path."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    if not lines:
        return "no details"
    line = lines[-1]
    for prefix in (f"{path}: ", f"{path.name}: "):
        line = line.replace(prefix, "")
    return line.replace(str(path), path.name)[:160]


@dataclass(frozen=True)
class Probe:
    format_name: str
    duration_s: float | None
    codec: str
    sample_rate: int
    channels: int
    tags: tuple[str, ...] = ()  # the container's tag names, lower case


def probe(path: Path, *, timeout: float = PROBE_TIMEOUT_S) -> Probe:
    """Container and first audio stream of ``path``; ToolFailed when ffprobe refuses it."""
    cmd = [
        require("ffprobe"),
        "-v", "error",
        "-show_entries",
        "format=format_name,duration:format_tags:stream=codec_type,codec_name,sample_rate,channels,duration",
        "-of", "json",
        str(path),
    ]  # fmt: skip
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ToolFailed(f"ffprobe took longer than {timeout:.0f} s") from None
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise ToolFailed(last_error_line(stderr, path))
    try:
        info = json.loads(done.stdout or b"{}")
    except ValueError:
        raise ToolFailed("ffprobe printed nothing readable") from None
    streams = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    if not streams:
        raise ToolFailed("no audio stream in it")
    first = streams[0]
    fmt = info.get("format", {})
    duration: float | None = None
    for value in (fmt.get("duration"), first.get("duration")):
        try:
            duration = float(value)
            break
        except (TypeError, ValueError):
            continue
    return Probe(
        format_name=str(fmt.get("format_name", "")),
        duration_s=duration,
        codec=str(first.get("codec_name", "")),
        sample_rate=int(first.get("sample_rate") or 0),
        channels=int(first.get("channels") or 0),
        tags=tuple(sorted(str(k).lower() for k in (fmt.get("tags") or {}))),
    )


def stream(
    cmd: list[str],
    *,
    timeout: float,
    on_chunk: Callable[[bytes], None],
    cancelled: Callable[[], bool] | None = None,
    chunk_bytes: int = 1 << 16,
) -> tuple[int, str]:
    """Run ``cmd``, handing its stdout to ``on_chunk`` as it comes; (returncode, stderr).

    A watchdog kills the process after ``timeout`` seconds (ToolFailed); a true
    ``cancelled()`` between chunks kills it too (``Cancelled``). stderr goes to a
    temporary file so a chatty tool can never block on a full pipe.
    """
    from media.imported import Cancelled

    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err)
        fired = threading.Event()

        def kill() -> None:
            fired.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.daemon = True
        timer.start()
        try:
            assert proc.stdout is not None
            while True:
                chunk = proc.stdout.read1(chunk_bytes)  # type: ignore[attr-defined]
                if not chunk:
                    break
                on_chunk(chunk)
                if cancelled is not None and cancelled():
                    proc.kill()
                    proc.wait()
                    raise Cancelled()
            rc = proc.wait()
        finally:
            timer.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        if fired.is_set():
            raise ToolFailed(
                f"{Path(cmd[0]).name} took longer than {timeout:.0f} s and was stopped"
            )
        err.seek(0)
        return rc, err.read().decode("utf-8", "replace")
