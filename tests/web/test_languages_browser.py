"""The web edition in the story's languages, in a real browser (issue 16 carried into 11).

The bundled story holds Russian and Kazakh translations; the published site has the
original at ``index.html`` and each translation at ``LANG/index.html``, sharing one copy
of the media. A reader opens the Russian edition, reads Russian (the story's words and the
page's own), switches to Kazakh without losing the chapter, and every ``hreflang`` link
names a file in the folder. Nothing is fetched from outside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from story import reading
from story.package.file import open_package
from story.translations import story_texts

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def translated_titles(bundled_package: Path) -> dict[str, list[str]]:
    with open_package(bundled_package, readonly=True) as pkg:
        chapters = reading.list_chapters(pkg)
        out = {"en": [c.title for c in chapters]}
        for lang in ("ru", "kk"):
            texts = story_texts(pkg, lang)
            out[lang] = [texts.summary(c).title for c in chapters]
    return out


def wait_chapter(page: Any, title: str) -> None:
    page.wait_for_function(
        "t => { const h = document.querySelector('#chapter:not([hidden]) #chapter-title');"
        " return h && h.textContent === t; }",
        arg=title,
    )


def test_russian_edition_reads_russian_and_switches_to_kazakh_keeping_the_chapter(
    visit: Any, published_bundled: Path, translated_titles: dict[str, list[str]]
) -> None:
    ru, kk, en = translated_titles["ru"], translated_titles["kk"], translated_titles["en"]
    assert ru[2] != en[2] and kk[2] != en[2], "the bundled story's chapter 3 is translated"
    v = visit(published_bundled, 1440, 900)
    page = v.page
    page.goto((published_bundled / "ru" / "index.html").as_uri() + "#/chapter/3")
    wait_chapter(page, ru[2])
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ru",
        "ltr",
    ]
    # the page's own words are Russian too
    assert page.locator("#position").inner_text() == "Глава 3 из 10"
    assert page.locator("#contents-button").inner_text() == "Содержание"
    assert page.locator(".chapter-nav .next-link").inner_text().startswith(ru[3])
    # the pictures are the shared ones, not a copy per language
    src = page.locator("#chapter figure.lead img").evaluate("i => i.currentSrc")
    assert src.startswith((published_bundled / "media").as_uri() + "/")
    assert not (published_bundled / "ru" / "media").exists()
    assert v.axe_violations() == []

    # the switch keeps the chapter
    page.locator("#languages a[hreflang=kk]").click()
    wait_chapter(page, kk[2])
    assert page.url.endswith("/kk/index.html#/chapter/3")
    assert page.evaluate("document.documentElement.lang") == "kk"
    assert page.locator("#position").inner_text() == "3-тарау, барлығы 10"
    page.keyboard.press("ArrowRight")
    wait_chapter(page, kk[3])
    # and back to the original, now at chapter 4
    page.locator("#languages a[hreflang=en]").click()
    wait_chapter(page, en[3])
    assert page.evaluate("document.documentElement.lang") == "en"
    assert v.outside_requests() == []


def test_hreflang_links_name_files_in_the_folder(visit: Any, published_bundled: Path) -> None:
    v = visit(published_bundled, 1280, 800)
    page = v.page
    for where in ("index.html", "ru/index.html", "kk/index.html"):
        page.goto((published_bundled / where).as_uri())
        page.wait_for_function("window.STORYPORT && window.STORYPORT.data !== null")
        links = page.evaluate(
            "[...document.querySelectorAll('link[rel=alternate][hreflang]')]"
            ".map(l => [l.hreflang, l.href])"
        )
        langs = sorted(lang for lang, _ in links)
        assert langs == ["en", "kk", "ru", "x-default"], where
        for lang, href in links:
            assert href.startswith(published_bundled.as_uri() + "/"), (where, href)
            target = Path(href.removeprefix("file://").split("#")[0])
            assert target.is_file(), (where, lang, href)
        default = dict(links)["x-default"]
        assert default == (published_bundled / "index.html").as_uri()
        current = page.locator("#languages a[aria-current=true]").get_attribute("hreflang")
        assert current == where.split("/")[0].replace("index.html", "en")
    assert v.outside_requests() == []


def test_the_phone_has_the_switch_in_the_contents(visit: Any, published_bundled: Path) -> None:
    v = visit(published_bundled, 360, 640)
    page = v.page
    page.goto((published_bundled / "kk" / "index.html").as_uri() + "#/chapter/2")
    page.wait_for_selector("#chapter:not([hidden]) #chapter-title")
    assert page.locator("#languages").is_hidden()
    page.keyboard.press("t")
    page.locator("#contents .languages a[hreflang=ru]").click()
    page.wait_for_function("document.documentElement.lang === 'ru'")
    assert page.url.endswith("/ru/index.html#/chapter/2")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert v.outside_requests() == []
