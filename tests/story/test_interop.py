"""StoryMapJS and TimelineJS in and out: round trips, media beside the JSON, safe text."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from story.editing.chapters import add_chapter
from story.editing.maps import add_map
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_cover, set_story
from story.interop.export_json import export_json
from story.interop.html_markdown import html_to_markdown
from story.interop.importing import import_json
from story.package.file import create_package, open_package
from story.reading import get_chapter, list_chapters, list_maps, story_info
from story.records import Place
from story.validation import validate
from tests.conftest import FIXTURES_MEDIA, ROOT

PHOTOS = ("camera-kodak-dc240.jpg", "camera-progressive-nikon-d300.jpg", "cmyk-adobe.jpg")
BODIES = (
    "The port opened in **2016**, with *two* gauges.\n\nSee [the operator](https://example.org/port).",
    "A list:\n\n- cranes\n- gantries\n\n> The wind never stops.",
    "Line one\\\nline two, with a \\*literal\\* star.",
)


def _photos() -> list[Path]:
    if not FIXTURES_MEDIA.is_dir():
        pytest.skip("../shared/fixtures/media is not present")
    return [FIXTURES_MEDIA / "images" / name for name in PHOTOS]


def make_story(path: Path) -> Path:
    """A package made through the write API: cover, three chapters with places and photos."""
    from media.importer import import_file

    photos = _photos()
    pkg = create_package(path)
    try:
        set_story(pkg, StoryFields(title="The dry port", subtitle="Khorgos, 2016",
                                   about_md="Where the *gauges* meet."))  # fmt: skip
        geo = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
               "geometry": {"type": "Point", "coordinates": [80.4, 44.2]}}]}  # fmt: skip
        map_id = add_map(pkg, kind="geo", name="Region", data=json.dumps(geo).encode(),
                         extent=(70.0, 40.0, 90.0, 50.0))  # fmt: skip
        cover = store_media(pkg, import_file(photos[0]), caption="Cover", credit="A", alt="c")
        set_cover(pkg, cover)
        places = [
            ("Khorgos", 44.21, 80.41),
            ("Altynkol", 44.165, 80.295),
            ("Zharkent", 44.16, 80.0),
        ]
        for i, (name, lat, lon) in enumerate(places):
            place = Place.geo(name, lat, lon, map_id)
            date = f"201{i + 5}-0{i + 4}"
            cid = add_chapter(pkg, f"Chapter {name}", body_md=BODIES[i], place=place, date=date)
            mid = store_media(pkg, import_file(photos[i]), caption=f"Caption {i}",
                              credit=f"Photo: Author {i}", alt=f"Alt {i}")  # fmt: skip
            append_media(pkg, cid, mid)
    finally:
        pkg.close()
    return path


def _content(path: Path) -> dict:
    pkg = open_package(path, readonly=True)
    try:
        info = story_info(pkg)
        chapters = [get_chapter(pkg, c.index) for c in list_chapters(pkg)]
        return {
            "title": info.title,
            "subtitle": info.subtitle,
            "about": info.about_md,
            "chapters": [
                (
                    c.title,
                    c.body_md,
                    c.place.name if c.place else None,
                    tuple(round(v, 9) for v in c.place.point) if c.place else None,
                    [(m.caption, m.credit) for m in c.media],
                )
                for c in chapters
            ],  # fmt: skip
        }
    finally:
        pkg.close()


@pytest.mark.timeout(120)
def test_package_to_storymap_and_back_keeps_the_story(tmp_path: Path) -> None:
    src = make_story(tmp_path / "src.storypkg")
    pkg = open_package(src, readonly=True)
    try:
        report = export_json(pkg, tmp_path / "out", "storymap")
    finally:
        pkg.close()
    doc = json.loads(report.json_path.read_text("utf-8"))
    slides = doc["storymap"]["slides"]
    # the shape StoryMapJS's viewer reads (as in the fixtures)
    assert slides[0]["type"] == "overview" and len(slides) == 4
    for s in slides[1:]:
        assert set(s) >= {"text", "media", "location", "date"}
        assert {"lat", "lon", "zoom", "line"} <= set(s["location"])
        assert (tmp_path / "out" / s["media"]["url"]).is_file()
    back = import_json(report.json_path, tmp_path / "back.storypkg")
    assert (back.imported, back.left_out) == (3, [])  # the cover is chapter 1's photo
    before, after = _content(src), _content(tmp_path / "back.storypkg")
    assert after["title"] == before["title"] and after["subtitle"] == before["subtitle"]
    assert after["about"] == before["about"]
    # titles, text, places, captions, credits and order
    assert [c[0] for c in after["chapters"]] == [c[0] for c in before["chapters"]]
    assert [c[1] for c in after["chapters"]] == list(BODIES)
    assert [c[3] for c in after["chapters"]] == [c[3] for c in before["chapters"]]
    assert [c[4] for c in after["chapters"]] == [c[4] for c in before["chapters"]]
    pkg = open_package(tmp_path / "back.storypkg", readonly=True)
    try:
        assert [p for p in validate(pkg) if p.severity == "error"] == []
        assert story_info(pkg).cover_media_id is not None
    finally:
        pkg.close()


@pytest.mark.timeout(120)
def test_package_to_timeline_keeps_dates_and_leaves_undated_chapters_out(tmp_path: Path) -> None:
    src = make_story(tmp_path / "src.storypkg")
    pkg = open_package(src, readonly=False)
    try:
        add_chapter(pkg, "Undated")
    finally:
        pkg.close()
    pkg = open_package(src, readonly=True)
    try:
        report = export_json(pkg, tmp_path / "tl", "timeline")
    finally:
        pkg.close()
    assert report.left_out == ["chapter 4 (Undated): no date"]
    doc = json.loads(report.json_path.read_text("utf-8"))
    assert doc["title"]["text"]["headline"] == "The dry port<br><small>Khorgos, 2016</small>"
    assert [e["start_date"] for e in doc["events"]] == [
        {"year": "2015", "month": "4"}, {"year": "2016", "month": "5"},
        {"year": "2017", "month": "6"}]  # fmt: skip
    back = import_json(report.json_path, tmp_path / "back.storypkg")
    assert back.kind == "timeline"
    pkg = open_package(tmp_path / "back.storypkg", readonly=True)
    try:
        assert [c.date for c in list_chapters(pkg)] == ["2015-04", "2016-05", "2017-06"]
        assert [get_chapter(pkg, i).body_md for i in (1, 2, 3)] == list(BODIES)
    finally:
        pkg.close()


@pytest.mark.timeout(180)
def test_gigapixel_round_trip_reads_the_exported_tiles(tmp_path: Path) -> None:
    seurat = ROOT.parent / "shared/fixtures/interop"
    name = "storymap_NUKnightLab_StoryMapJS_templates_seurat_gigapixel.json"
    if not (seurat / name).is_file():
        pytest.skip("../shared/fixtures/interop is not present")
    import_json(seurat / name, tmp_path / "a.storypkg")
    pkg = open_package(tmp_path / "a.storypkg", readonly=True)
    try:
        report = export_json(pkg, tmp_path / "out", "storymap")
        places_a = [c.place for c in list_chapters(pkg)]
    finally:
        pkg.close()
    sm = json.loads(report.json_path.read_text("utf-8"))["storymap"]
    assert sm["map_type"] == "zoomify" and (sm["zoomify"]["width"], sm["zoomify"]["height"]) == (
        2048, 1363)  # fmt: skip
    assert (tmp_path / "out/picture/TileGroup0/0-0-0.jpg").is_file()
    back = import_json(report.json_path, tmp_path / "b.storypkg")
    assert any("read from picture/" in n for n in back.notes)
    pkg = open_package(tmp_path / "b.storypkg", readonly=True)
    try:
        places_b = [c.place for c in list_chapters(pkg)]
        assert [m.kind for m in list_maps(pkg)] == ["image"]
    finally:
        pkg.close()
    for a, b in zip(places_a, places_b, strict=True):
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert (b.x, b.y) == (pytest.approx(a.x, abs=1e-6), pytest.approx(a.y, abs=1e-6))


def test_html_becomes_safe_markdown() -> None:
    md = html_to_markdown(
        '<p onclick="steal()">Hi <script>alert(1)</script><b>bold</b> <i>it</i></p>'
        '<img src="x" onerror="alert(1)"><iframe src="https://evil.example/"></iframe>'
        '<a href="javascript:alert(1)">js</a> <a href="//example.org/a b">ok</a> '
        "<style>p{}</style># not a heading<br>* not a list &lt;b&gt;"
    )
    assert md == (
        "Hi **bold** *it*\n\njs [ok](https://example.org/a%20b) # not a heading\\\n"
        "\\* not a list \\<b\\>"
    )
    for bad in ("script", "alert", "onerror", "onclick", "evil", "javascript", "style"):
        assert bad not in md


@pytest.mark.timeout(120)
def test_media_beside_the_json_are_imported_and_the_rest_listed(tmp_path: Path) -> None:
    photos = _photos()
    folder = tmp_path / "story"
    (folder / "assets").mkdir(parents=True)
    shutil.copy(photos[0], folder / "assets" / "statue one.jpg")
    shutil.copy(photos[1], folder / "assets" / "globe.jpg")
    shutil.copy(FIXTURES_MEDIA / "audio" / "m4a-aac-lc-mono.m4a", folder / "assets" / "intro.m4a")
    shutil.copy(FIXTURES_MEDIA / "audio" / "mp3-vbr-xing.mp3", folder / "assets" / "hello.mp3")
    (tmp_path / "secret.jpg").write_bytes(photos[2].read_bytes())
    slides = [
        {"type": "overview", "media": {"url": ""},
         "text": {"headline": "Walk", "text": "A walk.<audio src='assets/hello.mp3'></audio>"}},
        {"text": {"headline": "Stop 1", "text": "<audio controls><source src='assets/intro.m4a' "
                  "type='audio/mp4'></audio><p>See <img src='assets/globe.jpg' alt='A globe'></p>"},
         "media": {"url": "assets/statue%20one.jpg", "caption": "The statue", "credit": "Me"},
         "location": {"lat": 52.5, "lon": 13.34}},
        {"text": {"headline": "Stop 2", "text": "<img src='../secret.jpg'>"},
         "media": {"url": "https://example.org/x.jpg", "caption": "Far away"},
         "location": {"lat": 52.51, "lon": 13.35}},
    ]  # fmt: skip
    (folder / "published.json").write_text(json.dumps({"storymap": {"slides": slides}}), "utf-8")
    report = import_json(folder / "published.json", tmp_path / "walk.storypkg")
    assert report.imported == 4
    assert "the title slide's recordings play with chapter 1" in report.notes
    assert sorted((r.url, r.reason) for r in report.left_out) == [
        ("../secret.jpg", "refused: the path leaves the story's folder"),
        ("https://example.org/x.jpg", "remote"),
    ]
    pkg = open_package(tmp_path / "walk.storypkg", readonly=True)
    try:
        one, two = get_chapter(pkg, 1), get_chapter(pkg, 2)
        assert [m.kind for m in one.media] == ["audio", "audio", "image", "image"]
        assert story_info(pkg).about_md == "A walk."
        statue = one.media[3]
        assert (statue.caption, statue.credit, statue.alt) == ("The statue", "Me", "The statue")
        assert f"![A globe](media:{one.media[2].id[:16]})" in one.body_md
        assert "[https://example.org/x.jpg](https://example.org/x.jpg) (on the web): Far away" in (
            two.body_md)  # fmt: skip
        codes = [p.code for p in validate(pkg) if p.code == "media-remote-placeholder"]
        assert len(codes) == 2
    finally:
        pkg.close()


def test_import_and_export_json_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = {"start_date": {"year": "1999"}, "text": {"headline": "E", "text": "x"}}
    doc = {"title": {"text": {"headline": "T"}}, "events": [event]}
    src = tmp_path / "t.json"
    src.write_text(json.dumps(doc), "utf-8")
    assert main(["import", str(src), str(tmp_path / "t.storypkg")]) == 0
    assert "a timeline story, 1 chapters" in capsys.readouterr().out
    assert main(["export-json", str(tmp_path / "t.storypkg"), "--as", "storymap",
                 str(tmp_path / "sm")]) == 0  # fmt: skip
    assert (tmp_path / "sm" / "published.json").is_file()
    assert main(["import", str(tmp_path / "missing.json"), str(tmp_path / "x.storypkg")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.json: no such file" in err
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export-json", "a.storypkg", "b",
         "--as", "timeline", "c"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 2 and "export-json takes [PACKAGE] OUTDIR" in done.stderr
    # the paths may also all follow --as KIND, in the same order
    assert main(["export-json", "--as", "storymap", str(tmp_path / "t.storypkg"),
                 str(tmp_path / "sm2")]) == 0  # fmt: skip
    assert (tmp_path / "sm2" / "published.json").is_file()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export-json", str(tmp_path / "t.storypkg"),
         "--as", "timeline", str(tmp_path / "tl")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "tl" / "timeline.json").read_text("utf-8"))["events"][0][
        "start_date"] == {"year": "1999"}  # fmt: skip
