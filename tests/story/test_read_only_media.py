"""Packages on read-only media, and read-only opens that leave the folder as they found it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from story.package.file import Access, open_package, read_access
from story.reading import list_chapters
from tests.fixtures.packages import files_state, make_package

ROOT = Path(__file__).resolve().parents[2]


def _folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}


def test_read_only_open_of_a_wal_package_leaves_no_side_files(tmp_path: Path) -> None:
    pkg_path = make_package(tmp_path / "s.storypkg", wal=True)
    before = _folder(tmp_path)
    assert read_access(pkg_path) is Access.READ_TIDY
    with open_package(pkg_path, readonly=True) as pkg:
        assert [c.title for c in list_chapters(pkg)] == ["Chapter 1", "Chapter 2"]
    assert _folder(tmp_path) == before  # no empty -wal / -shm left behind, bytes unchanged


def test_read_only_open_refuses_writes(tmp_path: Path) -> None:
    pkg_path = make_package(tmp_path / "s.storypkg", wal=True)
    before = files_state(pkg_path)
    with open_package(pkg_path, readonly=True) as pkg, pkg.raw() as conn:
        with pytest.raises(Exception, match="readonly|read-only|query_only"):
            conn.execute("UPDATE story SET title = 'changed'")
    assert files_state(pkg_path) == before


def test_reader_beside_a_writer_sees_its_commits(tmp_path: Path) -> None:
    """With a writer's -wal present, a read-only open uses SQLite's own read-only mode."""
    pkg_path = make_package(tmp_path / "s.storypkg", wal=True)
    with open_package(pkg_path, readonly=False) as writer:
        with writer.raw() as conn:
            conn.execute("UPDATE chapters SET title = 'Renamed' WHERE position = 0")
        assert read_access(pkg_path) is Access.READ
        with open_package(pkg_path, readonly=True) as reader:
            assert list_chapters(reader)[0].title == "Renamed"


@contextlib.contextmanager
def read_only_mount(source: Path, target: Path) -> Iterator[Path]:
    """``source`` bind-mounted read-only at ``target`` (as a USB stick set read-only would be)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs root")
    target.mkdir()
    done = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode().strip()}")
    try:
        subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(target)], check=True, capture_output=True
        )
        yield target
    finally:
        subprocess.run(["umount", str(target)], capture_output=True, timeout=30)


def test_package_on_a_read_only_medium_opens(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    make_package(stick / "s.storypkg", wal=True)
    before = _folder(stick)
    with read_only_mount(stick, tmp_path / "mnt") as mnt:
        pkg_path = mnt / "s.storypkg"
        assert read_access(pkg_path) is Access.READ_IMMUTABLE
        with open_package(pkg_path, readonly=True) as pkg:
            assert len(list_chapters(pkg)) == 2
        home = tmp_path / "home"
        env = {**os.environ, "STORYPORT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        info = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "info", str(pkg_path), "--json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=60,
        )
        assert info.returncode == 0, info.stderr
        assert [c["title"] for c in json.loads(info.stdout)["chapters"]] == [
            "Chapter 1",
            "Chapter 2",
        ]
        shot = tmp_path / "shot.png"
        read = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "read", str(pkg_path), "--chapter", "1"]
            + ["--screenshot", str(shot), "--size", "800x600"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=90,
        )
        assert read.returncode == 0, read.stderr
        assert shot.stat().st_size > 1000
    assert _folder(stick) == before
