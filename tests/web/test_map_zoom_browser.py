"""The web map's continuous zoom in a real browser: the wheel (about the pointer), a pinch
of two fingers (CDP touch events, about their middle), the + and − buttons and keys; the
markers stay clickable and reach their chapters. The bundled story's edition is the one
``published_bundled`` makes once per session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.timeout(600)


def open_map(visit: Any, root: Path, width: int, height: int) -> Any:
    v = visit(root, width, height)
    v.page.goto((root / "index.html").as_uri() + "#/map/1")
    v.page.wait_for_selector("#map:not([hidden]) .marker")
    return v


FRAME_WIDTH = "document.querySelector('#map .map-frame').offsetWidth"


def frame_width(page: Any) -> float:
    return float(page.evaluate(FRAME_WIDTH))


def marker_at(page: Any, n: int) -> tuple[float, float]:
    box = page.locator(f'.marker[data-chapter="{n}"]').bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_wheel_zooms_about_the_pointer_and_markers_stay_clickable(
    visit: Any, published_bundled: Path
) -> None:
    v = open_map(visit, published_bundled, 1280, 800)
    page = v.page
    before = frame_width(page)
    x, y = marker_at(page, 4)
    page.mouse.move(x, y)
    for _ in range(4):
        page.mouse.wheel(0, -120)
    page.wait_for_function(f"{FRAME_WIDTH} > {before} * 1.5")
    after = frame_width(page)
    assert after > before * 1.5
    # the point under the pointer stayed under it (within a marker's size)
    x2, y2 = marker_at(page, 4)
    assert abs(x2 - x) < 20 and abs(y2 - y) < 20
    # the wheel the other way zooms out, never below the whole map
    for _ in range(30):
        page.mouse.wheel(0, 240)
    page.wait_for_function(f"{FRAME_WIDTH} <= {before} + 1")
    assert page.locator("#map .zoom-out").is_disabled()
    # zoomed in again, a marker still opens its chapter
    page.mouse.move(x, y)
    page.mouse.wheel(0, -360)
    page.wait_for_function(f"{FRAME_WIDTH} > {before} * 1.5")
    title = page.locator('.marker[data-chapter="4"]').get_attribute("title")
    page.locator('.marker[data-chapter="4"]').click()
    page.wait_for_selector("#chapter:not([hidden]) #chapter-title")
    assert page.locator("#chapter-title").inner_text() == title
    assert v.outside_requests() == []


def test_buttons_and_keys_zoom_in_steps_keyboard_only(visit: Any, published_bundled: Path) -> None:
    v = open_map(visit, published_bundled, 1280, 800)
    page = v.page
    before = frame_width(page)
    page.locator("#map .zoom-in").click()
    assert frame_width(page) == pytest.approx(before * 1.5, rel=0.02)
    page.keyboard.press("+")
    assert frame_width(page) == pytest.approx(before * 2.25, rel=0.02)
    page.keyboard.press("-")
    assert frame_width(page) == pytest.approx(before * 1.5, rel=0.02)
    # keyboard only: Tab reaches a marker and Enter opens its chapter, zoomed or not
    page.locator("#map .map-scroll").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.chapter")
    assert focused
    page.keyboard.press("Enter")
    page.wait_for_selector("#chapter:not([hidden]) #chapter-title")
    assert page.url.endswith(f"#/chapter/{focused}")
    assert v.outside_requests() == []


def test_a_two_finger_pinch_zooms_and_a_tap_opens_a_marker(
    browser: Any, published_bundled: Path
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((published_bundled / "index.html").as_uri() + "#/map/1")
        page.wait_for_selector("#map:not([hidden]) .marker")
        before = frame_width(page)
        box = page.locator("#map .map-scroll").bounding_box()
        cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        cdp = context.new_cdp_session(page)

        def touch(kind: str, spread: float) -> None:
            points = [] if kind == "touchEnd" else [
                {"x": cx - spread, "y": cy, "id": 1},
                {"x": cx + spread, "y": cy, "id": 2},
            ]  # fmt: skip
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

        touch("touchStart", 40)
        for spread in range(50, 130, 10):
            touch("touchMove", spread)
        touch("touchEnd", 0)
        page.wait_for_function(f"{FRAME_WIDTH} > {before} * 2.5")
        assert frame_width(page) == pytest.approx(before * 3, rel=0.1)
        # the page itself was not zoomed by the browser
        assert page.evaluate("visualViewport.scale") == 1
        marker = page.locator("#map .marker").first
        title = marker.get_attribute("title")
        marker.tap()
        page.wait_for_selector("#chapter:not([hidden]) #chapter-title")
        assert page.locator("#chapter-title").inner_text() == title
        inside = published_bundled.resolve().as_uri()
        assert [u for u in requests if not u.startswith((inside + "/", "data:"))] == []
    finally:
        context.close()
