"""The web edition's one page: ``index.html``, a shell the site's script fills.

The cover's words are in the HTML itself, so a reader sees the title before
any script has run; everything else (chapters, map, contents) is built by
``assets/app.js`` from ``data/story.js``. The scripts are ``defer``: they run
in order once the page is parsed, and no script or style comes from another
host.

A story with translations is published once per language (``site.py``):
each page names its language and direction, links every edition with
``hreflang`` (the original is ``x-default``), and carries a language switch;
the reader's words come from :mod:`story.publish.web.words`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from story.publish.web.words import direction, words
from story.records import StoryInfo

#: The site's scripts, in the order they run: the reader defines STORYPORT, the story calls it.
#: The first three are shared by every language (under ``root``); the story's data is its own.
SCRIPTS = ("assets/app.js", "assets/chapter.js", "assets/map.js", "data/story.js")


@dataclass(frozen=True)
class Alternate:
    """One language's edition as another page links it."""

    lang: str  # BCP 47 tag
    name: str  # the language's name in itself
    href: str  # relative to the page that links it
    current: bool = False
    original: bool = False


def _language_links(alternates: tuple[Alternate, ...]) -> tuple[str, str]:
    """(the ``<link rel=alternate>`` lines, the switch) for a story in several languages."""
    if len(alternates) < 2:
        return "", ""
    links = [
        f'<link rel="alternate" hreflang="{escape(a.lang, quote=True)}" '
        f'href="{escape(a.href, quote=True)}">'
        for a in alternates
    ]
    first = next((a for a in alternates if a.original), alternates[0])
    default = escape(first.href, quote=True)
    links.append(f'<link rel="alternate" hreflang="x-default" href="{default}">')
    items = []
    for a in alternates:
        current = ' aria-current="true"' if a.current else ""
        lang = escape(a.lang, quote=True)
        items.append(
            f'<li><a href="{escape(a.href, quote=True)}" hreflang="{lang}" lang="{lang}"'
            f"{current}>{escape(a.name)}</a></li>"
        )
    return "\n".join(links) + "\n", "".join(items)


def index_html(
    info: StoryInfo,
    language: str = "",
    root: str = "",
    alternates: tuple[Alternate, ...] = (),
) -> bytes:
    """The page of one language's edition; ``root`` leads from it to the shared files."""
    code = language or info.language or "en"
    w = {k: escape(v, quote=True) for k, v in words(code).items()}
    here = next((a.lang for a in alternates if a.current), code.replace("_", "-"))
    lang = escape(here, quote=True)
    dir_ = direction(code)
    title = escape(info.title or "Untitled story")
    subtitle = escape(info.subtitle)
    byline = escape(info.byline)
    shared = [root + s for s in SCRIPTS[:-1]] + [SCRIPTS[-1]]
    scripts = "\n".join(f'<script src="{escape(s, quote=True)}" defer></script>' for s in shared)
    head_links, switch = _language_links(alternates)
    in_contents = ""
    if switch:  # in the top bar; on a phone, at the top of the contents panel instead
        in_contents = (
            f'<nav class="languages in-contents" aria-label="{w["language"]}">'
            f"<ul>{switch}</ul></nav>\n"
        )
        switch = (
            f'<nav class="languages in-bar" id="languages" aria-label="{w["language"]}">'
            f"<ul>{switch}</ul></nav>\n"
        )
    return f"""<!doctype html>
<html lang="{lang}" dir="{dir_}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Storyport">
<title>{title}</title>
<script>/* a deep link: fetch that chapter's data with the scripts, not after them */
(function () {{ var m = /^#\\/chapter\\/(\\d+)$/.exec(location.hash); if (!m) return;
var l = document.createElement("link"); l.rel = "preload"; l.as = "script";
l.href = "data/chapters/" + m[1].padStart(4, "0") + ".js";
document.head.appendChild(l); }})();</script>
{head_links}<link rel="stylesheet" href="{root}assets/style.css">
{scripts}
</head>
<body class="at-cover">
<a class="skip" href="#main">{w["skip"]}</a>
<header class="topbar">
<a class="home" href="#/" id="home">{title}</a>
<nav class="tools" aria-label="{w["story_nav"]}">
<button type="button" id="prev" class="tool" aria-label="{w["prev_chapter"]}"
 title="{w["prev_tip"]}"><span aria-hidden="true">&#8592;</span></button>
<span class="position" id="position" aria-live="polite"></span>
<button type="button" id="next" class="tool" aria-label="{w["next_chapter"]}"
 title="{w["next_tip"]}"><span aria-hidden="true">&#8594;</span></button>
<button type="button" id="contents-button" class="tool text" aria-expanded="false"
 aria-controls="contents" title="{w["contents_tip"]}">{w["contents"]}</button>
<button type="button" id="map-button" class="tool text" title="{w["map_tip"]}">{w["map"]}</button>
</nav>
{switch}</header>
<nav id="contents" class="contents" aria-label="{w["contents"]}" hidden>
{in_contents}<h2 class="contents-title">{w["contents"]}</h2>
<ol id="contents-list"></ol>
</nav>
<main id="main" tabindex="-1">
<section id="cover" class="cover" aria-labelledby="cover-title">
<div class="cover-picture" id="cover-picture"></div>
<div class="cover-text">
<h1 id="cover-title">{title}</h1>
<p class="subtitle">{subtitle}</p>
<p class="byline">{byline}</p>
<div class="cover-actions" id="cover-actions"></div>
</div>
<p class="cover-credit" id="cover-credit"></p>
</section>
<article id="chapter" class="chapter" hidden></article>
<section id="map" class="map-page" aria-labelledby="map-title" hidden></section>
<section id="about" class="about" aria-labelledby="about-title" hidden></section>
<noscript><p class="noscript">{w["noscript"]}</p></noscript>
</main>
<dialog id="viewer" class="viewer" aria-labelledby="viewer-title">
<h2 id="viewer-title" class="visually-hidden">{w["photo"]}</h2>
<figure class="viewer-figure" id="viewer-figure"></figure>
<div class="viewer-tools">
<button type="button" id="viewer-prev" class="tool">{w["prev_photo"]}</button>
<span id="viewer-count" class="viewer-count"></span>
<button type="button" id="viewer-next" class="tool">{w["next_photo"]}</button>
<button type="button" id="viewer-close" class="tool">{w["close"]}</button>
</div>
</dialog>
</body>
</html>
""".encode()
