"""The accessibility tree (issue 13): what a screen reader is told, screen by screen.

Walks ``QAccessible`` from each window (the cover, a chapter, the map with
its map switcher, the full-screen viewer, every editor tab) as assistive
technology does, through ``child(i)``, and checks every item a person can
operate or focus: it has a name, and a role that fits its widget (a button
is announced as a button, a text box as editable text).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from story.package.file import open_package
from tests.ui.test_editor_support import home, window  # noqa: F401 - fixtures

R = QAccessible.Role
#: Roles of things a person operates.
OPERATED = {
    R.PushButton,
    R.Button,
    R.CheckBox,
    R.RadioButton,
    R.ComboBox,
    R.EditableText,
    R.Slider,
    R.SpinBox,
    R.PageTab,
    R.Link,
    R.ButtonMenu,
    R.ButtonDropDown,
    R.ListItem,
    R.TreeItem,
    R.Cell,
    R.MenuItem,
}
#: Containers that may take focus themselves (a list, a tab bar, a page, selectable text).
FOCUSABLE_CONTAINERS = {R.List, R.Table, R.Tree, R.PageTabList, R.Client, R.Pane, R.StaticText}
#: The roles that fit a widget class.
FITTING: tuple[tuple[type, set[R]], ...] = (
    (QAbstractButton, {R.PushButton, R.Button, R.CheckBox, R.RadioButton, R.ButtonMenu}),
    (QComboBox, {R.ComboBox}),
    (QLineEdit, {R.EditableText}),
    (QPlainTextEdit, {R.EditableText}),
    (QAbstractSlider, {R.Slider, R.ScrollBar, R.SpinBox}),
    (QTabBar, {R.PageTabList}),
    (QAbstractItemView, {R.List, R.Table, R.Tree}),
)


def _walk(iface: QAccessibleInterface | None) -> Iterator[QAccessibleInterface]:
    if iface is None or not iface.isValid() or iface.state().invisible:
        return
    yield iface
    for i in range(iface.childCount()):
        yield from _walk(iface.child(i))


def audit(root: QWidget) -> tuple[int, list[str]]:
    """(items checked, problems) for the tree under ``root``."""
    checked, problems = 0, []
    for item in _walk(QAccessible.queryAccessibleInterface(root)):
        role, state = item.role(), item.state()
        widget = item.object()
        if isinstance(widget, QWidget) and widget.focusProxy() is not None:
            continue  # focus goes to its proxy, which is checked itself
        if role == R.ScrollBar or not (role in OPERATED or state.focusable):
            continue
        checked += 1
        name = item.text(QAccessible.Text.Name).strip()
        what = f"{role.name} {type(widget).__name__} {getattr(widget, 'objectName', str)()!r}"
        if not name:
            problems.append(f"no name: {what}")
        if role not in OPERATED | FOCUSABLE_CONTAINERS:
            problems.append(f"focusable but announced as {what}")
        if isinstance(widget, QWidget) and widget is not root:
            for kind, roles in FITTING:
                if isinstance(widget, kind) and role not in roles:
                    problems.append(f"a {kind.__name__} announced as {what}")
                    break
    return checked, problems


@pytest.mark.timeout(90)
def test_reader_screens(qtbot, shown_reader) -> None:
    view = shown_reader.view
    assert view is not None
    seen: dict[str, int] = {}
    problems: list[str] = []
    for screen, show in (
        ("cover", view.show_cover),
        ("chapter", lambda: view.show_chapter(2)),
        ("map", view.show_map),
    ):
        show()
        qtbot.wait(20)
        seen[screen], found = audit(shown_reader)
        problems += [f"{screen}: {p}" for p in found]
    # the map switcher is in the tree with its maps as tabs, so chapters on the second
    # map can be reached by a screen reader
    names = {
        (i.role(), i.text(QAccessible.Text.Name))
        for i in _walk(QAccessible.queryAccessibleInterface(shown_reader))
    }
    switcher = view.map_page.switcher
    assert switcher.count() >= 2
    for t in range(switcher.count()):
        assert (R.PageTab, switcher.tabText(t)) in names
    # each marker of the map shown is a button of its own, named by its place and chapters
    markers = {m.spot.place_name: len(m.spot.chapters) for m in view.map_page.markers()}
    buttons = {n.split(",")[0] for r, n in names if r == R.Button and "chapter" in n}
    assert markers and set(markers) <= buttons, (markers, buttons)
    view.show_chapter(2)
    chapter = view.chapter(2)
    view.viewer.open_at(chapter.images, 0, windowed=True)
    qtbot.waitExposed(view.viewer)
    seen["viewer"], found = audit(view.viewer)
    problems += [f"viewer: {p}" for p in found]
    # the viewer is a window of its own: named, its controls buttons with names (close,
    # previous, next), its counter and its caption read out
    viewer = QAccessible.queryAccessibleInterface(view.viewer)
    assert viewer.text(QAccessible.Text.Name)
    found_names = {(i.role(), i.text(QAccessible.Text.Name)) for i in _walk(viewer)}
    for name in ("Close", "Previous photo", "Next photo"):
        assert (R.PushButton, name) in found_names, name
    assert (R.StaticText, f"Photo 1 of {len(chapter.images)}") in found_names
    caption = chapter.images[0].caption[:40]
    assert caption and any(
        i.role() == R.StaticText and i.text(QAccessible.Text.Name).startswith(caption)
        for i in _walk(viewer)
    )
    view.viewer.close()
    assert not problems, problems
    assert seen["cover"] >= 5 and seen["chapter"] >= 10 and seen["map"] >= 8, seen
    print("reader:", seen)


@pytest.mark.timeout(120)
def test_every_editor_tab(qtbot, home: Path, bundled_package: Path) -> None:  # noqa: F811
    from ui.editor.window import EditorWindow

    pkg = open_package(bundled_package, readonly=True)
    win = EditorWindow(pkg, sync=True)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    seen: dict[str, int] = {}
    problems: list[str] = []
    for t in range(win.tabs.count()):
        win.tabs.setCurrentIndex(t)
        qtbot.wait(20)
        seen[win.tabs.tabText(t)], found = audit(win)
        problems += [f"{win.tabs.tabText(t)}: {p}" for p in found]
    assert not problems, problems
    assert min(seen.values()) >= 30, seen
    print("editor:", seen)
    win.close()
