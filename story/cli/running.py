"""Run one headless command: every refusal becomes one line on stderr and a named exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from media.imported import MediaError
from story.cli.exit_codes import ExitCode
from story.errors import StoryError

#: A headless command: parsed arguments in, an exit code (an ``ExitCode``) out.
Command = Callable[[argparse.Namespace], int]


def run_command(name: str, fn: Command, args: argparse.Namespace) -> ExitCode:
    try:
        return ExitCode(fn(args))
    except (StoryError, MediaError) as exc:
        # one line, even when a reason quotes a multi-line message (SQLite, a decoder)
        print(f"storyport {name}: {' '.join(str(exc).split())}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except KeyboardInterrupt:
        print(f"storyport {name}: interrupted", file=sys.stderr)
        return ExitCode.CANCELLED
