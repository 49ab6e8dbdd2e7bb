"""Storyport's entry point: start the reader, the editor or a headless command.

Only wiring lives here. Headless commands are in ``story.commands`` (no Qt is
imported for them); the windows are in ``ui``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    from story.commands import add_headless_commands

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

    add_headless_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in (None, "read", "edit"):
        from ui.app import run_gui

        return run_gui(args)
    from story.commands import run_headless

    return run_headless(args)


if __name__ == "__main__":
    sys.exit(main())
