"""``publish``: the web edition of a package (or of the bundled story), docs/WEB.md."""

from __future__ import annotations

import argparse
import sys

from story.cli.exit_codes import ExitCode
from story.cli.opening import print_progress, resolve_package


def publish(args: argparse.Namespace) -> ExitCode:
    from story.publish.web import publish_web

    package = resolve_package(args.package)
    progress = print_progress if sys.stderr.isatty() else None
    result = publish_web(package, args.outdir, progress=progress)
    print(
        f"{result.outdir / 'index.html'} ({result.chapters} chapters, {result.files} files, "
        f"{result.bytes / 1e6:.1f} MB, {result.seconds:.1f} s)"
    )
    return ExitCode.OK
