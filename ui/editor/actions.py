"""The editor's menus, toolbar and shortcuts (standard keys where the platform has one).

Actions are keyed by the :class:`Action` enum (like Picard's ``MainAction``),
so a misspelt action is a mypy error, not a ``KeyError`` at run time. This
module holds only the layout (texts, keys, icons, menus, toolbar); the window
hands in what each action does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar, QWidget

from ui.editor.icons import icon
from ui.language_menu import language_menu

Std = QKeySequence.StandardKey
Keys = Std | str | list[QKeySequence] | None

#: lupdate reads translate("Actions", ...) calls; the texts are made when the window is.
translate = QCoreApplication.translate


class Action(Enum):
    NEW = auto()
    OPEN = auto()
    OPEN_LIBRARY = auto()
    PUSH_LIBRARY = auto()
    IMPORT = auto()
    EXPORT = auto()
    PUBLISH_WEB = auto()
    CLOSE = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    ADD_CHAPTER = auto()
    DUPLICATE_CHAPTER = auto()
    DELETE_CHAPTER = auto()
    RENAME_CHAPTER = auto()
    MOVE_UP = auto()
    MOVE_DOWN = auto()
    PREVIEW = auto()
    TAB_STORY = auto()
    TAB_CHAPTER = auto()
    TAB_MEDIA = auto()
    TAB_PLACE = auto()
    TRANSLATIONS = auto()
    ABOUT = auto()


#: The tab actions, in tab order.
TAB_ACTIONS = (Action.TAB_STORY, Action.TAB_CHAPTER, Action.TAB_MEDIA, Action.TAB_PLACE)
#: Actions that change the story: off while it is open read-only.
WRITING_ACTIONS = (
    Action.ADD_CHAPTER,
    Action.DUPLICATE_CHAPTER,
    Action.DELETE_CHAPTER,
    Action.RENAME_CHAPTER,
    Action.MOVE_UP,
    Action.MOVE_DOWN,
    Action.IMPORT,
)
#: Actions that need an open story.
STORY_ACTIONS = (
    Action.EXPORT,
    Action.PUSH_LIBRARY,
    Action.PUBLISH_WEB,
    Action.PREVIEW,
    Action.TRANSLATIONS,
    *TAB_ACTIONS,
)


def publish_web(win: QMainWindow) -> None:
    """File > Publish web edition… (ui/editor/publish_web.py, loaded on first use)."""
    from ui.editor.publish_web import ask_publish

    ask_publish(win)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        translate("Actions", "Storyport Editor"),
        translate(
            "Actions",
            "Every edit is saved as you make it; Ctrl+Z undoes it.\n"
            "F5 previews the story in the reader.",
        ),
    )


def open_translations(parent: QMainWindow) -> None:
    """The translation view of the open story (ui/editor/translations.py)."""
    from ui.editor.translations import open_translations as open_view

    open_view(parent)


@dataclass(frozen=True)
class _Spec:
    text: str
    keys: Keys = None
    icon_name: str | None = None
    tip: str = ""
    icon_text: str = ""


def _redo_keys() -> list[QKeySequence]:
    keys = QKeySequence.keyBindings(Std.Redo)
    if QKeySequence("Ctrl+Shift+Z") not in keys:  # a key listed twice would be ambiguous
        keys.insert(0, QKeySequence("Ctrl+Shift+Z"))
    return keys


def _specs() -> dict[Action, _Spec]:
    specs = {
        Action.NEW: _Spec(
            translate("Actions", "&New story…"),
            Std.New,
            "new",
            translate("Actions", "Create a new story package"),
            translate("Actions", "New"),
        ),
        Action.OPEN: _Spec(
            translate("Actions", "&Open…"),
            Std.Open,
            "open",
            translate("Actions", "Open a story package"),
            translate("Actions", "Open"),
        ),
        Action.OPEN_LIBRARY: _Spec(
            translate("Actions", "Open from &library…"),
            None,
            None,
            translate("Actions", "Pull a story from the newsroom's shared library"),
        ),
        Action.PUSH_LIBRARY: _Spec(
            translate("Actions", "&Push to library…"),
            None,
            None,
            translate("Actions", "Store this story as a new version in the shared library"),
        ),
        Action.IMPORT: _Spec(
            translate("Actions", "&Import media…"),
            "Ctrl+I",
            "import",
            translate("Actions", "Import photos and recordings"),
            translate("Actions", "Import"),
        ),
        Action.EXPORT: _Spec(
            translate("Actions", "&Export compact copy…"),
            "Ctrl+E",
            "export",
            translate("Actions", "Write a compact copy for distribution"),
            translate("Actions", "Export"),
        ),
        Action.PUBLISH_WEB: _Spec(
            "Publish &web edition…",  # not yet in the catalogues (ui/translations)
            "Ctrl+Shift+E",
            None,
            "Write the story as a static web site (opens from a folder or any host)",
        ),
        Action.CLOSE: _Spec(translate("Actions", "&Close"), Std.Close),
        Action.QUIT: _Spec(translate("Actions", "&Quit"), Std.Quit),
        Action.UNDO: _Spec(translate("Actions", "&Undo"), Std.Undo, "undo"),
        Action.REDO: _Spec(translate("Actions", "&Redo"), _redo_keys(), "redo"),
        Action.ADD_CHAPTER: _Spec(
            translate("Actions", "&Add chapter"),
            "Ctrl+Shift+N",
            "add",
            translate("Actions", "Add a chapter after this one"),
            translate("Actions", "Chapter"),
        ),
        Action.DUPLICATE_CHAPTER: _Spec(
            translate("Actions", "D&uplicate chapter"), "Ctrl+D", "duplicate"
        ),
        Action.DELETE_CHAPTER: _Spec(
            translate("Actions", "&Delete chapter"), "Ctrl+Shift+Backspace", "delete"
        ),
        Action.RENAME_CHAPTER: _Spec(translate("Actions", "Re&name chapter"), "F2"),
        Action.MOVE_UP: _Spec(translate("Actions", "Move chapter &up"), "Alt+Shift+Up", "up"),
        Action.MOVE_DOWN: _Spec(
            translate("Actions", "Move chapter do&wn"), "Alt+Shift+Down", "down"
        ),
        Action.PREVIEW: _Spec(
            translate("Actions", "&Preview in the reader"),
            [QKeySequence("F5"), QKeySequence("Ctrl+R")],
            "preview",
            translate("Actions", "Switch to the reader at this chapter and back (F5)"),
            translate("Actions", "Preview"),
        ),
        Action.TRANSLATIONS: _Spec(
            translate("Actions", "&Translations…"),
            "Ctrl+Shift+L",
            None,
            translate("Actions", "The story's texts in other languages, beside the original"),
        ),
        Action.ABOUT: _Spec(translate("Actions", "&About the editor")),
    }
    names = (
        translate("Actions", "&Story"),
        translate("Actions", "&Chapter"),
        translate("Actions", "&Media"),
        translate("Actions", "&Place"),
    )
    for i, (action, name) in enumerate(zip(TAB_ACTIONS, names, strict=True), start=1):
        specs[action] = _Spec(name, f"Ctrl+{i}")
    return specs


def _action(win: QMainWindow, spec: _Spec, slot: Callable[[], object]) -> QAction:
    act = QAction(spec.text, win)
    if spec.icon_name:
        act.setIcon(icon(spec.icon_name))
    if isinstance(spec.keys, Std):
        act.setShortcuts(spec.keys)
    elif isinstance(spec.keys, str):
        act.setShortcut(QKeySequence(spec.keys))
    elif isinstance(spec.keys, list):
        act.setShortcuts(spec.keys)
    act.setToolTip(spec.tip or spec.text.replace("&", "").replace("…", ""))
    act.setStatusTip(spec.tip)
    if spec.icon_text:
        act.setIconText(spec.icon_text)
    act.triggered.connect(lambda _=False: slot())
    win.addAction(act)
    return act


def build(
    win: QMainWindow,
    slots: Mapping[Action, Callable[[], object]],
    fill_recent: Callable[[], None],
) -> tuple[dict[Action, QAction], QMenu]:
    """Make every action with its menus and toolbar on ``win``; returns them and "Open recent"."""
    a = {action: _action(win, spec, slots[action]) for action, spec in _specs().items()}
    a[Action.PREVIEW].setCheckable(True)

    bar = win.menuBar()
    file_menu = bar.addMenu(translate("Actions", "&File"))
    for k in (Action.NEW, Action.OPEN):
        file_menu.addAction(a[k])
    recent = QMenu(translate("Actions", "Open &recent"), win)
    recent.aboutToShow.connect(fill_recent)
    file_menu.addMenu(recent)
    file_menu.addAction(a[Action.OPEN_LIBRARY])
    file_menu.addAction(a[Action.PUSH_LIBRARY])
    file_menu.addSeparator()
    for k in (Action.IMPORT, Action.EXPORT, Action.PUBLISH_WEB):
        file_menu.addAction(a[k])
    file_menu.addSeparator()
    file_menu.addAction(a[Action.CLOSE])
    file_menu.addAction(a[Action.QUIT])
    edit_menu = bar.addMenu(translate("Actions", "&Edit"))
    edit_menu.addAction(a[Action.UNDO])
    edit_menu.addAction(a[Action.REDO])
    edit_menu.addSeparator()
    for k in (
        Action.ADD_CHAPTER,
        Action.DUPLICATE_CHAPTER,
        Action.RENAME_CHAPTER,
        Action.DELETE_CHAPTER,
        Action.MOVE_UP,
        Action.MOVE_DOWN,
    ):
        edit_menu.addAction(a[k])
    view_menu = bar.addMenu(translate("Actions", "&View"))
    view_menu.addAction(a[Action.PREVIEW])
    view_menu.addAction(a[Action.TRANSLATIONS])
    view_menu.addSeparator()
    for k in TAB_ACTIONS:
        view_menu.addAction(a[k])
    view_menu.addSeparator()
    view_menu.addMenu(language_menu(win))  # the interface language, from the next start
    bar.addMenu(translate("Actions", "&Help")).addAction(a[Action.ABOUT])

    tools = QToolBar(translate("Actions", "Main"), win)
    tools.setObjectName("MainToolbar")
    tools.setMovable(False)
    tools.setIconSize(QSize(20, 20))
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    order: tuple[Action | None, ...] = (
        Action.NEW,
        Action.OPEN,
        None,
        Action.UNDO,
        Action.REDO,
        None,
        Action.ADD_CHAPTER,
        Action.IMPORT,
        None,
        Action.PREVIEW,
        Action.EXPORT,
    )
    for key in order:
        if key is None:
            tools.addSeparator()
        else:
            tools.addAction(a[key])
    win.addToolBar(tools)
    return a, recent


def library_slots(win: QMainWindow) -> dict[Action, Callable[[], object]]:
    """File > Open from library… and Push to library… (ui/editor/library.py, loaded on first
    use: the library's driver is not imported while nobody uses it)."""

    def link() -> Any:
        from ui.editor.library import attach

        return attach(win)

    return {
        Action.OPEN_LIBRARY: lambda: link().ask_open(),
        Action.PUSH_LIBRARY: lambda: link().ask_push(),
    }
