"""The story itself: its title and other fields, and its cover.

A module of its own because these address the single story row, not a
chapter, medium or map; the editor's story tab and ``new`` write here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from story.editing import check_texts, writable
from story.errors import NotFoundError
from story.ids import MediaId
from story.package.file import Package
from story.package.schema import StoryRow


@dataclass(frozen=True)
class StoryFields:
    title: str
    subtitle: str = ""
    byline: str = ""
    published: str = ""
    language: str = "en"
    about_md: str = ""
    theme: dict[str, str] | None = None


def set_story(pkg: Package, fields: StoryFields) -> None:
    writable(pkg)
    check_texts(
        title=fields.title, subtitle=fields.subtitle, byline=fields.byline,
        published=fields.published, language=fields.language, about_md=fields.about_md,
    )  # fmt: skip
    with pkg.session(write=True) as s:
        row = s.get(StoryRow, 1) or StoryRow(id=1, title=fields.title)
        row.title = fields.title
        row.subtitle = fields.subtitle
        row.byline = fields.byline
        row.published = fields.published
        row.language = fields.language
        row.about_md = fields.about_md
        row.theme_json = json.dumps(fields.theme or {})
        s.add(row)


def set_cover(pkg: Package, media_id: MediaId | None) -> None:
    writable(pkg)
    with pkg.session(write=True) as s:
        row = s.get(StoryRow, 1)
        if row is None:
            raise NotFoundError("the package holds no story")
        row.cover_media_id = media_id
