"""The ``add-media`` command: import photos and recordings into a chapter.

Each file is imported and stored on its own: a bad file gets one line on
stderr naming it and the reason, and leaves the package as it was; the good
ones are stored (content-addressed) and linked to the chapter. Exit 2 when
every file was refused (nothing stored), 1 when some were.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from media.imported import ImportOptions, MediaError
from media.importer import import_file
from story.cli.exit_codes import ExitCode
from story.editing.chapters import chapter_id_at
from story.editing.media import append_media, store_media
from story.errors import NotFoundError
from story.package.file import open_package
from story.reading import chapter_count


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


def add_media(args: argparse.Namespace) -> ExitCode:
    transcript = _read_transcript(args.transcript)
    if transcript is None:
        return ExitCode.BAD_INPUT
    if args.fade_in < 0 or args.fade_out < 0:
        print("storyport add-media: fades must be 0 seconds or more", file=sys.stderr)
        return ExitCode.BAD_INPUT
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
        chapter_id = chapter_id_at(pkg, args.chapter)
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
            append_media(pkg, chapter_id, mid)
            gone = item.removed_metadata
            removed = f"  [removed: {', '.join(gone)}]" if gone else ""
            print(f"{mid}  {name}{removed}")
    if failures and failures == len(args.files):
        return ExitCode.BAD_INPUT  # nothing was stored: every file was refused
    return ExitCode.PROBLEMS if failures else ExitCode.OK
