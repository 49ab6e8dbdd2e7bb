"""Which kind of JSON a file holds: a StoryMapJS story, a TimelineJS story, or neither.

StoryMapJS writes ``{"storymap": {"slides": [...]}}`` (its editor's
``published.json`` and ``draft.json``); TimelineJS reads ``{"events": [...]}``
with optional ``title`` and ``eras``. A StoryMapJS export also carries a
``metadata.json`` (id, title, dates) which is not a story: it is refused with
a sentence saying which file to import instead. The file is read with a size
cap and a nesting cap, as any stranger's file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from story.errors import StoryError
from story.interop.model import Kind

#: Larger than any story's JSON we have seen (the largest fixture is 38 KB); media are files.
MAX_JSON_BYTES = 32 * 1024 * 1024


class ImportJsonError(StoryError):
    """A JSON file that cannot be imported; names the file and the reason in one line."""


def load_json(path: Path) -> Any:
    """The parsed JSON of ``path``, or ImportJsonError (missing, too large, not JSON)."""
    if not path.is_file():
        raise ImportJsonError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_JSON_BYTES:
        raise ImportJsonError(f"{path}: {size:,} bytes is more than a story's JSON can be")
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportJsonError(f"{path}: not UTF-8 text (not JSON)") from None
    except RecursionError:
        raise ImportJsonError(f"{path}: nested too deeply to be a story") from None
    except ValueError as exc:
        raise ImportJsonError(f"{path}: not valid JSON ({str(exc)[:80]})") from None


def detect(doc: Any, path: Path) -> Kind:
    """``"storymap"`` or ``"timeline"``; ImportJsonError for anything else."""
    if isinstance(doc, dict):
        sm = doc.get("storymap")
        if isinstance(sm, dict) and isinstance(sm.get("slides"), list):
            return "storymap"
        if isinstance(doc.get("events"), list):
            return "timeline"
        if {"id", "title"} <= set(doc) and ("published_on" in doc or "draft_on" in doc):
            raise ImportJsonError(
                f"{path}: a StoryMapJS metadata file (id, title, dates), not a story; "
                "import the published.json (or draft.json) beside it"
            )
        if isinstance(doc.get("slides"), list):  # a storymap object without its wrapper
            return "storymap"
    raise ImportJsonError(
        f"{path}: neither a StoryMapJS story (storymap.slides) nor a TimelineJS one (events)"
    )
