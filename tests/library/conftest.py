"""A throwaway PostgreSQL cluster for the library tests, started once per session.

Real server, over TCP on 127.0.0.1: ``initdb`` as the ``postgres`` user (it
refuses root), ``pg_ctl`` on a free port, stopped with ``-m immediate`` at the
end, then killed by its ``postmaster.pid`` if need be; a finalizer does the same at
exit, and a watchdog process does it if pytest itself dies (SIGKILL, ``os._exit`` of a
timeout). Skipped, with the reason, where PostgreSQL or the ``postgres`` user is missing.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
import weakref
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


class Server:
    """One throwaway cluster: ``initdb`` once, then started and stopped as a test needs.

    Teardown never leaves a server behind: ``pg_ctl -m immediate stop``, then a
    SIGKILL to the postmaster named in ``postmaster.pid`` if it is still there,
    and the same again from an ``atexit`` hook for a run that ends without
    reaching its fixture's ``finally`` (a ^C, a pytest-timeout in the fixture).
    """

    def __init__(self) -> None:
        bin_dir = _pg_bin()
        if bin_dir is None:
            pytest.skip("PostgreSQL is not installed (scripts/setup.sh deps installs it)")
        self.bin = bin_dir
        try:
            pg_user = pwd.getpwnam("postgres")
        except KeyError:
            pg_user = None
        as_root = os.geteuid() == 0
        if as_root and pg_user is None:
            pytest.skip("running as root and there is no postgres user to run initdb as")
        self.run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
        self.base = Path(tempfile.mkdtemp(prefix="storyport-pg-"))
        self.data = self.base / "data"
        self.port = _free_port()
        self._finalizer = weakref.finalize(self, _teardown, self.run_as, self.bin, self.base)
        _watch(self.base)
        pwfile = self.base / "pw"
        pwfile.write_text(SUPER_PASSWORD + "\n")
        if as_root and pg_user is not None:
            os.chown(self.base, pg_user.pw_uid, pg_user.pw_gid)
            os.chown(pwfile, pg_user.pw_uid, pg_user.pw_gid)
        subprocess.run(
            [*self.run_as, str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
             "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}",
             "-E", "UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    @property
    def cluster(self) -> Cluster:
        return Cluster(self.port)

    def start(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
             str(self.base / "log"), "-w", "-t", "30", "-o",
             f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off",
             "start"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server (``immediate``: as if it crashed); kill it if pg_ctl could not."""
        _stop(self.run_as, self.bin, self.data, mode)

    def close(self) -> None:
        self._finalizer()


def _stop(run_as: list[str], bin_dir: Path, data: Path, mode: str) -> None:
    if not (data / "postmaster.pid").exists():
        return
    try:
        subprocess.run(
            [*run_as, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", mode, "-w", "-t", "20",
             "stop"],
            capture_output=True, timeout=30,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pass
    _kill_postmaster(data)


def _kill_postmaster(data: Path) -> None:
    try:
        pid = int((data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return
    try:
        os.kill(pid, signal.SIGKILL)  # its children follow it (they watch the postmaster)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


#: Run in a process of its own: once pytest (argv[1]) is gone, kill the cluster in argv[2].
_WATCHDOG = """
import os, shutil, signal, sys, time
parent, base = int(sys.argv[1]), sys.argv[2]
while os.path.isdir(base):
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        break
    time.sleep(0.5)
try:
    pid = int(open(os.path.join(base, "data", "postmaster.pid")).read().split()[0])
    os.kill(pid, signal.SIGKILL)
except (OSError, ValueError, IndexError):
    pass
time.sleep(1)
shutil.rmtree(base, ignore_errors=True)
"""


def _watch(base: Path) -> None:
    subprocess.Popen(
        [sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(base)],
        start_new_session=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _teardown(run_as: list[str], bin_dir: Path, base: Path) -> None:
    _stop(run_as, bin_dir, base / "data", "immediate")
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    server = Server()
    try:
        server.start()
        yield server.cluster
    finally:
        server.close()


@pytest.fixture
def own_server() -> Iterator[Server]:
    """A cluster of this test's own, started, that the test may stop and start again."""
    server = Server()
    try:
        server.start()
        yield server
    finally:
        server.close()


@dataclass(frozen=True)
class Library:
    cluster: Cluster
    database: str

    def engine(self, user: str = SUPERUSER) -> Engine:
        password = SUPER_PASSWORD if user == SUPERUSER else PASSWORD
        return make_engine(self.cluster.url(self.database, user, password))

    def cli_url(self, user: str) -> str:
        return self.cluster.text_url(self.database, user)


def make_database(cluster: Cluster) -> Library:
    """An empty database (owned by the superuser) on ``cluster``."""
    name = "lib_" + uuid.uuid4().hex[:10]
    engine = cluster.superuser()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return Library(cluster, name)


def make_library(cluster: Cluster) -> Library:
    """An initialised library with one login user per role (``USERS``) on ``cluster``."""
    from story.library.migrations import init_library

    lib = make_database(cluster)
    engine = lib.engine()
    init_library(engine)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for user, role in USERS.items():
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": user})
            if exists.first() is None:
                conn.execute(text(f"CREATE ROLE {user} LOGIN PASSWORD '{PASSWORD}' IN ROLE {role}"))
    engine.dispose()
    return lib


@pytest.fixture
def new_database(cluster: Cluster) -> Callable[[], Library]:
    """Make an empty database (owned by the superuser) on the session's cluster."""
    return lambda: make_database(cluster)


@pytest.fixture
def library(cluster: Cluster) -> Library:
    """An initialised library with one login user per role: viewer1, curator1, curator2, editor1."""
    return make_library(cluster)


USERS = {
    "viewer1": "storyport_viewer",
    "curator1": "storyport_curator",
    "curator2": "storyport_curator",
    "editor1": "storyport_editor",
}
