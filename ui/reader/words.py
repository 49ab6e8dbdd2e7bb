"""The reader's own words on a story ("Start reading", "Chapter 1 of 10"), in the story's language.

A Russian story read on an English desktop says "Начать чтение", not "Start
reading": these words belong to the page, like the story's title. They come
from the same catalogues as the interface (``ui/translations``), under the
context ``ReaderWords``, through a translator bound to the story's language
(``ui.i18n.words_for``); a story in a language we have no catalogue for gets
the interface's language. Dates take the story's locale either way.

Whoever shows a story in another language (a translation chosen in the
reader) makes a ``ReaderWords`` for that language and hands it on.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale, QObject, Qt

from ui.i18n import Words, direction_for, words_for


class ReaderWords(QObject):
    """``tr`` is routed to the story's language; lupdate reads these calls as usual."""

    def __init__(self, language: str | None, sample: str = "") -> None:
        super().__init__()
        self.language = language or ""
        self._words: Words = words_for(language)
        self.locale: QLocale = self._words.locale
        #: right to left for Arabic, Persian, Hebrew... (or a story of no language written so)
        self.direction: Qt.LayoutDirection = direction_for(language, sample)

    @property
    def rtl(self) -> bool:
        return self.direction == Qt.LayoutDirection.RightToLeft

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self._words.translate("ReaderWords", text, disambiguation, n)

    # -- the cover --------------------------------------------------------------------
    def kicker(self, chapters: int) -> str:
        return self.tr("A STORY IN %n CHAPTER(S)", "cover, above the title", chapters)

    def start_reading(self) -> str:
        return self.tr("Start reading")

    def explore_map(self) -> str:
        return self.tr("Explore the map")

    def about_story(self) -> str:
        return self.tr("About this story")

    def cover_name(self, title: str) -> str:
        return self.tr("Cover: %1", "accessible name").replace("%1", title)

    # -- pages ------------------------------------------------------------------------
    def chapter_of(self, index: int, total: int) -> str:
        return (
            self.tr("Chapter %1 of %2", "above a chapter's title")
            .replace("%1", self.locale.toString(index))
            .replace("%2", self.locale.toString(total))
        )

    def chapter_number(self, index: int) -> str:
        return self.tr("Chapter %1").replace("%1", self.locale.toString(index))

    # -- the top bar ------------------------------------------------------------------
    def position(self, index: int, total: int) -> str:
        return (
            self.tr("%1 / %2", "top bar: the chapter shown of how many")
            .replace("%1", self.locale.toString(index))
            .replace("%2", self.locale.toString(total))
        )

    def contents_button(self) -> str:
        return self.tr("Contents", "top bar button")

    def cover_button(self) -> str:
        return self.tr("Cover", "top bar button")

    def map_button(self) -> str:
        return self.tr("Map", "top bar button")

    def previous(self) -> str:
        """'Previous' with an arrow pointing back in the reading direction."""
        word = self.tr("Previous", "chapter")
        return f"{word}  ›" if self.rtl else f"‹  {word}"

    def next(self) -> str:
        """'Next' with an arrow pointing on in the reading direction (left for Arabic)."""
        word = self.tr("Next", "chapter")
        return f"‹  {word}" if self.rtl else f"{word}  ›"

    # -- dates ------------------------------------------------------------------------
    def date(self, iso: str) -> str:
        """An ISO date (``2026-12-01``, ``2026-12``, ``2026``) in the story locale's form."""
        return format_date(iso, self._words.date_locale)


_LONG_WEEKDAY = re.compile(r"[,،\s]*d{4}[,،\s]*")


def format_date(iso: str, locale: QLocale) -> str:
    """A day, month or year in the locale's long form; anything else as it was written.

    In a right-to-left line ``2026-12-01`` is shown as ``01-12-2026``; the
    locale's own form reads right in either direction.
    """
    text = iso.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return iso
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    date = QDate(year, month, day)
    if not date.isValid():
        return iso
    if m[3]:
        pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
        pattern = _LONG_WEEKDAY.sub(" ", pattern).strip()
        if locale.language() in (QLocale.Language.Chinese, QLocale.Language.Japanese):
            pattern = pattern.replace(" ", "")
        return locale.toString(date, pattern)
    if m[2]:
        if locale.language() in (QLocale.Language.Chinese, QLocale.Language.Japanese):
            return locale.toString(date, "yyyy年M月")
        month_name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
        return f"{month_name} {locale.toString(date, 'yyyy')}"
    return locale.toString(date, "yyyy")
