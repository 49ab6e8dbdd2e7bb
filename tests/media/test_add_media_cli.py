"""``python main.py add-media`` as a curator runs it: good files stored, bad ones refused
with exactly one line on stderr while the package stays as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from story.package.file import open_package
from story.reading import list_media, media_bytes
from tests.conftest import ROOT
from tests.media.conftest import AUDIO, BAD, IMAGES, ids


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def info(pkg: Path) -> dict:
    done = run("info", pkg, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pkg = tmp_path_factory.mktemp("cli") / "field.storypkg"
    assert run("new", pkg, "--title", "Field notes").returncode == 0
    assert run("add-chapter", pkg, "--title", "Arrival").returncode == 0
    return pkg


def test_every_good_fixture_is_added(package: Path) -> None:
    files = IMAGES + AUDIO
    done = run("add-media", package, "--chapter", "1", *files)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) == len(files)
    for line, path in zip(lines, files, strict=True):
        assert f"  {path}" in line
    summary = info(package)
    media = {m["id"]: m for m in summary["media"]}
    assert len(summary["chapters"][0]["media"]) == len(files)
    for m in media.values():
        if m["kind"] == "image":
            assert m["width"] and m["height"]
        else:
            assert m["duration_s"] and m["duration_s"] > 0
    with open_package(package) as pkg:
        for m in list_media(pkg):
            assert b"GPS" not in media_bytes(pkg, m.id) or m.kind == "audio"
            if m.original_name.startswith("exif-orientation-"):
                assert (m.width, m.height) == (600, 450)


_last_info: dict[str, object] = {}


@pytest.mark.parametrize("path", BAD, ids=ids(BAD))
def test_every_bad_fixture_is_refused_in_one_line(package: Path, path: Path) -> None:
    before = _last_info.get("summary") or info(package)
    done = run("add-media", package, "--chapter", "1", path)
    assert done.returncode != 0
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert str(path) in lines[0] and "Traceback" not in done.stderr
    assert done.stdout == ""
    after = info(package)
    assert after == before  # nothing stored, nothing linked, nothing changed
    _last_info["summary"] = after


def test_one_bad_file_among_good_ones(package: Path, tmp_path: Path) -> None:
    notes = tmp_path / "transcript.txt"
    notes.write_text("Q: Where were you born?\nA: In Zharkent.\n", encoding="utf-8")
    good = Path(IMAGES[0]).parent / "tiff-rgb.tif"
    bad = next(p for p in BAD if p.name == "truncated.png")
    done = run(
        "add-media", package, "--chapter", "1", good, bad,
        "--licence", "CC BY 4.0", "--transcript", notes, "--caption", "Port gate",
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "truncated.png" in done.stderr
    with open_package(package) as pkg:
        stored = {m.original_name: m for m in list_media(pkg)}
    assert stored["tiff-rgb.tif"].licence == "CC BY 4.0"
    assert "Zharkent" in stored["tiff-rgb.tif"].transcript


def test_a_missing_chapter_is_one_line(package: Path) -> None:
    done = run("add-media", package, "--chapter", "9", IMAGES[0])
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no chapter 9" in done.stderr
