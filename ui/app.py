"""Start the reader or the editor (wired from main.py)."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    if getattr(args, "command", None) == "edit":
        from ui.editor.launch import run_editor

        return run_editor(args)
    from ui.reader.launch import run_reader

    return run_reader(args)
