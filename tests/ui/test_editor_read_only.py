"""A package on a read-only mount opened for editing: read it, or edit a copy saved elsewhere."""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

from pathlib import Path

from story.reading import list_chapters
from tests.fixtures.packages import make_package
from tests.story.test_read_only_media import read_only_mount
from tests.ui.test_editor_support import home, window  # noqa: F401 - fixtures
from ui.editor.read_only_offer import Choice, folder_writable


def folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}


def test_read_only_mount_offers_reading_it(qtbot, window, home: Path) -> None:
    stick = home / "stick"
    stick.mkdir()
    make_package(stick / "s.storypkg", wal=True)
    before = folder(stick)
    with read_only_mount(stick, home / "mnt") as mnt:
        path = mnt / "s.storypkg"
        assert not folder_writable(path)
        assert not window.open_path(path)
        offer = window.opening.offer
        assert offer is not None
        qtbot.waitUntil(offer.isVisible, timeout=5000)
        assert "cannot be edited where it is" in offer.text()
        offer.choose(Choice.READ)
        assert window.doc is not None and window.doc.readonly
        assert [c.title for c in list_chapters(window.doc.pkg)] == ["Chapter 1", "Chapter 2"]
        assert window.banner.isVisible()
        window.close_document()
    assert folder(stick) == before


def test_read_only_mount_offers_editing_a_copy(qtbot, window, home: Path) -> None:
    stick = home / "stick"
    stick.mkdir()
    make_package(stick / "s.storypkg", wal=True)
    before = folder(stick)
    copy = home / "copy.storypkg"
    with read_only_mount(stick, home / "mnt") as mnt:
        path = mnt / "s.storypkg"
        assert not window.open_path(path)
        assert window.opening.offer is not None
        window.opening.offer.close()
        assert window.opening.decide(path, Choice.EDIT_COPY, copy_to=copy)
        qtbot.waitUntil(lambda: window.doc is not None and window.doc.path == copy, timeout=20000)
        assert window.doc is not None and not window.doc.readonly
        window.chapters.add()
        qtbot.waitUntil(lambda: len(list_chapters(window.doc.pkg)) == 3, timeout=10000)
        window.close_document()
    assert folder(stick) == before
    assert copy.is_file()
