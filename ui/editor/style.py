"""The editor's look: the reader's palette and fonts, calm neutral chrome, one accent."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.theme import SANS, SERIF, Palette


def editor_style(p: Palette) -> str:
    paper = p.paper
    panel = QColor(paper).darker(104).name()
    line = QColor(paper).darker(115).name()
    field = "#fffdf9"
    return f"""
    QMainWindow, #Welcome {{ background: {paper}; }}
    QWidget {{ font-family: "{SANS}"; font-size: 13px; color: {p.ink}; }}
    QMenuBar {{ background: {panel}; border-bottom: 1px solid {line}; }}
    QMenuBar::item {{ padding: 4px 10px; background: transparent; }}
    QMenuBar::item:selected {{ background: {line}; border-radius: 4px; }}
    QToolBar#MainToolbar {{ background: {panel}; border: none; border-bottom: 1px solid {line};
                            padding: 4px 8px; spacing: 4px; }}
    QToolBar QToolButton {{ padding: 4px 8px; border-radius: 6px; border: 1px solid transparent; }}
    QToolBar QToolButton:hover {{ background: {line}; }}
    QToolBar QToolButton:disabled {{ color: {QColor(p.muted).lighter(150).name()}; }}
    QToolBar QToolButton:checked {{ background: {p.accent}; color: white; }}
    QStatusBar {{ background: {panel}; border-top: 1px solid {line}; color: {p.muted}; }}
    QStatusBar QLabel {{ color: {p.muted}; padding: 0 8px; }}
    #ChapterPanel, #ValidationPanel {{ background: {panel}; }}
    #PanelHeading {{ font-size: 11px; font-weight: 600; letter-spacing: 1.5px; color: {p.muted}; }}
    #SectionTitle {{ font-size: 17px; font-weight: 600; }}
    #Muted {{ color: {p.muted}; font-size: 12px; }}
    #MediaDetails, #StoryDetails, QScrollArea {{ background: {paper}; }}
    #AllClear {{ color: #5f7f3a; font-size: 15px; font-weight: 600; }}
    #Error {{ color: {p.accent}; }}
    #WelcomeTitle {{ font-family: "{SERIF}"; font-size: 34px; font-weight: 700; }}
    #Banner {{ background: #fbe9d6; border: 1px solid {p.accent_soft}; border-radius: 6px;
               padding: 8px 12px; color: {p.ink}; }}
    QListView, QListWidget {{ background: {field}; border: 1px solid {line}; border-radius: 6px;
                              outline: none; }}
    #ChapterPanel QListView::item {{ padding: 7px 8px; border-radius: 5px; }}
    QListView::item:selected, QListWidget::item:selected {{ background: {p.accent}; color: white; }}
    QListView::item:hover:!selected {{ background: {QColor(paper).darker(106).name()}; }}
    #ValidationPanel QListView::item {{ padding: 6px 4px; border-bottom: 1px solid {panel}; }}
    QLineEdit, QPlainTextEdit, QComboBox {{
        background: {field}; border: 1px solid {line}; border-radius: 5px; padding: 5px 7px;
        selection-background-color: {p.accent_soft}; selection-color: {p.ink}; }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{
        border-color: {p.accent}; }}
    QLineEdit#TitleEdit {{ font-family: "{SERIF}"; font-size: 22px; font-weight: 700;
                           padding: 6px 8px; }}
    QPlainTextEdit#BodyEdit {{ font-size: 14px; padding: 10px; }}
    #LivePreview {{ background: {paper}; border: 1px solid {line}; border-radius: 6px; }}
    QPushButton {{ background: {field}; border: 1px solid {line}; border-radius: 6px;
                   padding: 6px 14px; }}
    QPushButton:hover {{ border-color: {p.muted}; }}
    QPushButton:focus {{ border-color: {p.accent}; }}
    QPushButton#PrimarySmall {{ background: {p.accent}; color: white; border: none;
                                font-weight: 600; padding: 8px 18px; }}
    QTabWidget::pane {{ border: none; }}
    QTabBar::tab {{ padding: 8px 16px; border: none; border-bottom: 2px solid transparent;
                    color: {p.muted}; background: transparent; }}
    QTabBar::tab:selected {{ color: {p.ink}; border-bottom-color: {p.accent}; font-weight: 600; }}
    QSplitter::handle {{ background: {line}; }}
    QSplitter::handle:horizontal {{ width: 1px; }}
    QProgressBar {{ border: 1px solid {line}; border-radius: 4px; background: {field};
                    text-align: center; height: 16px; }}
    QProgressBar::chunk {{ background: {p.accent_soft}; }}
    #CoverThumb {{ background: {panel}; border: 1px dashed {line}; border-radius: 6px;
                   color: {p.muted}; }}
    QTextBrowser {{ font-family: "{SERIF}"; }}
    """
