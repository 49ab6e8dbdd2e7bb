"""A basemap's derived geometry: stored when the map is added, used only while it matches and
checks; stale, damaged or hostile rows are ignored and the geometry derived again."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from story.editing.maps import add_map
from story.maps.derived import (
    HEADER_LEVEL,
    TOLERANCES,
    DerivedError,
    derive,
    encode_level,
    path_records,
    simplify,
)
from story.maps.geometry import basemap_geometry
from story.package.file import create_package, open_package
from story.package.schema import MapRow, MapTileRow
from tests.conftest import SHARED

REGION = SHARED / "data" / "khorgos-region.geojson"
EXTENT = (76.5, 42.8, 82.0, 45.2)


@pytest.fixture
def region_pkg(tmp_path: Path):
    if not REGION.is_file():
        pytest.skip("shared regional basemap not present")
    pkg = create_package(tmp_path / "r.storypkg")
    mid = add_map(pkg, kind="geo", name="Region", data=REGION.read_bytes(), extent=EXTENT)
    yield pkg, mid
    pkg.close()


def _levels(pkg, mid) -> dict[int, bytes]:
    with pkg.session() as s:
        rows = s.execute(select(MapTileRow.level, MapTileRow.data).where(MapTileRow.map_id == mid))
        return {lv: data for lv, data in rows}


def test_adding_a_basemap_stores_its_derived_geometry_and_opening_uses_it(region_pkg) -> None:
    pkg, mid = region_pkg
    rows = _levels(pkg, mid)
    assert sorted(rows) == [HEADER_LEVEL, *range(len(TOLERANCES))]
    got = basemap_geometry(pkg, mid, EXTENT, name="Region")
    assert not got.features  # read from the package, not derived again
    fresh = derive(REGION.read_bytes(), EXTENT)
    assert got.groups == fresh.groups and got.rect == fresh.rect
    assert got.labels == fresh.labels and any(a.text == "Almaty" for a in got.labels)
    for k in range(len(TOLERANCES)):
        blob, records = got.level(k)
        assert blob == encode_level(fresh, k) and records
    assert got.level(0)[0] != got.level(len(TOLERANCES) - 1)[0]  # coarser levels are smaller


def test_a_picture_map_or_bad_geojson_gets_no_derived_rows(tmp_path: Path) -> None:
    with create_package(tmp_path / "b.storypkg") as pkg:
        mid = add_map(pkg, kind="geo", name="Broken", data=b"{}", extent=EXTENT)
        assert _levels(pkg, mid) == {}


@pytest.mark.parametrize(
    "damage",
    ["header garbage", "header of other data", "level garbage", "level hostile", "level missing"],
)
def test_stale_or_damaged_derived_rows_are_derived_again(region_pkg, damage: str) -> None:
    pkg, mid = region_pkg
    fresh = derive(REGION.read_bytes(), EXTENT)
    level = 1
    with pkg.session(write=True) as s:
        where = (MapTileRow.map_id == mid, MapTileRow.level == level)
        if damage == "header garbage":
            where = (MapTileRow.map_id == mid, MapTileRow.level == HEADER_LEVEL)
            s.execute(update(MapTileRow).where(*where).values(data=b"\x00garbage"))
        elif damage == "header of other data":
            # the GeoJSON changed under its derived rows (another tool edited the package)
            s.execute(
                update(MapRow).where(MapRow.id == mid).values(data=REGION.read_bytes() + b" ")
            )
        elif damage == "level garbage":
            s.execute(update(MapTileRow).where(*where).values(data=zlib.compress(b"\x00" * 50)))
        elif damage == "level hostile":  # a path element Qt would not expect (a curve)
            blob = bytearray(encode_level(fresh, level))
            blob[12 + 20 + 3] = 2
            s.execute(update(MapTileRow).where(*where).values(data=zlib.compress(bytes(blob))))
        else:
            s.execute(delete(MapTileRow).where(*where))
    got = basemap_geometry(pkg, mid, EXTENT)
    assert got.groups == fresh.groups and got.labels == fresh.labels
    for k in range(len(TOLERANCES)):
        assert got.level(k)[0] == encode_level(fresh, k)


def test_path_records_refuse_what_is_not_a_path() -> None:
    ok = struct.pack(">iiiiddiddii", 0, 5, 2, 0, 1.0, 2.0, 1, 3.0, 4.0, 0, 0)
    assert path_records(ok, 1, 144) == [(0, 5)]
    for bad in (
        ok[:-1],  # cut short
        struct.pack(">iiiiddiddii", 3, 5, 2, 0, 1.0, 2.0, 1, 3.0, 4.0, 0, 0),  # no group 3
        struct.pack(">iiiiddiddii", 0, 500, 2, 0, 1.0, 2.0, 1, 3.0, 4.0, 0, 0),  # no such cell
        struct.pack(">iiiiddiddii", 0, 5, 2**30, 0, 1.0, 2.0, 1, 3.0, 4.0, 0, 0),  # huge count
        struct.pack(">iiiiddiddii", 0, 5, 2, 1, 1.0, 2.0, 1, 3.0, 4.0, 0, 0),  # starts mid-line
        struct.pack(">iiiiddiddii", 0, 5, 2, 0, 1.0, 2.0, 7, 3.0, 4.0, 0, 0),  # unknown element
        struct.pack(">iiiiddiddii", 0, 5, 2, 0, 1.0, 2.0, 1, 3.0, 4.0, 1, 0),  # last start wrong
        struct.pack(">iiiiddiddii", 0, 5, 2, 0, 1.0, 2.0, 1, 3.0, 4.0, 0, 9),  # fill rule
    ):
        with pytest.raises(DerivedError):
            path_records(bad, 1, 144)


def test_simplified_features_keep_their_extent_within_the_tolerance() -> None:
    if not REGION.is_file():
        pytest.skip("shared regional basemap not present")
    d = derive(REGION.read_bytes(), EXTENT)
    assert_extents_kept(d)


def assert_extents_kept(d) -> int:
    """Every feature drawn at a level keeps its extent there to within the level's tolerance
    (plus the half metre of rounding); returns how many feature-levels were checked."""
    checked = 0
    for tol in TOLERANCES:
        for f in d.features:
            closed = d.closed(f.group)
            if tol and f.size < tol * (2.0 if closed else 1.0):
                continue
            for ring in f.rings:
                kept = simplify(ring, tol, closed)
                if not kept:
                    continue
                for axis in (0, 1):
                    lo = min(p[axis] for p in ring)
                    hi = max(p[axis] for p in ring)
                    assert min(p[axis] for p in kept) - lo <= tol + 0.5
                    assert hi - max(p[axis] for p in kept) <= tol + 0.5
                checked += 1
    return checked


def test_open_read_only_uses_the_stored_rows(region_pkg, tmp_path: Path) -> None:
    pkg, mid = region_pkg
    path = pkg.path
    pkg.close()
    with open_package(path, readonly=True) as ro:
        got = basemap_geometry(ro, mid, EXTENT)
        assert not got.features and got.level(2)[1]
