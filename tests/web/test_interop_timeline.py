"""An exported TimelineJS story opened by TimelineJS itself (3.9.11, from npm) in Chromium.

``export-json --as timeline`` must write JSON that TimelineJS's own viewer
reads: the test loads the vendored ``timeline.js`` (tests/web/vendor/timelinejs,
MPL-2.0) from ``file://``, hands it the exported JSON as written, and counts
the slides it makes (the title slide and one per dated chapter) and the
exported photos it shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from story.editing.chapters import add_chapter
from story.interop.export_json import export_json
from story.package.file import open_package
from tests.story.test_interop import make_story

VENDOR = Path(__file__).resolve().parent / "vendor" / "timelinejs"


def _page(out: Path, data: str) -> Path:
    page = out / "index.html"
    page.write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<link rel='stylesheet' href='{(VENDOR / 'timeline.css').as_uri()}'>"
        f"<script src='{(VENDOR / 'timeline.js').as_uri()}'></script></head>"
        "<body><div id='timeline' style='width: 1200px; height: 700px'></div>"
        f"<script>window.storyData = {data};\n"
        # font: null, or TimelineJS fetches its web-font CSS from cdn.knightlab.com
        "window.tl = new TL.Timeline('timeline', window.storyData, {font: null});"
        "</script></body></html>",
        encoding="utf-8",
    )
    return page


@pytest.mark.timeout(180)
def test_timelinejs_shows_every_exported_event(tmp_path: Path, visit: Any) -> None:
    src = make_story(tmp_path / "story.storypkg")
    pkg = open_package(src, readonly=False)
    try:
        add_chapter(pkg, "A later day", body_md="The *last* event.", date="2018-02-03/2018-03")
    finally:
        pkg.close()
    pkg = open_package(src, readonly=True)
    try:
        report = export_json(pkg, tmp_path / "out", "timeline")
    finally:
        pkg.close()
    raw = report.json_path.read_text("utf-8")
    events = json.loads(raw)["events"]
    assert len(events) == 4 and report.slides == 5
    page = _page(tmp_path / "out", raw)
    v = visit(tmp_path / "out", 1280, 800)
    errors: list[str] = []
    v.page.on("pageerror", lambda e: errors.append(str(e)))
    v.page.goto(page.as_uri())
    v.page.wait_for_function("document.querySelectorAll('.tl-slide').length >= 5")
    assert errors == []
    slides = v.page.locator(".tl-slide")
    assert slides.count() == 5  # the title slide and the four dated chapters
    headlines = v.page.locator(".tl-slide .tl-headline").all_inner_texts()
    assert [h.strip() for h in headlines if h.strip()][-4:] == [
        "Chapter Khorgos", "Chapter Altynkol", "Chapter Zharkent", "A later day"]  # fmt: skip
    # TimelineJS reads the exported photos from media/ beside the JSON
    photos = {Path(e["media"]["url"]).name for e in events if "media" in e}
    assert len(photos) == 3
    v.page.evaluate("window.tl.goTo(1)")
    shown = (
        "[...document.querySelectorAll('.tl-slide img')].filter("
        "i => i.src.includes('/media/') && i.complete && i.naturalWidth > 0).map(i => i.src)"
    )
    v.page.wait_for_function(f"({shown}).length > 0")
    assert {Path(u).name for u in v.page.evaluate(shown)} <= photos
    # nothing of the story was asked of another host
    assert [u for u in v.outside_requests() if u.startswith(("http:", "https:"))] == []
