"""``build`` and ``import-json`` write a new package whole or not at all (story.package.atomic)."""

from __future__ import annotations

from pathlib import Path

import pytest

from story.editing.story import StoryFields, set_story
from story.package.atomic import atomic_package
from story.package.file import open_package
from story.publish.build import SourceError, build_package
from story.reading import story_info


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


def test_a_clean_run_leaves_one_file_under_the_real_name(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "s.storypkg"
    with atomic_package(out) as pkg:
        set_story(pkg, StoryFields(title="Whole"))
        assert not out.exists()  # nothing under the real name while writing
    assert _leftovers(out) == []  # no .partial, and the WAL folded in
    with open_package(out, readonly=True) as pkg:
        assert story_info(pkg).title == "Whole"


def test_an_error_leaves_nothing_and_is_raised(tmp_path: Path) -> None:
    out = tmp_path / "s.storypkg"
    with pytest.raises(KeyboardInterrupt), atomic_package(out) as pkg:
        set_story(pkg, StoryFields(title="Half"))
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_stale_partial_from_a_crashed_run_is_cleared(tmp_path: Path) -> None:
    out = tmp_path / "s.storypkg"
    for name in ("s.storypkg.partial", "s.storypkg.partial-wal", "s.storypkg.partial-shm"):
        (tmp_path / name).write_bytes(b"left by a killed run")
    with atomic_package(out) as pkg:
        set_story(pkg, StoryFields(title="Again"))
    assert _leftovers(out) == []
    with open_package(out, readonly=True) as pkg:
        assert story_info(pkg).title == "Again"


def test_a_refused_build_leaves_no_partial(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True)
    (src / "story.toml").write_text('title = "T"\n', encoding="utf-8")
    (src / "chapters" / "01.md").write_text("+++\ntitle = 'One'\n+++\nText.\n", "utf-8")
    (src / "chapters" / "02.md").write_text("+++\ntitle = 'Two'\n+++\n![x](a/b.png)\n", "utf-8")
    with pytest.raises(SourceError):
        build_package(src, tmp_path / "out" / "s.storypkg")
    assert list((tmp_path / "out").iterdir()) == []
