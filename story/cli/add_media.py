"""The ``add-media`` command: import photos and recordings into a chapter.

Each file is imported and stored on its own: a bad file gets one line on
stderr naming it and the reason, and leaves the package as it was; the good
ones are stored (content-addressed) and linked to the chapter.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from media.imported import ImportOptions, MediaError
from media.importer import import_file
from story.cli.commands import command
from story.editing.writing import link_media, store_media
from story.errors import NotFoundError
from story.package.file import open_package
from story.reading import chapter_count


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "add-media",
        help="import photos or recordings into a chapter",
        description="Import photos or recordings into chapter N. Identifying photo metadata "
        "(GPS, serial numbers, owner names, XMP) is removed; recordings get an AAC "
        "delivery version evened out to -16 LUFS.",
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


def _fail(name: str, reason: str) -> None:
    print(f"storyport add-media: {name}: {reason}", file=sys.stderr)


def _read_transcript(arg: str | None) -> str | None:
    if not arg:
        return ""
    try:
        return Path(arg).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        _fail(arg, f"cannot read the transcript ({reason})")
        return None


@command("add-media")
def cmd_add_media(args: argparse.Namespace) -> int:
    transcript = _read_transcript(args.transcript)
    if transcript is None:
        return 2
    if args.fade_in < 0 or args.fade_out < 0:
        print("storyport add-media: fades must be 0 seconds or more", file=sys.stderr)
        return 2
    options = ImportOptions(
        keep_credit=args.keep_credit,
        trim_silence=args.trim_silence,
        fade_in_s=args.fade_in,
        fade_out_s=args.fade_out,
    )
    failures = 0
    with open_package(Path(args.package), readonly=False) as pkg:
        count = chapter_count(pkg)
        if not 1 <= args.chapter <= count:
            raise NotFoundError(
                f"there is no chapter {args.chapter} "
                f"(the story has {count} chapter{'' if count == 1 else 's'})"
            )
        for name in args.files:
            try:
                item = import_file(Path(name), options=options)
            except MediaError as exc:
                _fail(name, exc.reason)
                failures += 1
                continue
            mid = store_media(
                pkg,
                item,
                caption=args.caption,
                credit=args.credit,
                alt=args.alt,
                licence=args.licence,
                transcript=transcript,
            )
            link_media(pkg, args.chapter, mid)
            gone = item.removed_metadata
            removed = f"  [removed: {', '.join(gone)}]" if gone else ""
            print(f"{mid}  {name}{removed}")
    return 1 if failures else 0
