"""``validate`` on where pictures sit (issue 13): ``text-media-placement`` by chapter and line,
in the original text and in every translation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from main import main
from story.editing.chapters import add_chapter, chapter_id_at
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.editing.translations import set_translation
from story.package.file import create_package, open_package
from story.translations import STORY_ID, TextKey
from story.validation import Problem, validate
from tests.fixtures.packages import image_item, png

PHOTO = "![Cranes](media:x.png)"  # image_item's original name


def package(path: Path, *bodies: str) -> Path:
    """A story whose chapters have ``bodies``; one photo (named x.png) they may show."""
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Steppe", about_md="About."))
        for i, body in enumerate(bodies, start=1):
            add_chapter(pkg, f"Chapter {i}", body_md=body)
        mid = store_media(pkg, image_item(png((1600, 900)), 1600, 900), alt="Cranes", credit="Me")
        append_media(pkg, chapter_id_at(pkg, 1), mid)
    return path


def placement(problems: list[Problem]) -> list[tuple[int | None, int | None, str | None]]:
    return [(p.chapter, p.line, p.field) for p in problems if p.code == "text-media-placement"]


def test_an_unknown_placement_word_is_a_warning_at_its_chapter_and_line(tmp_path: Path) -> None:
    second = 'Intro.\n\n![Cranes](media:x.png "left")\n\n![Yard](media:x.png "FULL")'
    path = package(tmp_path / "s.storypkg", f'{PHOTO}\n\n![a](media:x.png "inset")', second)
    with open_package(path) as pkg:
        problems = validate(pkg)
    assert placement(problems) == [(2, 3, "body")]
    (found,) = [p for p in problems if p.code == "text-media-placement"]
    assert found.severity == "warning"
    assert found.message.startswith("chapter 2, line 3: ")
    assert '"left"' in found.message and '"inset" or "full"' in found.message


def test_a_title_on_an_image_among_words_is_not_a_placement(tmp_path: Path) -> None:
    path = package(tmp_path / "s.storypkg", 'The yard ![a](media:x.png "left") at dusk.')
    with open_package(path) as pkg:
        assert placement(validate(pkg)) == []


@pytest.mark.parametrize(
    ("count", "warned"), [(2, False), (3, False), (4, True), (7, True)], ids=str
)
def test_more_than_three_pictures_side_by_side_is_a_warning(
    tmp_path: Path, count: int, warned: bool
) -> None:
    row = "\n".join([PHOTO] * count)
    path = package(tmp_path / "s.storypkg", f"Words.\n\n{row}\n\nMore words.")
    with open_package(path) as pkg:
        problems = validate(pkg)
    assert placement(problems) == ([(1, 3, "body")] if warned else [])
    messages = [p.message for p in problems if p.code == "text-media-placement"]
    assert all(f"{count} pictures side by side" in m for m in messages)


def test_rows_of_three_split_by_blank_lines_are_fine(tmp_path: Path) -> None:
    three = "\n".join([PHOTO] * 3)
    path = package(tmp_path / "s.storypkg", f"{three}\n\n{three}\n\n{PHOTO}")
    with open_package(path) as pkg:
        assert placement(validate(pkg)) == []


def test_translations_are_checked_the_same_way(tmp_path: Path) -> None:
    path = package(tmp_path / "s.storypkg", PHOTO, "Words.")
    with open_package(path, readonly=False) as pkg:
        first, second = (str(chapter_id_at(pkg, n)) for n in (1, 2))
        set_translation(pkg, "ru", TextKey("chapter", first, "body_md"), PHOTO)
        ru = f'Слова.\n\n![Краны](media:x.png "слева")\n\n{PHOTO}\n{PHOTO}\n{PHOTO}\n{PHOTO}'
        set_translation(pkg, "ru", TextKey("chapter", second, "body_md"), ru)
        about = "О истории.\n\n![x](/home/someone/private.png)"
        set_translation(pkg, "kk", TextKey("story", STORY_ID, "about_md"), about)
    with open_package(path) as pkg:
        problems = validate(pkg)
    assert placement(problems) == [(2, 3, "translation:ru"), (2, 5, "translation:ru")]
    assert all(
        p.message.startswith("chapter 2 (ru), line ")
        for p in problems
        if p.code == "text-media-placement"
    )
    (outside,) = [p for p in problems if p.code == "text-outside-image"]
    assert (outside.chapter, outside.field, outside.line) == (None, "translation:kk", 3)
    assert outside.message.startswith("the about page (kk), line 3: ")


def test_validate_prints_and_reports_the_placement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = package(tmp_path / "s.storypkg", 'Words.\n\n![Cranes](media:x.png "left")')
    assert main(["validate", str(path)]) != 0
    assert "text-media-placement" in capsys.readouterr().out
    main(["validate", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    (found,) = [p for p in report["problems"] if p["code"] == "text-media-placement"]
    assert (found["chapter"], found["line"], found["field"]) == (1, 3, "body")
