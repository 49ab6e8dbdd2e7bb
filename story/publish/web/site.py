"""``publish``: a package as a static web edition in a folder, all or nothing.

The site is written into a temporary folder beside OUTDIR and renamed into
place at the end, so a cancelled or failed publication leaves nothing behind
and an earlier edition in OUTDIR stays whole until the new one is complete.
A folder that is not empty and not an earlier Storyport edition is refused
(it is someone's work). Files are written in sorted order from data made
with sorted keys and fixed encoder settings: the same package gives the same
bytes, so an edition diffs, caches and syncs well.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

from media.imported import Cancelled
from story import reading
from story.errors import PackageError
from story.package.file import open_package
from story.publish.web.content import SiteFiles, StoryContent, js_data
from story.publish.web.page import Alternate, index_html
from story.publish.web.words import name, tag
from story.translations import languages

#: progress(done, total, label), as ``build`` reports it.
PublishProgress = Callable[[int, int, str], None]
#: Returns True when the person asked to stop.
CancelCheck = Callable[[], bool]

#: The file that marks a folder as a Storyport web edition (so a new one may replace it).
MARKER = "storyport-edition.txt"
MARKER_TEXT = b"A Storyport web edition: open index.html. Made by `storyport publish`.\n"


@dataclass(frozen=True)
class PublishResult:
    """What a publication wrote."""

    outdir: Path
    files: int
    bytes: int
    chapters: int
    seconds: float


def _asset_files() -> dict[str, bytes]:
    """The page's own script, style and fonts (package data), by their path in the site."""
    out: dict[str, bytes] = {}
    root = resources.files("story.publish.web") / "assets"

    def walk(node: resources.abc.Traversable, prefix: str) -> None:
        for child in node.iterdir():
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif not child.name.startswith(".") and not child.name.endswith(".py"):
                out[f"assets/{prefix}{child.name}"] = child.read_bytes()

    walk(root, "")
    return out


#: Folder names a language's edition may not take (the shared files' own).
RESERVED = frozenset({"assets", "data", "maps", "media"})


def _editions(original: str, translations: list[str]) -> list[tuple[str, str]]:
    """(language code, folder) of each edition: the original at the root, each translation
    in a folder named by its BCP 47 tag (``ru/``, ``zh-CN/``). A code that is not a language
    tag, or the original's again, gets no edition."""
    out = [(original, "")]
    seen = {tag(original).lower()}
    for code in translations:
        t = tag(code)
        if t and t.lower() not in seen and t.lower() not in RESERVED:
            seen.add(t.lower())
            out.append((code, t))
    return out


def _alternates(editions: list[tuple[str, str]], here: str) -> tuple[Alternate, ...]:
    """Every edition as the page in folder ``here`` links it (nothing for one language)."""
    if len(editions) < 2:
        return ()
    up = "../" if here else ""
    return tuple(
        Alternate(
            lang=tag(code) or code,
            name=name(code),
            href="index.html"
            if folder == here
            else f"{up}{folder + '/' if folder else ''}index.html",
            current=folder == here,
            original=not folder,
        )
        for code, folder in editions
    )


def _check_outdir(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise PackageError(outdir, "is a file, not a folder; refusing to overwrite it")
    if outdir.is_dir() and any(outdir.iterdir()) and not (outdir / MARKER).is_file():
        raise PackageError(
            outdir, "is a folder with other files in it; publish into an empty or new folder"
        )


def publish_web(
    package_path: str | Path,
    outdir: str | Path,
    progress: PublishProgress | None = None,
    cancel: CancelCheck | None = None,
) -> PublishResult:
    """Publish the package at ``package_path`` as a static site in ``outdir``.

    ``progress(done, total, label)`` is called as chapters are made;
    ``cancel()`` returning True stops it (``media.imported.Cancelled``), leaving
    ``outdir`` as it was. Raises a ``StoryError`` with one line for a package
    that cannot be read or a folder that cannot be written.
    """
    started = time.perf_counter()
    outdir = Path(outdir).absolute()
    _check_outdir(outdir)
    partial = outdir.with_name(f".{outdir.name}.partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    site = SiteFiles(partial)
    try:
        partial.mkdir(parents=True)
        with open_package(Path(package_path), readonly=True) as pkg:
            content = StoryContent(pkg, site)
            editions = _editions(content.language, languages(pkg))
            pictures = sum(1 for m in reading.list_media(pkg) if m.kind == "image")
            total = pictures + len(editions) * (len(content.chapters) + 1) + 2
            done = 0

            def step(label: str) -> None:
                nonlocal done
                if cancel is not None and cancel():
                    raise Cancelled()
                if progress is not None:
                    progress(done, total, label)
                done += 1

            step("maps")
            content.make_maps()
            content.make_pictures(step)
            for code, folder in editions:
                here = content if not folder else content.in_language(code, folder)
                alternates = _alternates(editions, folder)
                step(f"cover and contents ({tag(code) or code})")
                here.extra = {"languages": [asdict(a) for a in alternates]} if alternates else {}
                story_js = js_data("STORYPORT.story", here.story_json())
                site.add(f"{here.folder}data/story.js", story_js)
                here.write_chapters(step)
                page = index_html(here.info, code, here.root, alternates)
                site.add(f"{here.folder}index.html", page)
            step("writing the files")
            for rel, data in sorted(_asset_files().items()):
                site.add(rel, data)
            site.add(MARKER, MARKER_TEXT)
            if cancel is not None and cancel():
                raise Cancelled()
        _swap_in(partial, outdir)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise PackageError(outdir, f"could not be written ({exc.strerror or exc})") from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if progress is not None:
        progress(max(done, total), max(done, total), "done")
    return PublishResult(
        outdir=outdir,
        files=site.count,
        bytes=site.size,
        chapters=len(content.chapters),
        seconds=time.perf_counter() - started,
    )


def _swap_in(partial: Path, outdir: Path) -> None:
    """Put the finished ``partial`` at ``outdir``; an earlier edition there goes last."""
    if not outdir.exists():
        os.replace(partial, outdir)
        return
    old = outdir.with_name(f".{outdir.name}.old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(outdir, old)
    try:
        os.replace(partial, outdir)
    except OSError:
        os.replace(old, outdir)
        raise
    shutil.rmtree(old, ignore_errors=True)
