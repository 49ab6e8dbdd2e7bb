"""The web edition's one page: ``index.html``, a shell the site's script fills.

The cover's words are in the HTML itself, so a reader sees the title before
any script has run; everything else (chapters, map, contents) is built by
``assets/app.js`` from ``data/story.js``. The scripts are ``defer``: they run
in order once the page is parsed, and no script or style comes from another
host.
"""

from __future__ import annotations

from html import escape

from story.records import StoryInfo

#: The site's scripts, in the order they run: the reader defines STORYPORT, the story calls it.
SCRIPTS = ("assets/app.js", "assets/chapter.js", "assets/map.js", "data/story.js")


def index_html(info: StoryInfo) -> bytes:
    lang = escape(info.language or "en", quote=True)
    title = escape(info.title or "Untitled story")
    subtitle = escape(info.subtitle)
    byline = escape(info.byline)
    scripts = "\n".join(f'<script src="{s}" defer></script>' for s in SCRIPTS)
    return f"""<!doctype html>
<html lang="{lang}">
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
<link rel="stylesheet" href="assets/style.css">
{scripts}
</head>
<body class="at-cover">
<a class="skip" href="#main">Skip to the story</a>
<header class="topbar">
<a class="home" href="#/" id="home">{title}</a>
<nav class="tools" aria-label="Story">
<button type="button" id="prev" class="tool" aria-label="Previous chapter"
 title="Previous chapter (Left)"><span aria-hidden="true">&#8592;</span></button>
<span class="position" id="position" aria-live="polite"></span>
<button type="button" id="next" class="tool" aria-label="Next chapter"
 title="Next chapter (Right)"><span aria-hidden="true">&#8594;</span></button>
<button type="button" id="contents-button" class="tool text" aria-expanded="false"
 aria-controls="contents" title="Contents (T)">Contents</button>
<button type="button" id="map-button" class="tool text" title="Map (M)">Map</button>
</nav>
</header>
<nav id="contents" class="contents" aria-label="Contents" hidden>
<h2 class="contents-title">Contents</h2>
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
<noscript><p class="noscript">This story needs JavaScript to show its chapters.</p></noscript>
</main>
<dialog id="viewer" class="viewer" aria-labelledby="viewer-title">
<h2 id="viewer-title" class="visually-hidden">Photo</h2>
<figure class="viewer-figure" id="viewer-figure"></figure>
<div class="viewer-tools">
<button type="button" id="viewer-prev" class="tool">Previous photo</button>
<span id="viewer-count" class="viewer-count"></span>
<button type="button" id="viewer-next" class="tool">Next photo</button>
<button type="button" id="viewer-close" class="tool">Close</button>
</div>
</dialog>
</body>
</html>
""".encode()
