"""Every editing action, undone with Ctrl+Z and redone with Ctrl+Shift+Z.

Each test does one thing through the editor's UI on a real package, then
checks through ``story.reading`` that undo puts the package back exactly as it
was and redo exactly as it was after the action.
"""

# ruff: noqa: F811  (fixtures are imported from test_editor_support by name)
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from media.importer import import_file
from story.editing import audio as audio_edits
from story.editing.chapters import add_chapter, chapter_id_at
from story.editing.maps import add_map
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.ids import MediaId
from story.maps.basemap import central_asia
from story.package.file import create_package, open_package
from story.reading import get_chapter, list_chapters, list_maps, list_media, story_info
from story.records import Chapter, MapInfo, MediaInfo, StoryInfo
from tests.ui.test_editor_support import (  # noqa: F401 - fixtures
    AUDIO,
    IMAGES,
    drop_data,
    drop_files,
    home,
    type_into,
    wait_import,
    window,
)

PackageState = tuple[
    StoryInfo, list[Chapter], list[MediaInfo], list[MapInfo], list[audio_edits.AudioEdit]
]


def package_state(pkg) -> PackageState:
    """Everything a reader or the validator can see, read back through story.reading."""
    chapters = [get_chapter(pkg, c.index) for c in list_chapters(pkg)]
    media = list_media(pkg)
    return (
        story_info(pkg),
        chapters,
        media,
        list_maps(pkg),
        [audio_edits.get_audio_edit(pkg, m.id) for m in media],
    )


@pytest.fixture
def story_file(home: Path) -> Path:
    path = home / "built.storypkg"
    pkg = create_package(path)
    set_story(pkg, StoryFields(title="Built", byline="Tests"))
    map_id = add_map(pkg, kind="geo", name="Central Asia", data=central_asia())
    add_chapter(pkg, "Alpha", body_md="First text.", place=("Khorgos", 44.21, 80.41), map_id=map_id)
    add_chapter(pkg, "Beta", body_md="Second text.")
    add_chapter(pkg, "Gamma", body_md="Third text.")
    for name in ("exif-orientation-1.jpg", "tiff-rgb.tif", "webp-alpha.webp"):
        mid = store_media(pkg, import_file(IMAGES / name), caption=f"About {name}")
        append_media(pkg, chapter_id_at(pkg, 1), mid)
    mid = store_media(pkg, import_file(AUDIO / "wav-pcm16-mono-48k.wav"))
    append_media(pkg, chapter_id_at(pkg, 2), mid)
    pkg.close()
    return path


@pytest.fixture
def win(qtbot, window, story_file: Path):
    assert window.open_path(story_file)
    window.activateWindow()
    return window


def undo_redo(qtbot, win, action: Callable[[], None]) -> tuple[PackageState, PackageState]:
    pkg = win.doc.pkg
    before = package_state(pkg)
    count = win.doc.stack.count()
    action()
    qtbot.waitUntil(
        lambda: win.doc.stack.count() > count or win.doc.stack.index() > count, timeout=30000
    )
    after = package_state(pkg)
    assert after != before, "the action changed nothing"
    assert win.isWindowModified()
    target = win.chapters.view
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert package_state(pkg) == before
    qtbot.keyClick(
        target,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert package_state(pkg) == after
    return before, after


def media_of(win, chapter: int) -> list[MediaId]:
    return [m.id for m in get_chapter(win.doc.pkg, chapter).media]


def audio_id(win) -> MediaId:
    return media_of(win, 2)[0]


# -- story ---------------------------------------------------------------------------------
def test_story_title(qtbot, win) -> None:
    win.show_tab(0)
    _, after = undo_redo(
        qtbot, win, lambda: type_into(qtbot, win.details.edits["title"], "Renamed")
    )
    assert after[0].title == "Renamed"
    assert win.details.edits["title"].text() == "Renamed"


def test_about_text(qtbot, win) -> None:
    win.show_tab(0)

    def act() -> None:
        type_into(qtbot, win.details.edits["about_md"], "About it")
        win.details.flush()

    undo_redo(qtbot, win, act)


def test_cover(qtbot, win) -> None:
    def act() -> None:
        win.show_media(media_of(win, 1)[0])
        qtbot.mouseClick(win.media.details.cover, Qt.MouseButton.LeftButton)

    _, after = undo_redo(qtbot, win, act)
    assert after[0].cover_media_id == media_of(win, 1)[0]


# -- chapters ------------------------------------------------------------------------------
def test_add_chapter(qtbot, win) -> None:
    win.chapters.select_row(0)
    _, after = undo_redo(
        qtbot, win, lambda: qtbot.mouseClick(win.chapters.buttons["add"], Qt.MouseButton.LeftButton)
    )
    assert [c.title for c in after[1]] == ["Alpha", "New chapter", "Beta", "Gamma"]


def test_duplicate_chapter(qtbot, win) -> None:
    win.chapters.select_row(0)
    _, after = undo_redo(
        qtbot,
        win,
        lambda: qtbot.mouseClick(win.chapters.buttons["duplicate"], Qt.MouseButton.LeftButton),
    )
    assert after[1][1].title == "Alpha (copy)"
    assert [m.id for m in after[1][1].media] == [m.id for m in after[1][0].media]
    assert after[1][1].place == after[1][0].place


def test_delete_chapter_with_media_and_place(qtbot, win) -> None:
    win.chapters.select_row(0)
    before, after = undo_redo(
        qtbot,
        win,
        lambda: qtbot.mouseClick(win.chapters.buttons["delete"], Qt.MouseButton.LeftButton),
    )
    assert [c.title for c in after[1]] == ["Beta", "Gamma"]
    assert before[1][0].place is not None  # and undo brought it back with its place and media


def test_rename_in_the_title_field(qtbot, win) -> None:
    win.chapters.select_row(1)
    _, after = undo_redo(qtbot, win, lambda: type_into(qtbot, win.editor.title, "Beta, renamed"))
    assert after[1][1].title == "Beta, renamed"
    assert win.chapters.model.data(win.chapters.model.index(1)) == "2.  Beta, renamed"


def test_chapter_date_field(qtbot, win) -> None:
    """Format 3: the chapter's date is a field, saved on Return, one undo step; a text that
    is not an ISO date is kept in the field with the reason and never saved."""
    win.chapters.select_row(1)
    field = win.editor.date
    assert field.isVisible() and field.text() == ""
    type_into(qtbot, field, "April 2016")
    assert "not a date" in field.error and get_chapter(win.doc.pkg, 2).date is None
    before, after = undo_redo(qtbot, win, lambda: type_into(qtbot, field, "2016-04"))
    assert (before[1][1].date, after[1][1].date) == (None, "2016-04")
    assert field.text() == "2016-04" and field.error == ""
    _, cleared = undo_redo(qtbot, win, lambda: type_into(qtbot, field, ""))
    assert cleared[1][1].date is None
    win.chapters.select_row(0)
    assert field.text() == ""


def test_rename_in_the_list(qtbot, win) -> None:
    def act() -> None:
        view = win.chapters.view
        view.setFocus()
        win.chapters.select_row(2)
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor, "Gamma!")
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    _, after = undo_redo(qtbot, win, act)
    assert after[1][2].title == "Gamma!"


def test_body_text(qtbot, win) -> None:
    win.chapters.select_row(1)

    def act() -> None:
        type_into(qtbot, win.editor.body, "New **body**")
        win.editor.flush()

    _, after = undo_redo(qtbot, win, act)
    assert after[1][1].body_md == "New **body**"


def test_reorder_by_drag_and_drop(qtbot, win) -> None:
    def act() -> None:
        view, model = win.chapters.view, win.chapters.model
        data = model.mimeData([model.index(0)])
        target = view.visualRect(model.index(2))
        pos = QPoint(target.center().x(), target.bottom() - 1)  # Gamma's lower edge: after it
        drop_data(view.viewport(), data, pos)

    _, after = undo_redo(qtbot, win, act)
    assert [c.title for c in after[1]] == ["Beta", "Gamma", "Alpha"]


def test_move_down_button(qtbot, win) -> None:
    win.chapters.select_row(0)
    _, after = undo_redo(
        qtbot,
        win,
        lambda: qtbot.mouseClick(win.chapters.buttons["down"], Qt.MouseButton.LeftButton),
    )
    assert [c.title for c in after[1]] == ["Beta", "Alpha", "Gamma"]


# -- a chapter's media ---------------------------------------------------------------------
def test_reorder_photos(qtbot, win) -> None:
    win.chapters.select_row(0)
    strip = win.editor.strip

    def act() -> None:
        strip.view.setCurrentIndex(strip.model.index(0))
        qtbot.mouseClick(strip.buttons["right"], Qt.MouseButton.LeftButton)

    before, after = undo_redo(qtbot, win, act)
    b, a = [m.id for m in before[1][0].media], [m.id for m in after[1][0].media]
    assert a == [b[1], b[0], b[2]]


def test_reorder_photos_by_drag(qtbot, win) -> None:
    win.chapters.select_row(0)
    strip = win.editor.strip

    def act() -> None:
        data = strip.model.mimeData([strip.model.index(2)])
        strip.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, strip.model.index(-1))

    before, after = undo_redo(qtbot, win, act)
    b = [m.id for m in before[1][0].media]
    assert [m.id for m in after[1][0].media] == [b[2], b[0], b[1]]


def test_remove_photo_from_chapter(qtbot, win) -> None:
    win.chapters.select_row(0)
    strip = win.editor.strip

    def act() -> None:
        strip.view.setCurrentIndex(strip.model.index(1))
        qtbot.mouseClick(strip.buttons["delete"], Qt.MouseButton.LeftButton)

    _, after = undo_redo(qtbot, win, act)
    assert len(after[1][0].media) == 2
    assert len(after[2]) == 4  # still in the library


def test_import_by_drop(qtbot, win) -> None:
    win.chapters.select_row(2)
    before, after = undo_redo(
        qtbot,
        win,
        lambda: drop_files(win.editor.strip.view.viewport(), [IMAGES / "exif-orientation-3.jpg"]),
    )
    assert len(after[2]) == len(before[2]) + 1
    assert len(after[1][2].media) == 1


def test_import_by_drop_on_the_library(qtbot, win) -> None:
    win.show_tab(2)
    view = win.media.view
    _, after = undo_redo(
        qtbot, win, lambda: drop_files(view.viewport(), [IMAGES / "exif-orientation-7.jpg"])
    )
    assert any(m.original_name == "exif-orientation-7.jpg" for m in after[2])
    assert win.media.model.rowCount() == len(after[2])


def test_delete_key_in_the_chapter_list(qtbot, win) -> None:
    win.chapters.select_row(2)
    win.chapters.view.setFocus()
    _, after = undo_redo(qtbot, win, lambda: qtbot.keyClick(win.chapters.view, Qt.Key.Key_Delete))
    assert [c.title for c in after[1]] == ["Alpha", "Beta"]


def test_import_into_library(qtbot, win) -> None:
    _, after = undo_redo(
        qtbot, win, lambda: win.imports.start([IMAGES / "exif-orientation-5.jpg"], None)
    )
    assert any(m.original_name == "exif-orientation-5.jpg" for m in after[2])


# -- media details ---------------------------------------------------------------------------
@pytest.mark.parametrize("field", ["caption", "credit", "alt", "licence"])
def test_media_fields(qtbot, win, field: str) -> None:
    mid = media_of(win, 1)[0]
    win.show_media(mid)
    _, after = undo_redo(
        qtbot, win, lambda: type_into(qtbot, win.media.details.edits[field], f"new {field}")
    )
    assert getattr(next(m for m in after[2] if m.id == mid), field) == f"new {field}"


def test_transcript(qtbot, win) -> None:
    win.show_media(audio_id(win))
    audio = win.media.details.audio
    assert audio.isVisible()

    def act() -> None:
        type_into(qtbot, audio.transcript, "Words spoken")
        audio.transcript_commit.flush()

    undo_redo(qtbot, win, act)


def test_trim_by_dragging_the_waveform_handle(qtbot, win) -> None:
    win.show_media(audio_id(win))
    wave = win.media.details.audio.wave

    def act() -> None:
        y = wave.height() // 2
        qtbot.mousePress(wave, Qt.MouseButton.LeftButton, pos=QPoint(1, y))
        qtbot.mouseMove(wave, QPoint(wave.width() // 4, y))
        qtbot.mouseRelease(wave, Qt.MouseButton.LeftButton, pos=QPoint(wave.width() // 4, y))

    _, after = undo_redo(qtbot, win, act)
    assert after[4][[m.id for m in after[2]].index(audio_id(win))].trim_start_s > 0


def test_fade_in_by_spin_box(qtbot, win) -> None:
    win.show_media(audio_id(win))
    spin = win.media.details.audio.spins["fade_in_s"]
    _, after = undo_redo(qtbot, win, lambda: spin.setValue(1.5))
    assert after[4][[m.id for m in after[2]].index(audio_id(win))].fade_in_s == 1.5


def test_replace_file_keeps_captions(qtbot, win) -> None:
    old = media_of(win, 1)[1]
    win.show_media(old)
    before, after = undo_redo(
        qtbot, win, lambda: win.imports.replace(old, IMAGES / "exif-orientation-8.jpg")
    )
    new = after[1][0].media[1]
    assert new.id != old and new.caption == before[1][0].media[1].caption
    assert win.media.details.media_id == new.id


def test_delete_from_library(qtbot, win) -> None:
    win.chapters.select_row(0)
    strip = win.editor.strip
    strip.view.setCurrentIndex(strip.model.index(0))
    gone = strip.model.ids()[0]
    strip.remove_current()
    win.show_media(gone)
    _, after = undo_redo(
        qtbot, win, lambda: qtbot.mouseClick(win.media.details.delete, Qt.MouseButton.LeftButton)
    )
    assert gone not in [m.id for m in after[2]]


# -- places -----------------------------------------------------------------------------------
def _map(qtbot, win):
    win.show_tab(3)
    qtbot.waitUntil(lambda: win.places.map.page is not None)
    return win.places.map


def test_place_by_clicking_the_map(qtbot, win) -> None:
    win.chapters.select_row(1)
    vp = _map(qtbot, win).viewport()
    _, after = undo_redo(
        qtbot,
        win,
        lambda: qtbot.mouseClick(
            vp, Qt.MouseButton.LeftButton, pos=QPoint(vp.width() // 3, vp.height() // 2)
        ),
    )
    assert after[1][1].place is not None


def test_move_place_by_dragging_its_marker(qtbot, win) -> None:
    win.chapters.select_row(0)
    m = _map(qtbot, win)
    start = m.marker_viewport_pos(1)
    assert start is not None
    end = start + QPoint(60, 40)

    def act() -> None:
        vp = m.viewport()
        qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
        for k in range(1, 6):
            qtbot.mouseMove(vp, start + (end - start) * (k / 5))
        qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)

    before, after = undo_redo(qtbot, win, act)
    moved, original = after[1][0].place, before[1][0].place
    assert moved is not None and original is not None
    assert moved.point[0] > original.point[0]  # east (lon)
    assert moved.point[1] < original.point[1]  # south (lat)


def test_place_by_searching_a_name(qtbot, win) -> None:
    win.chapters.select_row(2)
    _map(qtbot, win)
    name = sorted(win.places.names)[-1]

    def act() -> None:
        type_into(qtbot, win.places.search, name, finish=False)
        qtbot.keyClick(win.places.search, Qt.Key.Key_Return)

    _, after = undo_redo(qtbot, win, act)
    place = after[1][2].place
    assert place is not None
    assert place.name == name


def test_rename_and_clear_place(qtbot, win) -> None:
    win.chapters.select_row(0)
    _map(qtbot, win)
    _, after = undo_redo(qtbot, win, lambda: type_into(qtbot, win.places.name, "Khorgos Gateway"))
    place = after[1][0].place
    assert place is not None
    assert place.name == "Khorgos Gateway"
    _, after = undo_redo(
        qtbot, win, lambda: qtbot.mouseClick(win.places.clear, Qt.MouseButton.LeftButton)
    )
    assert after[1][0].place is None


def test_add_basemap(qtbot, home: Path, window) -> None:
    assert window.new_package(home / "empty.storypkg")
    window.show_tab(3)
    _, after = undo_redo(
        qtbot,
        window,
        lambda: qtbot.mouseClick(window.places.add_bundled, Qt.MouseButton.LeftButton),
    )
    assert [m.name for m in after[3]] == ["Central Asia"]


def test_clean_state_and_reopen(qtbot, win, story_file: Path) -> None:
    """Undo back to the start clears the modified mark; edits are on disk without any save."""
    win.chapters.select_row(0)
    type_into(qtbot, win.editor.title, "Saved as typed")
    assert win.isWindowModified()
    win.chapters.view.setFocus()
    qtbot.keyClick(win.chapters.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not win.isWindowModified()
    qtbot.keyClick(
        win.chapters.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    with open_package(story_file) as other:  # a second reader sees it at once
        assert list_chapters(other)[0].title == "Saved as typed"
