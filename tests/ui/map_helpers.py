"""Small real packages for the map tests: the regional basemap, a picture map, chapters on both."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from story.editing.chapters import add_chapter
from story.editing.maps import add_map
from story.editing.story import StoryFields, set_story
from story.ids import MapId
from story.maps.picture import add_image_map
from story.package.file import Package, create_package
from story.records import Place
from tests.conftest import SHARED

REGION = SHARED / "data" / "khorgos-region.geojson"
EXTENT = (76.5, 42.8, 82.0, 45.2)
CREDIT = "Natural Earth (public domain); Contains data from GeoNames (CC BY 4.0)."

PLACES = [
    ("Almaty", 43.32694, 76.91309),
    ("Zharkent", 44.16155, 79.98012),
    ("Altynkol", 44.165, 80.295),
    ("Horgos", 44.20276, 80.41639),
    ("Horgos", 44.20276, 80.41639),  # two chapters at one place: one marker
    ("Yining", 43.90002, 81.35001),
]


def plan_picture(w: int = 1800, h: int = 1200) -> bytes:
    img = Image.new("RGB", (w, h), (232, 214, 178))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w // 2, h), fill=(214, 190, 140))  # "Kazakh half"
    d.line((w // 2, 0, w // 2, h), fill=(60, 60, 60), width=8)
    d.rectangle((100, 100, 355, 355), fill=(200, 40, 30))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def make_package(
    path: Path,
    *,
    geo_data: bytes | None = None,
    with_plan: bool = False,
    plan_data: bytes | None = None,
) -> tuple[Package, dict[str, MapId]]:
    pkg = create_package(path)
    set_story(pkg, StoryFields(title="Map test", theme={"accent": "#c8402a"}))
    ids = {
        "geo": add_map(
            pkg,
            kind="geo",
            name="Region",
            data=geo_data if geo_data is not None else REGION.read_bytes(),
            attribution=CREDIT,
            extent=EXTENT,
        )
    }
    for i, (name, lat, lon) in enumerate(PLACES, start=1):
        add_chapter(
            pkg,
            f"Chapter {i} at {name}",
            summary=f"Summary of chapter {i}.",
            place=(name, lat, lon),
            map_id=ids["geo"],
        )
    if with_plan:
        if plan_data is None:
            ids["plan"] = add_image_map(pkg, plan_picture(), name="Plan", attribution="Drawn")
        else:
            ids["plan"] = add_map(pkg, kind="image", name="Plan", data=plan_data)
        # format 3: x/y pixels on the picture (format 2 passed them as (name, y, x) lat/lon)
        gate = Place.pixel("Gate", 600, 450, ids["plan"])
        add_chapter(pkg, "At the gate", summary="On the plan.", place=gate)
        yard = Place.pixel("Yard", 1300, 900, ids["plan"])
        add_chapter(pkg, "The rail yard", summary="On the plan.", place=yard)
    return pkg, ids


def wheel(widget: QWidget, pos: QPoint, notches: float) -> None:
    """A real wheel event at ``pos`` in the widget (pytest-qt has no wheel helper)."""
    w = widget  # the viewport
    ev = QWheelEvent(
        QPointF(pos),
        QPointF(w.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, int(120 * notches)),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(w, ev)
