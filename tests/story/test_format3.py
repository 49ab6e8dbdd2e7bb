"""Format 3: places are lat/lon on a geographic map or x/y on a picture map, chapters have dates.

Opens the real format-2 file ``tests/fixtures/v2-small.storypkg`` (made by
``make_v2_small.py`` with the format-2 code) read-only and for writing, and
drives ``add-chapter``/``info``/``validate``/``build`` through ``main.main``.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from main import main
from story.dates import DateError, date_span, normalize_date
from story.editing.chapters import chapter_id_at, set_chapter_date
from story.errors import PackageError, StoryError
from story.package.file import Package, open_package
from story.package.version import SCHEMA_VERSION
from story.publish.build import SourceError, build_package
from story.reading import get_chapter, list_chapters, list_maps
from story.summary import summarize
from story.validation import validate
from tests.fixtures.packages import files_state

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "v2-small.storypkg"
ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _copy(tmp_path: Path) -> Path:
    dest = tmp_path / "v2.storypkg"
    shutil.copyfile(FIXTURE, dest)
    return dest


def _check_migrated(pkg: Package) -> None:
    steppe, plan = list_maps(pkg)
    assert (steppe.kind, plan.kind) == ("geo", "image")
    port, gate, town, nowhere = list_chapters(pkg)
    assert port.place is not None and gate.place is not None and town.place is not None
    assert (port.place.lat, port.place.lon, port.place.x, port.place.map_id) == (
        44.21,
        80.41,
        None,
        steppe.id,
    )
    # the pixels format 2 kept in lat (y) and lon (x) are x/y now, and lat/lon are gone
    assert (gate.place.x, gate.place.y, gate.place.lat, gate.place.lon) == (450, 300, None, None)
    assert gate.place.map_id == plan.id and gate.place.on_picture
    # a place without a map is put on the first geographic map
    assert (town.place.lat, town.place.lon, town.place.map_id) == (44.3, 80.1, steppe.id)
    assert nowhere.place is None
    assert all(c.date is None for c in (port, gate, town, nowhere))
    assert len(get_chapter(pkg, 1).media) == 1
    chapters = summarize(pkg)["chapters"]
    assert chapters[1]["place"] == {"name": "Gate", "map": "Yard plan", "x": 450, "y": 300}
    assert chapters[0]["place"]["map"] == "Steppe" and chapters[0]["date"] is None
    assert [p.code for p in validate(pkg) if p.severity == "error"] == []


def test_the_fixture_is_format_2() -> None:
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro&immutable=1", uri=True)  # no -wal/-shm
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        cols = [r[1] for r in conn.execute("PRAGMA table_info(places)")]
        assert "x" not in cols
        assert conn.execute("SELECT lat, lon FROM places WHERE name = 'Gate'").fetchone() == (
            300.0,
            450.0,
        )
    finally:
        conn.close()


def test_read_only_open_migrates_a_private_copy(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    before = files_state(path)
    with open_package(path) as pkg:
        assert any("format 3" in step for step in pkg.migrated)
        _check_migrated(pkg)
    assert files_state(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v2.storypkg"]


def test_open_for_writing_backs_up_then_migrates_in_place(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as first:
        original = first.execute("SELECT * FROM places ORDER BY id").fetchall()
    first.close()
    started = time.monotonic()
    pkg = open_package(path, readonly=False)
    took = time.monotonic() - started
    try:
        assert pkg.backup is not None and pkg.backup.name == "v2.storypkg.bak-v2"
        _check_migrated(pkg)
        set_chapter_date(pkg, chapter_id_at(pkg, 2), "2017-10-02")
    finally:
        pkg.close()
    assert took < 5, f"migrating the small fixture took {took:.2f} s"
    backup = sqlite3.connect(f"file:{tmp_path / 'v2.storypkg.bak-v2'}?mode=ro", uri=True)
    try:  # the backup is the format-2 file, row for row (written in rollback-journal mode)
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
        assert backup.execute("SELECT * FROM places ORDER BY id").fetchall() == original
    finally:
        backup.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM chapters WHERE place_id IS NULL").fetchone() == (
            1,
        )
    finally:
        conn.close()
    with open_package(path) as pkg:  # the migrated file passes the guard as a current one
        assert not pkg.migrated
        assert list_chapters(pkg)[1].date == "2017-10-02"


def test_a_failing_migration_leaves_the_file_unchanged(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE places_v3 (id INTEGER)")  # the name the step builds under
    conn.commit()
    conn.close()
    before = files_state(path)
    with pytest.raises(PackageError):
        open_package(path, readonly=False).close()
    assert files_state(path) == before


@pytest.mark.parametrize("text", ["2016", "2016-04", "2017-10-02", "2011-12/2012-06", "2016/2016"])
def test_dates_that_parse(text: str) -> None:
    assert normalize_date(text) == text
    assert date_span(text)[0] <= date_span(text)[1]


@pytest.mark.parametrize(
    "text", ["16", "2016-4", "2016-13", "2016-02-30", "2012/2011", "April 2016", "2016-04-02T10:00"]
)
def test_dates_that_do_not(text: str) -> None:
    with pytest.raises(DateError):
        normalize_date(text)
    assert normalize_date("  ") is None


def test_add_chapter_on_a_picture_map_and_info(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(tmp_path)
    assert (
        run(
            capsys,
            "add-chapter",
            str(path),
            "--title",
            "Crane",
            "--place",
            "Crane",
            "--map",
            "Yard plan",
            "--x",
            "120",
            "--y",
            "80",
            "--date",
            "2016-04",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            "add-chapter",
            str(path),
            "--title",
            "Far",
            "--place",
            "Far",
            "--lat",
            "44",
            "--lon",
            "80",
            "--date",
            "2011-12/2012-06",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "info", str(path), "--json")
    assert code == 0
    chapters = json.loads(out)["chapters"]
    assert json.loads(out)["schema_version"] == SCHEMA_VERSION
    assert chapters[4]["place"] == {"name": "Crane", "map": "Yard plan", "x": 120, "y": 80}
    assert chapters[4]["date"] == "2016-04"
    assert chapters[5]["place"] == {"name": "Far", "map": "Steppe", "lat": 44, "lon": 80}
    assert chapters[5]["date"] == "2011-12/2012-06"
    refused = [
        ("--place", "A", "--x", "1", "--y", "2", "--map", "Steppe"),  # x/y on a geographic map
        ("--place", "A", "--lat", "1", "--lon", "2", "--map", "Yard plan"),
        ("--place", "A", "--x", "1"),
        ("--place", "A", "--x", "1", "--y", "2", "--lat", "3", "--lon", "4"),
        ("--place", "A", "--lat", "1", "--lon", "2", "--map", "Atlantis"),
        (
            "--date",
            "spring 2016",
        ),
    ]
    for extra in refused:
        code, _, err = run(capsys, "add-chapter", str(path), "--title", "No", *extra)
        assert code == 2 and err.count("\n") == 1, extra
    assert len(json.loads(run(capsys, "info", str(path), "--json")[1])["chapters"]) == 6


def test_validate_checks_picture_bounds_and_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(tmp_path)
    assert (
        run(
            capsys,
            "add-chapter",
            str(path),
            "--title",
            "Off",
            "--place",
            "Off",
            "--map",
            "Yard plan",
            "--x",
            "700",
            "--y",
            "80",
        )[0]
        == 0
    )
    with open_package(path, readonly=False):
        pass
    conn = sqlite3.connect(path)  # a date no Storyport writes, as another program might
    conn.execute("UPDATE chapters SET date = '2016-02-30' WHERE position = 0")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "validate", str(path), "--json")
    assert code == 1
    found = {(p["code"], p["chapter"], p["severity"]) for p in json.loads(out)["problems"]}
    assert ("place-outside-picture", 5, "error") in found
    assert ("chapter-date-invalid", 1, "error") in found


def test_guard_refuses_a_place_with_both_kinds_of_coordinates(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    open_package(path, readonly=False).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE places SET x = 1, y = 2 WHERE name = 'Khorgos'")
    conn.commit()
    conn.close()
    with pytest.raises(PackageError, match="places.x"):
        open_package(path).close()


def test_build_reads_dates_and_pixel_places(tmp_path: Path) -> None:
    from PIL import Image

    src = tmp_path / "src"
    (src / "chapters").mkdir(parents=True)
    Image.new("RGB", (300, 200), (200, 200, 200)).save(src / "plan.png")
    (src / "story.toml").write_text(
        'title = "T"\n[[maps]]\nkind = "image"\nkey = "plan"\nfile = "plan.png"\nname = "Plan"\n'
    )
    (src / "chapters" / "01.md").write_text(
        '+++\ntitle = "One"\ndate = "2016-04"\n'
        'place = { name = "Gate", x = 120, y = 30, map = "plan" }\n+++\nText'
    )
    (src / "chapters" / "02.md").write_text('+++\ntitle = "Two"\ndate = 2017-10-02\n+++\nText')
    out = build_package(src, tmp_path / "out.storypkg")
    with open_package(out) as pkg:
        one, two = list_chapters(pkg)
        assert (one.date, two.date) == ("2016-04", "2017-10-02")
        assert one.place is not None and (one.place.x, one.place.y) == (120, 30)
    (src / "chapters" / "02.md").write_text('+++\ntitle = "Two"\ndate = "someday"\n+++\nText')
    with pytest.raises(SourceError, match="02.md"):
        build_package(src, tmp_path / "bad.storypkg")
    (src / "chapters" / "02.md").write_text(
        '+++\ntitle = "Two"\nplace = { name = "G", lat = 1, lon = 2, map = "plan" }\n+++\nT'
    )
    with pytest.raises(StoryError, match="x/y"):
        build_package(src, tmp_path / "bad.storypkg")


def test_add_chapter_with_a_date_in_a_subprocess(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    argv = [
        "add-chapter",
        str(path),
        "--title",
        "Sub",
        "--place",
        "P",
        "--map",
        "Yard plan",
        "--x",
        "10",
        "--y",
        "20",
        "--date",
        "2016",
    ]
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"
    with open_package(path) as pkg:
        last = list_chapters(pkg)[-1]
        assert last.date == "2016" and last.place is not None and last.place.x == 10


def test_migrating_10000_places_keeps_every_link_and_is_quick(tmp_path: Path) -> None:
    """The drop of the old ``places`` looks up each place's chapters; without the
    step's temporary index that was a scan per place (12.8 s here, now ~0.3 s)."""
    path = _copy(tmp_path)
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO places (name, lat, lon, map_id) VALUES (?, ?, ?, ?)",
        [(f"P{i}", float(i % 400), float(i % 600), 2 if i % 2 else 1) for i in range(9990)],
    )
    conn.executemany(
        "INSERT INTO chapters (position, title, summary, body_md, place_id) VALUES (?,?,?,?,?)",
        [(4 + i, f"C{i}", "", "x", 4 + i) for i in range(9990)],
    )
    conn.commit()
    conn.close()
    started = time.monotonic()
    pkg = open_package(path, readonly=False)
    took = time.monotonic() - started
    try:
        chapters = list_chapters(pkg)
        assert sum(1 for c in chapters if c.place is None) == 1  # only "Nowhere"
        assert sum(1 for c in chapters if c.place and c.place.on_picture) == 4996
    finally:
        pkg.close()
    assert took < 5, f"migrating 10,000 places took {took:.1f} s"
