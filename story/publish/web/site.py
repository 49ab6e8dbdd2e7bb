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
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from media.imported import Cancelled
from story import reading
from story.errors import PackageError
from story.package.file import open_package
from story.publish.web.content import SiteFiles, StoryContent, js_data
from story.publish.web.page import index_html

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
            pictures = sum(1 for m in reading.list_media(pkg) if m.kind == "image")
            total = pictures + len(content.chapters) + 3
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
            step("cover and contents")
            site.add("data/story.js", js_data("STORYPORT.story", content.story_json()))
            content.write_chapters(step)
            step("writing the files")
            for rel, data in sorted(_asset_files().items()):
                site.add(rel, data)
            site.add("index.html", index_html(content.info))
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
