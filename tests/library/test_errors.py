"""Every way of not reaching a library is one clear line and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import main
from story.library.migrations import LIBRARY_VERSION
from tests.library.conftest import PASSWORD, ROOT_DIR, Cluster, Library, _free_port


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT_DIR / "main.py"), "library", *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, **env}, cwd=ROOT_DIR,
    )  # fmt: skip


def _one_line(err: str, expected: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert expected in err, err


def test_server_not_running_in_a_subprocess() -> None:
    url = f"postgresql+psycopg://curator1@127.0.0.1:{_free_port()}/lib"
    r = _run(["--url", url, "list"], {"PGPASSWORD": PASSWORD})
    assert r.returncode == 2
    _one_line(r.stderr, "cannot reach the library server at 127.0.0.1:")


def test_wrong_password(library: Library, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.setenv("PGPASSWORD", "not-" + PASSWORD)
    assert main.main(["library", "--url", library.cli_url("curator1"), "list"]) == 2
    _one_line(capsys.readouterr().err, "refused the password of user curator1")


def test_no_password_and_unknown_database(
    cluster: Cluster, library: Library, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:  # fmt: skip
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    assert main.main(["library", "--url", library.cli_url("curator1"), "list"]) == 2
    _one_line(capsys.readouterr().err, "wants a password for curator1")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert main.main(["library", "--url", cluster.text_url("nowhere", "curator1"), "list"]) == 2
    _one_line(capsys.readouterr().err, "there is no database 'nowhere'")


def test_pgpass_is_read(library: Library, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:  # fmt: skip
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{library.cluster.port}:*:viewer1:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert main.main(["library", "--url", library.cli_url("viewer1"), "list"]) == 0


def test_not_a_library(new_database: Callable[[], Library], monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from tests.library.conftest import SUPER_PASSWORD

    lib = new_database()
    monkeypatch.setenv("PGPASSWORD", SUPER_PASSWORD)
    assert main.main(["library", "--url", lib.cli_url("postgres"), "history", "x"]) == 2
    _one_line(capsys.readouterr().err, "is not a Storyport library (run `library init` first)")
    assert main.main(["library", "--url", lib.cli_url("postgres"), "init"]) == 0
    assert main.main(["library", "--url", lib.cli_url("postgres"), "init"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == f"library is up to date (schema version {LIBRARY_VERSION})"


def test_no_url_a_password_in_the_url_and_another_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("STORYPORT_LIBRARY", raising=False)
    assert main.main(["library", "list"]) == 2
    _one_line(capsys.readouterr().err, "no library given: use --url URL or set STORYPORT_LIBRARY")
    assert main.main(["library", "--url", "postgresql://u:secret@h/db", "list"]) == 2
    _one_line(capsys.readouterr().err, "do not put a password in the library URL")
    assert main.main(["library", "--url", "sqlite:///x.db", "list"]) == 2
    _one_line(capsys.readouterr().err, "a library is a PostgreSQL database, not sqlite")
