"""A real browser for the web edition's tests: Debian's chromium driven by Playwright.

Playwright cannot download its own browsers here, so it is pointed at ``/usr/bin/chromium``
(installed by ``scripts/setup.sh``). The browser starts once per test session; each test
gets a fresh context, and ``outside_requests`` lists every request that left the folder
under test (a published site must fetch nothing from another host).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: axe-core from npm (tests/web/vendor/axe-core/README.md), injected inline: no request.
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/setup.sh installs Debian's chromium")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


class Visit:
    """A browser context whose requests are recorded against the folder being read."""

    def __init__(self, browser: Any, root: Path, width: int, height: int) -> None:
        self.root = root.resolve()
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_default_timeout(15_000)
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()

    def axe_violations(self) -> list[dict[str, Any]]:
        """What axe-core finds wrong with the page as it is now (id, impact, first nodes)."""
        self.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found: list[dict[str, Any]] = self.page.evaluate(
            """async () => (await axe.run(document)).violations.map(v => ({
                id: v.id, impact: v.impact,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
        )
        return found

    def outside_requests(self) -> list[str]:
        """Every URL requested that is not a file inside ``root`` (data: URLs are inline)."""
        inside = self.root.as_uri()
        return [
            url
            for url in self.requests
            if not (url.startswith(inside + "/") or url == inside or url.startswith("data:"))
        ]


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """``visit(root, width=1440, height=900)``: a fresh context reading the folder ``root``."""
    opened: list[Visit] = []

    def open_visit(root: Path, width: int = 1440, height: int = 900) -> Visit:
        v = Visit(browser, root, width, height)
        opened.append(v)
        return v

    yield open_visit
    for v in opened:
        v.context.close()


@pytest.fixture(scope="session")
def published_bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled story's web edition, published once per test session (read it, never
    write to it). The folder is ``.../site``; its ``index.html`` is the page to open."""
    from story.publish.bundled import ensure_bundled
    from story.publish.web import publish_web

    out = tmp_path_factory.mktemp("web-edition") / "site"
    publish_web(ensure_bundled(), out)
    return out
