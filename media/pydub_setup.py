"""pydub's ``AudioSegment``, imported so that a process without PATH does not crash.

pydub finds its tools through ``os.environ["PATH"]``: on import (the class
attribute ``AudioSegment.converter``) and again in ``from_file`` (the prober's
name). Run with no PATH at all (``env -i``, a bare service environment) that
is a ``KeyError`` before any sound is made. Everything in Storyport that uses
pydub (the bundled story's sound design) imports it from here (``pydub.utils``
too imports the package, so ``audioop`` comes from here as well):
the process gets a PATH that finds ffmpeg when it has none
(``ffmpeg_tools.ensure_search_path``), and the converter is set to the
absolute ffmpeg that ``ffmpeg_tools.find_tool`` found, so pydub and our own
calls run the same program.
"""

from __future__ import annotations

from media.ffmpeg_tools import ensure_search_path, find_tool

ensure_search_path()

from pydub import AudioSegment  # noqa: E402  (after the PATH it reads on import)
from pydub.utils import audioop  # noqa: E402  (pydub's own: stdlib, or audioop-lts on 3.13+)

AudioSegment.converter = find_tool("ffmpeg") or AudioSegment.converter

__all__ = ["AudioSegment", "audioop"]
