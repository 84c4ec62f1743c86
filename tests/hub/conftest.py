"""A real PostgreSQL server for the hub's tests: a throwaway cluster in a temporary folder.

Debian's server binaries (``apt-get install postgresql``; ``packaging/debian-deps.sh test``
installs them) make a cluster with ``initdb``, password (SCRAM) authentication, listening
on 127.0.0.1 at a free port with its socket inside the data folder. ``initdb`` and
``postgres`` refuse to run as root, so under root the cluster belongs to the ``postgres``
user. Missing binaries fail the tests loudly: they are never skipped.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

_counter = itertools.count(1)


def server_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``; fail the test run when there is none."""
    candidates = [os.environ.get("WARDCHART_PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    found = shutil.which("initdb")
    candidates.append(str(Path(found).parent) if found else "")
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    pytest.fail(
        "the hub tests need PostgreSQL's server binaries (initdb, pg_ctl) and none were found "
        "under /usr/lib/postgresql/*/bin, on PATH or in WARDCHART_PG_BIN: run "
        "packaging/debian-deps.sh test (apt-get install postgresql)",
        pytrace=False,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PgServer:
    """A throwaway PostgreSQL cluster; ``stop()`` and ``start()`` may be called mid-test."""

    superuser = "postgres"
    host = "127.0.0.1"

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="wardchart-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.password = secrets.token_hex(16)
        self.as_root = os.geteuid() == 0
        if self.as_root:
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed: {done.stderr}{done.stdout}\n{log}")
        return done

    def _as_owner(self, path: Path) -> None:
        if self.as_root:
            account = pwd.getpwnam("postgres")
            os.chown(path, account.pw_uid, account.pw_gid)

    def init(self) -> None:
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.password + "\n")
        pwfile.chmod(0o600)
        self._as_owner(pwfile)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            self.superuser,
            "--auth=scram-sha-256",
            f"--pwfile={pwfile}",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        pwfile.unlink()
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\nlisten_addresses = '{self.host}'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.data}'\n"
                "fsync = off\nfull_page_writes = off\nmax_connections = 60\n"
            )

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: sessions are ended, open transactions rolled back;
        ``immediate``: the processes are killed, as by a power cut of the service)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def ensure_running(self) -> None:
        if not self.running():
            self.start()

    def url(self, user: str, database: str) -> str:
        return f"postgresql://{user}@{self.host}:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> psycopg.Connection:  # type: ignore[type-arg]
        """A superuser connection (autocommit), for setting up roles and databases."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.superuser,
            password=self.password,
            dbname=database,
            autocommit=True,
        )

    def destroy(self) -> None:
        if self.data.exists() and self.running():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's PostgreSQL server (started once, stopped and removed at the end)."""
    server = PgServer(server_binaries())
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.destroy()


@dataclass
class HubDatabase:
    """A fresh database on the test server, with its owner role and a ward role."""

    server: PgServer
    database: str
    owner: str
    ward_role: str
    pgpass: Path

    @property
    def owner_url(self) -> str:
        return self.server.url(self.owner, self.database)

    @property
    def ward_url(self) -> str:
        return self.server.url(self.ward_role, self.database)


@pytest.fixture
def hub_db(pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> HubDatabase:
    """An empty database owned by its own role, an ordinary ward role, and both roles'
    passwords in a ~/.pgpass-style file (PGPASSFILE) as IT would set them up."""
    pg_server.ensure_running()
    n = next(_counter)
    suffix = f"{os.getpid()}_{n}"
    database, owner, ward = f"ward_{suffix}", f"owner_{suffix}", f"nurses_{suffix}"
    owner_password, ward_password = secrets.token_hex(12), secrets.token_hex(12)
    with pg_server.admin() as admin:
        admin.execute(f"CREATE ROLE {owner} LOGIN PASSWORD '{owner_password}'")
        admin.execute(f"CREATE ROLE {ward} LOGIN PASSWORD '{ward_password}'")
        admin.execute(f"CREATE DATABASE {database} OWNER {owner}")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(
        f"{pg_server.host}:{pg_server.port}:{database}:{owner}:{owner_password}\n"
        f"{pg_server.host}:{pg_server.port}:{database}:{ward}:{ward_password}\n"
    )
    pgpass.chmod(0o600)
    for name in ("PGPASSWORD", "PGSERVICE", "PGSERVICEFILE", "PGHOST", "PGUSER", "PGDATABASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    return HubDatabase(pg_server, database, owner, ward, pgpass)
