"""Storyport's entry point: start the reader, the editor or a headless command.

Only wiring lives here. Headless commands are in ``story.commands`` (no Qt is
imported for them); the windows are in ``ui``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

GUI_COMMANDS = ("read", "edit")


def build_parser(*, headless: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``headless=False`` leaves out the storage commands.

    Their modules import SQLAlchemy, which the reader's first paint should not
    wait for (docs/PERFORMANCE.md), so ``read`` and ``edit`` parse without them.
    """
    parser = argparse.ArgumentParser(
        prog="storyport", description="Interactive multimedia stories on the desktop."
    )
    sub = parser.add_subparsers(dest="command")

    read = sub.add_parser("read", help="open the reader (default: the bundled Khorgos story)")
    read.add_argument("package", nargs="?", help="a .storypkg file")
    where = read.add_mutually_exclusive_group()
    where.add_argument("--chapter", type=int, metavar="N", help="open at chapter N (from 1)")
    where.add_argument("--map", action="store_true", help="open at the map")
    read.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    read.add_argument("--size", default="1280x800", help="window size for --screenshot, WxH")

    edit = sub.add_parser("edit", help="open the curator's editor")
    edit.add_argument("package", nargs="?", help="a .storypkg file")
    edit.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    edit.add_argument("--size", default="1280x800", help="window size for --screenshot, WxH")

    if headless:
        from story.cli.commands import add_headless_commands

        add_headless_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui_only = not argv or argv[0] in GUI_COMMANDS
    args = build_parser(headless=not gui_only).parse_args(argv)
    if args.command in (None, "read", "edit"):
        from ui.app import run_gui

        return run_gui(args)
    from story.cli.commands import run_headless

    return run_headless(args)


if __name__ == "__main__":
    sys.exit(main())
