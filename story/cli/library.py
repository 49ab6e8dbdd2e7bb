"""``library``: the shared newsroom library on PostgreSQL (init, push, pull, list, history,
diff, restore, lock, unlock, approve). Wiring only: the work is in ``story.library``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import Engine

from story.cli.exit_codes import ExitCode
from story.library import diff, locks, migrations, versions
from story.library.connection import LibraryError, library_url, make_engine


def library(args: argparse.Namespace) -> ExitCode:
    engine = make_engine(library_url(args.url))
    try:
        return _ACTIONS[args.action](engine, args)
    finally:
        engine.dispose()


def _init(engine: Engine, args: argparse.Namespace) -> ExitCode:
    before, after = migrations.init_library(engine)
    if before == after:
        print(f"library is up to date (schema version {after})")
    else:
        print(f"library ready (schema version {before} -> {after})")
    return ExitCode.OK


def _push(engine: Engine, args: argparse.Namespace) -> ExitCode:
    path = Path(args.package)
    if not path.is_file():
        raise LibraryError(f"{path}: no such package")
    r = versions.push(engine, path, story=args.story, message=args.message, base=args.base)
    print(
        f"pushed {r.story} version {r.version}: {r.media_sent} media sent "
        f"({r.media_bytes_sent} bytes), {r.media_reused} already in the library; "
        f"{r.content_bytes + r.derived_bytes_sent} bytes of text, renditions and tiles sent"
    )
    if not r.recorded:
        print(
            f"note: {path} is open for writing elsewhere and does not record that it is now "
            f"version {r.version}: the next push from it needs --base {r.version}",
            file=sys.stderr,
        )
    return ExitCode.OK


def _pull(engine: Engine, args: argparse.Namespace) -> ExitCode:
    out = Path(args.out)
    if not out.parent.is_dir():
        raise LibraryError(f"{out.parent}: no such folder")
    number = versions.pull(engine, args.story, out, version=args.version)
    print(f"pulled {args.story} version {number} to {out}")
    return ExitCode.OK


def _list(engine: Engine, args: argparse.Namespace) -> ExitCode:
    for s in versions.list_stories(engine, args.search):
        lock = f"  locked by {s.locked_by}" if s.locked_by else ""
        print(
            f"{s.name}\tv{s.latest}\t{s.pushed_at:%Y-%m-%d %H:%M}\t{s.pushed_by}\t{s.title}{lock}"
        )
    return ExitCode.OK


def _history(engine: Engine, args: argparse.Namespace) -> ExitCode:
    for v in versions.history(engine, args.story):
        ok = f"  approved by {v.approved_by}" if v.approved_by else ""
        ok += f"  (restored from v{v.restored_from})" if v.restored_from else ""
        print(
            f"v{v.number}\t{v.pushed_at:%Y-%m-%d %H:%M}\t{v.pushed_by}\tformat {v.format_version}"
            f"\t{v.media} media\t{v.message}{ok}"
        )
    return ExitCode.OK


def _diff(engine: Engine, args: argparse.Namespace) -> ExitCode:
    for line in diff.diff(engine, args.story, args.v1, args.v2).lines():
        print(line)
    return ExitCode.OK


def _restore(engine: Engine, args: argparse.Namespace) -> ExitCode:
    number = versions.restore(engine, args.story, args.version, message=args.message)
    print(f"restored {args.story} version {args.version} as version {number}")
    return ExitCode.OK


def _lock(engine: Engine, args: argparse.Namespace) -> ExitCode:
    held = locks.lock(engine, args.story, hours=args.hours, take_over=args.take_over)
    print(f"{args.story} locked by {held.line()}")
    return ExitCode.OK


def _unlock(engine: Engine, args: argparse.Namespace) -> ExitCode:
    locks.unlock(engine, args.story)
    print(f"{args.story} unlocked")
    return ExitCode.OK


def _approve(engine: Engine, args: argparse.Namespace) -> ExitCode:
    versions.approve(engine, args.story, args.version)
    print(f"{args.story} version {args.version} approved")
    return ExitCode.OK


_ACTIONS = {
    "init": _init,
    "push": _push,
    "pull": _pull,
    "list": _list,
    "history": _history,
    "diff": _diff,
    "restore": _restore,
    "lock": _lock,
    "unlock": _unlock,
    "approve": _approve,
}
