"""The plain schema description the open checks use is exactly what schema.py declares."""

from __future__ import annotations

from story.package import shape
from story.package.schema import Base, table_since


def test_shape_is_the_orm_schema() -> None:
    declared = {
        name: (
            table_since(t),
            tuple(
                (c.name, int(c.info.get("since", 1)), bool(c.nullable), c.type.python_type is str)
                for c in t.columns
            ),
        )
        for name, t in Base.metadata.tables.items()
    }
    plain = {
        name: (t.since, tuple(tuple(c) for c in t.columns)) for name, t in shape.TABLES.items()
    }
    assert plain == declared
    indexes = {str(ix.name) for t in Base.metadata.tables.values() for ix in t.indexes}
    assert shape.INDEXES == indexes
