"""``build``, ``build-bundled`` and ``export``: packages made from sources, and handed on."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from story.cli.exit_codes import ExitCode
from story.cli.opening import print_progress, resolve_package


def build(args: argparse.Namespace) -> ExitCode:
    from story.publish.build import build_package

    out = build_package(Path(args.source), Path(args.out), progress=print_progress)
    print(out)
    return ExitCode.OK


def build_bundled(args: argparse.Namespace) -> ExitCode:
    path = resolve_package(None)
    if args.out:
        shutil.copyfile(path, args.out)
    print(path)
    return ExitCode.OK


def export(args: argparse.Namespace) -> ExitCode:
    from story.publish.export import export_package

    out = export_package(args.package, args.out, keep_renditions=not args.no_renditions)
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    return ExitCode.OK
