"""The editor's menus, toolbar and shortcuts (standard keys where the platform has one)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from ui.editor.icons import icon

if TYPE_CHECKING:
    from ui.editor.window import EditorWindow

Std = QKeySequence.StandardKey


def _action(
    win: EditorWindow,
    text: str,
    slot: Callable[[], object],
    *,
    keys: Std | str | list[QKeySequence] | None = None,
    icon_name: str | None = None,
    tip: str = "",
) -> QAction:
    act = QAction(text, win)
    if icon_name:
        act.setIcon(icon(icon_name))
    if isinstance(keys, Std):
        act.setShortcuts(keys)
    elif isinstance(keys, str):
        act.setShortcut(QKeySequence(keys))
    elif isinstance(keys, list):
        act.setShortcuts(keys)
    act.setToolTip(tip or text.replace("&", "").replace("…", ""))
    act.setStatusTip(tip)
    act.triggered.connect(lambda _=False: slot())
    win.addAction(act)
    return act


def build(win: EditorWindow) -> dict[str, QAction]:
    a: dict[str, QAction] = {}
    a["new"] = _action(
        win,
        "&New story…",
        lambda: win.opening.ask_new(),
        keys=Std.New,
        icon_name="new",
        tip="Create a new story package",
    )
    a["open"] = _action(
        win,
        "&Open…",
        lambda: win.opening.ask_open(),
        keys=Std.Open,
        icon_name="open",
        tip="Open a story package",
    )
    a["import"] = _action(
        win,
        "&Import media…",
        win.ask_import,
        keys="Ctrl+I",
        icon_name="import",
        tip="Import photos and recordings",
    )
    a["export"] = _action(
        win,
        "&Export compact copy…",
        lambda: win.opening.ask_export(),
        keys="Ctrl+E",
        icon_name="export",
        tip="Write a compact copy for distribution",
    )
    a["close"] = _action(win, "&Close", win.close, keys=Std.Close)
    a["quit"] = _action(win, "&Quit", win.close, keys=Std.Quit)
    a["undo"] = _action(win, "&Undo", win.undo, keys=Std.Undo, icon_name="undo")
    redo_keys = QKeySequence.keyBindings(Std.Redo)
    if QKeySequence("Ctrl+Shift+Z") not in redo_keys:  # a key listed twice would be ambiguous
        redo_keys.insert(0, QKeySequence("Ctrl+Shift+Z"))
    a["redo"] = _action(win, "&Redo", win.redo, keys=redo_keys, icon_name="redo")
    a["add"] = _action(
        win,
        "&Add chapter",
        lambda: win.on_chapters("add"),
        keys="Ctrl+Shift+N",
        icon_name="add",
        tip="Add a chapter after this one",
    )
    a["duplicate"] = _action(
        win,
        "D&uplicate chapter",
        lambda: win.on_chapters("duplicate"),
        keys="Ctrl+D",
        icon_name="duplicate",
    )
    a["delete"] = _action(
        win,
        "&Delete chapter",
        lambda: win.on_chapters("delete"),
        keys="Ctrl+Shift+Backspace",
        icon_name="delete",
    )
    a["rename"] = _action(win, "Re&name chapter", win.rename_current, keys="F2")
    a["up"] = _action(
        win,
        "Move chapter &up",
        lambda: win.on_chapters("move_by", -1),
        keys="Alt+Shift+Up",
        icon_name="up",
    )
    a["down"] = _action(
        win,
        "Move chapter do&wn",
        lambda: win.on_chapters("move_by", 1),
        keys="Alt+Shift+Down",
        icon_name="down",
    )
    a["preview"] = _action(
        win,
        "&Preview in the reader",
        win.toggle_preview,
        keys=[QKeySequence("F5"), QKeySequence("Ctrl+R")],
        icon_name="preview",
        tip="Switch to the reader at this chapter and back (F5)",
    )
    a["preview"].setCheckable(True)
    for i, name in enumerate(("Story", "Chapter", "Media", "Place"), start=1):
        a[f"tab{i}"] = _action(win, f"&{name}", partial(win.show_tab, i - 1), keys=f"Ctrl+{i}")
    a["about"] = _action(win, "&About the editor", win.about)

    bar = win.menuBar()
    file_menu = bar.addMenu("&File")
    for k in ("new", "open"):
        file_menu.addAction(a[k])
    recent = win.recent_menu = QMenu("Open &recent", win)
    recent.aboutToShow.connect(win.fill_recent)
    file_menu.addMenu(recent)
    file_menu.addSeparator()
    for k in ("import", "export"):
        file_menu.addAction(a[k])
    file_menu.addSeparator()
    file_menu.addAction(a["close"])
    file_menu.addAction(a["quit"])
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(a["undo"])
    edit_menu.addAction(a["redo"])
    edit_menu.addSeparator()
    for k in ("add", "duplicate", "rename", "delete", "up", "down"):
        edit_menu.addAction(a[k])
    view_menu = bar.addMenu("&View")
    view_menu.addAction(a["preview"])
    view_menu.addSeparator()
    for i in range(1, 5):
        view_menu.addAction(a[f"tab{i}"])
    bar.addMenu("&Help").addAction(a["about"])

    tools = QToolBar("Main", win)
    tools.setObjectName("MainToolbar")
    tools.setMovable(False)
    tools.setIconSize(QSize(20, 20))
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    order: tuple[str | None, ...] = (
        "new",
        "open",
        None,
        "undo",
        "redo",
        None,
        "add",
        "import",
        None,
        "preview",
        "export",
    )
    for key in order:
        if key is None:
            tools.addSeparator()
        else:
            tools.addAction(a[key])
    a["new"].setIconText("New")
    a["open"].setIconText("Open")
    a["add"].setIconText("Chapter")
    a["import"].setIconText("Import")
    a["export"].setIconText("Export")
    a["preview"].setIconText("Preview")
    win.addToolBar(tools)
    return a
