"""The interface in English, Russian, Kazakh and Chinese: catalogues, choice of language, plurals.

The ``.ts`` sources are checked against the code as ``pyside6-lupdate`` sees
it now: a string added to the code and not translated, or a translation whose
string has left the code, fails here (run ``scripts/translations.sh``, then
translate what it marks unfinished; docs/GLOSSARY.md holds the terms).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from story.editing.chapters import add_chapter
from story.editing.story import StoryFields, set_story
from story.package.file import create_package
from ui import i18n
from ui.reader.words import ReaderWords, format_date

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
SCRIPT = ROOT / "scripts" / "translations.sh"


def _messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, the translation's type attribute) for every message of a .ts."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            out.append((name, m.findtext("source") or "", kind))
    return out


@pytest.mark.timeout(180)
def test_every_catalogue_matches_the_code_and_is_finished(tmp_path: Path) -> None:
    """lupdate over today's code changes nothing: no new, unfinished or obsolete entries."""
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    work = tmp_path / "repo"
    shutil.copytree(ROOT / "ui", work / "ui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "main.py", work / "main.py")
    (work / "scripts").mkdir()
    shutil.copy(SCRIPT, work / "scripts" / SCRIPT.name)
    (work / ".venv" / "bin").mkdir(parents=True)
    (work / ".venv" / "bin" / "pyside6-lupdate").symlink_to(LUPDATE)
    subprocess.run(["bash", str(work / "scripts" / SCRIPT.name)], check=True, timeout=170)
    problems = []
    for lang, ts in i18n.ts_files().items():
        before = _messages(ts)
        after = _messages(work / "ui" / "translations" / ts.name)
        if sorted(m[:2] for m in before) != sorted(m[:2] for m in after):
            new = {m[:2] for m in after} - {m[:2] for m in before}
            gone = {m[:2] for m in before} - {m[:2] for m in after}
            problems.append(f"{ts.name}: not in the catalogue {sorted(new)}; gone {sorted(gone)}")
        unfinished = [m[:2] for m in after if m[2] in ("unfinished", "vanished", "obsolete")]
        if unfinished:
            problems.append(f"{ts.name} ({lang}): unfinished or obsolete: {unfinished}")
    assert not problems, "\n".join(problems)


def test_each_language_has_every_plural_form_filled() -> None:
    for lang, ts in i18n.ts_files().items():
        for m in ET.parse(ts).getroot().iter("message"):
            if m.get("numerus") == "yes":
                forms = [f.text or "" for f in m.iter("numerusform")]
                assert forms and all("%n" in f or "%Ln" in f for f in forms), (lang, forms)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ru_RU.UTF-8", "ru"),
        ("kk-KZ", "kk"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_CN", "zh_CN"),
        ("zh_TW", None),
        ("en_GB", "en"),
        ("de_DE", None),
        ("", None),
    ],
)
def test_locale_tags_map_to_our_languages(tag: str, expected: str | None) -> None:
    assert i18n.supported(tag) == expected


def test_the_language_comes_from_lang_then_setting_then_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path))
    monkeypatch.delenv("STORYPORT_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "C")
    assert i18n.choose_language() == "en"  # the C locale is English
    i18n.save_language("kk")
    assert i18n.choose_language() == "kk"
    assert i18n.choose_language("ru") == "ru"  # --lang wins
    monkeypatch.setenv("STORYPORT_LANG", "zh_CN")
    assert i18n.choose_language() == "zh_CN"
    assert i18n.choose_language("ru") == "ru"
    i18n.save_language(None)
    monkeypatch.delenv("STORYPORT_LANG")
    assert i18n.choose_language() == "en"


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("en", ["1 error", "2 errors", "5 errors", "21 errors"]),
        ("ru", ["1 ошибка", "2 ошибки", "5 ошибок", "21 ошибка"]),
        ("kk", ["1 қате", "2 қате", "5 қате", "21 қате"]),
        ("zh_CN", ["1 个错误", "2 个错误", "5 个错误", "21 个错误"]),
    ],
)
def test_plurals_follow_each_language(qapp, lang: str, forms: list[str]) -> None:
    try:
        assert i18n.install_translators(qapp, lang) == lang
        got = [
            QCoreApplication.translate("StatusLine", "%n error(s)", "", n) for n in (1, 2, 5, 21)
        ]
        assert got == forms
        assert QLocale().name().startswith(lang.split("_")[0])  # dates and numbers follow
    finally:
        i18n.install_translators(qapp, "en")


def test_the_editor_window_speaks_the_chosen_language(qtbot, qapp) -> None:
    from ui.editor.window import EditorWindow

    try:
        i18n.install_translators(qapp, "ru")
        win = EditorWindow()
        qtbot.addWidget(win)
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus[:2] == ["&Файл", "&Правка"]
        assert win.windowTitle() == "Редактор Storyport"
    finally:
        i18n.install_translators(qapp, "en")


def _story(path: Path, language: str, title: str) -> Path:
    pkg = create_package(path)
    set_story(pkg, StoryFields(title=title, language=language, published="2026-12-01"))
    for n in range(1, 11):
        add_chapter(pkg, f"{title} {n}", body_md="…")
    pkg.close()
    return path


@pytest.mark.parametrize(
    ("language", "start", "kicker"),
    [
        ("ru", "Начать чтение", "ИСТОРИЯ В 10 ГЛАВАХ"),
        ("kk", "Оқуды бастау", "10 ТАРАУДАН ТҰРАТЫН ӘҢГІМЕ"),
        ("zh", "开始阅读", "共 10 章的故事"),
        ("en", "Start reading", "A STORY IN 10 CHAPTERS"),
    ],
)
def test_the_readers_own_words_follow_the_storys_language(
    qtbot, tmp_path: Path, language: str, start: str, kicker: str
) -> None:
    """An English interface reading a Russian story: the cover and the chapter say it in Russian."""
    from story.package.file import open_package
    from ui.reader.window import ReaderWindow

    pkg = open_package(_story(tmp_path / "s.storypkg", language, "Хоргос"))
    window = ReaderWindow(pkg, sync_images=True)
    qtbot.addWidget(window)
    view = window.view
    assert view is not None
    view.show_cover()
    assert view.cover.start.text() == start
    assert view.cover.kicker.text() == kicker
    words = ReaderWords(language)
    assert view.topbar.next.text() == words.next()
    view.show_chapter(1)
    doc = view.chapter_page.text.document().toPlainText().lstrip("\u2068")
    assert doc.startswith(words.chapter_of(1, 10).upper())
    view.shutdown()
    pkg.close()


def test_reader_words_in_chinese_and_kazakh_read_naturally() -> None:
    assert ReaderWords("zh").chapter_of(1, 10) == "第 1 章，共 10 章"
    assert ReaderWords("kk").chapter_of(3, 10) == "3-тарау, барлығы 10"
    assert ReaderWords("ru").chapter_of(1, 10) == "Глава 1 из 10"
    assert ReaderWords("en").chapter_of(1, 10) == "Chapter 1 of 10"


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "December 1, 2026"),
        ("ru", "1 декабря 2026\u202fг."),
        ("zh_CN", "2026年12月1日"),
        ("ar", "١ ديسمبر ٢٠٢٦"),
    ],
)
def test_dates_in_the_locales_form(lang: str, shown: str) -> None:
    assert format_date("2026-12-01", QLocale(lang)) == shown
    assert format_date("spring 2016", QLocale(lang)) == "spring 2016"  # as written


def test_read_lang_paints_the_cover_in_russian(tmp_path: Path, bundled_package: Path) -> None:
    """``read --lang ru`` through the real command line, offscreen."""
    out = tmp_path / "cover-ru.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "read", str(bundled_package), "--lang", "ru",
         "--chapter", "1", "--screenshot", str(out), "--size", "900x600"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
             "STORYPORT_HOME": str(tmp_path / "home")},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


def test_the_view_menu_sets_the_interface_language(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui.editor.window import EditorWindow

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path))
    monkeypatch.delenv("STORYPORT_LANG")
    win = EditorWindow()
    qtbot.addWidget(win)
    from PySide6.QtWidgets import QMenu

    view = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    assert isinstance(view, QMenu)
    menu = next(a.menu() for a in view.actions() if a.menu() is not None)
    assert isinstance(menu, QMenu)
    assert menu.title() == "Interface &language"
    names = [a.text() for a in menu.actions()]
    assert names == ["As the system", "English", "Русский", "Қазақша", "简体中文"]
    next(a for a in menu.actions() if a.text() == "Қазақша").trigger()
    assert i18n.saved_language() == "kk"
    assert i18n.choose_language() == "kk"
    assert "Қазақша" in win.statusBar().currentMessage()
    menu.actions()[0].trigger()
    assert i18n.saved_language() is None


@pytest.mark.parametrize(("lang_env", "expected"), [("kk_KZ.UTF-8", "kk"), ("C.UTF-8", "en")])
def test_the_app_follows_the_system_locale(tmp_path: Path, lang_env: str, expected: str) -> None:
    """No --lang, no setting: LANG decides (Qt reads it at start), C is English."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.pop("STORYPORT_LANG", None)
    env.update(
        LANG=lang_env, LANGUAGE="", STORYPORT_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen"
    )
    code = "from ui.i18n import choose_language; print(choose_language())"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env, cwd=ROOT
    )
    assert done.stdout.strip() == expected, done.stderr
