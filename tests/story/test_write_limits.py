"""Writers refuse what the open-time checks would refuse: no edit makes an unopenable package."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from main import main
from story.editing import check_texts
from story.editing.chapters import chapter_id_at, set_chapter_text
from story.editing.media import chapter_media, set_media_text
from story.errors import StoryError
from story.ids import MediaId
from story.package.file import open_package
from story.package.guard import MAX_LABEL_CHARS, MAX_TEXT_CHARS
from story.reading import list_media
from tests.fixtures.packages import files_state, make_package


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, err


def test_a_chapter_over_the_cap_is_refused_by_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pkg = make_package(tmp_path / "s.storypkg", wal=True)
    body = tmp_path / "huge.md"
    body.write_text("w" * (MAX_TEXT_CHARS + 1), encoding="utf-8")
    before = files_state(pkg)
    code, err = run(capsys, "add-chapter", str(pkg), "--title", "Big", "--body-file", str(body))
    assert code == 2 and err.count("\n") == 1 and "1,000,000" in err
    assert files_state(pkg) == before
    code, err = run(capsys, "add-chapter", str(pkg), "--title", "t" * (MAX_LABEL_CHARS + 1))
    assert code == 2 and "title" in err
    assert run(capsys, "info", str(pkg), "--json")[0] == 0  # still opens


def test_a_language_that_is_not_a_tag_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(
        capsys, "new", str(tmp_path / "n.storypkg"), "--title", "T", "--language", "x y"
    )
    assert code == 2 and "language tag" in err
    assert (
        run(capsys, "new", str(tmp_path / "k.storypkg"), "--title", "T", "--language", "kk")[0] == 0
    )


def test_the_write_api_refuses_before_it_writes(tmp_path: Path) -> None:
    pkg_path = make_package(tmp_path / "s.storypkg", wal=True)
    with open_package(pkg_path, readonly=False) as pkg:
        first = chapter_id_at(pkg, 1)
        with pytest.raises(StoryError, match="summary"):
            set_chapter_text(pkg, first, summary="s" * (MAX_TEXT_CHARS + 1))
        media = MediaId(list_media(pkg)[0].id)
        with pytest.raises(StoryError, match="credit"):
            set_media_text(pkg, media, credit="c" * (MAX_LABEL_CHARS + 1))
        set_chapter_text(pkg, first, summary="s" * MAX_TEXT_CHARS)  # the cap itself fits
    with open_package(pkg_path, readonly=True) as pkg:  # and the package still opens
        assert pkg.readonly
    check_texts(language="zh-Hans", body_md="")


def test_a_dangling_media_link_is_read_past_by_the_editor(tmp_path: Path) -> None:
    pkg_path = make_package(tmp_path / "s.storypkg", wal=False)
    conn = sqlite3.connect(pkg_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM media")  # the row goes, the chapter's link stays
    conn.commit()
    conn.close()
    with open_package(pkg_path, readonly=True) as pkg:
        assert chapter_media(pkg, chapter_id_at(pkg, 1)) == []
