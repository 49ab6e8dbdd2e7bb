"""The headless curator tools, driven as a script would: exit codes, output, one-line errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from tests.fixtures.packages import files_state, make_package
from tests.story.test_validation import clean_package

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def info(capsys: pytest.CaptureFixture[str], path: Path) -> dict:
    code, out, _ = run(capsys, "info", str(path), "--json")
    assert code == 0
    return json.loads(out)


def test_new_add_move_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg = tmp_path / "s.storypkg"
    body = tmp_path / "body.md"
    body.write_text("# Khorgos\n\nThe dry port.", encoding="utf-8")
    assert run(capsys, "new", str(pkg), "--title", "Steppe", "--language", "kk")[0] == 0
    assert (
        run(
            capsys,
            "add-chapter",
            str(pkg),
            "--title",
            "Port",
            "--body-file",
            str(body),
            "--place",
            "Khorgos",
            "--lat",
            "44.21",
            "--lon",
            "80.41",
        )[0]
        == 0
    )
    assert run(capsys, "add-chapter", str(pkg), "--title", "Town")[0] == 0
    code, out, _ = run(capsys, "add-chapter", str(pkg), "--title", "Prologue", "--at", "1")
    assert (code, out.strip()) == (0, "1")
    data = info(capsys, pkg)
    assert (data["title"], data["language"], data["schema_version"]) == ("Steppe", "kk", 4)
    assert [c["title"] for c in data["chapters"]] == ["Prologue", "Port", "Town"]
    assert data["chapters"][1]["place"] == {
        "name": "Khorgos",
        "map": None,
        "lat": 44.21,
        "lon": 80.41,
    }
    assert data["chapters"][1]["date"] is None  # format 3: undated
    assert [c["index"] for c in data["chapters"]] == [1, 2, 3]
    assert run(capsys, "move-chapter", str(pkg), "1", "3")[0] == 0
    assert [c["title"] for c in info(capsys, pkg)["chapters"]] == ["Port", "Town", "Prologue"]
    assert run(capsys, "remove-chapter", str(pkg), "2")[0] == 0
    assert [c["title"] for c in info(capsys, pkg)["chapters"]] == ["Port", "Prologue"]


@pytest.mark.parametrize(
    "argv, says",
    [
        (["remove-chapter", "{pkg}", "9"], "no chapter 9"),
        (["move-chapter", "{pkg}", "1", "7"], "numbered 1 to 2"),
        (["add-chapter", "{pkg}", "--title", "X", "--body-file", "{tmp}/no.md"], "cannot be read"),
        (["add-chapter", "{pkg}", "--title", "X", "--place", "P"], "needs --lat and --lon"),
        (
            ["add-chapter", "{pkg}", "--title", "X", "--place", "P", "--lat", "95", "--lon", "0"],
            "not a place on Earth",
        ),
        (["new", "{pkg}", "--title", "again"], "already exists"),
        (["info", "{tmp}/none.storypkg"], "no such file"),
        (["add-chapter", "{tmp}/text.storypkg", "--title", "X"], "not an SQLite file"),
        (["export", "{pkg}", "{pkg}"], "already exists"),
        (["validate", "{tmp}"], "folder"),
    ],
)
def test_errors_are_one_line_and_change_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    pkg = make_package(tmp_path / "s.storypkg", wal=True)  # as a writer leaves it
    (tmp_path / "text.storypkg").write_text("not a package")
    before = files_state(pkg)
    code, _, err = run(capsys, *[a.format(pkg=pkg, tmp=tmp_path) for a in argv])
    assert code == 2
    assert err.count("\n") == 1 and says in err and err.startswith("storyport ")
    assert files_state(pkg) == before


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.storypkg"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    for argv in (["validate", str(bad), "--json"], ["move-chapter", str(bad), "1", "2"]):
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *argv],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1 and str(bad) in done.stderr


def test_validate_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean, _ = clean_package(tmp_path / "clean.storypkg")
    code, out, _ = run(capsys, "validate", str(clean))
    assert code == 0 and "0 errors, 0 warnings" in out
    messy = make_package(tmp_path / "messy.storypkg")
    code, out, _ = run(capsys, "validate", str(messy), "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert report["counts"]["warning"] >= 1
    problem = next(p for p in report["problems"] if p["code"] == "image-too-small")
    assert set(problem) == {"severity", "code", "message", "chapter", "media_id", "field", "line"}
    assert problem["chapter"] == 1 and len(problem["media_id"]) == 64
    broken = tmp_path / "broken.storypkg"
    broken.write_bytes(b"\0" * 100)
    assert run(capsys, "validate", str(broken))[0] == 2


def test_export_is_compact_single_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = make_package(tmp_path / "s.storypkg", chapters=40, wal=True)
    assert run(capsys, "remove-chapter", str(src), "3")[0] == 0  # leaves free pages behind
    out = tmp_path / "out.storypkg"
    lean = tmp_path / "lean.storypkg"
    assert run(capsys, "export", str(src), str(out))[0] == 0
    assert run(capsys, "export", str(src), str(lean), "--no-renditions")[0] == 0
    assert not Path(f"{out}-wal").exists()
    conn = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    conn.close()
    assert info(capsys, out) == info(capsys, src)
    before = files_state(out)
    info(capsys, out)
    assert files_state(out) == before  # reading an export creates no -wal/-shm files
    assert lean.stat().st_size <= out.stat().st_size


def test_bad_media_leave_the_package_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_media: Path
) -> None:
    pkg = make_package(tmp_path / "s.storypkg")
    before = info(capsys, pkg)
    bad = sorted(str(p) for p in (shared_media / "bad").iterdir())
    code, _, err = run(capsys, "add-media", str(pkg), "--chapter", "2", *bad)
    assert code != 0 and "Traceback" not in err
    assert info(capsys, pkg) == before
