"""The map in the reader's colour scheme (issue 13): light, dark and high contrast.

The basemap, labels, markers and the cards over the map take the scheme in
force when the map is loaded; a picture map keeps its picture. What is
checked is the rendering itself (pixels of a real, shown view), the
colour pairs are measured in tests/ui/test_contrast.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from tests.ui.map_helpers import make_package
from ui import schemes
from ui.map import style
from ui.map.view import StoryMapView


@pytest.fixture
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    schemes.apply(qapp, request.param)
    yield request.param
    schemes.apply(qapp, None)
    style.use()


def _shown(qtbot, tmp_path: Path) -> StoryMapView:
    pkg, _ids = make_package(tmp_path / "m.storypkg", with_plan=True)
    v = StoryMapView()
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.set_story_maps(pkg)
    v.show()
    qtbot.waitExposed(v)
    v.fit_all()
    return v


def _near(a: QColor, b: QColor, tol: int = 6) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tol


def _commonest(img: QImage) -> QColor:
    seen = Counter(
        img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)
    )
    return QColor.fromRgb(seen.most_common(1)[0][0])


@pytest.mark.timeout(60)
@pytest.mark.parametrize("scheme", schemes.NAMES, indirect=True)
def test_basemap_and_markers_take_the_scheme(qtbot, tmp_path: Path, scheme: str) -> None:
    v = _shown(qtbot, tmp_path)
    st = style.STYLES[scheme]
    assert style.active() is st
    img = v.viewport().grab().toImage()
    ground = _commonest(img)
    grounds = [st.q(r) for r in ("land", "land_other", "background", "water")]
    assert any(_near(ground, g) for g in grounds), (ground.name(), scheme)
    assert (schemes.luminance(ground) < 0.1) == (scheme != schemes.LIGHT)
    # every marker is drawn in the scheme's marker colours: its body's fill next to its number
    accent = v._colours.accent
    for m in v.markers():
        c = v._marker_pos(m)
        box = [img.pixelColor(c + QPoint(dx, dy)) for dx in range(-12, 13) for dy in (-5, 5)]
        assert any(_near(p, accent, 10) for p in box), (m.spot.place_name, scheme)
    # the chrome over the map: the switcher's pills and the card use the scheme's text colour
    assert st.chrome_text in v.switcher.styleSheet()
    assert st.chrome in v.card.styleSheet()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("scheme", [schemes.LIGHT, schemes.DARK], indirect=True)
def test_a_picture_map_keeps_its_picture(qtbot, tmp_path: Path, scheme: str) -> None:
    v = _shown(qtbot, tmp_path)
    v.show_map(1)
    assert v.page is not None and not v.page.geo
    tiles = v.page.tiles
    assert tiles is not None
    v.viewport().grab()  # the first paint asks for the tiles; within a second all are drawn
    qtbot.waitUntil(lambda: not tiles.incomplete, timeout=1000)
    img = v.viewport().grab().toImage()
    assert not tiles.incomplete
    # the plan's two halves, as drawn (plan_picture): (214,190,140) and (232,214,178)
    colours = {_commonest(img.copy(0, 0, img.width() // 2, img.height())).name()}
    colours.add(_commonest(img.copy(img.width() // 2, 0, img.width() // 2, img.height())).name())
    assert any(_near(QColor(c), QColor(214, 190, 140), 8) for c in colours), colours
    assert any(_near(QColor(c), QColor(232, 214, 178), 8) for c in colours), colours


@pytest.mark.timeout(60)
@pytest.mark.parametrize("scheme", [schemes.LIGHT], indirect=True)
def test_the_map_follows_a_scheme_change_while_shown(
    qtbot, qapp: QApplication, tmp_path: Path, scheme: str
) -> None:
    v = _shown(qtbot, tmp_path)
    v.camera.apply(v.camera.center, v.camera.scale * 1.5)
    where = (v.camera.center.x(), v.camera.scale)
    light = _commonest(v.viewport().grab().toImage())
    assert schemes.luminance(light) > 0.5
    schemes.apply(qapp, schemes.DARK)  # a new setting with the map open: scheme_changed
    assert style.active() is style.STYLES[schemes.DARK]
    dark = _commonest(v.viewport().grab().toImage())
    assert schemes.luminance(dark) < 0.1, dark.name()
    assert (v.camera.center.x(), v.camera.scale) == pytest.approx(where)  # the view kept
    assert len(v.markers()) == 5 and style.STYLES[schemes.DARK].chrome in v.card.styleSheet()
