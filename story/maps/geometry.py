"""A geographic map's geometry for drawing: the stored derived data, else derived now.

The map view asks :func:`basemap_geometry` once per geographic map it opens.
Stored derived geometry (``story.maps.derived``) is used when it is there, checks
and was made from this very GeoJSON (SHA-256) around the same centre; otherwise
the GeoJSON is parsed with every hostile-input check and derived in memory, and
kept for the next time this process opens the same map (an editor and its
preview, a reader reopening a story).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from story.errors import NotFoundError
from story.maps.derived import (
    DerivedBasemap,
    DerivedError,
    derive,
    fetch_level,
    load_stored,
    path_records,
    source_hash,
)
from story.maps.projection import Projection
from story.package.file import Package
from story.package.schema import MapRow

#: Maps derived in memory and kept for this process (each holds its levels once made).
CACHE_SIZE = 4
_cache: dict[tuple[str, tuple[float, ...] | None], DerivedBasemap] = {}


def basemap_geometry(
    pkg: Package, map_id: int, extent: Sequence[float] | None = None, *, name: str = ""
) -> DerivedBasemap:
    """Raises ``BasemapError`` (one line) for GeoJSON that cannot be drawn."""
    with pkg.session() as s:
        data = s.scalar(select(MapRow.data).where(MapRow.id == map_id))
        if data is None:
            raise NotFoundError(f"no map {map_id}")
        centre = None
        if extent:
            p = Projection.centred_on(extent)
            centre = (p.lon0, p.lat0)
        try:
            stored = load_stored(s, map_id, data, centre)
        except (DerivedError, SQLAlchemyError):
            stored = None  # none, damaged or stale: derived again below, from the GeoJSON
    if stored is not None:
        found = stored
        found.name = name or found.name
        found.fetch = lambda k: _stored_level(pkg, map_id, k, extent, found)
        return found
    return _derived_now(data, extent, name)


def _derived_now(data: bytes, extent: Sequence[float] | None, name: str) -> DerivedBasemap:
    key = (source_hash(data), tuple(extent) if extent else None)
    got = _cache.get(key)
    if got is None:
        got = derive(data, extent, name=name)
        while len(_cache) >= CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = got
    return got


def _stored_level(
    pkg: Package,
    map_id: int,
    k: int,
    extent: Sequence[float] | None,
    stored: DerivedBasemap,
) -> bytes:
    """Stored level ``k``, checked; one that is missing or does not check is derived again
    from the GeoJSON (the same groups, as the header checked against the same data)."""
    try:
        with pkg.session() as s:
            blob = fetch_level(s, map_id, k)
        path_records(blob, len(stored.groups), stored.grid**2)
        return blob
    except (DerivedError, SQLAlchemyError):
        with pkg.session() as s:
            data = s.scalar(select(MapRow.data).where(MapRow.id == map_id)) or b""
        fresh = _derived_now(data, extent, stored.name)
        if fresh.groups != stored.groups:
            return b""  # a header that lied about its groups: nothing drawn at this level
        return fresh.level(k)[0]
