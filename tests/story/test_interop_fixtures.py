"""Every StoryMapJS and TimelineJS story in ``shared/fixtures/interop`` imported, validated
and opened in the reader, as a curator would: ``import``, ``validate``, ``read``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from story.interop.detect import ImportJsonError
from story.interop.importing import import_json
from story.package.file import open_package
from story.reading import get_chapter, list_chapters, list_maps, story_info
from story.validation import validate
from tests.conftest import SHARED

INTEROP = SHARED / "fixtures" / "interop"
PLACEHOLDER = "media-remote-placeholder"
#: file -> (chapters, maps ("geo"/"image"), warnings besides the placeholders, placeholders).
#: Every media file of these stories is on the web or missing (none ships beside the JSON),
#: so each becomes a placeholder; TimelineJS has no places, so every chapter lacks one.
EXPECTED: dict[str, tuple[int, tuple[str, ...], dict[str, int], int]] = {
    "storymap_NUKnightLab_StoryMapJS_demo_sochi.json": (10, ("geo",), {}, 11),
    "storymap_NUKnightLab_StoryMapJS_src_template_football.json": (15, ("geo",), {}, 7),
    "storymap_NUKnightLab_StoryMapJS_templates_seurat_gigapixel.json": (
        12, ("image",), {"chapter-place-missing": 1}, 7),
    "storymap_TheMarkerInvestigations_cowfinding_published.json": (
        10, ("geo",), {"chapter-place-missing": 1}, 11),
    "storymap_YuenJungNCCU_1973-1978_NCCU_campus_published_bgc_black.json": (
        12, ("image",), {}, 12),
    "storymap_amdecker_humboldt-walking-tour_published.json": (8, ("geo",), {}, 20),
    "timeline_NUKnightLab_TimelineJS3_src_template_eras.json": (
        20, (), {"chapter-place-missing": 20}, 26),
    "timeline_NUKnightLab_TimelineJS3_website_examples_houston_timeline3.json": (
        18, (), {"chapter-place-missing": 18}, 16),
    "timeline_NUKnightLab_TimelineJS3_website_examples_soundcite_timeline3.json": (
        18, (), {"chapter-place-missing": 18}, 16),
    "timeline_thecdil_timelinejs-template_media_example-timeline.json": (
        3, (), {"chapter-place-missing": 3}, 4),
}  # fmt: skip
METADATA = "storymap_amdecker_humboldt-walking-tour_metadata.json"


@pytest.fixture
def interop() -> Path:
    if not INTEROP.is_dir():
        pytest.skip("../shared/fixtures/interop is not present")
    return INTEROP


def test_the_table_names_every_fixture(interop: Path) -> None:
    assert sorted(p.name for p in interop.glob("*.json")) == sorted([*EXPECTED, METADATA])


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_validates_and_opens_in_the_reader(
    name: str, interop: Path, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    chapters, maps, warnings, placeholders = EXPECTED[name]
    out = tmp_path / "story.storypkg"
    report = import_json(interop / name, out)
    assert (report.chapters, len(report.left_out), report.imported) == (chapters, placeholders, 0)
    pkg = open_package(out, readonly=True)
    try:
        problems = validate(pkg)
        assert [p for p in problems if p.severity == "error"] == []
        codes = Counter(p.code for p in problems)
        assert codes == Counter({**warnings, PLACEHOLDER: placeholders})
        assert tuple(m.kind for m in list_maps(pkg)) == maps
        listed = list_chapters(pkg)
        assert len(listed) == chapters
        if maps:  # a StoryMapJS story: every slide with a location has its place
            assert sum(c.place is not None for c in listed) == chapters - warnings.get(
                "chapter-place-missing", 0
            )
        else:  # a TimelineJS story: dated, in date order
            dates = [c.date for c in listed if c.date]
            assert len(dates) == chapters and dates == sorted(dates, key=lambda d: d[:10])
        # validate counted one warning per placeholder: each is still listed in its text
        texts = story_info(pkg).about_md + "".join(
            get_chapter(pkg, c.index).body_md for c in listed
        )
        assert texts.count("\n- ") >= placeholders and "**Media not imported**" in texts
        _open_in_reader(pkg, qtbot, tmp_path, monkeypatch, listed[0].title, bool(maps))
    finally:
        pkg.close()


def _open_in_reader(pkg, qtbot, tmp_path: Path, monkeypatch, first_title: str, has_map: bool):
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    load_fonts()
    window = ReaderWindow(pkg)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    assert view is not None
    try:
        view.show_cover()
        assert view.cover.title.text() == story_info(pkg).title
        view.show_chapter(1)
        assert first_title in view.chapter_page.text.toPlainText()
        assert view.has_map == has_map
    finally:
        view.shutdown()


def test_the_storymapjs_metadata_file_is_refused_in_one_line(interop: Path, tmp_path: Path) -> None:
    out = tmp_path / "story.storypkg"
    with pytest.raises(ImportJsonError, match="metadata file .* import the published.json"):
        import_json(interop / METADATA, out)
    assert list(tmp_path.iterdir()) == []


def test_gigapixel_places_land_where_storymapjs_puts_them(interop: Path, tmp_path: Path) -> None:
    """Seurat (30,000 x 19,970 px, on the web): a placeholder picture of the same shape,
    places scaled to it; StoryMapJS's first point is pixel (4352, 5552) of the original."""
    out = tmp_path / "seurat.storypkg"
    report = import_json(interop / EXPECTED_SEURAT, out)
    assert any("placeholder picture map" in n for n in report.notes)
    pkg = open_package(out, readonly=True)
    try:
        (picture,) = list_maps(pkg)
        assert picture.extent is not None
        width, height = picture.extent[2], picture.extent[3]
        assert (width, height) == (2048, 1363)
        first = list_chapters(pkg)[0].place
        assert first is not None and first.x is not None and first.y is not None
        assert first.x == pytest.approx(4352 * 2048 / 30000)
        assert first.y == pytest.approx(5552 * 1363 / 19970)
    finally:
        pkg.close()


EXPECTED_SEURAT = "storymap_NUKnightLab_StoryMapJS_templates_seurat_gigapixel.json"


def _content(path: Path) -> tuple[object, ...]:
    from story.editing.remote_media import remote_media

    pkg = open_package(path, readonly=True)
    try:
        info = story_info(pkg)
        chapters = [get_chapter(pkg, c.index) for c in list_chapters(pkg)]
        return (
            info.title,
            info.subtitle,
            info.about_md,
            [
                (
                    c.title,
                    c.body_md,
                    c.summary,
                    c.date,
                    tuple(round(v, 6) for v in c.place.point) if c.place else None,
                )
                for c in chapters
            ],  # fmt: skip
            sorted((r.url, r.caption, r.credit, r.role) for r in remote_media(pkg)),
        )
    finally:
        pkg.close()


@pytest.mark.timeout(180)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_comes_back_the_same_from_its_own_kind_of_json(
    name: str, interop: Path, tmp_path: Path
) -> None:
    """import -> export-json (the same kind) -> import: the same story, text, summaries,
    dates, places and the same media left out (their addresses written back)."""
    from story.interop.export_json import export_json

    first = tmp_path / "a.storypkg"
    import_json(interop / name, first)
    pkg = open_package(first, readonly=True)
    try:
        report = export_json(
            pkg, tmp_path / "out", "storymap" if "storymap_" in name else "timeline"
        )
    finally:
        pkg.close()
    import_json(report.json_path, tmp_path / "b.storypkg")
    assert _content(tmp_path / "b.storypkg") == _content(first)
