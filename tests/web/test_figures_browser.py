"""Placed figures and pull quotes (story/blocks.py's syntax) in the web edition, in chromium.

A small real package places one photo inset, one full width, two side by side and a pull
quote with its attribution; published and opened from ``file://`` at 1440 x 900 and on a
390 px phone, where the pair becomes a column and nothing is wider than the screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from media.imported import ImportedMedia
from story.editing.chapters import add_chapter, chapter_id_at
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.package.file import create_package
from story.publish.web import publish_web
from story.publish.web.figures import body_html
from tests.web.test_publish import jpeg

pytestmark = pytest.mark.timeout(300)

BODY = """Words before the pictures.

![Boats at night](media:harbour.jpg)

![The whole quay](media:quay.jpg "full")

![Left](media:harbour.jpg)
![Right](media:quay.jpg)

> Boats wait for the tide.
> — A harbour master

![Not ours](media:nowhere.jpg)

Words after.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("figures")
    path = root / "figures.storypkg"
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Figures", language="en"))
        add_chapter(pkg, "Placed", body_md=BODY)
        for name, colour, caption in (
            ("harbour.jpg", (30, 90, 160), "The harbour"),
            ("quay.jpg", (160, 90, 30), "The quay"),
        ):
            photo = ImportedMedia(
                kind="image", mime="image/jpeg", data=jpeg((1600, 1000), colour),
                original_name=name, width=1600, height=1000,
            )  # fmt: skip
            mid = store_media(pkg, photo, alt=caption, caption=caption, credit="Me", licence="CC0")
            append_media(pkg, chapter_id_at(pkg, 1), mid)
    return publish_web(path, root / "site").outdir


def rect(page: Any, selector: str, index: int = 0) -> dict[str, float]:
    box = page.locator(selector).nth(index).bounding_box()
    assert box is not None, selector
    return dict(box)


def test_figures_are_placed_as_the_curator_asked(visit: Any, site: Path) -> None:
    v = visit(site, 1440, 900)
    page = v.page
    page.goto((site / "index.html").as_uri() + "#/chapter/1")
    page.wait_for_selector("#chapter:not([hidden]) .body figure.placed")
    column = rect(page, "#chapter .body")
    inset = rect(page, ".body > figure.placed.inset")
    assert inset["width"] == pytest.approx(column["width"], abs=2)
    full = rect(page, ".body > figure.placed.full")
    assert full["width"] >= 1400 and full["x"] <= 20
    # the pair side by side: same top, each about half the column
    left, right = rect(page, ".figure-row figure", 0), rect(page, ".figure-row figure", 1)
    assert left["y"] == pytest.approx(right["y"], abs=1)
    assert right["x"] > left["x"] + left["width"] - 1
    assert left["width"] == pytest.approx((column["width"] - 12) / 2, abs=3)
    # captions and credits from the package, under each picture
    captions = page.locator(".body figure.placed figcaption .caption").all_inner_texts()
    assert captions == ["The harbour", "The quay", "The harbour", "The quay"]
    assert page.locator(".body figure.placed figcaption .credit").first.inner_text() == (
        "Me · Licence: CC0"
    )
    # each picture is a responsive WebP, drawn no wider than it needs
    src = page.locator(".body > figure.placed.inset img").evaluate(
        "async i => { i.scrollIntoView(); await i.decode(); return i.currentSrc; }"
    )
    assert src.endswith(".webp") and ("-960." in src or "-1280." in src)
    # the pull quote and its attribution; the image that is not ours is a placeholder
    assert page.locator(".pull-quote blockquote").inner_text() == "Boats wait for the tide."
    assert page.locator(".pull-quote figcaption").inner_text() == "— A harbour master"
    assert "[image not shown: media:nowhere.jpg]" in page.locator(".body").inner_text()
    assert v.axe_violations() == []
    assert v.outside_requests() == []


def test_side_by_side_becomes_a_column_on_a_phone(visit: Any, site: Path) -> None:
    v = visit(site, 390, 844)
    page = v.page
    page.goto((site / "index.html").as_uri() + "#/chapter/1")
    page.wait_for_selector("#chapter:not([hidden]) .figure-row figure")
    left, right = rect(page, ".figure-row figure", 0), rect(page, ".figure-row figure", 1)
    assert right["y"] >= left["y"] + left["height"]
    assert left["width"] >= 340
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert v.outside_requests() == []


def test_body_html_escapes_and_keeps_text_blocks() -> None:
    html = body_html(
        "<b>bold?</b>\n\n> quoted <i>\n> -- who <me>\n", lambda token, alt: None, lambda f, s: None
    )
    assert "&lt;b&gt;bold?&lt;/b&gt;" in html
    assert "<figcaption>— who &lt;me&gt;</figcaption>" in html
    assert "<i>" not in html and "<me>" not in html
