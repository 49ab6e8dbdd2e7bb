"""Right to left: a story in Arabic, Persian or Hebrew is laid out mirrored, as its readers read.

Checked on screen, as a person would see it: where the cover's kicker, title
and buttons sit, which way the top bar runs and its arrows point, which key
means "next", the date's form, and the editor's face for Arabic text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QStyle

from story.editing.chapters import add_chapter
from story.editing.story import StoryFields, set_story
from story.package.file import Package, create_package, open_package
from ui.i18n import direction_for, has_rtl_script, text_is_rtl

ARABIC_TITLE = "خورغوس: قصة الحدود"
BODY = "في خورغوس تلتقي اللغات الكازاخية والروسية والصينية.\n\nيعبر السائقون الحدود كل صباح."


def _package(path: Path, language: str, title: str) -> Path:
    pkg = create_package(path)
    set_story(
        pkg,
        StoryFields(title=title, subtitle="حيث تلتقي أربع لغات", published="2026-12-01",
                    language=language),
    )  # fmt: skip
    for n in range(1, 4):
        add_chapter(pkg, f"الفصل {n}", summary="ملخص", body_md=BODY)
    pkg.close()
    return path


@pytest.fixture
def arabic(tmp_path: Path) -> Iterator[Package]:
    pkg = open_package(_package(tmp_path / "ar.storypkg", "ar", ARABIC_TITLE))
    yield pkg
    pkg.close()


#: The windows the tests show, held here: qtbot.addWidget keeps only a weak reference,
#: and a window nothing refers to is collected with its ReaderView mid-test.
_WINDOWS: list[object] = []


@pytest.fixture(autouse=True)
def _let_windows_go() -> Iterator[None]:
    yield
    _WINDOWS.clear()


def _reader(qtbot, pkg: Package):
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    load_fonts()
    window = ReaderWindow(pkg, sync_images=True)
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    assert view is not None
    view.show_cover()
    return view


def _x(widget) -> int:
    """The widget's centre, in its window's coordinates."""
    return widget.mapTo(widget.window(), QPoint(widget.width() // 2, 0)).x()


def test_directions_from_language_and_text() -> None:
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert direction_for("ar", "") == rtl
    assert direction_for("fa-IR", "") == rtl
    assert direction_for("he", "") == rtl
    assert direction_for("ru", ARABIC_TITLE) == ltr  # the language says so
    assert direction_for("", ARABIC_TITLE) == rtl  # no language: the text decides
    assert direction_for("und", "Khorgos") == ltr
    assert text_is_rtl("« " + ARABIC_TITLE) and not text_is_rtl("Khorgos خورغوس")
    assert has_rtl_script("Khorgos خورغوس") and not has_rtl_script("Хоргос")


def test_the_cover_kicker_title_and_buttons_keep_to_the_right(qtbot, arabic: Package) -> None:
    view = _reader(qtbot, arabic)
    cover = view.cover
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    mid = cover.width() // 2
    for label in (cover.kicker, cover.title, cover.subtitle, cover.byline):
        assert label.alignment() & Qt.AlignmentFlag.AlignRight, label.text()
        assert _x(label) > mid
    # the start button is the first in reading order: rightmost
    assert _x(cover.start) > _x(cover.about)
    assert _x(cover.start) > mid
    # the date in the locale's form, not 2026-12-01 reordered into 01-12-2026
    assert "١ ديسمبر ٢٠٢٦" in cover.byline.text()
    assert "2026-12-01" not in cover.byline.text()
    view.shutdown()


def test_the_top_bar_runs_right_to_left_and_next_points_left(qtbot, arabic: Package) -> None:
    view = _reader(qtbot, arabic)
    bar = view.topbar
    assert _x(bar.contents) > _x(bar.title) > _x(bar.prev) > _x(bar.next)
    assert bar.next.text().startswith("‹") and bar.prev.text().endswith("›")
    view.show_chapter(1)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # left is onward in Arabic
    assert view.current == 2
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current == 1
    view.shutdown()


def test_the_chapter_text_runs_right_to_left(qtbot, arabic: Package) -> None:
    view = _reader(qtbot, arabic)
    view.show_chapter(1)
    text = view.chapter_page.text
    assert text.layoutDirection() == Qt.LayoutDirection.RightToLeft
    doc = text.document()
    kicker = doc.begin()  # an interface word ("CHAPTER 1 OF 3"), right to left with the story
    assert kicker.layout().textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert doc.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    view.shutdown()


def test_the_chapter_columns_are_mirrored(qtbot, tmp_path: Path, shared_media: Path) -> None:
    """The page is one column now (issue 13): the lead photo under the title, its caption
    set right to left, its first line starting at the right edge of the text column."""
    from media.importer import import_file
    from story.editing.media import append_media, store_media
    from story.reading import list_chapters

    path = _package(tmp_path / "ar.storypkg", "ar", ARABIC_TITLE)
    with open_package(path, readonly=False) as pkg:
        photo = next((shared_media / "images").glob("*.jpg"))
        first = list_chapters(pkg)[0].id
        append_media(pkg, first, store_media(pkg, import_file(photo), caption="صورة"))
    pkg = open_package(path)
    view = _reader(qtbot, pkg)
    view.show_chapter(1)
    page = view.chapter_page
    lead = page.slots.boxes[0]
    assert lead.isVisible() and lead.caption.text() == "صورة"
    assert lead.caption.layoutDirection() == Qt.LayoutDirection.RightToLeft
    caption = lead.caption
    ink = caption.fontMetrics().horizontalAdvance(caption.text())
    assert caption.width() > 3 * ink
    # the caption's words sit at its right end, as an Arabic line starts
    drawn = QStyle.visualAlignment(caption.layoutDirection(), caption.alignment())
    assert drawn & Qt.AlignmentFlag.AlignRight
    view.shutdown()
    pkg.close()


def test_a_left_to_right_story_is_untouched(qtbot, tmp_path: Path) -> None:
    pkg = open_package(_package(tmp_path / "ru.storypkg", "ru", "Хоргос"))
    view = _reader(qtbot, pkg)
    assert view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert _x(view.topbar.prev) < _x(view.topbar.next)
    view.shutdown()
    pkg.close()


def test_the_editor_edits_arabic_in_a_proportional_face(qtbot, tmp_path: Path) -> None:
    from ui.editor.window import EditorWindow
    from ui.theme import load_fonts

    load_fonts()
    path = _package(tmp_path / "ar.storypkg", "ar", ARABIC_TITLE)
    win = EditorWindow(sync=True)
    qtbot.addWidget(win)
    win.opening.open(path)
    body = win.editor.body
    assert win.chapters is not None
    win.editor.set_chapter(win.chapters.current_id())
    qtbot.waitUntil(lambda: body.toPlainText() == BODY, timeout=5000)
    info = QFontInfo(body.font())
    assert not info.fixedPitch(), info.family()
    assert "Arabic" in body.font().families()[0]
    option = body.document().defaultTextOption()
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    body.setPlainText("# Khorgos\n\nplain Latin text")  # back to the editor's own face
    assert "Arabic" not in body.font().families()[0]
    win.close()
