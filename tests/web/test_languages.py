"""The web edition's languages as files: one edition per language, media shared, the page's
own words from ``story/publish/web/words.py``, right to left where the language is.

The browser side (reading the Russian edition, the switch) is in
``test_languages_browser.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from story import reading
from story.editing.chapters import chapter_id_at
from story.editing.translations import set_translations
from story.package.file import open_package
from story.publish.web import publish_web
from story.publish.web.site import _editions
from story.publish.web.words import EN, TABLE, direction, name, tag, words
from story.translations import STORY_ID, TextKey
from tests.web.test_publish import make_story, tree


def story_data(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text[len("STORYPORT.story(") : -len(");\n")])
    return data


def test_every_language_has_every_word() -> None:
    assert {"en", "ru", "kk", "zh-CN"} <= set(TABLE)
    for lang, table in TABLE.items():
        assert set(table) == set(EN), lang
        for key, text in table.items():  # the same blanks to fill as the English
            for blank in ("{n}", "{total}", "{name}", "{title}"):
                assert (blank in text) == (blank in EN[key]), (lang, key)
    assert words("zh_CN")["start"] == "开始阅读" and words("ru-RU")["start"] == "Начать чтение"
    assert words("zh")["start"] == "开始阅读"
    assert words("fi")["start"] == "Start reading"  # not in the table: English words
    assert tag("zh_CN") == "zh-CN" and tag("pt_br") == "pt-BR" and tag("<x>") == ""
    assert direction("ar") == "rtl" and direction("he-IL") == "rtl" and direction("kk") == "ltr"
    assert name("kk") == "Қазақша" and name("xx") == "xx"


def test_editions_one_folder_each_never_a_shared_ones_name() -> None:
    got = _editions("en", ["kk", "media", "ru", "zh_CN", "EN", "not a tag"])
    assert got == [("en", ""), ("kk", "kk"), ("ru", "ru"), ("zh_CN", "zh-CN")]


@pytest.mark.timeout(240)
def test_a_translated_story_publishes_each_language_sharing_the_media(tmp_path: Path) -> None:
    path = make_story(tmp_path / "harbour.storypkg")
    with open_package(path, readonly=False) as pkg:
        cid = str(chapter_id_at(pkg, 1))
        photo = reading.get_chapter(pkg, 2).images[0].id
        set_translations(
            pkg,
            "ar",
            {
                TextKey("story", STORY_ID, "title"): "ليالي الميناء",
                TextKey("chapter", cid, "title"): "الفصل الأول",
                TextKey("media", photo, "caption"): "الميناء",
            },
        )
        set_translations(pkg, "ru", {TextKey("chapter", cid, "title"): "Глава первая"})
    site = publish_web(path, tmp_path / "site").outdir
    files = tree(site)
    assert {"index.html", "ar/index.html", "ru/index.html", "ar/data/chapters/0001.js"} <= set(
        files
    )
    # one copy of each picture, under the root; a translation has only its page and data
    assert not any(p.startswith(("ar/media", "ru/media", "ar/maps", "ar/assets")) for p in files)
    arabic = files["ar/index.html"].decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'href="../assets/style.css"' in arabic and 'src="../assets/app.js"' in arabic
    assert '<link rel="alternate" hreflang="x-default" href="../index.html">' in arabic
    assert '<link rel="alternate" hreflang="ru" href="../ru/index.html">' in arabic
    assert "<title>ليالي الميناء</title>" in arabic
    original = files["index.html"].decode()
    assert '<html lang="en" dir="ltr">' in original
    assert '<a href="ar/index.html" hreflang="ar" lang="ar">العربية</a>' in original
    data = story_data(site / "ar" / "data" / "story.js")
    chapters = data["chapters"]
    assert isinstance(chapters, list)
    assert [c["title"] for c in chapters] == ["الفصل الأول", "Chapter 2", "Chapter 3"]
    assert data["key"] == "Harbour <b>nights</b>"  # the reader's place is one per story
    chapter2 = (site / "ar" / "data" / "chapters" / "0002.js").read_text(encoding="utf-8")
    assert '"caption":"الميناء"' in chapter2
    assert '"../media/' in chapter2 and '"media/' not in chapter2.replace('"../media/', "")
    # the Russian page's words are Russian, the original's English
    assert "Содержание" in files["ru/index.html"].decode() and "Contents" in original
    # and a second publication gives the same bytes in every language
    again = publish_web(path, tmp_path / "again").outdir
    assert tree(again) == files
