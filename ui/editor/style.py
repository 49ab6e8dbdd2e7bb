"""The editor's look: the reader's palette and fonts, calm neutral chrome, one accent.

The editor follows the desktop's light or dark while it is open
(:func:`follow_scheme`): its style sheet and its Markdown preview take the new
scheme's colours in place, so the chapter being edited, the cursor and the
undo stack stay as they were.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from ui.schemes import watcher
from ui.theme import MONO, SANS, SERIF, Palette


class _Restyler(QObject):
    """The window's slot for ``scheme_changed``: its child, so it goes with the window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def scheme_changed(self, _scheme: str) -> None:
        restyle_editor(self._window)


def follow_scheme(window: QWidget) -> None:
    """Restyle the editor ``window`` whenever the scheme in force changes (ui/schemes.py)."""
    watcher().scheme_changed.connect(_Restyler(window).scheme_changed)


def restyle_editor(window: Any) -> Palette:
    """The scheme now in force on ``window``'s sheet and on its Markdown previews."""
    p = Palette.for_scheme()
    window.palette_ = p
    window.setStyleSheet(editor_style(p))
    for w in window.findChildren(QWidget):
        preview = getattr(w, "preview", None)
        render = getattr(w, "render_preview", None)
        if preview is not None and hasattr(preview, "palette_") and callable(render):
            preview.palette_ = p  # the chapter's live preview (a reading view of its own)
            render()
    return p


def editor_style(p: Palette) -> str:
    """The editor's style sheet, every colour a role of ``p`` (ui/schemes.py).

    Lists, tabs and icon buttons draw a focus ring of their own (the style sheet's
    ``outline: none`` would otherwise leave keyboard users guessing). The Markdown
    box names its monospace face here: the ``QWidget`` rule's family would beat
    ``setFont``.
    """
    paper, panel, line, field = p.paper, p.panel, p.line, p.field
    return f"""
    QMainWindow, #Welcome {{ background: {paper}; }}
    QWidget {{ font-family: "{SANS}"; font-size: 13px; color: {p.ink}; }}
    QDialog, QMessageBox {{ background: {panel}; }}
    QMenuBar {{ background: {panel}; border-bottom: 1px solid {line}; }}
    QMenuBar::item {{ padding: 4px 10px; background: transparent; }}
    QMenuBar::item:selected {{ background: {p.hover}; border-radius: 4px; }}
    QMenu {{ background: {panel}; color: {p.ink}; border: 1px solid {line}; padding: 4px; }}
    QMenu::item {{ padding: 5px 22px 5px 18px; border-radius: 4px; }}
    QMenu::item:selected {{ background: {p.accent}; color: {p.on_accent}; }}
    QMenu::item:disabled {{ color: {p.muted}; }}
    QMenu::separator {{ height: 1px; background: {line}; margin: 4px 6px; }}
    QToolTip {{ background: {field}; color: {p.ink}; border: 1px solid {line}; }}
    QToolBar#MainToolbar {{ background: {panel}; border: none; border-bottom: 1px solid {line};
                            padding: 4px 8px; spacing: 4px; }}
    QToolBar QToolButton {{ padding: 4px 8px; border-radius: 6px; border: 1px solid transparent; }}
    QToolBar QToolButton:hover {{ background: {p.hover}; }}
    QToolBar QToolButton:disabled {{ color: {p.muted}; }}
    QToolBar QToolButton:checked {{ background: {p.accent}; color: {p.on_accent}; }}
    QToolButton:focus {{ border: 2px solid {p.focus}; border-radius: 6px; }}
    QToolBar QToolButton:focus {{ padding: 3px 7px; }}
    QStatusBar {{ background: {panel}; border-top: 1px solid {line}; color: {p.muted}; }}
    QStatusBar QLabel {{ color: {p.muted}; padding: 0 8px; }}
    #ChapterPanel, #ValidationPanel {{ background: {panel}; }}
    #PanelHeading {{ font-size: 11px; font-weight: 600; letter-spacing: 1.5px; color: {p.muted}; }}
    #SectionTitle {{ font-size: 17px; font-weight: 600; }}
    #Muted {{ color: {p.muted}; font-size: 12px; }}
    #MediaDetails, #StoryDetails, QScrollArea {{ background: {paper}; }}
    #AllClear {{ color: {p.positive}; font-size: 15px; font-weight: 600; }}
    #Error {{ color: {p.accent_text}; }}
    #WelcomeTitle {{ font-family: "{SERIF}"; font-size: 34px; font-weight: 700; }}
    #Banner {{ background: {p.banner}; border: 1px solid {p.accent_soft}; border-radius: 6px;
               padding: 8px 12px; color: {p.ink}; }}
    QListView, QListWidget, QTreeView, QTableView {{
        background: {field}; border: 1px solid {line}; border-radius: 6px; outline: none; }}
    QListView:focus, QListWidget:focus, QTreeView:focus, QTableView:focus {{
        border: 2px solid {p.focus}; }}
    #ChapterPanel QListView::item {{ padding: 7px 8px; border-radius: 5px; }}
    QListView::item:selected, QListWidget::item:selected {{
        background: {p.accent}; color: {p.on_accent}; }}
    QListView::item:hover:!selected {{ background: {p.hover}; }}
    #ValidationPanel QListView::item {{ padding: 6px 4px; border-bottom: 1px solid {panel}; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {{
        background: {field}; border: 1px solid {line}; border-radius: 5px; padding: 5px 7px;
        selection-background-color: {p.accent_soft}; selection-color: {p.ink}; }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
    QDoubleSpinBox:focus {{ border: 2px solid {p.focus}; padding: 4px 6px; }}
    QComboBox QAbstractItemView {{ background: {field}; color: {p.ink};
        selection-background-color: {p.accent}; selection-color: {p.on_accent}; }}
    QLineEdit#TitleEdit {{ font-family: "{SERIF}"; font-size: 22px; font-weight: 700;
                           padding: 6px 8px; }}
    QLineEdit#TitleEdit:focus {{ padding: 5px 7px; }}
    QPlainTextEdit#BodyEdit {{ font-family: "{MONO}"; font-size: 14px; padding: 10px; }}
    QPlainTextEdit#BodyEdit:focus {{ padding: 9px; }}
    #LivePreview {{ background: {paper}; border: 1px solid {line}; border-radius: 6px; }}
    QPushButton {{ background: {field}; border: 1px solid {line}; border-radius: 6px;
                   padding: 6px 14px; }}
    QPushButton:hover {{ border-color: {p.muted}; }}
    QPushButton:focus {{ border: 2px solid {p.focus}; padding: 5px 13px; }}
    QPushButton:disabled {{ color: {p.muted}; }}
    QPushButton#PrimarySmall {{ background: {p.accent}; color: {p.on_accent}; border: none;
                                font-weight: 600; padding: 8px 18px; }}
    QPushButton#PrimarySmall:focus {{ border: 2px solid {p.ink}; padding: 6px 16px; }}
    QTabWidget::pane {{ border: none; }}
    QTabBar::tab {{ padding: 8px 16px; border: none; border-bottom: 2px solid transparent;
                    color: {p.muted}; background: transparent; }}
    QTabBar::tab:selected {{ color: {p.ink}; border-bottom-color: {p.accent}; font-weight: 600; }}
    QTabBar::tab:focus {{ border: 2px solid {p.focus}; border-radius: 4px; padding: 6px 14px; }}
    QSplitter::handle {{ background: {line}; }}
    QSplitter::handle:horizontal {{ width: 1px; }}
    QProgressBar {{ border: 1px solid {line}; border-radius: 4px; background: {field};
                    text-align: center; height: 16px; }}
    QProgressBar::chunk {{ background: {p.accent_soft}; }}
    QScrollBar:vertical {{ background: {panel}; width: 11px; margin: 0; }}
    QScrollBar:horizontal {{ background: {panel}; height: 11px; margin: 0; }}
    QScrollBar::handle {{ background: {_rgba(p.ink, 0.32)}; border-radius: 4px; margin: 2px; }}
    QScrollBar::handle:vertical {{ min-height: 32px; }}
    QScrollBar::handle:horizontal {{ min-width: 32px; }}
    QScrollBar::handle:hover {{ background: {_rgba(p.ink, 0.5)}; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
    #CoverThumb {{ background: {panel}; border: 1px dashed {line}; border-radius: 6px;
                   color: {p.muted}; }}
    QTextBrowser {{ font-family: "{SERIF}"; }}
    """


def _rgba(colour: str, alpha: float) -> str:
    c = QColor(colour)
    return f"rgba({c.red()},{c.green()},{c.blue()},{alpha})"
