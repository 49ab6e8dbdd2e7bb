"""The command line's exit codes, named once: scripts and tests depend on their numbers."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    #: The command did what it was asked.
    OK = 0
    #: It ran, and found problems: ``validate`` with errors or warnings, ``add-media``
    #: with files it refused (the others were stored).
    PROBLEMS = 1
    #: It could not run: the package is unreadable, not ours, newer, in use, or an
    #: argument or input file is bad. One line on stderr says which and why.
    BAD_INPUT = 2
    #: Interrupted by the person (Ctrl+C); what was committed before stays.
    CANCELLED = 130
