"""``new``, ``add-chapter``, ``move-chapter``, ``remove-chapter``: a package's structure by script.

Chapter numbers here are a person's (from 1, in story order); they become ids
at this edge, before the write API is called.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from story.cli.exit_codes import ExitCode
from story.cli.opening import open_for_writing
from story.errors import StoryError


def new(args: argparse.Namespace) -> ExitCode:
    from story.editing.story import StoryFields, set_story
    from story.package.file import create_package

    with create_package(Path(args.package)) as pkg:
        set_story(pkg, StoryFields(title=args.title, language=args.language))
    print(args.package)
    return ExitCode.OK


def _read_body(arg: str | None) -> str:
    if not arg:
        return ""
    try:
        return Path(arg).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryError(f"{arg}: cannot be read as UTF-8 text ({exc})") from None


def add_chapter(args: argparse.Namespace) -> ExitCode:
    from story.editing.chapters import add_chapter as add
    from story.editing.chapters import chapter_index
    from story.reading import list_maps

    place = None
    if args.place is not None or args.lat is not None or args.lon is not None:
        if args.place is None or args.lat is None or args.lon is None:
            raise StoryError("--place needs --lat and --lon (and the other way round)")
        if not (-90 <= args.lat <= 90 and -180 <= args.lon <= 180):
            raise StoryError(f"--lat {args.lat} --lon {args.lon} is not a place on Earth")
        place = (args.place, args.lat, args.lon)
    body = _read_body(args.body_file)
    with open_for_writing(args.package) as pkg:
        map_id = None
        if place is not None:
            map_id = next((m.id for m in list_maps(pkg) if m.kind == "geo"), None)
        chapter_id = add(pkg, args.title, body_md=body, place=place, map_id=map_id, at=args.at)
        number = chapter_index(pkg, chapter_id)
    print(number)
    return ExitCode.OK


def move_chapter(args: argparse.Namespace) -> ExitCode:
    from story.editing.chapters import chapter_id_at
    from story.editing.chapters import move_chapter as move

    with open_for_writing(args.package) as pkg:
        move(pkg, chapter_id_at(pkg, args.src), args.dst)
    return ExitCode.OK


def remove_chapter(args: argparse.Namespace) -> ExitCode:
    from story.editing.chapters import chapter_id_at
    from story.editing.chapters import remove_chapter as remove

    with open_for_writing(args.package) as pkg:
        remove(pkg, chapter_id_at(pkg, args.number))
    return ExitCode.OK
