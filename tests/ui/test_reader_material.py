"""The reader with a curator's material, not the bundled illustrations (issue 13).

Portrait photos, a 30-photo chapter, long titles, no map and no cover picture:
each layout that broke with such material is checked on a real package,
built through the write API with real images made by Pillow.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from media.importer import import_file
from story.editing.chapters import add_chapter, chapter_id_at
from story.editing.maps import add_map
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.package.file import Package, create_package, open_package
from tests.fixtures.packages import image_item
from ui.reader.view import ReaderView

LONG_TITLE = (
    "The night the trucks stopped at the gate: drivers, customs officers and the "
    "women who sell tea at the crossing tell how a border town waits, and what it "
    "waits for when nothing moves at all"
)  # 200 characters
CAPTION = (
    "A customs officer checks the seals of a container at the gate at dusk, while "
    "the queue of trucks reaches back beyond the last warehouse."
)
ALT = "A long description of the picture for screen readers. " * 8  # ~440 characters


def photo(size: tuple[int, int], hue: int) -> bytes:
    """A real PNG with some structure (a gradient and a horizon), not a flat colour."""
    w, h = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(h):
        t = y / h
        draw.line(
            [(0, y), (w, y)], fill=(int(90 + 120 * t), int(60 + hue % 120), int(160 - 90 * t))
        )
    draw.rectangle([w // 5, h * 2 // 3, w * 4 // 5, h * 3 // 4], fill=(40, 44, 50))
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def make_material(path: Path, *, with_map: bool = False, audio: Path | None = None) -> Path:
    """Chapter 1: three portrait photos; 2: thirty photos; 3: a 200-character title.

    No cover picture; a map only with ``with_map``.
    """
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Border Tea", subtitle="Three days at a gate"))
        map_id = None
        if with_map:
            map_id = add_map(pkg, kind="geo", name="Map", data=b"{}", extent=(79, 43, 81, 45))
        place = ("Gate", 44.0, 80.0) if with_map else None
        add_chapter(pkg, "Portraits", body_md="Faces at the gate.", place=place, map_id=map_id)
        add_chapter(pkg, "Thirty photos", body_md="A day in photos.", place=place, map_id=map_id)
        add_chapter(pkg, LONG_TITLE, body_md="Waiting.", place=place, map_id=map_id)
        for n in range(3):
            data = photo((600, 900), 40 * n)
            mid = store_media(
                pkg, image_item(data, 600, 900), caption=CAPTION, alt=ALT, credit="A. Photographer"
            )
            append_media(pkg, chapter_id_at(pkg, 1), mid)
        for n in range(30):
            data = photo((480, 320), 7 * n)
            mid = store_media(
                pkg, image_item(data, 480, 320), caption=f"Photo number {n + 1}", alt=ALT
            )
            append_media(pkg, chapter_id_at(pkg, 2), mid)
        if audio is not None:
            title = "Evening at the gate: engines idling, a radio, and the call to prayer"
            mid = store_media(pkg, import_file(audio), caption=title, credit="Recorded by us")
            append_media(pkg, chapter_id_at(pkg, 3), mid)
    return path


@pytest.fixture
def material(tmp_path: Path) -> Iterator[Package]:
    pkg = open_package(make_material(tmp_path / "material.storypkg"))
    yield pkg
    pkg.close()


_windows: list[object] = []  # each test's window, kept alive until the next test


def open_reader(qtbot, pkg: Package, tmp_path: Path, monkeypatch, size=(800, 600)) -> ReaderView:
    """A shown reader window (photos decoded at once) on ``pkg``; returns its view."""
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    load_fonts()
    window = ReaderWindow(pkg, sync_images=True)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    _windows[:] = [window]
    view = window.view
    assert view is not None
    return view


def test_portrait_caption_is_measured_at_the_width_it_is_drawn(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    view = open_reader(qtbot, material, tmp_path, monkeypatch)
    view.show_chapter(1)
    QApplication.processEvents()
    gallery = view.chapter_page.gallery
    caption = gallery.caption
    assert caption.text() == CAPTION
    needed = caption.heightForWidth(caption.width())
    assert caption.height() >= needed  # every line of the caption fits, none cut
    assert caption.height() >= 2 * caption.fontMetrics().lineSpacing()
    photo_rect = gallery.photo.geometry()
    assert caption.geometry().top() >= photo_rect.bottom()  # under the photo, not over it
    assert gallery.credit.geometry().top() >= caption.geometry().bottom()
    view.shutdown()


def test_thirty_thumbnails_scroll_and_the_current_one_stays_in_view(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    view = open_reader(qtbot, material, tmp_path, monkeypatch)
    view.show_chapter(2)
    QApplication.processEvents()
    gallery = view.chapter_page.gallery
    strip = gallery.strip
    assert len(strip.buttons) == 30
    assert strip.geometry().right() <= gallery.width()  # the row stays inside the panel
    assert strip.horizontalScrollBar().maximum() > 0

    def visible(i: int) -> bool:
        button = strip.buttons[i]
        left = button.mapTo(strip.viewport(), QPoint(0, 0)).x()
        return left >= 0 and left + button.width() <= strip.viewport().width()

    assert visible(0) and not visible(29)
    for _ in range(29):
        qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    assert gallery.index == 29 and visible(29)

    gallery.show_index(0)
    assert visible(0)
    # The wheel (either direction) scrolls the row; then photo 30 is one click away.
    for _ in range(40):
        pos = QPointF(strip.viewport().rect().center())
        wheel = QWheelEvent(
            pos,
            QPointF(strip.viewport().mapToGlobal(pos.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(strip.viewport(), wheel)
    assert visible(29)
    last = strip.buttons[29]
    qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    assert gallery.index == 29
    assert gallery.caption.text() == "Photo number 30"
    view.show_chapter(1)  # three photos again: the row shrinks, nothing left to scroll
    assert strip.row.width() == strip.content_width()
    assert strip.horizontalScrollBar().maximum() == 0
    assert all(button.isVisible() for button in strip.buttons)
    view.shutdown()


def test_a_story_without_a_map_offers_none(qtbot, material, tmp_path, monkeypatch) -> None:
    view = open_reader(qtbot, material, tmp_path, monkeypatch)
    view.show_cover()
    assert not view.cover.map.isVisible()
    assert not view.topbar.map.isVisible()
    view.show_chapter(1)
    qtbot.keyClick(view, Qt.Key.Key_M)  # M does not lead to "This story has no map"
    assert view.stack.currentWidget() is view.chapter_page
    view.restore("map")
    assert view.stack.currentWidget() is not view.map_page or view.map_page is None
    view.shutdown()


def test_a_story_with_a_map_still_offers_it(qtbot, tmp_path, monkeypatch) -> None:
    pkg = open_package(make_material(tmp_path / "mapped.storypkg", with_map=True))
    view = open_reader(qtbot, pkg, tmp_path, monkeypatch)
    view.show_cover()
    assert view.cover.map.isVisible() and view.topbar.map.isVisible()
    view.shutdown()
    pkg.close()


def test_a_story_without_a_cover_picture_gets_a_typographic_cover(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    view = open_reader(qtbot, material, tmp_path, monkeypatch, size=(1280, 800))
    view.show_cover()
    QApplication.processEvents()
    shot = view.cover.grab().toImage()
    # Mostly light paper, not a near-black frame: sample a grid of points.
    levels = [
        shot.pixelColor(x * shot.width() // 10, y * shot.height() // 10).lightness()
        for x in range(1, 10)
        for y in range(1, 10)
    ]
    assert sorted(levels)[len(levels) // 2] > 200
    title = view.cover.title.palette().color(view.cover.title.foregroundRole())
    assert title.lightness() < 80  # dark type on the light paper
    assert view.cover.title.fontInfo().family() == "Noto Serif"  # not the style sheet's Inter
    view.shutdown()


def test_long_chapter_titles_wrap_inside_the_contents(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    view = open_reader(qtbot, material, tmp_path, monkeypatch)
    qtbot.keyClick(view, Qt.Key.Key_T)
    QApplication.processEvents()
    listing = view.toc.list
    assert not listing.horizontalScrollBar().isVisible()
    port = listing.viewport().width()
    row = listing.model().index(2, 0)
    rect = listing.visualRect(row)
    assert rect.left() >= 0 and rect.right() <= port  # nothing cut at the right edge
    text = str(row.data())
    assert text.endswith(LONG_TITLE)
    lines = listing.fontMetrics().horizontalAdvance(text) // port + 1
    assert rect.height() >= lines * listing.fontMetrics().lineSpacing()  # every line shown
    view.shutdown()


def test_the_sound_title_is_whole_beside_a_long_waveform(
    qtbot, tmp_path, monkeypatch, shared_media
) -> None:
    audio = shared_media / "audio" / "wav-pcm16-mono-48k.wav"
    pkg = open_package(make_material(tmp_path / "sound.storypkg", audio=audio))
    view = open_reader(qtbot, pkg, tmp_path, monkeypatch, size=(1400, 800))
    view.show_chapter(3)
    QApplication.processEvents()
    bar = view.audio
    full = bar.title.accessibleName()
    assert full.startswith("Evening at the gate")
    assert bar.title.text() == full  # room enough: not elided
    assert bar.seek.width() >= 600
    view.window().resize(800, 600)  # short of room: elided, whole in the tooltip
    QApplication.processEvents()
    assert bar.title.text() != full and bar.title.toolTip() == full
    assert bar.seek.width() >= 200
    view.shutdown()
    pkg.close()


def test_a_long_chapter_title_is_set_smaller_with_display_leading(qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    from ui.reader.text import render_markdown
    from ui.theme import Palette, load_fonts

    load_fonts()
    doc = QTextDocument()
    render_markdown(doc, "Waiting.", Palette(), title=LONG_TITLE, scale=1.0)
    block = doc.begin()
    assert block.text() == LONG_TITLE
    size = block.begin().fragment().charFormat().font().pixelSize()
    assert size == 28  # 34 px for titles up to 90 characters
    assert block.blockFormat().lineHeight() <= 1.25 * size  # about 1.15, not the font's 1.5


def test_a_drag_on_the_thumbnails_scrolls_them_without_choosing_one(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    view = open_reader(qtbot, material, tmp_path, monkeypatch)
    view.show_chapter(2)
    QApplication.processEvents()
    gallery = view.chapter_page.gallery
    strip = gallery.strip
    bar = strip.horizontalScrollBar()
    assert bar.value() == 0
    button = strip.buttons[3]
    start = button.rect().center()
    qtbot.mousePress(button, Qt.MouseButton.LeftButton, pos=start)
    for dx in (10, 60, 120, 200):
        qtbot.mouseMove(button, start - QPoint(dx, 0))
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton, pos=start - QPoint(200, 0))
    assert bar.value() >= 150  # the row followed the pointer
    assert gallery.index == 0  # a drag is not a click on photo 4
    qtbot.mouseClick(strip.buttons[5], Qt.MouseButton.LeftButton)  # clicks still choose
    assert gallery.index == 5
    view.shutdown()


def test_the_first_paint_of_a_story_without_a_map_offers_none(
    qtbot, material, tmp_path, monkeypatch
) -> None:
    from ui.reader import snapshot
    from ui.reader.first_paint import FirstPaint

    view = open_reader(qtbot, material, tmp_path, monkeypatch)
    first = snapshot.CoverSnapshot(
        info=view.info, first_title="Portraits", chapters=3, credit="", image=None, has_map=False
    )
    snapshot.save(material.path, first, None)
    loaded = snapshot.load(material.path)
    assert loaded is not None and loaded.has_map is False
    shell = FirstPaint(loaded)
    qtbot.addWidget(shell)
    shell.resize(800, 600)
    shell.show()
    assert not shell.cover.map.isVisible() and not shell.topbar.map.isVisible()
    assert shell.cover.plain is not None and shell.cover.plain.isVisible()  # typographic
    view.shutdown()


def test_a_long_story_title_does_not_widen_the_window(tmp_path: Path) -> None:
    """At 800 px a 200-character title once pushed the reader to 1,400 px; now it is cut."""
    import os
    import subprocess
    import sys

    title = "Қорғас · خورغوس: " + "a very long title about the dry port at the border " * 4
    pkg_path = tmp_path / "long.storypkg"
    with create_package(pkg_path) as pkg:
        set_story(pkg, StoryFields(title=title, language="kk"))
        add_chapter(pkg, "One", body_md="Text.")
    shot = tmp_path / "shot.png"
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(root / "main.py"), "read", str(pkg_path), "--chapter", "1"]
        + ["--screenshot", str(shot), "--size", "800x600"],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "STORYPORT_HOME": str(tmp_path / "home")},
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    assert Image.open(shot).size == (800, 600)
