"""``import`` and ``export-json``: StoryMapJS and TimelineJS stories in and out.

See docs/INTEROP.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from story.cli.exit_codes import ExitCode
from story.cli.opening import open_for_reading
from story.errors import StoryError


def import_story(args: argparse.Namespace) -> ExitCode:
    from story.interop.importing import import_json

    report = import_json(Path(args.source), Path(args.out))
    print(
        f"{report.path}: a {report.kind} story, {report.chapters} chapters, "
        f"{report.imported} media files imported, {len(report.left_out)} left out"
    )
    for note in report.notes:
        print(f"  note: {note}")
    if report.left_out:
        print("  media not imported (listed in their chapters; `validate` reports them):")
        for item in report.left_out[:20]:
            print(f"    {item.url[:100]} ({item.reason})")
        if len(report.left_out) > 20:
            print(f"    ... and {len(report.left_out) - 20} more")
    return ExitCode.OK


def export_json(args: argparse.Namespace) -> ExitCode:
    from story.interop.export_json import export_json as write_json

    paths = [*args.args, *args.after_kind]  # PACKAGE --as KIND OUTDIR, or any order
    if not 1 <= len(paths) <= 2:
        raise StoryError("export-json takes [PACKAGE] OUTDIR")
    package, outdir = (None, paths[0]) if len(paths) == 1 else paths
    pkg = open_for_reading(package)
    try:
        report = write_json(pkg, Path(outdir), args.kind)
    finally:
        pkg.close()
    print(f"{report.json_path}: {report.slides} slides, {report.media_files} media files")
    for what in report.left_out:
        print(f"  left out: {what}")
    return ExitCode.OK
