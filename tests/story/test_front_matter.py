"""A source file's front matter (story/publish/front_matter.py), as build reads a chapter and
its translation: broken front matter refused with the file named, by each one's own error."""

from __future__ import annotations

from pathlib import Path

import pytest

from story.publish.build import SourceError, build_package, parse_chapter
from story.publish.front_matter import read_front_matter
from story.publish.source_translations import TranslationSourceError


def test_front_matter_and_body(tmp_path: Path) -> None:
    path = tmp_path / "01.md"
    path.write_text("+++\ntitle = 'Port'\n+++\n\n\n# Port\n\nText.\n", "utf-8")
    assert read_front_matter(path, SourceError) == ({"title": "Port"}, "# Port\n\nText.\n")
    path.write_text("Just text.\n+++\n", "utf-8")
    assert read_front_matter(path, SourceError) == ({}, "Just text.\n+++\n")


@pytest.mark.parametrize(
    ("text", "says"),
    [("+++\ntitle = 'Port'\n# Port\n", "never closed"), ("+++\ntitle = \n+++\nx\n", "not valid")],
)
def test_a_broken_chapter_and_a_broken_translation_name_their_file(
    tmp_path: Path, text: str, says: str
) -> None:
    chapter = tmp_path / "chapters" / "01.md"
    chapter.parent.mkdir()
    chapter.write_text(text, "utf-8")
    with pytest.raises(SourceError, match=says) as caught:
        parse_chapter(chapter)
    assert str(chapter) in str(caught.value)

    chapter.write_text("+++\ntitle = 'Port'\n+++\nText.\n", "utf-8")
    (tmp_path / "story.toml").write_text('title = "T"\n', "utf-8")
    translated = tmp_path / "translations" / "ru" / "chapters" / "01.md"
    translated.parent.mkdir(parents=True)
    translated.write_text(text, "utf-8")
    with pytest.raises(TranslationSourceError, match=says) as refused:
        build_package(tmp_path, tmp_path / "out.storypkg")
    assert str(translated) in str(refused.value)
    assert not (tmp_path / "out.storypkg").exists()
