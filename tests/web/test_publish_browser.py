"""The bundled story's web edition in a real browser (Debian's chromium through Playwright).

The site is published once per session (``published_bundled``) and opened from
``file://``, as from a USB stick. Each test reads it as a person would, by keys,
clicks and taps, checks what is on screen against the package, and ends by
checking that no request left the folder. axe-core (vendored from npm) is
injected inline into the cover, a chapter, the map and the full-screen viewer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from story import reading
from story.package.file import open_package

# The first test also builds the bundled story (when the session has not) and publishes it:
# 3-5 minutes on a loaded 2-core machine; the tests themselves take about 50 s.
pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def titles(bundled_package: Path) -> list[str]:
    with open_package(bundled_package, readonly=True) as pkg:
        return [c.title for c in reading.list_chapters(pkg)]


def open_site(visit: Any, root: Path, where: str = "", width: int = 1440, height: int = 900) -> Any:
    v = visit(root, width, height)
    v.page.goto((root / "index.html").as_uri() + where)
    v.page.wait_for_function("window.STORYPORT && window.STORYPORT.data !== null")
    return v


def chapter_shown(page: Any) -> str:
    page.wait_for_selector("#chapter:not([hidden]) #chapter-title")
    return str(page.locator("#chapter-title").inner_text())


def wait_chapter(page: Any, title: str) -> None:
    page.wait_for_function(
        "t => { const h = document.querySelector('#chapter:not([hidden]) #chapter-title');"
        " return h && h.textContent === t; }",
        arg=title,
    )


def test_cover_is_readable_and_fetches_nothing_outside(
    visit: Any, published_bundled: Path, bundled_package: Path
) -> None:
    with open_package(bundled_package, readonly=True) as pkg:
        info = reading.story_info(pkg)
    v = open_site(visit, published_bundled)
    page = v.page
    assert page.locator("#cover").is_visible()
    assert page.locator("#cover-title").inner_text() == info.title
    assert page.title() == info.title
    assert info.subtitle in page.locator("#cover .subtitle").inner_text()
    cover = page.locator("#cover-picture img")
    cover.wait_for()
    page.wait_for_function("document.querySelector('#cover-picture img').complete")
    assert page.evaluate("document.querySelector('#cover-picture img').naturalWidth") > 0
    assert page.locator("#start").is_visible()
    assert v.axe_violations() == []
    assert v.outside_requests() == []


def test_keys_and_clicks_move_between_chapters(
    visit: Any, published_bundled: Path, titles: list[str]
) -> None:
    v = open_site(visit, published_bundled)
    page = v.page
    page.keyboard.press("Enter")  # from the cover, nothing focused: start reading
    wait_chapter(page, titles[0])
    assert page.url.endswith("#/chapter/1")
    page.keyboard.press("ArrowRight")
    wait_chapter(page, titles[1])
    page.keyboard.press("n")
    wait_chapter(page, titles[2])
    page.click("#next")
    wait_chapter(page, titles[3])
    page.keyboard.press("ArrowLeft")
    wait_chapter(page, titles[2])
    page.keyboard.press("End")
    wait_chapter(page, titles[-1])
    assert page.locator("#next").is_disabled()
    page.keyboard.press("Home")
    wait_chapter(page, titles[0])
    assert page.locator("#prev").is_disabled()
    page.keyboard.press("t")  # the contents, then a click on chapter 5
    page.locator("#contents").wait_for(state="visible")
    page.locator("#contents a", has_text=titles[4]).click()
    wait_chapter(page, titles[4])
    assert page.locator("#contents").is_hidden()
    page.click(".chapter-nav .next-link")
    wait_chapter(page, titles[5])
    assert v.axe_violations() == []
    assert v.outside_requests() == []


def test_a_marker_on_the_map_reaches_its_chapter(
    visit: Any, published_bundled: Path, titles: list[str]
) -> None:
    v = open_site(visit, published_bundled, "#/chapter/1")
    page = v.page
    wait_chapter(page, titles[0])
    page.keyboard.press("m")
    page.wait_for_selector("#map:not([hidden]) .marker")
    page.wait_for_function("document.querySelector('.map-frame img').complete")
    assert page.evaluate("document.querySelector('.map-frame img').naturalWidth") > 0
    current = page.locator(".marker.current")
    assert current.inner_text() == "1"
    assert "visited" in (current.get_attribute("class") or "")
    assert v.axe_violations() == []
    marker = page.locator('.marker[data-chapter="4"]')
    assert titles[3] in (marker.get_attribute("aria-label") or "")
    marker.click()
    wait_chapter(page, titles[3])
    assert page.url.endswith("#/chapter/4")
    # the other map: the picture map of the crossing holds chapters 2 and 3
    page.goto((published_bundled / "index.html").as_uri() + "#/map")
    page.wait_for_selector("#map:not([hidden]) .marker")
    page.locator(".map-choice button", has_text="The crossing").click()
    page.locator('.marker[data-chapter="3"]').click()
    wait_chapter(page, titles[2])
    assert v.outside_requests() == []


def test_deep_links_survive_reload_and_the_back_button(
    visit: Any, published_bundled: Path, titles: list[str]
) -> None:
    v = open_site(visit, published_bundled, "#/chapter/3")
    page = v.page
    wait_chapter(page, titles[2])
    page.reload()
    wait_chapter(page, titles[2])
    page.keyboard.press("ArrowRight")
    wait_chapter(page, titles[3])
    # the history entry is pushed in the frame after the turn (so the turn's frame is shorter)
    page.wait_for_function("location.hash === '#/chapter/4'")
    page.go_back()
    wait_chapter(page, titles[2])
    page.go_forward()
    wait_chapter(page, titles[3])
    # the reader's place is remembered: the cover offers to continue there
    page.goto((published_bundled / "index.html").as_uri())
    page.locator("#continue").wait_for()
    assert page.locator("#continue").inner_text() == "Continue at chapter 4"
    page.click("#continue")
    wait_chapter(page, titles[3])
    assert v.outside_requests() == []


def test_the_chapter_sound_plays_with_space(visit: Any, published_bundled: Path) -> None:
    v = open_site(visit, published_bundled, "#/chapter/1")
    page = v.page
    chapter_shown(page)
    assert page.locator("#chapter .transcript summary").inner_text() == "Transcript"
    page.keyboard.press(" ")
    page.wait_for_function(
        "document.querySelector('#chapter audio').currentTime > 0.5", timeout=15_000
    )
    page.keyboard.press(" ")
    page.wait_for_function("document.querySelector('#chapter audio').paused")
    assert v.outside_requests() == []


def test_the_full_screen_viewer_opens_steps_and_closes(visit: Any, published_bundled: Path) -> None:
    v = open_site(visit, published_bundled, "#/chapter/2")
    page = v.page
    chapter_shown(page)
    lead = page.locator("#chapter .lead img")
    assert lead.get_attribute("width") and lead.get_attribute("height")
    assert len((lead.get_attribute("srcset") or "").split(",")) >= 3
    page.wait_for_function("document.querySelector('#chapter .lead img').complete")
    assert page.evaluate("document.querySelector('#chapter .lead img').currentSrc").endswith(
        ".webp"
    )
    page.keyboard.press("f")
    page.wait_for_selector("#viewer[open]")
    page.wait_for_function("document.querySelector('#viewer img').complete")
    box = page.locator("#viewer").bounding_box()
    assert box is not None and box["width"] == 1440 and box["height"] == 900
    assert page.evaluate("document.querySelector('#viewer img').naturalWidth") >= 1440
    assert page.locator("#viewer-count").inner_text().startswith("1 / ")
    assert v.axe_violations() == []
    page.keyboard.press("ArrowRight")
    assert page.locator("#viewer-count").inner_text().startswith("2 / ")
    page.keyboard.press("Escape")
    page.wait_for_selector("#viewer:not([open])", state="attached")
    assert page.locator("#chapter").is_visible()
    page.locator("#chapter .gallery .open-photo").nth(2).click()
    page.wait_for_selector("#viewer[open]")
    assert page.locator("#viewer-count").inner_text().startswith("3 / ")
    page.click("#viewer-close")
    assert v.outside_requests() == []


def test_a_swipe_turns_the_page_on_a_phone(
    visit: Any, published_bundled: Path, titles: list[str]
) -> None:
    v = open_site(visit, published_bundled, "#/chapter/2", width=360, height=640)
    page = v.page
    wait_chapter(page, titles[1])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    swipe = """dx => {
        const main = document.getElementById('main');
        const touch = x => new Touch({identifier: 1, target: main, clientX: x, clientY: 300});
        main.dispatchEvent(new TouchEvent('touchstart', {touches: [touch(300)], bubbles: true}));
        main.dispatchEvent(new TouchEvent('touchend', {changedTouches: [touch(300 + dx)],
                                                         bubbles: true}));
    }"""
    page.evaluate(swipe, -150)
    wait_chapter(page, titles[2])
    page.evaluate(swipe, 150)
    wait_chapter(page, titles[1])
    for where in ("", "#/map"):
        page.goto((published_bundled / "index.html").as_uri() + where)
        page.wait_for_timeout(200)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, where
    assert v.outside_requests() == []


def test_dark_scheme_reduced_motion_and_own_fonts(
    visit: Any, published_bundled: Path, titles: list[str]
) -> None:
    v = visit(published_bundled, 1280, 800)
    page = v.page
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    page.goto((published_bundled / "index.html").as_uri() + "#/chapter/3")
    wait_chapter(page, titles[2])
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(27, 26, 23)"
    page.keyboard.press("ArrowRight")  # a turn under reduced motion starts no cross-fade
    wait_chapter(page, titles[3])
    assert page.evaluate("document.getAnimations().length") == 0
    page.evaluate("document.fonts.ready")
    assert page.evaluate("""() => document.fonts.check('18px "Noto Serif"')
                            && document.fonts.check('600 15px Inter')""")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).sort()"
    )
    assert '"Noto Serif"' in loaded or "Noto Serif" in loaded
    assert v.axe_violations() == []
    assert v.outside_requests() == []


def test_a_chapter_loads_what_it_shows_and_its_neighbours(
    visit: Any, published_bundled: Path, titles: list[str]
) -> None:
    def chapter_data(n: int) -> dict[str, Any]:
        text = (published_bundled / "data" / "chapters" / f"{n:04d}.js").read_text("utf-8")
        data: dict[str, Any] = json.loads(text[text.index("(") + 1 : text.rindex(")")])
        return data

    v = open_site(visit, published_bundled, "#/chapter/5")
    page = v.page
    wait_chapter(page, titles[4])
    page.wait_for_function("document.querySelector('#chapter .lead img').complete")
    page.wait_for_timeout(1500)  # the neighbours are fetched once the chapter is shown
    asked = {u.rsplit("/", 2)[-2] + "/" + u.rsplit("/", 1)[-1] for u in v.requests}
    assert {a for a in asked if a.startswith("chapters/")} == {
        "chapters/0004.js", "chapters/0005.js", "chapters/0006.js"
    }  # fmt: skip
    leads = {n: chapter_data(n)["images"][0]["id"] for n in (4, 5, 6)}
    pictures = {a.split("/")[1].split("-")[0] for a in asked if a.startswith("media/")}
    assert set(leads.values()) <= pictures
    below = {img["id"] for img in chapter_data(5)["images"][1:]} - set(leads.values())
    assert below and not (below & pictures)  # the gallery, off screen, waits (lazy)
    page.locator("#chapter .gallery").scroll_into_view_if_needed()
    page.wait_for_function(
        "[...document.querySelectorAll('#chapter .gallery img')].every(i => i.complete)"
    )
    asked = {u.rsplit("/", 1)[-1].split("-")[0] for u in v.requests}
    assert below <= asked
    assert v.outside_requests() == []
