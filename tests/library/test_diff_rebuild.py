"""diff between a story and the same story built again from its sources: a rebuild numbers
the chapters afresh (one chapter inserted shifts every id after it), and only the real
changes are reported. The sources are the bundled story's own chapters (their text; the
media are left out, generating them takes a minute)."""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from pathlib import Path

from story.library import diff, versions
from story.publish.build import build_package
from story.publish.bundled import source_dir
from tests.library.conftest import Library


def _sources(folder: Path, *, edit: bool = False, insert: bool = False) -> Path:
    """The bundled story's chapters as a source folder: title, summary and text of each."""
    (folder / "chapters").mkdir(parents=True)
    (folder / "story.toml").write_text('title = "Khorgos, rebuilt"\n', encoding="utf-8")
    chapters = sorted((source_dir() / "chapters").glob("*.md"))
    assert len(chapters) >= 8
    for i, path in enumerate(chapters):
        _, front, body = path.read_text(encoding="utf-8").split("+++", 2)
        meta = tomllib.loads(front)
        body = re.sub(r"!\[[^\]]*\]\(media:[^)]*\)", "", body)  # the photos left out
        if edit and i == 5:
            body = body.replace(".", ". And one more sentence, added by a curator.", 1)
        _write(folder / "chapters" / path.name, meta["title"], meta.get("summary", ""), body)
    if insert:
        _write(folder / "chapters" / "03a-new.md", "A new chapter", "Inserted.", "\nNew text.\n")
    return folder


def _write(path: Path, title: str, summary: str, body: str) -> None:
    front = f"title = {json.dumps(title)}\nsummary = {json.dumps(summary)}\n"
    path.write_text(f"+++\n{front}+++{body}", encoding="utf-8")


def test_a_rebuilt_story_shows_only_its_real_changes(library: Library, tmp_path: Path) -> None:
    engine = library.engine("curator1")
    first = build_package(_sources(tmp_path / "a"), tmp_path / "a" / "khorgos.storypkg")
    versions.push(engine, first, message="built")
    same = build_package(_sources(tmp_path / "b"), tmp_path / "b" / "khorgos.storypkg")
    versions.push(engine, same, message="built again", base=1)
    assert diff.diff(engine, "khorgos", 1, 2).same

    again = build_package(
        _sources(tmp_path / "c", edit=True, insert=True), tmp_path / "c" / "khorgos.storypkg"
    )
    versions.push(engine, again, message="edited and rebuilt", base=2)
    changes = diff.diff(engine, "khorgos", 2, 3)
    lines = [c.line() for c in changes.chapters]
    assert changes.story_fields == () and changes.media == ()
    assert [(c.kind, c.number) for c in changes.chapters] == [("added", 4), ("changed", 7)], lines
    assert changes.chapters[1].fields == ("text",)
    # the rebuild did number the chapters afresh: by id, all after the new one would differ
    ids = [_ids(p) for p in (same, again)]
    shifted = [title for title, cid in ids[1].items() if ids[0].get(title, cid) != cid]
    assert len(shifted) >= 5


def _ids(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        return {str(t): int(i) for i, t in db.execute("SELECT id, title FROM chapters")}
    finally:
        db.close()
