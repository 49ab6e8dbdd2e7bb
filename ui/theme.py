"""The look: bundled fonts, the story's palette (its ``theme``) and one style sheet.

The story brings its own colours (``StoryInfo.theme``); the chrome stays
neutral. Sizes follow VISUAL.md: serif body text 18 px with 1.5 line height,
sans for the interface.
"""

from __future__ import annotations

import re
from importlib import resources

from PySide6.QtGui import QColor, QFont, QFontDatabase

from ui.schemes import Palette as Palette  # the colour roles live in ui/schemes.py

SERIF = "Noto Serif"
SANS = "Inter"
#: The Markdown box's face (a hard-wrapped line keeps its shape; ``editing_font``).
MONO = "DejaVu Sans Mono"
BODY_PX = 18

#: The sans and serif for Chinese (installed by the set-up: fonts-wqy-microhei, docs/FONTS.md).
CJK = "WenQuanYi Micro Hei"
#: Where a character missing from a family is looked for first, before the system's fallbacks:
#: Arabic (also Persian, Urdu, Uyghur) and Hebrew ship in ui/fonts, Chinese is installed.
#: Inter and Noto Serif hold Latin and Cyrillic with every Kazakh letter themselves.
FALLBACKS: dict[str, tuple[str, ...]] = {
    SANS: ("Noto Sans Arabic", "Noto Sans Hebrew", CJK),
    SERIF: ("Noto Naskh Arabic", "Noto Serif Hebrew", CJK),
}
#: A proportional face for editing right-to-left text (monospace spreads Arabic letters apart).
RTL_EDIT_FAMILIES = ("Noto Sans Arabic", "Noto Sans Hebrew", SANS, CJK)

_fonts_loaded = False


def load_fonts() -> None:
    """Register the bundled typefaces (Inter, Noto Serif, Arabic, Hebrew) and their fallbacks."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    folder = resources.files("ui") / "fonts"
    for entry in folder.iterdir():
        if entry.name.endswith((".ttf", ".otf")):
            QFontDatabase.addApplicationFontFromData(entry.read_bytes())
    for family, fallbacks in FALLBACKS.items():
        QFont.insertSubstitutions(family, list(fallbacks))
    _fonts_loaded = True


def ui_font(px: int = 14, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont(SANS)
    font.setPixelSize(px)
    font.setWeight(weight)
    return font


#: Scripts with no italic of their own: Qt would slant them synthetically (CJK, Arabic, Hebrew).
_UPRIGHT = re.compile(
    "[\u0590-\u08ff\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\ufb1d-\ufdff\ufe30-\ufe4f\ufe70-\ufeff\uff00-\uffef]"
)


def slants(text: str) -> bool:
    """False for text in a script with no italics: emphasis then takes weight or colour."""
    return _UPRIGHT.search(text) is None


def editing_font(rtl: bool, px: int = 14) -> QFont:
    """The Markdown editor's face: monospace, or proportional for right-to-left text."""
    font = QFont()
    font.setFamilies(list(RTL_EDIT_FAMILIES) if rtl else [MONO])
    font.setStyleHint(QFont.StyleHint.SansSerif if rtl else QFont.StyleHint.Monospace)
    font.setPixelSize(px)
    return font


def serif_font(px: int = BODY_PX, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont(SERIF)
    font.setPixelSize(px)
    font.setWeight(weight)
    return font


def _rgba(colour: str, alpha: float) -> str:
    c = QColor(colour)
    return f"rgba({c.red()},{c.green()},{c.blue()},{alpha})"


def style_sheet(p: Palette) -> str:
    """The reader's style sheet, every colour a role of ``p`` (ui/schemes.py)."""
    return f"""
    QMainWindow, #ReaderRoot {{ background: {p.paper}; }}
    QWidget {{ font-family: "{SANS}"; color: {p.ink}; }}
    QMenu {{ background: {p.panel}; color: {p.ink}; border: 1px solid {p.line}; padding: 4px; }}
    QMenu::item {{ padding: 6px 18px; border-radius: 4px; }}
    QMenu::item:selected {{ background: {p.accent}; color: {p.on_accent}; }}
    QMenu::item:disabled {{ color: {p.muted}; }}
    QToolTip {{ background: {p.field}; color: {p.ink}; border: 1px solid {p.line}; }}
    #TopBar {{ background: {p.chrome}; }}
    #TopBar QLabel {{ color: {p.chrome_text}; font-size: 13px; }}
    #TopBar #StoryTitle {{ font-weight: 600; font-size: 14px; }}
    #TopBar QToolButton {{
        color: {p.chrome_text}; background: transparent; border: 1px solid transparent;
        border-radius: 6px; padding: 5px 10px; font-size: 13px; }}
    #TopBar QToolButton:hover {{ background: {_rgba(p.chrome_text, 0.09)}; }}
    #TopBar QToolButton:checked {{ background: {_rgba(p.chrome_text, 0.16)}; }}
    #TopBar QToolButton:disabled {{ color: {_rgba(p.chrome_text, 0.35)}; }}
    #TopBar QToolButton:focus {{ border: 2px solid {p.chrome_focus}; padding: 4px 9px; }}
    QPushButton#Primary {{
        background: {p.accent}; color: {p.on_accent}; border: none; border-radius: 20px;
        padding: 10px 28px; font-size: 16px; font-weight: 600; }}
    QPushButton#Primary:hover {{ background: {QColor(p.accent).lighter(112).name()}; }}
    QPushButton#Primary:focus {{ outline: none; border: 2px solid {p.chrome_text}; }}
    QPushButton#Secondary {{
        background: rgba(0,0,0,0.25); color: white; border: 1.5px solid rgba(255,255,255,0.85);
        border-radius: 20px; padding: 9px 26px; font-size: 16px; font-weight: 600; }}
    QPushButton#Secondary:hover {{ background: rgba(255,255,255,0.15); }}
    QPushButton#Secondary:focus {{ border: 2px solid {p.chrome_focus}; }}
    QPushButton#Link {{
        background: transparent; color: rgba(255,255,255,0.85); border: none;
        font-size: 14px; text-decoration: underline; }}
    #Kicker {{ color: {p.accent_text}; font-size: 13px; font-weight: 600;
               letter-spacing: 1.5px; }}
    #ChapterTitle {{ font-family: "{SERIF}"; font-size: 34px; font-weight: 700;
                     color: {p.ink}; }}
    #Caption {{ font-size: 14px; color: {p.caption}; }}
    #Credit {{ font-size: 12px; color: {p.credit}; }}
    #PhotoPanel {{ background: {p.chrome}; }}
    QTextBrowser {{ background: transparent; border: none; font-family: "{SERIF}";
                    font-size: {BODY_PX}px; color: {p.ink}; }}
    #AudioBar {{ background: {p.panel}; border-top: 1px solid {p.line}; }}
    #AudioBar QLabel {{ color: {p.muted}; font-size: 12px; }}
    #AudioBar #AudioTitle {{ color: {p.ink}; font-size: 13px; font-weight: 600; }}
    #AudioBar QToolButton {{ border: none; border-radius: 16px; background: {p.accent};
                             color: {p.on_accent}; font-size: 15px; }}
    #AudioBar QToolButton:focus {{ border: 2px solid {p.focus}; }}
    QSlider::groove:horizontal {{ height: 4px; background: {p.line}; border-radius: 2px; }}
    QSlider::sub-page:horizontal {{ background: {p.accent}; border-radius: 2px; }}
    QSlider::handle:horizontal {{ background: {p.accent}; width: 12px; height: 12px;
                                  margin: -4px 0; border-radius: 6px; }}
    QSlider:focus {{ border: 1px solid {p.focus}; border-radius: 4px; }}
    QScrollBar:vertical {{ background: transparent; width: 10px; margin: 0; }}
    QScrollBar::handle:vertical {{ background: {_rgba(p.ink, 0.30)}; border-radius: 3px;
                                   min-height: 40px; margin: 2px; }}
    QScrollBar::handle:vertical:hover {{ background: {_rgba(p.ink, 0.50)}; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
    QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 0; }}
    QScrollBar::handle:horizontal {{ background: {_rgba(p.ink, 0.30)}; border-radius: 3px;
                                     min-width: 40px; margin: 2px; }}
    QScrollBar::add-line:horizontal, QScrollBar::sub-line:horizontal {{ width: 0; }}
    QScrollBar::add-page:horizontal, QScrollBar::sub-page:horizontal {{ background: none; }}
    #Toc {{ background: {p.paper}; border-right: 1px solid {p.line}; }}
    #Toc QListView {{ background: transparent; border: none; font-size: 14px; outline: none; }}
    #Toc QListView::item {{ padding: 10px 14px; border-radius: 6px; }}
    #Toc QListView::item:selected {{ background: {p.accent}; color: {p.on_accent}; }}
    #Toc QListView::item:hover:!selected {{ background: {p.hover}; }}
    #TocHeading {{ font-size: 12px; font-weight: 600; color: {p.muted}; letter-spacing: 1.5px; }}
    #ThumbStrip, #Thumbs {{ background: transparent; }}
    #Thumbs QToolButton {{ border: 2px solid transparent; border-radius: 4px; padding: 0;
                           background: transparent; }}
    #Thumbs QToolButton[current="true"] {{ border-color: {p.accent}; }}
    #Thumbs QToolButton:focus {{ border-color: {p.chrome_focus}; }}
    #ThumbStrip QScrollBar:horizontal {{ background: transparent; height: 8px; margin: 0; }}
    #ThumbStrip QScrollBar::handle:horizontal {{
        background: rgba(255,255,255,0.30); border-radius: 3px; min-width: 40px; margin: 1px; }}
    #ThumbStrip QScrollBar::handle:horizontal:hover {{ background: rgba(255,255,255,0.50); }}
    """
