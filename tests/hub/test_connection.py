"""Reaching the hub by libpq's conventions, and each failure as one typed line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HubDatabase

from wardchart.storage.hub.connection import connect, describe_address, parse_address
from wardchart.storage.hub.errors import (
    HubAddressError,
    HubCredentialsRefused,
    HubUnreachable,
    NotAHub,
)
from wardchart.storage.hub.schema import hub_init
from wardchart.storage.hub.transfer import Hub


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://nurse:secret@db.example/ward5",
        "postgres://nurse:s3cr%40t@127.0.0.1:5432/ward5?sslmode=verify-full",
        "host=db.example dbname=ward5 user=nurse password=secret",
        "postgresql://nurse@db.example/ward5?password=secret",
    ],
)
def test_an_address_holding_a_password_is_refused(address: str) -> None:
    with pytest.raises(HubAddressError) as raised:
        connect(address)
    message = str(raised.value)
    assert message == (
        "the ward hub's address must not hold a password: leave it out and give the "
        "password in PGPASSWORD or ~/.pgpass"
    )
    assert "secret" not in message


@pytest.mark.parametrize("address", ["", "   ", "postgresql://[::1", "nonsense words"])
def test_an_empty_or_malformed_address_is_one_line(address: str) -> None:
    with pytest.raises(HubAddressError) as raised:
        connect(address)
    assert "\n" not in str(raised.value)


def test_addresses_are_described_without_secrets() -> None:
    assert describe_address("postgresql://nurse@db.example:6432/ward5") == (
        "the ward hub at db.example:6432/ward5"
    )
    assert describe_address("service=ward5") == "the ward hub (service ward5)"
    assert parse_address("service=ward5 sslmode=verify-full")["sslmode"] == "verify-full"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_server_is_one_typed_line() -> None:
    address = f"postgresql://nurse@127.0.0.1:{_closed_port()}/ward5"
    with pytest.raises(HubUnreachable) as raised:
        Hub.open(address)
    message = str(raised.value)
    assert message.startswith("the ward hub at 127.0.0.1:")
    assert "cannot be reached" in message
    assert "\n" not in message


def test_a_sync_never_waits_without_end(hub_db: HubDatabase) -> None:
    # Another replica's push, or a laptop suspended half-way through one, holds the receive
    # lock: a sync gives up after a bounded wait ("busy", tried again), a session stopped
    # inside a transaction is ended by the server, and a vanished peer is noticed by TCP
    # keepalives.
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with Hub.open(hub_db.ward_url) as hub:
        shown = {
            name: hub.conn.execute(f"SHOW {name}").fetchone()[0]  # type: ignore[index]
            for name in ("lock_timeout", "idle_in_transaction_session_timeout")
        }
        assert shown == {"lock_timeout": "30s", "idle_in_transaction_session_timeout": "1min"}
        assert hub.conn.info.get_parameters()["keepalives"] == "1"


def test_a_stopped_server_is_unreachable(hub_db: HubDatabase) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    hub_db.server.stop()
    try:
        with pytest.raises(HubUnreachable):
            Hub.open(hub_db.ward_url)
    finally:
        hub_db.server.start()
    with Hub.open(hub_db.ward_url) as hub:
        assert hub.version >= 1


def test_credentials_come_from_pgpass_or_pgpassword(
    hub_db: HubDatabase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with Hub.open(hub_db.ward_url):  # ~/.pgpass (PGPASSFILE here)
        pass
    password = hub_db.pgpass.read_text().splitlines()[1].rsplit(":", 1)[1]
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(HubCredentialsRefused, match="refused the credentials"):
        Hub.open(hub_db.ward_url)
    monkeypatch.setenv("PGPASSWORD", "wrong")
    with pytest.raises(HubCredentialsRefused) as raised:
        Hub.open(hub_db.ward_url)
    assert "\n" not in str(raised.value)
    assert "wrong" not in str(raised.value)
    monkeypatch.setenv("PGPASSWORD", password)
    with Hub.open(hub_db.ward_url):
        pass


def test_a_service_name_is_a_hub_address(
    hub_db: HubDatabase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[ward5]\nhost={hub_db.server.host}\nport={hub_db.server.port}\n"
        f"dbname={hub_db.database}\nuser={hub_db.ward_role}\nsslmode=disable\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with Hub.open("service=ward5") as hub:
        assert hub.where == "the ward hub (service ward5)"


def test_a_missing_database_is_not_a_hub(hub_db: HubDatabase) -> None:
    with pytest.raises((NotAHub, HubCredentialsRefused)):
        Hub.open(hub_db.server.url(hub_db.ward_role, "no_such_ward"))


def test_a_server_without_tls_refuses_verify_full(hub_db: HubDatabase) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with pytest.raises(HubUnreachable) as raised:
        Hub.open(hub_db.ward_url + "?sslmode=verify-full")
    assert "\n" not in str(raised.value)


def _imported(importtime: str) -> set[str]:
    """The modules ``python -X importtime`` reports loading."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in importtime.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }


def test_no_psycopg_at_start_up_or_for_commands_without_a_hub(tmp_path: Path) -> None:
    """A ward without a hub does not pay for the PostgreSQL driver (about 0.1 s)."""
    window = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import wardchart.app, wardchart.ui.main_window",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "wardchart.ui.main_window" in _imported(window.stderr)
    assert not {m for m in _imported(window.stderr) if m.startswith("psycopg")}
    chart = tmp_path / "ward.sqlite"
    # The window opened on a chart and checked offscreen, then commands without a hub.
    for args in (["demo"], ["--self-test"], ["patient", "list"], ["check"], ["settings", "show"]):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "wardchart", "--db", str(chart), *args],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-500:]
        assert "wardchart.cli" in _imported(done.stderr)
        assert not {m for m in _imported(done.stderr) if m.startswith("psycopg")}, args
    errors_only = subprocess.run(
        [
            sys.executable,
            "-c",
            "import wardchart.storage.hub.errors, sys;print('psycopg' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert errors_only.stdout.strip() == "False"
