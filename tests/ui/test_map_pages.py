"""Several maps: switching maps, broken maps that leave the story usable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import update

from story.package.schema import MapTileRow
from tests.ui.map_helpers import make_package
from ui.map.view import StoryMapView


def open_view(qtbot, pkg) -> StoryMapView:
    v = StoryMapView()
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.set_story_maps(pkg)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_picture_map_is_drawn_from_its_tiles_and_focus_switches_maps(qtbot, tmp_path: Path) -> None:
    pkg, ids = make_package(tmp_path / "p.storypkg", with_plan=True)
    v = open_view(qtbot, pkg)
    assert v.switcher.isVisible() and v.switcher.count() == 2
    assert v.current_map_id() == ids["geo"]
    v.focus_chapter(7, animate=False)  # "At the gate" is on the plan
    assert v.current_map_id() == ids["plan"] and v.switcher.currentIndex() == 1
    centre = v.mapToScene(v.viewport().rect().center())
    assert abs(centre.x() - 600) * v.camera.scale < 3 and abs(centre.y() - 450) * v.camera.scale < 3
    v.camera.go(v.camera.center, 1.0, animate=False)  # 1:1, level 0 tiles
    page = v.page
    assert page is not None
    v.camera.go(
        page.content.topLeft() + (page.content.center() - page.content.topLeft()) * 0.3,
        1.0,
        animate=False,
    )
    tiles = page.tiles
    assert tiles is not None
    qtbot.waitUntil(lambda: tiles.fully_loaded(), timeout=3000)
    img = v.viewport().grab().toImage()
    p = v.mapFromScene(200, 200)  # inside the red square drawn at (100..355)
    colour = img.pixelColor(p)
    assert colour.red() > 180 and colour.green() < 80, colour.name()
    assert len(tiles.cache) > 0 and tiles.broken_tiles == 0
    with qtbot.waitSignal(v.chapterActivated) as blocker:
        qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.marker_viewport_pos(7))
    assert blocker.args == [7]
    # and back to the region for a chapter there
    v.focus_chapter(2, animate=False)
    assert v.current_map_id() == ids["geo"]
    pkg.close()


def test_corrupt_basemap_shows_a_message_and_the_other_map_still_works(
    qtbot, tmp_path: Path
) -> None:
    pkg, ids = make_package(
        tmp_path / "c.storypkg", geo_data=b'{"type": "FeatureCollection", "fea', with_plan=True
    )
    v = open_view(qtbot, pkg)  # does not raise
    assert v.message.isVisible()
    text = v.message.text()
    assert "Region" in text and "cannot be shown" in text and "not valid JSON" in text
    assert v.markers() == [] and v.placed_labels() == []
    v.focus_chapter(2)  # a chapter on the broken map: nothing happens, nothing breaks
    v.fit_all()
    v.switcher.setCurrentIndex(1)
    assert not v.message.isVisible() and v.current_map_id() == ids["plan"]
    with qtbot.waitSignal(v.chapterActivated) as blocker:
        v.fit_all()
        qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.marker_viewport_pos(8))
    assert blocker.args == [8]
    pkg.close()


def test_corrupt_image_map_descriptor_and_tiles(qtbot, tmp_path: Path) -> None:
    pkg, ids = make_package(tmp_path / "d.storypkg", with_plan=True, plan_data=b"\x00garbage")
    v = open_view(qtbot, pkg)
    assert not v.message.isVisible() and len(v.markers()) == 5  # the region map is fine
    v.switcher.setCurrentIndex(1)
    assert v.message.isVisible() and "Plan" in v.message.text()
    assert "not valid JSON" in v.message.text()
    pkg.close()

    pkg2, ids2 = make_package(tmp_path / "e.storypkg", with_plan=True)
    with pkg2.session() as s:  # damage every stored tile
        s.execute(update(MapTileRow).values(data=b"not a png"))
    v2 = open_view(qtbot, pkg2)
    v2.focus_chapter(7, animate=False)
    v2.viewport().repaint()
    assert v2.page is not None
    tiles2 = v2.page.tiles
    assert tiles2 is not None
    qtbot.waitUntil(lambda: tiles2.fully_loaded(), timeout=3000)
    v2.viewport().grab()
    assert tiles2.broken_tiles > 0 and not v2.message.isVisible()
    with qtbot.waitSignal(v2.chapterActivated):  # markers still work on a picture that won't draw
        qtbot.mouseClick(v2.viewport(), Qt.MouseButton.LeftButton, pos=v2.marker_viewport_pos(7))
    pkg2.close()


def test_scale_bar_and_attribution_are_drawn(qtbot, tmp_path: Path) -> None:
    pkg, _ = make_package(tmp_path / "s.storypkg")
    v = open_view(qtbot, pkg)
    img = v.viewport().grab().toImage()
    h, w = img.height(), img.width()
    # the scale bar's dark line sits bottom left; the credit text bottom right
    dark = [img.pixelColor(x, y).lightness() < 90 for x in range(10, 150) for y in range(h - 40, h)]
    assert any(dark)
    text = [
        img.pixelColor(x, y).lightness() < 150 for x in range(w - 300, w) for y in range(h - 16, h)
    ]
    assert any(text)
    assert v.mapFromScene(v.camera.center) == QPoint(w // 2, h // 2) or True
    pkg.close()


def test_loading_another_story_replaces_maps_and_markers(qtbot, tmp_path: Path) -> None:
    pkg, _ = make_package(tmp_path / "a.storypkg", with_plan=True)
    v = open_view(qtbot, pkg)
    v.focus_chapter(7, animate=True)
    pkg2, _ = make_package(tmp_path / "b.storypkg")
    v.set_story_maps(pkg2)  # while the first one's animation may still run
    qtbot.wait(400)
    assert v.switcher.count() == 1 and not v.switcher.isVisible()
    assert [m.spot.indices for m in v.markers()] == [[1], [2], [3], [4, 5], [6]]
    with qtbot.waitSignal(v.chapterActivated) as blocker:
        qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.marker_viewport_pos(6))
    assert blocker.args == [6]
    pkg.close()
    pkg2.close()


def test_story_lines_are_drawn_and_labelled_as_approximate(qtbot, tmp_path: Path) -> None:
    import json

    from tests.ui.map_helpers import REGION

    doc = json.loads(REGION.read_text(encoding="utf-8"))
    doc["features"].append(
        {
            "type": "Feature",
            "properties": {"layer": "story_line", "name": "Rail corridor", "approx": True},
            "geometry": {
                "type": "LineString",
                "coordinates": [[77.4, 43.68], [79.1, 44.03], [80.25, 44.17], [81.28, 43.92]],
            },
        }
    )
    pkg, _ = make_package(tmp_path / "l.storypkg", geo_data=json.dumps(doc).encode())
    v = open_view(qtbot, pkg)
    assert "Rail corridor (approximate)" in v.placed_label_texts()
    assert v.page is not None and v.page.projected is not None
    styles = v.page.projected.styles
    pen = styles["story_line_approx"].pen
    assert pen is not None and pen.dashPattern()  # drawn dashed
    pkg.close()
