"""The package schema's shape as plain data, for the open-time checks.

``story.package.guard`` and ``story.package.text_checks`` compare a stranger's
file with the tables Storyport writes. They used to read that from the ORM
classes in ``story.package.schema``, which made every open import SQLAlchemy
(~50 MB and a quarter of a second) before the reader could paint a chapter.
This module says the same in plain tuples; ``tests/story/test_package_shape.py``
checks that it is exactly what ``schema.py`` declares, so the two cannot drift.
"""

from __future__ import annotations

from typing import NamedTuple

from story.package.version import SCHEMA_VERSION

__all__ = ["INDEXES", "SCHEMA_VERSION", "TABLES", "Column", "Table"]


class Column(NamedTuple):
    name: str
    since: int  # the format version that added it
    nullable: bool
    text: bool  # a TEXT column (its values are checked as UTF-8)


class Table(NamedTuple):
    since: int
    columns: tuple[Column, ...]


def _t(since: int, *cols: tuple[str, int, bool, bool]) -> Table:
    return Table(since, tuple(Column(*c) for c in cols))


N, NN = True, False  # nullable, not null
TXT, NUM = True, False

TABLES: dict[str, Table] = {
    "meta": _t(1, ("key", 1, NN, TXT), ("value", 1, NN, TXT)),
    "story": _t(
        1,
        ("id", 1, NN, NUM),
        ("title", 1, NN, TXT),
        ("subtitle", 1, NN, TXT),
        ("byline", 1, NN, TXT),
        ("published", 1, NN, TXT),
        ("language", 1, NN, TXT),
        ("about_md", 1, NN, TXT),
        ("cover_media_id", 1, N, TXT),
        ("theme_json", 1, NN, TXT),
    ),
    "maps": _t(
        1,
        ("id", 1, NN, NUM),
        ("position", 1, NN, NUM),
        ("kind", 1, NN, TXT),
        ("name", 1, NN, TXT),
        ("data", 1, NN, NUM),
        ("attribution", 1, NN, TXT),
        ("extent_json", 1, NN, TXT),
    ),
    "places": _t(
        1,
        ("id", 1, NN, NUM),
        ("name", 1, NN, TXT),
        ("lat", 1, N, NUM),
        ("lon", 1, N, NUM),
        ("x", 3, N, NUM),
        ("y", 3, N, NUM),
        ("map_id", 1, N, NUM),
    ),
    "chapters": _t(
        1,
        ("id", 1, NN, NUM),
        ("position", 1, NN, NUM),
        ("title", 1, NN, TXT),
        ("summary", 1, NN, TXT),
        ("body_md", 1, NN, TXT),
        ("place_id", 1, N, NUM),
        ("date", 3, N, TXT),
    ),
    "media": _t(
        1,
        ("id", 1, NN, TXT),
        ("kind", 1, NN, TXT),
        ("mime", 1, NN, TXT),
        ("bytes", 1, NN, NUM),
        ("width", 1, N, NUM),
        ("height", 1, N, NUM),
        ("duration_s", 1, N, NUM),
        ("caption", 1, NN, TXT),
        ("credit", 1, NN, TXT),
        ("alt", 1, NN, TXT),
        ("licence", 1, NN, TXT),
        ("transcript", 1, NN, TXT),
        ("original_name", 1, NN, TXT),
        ("removed_metadata_json", 1, NN, TXT),
        ("data", 1, NN, NUM),
    ),
    "chapter_media": _t(
        1, ("chapter_id", 1, NN, NUM), ("position", 1, NN, NUM), ("media_id", 1, NN, TXT)
    ),
    "renditions": _t(
        1,
        ("media_id", 1, NN, TXT),
        ("name", 1, NN, TXT),
        ("mime", 1, NN, TXT),
        ("data", 1, NN, NUM),
    ),
    "map_tiles": _t(
        2,
        ("map_id", 1, NN, NUM),
        ("level", 1, NN, NUM),
        ("col", 1, NN, NUM),
        ("row", 1, NN, NUM),
        ("data", 1, NN, NUM),
    ),
    "translations": _t(
        4,
        ("language", 1, NN, TXT),
        ("kind", 1, NN, TXT),
        ("item_id", 1, NN, TXT),
        ("field", 1, NN, TXT),
        ("text", 1, NN, TXT),
        ("source_hash", 1, NN, TXT),
    ),
}

#: Every index Storyport creates (SQLite's own ``sqlite_autoindex_*`` aside).
INDEXES = frozenset({"ix_chapter_media_media_id", "ix_chapters_position"})
