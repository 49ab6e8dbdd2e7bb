"""What ``validate`` says about media the package should not carry as they are: a medium
still holding identifying metadata, and a medium an imported story names but never got.

Kept out of ``story.validation`` so that module stays about the package as a whole.
"""

from __future__ import annotations

from sqlalchemy import select

from story.package.file import Package
from story.package.schema import ChapterRow, StoryRow
from story.problems import Problem


def identifying_problems(pkg: Package, first_use: dict[str, int | None]) -> list[Problem]:
    """``media-identifying-metadata``: a photo or recording still saying who or where.

    Packages made before imports cleaned recordings may hold them; the editor's
    "Remove identifying metadata" and ``export`` clean them. Each medium is
    checked once per process (its id names its bytes).
    """
    from story.editing.cleaning import dirty_media

    out: list[Problem] = []
    for mid, words in dirty_media(pkg):
        chapter = first_use.get(mid)
        where = f"chapter {chapter}: " if chapter else ""
        out.append(
            Problem(
                "warning",
                "media-identifying-metadata",
                f"{where}medium {mid[:12]} still carries identifying metadata "
                f"({', '.join(words)}); remove it before publishing",
                chapter=chapter,
                media_id=mid,
            )
        )
    return out


def left_out_problems(pkg: Package) -> list[Problem]:
    """``media-remote-placeholder``: a medium an imported story names but the package does
    not hold (on the web, never fetched, or not found beside the JSON), while its chapter's
    text still lists it (``story.editing.remote_media``)."""
    from story.editing.remote_media import remote_media, still_listed

    items = remote_media(pkg)
    if not items:
        return []
    with pkg.session() as s:
        rows = s.execute(select(ChapterRow.id, ChapterRow.body_md).order_by(ChapterRow.position))
        texts = {int(cid): (i, body) for i, (cid, body) in enumerate(rows, start=1)}
        story = s.get(StoryRow, 1)
        texts[0] = (0, story.about_md if story is not None else "")
    out: list[Problem] = []
    for item in items:
        number, text = texts.get(item.chapter_id, (None, ""))
        if number is None or not still_listed(item, text):
            continue
        where = f"chapter {number}" if number else "the title slide"
        why = {"remote": "on the web, never fetched", "missing": "not found beside the JSON"}
        out.append(
            Problem(
                "warning",
                "media-remote-placeholder",
                f"{where}: medium {item.url[:120]!r} was not imported "
                f"({why.get(item.reason, item.reason)}); add the file or remove its line",
                chapter=number or None,
                field="body" if number else "about",
            )
        )
    return out
