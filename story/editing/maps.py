"""Maps: adding a basemap or picture map, and removing one (the undo of adding it).

Kept apart from chapters and media because a map is its own row that places
point at; ``story.maps`` draws and reads them, this module only writes.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, func, select, update

from story.editing import writable
from story.ids import MapId
from story.maps.derived import store_derived
from story.package.file import Package
from story.package.schema import MapRow, PlaceRow


def add_map(
    pkg: Package,
    *,
    kind: str,
    name: str,
    data: bytes,
    attribution: str = "",
    extent: tuple[float, float, float, float] | None = None,
) -> MapId:
    writable(pkg)
    with pkg.session(write=True) as s:
        count = s.scalar(select(func.count()).select_from(MapRow)) or 0
        row = MapRow(
            position=count,
            kind=kind,
            name=name,
            data=data,
            attribution=attribution,
            extent_json=json.dumps(list(extent)) if extent else "",
        )
        s.add(row)
        s.flush()
        if kind == "geo":  # projected and simplified once, so opening the map is quick
            store_derived(s, row.id, data, extent)
        return MapId(row.id)


def remove_map(pkg: Package, map_id: MapId) -> None:
    """Remove a map (places on it lose their map), the undo of adding one."""
    writable(pkg)
    with pkg.session(write=True) as s:
        s.execute(update(PlaceRow).where(PlaceRow.map_id == map_id).values(map_id=None))
        s.execute(delete(MapRow).where(MapRow.id == map_id))
