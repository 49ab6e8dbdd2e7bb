"""``import FILE.json OUT.storypkg``: a StoryMapJS or TimelineJS story as a package."""

from __future__ import annotations

from pathlib import Path

from story.interop.detect import ImportJsonError, detect, load_json
from story.interop.storymap import read_storymap
from story.interop.timeline import read_timeline
from story.interop.writer import ImportReport, write_package
from story.package.guard import MAX_ROWS


def import_json(source: str | Path, out: str | Path) -> ImportReport:
    """Read ``source`` (its kind detected), write ``out``; media are looked up beside it."""
    source, out = Path(source), Path(out)
    doc = load_json(source)
    kind = detect(doc, source)
    fallback = source.stem.replace("_", " ").replace("-", " ").strip() or "Imported story"
    story = read_storymap(doc, fallback) if kind == "storymap" else read_timeline(doc, fallback)
    if len(story.chapters) > MAX_ROWS["chapters"]:  # the package would not open again
        raise ImportJsonError(
            f"{source}: {len(story.chapters):,} slides or events; a package holds at most "
            f"{MAX_ROWS['chapters']:,} chapters"
        )
    return write_package(story, out, source.parent)
