"""International borders of a basemap: the edges two countries share, chained into lines.

Pure geometry over any countries that have a ``code`` and ``polygons`` (the
records of :mod:`story.maps.basemap`, which re-exports :func:`shared_borders`),
kept apart so the parser stays one readable module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

Point = tuple[float, float]  # (lon, lat)


class Country(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def polygons(self) -> tuple[tuple[tuple[Point, ...], ...], ...]: ...


def shared_borders(countries: Sequence[Country]) -> list[tuple[str, str, tuple[Point, ...]]]:
    """International borders: ring edges two countries share, chained into polylines.

    The region's coverage is clean (neighbours share identical vertices), so a
    border is exactly an edge found in two countries. Edges along the clipping
    box belong to one country only and are therefore not drawn as borders.
    Returns ``(code_a, code_b, points)`` once per border run.
    """

    def key(p: Point) -> tuple[int, int]:
        return (round(p[0] * 1e6), round(p[1] * 1e6))

    owners: dict[tuple[tuple[int, int], tuple[int, int]], set[int]] = {}
    for ci, c in enumerate(countries):
        for poly in c.polygons:
            for ring in poly:
                for a, b in zip(ring, ring[1:], strict=False):
                    ka, kb = key(a), key(b)
                    owners.setdefault((ka, kb) if ka <= kb else (kb, ka), set()).add(ci)
    runs: list[tuple[str, str, tuple[Point, ...]]] = []
    for ci, c in enumerate(countries):
        for poly in c.polygons:
            for ring in poly:
                current: list[Point] = []
                pair = -1
                for a, b in zip(ring, ring[1:], strict=False):
                    ka, kb = key(a), key(b)
                    others = owners.get((ka, kb) if ka <= kb else (kb, ka), set()) - {ci}
                    other = min(others) if others else -1
                    if current and other != pair:
                        runs.append((c.code, countries[pair].code, tuple(current)))
                        current = []
                    if other > ci:
                        if not current:
                            current = [a]
                        current.append(b)
                        pair = other
                if current:
                    runs.append((c.code, countries[pair].code, tuple(current)))
    return runs
