/* Storyport web edition: the map page. The package's maps are pictures (the GeoJSON drawn as
   SVG by the publisher, picture maps from their tiles); chapters are numbered buttons placed
   over them in percent, marked visited and current. Zoom is continuous, 1x to 8x: the wheel
   or a trackpad pinch (about the pointer), two fingers on a touch screen (about their
   middle), the + and − buttons and keys (about the middle of the view). The frame grows
   inside a scrolling region, so it pans by scrolling, dragging, one finger or the arrow
   keys; the markers keep their size and stay buttons. */
"use strict";

(function () {
  const S = window.STORYPORT;
  const $ = (id) => document.getElementById(id);
  let mapId = 0;
  let zoom = 0; // 0: not chosen yet (a phone starts at 2x, so markers stay apart)
  const MIN_ZOOM = 1, MAX_ZOOM = 8, STEP = 1.5;

  function currentMap(wanted) {
    const maps = S.data.maps;
    if (wanted && maps.some((m) => m.id === wanted)) return wanted;
    const here = S.current && S.data.chapters[S.current - 1].place;
    if (here && here.map) return here.map;
    return mapId || maps[0].id;
  }

  function markerLabel(c) {
    return S.t("marker", { n: c.n, title: c.title }) + (c.place ? " (" + c.place.name + ")" : "") + (S.visited.has(c.n) ? ", " + S.t("visited") : "");
  }

  function frame(map) {
    const box = S.el("div", { class: "map-frame", style: "aspect-ratio: " + map.w + " / " + map.h });
    if (map.kind === "geo") {
      box.appendChild(S.el("img", { src: map.sources[0][1], width: map.w, height: map.h, alt: S.t("map_named", { name: map.name }), draggable: "false" }));
    } else {
      const sizes = "(min-width: 1200px) 1200px, 100vw";
      box.appendChild(S.el("img", {
        src: map.sources[0][1],
        srcset: map.sources.map(([w, p]) => p + " " + w + "w").join(", "),
        sizes: sizes, width: map.w, height: map.h, alt: S.t("picture_map", { name: map.name }), draggable: "false",
      }));
    }
    for (const c of S.data.chapters) {
      const p = c.place;
      if (!p || p.map !== map.id || p.left === undefined) continue;
      const classes = ["marker"];
      if (S.visited.has(c.n)) classes.push("visited");
      if (c.n === S.current) classes.push("current");
      const b = S.el("button", {
        type: "button",
        class: classes.join(" "),
        style: "left: " + p.left + "%; top: " + p.top + "%",
        "aria-label": markerLabel(c),
        title: c.title,
        "data-chapter": String(c.n),
      }, String(c.n));
      if (c.n === S.current) b.setAttribute("aria-current", "location");
      b.addEventListener("click", () => S.goChapter(c.n));
      box.appendChild(b);
    }
    return box;
  }

  function render(map) {
    const page = $("map");
    page.textContent = "";
    const head = S.el("div", { class: "map-head" });
    head.appendChild(S.el("h1", { id: "map-title", tabindex: "-1" }, S.t("map_named", { name: map.name })));
    const tools = S.el("div", { class: "map-tools" });
    if (S.data.maps.length > 1) {
      const group = S.el("div", { class: "map-choice", role: "group", "aria-label": S.t("maps") });
      for (const m of S.data.maps) {
        const b = S.el("button", { type: "button", "aria-pressed": m.id === map.id ? "true" : "false" }, m.name);
        b.addEventListener("click", () => S.go("#/map/" + m.id));
        group.appendChild(b);
      }
      tools.appendChild(group);
    }
    const zoomOut = S.el("button", { type: "button", class: "tool", "aria-label": S.t("zoom_out") }, "−");
    const zoomIn = S.el("button", { type: "button", class: "tool", "aria-label": S.t("zoom_in") }, "+");
    zoomOut.classList.add("zoom-out");
    zoomIn.classList.add("zoom-in");
    zoomOut.disabled = zoom <= MIN_ZOOM;
    zoomIn.disabled = zoom >= MAX_ZOOM;
    zoomOut.addEventListener("click", () => zoomBy(1 / STEP));
    zoomIn.addEventListener("click", () => zoomBy(STEP));
    tools.appendChild(zoomOut);
    tools.appendChild(zoomIn);
    head.appendChild(tools);
    page.appendChild(head);
    const scroller = S.el("div", { class: "map-scroll", role: "region", "aria-label": S.t("map_region"), tabindex: "0" });
    const inner = frame(map);
    inner.style.width = zoom * 100 + "%";
    scroller.appendChild(inner);
    gestures(scroller);
    page.appendChild(scroller);
    if (map.attribution) page.appendChild(S.el("p", { class: "attribution" }, map.attribution));
    const list = S.el("ol", { class: "map-list", "aria-label": S.t("on_map") });
    for (const c of S.data.chapters) {
      if (!c.place || c.place.map !== map.id) continue;
      const li = S.el("li", { value: String(c.n) });
      const a = S.el("a", { href: "#/chapter/" + c.n }, c.title);
      if (S.visited.has(c.n)) a.classList.add("visited");
      li.appendChild(a);
      li.appendChild(S.el("span", { class: "where" }, " · " + c.place.name));
      list.appendChild(li);
    }
    page.appendChild(list);
  }

  /* Zoomed in, the scrolling region shows the current chapter's marker (else the middle
     of all of them), without moving the page itself. */
  function centre() {
    const scroller = document.querySelector("#map .map-scroll");
    const markers = [...scroller.querySelectorAll(".marker")];
    if (zoom <= 1 || !markers.length) return;
    const current = scroller.querySelector(".marker.current");
    const chosen = current ? [current] : markers;
    const left = chosen.reduce((a, m) => a + parseFloat(m.style.left), 0) / chosen.length;
    const top = chosen.reduce((a, m) => a + parseFloat(m.style.top), 0) / chosen.length;
    const frame = scroller.firstChild;
    scroller.scrollLeft = (left / 100) * frame.clientWidth - scroller.clientWidth / 2;
    scroller.scrollTop = (top / 100) * frame.clientHeight - scroller.clientHeight / 2;
  }

  /* Markers closer than a marker's width are moved apart (around a ring, then a wider
     one), in pixels of the frame as drawn, so every number stays readable and clickable. */
  const RING = [[0, -1], [0.87, -0.5], [0.87, 0.5], [0, 1], [-0.87, 0.5], [-0.87, -0.5]];
  function declutter(box) {
    const w = box.clientWidth, h = box.clientHeight;
    if (!w || !h) return;
    const placed = [];
    const gap = 30;
    for (const b of box.querySelectorAll(".marker")) {
      const x = (parseFloat(b.style.left) / 100) * w, y = (parseFloat(b.style.top) / 100) * h;
      let dx = 0, dy = 0;
      const free = (px, py) => placed.every(([qx, qy]) => Math.hypot(px - qx, py - qy) >= gap);
      search: for (const radius of [0, gap, 2 * gap, 3 * gap]) {
        for (const [ux, uy] of radius ? RING : [[0, 0]]) {
          if (free(x + ux * radius, y + uy * radius)) {
            dx = ux * radius;
            dy = uy * radius;
            break search;
          }
        }
      }
      placed.push([x + dx, y + dy]);
      b.style.setProperty("--dx", dx.toFixed(1) + "px");
      b.style.setProperty("--dy", dy.toFixed(1) + "px");
    }
  }

  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const box = document.querySelector("#map:not([hidden]) .map-frame");
      if (box) declutter(box);
    }, 100);
  });

  /* Zoom to z keeping the point at (x, y) of the scrolling region (its own pixels) where
     it is; the frame's size is the only thing written, and the markers are moved apart
     again once the zoom has rested. */
  let settle = 0;
  function zoomAt(z, x, y) {
    const scroller = document.querySelector("#map .map-scroll");
    if (!scroller) return;
    const box = scroller.firstChild;
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
    if (Math.abs(next - zoom) < 1e-3) return;
    const fx = (scroller.scrollLeft + x) / box.offsetWidth, fy = (scroller.scrollTop + y) / box.offsetHeight;
    zoom = next;
    box.style.width = zoom * 100 + "%";
    scroller.scrollLeft = fx * box.offsetWidth - x;
    scroller.scrollTop = fy * box.offsetHeight - y;
    const page = $("map");
    page.querySelector(".zoom-out").disabled = zoom <= MIN_ZOOM + 1e-3;
    page.querySelector(".zoom-in").disabled = zoom >= MAX_ZOOM - 1e-3;
    page.dataset.zoom = zoom.toFixed(2);
    clearTimeout(settle);
    settle = setTimeout(() => declutter(box), 120);
  }
  function zoomBy(factor) {
    const scroller = document.querySelector("#map .map-scroll");
    if (scroller) zoomAt(zoom * factor, scroller.clientWidth / 2, scroller.clientHeight / 2);
  }

  function gestures(scroller) {
    const here = (x, y) => {
      const r = scroller.getBoundingClientRect();
      return [x - r.left - scroller.clientLeft, y - r.top - scroller.clientTop];
    };
    // the wheel, and a trackpad's pinch (which comes as a wheel with ctrlKey)
    scroller.addEventListener("wheel", (e) => {
      const dy = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1);
      if (!dy) return;
      e.preventDefault();
      const [x, y] = here(e.clientX, e.clientY);
      zoomAt(zoom * Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.002)), x, y);
    }, { passive: false });
    // two fingers: pinch about their middle (one finger scrolls, as the browser does it)
    let pinch = null;
    const spread = (t) => Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY);
    const middle = (t) => here((t[0].clientX + t[1].clientX) / 2, (t[0].clientY + t[1].clientY) / 2);
    scroller.addEventListener("touchstart", (e) => {
      pinch = e.touches.length === 2 ? { d: spread(e.touches) || 1, z: zoom } : null;
    }, { passive: true });
    scroller.addEventListener("touchmove", (e) => {
      if (!pinch || e.touches.length !== 2) return;
      e.preventDefault();
      const [x, y] = middle(e.touches);
      zoomAt(pinch.z * (spread(e.touches) / pinch.d), x, y);
    }, { passive: false });
    scroller.addEventListener("touchend", (e) => {
      if (e.touches.length < 2) pinch = null;
    }, { passive: true });
    // a mouse drag pans; a click that did not move still presses the marker under it
    let drag = null;
    scroller.addEventListener("pointerdown", (e) => {
      if (e.pointerType !== "mouse" || e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, left: scroller.scrollLeft, top: scroller.scrollTop, moved: false };
    });
    scroller.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 5) return;
      drag.moved = true;
      scroller.classList.add("dragging");
      scroller.scrollLeft = drag.left - dx;
      scroller.scrollTop = drag.top - dy;
    });
    const stop = () => {
      if (drag && drag.moved) {
        // the click that ends a drag is not a press on the marker where it ended
        scroller.addEventListener("click", (e) => e.stopPropagation(), { capture: true, once: true });
        setTimeout(() => scroller.classList.remove("dragging"), 0);
      }
      drag = null;
    };
    scroller.addEventListener("pointerup", stop);
    scroller.addEventListener("pointercancel", stop);
  }

  // + and − on the map page zoom about the middle of the view (= is + without Shift)
  document.addEventListener("keydown", (e) => {
    if (S.view !== "map" || e.altKey || e.ctrlKey || e.metaKey) return;
    const factor = { "+": STEP, "=": STEP, "-": 1 / STEP, "−": 1 / STEP }[e.key];
    if (!factor) return;
    e.preventDefault();
    zoomBy(factor);
  });

  S.showMap = function (wanted) {
    if (!zoom) zoom = window.innerWidth < 700 ? 2 : 1;
    mapId = currentMap(wanted);
    const map = S.data.maps.find((m) => m.id === mapId);
    render(map);
    S.show("map");
    declutter(document.querySelector("#map .map-frame"));
    centre();
    window.scrollTo(0, 0);
    $("map-title").focus({ preventScroll: true });
  };
})();
