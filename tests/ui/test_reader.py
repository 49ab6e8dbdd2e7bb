"""The reader driven as a person would: keys, clicks, sound, and what is on screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.conftest import ROOT


def shown_title(window) -> str:
    """The chapter title as the reader sees it: the third line of the text column."""
    text = window.chapter_page.text.toPlainText().splitlines()
    return text[1] if len(text) > 1 else ""


def test_cover_shows_title_and_start_opens_chapter_one(qtbot, reader) -> None:
    assert reader.stack.currentWidget() is reader.cover
    assert reader.cover.title.text() == reader.info.title
    qtbot.mouseClick(reader.cover.start, Qt.MouseButton.LeftButton)
    assert reader.stack.currentWidget() is reader.chapter_page
    assert shown_title(reader) == reader.chapters[0].title


def test_keyboard_moves_through_every_chapter(qtbot, reader) -> None:
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    seen = [shown_title(reader)]
    for _ in range(len(reader.chapters) - 1):
        qtbot.keyClick(reader, Qt.Key.Key_Right)
        seen.append(shown_title(reader))
    assert seen == [c.title for c in reader.chapters]
    assert reader.topbar.where.text() == f"{len(reader.chapters)} / {len(reader.chapters)}"
    qtbot.keyClick(reader, Qt.Key.Key_Home)
    assert shown_title(reader) == reader.chapters[0].title
    qtbot.keyClick(reader, Qt.Key.Key_End)
    assert shown_title(reader) == reader.chapters[-1].title
    if len(reader.chapters) > 1:
        qtbot.keyClick(reader, Qt.Key.Key_P)
        assert shown_title(reader) == reader.chapters[-2].title


def test_table_of_contents_opens_a_chapter(qtbot, reader) -> None:
    qtbot.keyClick(reader, Qt.Key.Key_T)
    assert reader.toc.isVisible()
    last = len(reader.chapters)
    view = reader.toc.list
    rect = view.visualRect(view.model().index(last - 1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown_title(reader) == reader.chapters[-1].title
    qtbot.keyClick(reader, Qt.Key.Key_Escape)
    assert not reader.toc.isVisible()


def test_gallery_shows_photos_with_caption_and_credit(qtbot, reader) -> None:
    reader.show_chapter(1)
    chapter = reader.chapter(1)
    gallery = reader.chapter_page.gallery
    qtbot.waitUntil(lambda: gallery.photo.has_image(), timeout=5000)
    assert gallery.caption.text() == chapter.images[0].caption
    assert chapter.images[0].credit in gallery.credit.text()
    if len(chapter.images) > 1:
        qtbot.keyClick(reader, Qt.Key.Key_BracketRight)
        assert gallery.caption.text() == chapter.images[1].caption


def test_full_screen_photo_opens_and_escape_closes(qtbot, reader) -> None:
    reader.show_chapter(1)
    qtbot.keyClick(reader, Qt.Key.Key_F)
    qtbot.waitUntil(lambda: reader.viewer.isVisible(), timeout=3000)
    assert reader.chapter(1).images[0].caption in reader.viewer.caption.text()
    qtbot.keyClick(reader.viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not reader.viewer.isVisible(), timeout=3000)


def test_audio_plays_and_position_advances(qtbot, reader) -> None:
    qtbot.keyClick(reader, Qt.Key.Key_A)  # sounds do not start by themselves: K plays
    reader.show_chapter(1)
    assert reader.audio.isVisible()
    qtbot.wait(300)
    assert not reader.audio.is_playing()
    qtbot.keyClick(reader, Qt.Key.Key_K)
    qtbot.waitUntil(reader.audio.is_playing, timeout=5000)
    qtbot.waitUntil(lambda: reader.audio.position() > 400, timeout=8000)
    assert reader.audio.seek.value() > 0
    qtbot.keyClick(reader, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: not reader.audio.is_playing(), timeout=3000)


def test_reader_remembers_last_chapter_and_visited(qtbot, reader, reader_pkg) -> None:
    from ui.reader.window import ReaderWindow

    target = min(3, len(reader.chapters))
    reader.show_chapter(1)
    reader.show_chapter(target)
    reader.window().close()
    window = ReaderWindow(reader_pkg)
    qtbot.addWidget(window)
    again = window.view
    assert again is not None
    again.restore(again.memory.last_view)
    assert again.current == target
    assert {1, target} <= again.visited
    assert shown_title(again) == reader.chapters[target - 1].title


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STORYPORT_HOME=str(home))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def test_screenshot_writes_a_picture_that_is_not_blank(
    tmp_path: Path, bundled_package: Path
) -> None:
    out = tmp_path / "shot.png"
    result = _run(
        "read", str(bundled_package), "--chapter", "1", "--screenshot", str(out), home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    small = image.scaled(64, 40)
    colours = {small.pixel(x, y) for x in range(64) for y in range(40)}
    assert len(colours) > 12  # a rendered window, not one flat colour


def test_bad_packages_give_one_clear_line(tmp_path: Path) -> None:
    not_sqlite = tmp_path / "letter.storypkg"
    not_sqlite.write_text("Dear editor, this is not a package.\n" * 20)
    corrupt = tmp_path / "corrupt.storypkg"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    for path, reason in ((not_sqlite, "not an SQLite file"), (corrupt, "")):
        result = _run("read", str(path), "--screenshot", str(tmp_path / "x.png"), home=tmp_path)
        assert result.returncode != 0
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1, result.stderr
        assert path.name in lines[0] and reason in lines[0]
        assert "Traceback" not in result.stderr
    missing = _run("info", str(tmp_path / "nope.storypkg"), "--json", home=tmp_path)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_text_size_grows_to_200_percent_and_is_remembered(qtbot, reader) -> None:
    from ui.reader.memory import ReaderMemory

    reader.show_chapter(1)
    text = reader.chapter_page.text

    def body_px() -> int:
        block = text.document().lastBlock()
        return block.begin().fragment().charFormat().font().pixelSize()

    before = body_px()
    for _ in range(15):
        qtbot.keyClick(reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert reader.text_scale == 2.0
    assert body_px() >= 2 * before - 1
    assert ReaderMemory("any story").text_scale == 2.0
    qtbot.keyClick(reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert body_px() == before


def test_map_key_and_a_marker_click_open_a_chapter(qtbot, reader) -> None:
    """The reader's own path: M shows the map, a click on a marker reads that chapter."""
    qtbot.keyClick(reader, Qt.Key.Key_M)
    view = reader.map_page
    assert reader.stack.currentWidget() is view
    view.fit_all(animate=False)
    qtbot.wait(50)
    # A chapter with its marker on the map shown first (others sit on the picture map).
    target, pos = next(
        (c, view.marker_viewport_pos(c.index))
        for c in reader.chapters
        if c.index > 1 and view.marker_viewport_pos(c.index) is not None
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if reader.stack.currentWidget() is not reader.chapter_page:
        # A marker shared by several chapters opens a small menu: pick the chapter there.
        menu = view.menu
        assert menu.isVisible()
        action = next(a for a in menu.actions() if a.text().split()[0] == str(target.index))
        action.trigger()
    assert reader.stack.currentWidget() is reader.chapter_page
    assert reader.current == target.index
    qtbot.keyClick(reader, Qt.Key.Key_M)
    assert reader.stack.currentWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert reader.stack.currentWidget() is reader.chapter_page


def test_about_page_from_the_cover_names_the_sources(qtbot, reader) -> None:
    from ui.reader.view import split_heading

    qtbot.mouseClick(reader.cover.about, Qt.MouseButton.LeftButton)
    assert reader.stack.currentWidget() is reader.about_page
    text = reader.about_page.toPlainText()
    assert "Financial Times" in text and "Eurasia Daily Monitor" in text
    assert text.count("About this story") <= 1  # the page's heading is not shown twice
    assert split_heading("# About\n\nBody") == ("About", "Body")
    assert split_heading("Body only") == ("", "Body only")


def test_reading_style_sizes(qtbot) -> None:
    """Body 18 px serif, subheads a sans a little larger (not Qt's relative heading sizes)."""
    from PySide6.QtGui import QTextDocument

    from ui.reader.text import render_markdown
    from ui.theme import Palette, load_fonts

    load_fonts()
    doc = QTextDocument()
    render_markdown(doc, "Body.\n\n## Sub\n\nMore *body*.", Palette(), title="T", scale=1.0)
    sizes = {}
    block = doc.begin()
    while block.isValid():
        font = block.begin().fragment().charFormat().font()
        sizes[block.text()] = (font.pixelSize(), font.family())
        block = block.next()
    assert sizes["Body."] == (18, "Noto Serif")
    assert sizes["Sub"] == (22, "Inter")
    assert sizes["T"][0] == 34
