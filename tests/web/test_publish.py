"""``publish``: the web edition as files. Same package, same bytes; all or nothing; the
package's rules (only its own media, links only http/https/mailto, text escaped) hold in
the published page, which is checked in the browser too.

The packages here are small real ones made through the write API, so each publication
takes a moment; the bundled story's site is read in ``test_publish_browser.py``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import main
from media.imported import Cancelled, ImportedMedia
from story.editing.chapters import add_chapter, chapter_id_at
from story.editing.maps import add_map
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_cover, set_story
from story.errors import StoryError
from story.package.file import create_package, open_package
from story.publish.web import MARKER, publish_web

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = """Plain words first.

<script>window.hacked = 1</script>

<img src=x onerror="window.hacked = 2">

A [good link](https://example.org/a?b=1&c=2), a [bad one](javascript:window.hacked=3),
a [file one](file:///etc/passwd) and mail to <someone@example.org>.

![our picture](media:harbour.jpg) ![not ours](https://example.org/x.jpg)
![a path](/home/someone/private.png)

## A heading *with emphasis*

> A pull quote.
"""

GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"layer": "country", "name": "Somewhere", "iso_a2": "KZ"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[79, 43], [81, 43], [81, 45], [79, 45], [79, 43]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"layer": "place", "name": "Town", "rank": 1},
            "geometry": {"type": "Point", "coordinates": [80.1, 44.2]},
        },
    ],
}


def jpeg(size: tuple[int, int], color: tuple[int, int, int]) -> bytes:
    img = Image.new("RGB", size, color)
    for x in range(0, size[0], 40):  # some detail, so sizes differ in bytes
        img.paste((255 - color[0], color[1], 90), (x, 0, x + 10, size[1]))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def make_story(path: Path) -> Path:
    """Three chapters on a geographic map; a 1,200 px photo and a hostile chapter body."""
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Harbour <b>nights</b>", language="en"))
        map_id = add_map(
            pkg,
            kind="geo",
            name="Coast",
            data=json.dumps(GEOJSON).encode(),
            extent=(79.0, 43.0, 81.0, 45.0),
        )
        for i, body in enumerate(("A first chapter.", HOSTILE, "The end."), start=1):
            add_chapter(
                pkg, f"Chapter {i}", body_md=body, place=(f"Place {i}", 44.0, 79.5 + i / 2),
                map_id=map_id,
            )  # fmt: skip
        photo = ImportedMedia(
            kind="image",
            mime="image/jpeg",
            data=jpeg((1200, 800), (30, 90, 160)),
            original_name="harbour.jpg",
            width=1200,
            height=800,
        )
        mid = store_media(
            pkg, photo, alt="Boats at night", caption="The harbour", credit="Me", licence="CC0"
        )
        append_media(pkg, chapter_id_at(pkg, 2), mid)
        set_cover(pkg, mid)
    return path


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return make_story(tmp_path / "harbour.storypkg")


def tree(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


def test_publishing_twice_gives_identical_folders(story: Path, tmp_path: Path) -> None:
    first = publish_web(story, tmp_path / "one")
    second = publish_web(story, tmp_path / "two")
    a, b = tree(first.outdir), tree(second.outdir)
    assert a == b
    assert first.files == len(a) and first.bytes == sum(len(v) for v in a.values())
    assert {"index.html", "data/story.js", "data/chapters/0002.js", MARKER} <= set(a)
    # the photo at its own width and the narrower ones, in both formats, nothing wider
    photos = sorted(p for p in a if p.startswith("media/"))
    assert [p.rsplit("-", 1)[1] for p in photos] == [
        "1200.jpg", "1200.webp", "480.jpg", "480.webp", "960.jpg", "960.webp"
    ]  # fmt: skip
    assert Image.open(io.BytesIO(a[photos[0]])).size == (1200, 800)
    assert Image.open(io.BytesIO(a[photos[1]])).format == "WEBP"
    # and a third time over the first edition: replaced whole, still the same bytes
    publish_web(story, tmp_path / "one")
    assert tree(tmp_path / "one") == b


def test_a_cancelled_publication_leaves_nothing(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    seen: list[str] = []

    def cancel() -> bool:
        return len(seen) >= 3

    with pytest.raises(Cancelled):
        publish_web(story, out, progress=lambda d, t, label: seen.append(label), cancel=cancel)
    assert seen and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbour.storypkg"]


def test_a_cancelled_republication_keeps_the_earlier_edition(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    publish_web(story, out)
    before = tree(out)
    with pytest.raises(Cancelled):
        publish_web(story, out, cancel=lambda: True)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbour.storypkg", "site"]


def test_a_failed_publication_leaves_nothing_and_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-package.storypkg"
    bad.write_bytes(b"this is not SQLite at all" * 100)
    with pytest.raises(StoryError) as err:
        publish_web(bad, tmp_path / "site")
    assert "not-a-package.storypkg" in str(err.value) and "\n" not in str(err.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-package.storypkg"]


def test_someone_elses_folder_is_refused(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "work"
    out.mkdir()
    (out / "thesis.odt").write_bytes(b"years of work")
    with pytest.raises(StoryError, match="other files"):
        publish_web(story, out)
    assert tree(out) == {"thesis.odt": b"years of work"}


def test_the_chapter_data_holds_the_text_escaped(story: Path, tmp_path: Path) -> None:
    site = publish_web(story, tmp_path / "site").outdir
    text = (site / "data" / "chapters" / "0002.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    body = data["body"]
    assert "<script" not in body and "<img src=x" not in body and "<b>" not in body
    assert "&lt;script&gt;window.hacked = 1&lt;/script&gt;" in body
    assert 'href="https://example.org/a?b=1&amp;c=2"' in body
    assert "javascript:" not in body.replace("[", "")  # shown as its text only
    assert 'href="mailto:someone@example.org"' in body
    assert "file:///etc/passwd" not in body  # a link that may not open is its text
    assert "[image not shown: https://example.org/x.jpg]" in body
    assert "[image not shown: /home/someone/private.png]" in body
    assert body.count("<picture") == 1 and 'alt="our picture"' in body
    assert "<h2>A heading <em>with emphasis</em></h2>" in body
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Harbour &lt;b&gt;nights&lt;/b&gt;</title>" in index


def test_hostile_text_shows_as_text_in_the_browser(story: Path, tmp_path: Path, visit: Any) -> None:
    site = publish_web(story, tmp_path / "site").outdir
    v = visit(site, 1024, 768)
    page = v.page
    page.goto((site / "index.html").as_uri() + "#/chapter/2")
    page.wait_for_selector("#chapter:not([hidden]) #chapter-title")
    body = page.locator("#chapter .body")
    assert "<script>window.hacked = 1</script>" in body.inner_text()
    assert '<img src=x onerror="window.hacked = 2">' in body.inner_text()
    assert page.evaluate("window.hacked === undefined")
    hrefs = page.eval_on_selector_all("#chapter .body a", "as => as.map(a => a.href)")
    assert hrefs == ["https://example.org/a?b=1&c=2", "mailto:someone@example.org"]
    assert page.locator("#cover-title").inner_text() == "Harbour <b>nights</b>"
    page.wait_for_function("document.querySelector('#chapter .body picture img').complete")
    assert page.evaluate("document.querySelector('#chapter .body picture img').naturalWidth") > 0
    assert v.outside_requests() == []


def test_publish_command(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    bundled = main.build_parser().parse_args(["publish", str(out)])
    assert (bundled.package, bundled.outdir) == (None, str(out))  # PACKAGE left out: bundled
    assert main.main(["publish", str(story), str(out)]) == 0
    assert str(out / "index.html") in capsys.readouterr().out
    (tmp_path / "taken").write_text("a file")
    assert main.main(["publish", str(story), str(tmp_path / "taken")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("storyport publish: ") and "taken" in err and "\n" not in err


@pytest.mark.timeout(120)
def test_publish_command_in_a_process(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "publish", str(story), str(out)],
        capture_output=True,
        text=True,
        timeout=110,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "index.html").is_file() and (out / "data" / "story.js").is_file()
    missing = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "publish", str(tmp_path / "nope.storypkg"),
         str(tmp_path / "x")],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert not (tmp_path / "x").exists()


def test_the_curators_trim_holds_in_the_page(
    tmp_path: Path, shared_media: Path, visit: Any
) -> None:
    from media.importer import import_file
    from story.editing.audio import AudioEdit, set_audio_edit

    src = make_story(tmp_path / "harbour.storypkg")
    sound = import_file(shared_media / "audio" / "m4a-aac-lc-mono.m4a")
    with open_package(src, readonly=False) as pkg:
        mid = store_media(pkg, sound, caption="Waves", transcript="[Waves.]")
        append_media(pkg, chapter_id_at(pkg, 1), mid)
        set_audio_edit(pkg, mid, AudioEdit(trim_start_s=1.5, fade_in_s=0.5))
    site = publish_web(src, tmp_path / "site").outdir
    text = (site / "data" / "chapters" / "0001.js").read_text(encoding="utf-8")
    audio = json.loads(text[text.index("(") + 1 : text.rindex(")")])["audio"][0]
    assert audio["trimStart"] == 1.5 and audio["fadeIn"] == 0.5 and "trimEnd" not in audio
    assert (site / audio["src"]).read_bytes()[4:8] == b"ftyp"  # the AAC delivery version
    v = visit(site, 1024, 768)
    v.page.goto((site / "index.html").as_uri() + "#/chapter/1")
    v.page.wait_for_selector("#chapter:not([hidden]) audio")
    v.page.keyboard.press(" ")
    # it starts at the trim, fading in: seen together in one poll of the page
    v.page.wait_for_function(
        "(a => a.currentTime >= 1.5 && a.volume < 1 && !a.paused)"
        "(document.querySelector('#chapter audio'))"
    )
    v.page.wait_for_function("document.querySelector('#chapter audio').volume === 1")
    assert v.outside_requests() == []


def test_a_story_without_cover_or_map(tmp_path: Path, visit: Any) -> None:
    src = tmp_path / "plain.storypkg"
    with create_package(src) as pkg:
        about = "# About this story\n\nWords only, *no pictures*."
        set_story(pkg, StoryFields(title="Plain", language="en", about_md=about))
        add_chapter(pkg, "Only", body_md="One chapter.")
    site = publish_web(src, tmp_path / "site").outdir
    assert not (site / "maps").exists() and not (site / "media").exists()
    v = visit(site, 1280, 800)
    page = v.page
    page.goto((site / "index.html").as_uri())
    page.wait_for_selector("#start")
    assert page.evaluate("document.documentElement.classList.contains('no-cover')")
    assert page.locator("#explore").count() == 0 and page.locator("#map-button").is_hidden()
    assert v.axe_violations() == []
    page.keyboard.press("m")  # no map: nothing happens
    assert page.locator("#cover").is_visible()
    page.click("a[href='#/about']")
    page.wait_for_selector("#about:not([hidden]) #about-title")
    assert "Words only, no pictures." in page.locator("#about").inner_text()
    assert v.axe_violations() == []
    assert v.outside_requests() == []


@pytest.mark.timeout(60)
def test_hostile_markdown_is_rendered_in_linear_time() -> None:
    """Delimiters with no closer (a stranger's text may be built to make a parser crawl)."""
    from story.publish.web.markdown import markdown_html

    def none(token: str, alt: str) -> str | None:
        return None

    for unit in ("*a ", "**a ", "_a ", "[", "![x](", "a`b", "`` ` ", "<a", "[a]("):
        html = markdown_html(unit * (60_000 // len(unit)), none)
        assert "<script" not in html and len(html) > 50_000
    text = "Some *em*, **strong**, _u_, snake_case_name and a `code *not em*` span."
    assert markdown_html(text, none) == (
        "<p>Some <em>em</em>, <strong>strong</strong>, <em>u</em>, snake_case_name and a "
        "<code>code *not em*</code> span.</p>"
    )
