"""StoryMapJS and TimelineJS details: the shape we write, eras and old dates, placeholders
a curator deals with, and files that are not stories."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from story.editing.chapters import chapter_id_at, chapter_text, set_chapter_text
from story.interop.detect import ImportJsonError
from story.interop.export_json import export_json
from story.interop.importing import import_json
from story.package.file import open_package
from story.reading import get_chapter, list_chapters, list_maps, story_info
from story.validation import validate
from tests.conftest import SHARED
from tests.story.test_interop import make_story

INTEROP = SHARED / "fixtures" / "interop"


def _fixtures(prefix: str) -> list[dict[str, Any]]:
    if not INTEROP.is_dir():
        pytest.skip("../shared/fixtures/interop is not present")
    docs = [json.loads(p.read_text("utf-8")) for p in sorted(INTEROP.glob(prefix + "*.json"))]
    return [d for d in docs if "storymap" in d or "events" in d]


def _keys(values: list[Any]) -> set[str]:
    return {k for v in values if isinstance(v, dict) for k in v}


@pytest.mark.timeout(120)
def test_exported_storymap_has_the_shape_of_storymapjs_own_files(tmp_path: Path) -> None:
    """StoryMapJS is not on npm: its viewer's input is checked against the fixtures'."""
    theirs = [d["storymap"] for d in _fixtures("storymap_")]
    slides = [s for sm in theirs for s in sm["slides"]]
    pkg = open_package(make_story(tmp_path / "s.storypkg"), readonly=True)
    try:
        ours = json.loads(export_json(pkg, tmp_path / "out", "storymap").json_path.read_text())
    finally:
        pkg.close()
    sm = ours["storymap"]
    assert set(sm) <= _keys(theirs)
    assert _keys(sm["slides"]) <= _keys(slides)
    for part in ("text", "media", "location"):
        assert _keys([s[part] for s in sm["slides"]]) <= _keys([s.get(part) for s in slides])
    assert sm["slides"][0]["type"] == "overview"
    assert [s.get("type") for s in sm["slides"][1:]] == [None, None, None]
    for s in sm["slides"][1:]:
        loc = s["location"]
        assert isinstance(loc["lat"], float) and isinstance(loc["lon"], float)
        assert isinstance(loc["zoom"], int) and loc["line"] is True
        assert all(isinstance(s["media"][k], str) for k in ("url", "caption", "credit"))
        assert isinstance(s["text"]["headline"], str) and isinstance(s["text"]["text"], str)


@pytest.mark.timeout(120)
def test_exported_timeline_has_the_shape_of_timelinejs_own_files(tmp_path: Path) -> None:
    theirs = _fixtures("timeline_")
    events = [e for d in theirs for e in d["events"]]
    pkg = open_package(make_story(tmp_path / "s.storypkg"), readonly=True)
    try:
        ours = json.loads(export_json(pkg, tmp_path / "out", "timeline").json_path.read_text())
    finally:
        pkg.close()
    assert set(ours) <= _keys(theirs)
    assert _keys(ours["events"]) - {"unique_id", "end_date"} <= _keys(events)
    assert _keys([e["start_date"] for e in ours["events"]]) <= _keys(
        [e["start_date"] for e in events]
    )


@pytest.mark.timeout(60)
def test_eras_and_dates_timelinejs_has_and_iso_8601_has_not(tmp_path: Path) -> None:
    doc = {
        "title": {"text": {"headline": "Old <b>times</b><br>and new", "text": "<p>About</p>"}},
        "eras": [{"start_date": {"year": "600"}, "end_date": {"year": "650"},
                  "text": {"headline": "Early"}}],
        "events": [
            {"start_date": {"year": "1900", "month": "2", "day": "30"}, "text": {"headline": "C"}},
            {"start_date": {"year": "-500"}, "text": {"headline": "A"}},
            {"start_date": {"year": "604"}, "end_date": {"year": "609"},
             "text": {"headline": "B"}, "group": "Canals"},
        ],
    }  # fmt: skip
    src = tmp_path / "t.json"
    src.write_text(json.dumps(doc), "utf-8")
    import_json(src, tmp_path / "t.storypkg")
    pkg = open_package(tmp_path / "t.storypkg", readonly=True)
    try:
        info = story_info(pkg)
        assert (info.title, info.subtitle) == ("Old times", "and new")
        assert info.about_md == "About\n\n**Eras**\n\n- Early (0600/0650)"
        chapters = list_chapters(pkg)
        assert [c.title for c in chapters] == ["A", "B", "C"]  # TimelineJS's order: by date
        assert [c.date for c in chapters] == [None, "0604/0609", "1900-02"]
        assert [c.summary for c in chapters] == ["500 BCE", "Era: Early · Group: Canals", ""]
        assert [p.code for p in validate(pkg) if p.severity == "error"] == []
    finally:
        pkg.close()


@pytest.mark.timeout(60)
def test_a_placeholder_is_reported_until_the_curator_removes_its_line(tmp_path: Path) -> None:
    doc = {"storymap": {"slides": [
        {"text": {"headline": "One", "text": "Text."},
         "media": {"url": "https://example.org/a.jpg", "caption": "A"},
         "location": {"lat": 1.0, "lon": 2.0}}]}}  # fmt: skip
    src = tmp_path / "s.json"
    src.write_text(json.dumps(doc), "utf-8")
    import_json(src, tmp_path / "s.storypkg")
    pkg = open_package(tmp_path / "s.storypkg", readonly=False)
    try:
        codes = [p.code for p in validate(pkg)]
        assert codes.count("media-remote-placeholder") == 1
        cid = chapter_id_at(pkg, 1)
        assert "https://example.org/a.jpg" in chapter_text(pkg, cid)["body_md"]
        set_chapter_text(pkg, cid, body_md="Text.")
        assert "media-remote-placeholder" not in [p.code for p in validate(pkg)]
    finally:
        pkg.close()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe not text", "not UTF-8"),
        (b"{not json", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"slides_": []}', "neither a StoryMapJS story"),
        (b'{"events": "many"}', "neither a StoryMapJS story"),
    ],
)
def test_files_that_are_not_stories_are_refused_in_one_line(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    src = tmp_path / "bad.json"
    src.write_bytes(content)
    with pytest.raises(ImportJsonError, match=reason) as caught:
        import_json(src, tmp_path / "out.storypkg")
    assert "\n" not in str(caught.value) and str(src) in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


@pytest.mark.timeout(60)
def test_a_zoomify_folder_outside_the_story_is_never_read(tmp_path: Path) -> None:
    """``zoomify.path`` of ``../elsewhere/`` stays a placeholder even when tiles are there."""
    from PIL import Image

    from story.interop.zoomify import write_tiles

    outside = tmp_path / "elsewhere"
    list(write_tiles(Image.new("RGB", (600, 400), "red"), outside))
    story = tmp_path / "story"
    story.mkdir()
    slide = {"text": {"headline": "P"}, "location": {"lat": 10.0, "lon": -170.0}}
    zoomify = {"path": "../elsewhere/", "width": 600, "height": 400}
    sm = {"map_type": "zoomify", "zoomify": zoomify, "slides": [slide]}
    (story / "published.json").write_text(json.dumps({"storymap": sm}), "utf-8")
    report = import_json(story / "published.json", tmp_path / "z.storypkg")
    assert any("placeholder" in n for n in report.notes)
    pkg = open_package(tmp_path / "z.storypkg", readonly=True)
    try:
        (picture,) = list_maps(pkg)
        assert picture.kind == "image" and picture.extent == (0.0, 0.0, 600.0, 400.0)
        assert get_chapter(pkg, 1).place is not None
    finally:
        pkg.close()
