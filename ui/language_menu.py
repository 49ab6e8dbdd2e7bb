"""The interface-language setting as a menu: the system's language, or one of ours.

The choice is saved (``ui.i18n.SETTING``) and used from the next start, by
the reader and the editor alike; ``--lang`` still wins for one run.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from ui.i18n import LANGUAGES, fill, save_language, saved_language


def language_menu(parent: QWidget) -> QMenu:
    """The "Interface language" menu: As the system, English, Русский, Қазақша, 简体中文."""
    menu = QMenu(QCoreApplication.translate("LanguageMenu", "Interface &language"), parent)
    group = QActionGroup(menu)
    saved = saved_language()
    system = QCoreApplication.translate("LanguageMenu", "As the system")
    for code, name in [(None, system), *LANGUAGES.items()]:
        act = menu.addAction(name)
        act.setCheckable(True)
        act.setChecked(code == saved)
        act.setData(code or "")
        group.addAction(act)
        act.triggered.connect(lambda _=False, code=code, name=name: _choose(parent, code, name))
    return menu


def _choose(parent: QWidget, code: str | None, name: str) -> None:
    save_language(code)
    if isinstance(parent, QMainWindow):
        text = QCoreApplication.translate(
            "LanguageMenu", "The interface will be in %1 from the next start."
        )
        parent.statusBar().showMessage(fill(text, name), 8000)
