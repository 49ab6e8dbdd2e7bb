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
from story.package import Package, open_package

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
    from story.bundled import ensure_bundled, is_built

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


def add_headless_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    info = sub.add_parser("info", help="print a summary of a package")
    info.add_argument("package", nargs="?")
    info.add_argument("--json", action="store_true", help="machine-readable output")

    build = sub.add_parser("build", help="build a package from a source folder")
    build.add_argument("source", help="folder with story.toml and chapters/*.md")
    build.add_argument("out", help="the .storypkg to write")

    bundled = sub.add_parser("build-bundled", help="build the bundled Khorgos story now")
    bundled.add_argument("--out", help="also copy it here")

    from story import media_commands

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
    from story.source import build_package

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
