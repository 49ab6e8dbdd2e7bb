"""Contrast (issue 13): text at least 4.5:1, focus rings 3:1, in every colour scheme.

Measured two ways, both from what the app uses rather than a copied table:
the role pairs ``ui/schemes.py`` declares (the values the style sheets are
made of), and the widgets themselves, shown in the reader and the editor in
each scheme, their text colour against the background actually painted
behind them (the first ancestor that paints one), as the style sheet left
them in each widget's palette.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from story.package.file import open_package
from tests.ui.test_editor_support import home, window  # noqa: F401 - fixtures
from ui import schemes
from ui.editor.style import editor_style
from ui.map import style as map_style
from ui.schemes import FOCUS, NAMES, PAIRS, SCHEMES, TEXT, Palette, contrast
from ui.theme import style_sheet

_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


@pytest.fixture
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The scheme ``request.param`` in force for one test, then the system's again."""
    schemes.apply(qapp, request.param)
    yield request.param
    schemes.apply(qapp, None)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", NAMES)
def test_every_declared_pair_reaches_its_ratio(name: str) -> None:
    p = asdict(SCHEMES[name])
    failures = [
        f"{fg} on {bg}: {contrast(p[fg], p[bg]):.2f} < {need}"
        for fg, bg, need in PAIRS
        if contrast(p[fg], p[bg]) < need
    ]
    assert not failures, failures
    text = min(contrast(p[fg], p[bg]) for fg, bg, need in PAIRS if need == TEXT)
    focus = min(contrast(p[fg], p[bg]) for fg, bg, need in PAIRS if need == FOCUS)
    print(f"{name}: text >= {text:.2f}, focus >= {focus:.2f}")


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("accent", [None, "#c8402a", "#e8c547", "#1d3a8a"])
def test_map_colours_reach_their_ratios(name: str, accent: str | None) -> None:
    """The map's pairs (ui/map/style.py): labels on their halo over land and water 4.5:1,
    marker edges and focus rings 3:1, numbers and card text 4.5:1, with the story's accent."""
    checks = map_style.checks(
        map_style.STYLES[name], map_style.MarkerColours.from_accent(accent, name)
    )
    assert len(checks) >= 39
    failures = [f"{what}: {ratio:.2f} < {need}" for what, ratio, need in checks if ratio < need]
    assert not failures, failures


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", NAMES)
def test_style_sheets_take_every_colour_from_the_scheme(name: str) -> None:
    """No colour in the reader's or the editor's sheet that is not one of the scheme's roles."""
    p = SCHEMES[name]
    roles = {v.lower() for k, v in asdict(p).items() if k != "scheme"}
    roles.add(QColor(p.accent).lighter(112).name())  # the primary button's hover
    for sheet in (style_sheet(p), editor_style(p)):
        strays = {c.lower() for c in _HEX.findall(sheet)} - roles
        assert not strays, strays


def _painted_background(widget: QWidget) -> QColor | None:
    """The colour behind ``widget``: the first of it and its ancestors that paints an opaque one."""
    w: QWidget | None = widget
    while w is not None:
        paints = (
            w.autoFillBackground()
            or w.testAttribute(Qt.WidgetAttribute.WA_StyledBackground)
            or w.isWindow()
        )
        colour = w.palette().color(w.backgroundRole())
        if paints and colour.alpha() == 255:
            return colour
        w = w.parentWidget()
    return None


#: Areas whose text sits on a picture or a gradient drawn in paintEvent (its own contrast).
_OVER_PICTURES = ("Cover", "PhotoPanel")


def _text_widgets(root: QWidget) -> Iterator[QWidget]:
    kinds = (QLabel, QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QTabBar)
    for w in root.findChildren(QWidget):
        if not isinstance(w, kinds) or not w.isVisible() or not w.isEnabled():
            continue
        if isinstance(w, QLabel) and not w.text().strip():
            continue
        ancestors: list[QWidget] = []
        a: QWidget | None = w
        while a is not None:
            ancestors.append(a)
            a = a.parentWidget()
        if any(x.objectName() in _OVER_PICTURES for x in ancestors):
            continue
        yield w


def _low_contrast(root: QWidget) -> tuple[list[str], int, float]:
    bad: list[str] = []
    lowest = 21.0
    count = 0
    for w in _text_widgets(root):
        bg = _painted_background(w)
        if bg is None:
            continue
        fg = w.palette().color(w.foregroundRole())
        if isinstance(w, QAbstractButton):  # a button paints its own fill when it has one
            fill = w.palette().color(QPalette.ColorRole.Button)
            bg = fill if fill.alpha() == 255 else bg
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):  # text on its base, if painted
            port = w.viewport() if isinstance(w, (QPlainTextEdit, QTextEdit)) else w
            base = port.palette().color(QPalette.ColorRole.Base)
            if isinstance(w, QTextEdit) and not port.autoFillBackground():
                base.setAlpha(0)  # a transparent reading view: the page shows through
            fg, bg = w.palette().color(QPalette.ColorRole.Text), base if base.alpha() == 255 else bg
        if fg.alpha() < 255:
            continue  # a translucent colour on a picture: not measurable from the palette
        ratio = contrast(fg, bg)
        count += 1
        lowest = min(lowest, ratio)
        if ratio < TEXT:
            name = w.objectName() or type(w).__name__
            label = w.text() if hasattr(w, "text") and isinstance(w.text(), str) else ""
            bad.append(f"{name} {label[:30]!r}: {fg.name()} on {bg.name()} = {ratio:.2f}")
    return bad, count, lowest


@pytest.mark.timeout(60)
@pytest.mark.parametrize("scheme", NAMES, indirect=True)
def test_reader_text_on_screen(qtbot, scheme: str, shown_reader):
    view = shown_reader.view
    assert view is not None
    assert view.palette_.scheme == scheme
    view.show_chapter(2)
    view.toc.show()  # the contents beside the chapter
    bad, count, lowest = _low_contrast(shown_reader)
    assert count >= 8, count  # the top bar, the chapter and the audio bar were measured
    assert not bad, bad
    print(f"reader {scheme}: {count} texts, lowest {lowest:.2f}")


@pytest.mark.timeout(90)
@pytest.mark.parametrize("scheme", NAMES, indirect=True)
def test_editor_text_on_screen(qtbot, scheme: str, home: Path, bundled_package: Path):  # noqa: F811
    from ui.editor.window import EditorWindow

    pkg = open_package(bundled_package, readonly=True)
    win = EditorWindow(pkg, sync=True)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.palette_ == Palette.for_scheme(scheme)
    total, lowest_all, failures = 0, 21.0, []
    for i in range(win.tabs.count()):
        win.tabs.setCurrentIndex(i)
        qtbot.wait(50)
        bad, count, lowest = _low_contrast(win)
        total += count
        lowest_all = min(lowest_all, lowest)
        failures += [f"tab {i}: {b}" for b in bad]
    assert total >= 30, total
    assert not failures, failures
    print(f"editor {scheme}: {total} texts, lowest {lowest_all:.2f}")
    win.close()
