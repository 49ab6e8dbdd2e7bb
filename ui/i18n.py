"""The interface's language: Qt translators (Russian, Kazakh, Chinese) and the reader's own words.

English is the source language (the strings in the code); ``ru``, ``kk`` and
``zh_CN`` come from ``ui/translations/storyport_*.ts``, compiled to ``.qm`` by
``pyside6-lrelease`` at set-up (``scripts/setup.sh``) or, when a ``.qm`` is
missing or older than its ``.ts``, into the cache folder the first time it is
needed. The language is, in order: ``--lang``, ``STORYPORT_LANG``, the saved
setting (``ui/language``), the system's locale; a C or POSIX locale means
English.

The reader's own words on a story ("Start reading", "Chapter 1 of 10") follow
the story's language when it is one of ours: :func:`words_for` gives a
translator bound to that language, whatever the interface speaks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)

from story.paths import cache_dir, data_home

#: The interface's languages, each named in itself (for the setting's menu).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "kk": "Қазақша",
    "zh_CN": "简体中文",
}
DEFAULT = "en"
#: Scripts written right to left, by language subtag (ISO 639-1 and -3).
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "iw", "ur", "ps", "yi", "ckb", "dv", "sd", "syr"})
#: The settings key of the chosen interface language ("" or missing: the system's).
SETTING = "ui/language"

_installed: list[QTranslator] = []
_current = DEFAULT
_asked: str | None = None  # the language a person chose (not the system's), if any


def supported(tag: str | None) -> str | None:
    """The interface language for a locale or language tag (``ru_RU.UTF-8``, ``zh-Hans``...)."""
    if not tag:
        return None
    tag = tag.split(".")[0].split("@")[0].replace("-", "_")
    if tag in LANGUAGES:
        return tag
    parts = tag.split("_")
    base = parts[0].lower()
    if base == "zh":
        rest = {p.lower() for p in parts[1:]}
        # Traditional Chinese readers are better served by English than by simplified forms
        return None if rest & {"hant", "tw", "hk", "mo"} else "zh_CN"
    return base if base in LANGUAGES else None


def system_language() -> str:
    """The first of the system's UI languages we have; English for C/POSIX or none of ours."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            if value in ("C", "POSIX") or value.startswith("C."):
                return DEFAULT
            break
    for tag in QLocale.system().uiLanguages():
        found = supported(tag)
        if found:
            return found
        if tag.lower().startswith("en"):
            return DEFAULT
    return DEFAULT


def _settings() -> QSettings:
    path = data_home() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def saved_language() -> str | None:
    value = _settings().value(SETTING, "")
    return supported(str(value)) if value else None


def save_language(lang: str | None) -> None:
    """Remember ``lang`` as the interface language (``None``: follow the system)."""
    s = _settings()
    if lang is None:
        s.remove(SETTING)
    else:
        s.setValue(SETTING, supported(lang) or DEFAULT)
    s.sync()


def choose_language(cli: str | None = None) -> str:
    """``--lang`` first, then ``STORYPORT_LANG``, the setting, the system's locale."""
    for candidate in (cli, os.environ.get("STORYPORT_LANG")):
        found = supported(candidate)
        if found:
            return found
        if candidate and candidate.lower().startswith(("en", "c")):
            return DEFAULT
    return saved_language() or system_language()


def _sources() -> Path:
    return Path(str(resources.files("ui") / "translations"))


def ts_files() -> dict[str, Path]:
    """The ``.ts`` source of each language (English's holds only its plural forms)."""
    return {lang: _sources() / f"storyport_{lang}.ts" for lang in LANGUAGES}


def _lrelease() -> str | None:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else shutil.which("pyside6-lrelease")


def qm_file(lang: str) -> Path | None:
    """The compiled catalogue for ``lang``: beside its ``.ts`` or compiled now into the cache."""
    ts = ts_files().get(lang)
    if ts is None or not ts.is_file():
        return None
    beside = ts.with_suffix(".qm")
    if beside.is_file() and beside.stat().st_mtime >= ts.stat().st_mtime:
        return beside
    cached = cache_dir("translations") / beside.name
    if cached.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    tool = _lrelease()
    if tool is None:
        return beside if beside.is_file() else None
    cached.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [tool, "-silent", str(ts), "-qm", str(cached)], capture_output=True, timeout=60
    )
    if done.returncode == 0 and cached.is_file():
        return cached
    return beside if beside.is_file() else None


@cache
def _translator(lang: str) -> QTranslator | None:
    qm = qm_file(lang)
    if qm is None:
        return None
    t = QTranslator()
    return t if t.load(str(qm)) else None


def install_translators(app: QCoreApplication, lang: str | None = None) -> str:
    """Make ``lang`` (or :func:`choose_language`'s pick) the interface language; returns it.

    Installs Storyport's catalogue and Qt's own (standard buttons and dialogs),
    sets the default QLocale (dates and numbers) and the layout direction.
    """
    global _current, _asked
    chosen = supported(lang) or (DEFAULT if lang else choose_language())
    _asked = chosen if lang or os.environ.get("STORYPORT_LANG") or saved_language() else None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ours = _translator(chosen)  # English too: "1 chapter", "2 chapters"
    if ours is not None:
        app.installTranslator(ours)
        _installed.append(ours)
    if chosen != DEFAULT:
        qt = QTranslator(app)
        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{chosen}", path):
            app.installTranslator(qt)
            _installed.append(qt)
    _current = chosen
    QLocale.setDefault(locale_for(chosen))
    return chosen


def fill(template: str, *args: object) -> str:
    """``%1``, ``%2``... of a translated ``template`` replaced in one pass (as QString.arg)."""
    return re.sub(r"%(\d)", lambda m: _arg(args, int(m[1])), template)


def _arg(args: tuple[object, ...], k: int) -> str:
    return str(args[k - 1]) if 0 < k <= len(args) else f"%{k}"


def current_language() -> str:
    """The interface language installed last (``en`` before any)."""
    return _current


def preferred_languages() -> list[str]:
    """Languages to show a story in, most wanted first: the one chosen (``--lang``,
    ``STORYPORT_LANG``, the setting), then the system's (``QLocale.uiLanguages``)."""
    system = list(QLocale.system().uiLanguages())
    if _asked is None:
        return system
    return [_asked.replace("_", "-"), *system]


def locale_for(lang: str) -> QLocale:
    return QLocale(lang.replace("-", "_"))


def is_rtl(lang: str | None) -> bool:
    """True for a language written right to left (``ar``, ``fa``, ``he``, ...)."""
    if not lang:
        return False
    base = lang.replace("-", "_").split("_")[0].lower()
    return base in RTL_LANGUAGES


def text_is_rtl(text: str) -> bool:
    """True when the first strong character of ``text`` is right to left (Unicode's rule)."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


#: Hebrew, Arabic (with Syriac, Thaana, NKo...) and their presentation forms.
_RTL_SCRIPT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def has_rtl_script(text: str) -> bool:
    """True when ``text`` holds any letter of a right-to-left script."""
    return _RTL_SCRIPT.search(text) is not None


def direction_for(lang: str | None, sample: str = "") -> Qt.LayoutDirection:
    """The story's reading direction: from its language, else from its own text."""
    rtl = is_rtl(lang) or (not lang or lang == "und") and text_is_rtl(sample)
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


class Words:
    """The reader's own words in one language (the story's), whatever the interface speaks."""

    def __init__(self, lang: str | None) -> None:
        ours = supported(lang) if lang else None
        self.lang = ours or (lang or DEFAULT)
        self._t = _translator(ours) if ours else None
        #: numbers in the words' language; dates in the story's (the same here)
        self.locale = locale_for(self.lang) if lang else QLocale()
        self.date_locale = self.locale

    def translate(
        self, context: str, text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        out = self._t.translate(context, text, disambiguation, n) if self._t is not None else ""
        out = out or text
        if n >= 0:
            out = out.replace("%n", self.locale.toString(n))
        return out


def words_for(story_language: str | None) -> Words:
    """Words in the story's language when we have it, else in the interface's language."""
    ours = supported(story_language)
    if ours is not None:
        return Words(ours)
    return _InterfaceWords(story_language)


class _InterfaceWords(Words):
    """The interface's language (the installed translators), the story's locale for dates."""

    def __init__(self, story_language: str | None) -> None:
        super().__init__(None)
        if story_language and story_language != "und":
            self.date_locale = locale_for(story_language)

    def translate(
        self, context: str, text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return QCoreApplication.translate(context, text, disambiguation, n)
