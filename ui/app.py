"""Start the reader or the editor (wired from main.py)."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    from ui.reader.launch import run_reader

    return run_reader(args)
