/* Storyport web edition: a chapter page (title, lead picture, text, sound with its
   transcript, the photo gallery) and the full-screen viewer. A chapter's data are loaded
   when it is shown; its neighbours are made ready after it. Responsive pictures (S.picture)
   are here too. */
"use strict";

(function () {
  const S = window.STORYPORT;
  const $ = (id) => document.getElementById(id);

  /* -- pictures (the cover's too: app.js calls S.picture once the story is in) ----- */

  const srcset = (list) => list.map(([w, p]) => p + " " + w + "w").join(", ");

  S.picture = function (image, sizes, opts) {
    const picture = S.el("picture");
    picture.appendChild(S.el("source", { type: "image/webp", srcset: srcset(image.webp), sizes: sizes }));
    const img = S.el("img", {
      src: image.jpeg[0][1],
      srcset: srcset(image.jpeg),
      sizes: sizes,
      width: image.w,
      height: image.h,
      alt: image.alt || "",
      loading: opts && opts.eager ? "eager" : "lazy",
      decoding: "async",
    });
    if (opts && opts.eager) img.setAttribute("fetchpriority", "high");
    picture.appendChild(img);
    return picture;
  };

  /* A picture fetched and decoded ahead, as the <img> that will show it (the format chosen
     here as <picture> would: WebP when the browser draws it). */
  let webp = null;
  S.prefetchPicture = function (image, sizes) {
    if (webp === null) webp = document.createElement("canvas").toDataURL("image/webp").startsWith("data:image/webp");
    const img = S.el("img", { sizes: sizes, width: image.w, height: image.h, alt: image.alt || "", decoding: "async" });
    img.srcset = srcset(webp ? image.webp : image.jpeg);
    img.src = (webp ? image.webp : image.jpeg)[0][1];
    if (img.decode) img.decode().catch(() => {});
    return img;
  };

  const LEAD_SIZES = "(min-width: 1600px) 1600px, 100vw";
  const THUMB_SIZES = "(min-width: 760px) 220px, 45vw";
  let shownImages = [];
  let galleryIndex = 0;
  let token = 0;

  function credits(item) {
    return [item.credit, item.licence ? S.t("licence") + ": " + item.licence : ""].filter(Boolean).join(" · ");
  }

  function figure(image, index, lead, decoded) {
    const fig = S.el("figure", { class: lead ? "lead" : "photo" });
    const open = S.el("button", { type: "button", class: "open-photo", "data-index": String(index) });
    if (decoded) {
      const picture = S.el("picture");
      picture.appendChild(decoded);
      open.appendChild(picture);
    } else {
      open.appendChild(S.picture(image, lead ? LEAD_SIZES : THUMB_SIZES, { eager: lead }));
    }
    open.appendChild(S.el("span", { class: "visually-hidden" }, S.t("open_full")));
    open.addEventListener("click", () => S.openViewer(index));
    fig.appendChild(open);
    const cap = S.el("figcaption");
    if (image.caption) cap.appendChild(S.el("span", { class: "caption" }, image.caption));
    const credit = credits(image);
    if (credit) cap.appendChild(S.el("span", { class: "credit" }, credit));
    fig.appendChild(cap);
    return fig;
  }

  function sound(audio, n, i) {
    const box = S.el("section", { class: "sound", "aria-labelledby": "sound-" + n + "-" + i });
    box.appendChild(S.el("h2", { id: "sound-" + n + "-" + i, class: "sound-title" }, audio.caption || S.t("sound")));
    const player = S.el("audio", { controls: "", preload: "metadata", "aria-labelledby": "sound-" + n + "-" + i });
    player.appendChild(S.el("source", { src: audio.src, type: audio.mime }));
    box.appendChild(player);
    keepEdit(player, audio);
    const credit = credits(audio);
    if (credit) box.appendChild(S.el("p", { class: "credit" }, credit));
    if (audio.transcript) {
      const details = S.el("details", { class: "transcript" });
      details.appendChild(S.el("summary", null, S.t("transcript")));
      details.appendChild(S.el("p", null, audio.transcript));
      box.appendChild(details);
    }
    return box;
  }

  /* The curator's non-destructive edit (FORMAT.md, audio-edit): play from trimStart, stop
     trimEnd before the end, ramp the volume over the fades. */
  function keepEdit(player, audio) {
    const start = audio.trimStart || 0, cut = audio.trimEnd || 0;
    const fadeIn = audio.fadeIn || 0, fadeOut = audio.fadeOut || 0;
    if (!start && !cut && !fadeIn && !fadeOut) return;
    const end = () => (player.duration || audio.duration || 0) - cut;
    player.addEventListener("play", () => {
      if (player.currentTime < start || player.currentTime >= end()) player.currentTime = start;
    });
    player.addEventListener("timeupdate", () => {
      const t = player.currentTime, stop = end();
      if (stop > 0 && t >= stop) {
        player.pause();
        player.currentTime = start;
        return;
      }
      let v = 1;
      if (fadeIn && t - start < fadeIn) v = Math.max(0, (t - start) / fadeIn);
      if (fadeOut && stop - t < fadeOut) v = Math.min(v, Math.max(0, (stop - t) / fadeOut));
      player.volume = v;
    });
  }

  function kicker(c, summary) {
    const bits = [S.t("chapter_of", { n: c.n, total: S.data.chapters.length })];
    if (summary.place) bits.push(summary.place.name);
    if (c.date) bits.push(c.date);
    return bits.join(" · ");
  }

  function render(c, decoded) {
    const summary = S.data.chapters[c.n - 1];
    const page = S.el("div", { class: "chapter-inner" });
    const head = S.el("header", { class: "chapter-head" });
    head.appendChild(S.el("p", { class: "kicker" }, kicker(c, summary)));
    head.appendChild(S.el("h1", { id: "chapter-title", tabindex: "-1" }, c.title));
    if (c.summary) head.appendChild(S.el("p", { class: "standfirst" }, c.summary));
    page.appendChild(head);
    if (c.images.length) page.appendChild(figure(c.images[0], 0, true, decoded));
    const text = S.el("div", { class: "text" });
    c.audio.forEach((a, i) => text.appendChild(sound(a, c.n, i)));
    const body = S.el("div", { class: "body" });
    body.innerHTML = c.body; // escaped by the publisher (markdown.py): nothing raw from the package
    text.appendChild(body);
    if (c.images.length > 1) {
      const gallery = S.el("section", { class: "gallery", "aria-labelledby": "gallery-" + c.n });
      gallery.appendChild(S.el("h2", { id: "gallery-" + c.n }, S.t("photos")));
      const grid = S.el("div", { class: "grid" });
      c.images.forEach((image, i) => grid.appendChild(figure(image, i, false)));
      gallery.appendChild(grid);
      text.appendChild(gallery);
    }
    const nav = S.el("nav", { class: "chapter-nav", "aria-label": S.t("chapters") });
    const before = S.data.chapters[c.n - 2], after = S.data.chapters[c.n];
    if (before) nav.appendChild(S.el("a", { href: "#/chapter/" + before.n, class: "prev-link", rel: "prev" }, "← " + before.title));
    if (after) nav.appendChild(S.el("a", { href: "#/chapter/" + after.n, class: "next-link", rel: "next" }, after.title + " →"));
    text.appendChild(nav);
    page.appendChild(text);
    return page;
  }

  S.showChapter = function (n) {
    const mine = ++token;
    S.current = n;
    S.remember(n);
    return S.load(n).then((c) => {
      if (mine !== token) return;
      // Read before writing: the scroll goes while the old page is still laid out, then
      // the new page is written in one go, and nothing asks for its layout in this task.
      window.scrollTo(0, 0);
      const article = $("chapter");
      const page = built.get(n) || render(c, null);
      built.delete(n);
      article.textContent = "";
      article.setAttribute("aria-labelledby", "chapter-title");
      article.appendChild(page);
      shownImages = c.images;
      galleryIndex = 0;
      S.show("chapter");
      // focus follows after the frame: focus() here would lay the new page out twice
      S.afterFrame(() => mine === token && S.view === "chapter" && $("chapter-title").focus({ preventScroll: true }));
      if (!S.reducedMotion && article.animate) {
        // from 0.6, not 0: the first frame with the new chapter already shows it
        article.animate([{ opacity: 0.6 }, { opacity: 1 }], { duration: 200, easing: "ease-out" });
      }
      S.afterFrame(() => mine === token && prefetch(n));
    }, () => {
      if (mine === token) S.go("#/");
    });
  };

  /* The neighbours made ready after a turn: their data loaded, their lead pictures fetched
     and decoded, and their pages built (not in the document), so the next turn only puts a
     finished page in place and its frame has nothing to decode. */
  const built = new Map(); // chapter n -> its page, built ahead
  function prefetch(n) {
    for (const m of [...built.keys()]) if (Math.abs(m - n) > 1) built.delete(m);
    for (const m of [n + 1, n - 1]) {
      if (m < 1 || m > S.data.chapters.length || built.has(m)) continue;
      S.load(m).then((c) => {
        if (built.has(m) || Math.abs(m - S.current) > 1) return;
        const img = c.images.length ? S.prefetchPicture(c.images[0], LEAD_SIZES) : null;
        built.set(m, render(c, img));
      }, () => {});
    }
  }

  S.toggleAudio = function () {
    if (S.view !== "chapter") return;
    const player = $("chapter").querySelector("audio");
    if (!player) return;
    if (player.paused) player.play().catch(() => {});
    else player.pause();
  };

  /* -- the gallery and the full-screen viewer ------------------------------------------ */

  S.stepGallery = function (step) {
    if (S.view !== "chapter" || !shownImages.length) return;
    galleryIndex = Math.min(Math.max(0, galleryIndex + step), shownImages.length - 1);
    const target = $("chapter").querySelectorAll(".open-photo")[galleryIndex + (shownImages.length > 1 ? 1 : 0)];
    if (target) target.focus();
  };

  function fillViewer() {
    const image = shownImages[galleryIndex];
    const fig = $("viewer-figure");
    fig.textContent = "";
    fig.appendChild(S.picture(image, "100vw", { eager: true }));
    const cap = S.el("figcaption");
    if (image.caption) cap.appendChild(S.el("span", { class: "caption" }, image.caption));
    const credit = credits(image);
    if (credit) cap.appendChild(S.el("span", { class: "credit" }, credit));
    fig.appendChild(cap);
    $("viewer-title").textContent = S.t("photo_of", { n: galleryIndex + 1, total: shownImages.length });
    $("viewer-count").textContent = galleryIndex + 1 + " / " + shownImages.length;
    $("viewer-prev").disabled = galleryIndex === 0;
    $("viewer-next").disabled = galleryIndex >= shownImages.length - 1;
  }

  let opener = null;
  S.openViewer = function (index) {
    if (S.view !== "chapter" || !shownImages.length) return;
    if (index !== undefined) galleryIndex = index;
    opener = document.activeElement;
    fillViewer();
    const dialog = $("viewer");
    if (!dialog.open) dialog.showModal();
    $("viewer-close").focus();
  };

  function stepViewer(step) {
    const next = galleryIndex + step;
    if (next < 0 || next >= shownImages.length) return;
    galleryIndex = next;
    fillViewer();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const dialog = $("viewer");
    $("viewer-close").addEventListener("click", () => dialog.close());
    $("viewer-prev").addEventListener("click", () => stepViewer(-1));
    $("viewer-next").addEventListener("click", () => stepViewer(1));
    dialog.addEventListener("close", () => {
      if (opener && opener.focus) opener.focus();
    });
    dialog.addEventListener("keydown", (e) => {
      const k = e.key;
      if (k === "ArrowRight" || k === "]" || k === ".") stepViewer(1);
      else if (k === "ArrowLeft" || k === "[" || k === ",") stepViewer(-1);
      else if (k === "f" || k === "F") dialog.close();
      else return;
      e.preventDefault();
    });
    let x0 = null;
    dialog.addEventListener("touchstart", (e) => (x0 = e.touches.length === 1 ? e.touches[0].clientX : null), { passive: true });
    dialog.addEventListener("touchend", (e) => {
      if (x0 === null) return;
      const dx = e.changedTouches[0].clientX - x0;
      if (Math.abs(dx) > 50) stepViewer(dx < 0 ? 1 : -1);
      x0 = null;
    }, { passive: true });
  });
})();
