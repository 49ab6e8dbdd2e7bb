"""Headless commands (``info``, ``validate``, ``build``…): no Qt, one clear line on error.

Each command is a small function taking the parsed arguments and returning
the exit code; ``run_headless`` turns every StoryError into one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from media.imported import MediaError
from story.errors import StoryError
from story.package.file import Package, open_package

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(fn: Command) -> Command:
        _COMMANDS[name] = fn
        return fn

    return register


def resolve_package(arg: str | None, *, progress: bool = True) -> Path:
    """The package a command works on: the argument, or the bundled story."""
    if arg:
        return Path(arg)
    from story.publish.bundled import ensure_bundled, is_built

    if not is_built() and progress:
        print("Building the bundled Khorgos story (first run)…", file=sys.stderr)
        return ensure_bundled(progress=_print_progress)
    return ensure_bundled()


def _print_progress(done: int, total: int, label: str) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    bar = "#" * filled + "-" * (width - filled)
    sys.stderr.write(f"\r[{bar}] {done}/{total} {label[:40]:<40}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def open_for_reading(arg: str | None) -> Package:
    return open_package(resolve_package(arg), readonly=True)


def add_headless_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    info = sub.add_parser("info", help="print a summary of a package")
    info.add_argument("package", nargs="?")
    info.add_argument("--json", action="store_true", help="machine-readable output")

    build = sub.add_parser("build", help="build a package from a source folder")
    build.add_argument("source", help="folder with story.toml and chapters/*.md")
    build.add_argument("out", help="the .storypkg to write")

    bundled = sub.add_parser("build-bundled", help="build the bundled Khorgos story now")
    bundled.add_argument("--out", help="also copy it here")

    new = sub.add_parser("new", help="create an empty package")
    new.add_argument("package")
    new.add_argument("--title", required=True)
    new.add_argument("--language", default="en", metavar="xx")

    add = sub.add_parser("add-chapter", help="add a chapter (default: at the end)")
    add.add_argument("package")
    add.add_argument("--title", required=True)
    add.add_argument("--body-file", metavar="MD", help="the chapter's Markdown text")
    add.add_argument("--place", metavar="NAME")
    add.add_argument("--lat", type=float)
    add.add_argument("--lon", type=float)
    add.add_argument("--at", type=int, metavar="N", help="its number, from 1")

    move = sub.add_parser("move-chapter", help="move chapter FROM to number TO")
    move.add_argument("package")
    move.add_argument("src", type=int, metavar="FROM")
    move.add_argument("dst", type=int, metavar="TO")

    remove = sub.add_parser("remove-chapter", help="remove chapter N")
    remove.add_argument("package")
    remove.add_argument("number", type=int, metavar="N")

    export = sub.add_parser("export", help="write a compact copy for distribution")
    export.add_argument("package")
    export.add_argument("out", metavar="OUT.storypkg")
    export.add_argument(
        "--no-renditions",
        action="store_true",
        help="drop derived renditions (smaller; rebuilt when needed)",
    )

    validate = sub.add_parser("validate", help="check a package before publishing")
    validate.add_argument("package", nargs="?")
    validate.add_argument("--json", action="store_true", help="machine-readable output")

    from story.cli import add_media as media_commands

    media_commands.add_parsers(sub)


@command("info")
def cmd_info(args: argparse.Namespace) -> int:
    from story.summary import summarize

    with open_for_reading(args.package) as pkg:
        data = summarize(pkg)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{data['title']} ({data['language']}, format {data['schema_version']})")
    for ch in data["chapters"]:
        place = ch["place"]["name"] if ch["place"] else "no place"
        print(f"  {ch['index']:>3}. {ch['title']}  [{place}; {len(ch['media'])} media]")
    total = sum(m["bytes"] for m in data["media"])
    print(f"  {len(data['media'])} media, {total / 1e6:.1f} MB")
    return 0


@command("build")
def cmd_build(args: argparse.Namespace) -> int:
    from story.publish.build import build_package

    out = build_package(Path(args.source), Path(args.out), progress=_print_progress)
    print(out)
    return 0


@command("build-bundled")
def cmd_build_bundled(args: argparse.Namespace) -> int:
    import shutil

    path = resolve_package(None)
    if args.out:
        shutil.copyfile(path, args.out)
    print(path)
    return 0


def open_for_writing(arg: str) -> Package:
    return open_package(Path(arg), readonly=False)


@command("new")
def cmd_new(args: argparse.Namespace) -> int:
    from story.editing.writing import StoryFields, set_story
    from story.package.file import create_package

    with create_package(Path(args.package)) as pkg:
        set_story(pkg, StoryFields(title=args.title, language=args.language))
    print(args.package)
    return 0


@command("add-chapter")
def cmd_add_chapter(args: argparse.Namespace) -> int:
    from story.editing.writing import add_chapter

    place = None
    if args.place is not None or args.lat is not None or args.lon is not None:
        if args.place is None or args.lat is None or args.lon is None:
            raise StoryError("--place needs --lat and --lon (and the other way round)")
        if not (-90 <= args.lat <= 90 and -180 <= args.lon <= 180):
            raise StoryError(f"--lat {args.lat} --lon {args.lon} is not a place on Earth")
        place = (args.place, args.lat, args.lon)
    body = ""
    if args.body_file:
        try:
            body = Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise StoryError(f"{args.body_file}: cannot be read as UTF-8 text ({exc})") from None
    with open_for_writing(args.package) as pkg:
        map_id = None
        if place is not None:
            from story.reading import list_maps

            map_id = next((m.id for m in list_maps(pkg) if m.kind == "geo"), None)
        number = add_chapter(pkg, args.title, body_md=body, place=place, map_id=map_id, at=args.at)
    print(number)
    return 0


@command("move-chapter")
def cmd_move_chapter(args: argparse.Namespace) -> int:
    from story.editing.writing import move_chapter

    with open_for_writing(args.package) as pkg:
        move_chapter(pkg, args.src, args.dst)
    return 0


@command("remove-chapter")
def cmd_remove_chapter(args: argparse.Namespace) -> int:
    from story.editing.writing import remove_chapter

    with open_for_writing(args.package) as pkg:
        remove_chapter(pkg, args.number)
    return 0


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from story.publish.export import export_package

    out = export_package(args.package, args.out, keep_renditions=not args.no_renditions)
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


@command("validate")
def cmd_validate(args: argparse.Namespace) -> int:
    from story.validation import validate

    path = resolve_package(args.package)
    with open_package(path, readonly=True) as pkg:
        problems = validate(pkg)
    counts = {sev: sum(p.severity == sev for p in problems) for sev in ("error", "warning", "info")}
    blocking = counts["error"] + counts["warning"]
    if args.json:
        report = {
            "package": str(path),
            "ok": not blocking,
            "counts": counts,
            "problems": [p.to_json() for p in problems],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            named = p.chapter is None or f"chapter {p.chapter}" in p.message
            where = "" if named else f"chapter {p.chapter}: "
            print(f"{p.severity:<7} {p.code:<26} {where}{p.message}")
        print(f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes")
    return 1 if blocking else 0


def run_headless(args: argparse.Namespace) -> int:
    fn = _COMMANDS.get(args.command)
    if fn is None:
        print(f"storyport: unknown command {args.command!r}", file=sys.stderr)
        return 2
    try:
        return fn(args)
    except (StoryError, MediaError) as exc:
        print(f"storyport {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"storyport {args.command}: interrupted", file=sys.stderr)
        return 130
