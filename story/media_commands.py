"""The ``add-media`` command: import photos and recordings into a chapter, one clear line per bad file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from media.importer import import_file
from media.imported import MediaError
from story.commands import command
from story.package import open_package
from story.writing import link_media, store_media


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("add-media", help="import photos or recordings into a chapter")
    p.add_argument("package")
    p.add_argument("--chapter", type=int, required=True, metavar="N")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--caption", default="")
    p.add_argument("--credit", default="")
    p.add_argument("--alt", default="")


@command("add-media")
def cmd_add_media(args: argparse.Namespace) -> int:
    failures = 0
    with open_package(Path(args.package), readonly=False) as pkg:
        for name in args.files:
            try:
                item = import_file(Path(name))
            except MediaError as exc:
                print(f"storyport add-media: {name}: {exc.reason}", file=sys.stderr)
                failures += 1
                continue
            mid = store_media(pkg, item, caption=args.caption, credit=args.credit, alt=args.alt)
            link_media(pkg, args.chapter, mid)
            print(f"{mid}  {name}")
    return 1 if failures else 0
