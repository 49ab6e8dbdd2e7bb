"""Storyport's entry point: the table of commands, and nothing but wiring.

Each command names its arguments (``story.cli.arguments``, cheap to import)
and the function that runs it, as ``"module:function"``, imported only when
that command runs: ``read`` paints before the storage layer is imported, and
the headless commands never import Qt. Exit codes are ``story.cli.exit_codes``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from story.cli import arguments
from story.cli.version import VersionAction


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    #: ``"module:function"``; the function takes the parsed arguments, returns an exit code.
    target: str
    #: A window (runs its own error handling and event loop) rather than a headless command.
    gui: bool = False


COMMANDS = (
    Command("read", "open the reader (default: the bundled Khorgos story)", arguments.read,
            "ui.reader.launch:run_reader", gui=True),
    Command("edit", "open the curator's editor", arguments.edit,
            "ui.editor.launch:run_editor", gui=True),
    Command("info", "print a summary of a package", arguments.info, "story.cli.inspect:info"),
    Command("validate", "check a package before publishing", arguments.validate,
            "story.cli.inspect:validate"),
    Command("build", "build a package from a source folder", arguments.build,
            "story.cli.publishing:build"),
    Command("build-bundled", "build the bundled Khorgos story now", arguments.build_bundled,
            "story.cli.publishing:build_bundled"),
    Command("export", "write a compact copy for distribution", arguments.export,
            "story.cli.publishing:export"),
    Command("publish", "publish the web edition: a static site in OUTDIR", arguments.publish,
            "story.cli.web:publish"),
    Command("import", "import a StoryMapJS or TimelineJS story (JSON)", arguments.import_story,
            "story.cli.interop:import_story"),
    Command("export-json", "write StoryMapJS or TimelineJS JSON and its media",
            arguments.export_json, "story.cli.interop:export_json"),
    Command("new", "create an empty package", arguments.new, "story.cli.editing:new"),
    Command("add-chapter", "add a chapter (default: at the end)", arguments.add_chapter,
            "story.cli.editing:add_chapter"),
    Command("move-chapter", "move chapter FROM to number TO", arguments.move_chapter,
            "story.cli.editing:move_chapter"),
    Command("remove-chapter", "remove chapter N", arguments.remove_chapter,
            "story.cli.editing:remove_chapter"),
    Command("add-media", "import photos or recordings into a chapter", arguments.add_media,
            "story.cli.add_media:add_media"),
    Command("library", "the shared newsroom library (PostgreSQL): push, pull, lock...",
            arguments.library, "story.cli.library:library"),
)  # fmt: skip
BY_NAME = {c.name: c for c in COMMANDS}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyport", description="Interactive multimedia stories on the desktop."
    )
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command")
    for command in COMMANDS:
        command.arguments(sub.add_parser(command.name, help=command.help))
    return parser


def _load(target: str) -> Callable[[argparse.Namespace], int]:
    module, _, function = target.partition(":")
    fn: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), function)
    return fn


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    command = BY_NAME[args.command or "read"]
    if args.command is None:  # no command: the reader on the bundled story
        args = build_parser().parse_args(["read"])
    fn = _load(command.target)
    if command.gui:
        return int(fn(args))
    from story.cli.running import run_command

    return int(run_command(command.name, fn, args))


if __name__ == "__main__":
    sys.exit(main())
