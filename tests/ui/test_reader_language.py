"""The reader's language switch (format 4): a story read in a translation, the original shown
(and marked) where a text has none, the choice remembered, the system's language first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from story.editing.chapters import chapter_id_at
from story.editing.translations import set_translations
from story.package.file import Package, open_package
from story.reading import list_chapters, list_media
from story.translations import TextKey
from tests.fixtures.packages import make_package
from ui.reader.story_language import initial_language, language_name, system_tags


@pytest.fixture
def translated(tmp_path: Path) -> Iterator[Package]:
    """Two chapters; Russian for the story's title, all of chapter 1 (its place and photo
    too), nothing of chapter 2."""
    path = make_package(tmp_path / "t.storypkg", chapters=2)
    with open_package(path, readonly=False) as pkg:
        one = str(chapter_id_at(pkg, 1))
        medium = list_media(pkg)[0].id
        with pkg.session() as s:
            from story.package.schema import ChapterRow

            place = str(s.get(ChapterRow, int(one)).place_id)  # type: ignore[union-attr]
        set_translations(
            pkg,
            "ru",
            {
                TextKey("story", "1", "title"): "Степь",
                TextKey("chapter", one, "title"): "Глава первая",
                TextKey("chapter", one, "body_md"): "Текст первый.",
                TextKey("place", place, "name"): "Место 1",
                TextKey("media", medium, "alt"): "Точка",
                TextKey("media", medium, "credit"): "Я",
            },
        )
    pkg = open_package(path)
    yield pkg
    pkg.close()


def _open(qtbot, pkg: Package):
    from ui.reader.window import ReaderWindow
    from ui.theme import load_fonts

    load_fonts()
    window = ReaderWindow(pkg)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    assert window.view is not None
    return window, window.view


def test_the_first_language_is_remembered_then_the_systems_then_the_original() -> None:
    langs = ["en", "kk", "ru"]
    assert initial_language(langs, "", ["ru-RU", "ru", "en-US"]) == "ru"
    assert initial_language(langs, "", ["kk_KZ"]) == "kk"
    assert initial_language(langs, "", ["de-DE", "en-GB"]) == "en"  # the original's base
    assert initial_language(langs, "", ["de-DE"]) == "en"  # none: the original
    assert initial_language(langs, "kk", ["ru-RU"]) == "kk"  # remembered first
    assert initial_language(langs, "uz", ["ru-RU"]) == "ru"  # remembered but gone
    assert initial_language(["en", "zh-Hans"], "", ["zh-CN", "zh"]) == "zh-Hans"
    assert language_name("ru") == "Русский" and language_name("kk") == "Қазақша"
    assert language_name("de") == "Deutsch"


def test_switching_reads_the_story_in_the_translation_and_marks_the_original(
    qtbot, translated: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    window, view = _open(qtbot, translated)
    lang = view.language
    assert lang.language == initial_language(["en", "ru"], "", system_tags())
    if lang.language != "en":
        lang.set_language("en")
    button = lang.button
    assert button is not None and button.isVisible() and button.text().startswith("English")
    names = [a.text() for a in button.menu().actions()]
    assert names == ["English", "Русский"]

    next(a for a in button.menu().actions() if a.data() == "ru").trigger()
    assert view.topbar.title.text() == "Степь"
    assert [c.title for c in view.chapters] == ["Глава первая", "Chapter 2"]
    view.show_chapter(1)
    page = view.chapter_page
    assert page.chapter is not None and page.chapter.title == "Глава первая"
    assert page.chapter.place is not None and page.chapter.place.name == "Место 1"
    assert page.chapter.images[0].alt == "Точка"
    assert lang.note is not None and not lang.note.isVisible()
    view.show_chapter(2)  # nothing translated: the original, never a blank, and marked
    assert page.chapter is not None and page.chapter.title == "Chapter 2"
    assert page.chapter.body_md == "Text 2."
    assert lang.note.isVisible() and lang.note.text() == "Оригинал: English"
    assert button.text().startswith("Русский")
    view.show_map()  # the map's markers and cards read the same titles and place names
    titles = [(c.title, c.place.name if c.place else "") for c in view.map_page._chapters]
    assert titles == [("Глава первая", "Место 1"), ("Chapter 2", "Place 2")]
    view.shutdown()
    window.close()

    window, view = _open(qtbot, translated)  # the choice is remembered for this story
    assert view.language.language == "ru" and view.topbar.title.text() == "Степь"
    # the reader's memory is the same whichever language its titles are read in
    assert view.memory.key == f"Steppe|{list_chapters(translated)[0].title}"
    view.language.set_language("en")
    assert view.topbar.title.text() == "Steppe"
    view.shutdown()
    window.close()


def test_a_story_without_translations_offers_no_switch(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    with open_package(make_package(tmp_path / "plain.storypkg")) as pkg:
        window, view = _open(qtbot, pkg)
        assert view.language.available == ["en"] and view.language.button is not None
        assert not view.language.button.isVisible()
        view.show_chapter(1)
        assert view.language.note is not None and not view.language.note.isVisible()
        view.shutdown()
        window.close()
