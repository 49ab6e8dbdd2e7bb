"""A throwaway PostgreSQL cluster for the library tests, started once per session.

Real server, over TCP on 127.0.0.1: ``initdb`` as the ``postgres`` user (it
refuses root), ``pg_ctl`` on a free port, stopped with ``-m immediate`` at the
end. Skipped, with the reason, where PostgreSQL or the ``postgres`` user is missing.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from story.library.connection import make_engine

ROOT_DIR = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
SUPERUSER = "postgres"
SUPER_PASSWORD = "super-" + uuid.uuid4().hex[:8]
#: every role's test users share one password (tests pass it through PGPASSWORD)
PASSWORD = "pw-" + uuid.uuid4().hex[:8]


def _pg_bin() -> Path | None:
    for cand in [PG_BIN, *sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)]:
        if (cand / "initdb").exists():
            return cand
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Cluster:
    port: int

    def url(self, database: str, user: str = SUPERUSER, password: str | None = None) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=user,
            password=password,
            host="127.0.0.1",
            port=self.port,
            database=database,
        )

    def text_url(self, database: str, user: str) -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def superuser(self, database: str = "postgres") -> Engine:
        return make_engine(self.url(database, SUPERUSER, SUPER_PASSWORD))


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (scripts/setup.sh deps installs it)")
    try:
        pg_user = pwd.getpwnam("postgres")
    except KeyError:
        pg_user = None
    as_root = os.geteuid() == 0
    if as_root and pg_user is None:
        pytest.skip("running as root and there is no postgres user to run initdb as")
    run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
    base = Path(tempfile.mkdtemp(prefix="storyport-pg-"))
    data = base / "data"
    pwfile = base / "pw"
    pwfile.write_text(SUPER_PASSWORD + "\n")
    if as_root and pg_user is not None:
        os.chown(base, pg_user.pw_uid, pg_user.pw_gid)
        os.chown(pwfile, pg_user.pw_uid, pg_user.pw_gid)
    port = _free_port()
    started = False
    try:
        subprocess.run(
            [*run_as, str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER,
             "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}",
             "-E", "UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        subprocess.run(
            [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"),
             "-w", "-t", "30", "-o",
             f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        started = True
        yield Cluster(port)
    finally:
        if started:
            subprocess.run(
                [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True, timeout=60,
            )  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


@dataclass(frozen=True)
class Library:
    cluster: Cluster
    database: str

    def engine(self, user: str = SUPERUSER) -> Engine:
        password = SUPER_PASSWORD if user == SUPERUSER else PASSWORD
        return make_engine(self.cluster.url(self.database, user, password))

    def cli_url(self, user: str) -> str:
        return self.cluster.text_url(self.database, user)


@pytest.fixture
def new_database(cluster: Cluster) -> Callable[[], Library]:
    """Make an empty database (owned by the superuser) on the session's cluster."""

    def make() -> Library:
        name = "lib_" + uuid.uuid4().hex[:10]
        engine = cluster.superuser()
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return Library(cluster, name)

    return make


@pytest.fixture
def library(new_database: Callable[[], Library]) -> Library:
    """An initialised library with one login user per role: viewer1, curator1, curator2, editor1."""
    from story.library.migrations import init_library

    lib = new_database()
    engine = lib.engine()
    init_library(engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for user, role in USERS.items():
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": user})
            if exists.first() is None:
                conn.execute(text(f"CREATE ROLE {user} LOGIN PASSWORD '{PASSWORD}' IN ROLE {role}"))
    engine.dispose()
    return lib


USERS = {
    "viewer1": "storyport_viewer",
    "curator1": "storyport_curator",
    "curator2": "storyport_curator",
    "editor1": "storyport_editor",
}
