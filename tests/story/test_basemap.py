"""The basemap parser: the regional data parses; broken or hostile GeoJSON is refused clearly."""

from __future__ import annotations

import json
import math

import pytest

from story.maps import basemap as bm
from story.maps.basemap import (
    BasemapError,
    Projection,
    distance_m,
    format_distance,
    nice_scale_length,
    parse_basemap,
    shared_borders,
)
from tests.conftest import SHARED

REGION = SHARED / "data" / "khorgos-region.geojson"


def fc(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def point(lon: float, lat: float, **props: object) -> dict:
    return {
        "type": "Feature",
        "properties": {"layer": "place", **props},
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
    }


@pytest.fixture(scope="module")
def region() -> bm.Basemap:
    if not REGION.is_file():
        pytest.skip("shared regional basemap not present")
    return parse_basemap(REGION.read_bytes())


def test_regional_basemap_parses_into_layers(region: bm.Basemap) -> None:
    assert len(region.countries) == 7
    assert len(region.lakes) == 34
    assert len(region.rivers) == 125
    assert len(region.places) == 68
    assert region.bbox == (70.0, 40.0, 90.0, 50.0)
    assert region.extents["inset_khorgos"] == (79.5, 43.6, 81.5, 44.8)
    almaty = next(p for p in region.places if p.name == "Almaty")
    assert almaty.key and almaty.cc == "KZ" and almaty.names["name_ru"] == "Алматы"
    altynkol = next(p for p in region.places if p.name == "Altynkol")
    assert altynkol.approx


def test_kz_cn_border_is_found_and_box_edges_are_not_borders(region: bm.Basemap) -> None:
    runs = shared_borders(region.countries)
    pairs = {frozenset((a, b)) for a, b, _ in runs}
    assert frozenset(("KZ", "CN")) in pairs
    kz_cn = [pts for a, b, pts in runs if {a, b} == {"KZ", "CN"}]
    # Khorgos (KZ, 80.385 E) lies west of the border at its latitude, Horgos (CN) east of it
    near = [p for pts in kz_cn for p in pts if abs(p[1] - 44.21) < 0.03]
    assert near and min(p[0] for p in near) > 80.385
    for _a, _b, pts in runs:  # no border runs along the clipping box
        assert not all(p[0] in (70.0, 90.0) for p in pts)
        assert not all(p[1] in (40.0, 50.0) for p in pts)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"{not json", "not valid JSON"),
        (b"[1, 2, 3]", "not a GeoJSON object"),
        (b'{"type": "Topology"}', "not a GeoJSON FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": {}}', "not a list"),
        (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        (fc(point(200, 10)), "outside lon -180..180"),
        (fc(point(10, -95)), "outside lon -180..180"),
        (
            b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
            b'"geometry":{"type":"Point","coordinates":[NaN, 1]}}]}',
            "not a finite number",
        ),
        (
            fc(point(1, 2) | {"geometry": {"type": "Point", "coordinates": ["1", 2]}}),
            "not a [lon, lat] pair",
        ),
        (
            fc(
                {
                    "type": "Feature",
                    "properties": {},
                    "geometry": {"type": "LineString", "coordinates": [[1, 2]]},
                }
            ),
            "at least 2",
        ),
        (
            fc(
                {
                    "type": "Feature",
                    "properties": {},
                    "geometry": {"type": "Circle", "coordinates": [1, 2]},
                }
            ),
            "unsupported geometry",
        ),
        (fc({"type": "Feature", "properties": [], "geometry": None}), "no features"),
        (fc(), "no features with coordinates"),
        (fc({"type": "Nope"}), "is not a GeoJSON Feature"),
    ],
)
def test_bad_geojson_is_refused_with_a_clear_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BasemapError) as err:
        parse_basemap(data)
    msg = str(err.value)
    assert reason in msg
    assert msg.startswith("basemap") and "\n" not in msg and len(msg) < 200


def test_size_feature_and_point_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bm, "MAX_BYTES", 1000)
    with pytest.raises(BasemapError, match="the limit is 1,000"):
        parse_basemap(b" " * 1001)
    monkeypatch.setattr(bm, "MAX_BYTES", 64 * 1024 * 1024)
    monkeypatch.setattr(bm, "MAX_FEATURES", 3)
    with pytest.raises(BasemapError, match="4 features"):
        parse_basemap(fc(*[point(1, 1)] * 4))
    monkeypatch.setattr(bm, "MAX_FEATURES", 100)
    monkeypatch.setattr(bm, "MAX_POINTS", 5)
    line = {
        "type": "Feature",
        "properties": {"layer": "river"},
        "geometry": {"type": "LineString", "coordinates": [[1, 1]] * 6},
    }
    with pytest.raises(BasemapError, match="too large to draw"):
        parse_basemap(fc(line))


def test_story_lines_and_unlayered_features_are_classified() -> None:
    line = {
        "type": "Feature",
        "properties": {"layer": "story_line", "name": "Rail", "approx": True, "style": "rail"},
        "geometry": {"type": "LineString", "coordinates": [[1, 1], [2, 2]]},
    }
    poly = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
    }
    got = parse_basemap(fc(line, poly, point(0.5, 0.5, name="X", rank=3)))
    assert got.lines[0].approx and got.lines[0].style == "rail" and got.lines[0].name == "Rail"
    assert got.countries[0].layer == "land"
    assert got.places[0].rank == 3


def test_projection_round_trip_and_scale() -> None:
    proj = Projection.centred_on((76.5, 42.8, 82.0, 45.2))
    assert proj.forward(proj.lon0, proj.lat0) == pytest.approx((0.0, 0.0), abs=1e-6)
    for lon, lat in [(76.9, 43.3), (80.3, 44.2), (87.6, 43.8)]:
        x, y = proj.forward(lon, lat)
        assert proj.inverse(x, y) == pytest.approx((lon, lat), abs=1e-9)
    # near the centre projected distances are true distances (within 0.5%)
    a, b = (79.0, 44.0), (80.0, 44.2)
    pa, pb = proj.forward(*a), proj.forward(*b)
    assert math.dist(pa, pb) == pytest.approx(distance_m(a, b), rel=5e-3)
    x_east, y_east = proj.forward(proj.lon0 + 1, proj.lat0)
    assert x_east > 0 and abs(y_east) < 2000  # east is +x, north is +y
    assert proj.forward(proj.lon0, proj.lat0 + 1)[1] > 0


def test_scale_bar_lengths() -> None:
    assert nice_scale_length(43_000) == 20_000
    assert nice_scale_length(99) == 50
    assert nice_scale_length(1_000) == 1_000
    assert format_distance(20_000) == "20 km" and format_distance(500) == "500 m"
