"""The reader's choice of the story's language (format 4): a switch in the top bar, remembered
per story, starting in the system's language when the story has it, else the original.

The texts come from ``story.translations``: every text in the chosen
language, or the original where it has no translation, never a blank. What
is shown in the original is marked: a chapter gets a thin note above it
("Original: English"), the about page an italic line under its heading.

``ReaderView`` holds one ``StoryLanguage`` and calls it at a few points
(``translate`` when it reads the story, ``chapter`` for each chapter,
``shown`` when a chapter is on screen); switching calls the view's
``reload``, which reads everything again in the new language.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QToolButton

from story.package.file import Package
from story.records import Chapter, ChapterSummary, MediaInfo, StoryInfo
from story.translations import FIELDS, StoryTexts, TextKey, story_languages, story_texts
from ui.i18n import LANGUAGES, preferred_languages, supported
from ui.reader.memory import ReaderMemory

if TYPE_CHECKING:
    from ui.reader.words import ReaderWords

#: "Original: English" in the languages whose catalogue may not have it yet.
_ORIGINAL = {"ru": "Оригинал: %1", "kk": "Түпнұсқа: %1", "zh_CN": "原文：%1"}
_UNTRANSLATED = {
    "ru": "Не переведено на этот язык, показан оригинал (%1).",
    "kk": "Бұл тілге аударылмаған, түпнұсқасы көрсетілген (%1).",
    "zh_CN": "尚未翻译成此语言，显示原文（%1）。",
}


def language_name(tag: str) -> str:
    """A language named in itself: "Русский", "Қазақша", "English", "Deutsch"..."""
    key = tag.replace("-", "_")
    if key in LANGUAGES:
        return LANGUAGES[key]
    locale = QLocale(key)
    name = locale.nativeLanguageName() if locale.language() != QLocale.Language.C else ""
    return name[:1].upper() + name[1:] if name else tag


def system_tags() -> list[str]:
    """The languages wanted, most first: ``--lang`` or the setting, then the system's."""
    return preferred_languages()


def initial_language(available: list[str], remembered: str, system: list[str]) -> str:
    """The language a story opens in: the remembered one when the story still has it, else
    the first of the system's languages it has (``ru-RU`` finds ``ru``), else the original
    (``available[0]``)."""
    lower = {a.lower(): a for a in available}
    if remembered and remembered.lower() in lower:
        return lower[remembered.lower()]
    for tag in system:
        tag = tag.replace("_", "-").lower()
        if tag in lower:
            return lower[tag]
        base = tag.split("-")[0]
        if base in lower:
            return lower[base]
        match = next((a for a in available if a.lower().split("-")[0] == base), None)
        if match is not None:
            return match
    return available[0] if available else ""


class StoryLanguage(QObject):
    """The language the reader shows a story in, and the texts in it."""

    changed = Signal(str)

    def __init__(
        self,
        pkg: Package,
        memory: ReaderMemory,
        parent: QObject | None = None,
        *,
        system: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pkg, self.memory = pkg, memory
        self.available = story_languages(pkg)
        self.original = self.available[0] if self.available else ""
        remembered = memory.story_language
        self.language = initial_language(
            self.available, remembered, system_tags() if system is None else system
        )
        self.texts: StoryTexts = story_texts(pkg, self.language)
        self.button: QToolButton | None = None
        self.note: QLabel | None = None
        self._words: Any = None
        self._marked: dict[int, bool] = {}  # chapter id -> something shown in the original

    @property
    def is_original(self) -> bool:
        return self.texts.is_original

    # -- texts ----------------------------------------------------------------------
    def translate(
        self, info: StoryInfo, chapters: list[ChapterSummary]
    ) -> tuple[StoryInfo, list[ChapterSummary]]:
        """The story's own texts and the contents in the language (read afresh: an edit in
        the editor may have changed a translation). ``language`` becomes the one shown, so
        the reader's own words follow it."""
        self.available = story_languages(self.pkg)
        if self.language not in self.available:
            self.language = self.original = self.available[0] if self.available else ""
        self.texts = story_texts(self.pkg, self.language)
        self._marked.clear()
        shown = self.texts.story(info)
        if "about_md" in self.texts.story_fallbacks(info):
            shown = replace(shown, about_md=_mark_heading(info.about_md, self.untranslated()))
        return replace(shown, language=self.language or info.language), [
            self.texts.summary(c) for c in chapters
        ]

    def chapter(self, chapter: Chapter) -> Chapter:
        """``chapter`` (as ``story.reading`` gives it) in the language; remembers whether
        anything of it (its texts, place, media texts) is shown in the original."""
        texts = self.texts
        keys = [
            (TextKey("media", m.id, f), getattr(m, f))
            for m in chapter.media
            for f in FIELDS["media"]
        ]
        if chapter.place is not None:
            place = texts.chapter_place(chapter.id)
            if place is not None:
                keys.append((TextKey("place", place, "name"), chapter.place.name))
        self._marked[int(chapter.id)] = not texts.is_original and bool(
            texts.chapter_fallbacks(chapter) or texts.fallbacks(keys)
        )
        return texts.chapter(chapter)

    def media(self, medium: MediaInfo) -> MediaInfo:
        return self.texts.media(medium)

    # -- words ----------------------------------------------------------------------
    def _tr(self, table: dict[str, str], source: str) -> str:
        words: ReaderWords | None = self._words
        said = words.tr(source, "a text shown in the original language") if words else source
        lang = supported(self.language)
        if said == source and lang in table:
            said = table[lang]
        return said.replace("%1", language_name(self.original))

    def original_note(self) -> str:
        return self._tr(_ORIGINAL, "Original: %1")

    def untranslated(self) -> str:
        return self._tr(_UNTRANSLATED, "Not translated into this language: the original (%1).")

    # -- the switch -----------------------------------------------------------------
    def install(self, view: Any) -> None:
        """Put the switch in the view's top bar (only when there is a choice) and the note
        above its chapter page."""
        self._words = view.words
        self.note = QLabel(view.chapter_page)
        self.note.setObjectName("OriginalNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pal = view.palette_
        self.note.setStyleSheet(
            f"padding: 5px; font-size: 12px; font-weight: 600; color: {pal.accent};"
            f" background: {pal.paper}; border-bottom: 1px solid {pal.line};"
        )
        self.note.hide()
        view.chapter_page.layout().insertWidget(0, self.note)
        self.button = QToolButton(view.topbar)
        self.button.setObjectName("StoryLanguage")
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setToolTip(self.tr("The story's language"))
        self.button.setAccessibleName(self.tr("The story's language"))
        layout = view.topbar.layout()
        layout.insertWidget(layout.indexOf(view.topbar.cover), self.button)
        self.changed.connect(lambda _lang: view.reload())
        self.refresh(view)

    def refresh(self, view: Any) -> None:
        """The switch's menu and label for the languages the story has now."""
        self._words = view.words
        if self.button is None:
            return
        menu = QMenu(self.button)
        group = QActionGroup(menu)
        for tag in self.available:
            action = QAction(language_name(tag), menu, checkable=True)
            action.setChecked(tag == self.language)
            action.setData(tag)
            action.triggered.connect(lambda _=False, t=tag: self.set_language(t))
            group.addAction(action)
            menu.addAction(action)
        old = self.button.menu()
        self.button.setMenu(menu)
        if old is not None:
            old.deleteLater()
        self.button.setText(language_name(self.language) + "  ▾")
        self.button.setVisible(len(self.available) > 1)

    def set_language(self, tag: str) -> None:
        """Show the story in ``tag`` (one of ``available``), remembered for next time."""
        if tag not in self.available or tag == self.language:
            return
        self.language = tag
        self.memory.story_language = tag
        self.texts = story_texts(self.pkg, tag)
        self.changed.emit(tag)

    def shown(self, chapter: Chapter) -> None:
        """A chapter is on screen: the note says when some of it is in the original."""
        if self.note is None:
            return
        marked = self._marked.get(int(chapter.id), False)
        self.note.setText(self.original_note() if marked else "")
        self.note.setVisible(marked)


def _mark_heading(md: str, note: str) -> str:
    """``md`` with an italic ``note`` under its leading ``# Heading`` (or first)."""
    first, sep, rest = md.lstrip().partition("\n")
    line = f"*{note}*\n\n"
    if first.startswith("# "):
        return f"{first}\n\n{line}{rest.lstrip(chr(10))}"
    return line + md if sep or first else md
