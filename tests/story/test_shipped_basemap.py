"""The Central Asia basemap ships once, in story/maps/: the editor offers it, the bundled story
is built from it, and nothing reads it from the bundled story's folder any more."""

from __future__ import annotations

import tomllib
from pathlib import Path

from story.maps.basemap import CENTRAL_ASIA, central_asia, parse_basemap
from story.publish.bundled import shipped_data_dir, source_dir

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_basemap_is_a_valid_map_of_the_border() -> None:
    basemap = parse_basemap(central_asia())
    assert {"KZ", "CN"} <= {c.code for c in basemap.countries}
    assert any(p.name.startswith("Horgos") for p in basemap.places)


def test_one_copy_and_the_bundled_story_names_it() -> None:
    copies = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "story").rglob("*.geojson"))
    assert copies == [f"story/maps/{CENTRAL_ASIA}"]
    manifest = tomllib.loads((source_dir() / "story.toml").read_text("utf-8"))
    assert manifest["basemap"]["file"] == CENTRAL_ASIA
    assert (shipped_data_dir() / CENTRAL_ASIA).read_bytes() == central_asia()


def test_only_story_maps_reads_it_by_name() -> None:
    """The editor and the bundled story's drawings go through central_asia(), not a path."""
    readers = sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("story", "ui")
        for p in (ROOT / folder).rglob("*.py")
        if CENTRAL_ASIA in p.read_text("utf-8") or "map.geojson" in p.read_text("utf-8")
    )
    assert readers == ["story/maps/basemap.py"]
