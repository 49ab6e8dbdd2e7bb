"""The library's schema: made from an empty database, upgraded from the previous version,
idempotent, and refused clearly where the database is not a library."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text

from story.library.connection import LibraryError, connected
from story.library.migrations import LIBRARY_VERSION, init_library, migrate
from story.library.versions import list_stories
from tests.library.conftest import Library


def _shape(engine: Engine) -> list[tuple[str, ...]]:
    with engine.connect() as conn:
        cols = conn.execute(
            text(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'public' ORDER BY 1, 2"
            )
        )
        grants = conn.execute(
            text(
                "SELECT table_name, grantee, privilege_type "
                "FROM information_schema.table_privileges "
                "WHERE grantee LIKE 'storyport_%' ORDER BY 1, 2, 3"
            )
        )
        return [tuple(r) for r in cols] + [tuple(r) for r in grants]


def test_init_from_empty_then_again_is_a_no_op(new_database: Callable[[], Library]) -> None:
    engine = new_database().engine()
    assert init_library(engine) == (0, LIBRARY_VERSION)
    shape = _shape(engine)
    assert init_library(engine) == (LIBRARY_VERSION, LIBRARY_VERSION)
    assert _shape(engine) == shape
    assert list_stories(engine) == []


def test_upgrade_from_the_previous_version(new_database: Callable[[], Library]) -> None:
    fresh = new_database().engine()
    init_library(fresh)
    old = new_database().engine()
    with connected(old, "test") as conn:
        assert migrate(conn, target=LIBRARY_VERSION - 1) == (0, LIBRARY_VERSION - 1)
    with pytest.raises(LibraryError, match="run `library init` to upgrade"):
        list_stories(old)
    assert init_library(old) == (LIBRARY_VERSION - 1, LIBRARY_VERSION)
    assert _shape(old) == _shape(fresh)


def test_a_database_that_is_not_a_library(new_database: Callable[[], Library]) -> None:
    engine = new_database().engine()
    with pytest.raises(LibraryError, match="is not a Storyport library"):
        list_stories(engine)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id int)"))
    with pytest.raises(LibraryError, match="not a Storyport library"):
        init_library(engine)
