"""``new``, ``add-chapter``, ``move-chapter``, ``remove-chapter``: a package's structure by script.

Chapter numbers here are a person's (from 1, in story order); they become ids
at this edge, before the write API is called.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from story.cli.exit_codes import ExitCode
from story.cli.opening import open_for_writing
from story.errors import StoryError
from story.records import MapInfo, Place


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


def _place(args: argparse.Namespace, maps: list[MapInfo]) -> Place | None:
    """The place the arguments give: ``--lat/--lon`` on a geographic map or ``--x/--y``
    on a picture map, on ``--map NAME`` (default: the first map of the right kind)."""
    geo = args.lat is not None or args.lon is not None
    pixel = args.x is not None or args.y is not None
    if args.place is None:
        if geo or pixel or args.map is not None:
            raise StoryError("--lat/--lon, --x/--y and --map need --place NAME")
        return None
    if geo == pixel:
        raise StoryError("--place needs --lat and --lon, or --x and --y on a picture map")
    if args.map is not None:
        chosen = next((m for m in maps if m.name == args.map), None)
        if chosen is None:
            known = ", ".join(repr(m.name) for m in maps) or "none"
            raise StoryError(f"--map {args.map!r} is not a map of this story ({known})")
    else:
        chosen = next((m for m in maps if m.kind == ("image" if pixel else "geo")), None)
    if pixel:
        if args.x is None or args.y is None:
            raise StoryError("--x needs --y (and the other way round)")
        if chosen is None or chosen.kind != "image":
            raise StoryError("--x/--y place a chapter on a picture map; name one with --map")
        if not (math.isfinite(args.x) and math.isfinite(args.y)):
            raise StoryError("--x and --y must be finite numbers")
        return Place.pixel(args.place, args.x, args.y, chosen.id)
    if args.lat is None or args.lon is None:
        raise StoryError("--place needs --lat and --lon (and the other way round)")
    if not (-90 <= args.lat <= 90 and -180 <= args.lon <= 180):
        raise StoryError(f"--lat {args.lat} --lon {args.lon} is not a place on Earth")
    if chosen is not None and chosen.kind != "geo":
        raise StoryError(f"{chosen.name!r} is a picture map: give --x and --y, not --lat/--lon")
    return Place.geo(args.place, args.lat, args.lon, chosen.id if chosen else None)


def add_chapter(args: argparse.Namespace) -> ExitCode:
    from story.dates import normalize_date
    from story.editing.chapters import add_chapter as add
    from story.editing.chapters import chapter_index
    from story.reading import list_maps

    date = normalize_date(args.date)  # a DateError (StoryError) before anything is opened
    body = _read_body(args.body_file)
    with open_for_writing(args.package) as pkg:
        place = _place(args, list_maps(pkg))
        chapter_id = add(pkg, args.title, body_md=body, place=place, at=args.at, date=date)
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
