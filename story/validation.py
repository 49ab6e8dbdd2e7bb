"""What a curator needs to fix before publishing: ``validate(pkg) -> list[Problem]``.

The ``validate`` command and the editor show the same list. Each problem
names the chapter (1-based, story order), the medium and the field it is
about, so clicking it can take the curator to the right place. Blobs are
read in chunks (hash checks), never loaded whole.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from story.media_checks import identifying_problems, left_out_problems
from story.package.blobs import media_sha256
from story.package.file import Package
from story.package.schema import (
    ChapterMediaRow,
    ChapterRow,
    MapRow,
    MediaRow,
    PlaceRow,
    StoryRow,
)
from story.place_checks import date_findings, place_findings
from story.problems import Problem
from story.text_problems import text_problems, translated_text_problems
from story.text_refs import find_media
from story.translations import translation_findings

#: Longest side an image needs to fill a typical full-screen reader without upscaling.
FULL_SCREEN_PX = 1280


def _extent(raw: str) -> tuple[float, float, float, float] | None:
    try:
        vals = [float(v) for v in json.loads(raw)]
    except (ValueError, TypeError):
        return None
    return (vals[0], vals[1], vals[2], vals[3]) if len(vals) == 4 else None


def validate(pkg: Package, *, check_hashes: bool = True) -> list[Problem]:
    """Every problem found, errors first; an empty list means ready to publish."""
    out: list[Problem] = []
    with pkg.session() as s:
        story = s.get(StoryRow, 1)
        if story is None or not story.title.strip():
            out.append(
                Problem("error", "story-title-missing", "the story has no title", field="title")
            )
        maps = list(s.execute(select(MapRow.id, MapRow.kind, MapRow.extent_json)))
        extents = {m.id: _extent(m.extent_json) for m in maps}
        picture_maps = {m.id: m.kind for m in maps}  # the map kinds: x/y on "image" maps
        default_extent = next(
            (extents[m.id] for m in maps if m.kind == "geo" and extents[m.id]), None
        )
        chapters = s.execute(
            select(
                ChapterRow.id,
                ChapterRow.position,
                ChapterRow.title,
                ChapterRow.body_md,
                PlaceRow.name,
                PlaceRow.lat,
                PlaceRow.lon,
                PlaceRow.map_id,
                PlaceRow.x,
                PlaceRow.y,
                ChapterRow.date,
            )
            .outerjoin(PlaceRow, ChapterRow.place_id == PlaceRow.id)
            .order_by(ChapterRow.position)
        ).all()
        number = {row.id: i for i, row in enumerate(chapters, start=1)}
        out += _chapter_problems(chapters, extents, default_extent, picture_maps)
        seen: dict[str, tuple[Any, str]] = {}

        def lookup(token: str) -> tuple[Any, str]:
            if token not in seen:
                seen[token] = find_media(s, token)
            return seen[token]

        for i, r in enumerate(chapters, start=1):
            out += text_problems(r.body_md, lookup, chapter=i)
        if story is not None:
            out += text_problems(story.about_md, lookup, field="about")
        out += translated_text_problems(s, number, lookup)
        media = {
            m.id: m
            for m in s.execute(
                select(
                    MediaRow.id,
                    MediaRow.kind,
                    MediaRow.size,
                    MediaRow.width,
                    MediaRow.height,
                    MediaRow.alt,
                    MediaRow.credit,
                    MediaRow.transcript,
                    MediaRow.original_name,
                )
            ).all()
        }
        links = s.execute(select(ChapterMediaRow.chapter_id, ChapterMediaRow.media_id)).all()
        used: set[str] = set()
        for chapter_id, media_id in links:
            ch = number.get(chapter_id)
            used.add(media_id)
            if media_id not in media:
                out.append(
                    Problem(
                        "error",
                        "media-missing",
                        f"chapter {ch} shows a medium that is not in the package",
                        chapter=ch,
                        media_id=media_id,
                    )
                )
        if story is not None and story.cover_media_id:
            used.add(story.cover_media_id)
            if story.cover_media_id not in media:
                out.append(
                    Problem(
                        "error",
                        "media-missing",
                        "the cover medium is missing",
                        media_id=story.cover_media_id,
                        field="cover",
                    )
                )
        first_use: dict[str, int | None] = {}
        for chapter_id, media_id in sorted(links, key=lambda lk: number.get(lk[0], 0)):
            first_use.setdefault(media_id, number.get(chapter_id))
        for m in media.values():
            out += _media_problems(m, first_use.get(m.id), used)
    out += _integrity_problems(pkg, list(media), check_hashes=check_hashes)
    out += identifying_problems(pkg, first_use)
    out += left_out_problems(pkg)
    out += [Problem(f.severity, f.code, f.message, f.chapter, field=f.field)
            for f in translation_findings(pkg)]  # fmt: skip
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(out, key=lambda p: (order[p.severity], p.chapter or 0))


Extent = tuple[float, float, float, float]


def _chapter_problems(
    chapters: Sequence[Any],
    extents: dict[int, Extent | None],
    default_extent: Extent | None,
    picture_maps: dict[int, str],
) -> list[Problem]:
    out: list[Problem] = []
    titles = Counter(r.title.strip().casefold() for r in chapters if r.title.strip())
    expected_positions = list(range(len(chapters)))
    if [r.position for r in chapters] != expected_positions:
        out.append(
            Problem(
                "error",
                "integrity-order",
                "chapter positions are not 0..n-1 in order; the story order is damaged",
            )
        )
    for i, r in enumerate(chapters, start=1):
        if not r.title.strip():
            out.append(
                Problem(
                    "error",
                    "chapter-title-missing",
                    f"chapter {i} has no title",
                    chapter=i,
                    field="title",
                )
            )
        elif titles[r.title.strip().casefold()] > 1:
            out.append(
                Problem(
                    "warning",
                    "chapter-title-duplicate",
                    f"chapter {i} has the same title as another: {r.title!r}",
                    chapter=i,
                    field="title",
                )
            )
        if not r.body_md.strip():
            out.append(
                Problem(
                    "warning",
                    "chapter-body-missing",
                    f"chapter {i} has no text",
                    chapter=i,
                    field="body",
                )
            )
        for severity, code, message in date_findings(i, r.date):
            out.append(Problem(severity, code, message, chapter=i, field="date"))
        if r.name is None:
            out.append(
                Problem(
                    "warning",
                    "chapter-place-missing",
                    f"chapter {i} has no place on the map",
                    chapter=i,
                    field="place",
                )
            )
            continue
        for severity, code, message in place_findings(i, r, picture_maps, extents, default_extent):
            out.append(Problem(severity, code, message, chapter=i, field="place"))
    return out


def _media_problems(m: Any, chapter: int | None, used: set[str]) -> list[Problem]:
    out: list[Problem] = []
    where = f"chapter {chapter}: " if chapter else ""
    short = m.original_name or m.id[:12]  # the file name a curator knows, not a hash
    if m.id not in used:
        out.append(
            Problem(
                "warning",
                "media-unreferenced",
                f"medium {short} is in the package but no chapter shows it",
                media_id=m.id,
            )
        )
    if m.kind == "image":
        if not m.alt.strip():
            out.append(
                Problem(
                    "error",
                    "image-alt-missing",
                    f"{where}image {short} has no alt text (needed by screen readers)",
                    chapter=chapter,
                    media_id=m.id,
                    field="alt",
                )
            )
        if not m.credit.strip():
            out.append(
                Problem(
                    "warning",
                    "image-credit-missing",
                    f"{where}image {short} has no credit",
                    chapter=chapter,
                    media_id=m.id,
                    field="credit",
                )
            )
        longest = max(m.width or 0, m.height or 0)
        if longest < FULL_SCREEN_PX:
            out.append(
                Problem(
                    "warning",
                    "image-too-small",
                    f"{where}image {short} is {m.width}x{m.height}, too small for full "
                    f"screen (longest side under {FULL_SCREEN_PX} px)",
                    chapter=chapter,
                    media_id=m.id,
                )
            )
    elif m.kind == "audio" and not m.transcript.strip():
        out.append(
            Problem(
                "warning",
                "audio-transcript-missing",
                f"{where}recording {short} has no transcript",
                chapter=chapter,
                media_id=m.id,
                field="transcript",
            )
        )
    return out


def _integrity_problems(pkg: Package, media_ids: list[str], *, check_hashes: bool) -> list[Problem]:
    out: list[Problem] = []
    with pkg.raw() as conn:
        for (result,) in conn.execute("PRAGMA quick_check(20)").fetchall():
            if result != "ok":
                out.append(Problem("error", "integrity-quick-check", f"SQLite: {result}"))
        for row in conn.execute("PRAGMA foreign_key_check").fetchall():
            out.append(
                Problem(
                    "error",
                    "integrity-foreign-key",
                    f"{row[0]} row {row[1]} points to a missing {row[2]} row",
                )
            )
        for mid, size, actual in conn.execute(
            "SELECT id, bytes, length(data) FROM media WHERE bytes != length(data)"
        ):
            out.append(
                Problem(
                    "error",
                    "integrity-size",
                    f"medium {mid[:12]} says {size} bytes but holds {actual}",
                    media_id=mid,
                )
            )
    if check_hashes and not any(p.code == "integrity-quick-check" for p in out):
        for mid in media_ids:
            if media_sha256(pkg, mid) != mid:
                out.append(
                    Problem(
                        "error",
                        "integrity-hash",
                        f"medium {mid[:12]}'s bytes do not match its id (damaged)",
                        media_id=mid,
                    )
                )
    return out
