"""Format 4: a story's texts in several languages (``story.translations``, the write API in
``story.editing.translations``), the migration from a real format-3 file, the open checks of
the new table, and what ``validate``/``info``/``build`` make of translations."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from main import main
from story.editing.chapters import chapter_id_at, set_chapter_text
from story.editing.media import set_media_text
from story.editing.translations import (
    clear_translation,
    remove_language,
    restore_translation,
    set_translation,
    set_translations,
    translation_row,
)
from story.errors import NotFoundError, PackageError, StoryError
from story.package.file import open_package
from story.package.version import SCHEMA_VERSION
from story.reading import get_chapter, list_chapters, list_media, story_info
from story.translations import (
    TextKey,
    field_texts,
    languages,
    source_hash,
    story_languages,
    story_texts,
    translation_status,
)
from story.validation import validate
from tests.fixtures.packages import files_state, make_package, sql

V3_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "v3-small.storypkg"


def _pkg(tmp_path: Path) -> Path:
    return make_package(tmp_path / "s.storypkg", chapters=2)


def _chapter_key(pkg: object, n: int, field: str) -> TextKey:
    return TextKey("chapter", str(chapter_id_at(pkg, n)), field)  # type: ignore[arg-type]


def test_a_translation_is_read_in_its_language_and_the_rest_falls_back(tmp_path: Path) -> None:
    path = _pkg(tmp_path)
    with open_package(path, readonly=False) as pkg:
        set_translation(pkg, "kk", TextKey("story", "1", "title"), "Дала")
        set_translation(pkg, "kk", _chapter_key(pkg, 1, "title"), "Бірінші тарау")
        set_translation(pkg, "kk", _chapter_key(pkg, 1, "body_md"), "Мәтін 1.")
        medium = list_media(pkg)[0]
        set_translation(pkg, "kk", TextKey("media", medium.id, "alt"), "Нүкте")
        assert languages(pkg) == ["kk"] and story_languages(pkg) == ["en", "kk"]
        texts = story_texts(pkg, "kk")
        info = texts.story(story_info(pkg))
        assert info.title == "Дала"
        chapter = texts.chapter(get_chapter(pkg, 1))
        assert (chapter.title, chapter.body_md) == ("Бірінші тарау", "Мәтін 1.")
        assert chapter.images[0].alt == "Нүкте" and chapter.images[0].credit == "Me"
        # chapter 2 has no translation: the original, never a blank, and marked as such
        second = get_chapter(pkg, 2)
        assert texts.chapter(second).title == "Chapter 2"
        assert texts.chapter_fallbacks(second) == ["title", "body_md"]
        t = texts.text(_chapter_key(pkg, 2, "title"), "Chapter 2")
        assert (t.text, t.language, t.fallback) == ("Chapter 2", "en", True)
        # an empty original needs no translation and is not marked
        assert texts.chapter_fallbacks(get_chapter(pkg, 1)) == []
        # the original language reads the original, unmarked
        plain = story_texts(pkg, "en")
        assert plain.chapter(get_chapter(pkg, 2)).title == "Chapter 2"
        assert plain.chapter_fallbacks(get_chapter(pkg, 2)) == []
        assert texts.summary(list_chapters(pkg)[0]).title == "Бірінші тарау"


def test_missing_and_out_of_date_are_counted_per_language(tmp_path: Path) -> None:
    path = _pkg(tmp_path)
    with open_package(path, readonly=False) as pkg:
        key = _chapter_key(pkg, 1, "title")
        set_translation(pkg, "ru", key, "Глава 1")
        set_translation(pkg, "kk", key, "1-тарау")
        before = {s.language: s for s in translation_status(pkg)}
        # story title, 2 x (title, body), 2 place names, the medium's alt and credit
        assert before["ru"].needed == 9
        assert (before["ru"].translated, before["ru"].missing, before["ru"].out_of_date) == (
            1,
            8,
            0,
        )
        set_chapter_text(pkg, chapter_id_at(pkg, 1), title="Chapter one")
        after = {s.language: s for s in translation_status(pkg)}
        assert (after["ru"].translated, after["ru"].out_of_date) == (0, 1)
        states = {f.key: f.state for f in field_texts(pkg, "ru")}
        assert states[key] == "out-of-date"
        assert states[TextKey("story", "1", "subtitle")] == "not-needed"
        # the reader still shows the out-of-date translation, flagged
        t = story_texts(pkg, "ru").text(key, "Chapter one")
        assert (t.text, t.out_of_date, t.fallback) == ("Глава 1", True, False)
        set_translation(pkg, "ru", key, "Глава первая")  # translating again brings it up to date
        assert {s.language: s.out_of_date for s in translation_status(pkg)}["ru"] == 0
        codes = [(p.code, p.field) for p in validate(pkg, check_hashes=False)]
        assert ("translation-missing", "translation:ru") in codes
        assert ("translation-out-of-date", "translation:kk") in codes


def test_writers_refuse_what_the_open_checks_would(tmp_path: Path) -> None:
    path = _pkg(tmp_path)
    with open_package(path, readonly=False) as pkg:
        key = _chapter_key(pkg, 1, "title")
        for bad in ("", "english", "k", "kk_KZ", "ru-", "x" * 40):
            with pytest.raises(StoryError, match="language tag"):
                set_translation(pkg, bad, key, "x")
        with pytest.raises(StoryError, match="original language"):
            set_translation(pkg, "EN", key, "x")
        with pytest.raises(StoryError, match="at most"):
            set_translation(pkg, "kk", key, "x" * 10_001)
        with pytest.raises(StoryError, match="not a text that can be translated"):
            set_translation(pkg, "kk", TextKey("chapter", key.item_id, "date"), "x")
        with pytest.raises(NotFoundError):
            set_translation(pkg, "kk", TextKey("chapter", "999", "title"), "x")
        with pytest.raises(NotFoundError):
            set_translation(pkg, "kk", TextKey("media", "ab" * 32, "alt"), "x")
        set_translations(pkg, "zh-Hans", {key: "第一章"})
        stored = translation_row(pkg, "zh-Hans", key)
        assert stored == ("第一章", source_hash("Chapter 1"))
        clear_translation(pkg, "zh-Hans", key)
        assert translation_row(pkg, "zh-Hans", key) is None
        restore_translation(pkg, "zh-Hans", key, stored)
        assert translation_row(pkg, "zh-Hans", key) == stored
        set_translation(pkg, "zh-Hans", key, "")  # empty clears
        assert languages(pkg) == []
        set_translation(pkg, "ru", key, "Глава")
        assert remove_language(pkg, "ru") == 1 and languages(pkg) == []
    with open_package(path) as pkg, pytest.raises(PackageError, match="read-only"):
        set_translation(pkg, "ru", TextKey("story", "1", "title"), "x")


def test_a_format_3_file_migrates_to_format_4(tmp_path: Path) -> None:
    path = tmp_path / "v3.storypkg"
    shutil.copyfile(V3_FIXTURE, path)
    before = files_state(path)
    with open_package(path) as pkg:  # read-only: a private copy is migrated
        assert any("format 4" in step for step in pkg.migrated)
        assert languages(pkg) == [] and [c.title for c in list_chapters(pkg)] == [
            "The port",
            "The gate",
            "Nowhere",
        ]
    assert files_state(path) == before
    started = time.monotonic()
    pkg = open_package(path, readonly=False)
    took = time.monotonic() - started
    try:
        assert pkg.backup is not None and pkg.backup.name == "v3.storypkg.bak-v3"
        assert list_chapters(pkg)[0].date == "2016-04"
        gate = list_chapters(pkg)[1].place
        assert gate is not None and gate.x == 450
        set_translation(pkg, "ru", TextKey("story", "1", "about_md"), "# О истории")
    finally:
        pkg.close()
    assert took < 5
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        assert conn.execute("SELECT language, kind, field FROM translations").fetchall() == [
            ("ru", "story", "about_md")
        ]
    finally:
        conn.close()
    with open_package(path) as pkg:
        assert not pkg.migrated and languages(pkg) == ["ru"]


def _with_row(tmp_path: Path, values: str) -> Path:
    path = _pkg(tmp_path)
    with open_package(path, readonly=False) as pkg:
        set_translation(pkg, "kk", _chapter_key(pkg, 1, "title"), "Тарау")
    sql(
        path,
        "PRAGMA journal_mode=DELETE",
        "INSERT INTO translations (language, kind, item_id, field, text, source_hash) "
        f"VALUES ({values})",
    )
    return path


HASH = "'" + "a" * 64 + "'"
BAD_ROWS = {
    "language not a tag": (f"'kk kz', 'story', '1', 'title', 'x', {HASH}", "translations.language"),
    "language GLOB-clean but not BCP 47": (
        f"'k-k', 'story', '1', 'title', 'x', {HASH}",
        "not a tag",
    ),
    "unknown kind": (f"'ru', 'map', '1', 'name', 'x', {HASH}", "translations.kind"),
    "field of another kind": (f"'ru', 'story', '1', 'body_md', 'x', {HASH}", "translations.field"),
    "story id not 1": (f"'ru', 'story', '2', 'title', 'x', {HASH}", "translations.item_id"),
    "media id not hex": (f"'ru', 'media', '../x', 'alt', 'x', {HASH}", "translations.item_id"),
    "label too long": (
        f"'ru', 'story', '1', 'title', printf('%.*c', 10001, 'x'), {HASH}",
        "translations.text",
    ),
    "text a blob": (f"'ru', 'story', '1', 'title', x'00', {HASH}", "translations.text"),
    "hash not hex": ("'ru', 'story', '1', 'title', 'x', 'nothex'", "translations.source_hash"),
    "invalid UTF-8": (f"'ru', 'story', '1', 'title', CAST(x'ff' AS TEXT), {HASH}", "UTF-8"),
}


@pytest.mark.parametrize("name", list(BAD_ROWS))
def test_a_hostile_translation_row_is_refused(tmp_path: Path, name: str) -> None:
    values, reason = BAD_ROWS[name]
    path = _with_row(tmp_path, values)
    before = files_state(path)
    for readonly in (True, False):
        with pytest.raises(PackageError) as err:
            open_package(path, readonly=readonly).close()
        assert reason in str(err.value) and "\n" not in str(err.value)
    assert files_state(path) == before


def test_too_many_languages_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from story.package import text_checks

    path = _pkg(tmp_path)
    with open_package(path, readonly=False) as pkg:
        key = _chapter_key(pkg, 1, "title")
        for tag in ("ru", "kk", "de"):
            set_translation(pkg, tag, key, "x")
    monkeypatch.setattr(text_checks, "MAX_LANGUAGES", 2)
    with pytest.raises(PackageError, match="more than 2 languages"):
        open_package(path).close()


def test_info_lists_the_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _pkg(tmp_path)
    with open_package(path, readonly=False) as pkg:
        set_translation(pkg, "ru", _chapter_key(pkg, 1, "title"), "Глава")
    assert main(["info", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["languages"] == ["en", "ru"]
    assert main(["validate", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    missing = [p for p in report["problems"] if p["code"] == "translation-missing"]
    assert [p["severity"] for p in missing] == ["warning"] and "ru" in missing[0]["message"]


def _source(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True)
    (src / "translations" / "kk" / "chapters").mkdir(parents=True)
    from PIL import Image

    Image.new("RGB", (40, 30), (10, 120, 200)).save(src / "dot.png")
    (src / "story.toml").write_text(
        'title = "Steppe"\nlanguage = "en"\nabout = "about.md"\n'
        'cover = { file = "dot.png", caption = "A dot", alt = "Blue", credit = "Me" }\n',
        "utf-8",
    )
    (src / "about.md").write_text("# About\n\nText.\n", "utf-8")
    (src / "chapters" / "01-port.md").write_text(
        '+++\ntitle = "Port"\nsummary = "Dry"\n'
        'place = { name = "Khorgos", lat = 44.2, lon = 80.4 }\n'
        '[[media]]\nfile = "dot.png"\ncaption = "A dot"\nalt = "Blue"\ncredit = "Me"\n+++\n'
        "The port.\n",
        "utf-8",
    )
    (src / "chapters" / "02-town.md").write_text('+++\ntitle = "Town"\n+++\nThe town.\n', "utf-8")
    kk = src / "translations" / "kk"
    (kk / "story.toml").write_text(
        'title = "Дала"\nabout = "about.md"\ncover = { caption = "Нүкте", alt = "Көк" }\n', "utf-8"
    )
    (kk / "about.md").write_text("# Туралы\n\nМәтін.\n", "utf-8")
    (kk / "chapters" / "01-port.md").write_text(
        '+++\ntitle = "Порт"\nsummary = "Құрғақ"\nplace = { name = "Қорғас" }\n'
        '[[media]]\nfile = "dot.png"\ncredit = "Мен"\n+++\nПорт.\n',
        "utf-8",
    )
    return src


def test_build_reads_translations_from_the_source_folder(tmp_path: Path) -> None:
    from story.publish.build import build_package

    out = build_package(_source(tmp_path), tmp_path / "out.storypkg")
    with open_package(out) as pkg:
        assert languages(pkg) == ["kk"]
        kk = story_texts(pkg, "kk")
        assert kk.story(story_info(pkg)).title == "Дала"
        assert kk.story(story_info(pkg)).about_md.startswith("# Туралы")
        port = kk.chapter(get_chapter(pkg, 1))
        assert (port.title, port.summary, port.body_md) == ("Порт", "Құрғақ", "Порт.\n")
        assert port.place is not None and port.place.name == "Қорғас"
        assert (port.images[0].caption, port.images[0].alt, port.images[0].credit) == (
            "Нүкте",
            "Көк",
            "Мен",
        )
        assert kk.chapter_fallbacks(get_chapter(pkg, 2)) == ["title", "body_md"]
        status = translation_status(pkg)[0]
        assert status.out_of_date == 0 and status.missing == 2


def test_build_refuses_a_translation_of_a_chapter_that_is_not_there(tmp_path: Path) -> None:
    from story.publish.build import build_package

    src = _source(tmp_path)
    (src / "translations" / "kk" / "chapters" / "03-gone.md").write_text(
        '+++\ntitle = "Жоқ"\n+++\n', "utf-8"
    )
    with pytest.raises(StoryError, match="03-gone.md"):
        build_package(src, tmp_path / "out.storypkg")
    assert not (tmp_path / "out.storypkg").exists()


def test_media_text_change_makes_its_translation_out_of_date(tmp_path: Path) -> None:
    path = _pkg(tmp_path)
    with open_package(path, readonly=False) as pkg:
        medium = list_media(pkg)[0]
        key = TextKey("media", medium.id, "alt")
        set_translation(pkg, "ru", key, "Точка")
        set_media_text(pkg, medium.id, alt="An orange dot")
        assert {f.key: f.state for f in field_texts(pkg, "ru")}[key] == "out-of-date"


def test_cleaning_a_medium_keeps_its_translations_and_undo_moves_them_back(
    tmp_path: Path,
) -> None:
    from story.editing.cleaning import clean_medium, undo_clean
    from tests.fixtures.dirty import GPS_PHOTO, make_dirty_package

    if not GPS_PHOTO.is_file():
        pytest.skip("shared fixtures absent")
    d = make_dirty_package(tmp_path / "d.storypkg")
    with open_package(d.path, readonly=False) as pkg:
        set_translation(pkg, "kk", TextKey("media", d.photo, "caption"), "Сурет")
        done = clean_medium(pkg, d.photo)
        assert done is not None and done.new_id != d.photo
        assert translation_row(pkg, "kk", TextKey("media", done.new_id, "caption")) is not None
        assert translation_row(pkg, "kk", TextKey("media", d.photo, "caption")) is None
        undo_clean(pkg, done)
        assert translation_row(pkg, "kk", TextKey("media", d.photo, "caption")) is not None
