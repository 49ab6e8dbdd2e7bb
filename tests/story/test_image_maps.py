"""Picture maps: cut into a tile pyramid, stored in the package, read back; bad input refused."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from media.tiles import TileError, cut_pyramid, level_count, open_picture
from story.editing.maps import add_map
from story.editing.story import StoryFields, set_story
from story.maps.picture import (
    ImageMapError,
    add_image_map,
    expected_tiles,
    image_map_info,
    parse_descriptor,
    read_tile,
    tile_count,
)
from story.package.file import create_package, open_package
from story.package.schema import MapTileRow
from story.publish.build import build_package
from story.reading import list_maps


def picture(w: int = 1300, h: int = 700) -> bytes:
    img = Image.new("RGB", (w, h), (230, 210, 170))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 255, 255), fill=(200, 40, 30))  # the first level-0 tile is red
    d.rectangle((w - 100, h - 100, w - 1, h - 1), fill=(30, 60, 200))  # bottom right blue
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_pyramid_levels_and_tiles() -> None:
    assert level_count(256, 256) == 1
    assert level_count(257, 10) == 2
    assert level_count(20_000, 15_000) == 8
    info, tiles = cut_pyramid(open_picture(picture()))
    got = list(tiles)
    assert info.levels == 4 and info.tile_format == "png"
    assert len([t for t in got if t[0] == 0]) == 6 * 3
    assert [t[:3] for t in got if t[0] == 3] == [(3, 0, 0)]
    edge = Image.open(io.BytesIO(next(t[3] for t in got if t[:3] == (0, 5, 2))))
    assert edge.size == (1300 - 5 * 256, 700 - 2 * 256)


def test_image_map_round_trips_through_the_package(tmp_path: Path) -> None:
    path = tmp_path / "plan.storypkg"
    pkg = create_package(path)
    set_story(pkg, StoryFields(title="Plan"))
    map_id = add_image_map(pkg, picture(), name="Plan", attribution="Illustration")
    pkg.close()
    with open_package(path) as ro:
        (info,) = list_maps(ro)
        assert (info.kind, info.name, info.attribution) == ("image", "Plan", "Illustration")
        assert info.extent == (0.0, 0.0, 1300.0, 700.0)
        meta = image_map_info(ro, map_id)
        assert (meta.width, meta.height, meta.levels, meta.tile_size) == (1300, 700, 4, 256)
        assert tile_count(ro, map_id) == expected_tiles(meta) == 18 + 6 + 2 + 1
        first = Image.open(io.BytesIO(read_tile(ro, map_id, 0, 0, 0) or b""))
        assert first.getpixel((10, 10)) == (200, 40, 30)
        last = Image.open(io.BytesIO(read_tile(ro, map_id, 0, 5, 2) or b""))
        assert last.getpixel((last.width - 2, last.height - 2)) == (30, 60, 200)
        assert read_tile(ro, map_id, 0, 99, 99) is None


def test_table_is_created_in_a_package_made_without_it(tmp_path: Path) -> None:
    pkg = create_package(tmp_path / "old.storypkg")
    MapTileRow.__table__.drop(pkg.engine)  # type: ignore[attr-defined]
    map_id = add_image_map(pkg, picture(300, 200), name="Later")
    assert tile_count(pkg, map_id) == 2 + 1
    pkg.close()


def test_bad_pictures_are_refused(tmp_path: Path) -> None:
    pkg = create_package(tmp_path / "bad.storypkg")
    with pytest.raises(ImageMapError, match="not a readable picture"):
        add_image_map(pkg, b"\x89PNG\r\n\x1a\nbroken", name="Broken")
    with pytest.raises(ImageMapError, match="no such file"):
        add_image_map(pkg, tmp_path / "missing.png", name="Missing")
    assert list_maps(pkg) == []  # nothing half-written
    with pytest.raises(TileError, match="larger than the limit"):
        open_picture(picture(400, 400), max_pixels=100_000)
    pkg.close()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01", "not valid JSON"),
        (b'{"format": "other"}', "not a Storyport picture map"),
        (json.dumps({"format": "storyport-image-map", "width": -5}).encode(), "'width'"),
        (
            json.dumps(
                {
                    "format": "storyport-image-map",
                    "width": 5000,
                    "height": 5000,
                    "tile_size": 256,
                    "levels": 1,
                    "tile_format": "png",
                }
            ).encode(),
            "level count",
        ),
        (
            json.dumps(
                {
                    "format": "storyport-image-map",
                    "width": 10,
                    "height": 10,
                    "tile_size": 256,
                    "levels": 1,
                    "tile_format": "gif",
                }
            ).encode(),
            "tile format",
        ),
    ],
)
def test_damaged_descriptors_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImageMapError, match=reason):
        parse_descriptor(data, 1, "Plan")


def test_corrupt_image_map_in_package_gives_clear_error(tmp_path: Path) -> None:
    pkg = create_package(tmp_path / "c.storypkg")
    mid = add_map(pkg, kind="image", name="Scan", data=b"garbage")
    with pytest.raises(ImageMapError, match="'Scan'.*not valid JSON"):
        image_map_info(pkg, mid)
    pkg.close()


def test_build_takes_picture_maps_lines_and_pixel_places(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True)
    (src / "plan.png").write_bytes(picture(600, 400))
    (src / "map.geojson").write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"layer": "place", "name": "A"},
                        "geometry": {"type": "Point", "coordinates": [80, 44]},
                    }
                ],
            }
        )
    )
    (src / "story.toml").write_text(
        'title = "T"\n[basemap]\nfile = "map.geojson"\nname = "Region"\n'
        '[[maps]]\nkind = "image"\nkey = "plan"\nfile = "plan.png"\nname = "Plan"\n'
        'attribution = "Drawn"\n'
        '[[lines]]\nname = "Rail"\napprox = true\npoints = [[79, 44], [81, 44.5]]\n'
        '[[lines]]\nmap = "plan"\nname = "Fence"\npoints = [[10, 10], [500, 10]]\n'
    )
    (src / "chapters" / "01.md").write_text(
        '+++\ntitle = "One"\nplace = { name = "A", lat = 44, lon = 80 }\n+++\nText'
    )
    (src / "chapters" / "02.md").write_text(
        '+++\ntitle = "Two"\nplace = { name = "Gate", x = 120, y = 300, map = "plan" }\n+++\nT'
    )
    out = build_package(src, tmp_path / "out.storypkg")
    from story.maps.basemap import parse_basemap
    from story.reading import list_chapters, map_data

    with open_package(out) as pkg:
        geo, plan = list_maps(pkg)
        assert (geo.kind, plan.kind, plan.name) == ("geo", "image", "Plan")
        rail = parse_basemap(map_data(pkg, geo.id)).lines
        assert rail[0].name == "Rail" and rail[0].approx
        assert image_map_info(pkg, plan.id).lines[0].name == "Fence"
        one, two = list_chapters(pkg)
        assert one.place and one.place.map_id == geo.id
        assert two.place and (two.place.map_id, two.place.x, two.place.y) == (plan.id, 120, 300)
    (src / "chapters" / "02.md").write_text(
        '+++\ntitle = "Two"\nplace = { name = "G", x = 1, y = 2, map = "nowhere" }\n+++\nT'
    )
    from story.errors import StoryError

    with pytest.raises(StoryError, match="'nowhere' is not a map of this story"):
        build_package(src, tmp_path / "out2.storypkg")
