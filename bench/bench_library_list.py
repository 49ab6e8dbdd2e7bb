"""``list`` and a title search over 1,000 stories of 50 chapters each, media shared.

One real 50-chapter package (its photos shared by every story) is pushed; the
other 999 stories are made on the server from it (a story row and a version
copying its content (the pieces' links) and media links, as ``restore`` does), with titles
of their own, so the library holds what 1,000 pushes would leave without
spending the time of 1,000 pushes. Then ``list_stories`` and a search are
timed in-process (median of 30), and ``main.py library list`` as a process.
Goal (issue 14): under 100 ms.

    .venv/bin/python bench/bench_library_list.py [--stories 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from bench_library_server import ROOT, child, library_server

sys.path.insert(0, str(ROOT))

from sqlalchemy import text

from story.editing.chapters import add_chapter
from story.library import versions
from story.library.connection import library_url, make_engine
from story.package.file import open_package
from tests.library.media_packages import media_package

WORDS = ("border", "steppe", "port", "river", "market", "camel", "train", "customs", "wind")


def _median_ms(fn: object, runs: int = 30) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=1000)
    opts = ap.parse_args()
    with library_server() as (url_text, base):
        engine = make_engine(library_url(url_text))
        pkg = media_package(base / "story-0000.storypkg", photos=3, height=200)
        with open_package(pkg, readonly=False) as p:
            for n in range(4, 51):  # media_package has 3 chapters
                add_chapter(p, f"Chapter {n}", body_md=f"Text of chapter {n}. " * 40)
        versions.push(engine, pkg, message="first")
        t = time.perf_counter()
        with engine.begin() as c:
            c.execute(
                text(
                    "INSERT INTO stories (name, title) SELECT format('story-%s', lpad(i::text, "
                    "4, '0')), format('The %s story %s', (CAST(:w AS text[]))[1 + i % :nw], i) "
                    "FROM generate_series(1, CAST(:n AS int) - 1) i"
                ),
                {"n": opts.stories, "w": list(WORDS), "nw": len(WORDS)},
            )
            c.execute(
                text(
                    "INSERT INTO versions (story_id, number, message, format_version, title, "
                    "content, content_sha256) SELECT s.id, 1, 'made', v.format_version, s.title, "
                    "v.content, v.content_sha256 FROM stories s, versions v "
                    "WHERE s.name <> 'story-0000' AND v.number = 1"
                )
            )
            for table, key in (("version_media", "media_id"), ("version_pieces", "key")):
                c.execute(
                    text(
                        f"INSERT INTO {table} (version_id, {key}, sha256) SELECT v.id, "
                        f"l.{key}, l.sha256 FROM versions v, {table} l "
                        "WHERE l.version_id = (SELECT min(id) FROM versions) "
                        "AND v.id <> l.version_id"
                    )
                )
            c.execute(text("ANALYZE"))
        made = time.perf_counter() - t
        with engine.connect() as c:
            counts = c.execute(
                text("SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM versions), "
                     "(SELECT count(*) FROM media), pg_database_size(current_database())")
            ).one()  # fmt: skip
        print(
            f"{counts[0]} stories, {counts[1]} versions of 50 chapters, {counts[2]} stored "
            f"blobs shared by all, database {counts[3] / 1e6:.0f} MB (made in {made:.1f} s)"
        )
        assert len(versions.list_stories(engine)) == opts.stories
        found = versions.list_stories(engine, "camel")
        list_ms = _median_ms(lambda: versions.list_stories(engine))
        search_ms = _median_ms(lambda: versions.list_stories(engine, "camel"))

        def connect_only() -> None:
            with engine.connect() as c:
                c.execute(text("SELECT 1"))

        connect_ms = _median_ms(connect_only)
        print(f"a new connection and SELECT 1 (each call makes one): {connect_ms:.1f} ms")
        print(f"list_stories: {list_ms:.1f} ms (median of 30, {opts.stories} rows)")
        print(f"search 'camel': {search_ms:.1f} ms ({len(found)} found)")
        lib = ["library", "--url", url_text]
        wall, rss = child([*lib, "list", "--search", "camel"])
        print(f"main.py library list --search camel as a process: {wall * 1000:.0f} ms "
              f"(start-up included), max RSS {rss:.0f} MB")  # fmt: skip
        engine.dispose()


if __name__ == "__main__":
    main()
