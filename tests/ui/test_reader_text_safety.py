"""The reader shows only the package's own media and opens only links the reader has seen.

A chapter body is a stranger's text: local paths, ``file:``, remote and
``data:`` images become placeholders and nothing is read from the disk;
links open only for http, https and mailto, after a question per host.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PIL import Image
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QWidget

from story.package.file import Package, open_package
from tests.story.test_text_refs import package_with_body
from ui.reader.images import ImageStore
from ui.reader.links import LinkOpener, decide
from ui.reader.text import ReadingView
from ui.reader.text_media import INTERNAL_SCHEME, TextMedia
from ui.theme import Palette

ROOT = Path(__file__).resolve().parents[2]


def image_names(doc: QTextDocument) -> list[str]:
    names = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


@pytest.fixture
def red_png(tmp_path: Path) -> Path:
    path = tmp_path / "private" / "red.png"
    path.parent.mkdir()
    Image.new("RGB", (400, 300), (255, 0, 0)).save(path)
    return path


@pytest.fixture
def pkg_with(tmp_path: Path) -> Iterator[object]:
    opened: list[Package] = []

    def make(body: str) -> Package:
        pkg = open_package(package_with_body(tmp_path, body))
        opened.append(pkg)
        return pkg

    yield make
    for pkg in opened:
        pkg.close()


def test_own_media_shows_and_everything_else_is_a_placeholder(
    qtbot, pkg_with, red_png: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)  # opening this for reading would block: the test would hit its deadline
    body = (
        f"![red]({red_png}) ![u](file://{red_png}) ![z](/dev/zero) ![p]({fifo})\n\n"
        "![w](https://example.org/x.png) ![d](data:image/png;base64,iVBORw0KGgo=)\n\n"
        "![dot](media:dot.png) ![gone](media:nothing.png)\n"
    )
    pkg = pkg_with(body)
    view = ReadingView(Palette(), media=TextMedia(pkg, ImageStore(pkg)))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_markdown(body, title="Port")
    view.show()
    qtbot.waitExposed(view)
    shown = view.toPlainText()
    for outside in (str(red_png), "/dev/zero", str(fifo), "https://example.org/x.png", "data:"):
        assert f"[image not shown: {outside}" in shown
    assert "[image not shown: media:nothing.png (no medium 'nothing.png'" in shown
    names = image_names(view.document())
    assert len(names) == 1 and names[0].startswith(f"{INTERNAL_SCHEME}:")
    assert not any(str(red_png) in n for n in names)


def test_without_a_package_media_images_are_placeholders_too(qtbot) -> None:
    view = ReadingView(Palette())
    qtbot.addWidget(view)
    view.show_markdown("![dot](media:dot.png) ![z](/dev/zero)")
    assert image_names(view.document()) == []
    assert view.toPlainText().count("[image not shown:") == 2


def test_read_screenshot_shows_the_placeholder_not_the_local_image(
    tmp_path: Path, red_png: Path
) -> None:
    body = f"A local photo:\n\n![private]({red_png})\n\n![zero](/dev/zero)\n"
    out_pkg = package_with_body(tmp_path, body)
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STORYPORT_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "read",
            str(out_pkg),
            "--chapter",
            "1",
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    image = Image.open(shot).convert("RGB")
    small = image.resize((image.width // 2, image.height // 2), Image.Resampling.NEAREST)
    # an RGB image: every colour is an (r, g, b) tuple
    colors = cast(list[tuple[int, tuple[int, int, int]]], small.getcolors(maxcolors=1 << 20) or [])
    red = [c for _, c in colors if c[0] > 230 and c[1] < 40 and c[2] < 40]
    assert red == []  # the accent (#c8402a) is not this red; the photo on disk is


# -- links ---------------------------------------------------------------------------


class Catcher(QObject):
    """Receives what QDesktopServices would have handed to the desktop."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def catcher() -> Iterator[Catcher]:
    c = Catcher()
    for scheme in ("https", "http", "mailto", "file", "ftp", "javascript"):
        # The stub wants bytes for the slot name, but PySide6 only accepts a str here.
        QDesktopServices.setUrlHandler(scheme, c, "handle")  # type: ignore[arg-type]
    yield c
    for scheme in ("https", "http", "mailto", "file", "ftp", "javascript"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_decision_function() -> None:
    assert decide(QUrl("https://Example.org/a?b=1")).allowed
    assert decide(QUrl("https://Example.org/a")).where == "example.org"
    assert decide(QUrl("https://bücher.example/")).where == "xn--bcher-kva.example"
    assert decide(QUrl("mailto:a@example.org")).allowed
    for bad in (
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.org/",
        "chapters/02.md",
        "media:dot.png",
        "https://bank.example@evil.example/",
    ):
        decision = decide(QUrl(bad))
        assert not decision.allowed and "not opened" in decision.where, bad


def test_links_ask_once_per_host_and_bad_schemes_never_reach_the_desktop(
    qtbot, catcher: Catcher
) -> None:
    asked: list[str] = []

    def confirm(_parent: QWidget | None, url: QUrl, where: str) -> bool:
        asked.append(where)
        return True

    view = ReadingView(Palette())
    qtbot.addWidget(view)
    view.links = LinkOpener(confirm)
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "notes.md"):
        view.anchorClicked.emit(QUrl(bad))
    assert catcher.urls == [] and asked == []
    view.anchorClicked.emit(QUrl("https://example.org/one"))
    view.anchorClicked.emit(QUrl("https://example.org/two"))
    view.anchorClicked.emit(QUrl("mailto:desk@example.org"))
    assert asked == ["example.org", "mail to desk@example.org"]
    assert catcher.urls == [
        "https://example.org/one",
        "https://example.org/two",
        "mailto:desk@example.org",
    ]


def test_declining_opens_nothing_and_asks_again(catcher: Catcher) -> None:
    opener = LinkOpener(lambda _p, _u, _w: False)
    assert not opener.open(QUrl("https://example.org/"))
    assert not opener.open(QUrl("https://example.org/"))
    assert catcher.urls == [] and opener.agreed == set()


def test_links_are_visible_and_inert_links_are_plain_text(qtbot) -> None:
    palette = Palette()
    view = ReadingView(palette)
    qtbot.addWidget(view)
    view.show_markdown("[open](https://example.org/x) and [inert](file:///etc/passwd)")
    anchors = {}
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            anchors[frag.text()] = (
                fmt.anchorHref(),
                fmt.fontUnderline(),
                fmt.foreground().color().name(),
            )
            it += 1
        block = block.next()
    assert anchors["open"] == ("https://example.org/x", True, palette.accent.lower())
    assert anchors["inert"][0] == "" and not anchors["inert"][1]
    assert view.openLinks() is False and view.openExternalLinks() is False


def test_hovering_a_link_shows_its_host(qtbot) -> None:
    view = ReadingView(Palette())
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.linkHovered, timeout=2000) as hovered:
        view.highlighted.emit(QUrl("https://news.example.org/story"))
    assert hovered.args == ["news.example.org"]
    view.highlighted.emit(QUrl())
    assert view.hovered == ""
