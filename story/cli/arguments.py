"""Every command's arguments, declared without importing what the commands run.

Parsing must stay cheap: ``read`` paints its first frame before SQLAlchemy is
imported (docs/PERFORMANCE.md), so nothing here imports the storage layer.
The table of commands that names these is in ``main.py``.
"""

from __future__ import annotations

from argparse import Action, ArgumentParser, Namespace
from typing import Any


def _package(p: ArgumentParser, *, optional: bool) -> None:
    if optional:
        p.add_argument("package", nargs="?", help="a .storypkg file (default: the bundled story)")
    else:
        p.add_argument("package", help="a .storypkg file")


def _lang(p: ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        metavar="LANG",
        help="the interface's language: en, ru, kk or zh_CN (default: the setting or the system's)",
    )


def _theme(p: ArgumentParser) -> None:
    p.add_argument(
        "--theme",
        choices=("light", "dark", "high-contrast"),
        help="the colour scheme (default: the setting or the system's)",
    )


def _screenshot(p: ArgumentParser, size: str) -> None:
    p.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    p.add_argument("--size", default=size, help=f"window size for --screenshot, WxH ({size})")


def read(p: ArgumentParser) -> None:
    _package(p, optional=True)
    where = p.add_mutually_exclusive_group()
    where.add_argument("--chapter", type=int, metavar="N", help="open at chapter N (from 1)")
    where.add_argument("--map", action="store_true", help="open at the map")
    p.add_argument(
        "--kiosk",
        action="store_true",
        help="exhibition mode: full screen, touch, idle reset (docs/KIOSK.md)",
    )
    _lang(p)
    _theme(p)
    _screenshot(p, "1280x800")


#: The editor's pages, for ``edit --tab``.
EDITOR_TABS = ("story", "chapter", "media", "place", "preview")


def edit(p: ArgumentParser) -> None:
    _package(p, optional=True)
    p.add_argument("--tab", choices=EDITOR_TABS, help="open at this page of the editor")
    p.add_argument("--chapter", type=int, metavar="N", help="open with chapter N selected")
    p.add_argument("--media", metavar="ID", help="open the media page at this medium")
    _lang(p)
    _theme(p)
    _screenshot(p, "1440x900")


def info(p: ArgumentParser) -> None:
    _package(p, optional=True)
    p.add_argument("--json", action="store_true", help="machine-readable output")


def validate(p: ArgumentParser) -> None:
    info(p)


def build(p: ArgumentParser) -> None:
    p.add_argument("source", help="folder with story.toml and chapters/*.md")
    p.add_argument("out", help="the .storypkg to write")


def build_bundled(p: ArgumentParser) -> None:
    p.add_argument("--out", help="also copy it here")


def new(p: ArgumentParser) -> None:
    p.add_argument("package")
    p.add_argument("--title", required=True)
    p.add_argument("--language", default="en", metavar="xx")


def add_chapter(p: ArgumentParser) -> None:
    p.add_argument("package")
    p.add_argument("--title", required=True)
    p.add_argument("--body-file", metavar="MD", help="the chapter's Markdown text")
    p.add_argument("--place", metavar="NAME")
    p.add_argument("--lat", type=float)
    p.add_argument("--lon", type=float)
    p.add_argument("--map", metavar="NAME", help="the map the place is on (default: the first)")
    p.add_argument("--x", type=float, help="on a picture map: pixels from the left")
    p.add_argument("--y", type=float, help="on a picture map: pixels from the top")
    p.add_argument("--date", help="ISO 8601: 2016, 2016-04, 2017-10-02, 2011-12/2012-06")
    p.add_argument("--at", type=int, metavar="N", help="its number, from 1")


def move_chapter(p: ArgumentParser) -> None:
    p.add_argument("package")
    p.add_argument("src", type=int, metavar="FROM")
    p.add_argument("dst", type=int, metavar="TO")


def remove_chapter(p: ArgumentParser) -> None:
    p.add_argument("package")
    p.add_argument("number", type=int, metavar="N")


def export(p: ArgumentParser) -> None:
    p.add_argument("package")
    p.add_argument("out", metavar="OUT.storypkg")
    p.add_argument(
        "--no-renditions",
        action="store_true",
        help="drop derived renditions (smaller; rebuilt when needed)",
    )


def publish(p: ArgumentParser) -> None:
    p.description = "Publish the web edition: a static site that opens from file:// or any host."
    _package(p, optional=True)
    p.add_argument(
        "outdir", metavar="OUTDIR", help="the folder to write (new, empty or an edition)"
    )


def import_story(p: ArgumentParser) -> None:
    p.description = (
        "Import a StoryMapJS or TimelineJS story (the kind is read from the JSON). Media "
        "files beside the JSON are imported; remote media are never fetched: each is "
        "listed in its chapter and reported by validate."
    )
    p.add_argument("source", metavar="FILE.json")
    p.add_argument("out", metavar="OUT.storypkg")


class _KindThenPaths(Action):
    """``--as KIND [PATH...]``: argparse does not take positionals on both sides of an
    option (``PACKAGE --as storymap OUTDIR``), so the paths after KIND are collected here."""

    def __call__(self, parser: ArgumentParser, ns: Namespace, values: Any, opt: Any = None) -> None:
        kind, *paths = values
        if kind not in ("storymap", "timeline"):
            parser.error(f"--as: choose storymap or timeline (not {kind!r})")
        ns.kind = kind
        ns.after_kind = paths  # positionals are set after options: "args" would overwrite them


def export_json(p: ArgumentParser) -> None:
    p.description = "Write a package as StoryMapJS or TimelineJS JSON with its media files."
    p.add_argument("args", nargs="*", metavar="[PACKAGE] OUTDIR")
    p.add_argument("--as", dest="kind", required=True, nargs="+", action=_KindThenPaths,
                   metavar="storymap|timeline")  # fmt: skip
    p.set_defaults(after_kind=[])


def add_media(p: ArgumentParser) -> None:
    p.description = (
        "Import photos or recordings into chapter N. Identifying photo metadata "
        "(GPS, serial numbers, owner names, XMP) is removed; recordings get an AAC "
        "delivery version evened out to -16 LUFS."
    )
    p.add_argument("package")
    p.add_argument("--chapter", type=int, required=True, metavar="N")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--caption", default="")
    p.add_argument("--credit", default="")
    p.add_argument("--alt", default="")
    p.add_argument("--licence", default="", help="e.g. 'CC BY 4.0'")
    p.add_argument("--transcript", metavar="TEXTFILE", help="a UTF-8 text file: the transcript")
    p.add_argument(
        "--keep-credit",
        action="store_true",
        help="keep a photo's EXIF Artist and Copyright fields (all else is still removed)",
    )
    p.add_argument("--trim-silence", action="store_true", help="cut silence at both ends")
    p.add_argument("--fade-in", type=float, default=0.0, metavar="S", help="fade in, seconds")
    p.add_argument("--fade-out", type=float, default=0.0, metavar="S", help="fade out, seconds")


def library(p: ArgumentParser) -> None:
    p.add_argument(
        "--url",
        help="postgresql+psycopg://user@host:port/db (default: $STORYPORT_LIBRARY); "
        "no password here: use ~/.pgpass or PGPASSWORD",
    )
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    sub.add_parser("init", help="create or upgrade the library in an empty database")
    push = sub.add_parser("push", help="store a package as the story's next version")
    push.add_argument("package", help="a .storypkg file")
    push.add_argument("-m", "--message", default="", help="what changed")
    push.add_argument("--story", help="the story's name in the library (default: the file name)")
    pull = sub.add_parser("pull", help="write a version of a story to a package file")
    pull.add_argument("story")
    pull.add_argument("out", metavar="OUT.storypkg")
    pull.add_argument("--version", type=int, metavar="V", help="default: the latest")
    listing = sub.add_parser("list", help="the stories, their latest version and lock")
    listing.add_argument("--search", metavar="TEXT", help="only names or titles with TEXT")
    sub.add_parser("history", help="a story's versions").add_argument("story")
    lock = sub.add_parser("lock", help="take a story's editing lock")
    lock.add_argument("story")
    lock.add_argument("--hours", type=float, default=8.0, help="until it expires (8)")
    lock.add_argument("--take-over", action="store_true", help="take over an expired lock")
    sub.add_parser("unlock", help="release your lock on a story").add_argument("story")
    approve = sub.add_parser("approve", help="approve a version for publishing (editors)")
    approve.add_argument("story")
    approve.add_argument("version", type=int)
    push.add_argument("--base", type=int, metavar="V",
                      help="the version this package is based on (default: the one it was pulled "
                      "or last pushed as); refused when the library has a newer one")  # fmt: skip
    diff = sub.add_parser("diff", help="what changed between two versions of a story")
    diff.add_argument("story")
    diff.add_argument("v1", type=int)
    diff.add_argument("v2", type=int)
    restore = sub.add_parser("restore", help="make an old version the newest, as a new version")
    restore.add_argument("story")
    restore.add_argument("version", type=int)
    restore.add_argument("-m", "--message", default="", help="default: 'restored version V'")
