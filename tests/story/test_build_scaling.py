"""Adding chapters and building: constant work per appended chapter, and the same results.

Speed is measured by ``bench/bench_build.py``; here the work per append is counted in
SQL statements on the package's real engine (deterministic), and order, numbers, ids,
places, media and media texts are checked as a person sees them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image
from sqlalchemy import event

from media.importer import import_file
from story.editing.chapters import (
    add_chapter,
    chapter_id_at,
    chapter_summaries,
    insert_chapter,
    new_chapter,
    remove_chapter,
    restore_chapter,
)
from story.editing.media import media_text, store_media
from story.package.file import Package, create_package, open_package
from story.publish.build import build_package
from story.reading import get_chapter, list_chapters
from story.records import Place


@contextmanager
def _statements(pkg: Package) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(pkg.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(pkg.engine, "before_cursor_execute", count)


def _fill(pkg: Package, n: int) -> None:
    with pkg.session(write=True) as s:
        for i in range(n):
            insert_chapter(s, new_chapter(f"c{i + 1}", body_md="words " * 200))


def _titles(pkg: Package) -> list[str]:
    return [c.title for c in chapter_summaries(pkg)]


def test_appending_the_500th_chapter_costs_what_the_first_does(tmp_path: Path) -> None:
    def append(pkg: Package) -> list[str]:
        with _statements(pkg) as seen:
            add_chapter(pkg, "new", body_md="text", place=("Zharkent", 44.16, 80.0))
        return seen

    with create_package(tmp_path / "a.storypkg") as first:
        one = append(first)
    with create_package(tmp_path / "b.storypkg") as big:
        _fill(big, 499)
        five_hundred = append(big)
        assert len(_titles(big)) == 500 and _titles(big)[-1] == "new"
        assert get_chapter(big, 500).place == Place.geo("Zharkent", 44.16, 80.0)
    assert len(one) == len(five_hundred), (one, five_hundred)


def test_inserting_keeps_order_numbers_and_ids(tmp_path: Path) -> None:
    with create_package(tmp_path / "s.storypkg") as pkg:
        _fill(pkg, 5)
        ids = [c.id for c in chapter_summaries(pkg)]
        add_chapter(pkg, "at2", at=2)
        add_chapter(pkg, "at0", at=0)  # before the first: number 1
        add_chapter(pkg, "at99", at=99)  # past the end: last
        add_chapter(pkg, "last")
        assert _titles(pkg) == ["at0", "c1", "at2", "c2", "c3", "c4", "c5", "at99", "last"]
        assert [c.index for c in chapter_summaries(pkg)] == list(range(1, 10))
        # undo of a removal puts the chapter back with its id, at its number
        snap = remove_chapter(pkg, ids[2])
        assert "c3" not in _titles(pkg)
        assert restore_chapter(pkg, snap, at=5) == ids[2]
        assert chapter_id_at(pkg, 5) == ids[2]
        assert _titles(pkg)[4] == "c3" and len(_titles(pkg)) == 9


def test_restore_puts_back_place_media_and_date(tmp_path: Path) -> None:
    photo = tmp_path / "p.png"
    Image.new("RGB", (64, 40), (10, 20, 30)).save(photo)
    with create_package(tmp_path / "s.storypkg") as pkg:
        mid = store_media(pkg, import_file(photo))
        cid = add_chapter(pkg, "One", place=("Almaty", 43.2, 76.9), date="2016-04")
        add_chapter(pkg, "Two")
        with pkg.session(write=True) as s:
            insert_chapter(s, new_chapter("Three", media=(mid, mid)))
        snap = remove_chapter(pkg, cid)
        restore_chapter(pkg, snap, at=1)
        one, _, three = list_chapters(pkg)
        assert (one.id, one.title, one.date) == (cid, "One", "2016-04")
        assert one.place == Place.geo("Almaty", 43.2, 76.9)
        assert [m.id for m in get_chapter(pkg, 3).media] == [mid, mid] and three.title == "Three"


def _source(tmp_path: Path, chapters: int) -> Path:
    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True)
    (src / "story.toml").write_text('title = "Scale"\ncover = "p0.png"\n', "utf-8")
    for k in range(3):
        Image.new("RGB", (80, 50), (40 * k, 90, 200)).save(src / f"p{k}.png")
    for i in range(chapters):
        caption = f'caption = "seen in {i}"\n' if i % 4 else ""  # chapter 0, 4, 8: none
        (src / "chapters" / f"{i:03d}.md").write_text(
            f'+++\ntitle = "Chapter {i}"\ndate = "2001-02"\n'
            f'[[media]]\nfile = "p{i % 3}.png"\n{caption}'
            f'[place]\nname = "Here {i}"\nlat = 43.0\nlon = {70 + i / 10}\n+++\n\nText {i}.\n',
            "utf-8",
        )
    return src


def test_build_keeps_order_links_and_media_texts(tmp_path: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    progress: Callable[[int, int, str], None] = lambda *a: steps.append(a)  # noqa: E731
    out = build_package(_source(tmp_path, 12), tmp_path / "o.storypkg", progress=progress)
    assert [s[0] for s in steps] == list(range(1, 16)) and {s[1] for s in steps} == {15}
    assert steps[2][2] == "Chapter 0: p0.png" and steps[-1][2] == "done"
    with open_package(out, readonly=True) as pkg:
        chapters = list_chapters(pkg)
        assert [c.title for c in chapters] == [f"Chapter {i}" for i in range(12)]
        assert [c.index for c in chapters] == list(range(1, 13))
        assert all(c.date == "2001-02" for c in chapters)
        assert [c.place.name if c.place else None for c in chapters] == [
            f"Here {i}" for i in range(12)
        ]
        media = [get_chapter(pkg, i + 1).media for i in range(12)]
        assert all(len(m) == 1 for m in media)
        assert len({m[0].id for m in media}) == 3 and media[0][0].id == media[3][0].id
        # each medium's caption is the last one given for it (an empty one changes nothing)
        for k, last in ((0, 9), (1, 10), (2, 11)):
            assert media_text(pkg, media[k][0].id)["caption"] == f"seen in {last}"
