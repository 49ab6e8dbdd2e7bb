"""The bundled Khorgos story in Russian and Kazakh (format 4): every text translated and up to
date, Markdown and ``media:`` structure kept, Kazakh in Cyrillic, labelled as translations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from story.package.file import Package, open_package
from story.reading import get_chapter, list_chapters, story_info
from story.translations import field_texts, languages, story_texts, translation_status
from story.validation import validate

KAZAKH_LETTERS = set("әғқңөұүһі")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@pytest.fixture(scope="module")
def pkg(bundled_package: Path) -> Iterator[Package]:
    with open_package(bundled_package) as package:
        yield package


def test_russian_and_kazakh_are_complete_and_up_to_date(pkg: Package) -> None:
    assert languages(pkg) == ["kk", "ru"]
    for status in translation_status(pkg):
        assert status.complete, status
        assert status.needed == status.translated > 100
    assert not [p for p in validate(pkg, check_hashes=False) if p.code.startswith("translation")]


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_translations_keep_the_markdown_structure(pkg: Package, language: str) -> None:
    texts = story_texts(pkg, language)
    for summary in list_chapters(pkg):
        original = get_chapter(pkg, summary.index)
        translated = texts.chapter(original)
        for pattern in (r"^## ", r"^> ", r"media:", r"\]\("):
            assert len(re.findall(pattern, translated.body_md, re.M)) == len(
                re.findall(pattern, original.body_md, re.M)
            ), (language, summary.index, pattern)
        assert translated.place is not None and original.place is not None
        assert translated.place.point == original.place.point  # only the name is translated
        assert texts.chapter_fallbacks(original) == []
        for medium in translated.media:
            assert CYRILLIC.search(medium.credit), medium.credit
            assert medium.alt == "" or CYRILLIC.search(medium.alt)


def test_kazakh_is_written_in_kazakh_cyrillic(pkg: Package) -> None:
    fields = [f for f in field_texts(pkg, "kk") if f.translation]
    long_texts = [f.translation or "" for f in fields if len(f.original.text) > 200]
    assert long_texts and all(KAZAKH_LETTERS & set(t.lower()) for t in long_texts)
    body = "".join(f.translation or "" for f in fields)
    letters = [c for c in body if c.isalpha()]
    latin = sum(c.isascii() for c in letters)
    assert latin / len(letters) < 0.03  # names of outlets (Financial Times...) stay in Latin


@pytest.mark.parametrize(
    ("language", "label"),
    [("ru", "перевод на русский язык, сделанный для Storyport"), ("kk", "Storyport үшін")],
)
def test_each_translation_says_it_was_made_for_storyport(
    pkg: Package, language: str, label: str
) -> None:
    about = " ".join(story_texts(pkg, language).story(story_info(pkg)).about_md.split())
    assert label.lower() in about.lower()
    assert "Financial Times" in about and "CC BY 4.0" in about
