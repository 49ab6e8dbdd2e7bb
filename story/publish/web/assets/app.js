/* Storyport web edition: the reader's core. Routing (#/chapter/N survives reload and the
   back button), the cover, the contents, the about page, keys and swipes, and the reader's
   place in localStorage. Chapter pages are in chapter.js, the map in map.js. Data arrive as
   script files (data/story.js, data/chapters/NNNN.js), which also works from file://, where
   a browser refuses fetch(). Every text from the package is set with textContent; only the
   chapter bodies, escaped by the publisher, are HTML. */
"use strict";

(function () {
  const S = (window.STORYPORT = {
    data: null,
    chapters: new Map(), // n -> chapter data, once loaded
    waiting: new Map(), // n -> [resolve...]
    current: 0, // the chapter last shown (0: none yet)
    view: "cover",
    visited: new Set(),
    reducedMotion: window.matchMedia("(prefers-reduced-motion: reduce)").matches,
  });
  const $ = (id) => document.getElementById(id);

  /* The reader's words in the page's language (story/publish/web/words.py), with {n},
     {total}, {name} and {title} filled in. */
  S.t = function (key, vars) {
    const words = (S.data && S.data.words) || {};
    let text = words[key] || key;
    if (vars) for (const [k, v] of Object.entries(vars)) text = text.split("{" + k + "}").join(String(v));
    return text;
  };

  S.el = function (tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) e.setAttribute(k, v);
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };

  /* -- data ---------------------------------------------------------------------------- */

  S.story = function (data) {
    S.data = data;
    // one place per story, whichever language it is read in
    S.key = "storyport:" + (data.key || data.title) + ":" + data.chapters.length;
    try {
      S.visited = new Set(JSON.parse(localStorage.getItem(S.key + ":visited") || "[]"));
    } catch (e) {
      S.visited = new Set();
    }
    const theme = data.theme || {};
    for (const name of ["accent", "paper", "ink", "muted"]) {
      if (theme[name]) document.documentElement.style.setProperty("--story-" + name, theme[name]);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  };

  S.chapter = function (data) {
    S.chapters.set(data.n, data);
    for (const resolve of S.waiting.get(data.n) || []) resolve(data);
    S.waiting.delete(data.n);
  };

  S.load = function (n) {
    if (S.chapters.has(n)) return Promise.resolve(S.chapters.get(n));
    return new Promise((resolve, reject) => {
      const list = S.waiting.get(n);
      if (list) {
        list.push(resolve);
        return;
      }
      S.waiting.set(n, [resolve]);
      const script = document.createElement("script");
      script.src = "data/chapters/" + String(n).padStart(4, "0") + ".js";
      script.onerror = () => {
        S.waiting.delete(n);
        script.remove();
        reject(new Error("chapter " + n + " is missing"));
      };
      script.onload = () => script.remove();
      document.head.appendChild(script);
    });
  };

  /* The reader's place goes to localStorage after the turn's frame, not in it: writing the
     visited list of a long story costs milliseconds the frame does not have. */
  let saving = 0;
  S.afterFrame = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
  S.remember = function (n) {
    S.visited.add(n);
    markContents(n);
    if (saving) return;
    saving = 1;
    S.afterFrame(() => {
      saving = 0;
      try {
        localStorage.setItem(S.key + ":place", String(S.current || n));
        localStorage.setItem(S.key + ":visited", JSON.stringify([...S.visited].sort((a, b) => a - b)));
      } catch (e) {
        /* private mode: the place is not remembered */
      }
    });
  };

  S.saved = function () {
    try {
      const n = parseInt(localStorage.getItem(S.key + ":place") || "0", 10);
      return n >= 1 && n <= S.data.chapters.length ? n : 0;
    } catch (e) {
      return 0;
    }
  };

  /* -- views --------------------------------------------------------------------------- */

  const views = ["cover", "chapter", "map", "about"];

  S.show = function (view) {
    S.view = view;
    for (const v of views) $(v).hidden = v !== view;
    if (document.body.className !== "at-" + view) document.body.className = "at-" + view;
    const onChapter = view === "chapter";
    const n = S.current;
    const total = S.data.chapters.length;
    $("position").textContent = onChapter ? S.t("chapter_of", { n: n, total: total }) : "";
    $("prev").disabled = !(n > 1 && (onChapter || view === "map"));
    $("next").disabled = onChapter || view === "map" ? n >= total : total === 0;
    $("map-button").hidden = !S.data.maps.length;
    $("map-button").setAttribute("aria-pressed", view === "map" ? "true" : "false");
    markContents(0);
  };

  // Show the view at once, in the key's (or click's) own task: waiting for hashchange costs
  // a frame, and setting location.hash in the turn costs milliseconds. The history entry is
  // made after the frame, with pushState (which fires no hashchange); Back and typed links
  // still route on hashchange.
  let pushing = null;
  S.go = function (hash) {
    route(hash);
    if (pushing === null) {
      S.afterFrame(() => {
        const to = pushing;
        pushing = null;
        // Back or a typed link since the key: that view stands, no entry is pushed for it
        if (location.hash !== to && routed === to) {
          try {
            history.pushState(null, "", to);
          } catch (e) {
            location.hash = to; // a browser that refuses pushState here: hashchange is skipped
          }
        }
      });
    }
    pushing = hash;
  };
  S.goChapter = (n) => S.go("#/chapter/" + n);

  S.next = function () {
    const total = S.data.chapters.length;
    if (S.view === "cover" || S.view === "about") S.goChapter(S.current || 1);
    else if (S.current < total) S.goChapter(S.current + 1);
  };
  S.previous = function () {
    if ((S.view === "chapter" || S.view === "map") && S.current > 1) S.goChapter(S.current - 1);
  };

  let routed = null; // the hash last shown
  function route(hash) {
    const h = (routed = hash === undefined ? location.hash : hash);
    let m = /^#\/chapter\/(\d+)$/.exec(h);
    if (m) {
      const n = Math.min(Math.max(1, parseInt(m[1], 10)), S.data.chapters.length);
      if (n >= 1) return S.showChapter(n);
    }
    m = /^#\/map(?:\/(\d+))?$/.exec(h);
    if (m && S.data.maps.length) return S.showMap(m[1] ? parseInt(m[1], 10) : 0);
    if (h === "#/about") return showAbout();
    showCover();
  }

  function showCover() {
    S.show("cover");
    const actions = $("cover-actions");
    actions.textContent = "";
    const saved = S.saved();
    const total = S.data.chapters.length;
    if (total) {
      const start = S.el("button", { type: "button", class: "primary", id: "start" }, S.t("start"));
      start.addEventListener("click", () => S.goChapter(1));
      actions.appendChild(start);
    }
    if (saved > 1) {
      const again = S.el("button", { type: "button", id: "continue" }, S.t("continue_at", { n: saved }));
      again.addEventListener("click", () => S.goChapter(saved));
      actions.appendChild(again);
    }
    if (S.data.maps.length) {
      const map = S.el("button", { type: "button", id: "explore" }, S.t("explore"));
      map.addEventListener("click", () => S.go("#/map"));
      actions.appendChild(map);
    }
    const about = S.el("a", { href: "#/about", class: "button" }, S.t("about"));
    actions.appendChild(about);
  }

  function fillCover() {
    const cover = S.data.cover;
    const box = $("cover-picture");
    if (cover) {
      // the picture covers the screen: on a tall screen it is drawn wider than the screen
      const ratio = cover.w + "/" + cover.h;
      const sizes = "(max-aspect-ratio: " + ratio + ") calc((100vh - 52px) * " + ratio + "), 100vw";
      box.appendChild(S.picture(cover, sizes, { eager: true }));
      const credit = [cover.credit, cover.licence].filter(Boolean).join(" · ");
      $("cover-credit").textContent = credit;
    } else {
      document.documentElement.classList.add("no-cover");
    }
  }

  function showAbout() {
    const box = $("about");
    if (!box.firstChild) {
      const inner = S.el("div", { class: "text" });
      inner.appendChild(S.el("h1", { id: "about-title", tabindex: "-1" }, S.t("about")));
      const body = S.el("div", { class: "body" });
      body.innerHTML = S.data.about; // escaped by the publisher (markdown.py)
      const first = body.querySelector("h2");
      if (first && first.textContent.trim().toLowerCase() === "about this story") first.remove();
      inner.appendChild(body);
      const back = S.el("a", { href: "#/", class: "button" }, S.t("back_cover"));
      inner.appendChild(back);
      box.appendChild(inner);
    }
    S.show("about");
    window.scrollTo(0, 0);
    $("about-title").focus({ preventScroll: true });
  }

  /* -- contents ------------------------------------------------------------------------ */

  /* The contents list is built when first opened (a story of a thousand chapters does not
     carry a thousand links on every page); after that a turn touches two links only. */
  let markedCurrent = 0;
  function contentsLink(n) {
    const list = $("contents-list");
    return list.firstChild ? list.children[n - 1].firstChild : null;
  }
  function markContents(visited) {
    const list = $("contents-list");
    if (!list.firstChild) return;
    if (visited) {
      const a = contentsLink(visited);
      if (a) a.classList.add("visited");
    }
    const now = S.view === "chapter" ? S.current : 0;
    if (now === markedCurrent) return;
    const old = markedCurrent && contentsLink(markedCurrent);
    if (old) old.removeAttribute("aria-current");
    const here = now && contentsLink(now);
    if (here) here.setAttribute("aria-current", "page");
    markedCurrent = now;
  }
  function fillContents() {
    const list = $("contents-list");
    if (!list.firstChild) {
      const items = document.createDocumentFragment();
      for (const c of S.data.chapters) {
        const li = S.el("li");
        const a = S.el("a", { href: "#/chapter/" + c.n });
        if (S.visited.has(c.n)) a.className = "visited";
        a.appendChild(S.el("span", { class: "n" }, String(c.n)));
        a.appendChild(S.el("span", { class: "t" }, c.title));
        li.appendChild(a);
        items.appendChild(li);
      }
      list.appendChild(items);
      markedCurrent = 0;
    }
    markContents(0);
  }

  S.toggleContents = function (open) {
    const panel = $("contents");
    const show = open === undefined ? panel.hidden : open;
    if (show) fillContents();
    panel.hidden = !show;
    $("contents-button").setAttribute("aria-expanded", show ? "true" : "false");
    if (show) {
      const here = panel.querySelector('[aria-current="page"]') || panel.querySelector("a");
      if (here) here.focus();
    } else if (panel.contains(document.activeElement)) {
      $("contents-button").focus();
    }
  };

  /* -- keys and swipes (ui/reader/keys.py's table) ------------------------------------ */

  const ACTIVE = "button, a, summary, input, select, textarea, audio, [contenteditable]";

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if ($("viewer").open) return; // the viewer has its own keys (chapter.js)
    const onControl = event.target.closest && event.target.closest(ACTIVE);
    const k = event.key;
    const act = {
      ArrowRight: S.next, PageDown: S.next, n: S.next, N: S.next,
      ArrowLeft: S.previous, PageUp: S.previous, p: S.previous, P: S.previous,
      Home: () => S.goChapter(1), End: () => S.goChapter(S.data.chapters.length),
      ArrowDown: () => window.scrollBy({ top: 0.15 * innerHeight, behavior: S.reducedMotion ? "auto" : "smooth" }),
      ArrowUp: () => window.scrollBy({ top: -0.15 * innerHeight, behavior: S.reducedMotion ? "auto" : "smooth" }),
      m: toggleMap, M: toggleMap,
      t: () => S.toggleContents(), T: () => S.toggleContents(), c: () => S.toggleContents(), C: () => S.toggleContents(),
      f: () => S.openViewer && S.openViewer(), F: () => S.openViewer && S.openViewer(),
      "]": () => S.stepGallery && S.stepGallery(1), ".": () => S.stepGallery && S.stepGallery(1),
      "[": () => S.stepGallery && S.stepGallery(-1), ",": () => S.stepGallery && S.stepGallery(-1),
      Escape: escape,
      " ": () => S.toggleAudio && S.toggleAudio(),
      Enter: () => S.view === "cover" && S.goChapter(1),
    }[k];
    if (!act) return;
    // Enter and Space activate what has focus, always; arrows stay with a focused control
    // that uses them (an audio player's slider).
    if (onControl && (k === "Enter" || k === " ")) return;
    if (onControl && onControl.tagName === "AUDIO") return;
    if (k === "Home" || k === "End") {
      if (!S.data.chapters.length) return;
    }
    event.preventDefault();
    act();
  }

  function toggleMap() {
    if (!S.data.maps.length) return;
    if (S.view === "map") S.current ? S.goChapter(S.current) : S.go("#/");
    else S.go("#/map");
  }

  function escape() {
    if (!$("contents").hidden) S.toggleContents(false);
    else if (S.view === "map" && S.current) S.goChapter(S.current);
    else if (S.view === "about") S.go("#/");
  }

  function swipes() {
    let x0 = null, y0 = 0;
    const main = $("main");
    main.addEventListener("touchstart", (e) => {
      if (e.touches.length !== 1 || S.view === "map") return (x0 = null);
      x0 = e.touches[0].clientX;
      y0 = e.touches[0].clientY;
    }, { passive: true });
    main.addEventListener("touchend", (e) => {
      if (x0 === null) return;
      const t = e.changedTouches[0];
      const dx = t.clientX - x0, dy = t.clientY - y0;
      x0 = null;
      if (Math.abs(dx) < 60 || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
      if (dx < 0) S.next();
      else S.previous();
    }, { passive: true });
  }

  /* The language switch (index.html, one link per edition) keeps the reader's place: the
     link takes the current view's hash when it is about to be followed. */
  function languageLinks() {
    for (const a of document.querySelectorAll(".languages a")) {
      const base = a.getAttribute("href").split("#")[0];
      const keep = () => a.setAttribute("href", base + (routed && routed !== "#/" ? routed : ""));
      for (const type of ["pointerdown", "focus", "click", "mouseenter"]) a.addEventListener(type, keep);
    }
  }

  function start() {
    fillCover();
    languageLinks();
    $("prev").addEventListener("click", S.previous);
    $("next").addEventListener("click", S.next);
    $("contents-button").addEventListener("click", () => S.toggleContents());
    $("contents").addEventListener("click", (e) => {
      if (e.target.closest("a")) S.toggleContents(false);
    });
    $("map-button").addEventListener("click", toggleMap);
    document.addEventListener("keydown", onKey);
    window.addEventListener("hashchange", () => location.hash !== routed && route());
    window.addEventListener("popstate", () => location.hash !== routed && route());
    swipes();
    route();
  }
})();
