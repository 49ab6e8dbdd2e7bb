"""A basemap of 50,000 features opens from its stored derived geometry and draws; its
simplified geometry keeps every feature's extent within each level's tolerance."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from story.editing.chapters import add_chapter
from story.editing.maps import add_map
from story.editing.story import StoryFields, set_story
from story.maps.derived import TOLERANCES, derive
from story.package.file import create_package
from tests.story.test_basemap_derived import assert_extents_kept
from ui.map import style
from ui.map.view import StoryMapView

BOX = (70.0, 40.0, 90.0, 50.0)


def big_geojson(features: int = 50_000, seed: int = 5) -> bytes:
    """Two countries, then rivers (12 vertices), lakes (11) and towns at random."""
    rnd = random.Random(seed)
    feats: list[dict] = [
        {
            "type": "Feature",
            "properties": {"layer": "country", "name": n, "iso_a2": c},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[x0, 40], [x1, 40], [x1, 50], [x0, 50], [x0, 40]]],
            },
        }
        for n, c, x0, x1 in (("Westland", "KZ", 70, 80), ("Eastland", "CN", 80, 90))
    ]
    while len(feats) < features:
        lon, lat = rnd.uniform(71, 89), rnd.uniform(41, 49)
        k = rnd.random()
        geom: dict[str, object]
        if k < 0.45:
            pts = [[lon, lat]]
            for _ in range(11):
                lon += rnd.uniform(-0.02, 0.04)
                lat += rnd.uniform(-0.02, 0.02)
                pts.append([lon, lat])
            geom = {"type": "LineString", "coordinates": pts}
            props: dict = {"layer": "river", "rank": rnd.randint(5, 10)}
        elif k < 0.8:
            r = rnd.uniform(0.005, 0.03)
            ring = [
                [lon + r * 1.4 * math.cos(a / 10 * math.tau), lat + r * math.sin(a / 10 * math.tau)]
                for a in range(10)
            ]
            geom = {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
            props = {"layer": "lake", "rank": 10}
        else:
            geom = {"type": "Point", "coordinates": [lon, lat]}
            props = {"layer": "place", "name": f"Town {len(feats)}", "rank": rnd.randint(3, 10)}
        feats.append({"type": "Feature", "properties": props, "geometry": geom})
    return json.dumps({"type": "FeatureCollection", "features": feats}).encode()


@pytest.mark.timeout(600)
def test_a_50000_feature_basemap_opens_draws_and_keeps_every_extent(qtbot, tmp_path: Path) -> None:
    data = big_geojson()
    pkg = create_package(tmp_path / "big.storypkg")
    set_story(pkg, StoryFields(title="Big"))
    mid = add_map(pkg, kind="geo", name="Big", data=data, extent=BOX)
    add_chapter(pkg, "Middle", place=("Middle", 45.0, 80.0), map_id=mid)

    v = StoryMapView()
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.set_story_maps(pkg)
    v.show()
    qtbot.waitExposed(v)
    page = v.page
    assert page is not None and not page.error and page.projected is not None
    assert not page.projected.derived.features  # from the stored rows, not parsed again
    img = v.viewport().grab().toImage()
    colours = {img.pixelColor(x, y).name() for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    st = style.active()
    assert st.q("land").name() in colours or st.q("land_other").name() in colours
    assert any(_near(QColor(c), st.q("water")) for c in colours)  # lakes drawn
    assert v.marker_viewport_pos(1) is not None

    # the stored levels decode to paths covering what the features cover, per level
    fresh = derive(data, BOX)
    proj = page.projected
    for k, tol in enumerate(TOLERANCES):
        proj._ensure_lod(k)
        paths = [p for st in proj.styles.values() for (lv, _), p in st.cells.items() if lv == k]
        got = paths[0].boundingRect()
        for p in paths[1:]:
            got = got.united(p.boundingRect())
        drawn = [
            f
            for f in fresh.features
            if not tol or f.size >= tol * (2.0 if fresh.closed(f.group) else 1.0)
        ]
        xs = [p[0] for f in drawn for r in f.rings for p in r]
        ys = [p[1] for f in drawn for r in f.rings for p in r]
        slack = tol + 1.0
        assert abs(got.left() - min(xs)) <= slack and abs(got.right() - max(xs)) <= slack
        assert abs(got.top() - min(ys)) <= slack and abs(got.bottom() - max(ys)) <= slack
    assert assert_extents_kept(fresh) > 100_000
    pkg.close()


def _near(a: QColor, b: QColor, tol: int = 12) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tol
