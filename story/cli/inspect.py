"""``info`` and ``validate``: what a package holds, and whether it is ready to hand on."""

from __future__ import annotations

import argparse
import json

from story.cli.exit_codes import ExitCode
from story.cli.opening import open_for_reading, resolve_package
from story.package.file import open_package


def info(args: argparse.Namespace) -> ExitCode:
    from story.summary import summarize

    with open_for_reading(args.package) as pkg:
        data = summarize(pkg)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return ExitCode.OK
    print(f"{data['title']} ({data['language']}, format {data['schema_version']})")
    for ch in data["chapters"]:
        place = ch["place"]["name"] if ch["place"] else "no place"
        print(f"  {ch['index']:>3}. {ch['title']}  [{place}; {len(ch['media'])} media]")
    total = sum(m["bytes"] for m in data["media"])
    print(f"  {len(data['media'])} media, {total / 1e6:.1f} MB")
    return ExitCode.OK


def validate(args: argparse.Namespace) -> ExitCode:
    from story.validation import validate as check

    path = resolve_package(args.package)
    with open_package(path, readonly=True) as pkg:
        problems = check(pkg)
    counts = {sev: sum(p.severity == sev for p in problems) for sev in ("error", "warning", "info")}
    blocking = counts["error"] + counts["warning"]
    if args.json:
        report = {
            "package": str(path),
            "ok": not blocking,
            "counts": counts,
            "problems": [p.to_json() for p in problems],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            named = p.chapter is None or f"chapter {p.chapter}" in p.message
            where = "" if named else f"chapter {p.chapter}: "
            print(f"{p.severity:<7} {p.code:<26} {where}{p.message}")
        print(f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes")
    return ExitCode.PROBLEMS if blocking else ExitCode.OK
