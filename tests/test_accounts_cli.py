"""Accounts through the real command line: who may do what, and what is recorded."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

ADMIN_PASSWORD = "admin password 123"
NURSE_PASSWORD = "nurse password 456"
Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def accounts(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A chart file with a ward administrator (ada) and a nurse (nina), and a patient."""
    assert cli("patient", "add", "--mrn", "P-1", "--name", "Doe, Jo", "--dob", "1960-01-01")[0] == 0
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", ADMIN_PASSWORD)
    status, _, err = cli(
        "user",
        "add",
        "--username",
        "ada",
        "--name",
        "Ada Admin",
        "--initials",
        "AA",
        "--role",
        "admin",
    )
    assert status == 0, err
    monkeypatch.setenv("WARDCHART_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", NURSE_PASSWORD)
    status, _out, err = cli(
        "--user",
        "ada",
        "user",
        "add",
        "--username",
        "nina",
        "--name",
        "Nina Nurse",
        "--initials",
        "NN",
        "--role",
        "nurse",
    )
    assert status == 0, err
    monkeypatch.setenv("WARDCHART_PASSWORD", NURSE_PASSWORD)
    return cli


def test_without_accounts_the_os_user_charts_and_user_is_refused(cli: Cli) -> None:
    assert cli("patient", "add", "--mrn", "P-1", "--name", "Doe, Jo", "--dob", "1960-01-01")[0] == 0
    assert cli("patient", "list")[0] == 0
    status, _, err = cli("--user", "ada", "patient", "list")
    assert status == 2
    assert (
        err == "wardchart: error: --user: this chart file has no accounts yet; leave out --user\n"
    )


def test_the_first_account_must_be_an_administrator(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", ADMIN_PASSWORD)
    status, _, err = cli(
        "user", "add", "--username", "nina", "--name", "N N", "--initials", "NN", "--role", "nurse"
    )
    assert status == 2
    assert "--role: the first account must be a ward administrator" in err


def test_with_accounts_everyone_signs_in(accounts: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    status, _, err = accounts("patient", "list")
    assert status == 2
    assert "--user: this chart file has accounts: sign in with --user NAME" in err
    monkeypatch.setenv("WARDCHART_PASSWORD", "not her password")
    status, out, err = accounts("--user", "nina", "patient", "list")
    assert (status, out) == (2, "")
    assert err.endswith("user name or password is wrong, or the account is disabled\n")
    monkeypatch.delenv("WARDCHART_PASSWORD")  # and no terminal to type it in
    status, _, err = accounts("--user", "nina", "patient", "list")
    assert status == 2
    assert "no password: set WARDCHART_PASSWORD" in err
    monkeypatch.setenv("WARDCHART_PASSWORD", NURSE_PASSWORD)
    status, out, _ = accounts("--user", "nina", "patient", "list")
    assert status == 0
    assert "Doe, Jo" in out


def test_entries_carry_the_signed_in_user(accounts: Cli) -> None:
    status, _, err = accounts(
        "lab",
        "add",
        "--user",
        "nina",
        "--mrn",
        "P-1",
        "--taken",
        "2026-01-05 06:00",
        "--wbc",
        "3.1",
        "--anc",
        "1.4",
        "--confirm",  # a date months ago
    )
    assert status == 0, err
    status, out, _ = accounts("--user", "nina", "history", "--mrn", "P-1", "--json")
    assert status == 0
    assert '"recorded_by": "nina"' in out


def test_only_administrators_manage_accounts(
    accounts: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", "another password 789")
    status, _, err = accounts(
        "--user",
        "nina",
        "user",
        "add",
        "--username",
        "bob",
        "--name",
        "Bob B",
        "--initials",
        "BB",
        "--role",
        "admin",
    )
    assert status == 2
    assert "only a ward administrator can manage accounts" in err
    status, _, err = accounts(
        "--user", "nina", "user", "disable", "--username", "ada", "--reason", "x"
    )
    assert status == 2
    # A nurse may set her own password; then the old one no longer works.
    status, _, err = accounts(
        "--user", "nina", "user", "password", "--username", "nina", "--reason", "mine"
    )
    assert status == 0, err
    assert accounts("--user", "nina", "patient", "list")[0] == 2
    monkeypatch.setenv("WARDCHART_PASSWORD", "another password 789")
    assert accounts("--user", "nina", "patient", "list")[0] == 0


def test_a_disabled_account_cannot_sign_in_and_keeps_its_entries(
    accounts: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARDCHART_PASSWORD", ADMIN_PASSWORD)
    status, out, err = accounts(
        "--user", "ada", "user", "disable", "--username", "nina", "--reason", "left the ward"
    )
    assert status == 0, err
    status, out, _ = accounts("--user", "ada", "user", "list")
    assert "nina  Nina Nurse (NN), nurse, DISABLED" in out
    monkeypatch.setenv("WARDCHART_PASSWORD", NURSE_PASSWORD)
    status, _, err = accounts("--user", "nina", "patient", "list")
    assert status == 2
    assert "disabled" in err


def test_administrators_change_roles_but_never_leave_the_ward_without_one(
    accounts: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARDCHART_PASSWORD", ADMIN_PASSWORD)
    role = ("user", "role", "--reason", "rota")
    status, _, err = accounts("--user", "ada", *role, "--username", "ada", "--role", "nurse")
    assert status == 2
    assert err == (
        "wardchart: error: --username: this is the last ward administrator: add another first\n"
    )
    status, out, err = accounts("--user", "ada", *role, "--username", "nina", "--role", "admin")
    assert status == 0, err
    assert "nina  Nina Nurse (NN), admin" in out
    status, _, err = accounts("--user", "ada", *role, "--username", "ada", "--role", "nurse")
    assert status == 0, err
    # ada is a nurse now: the ward's safety settings are no longer hers to change.
    status, _, err = accounts("--user", "ada", "settings", "set", "lock_after_minutes", "30")
    assert status == 2
    assert err == (
        "wardchart: error: --user: only a ward administrator can change the ward setting "
        "lock_after_minutes\n"
    )
    assert accounts("--user", "ada", "settings", "set", "ward_name", "4B")[0] == 0


def test_a_busy_chart_never_lets_a_nurse_restore(
    accounts: Cli, chart_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the write lock past the 5 s wait, then lets go: the nurse's
    restore, run as a real process meanwhile, is refused, not run as someone else."""
    monkeypatch.setenv("WARDCHART_PASSWORD", ADMIN_PASSWORD)
    status, _, err = accounts("--user", "ada", "backup")
    assert status == 0, err
    backup = next((chart_path.parent / "ward-backups").glob("*.sqlite"))
    command = ["--db", str(chart_path), "--user", "nina", "restore", str(backup)]
    holder = sqlite3.connect(chart_path, timeout=10, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(6.5, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "wardchart", *command],
            capture_output=True,
            text=True,
            env={**os.environ, "WARDCHART_PASSWORD": NURSE_PASSWORD},
            check=False,
        )
    finally:
        release.join()
        holder.close()
    assert done.returncode == 2, done.stdout
    assert done.stderr.startswith("wardchart: error: ")
    assert done.stderr.count("\n") == 1
    restores = sqlite3.connect(chart_path).execute(
        "SELECT count(*) FROM audit_log WHERE action = 'restore'"
    )
    assert restores.fetchone()[0] == 0


def test_a_damaged_chart_is_restored_only_by_an_administrator_of_the_backup(
    accounts: Cli, chart_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chart cannot say who may restore it: the backup's accounts decide."""
    monkeypatch.setenv("WARDCHART_PASSWORD", ADMIN_PASSWORD)
    assert accounts("--user", "ada", "backup")[0] == 0
    backup = next((chart_path.parent / "ward-backups").glob("*.sqlite"))
    for suffix in ("-wal", "-shm"):
        chart_path.with_name(chart_path.name + suffix).unlink(missing_ok=True)
    chart_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # damaged
    monkeypatch.setenv("WARDCHART_PASSWORD", NURSE_PASSWORD)
    status, _, err = accounts("--user", "nina", "restore", str(backup))
    assert status == 2
    assert "only a ward administrator" in err
    assert accounts("restore", str(backup))[0] == 2  # nobody signed in: refused too
    monkeypatch.setenv("WARDCHART_PASSWORD", ADMIN_PASSWORD)
    _, _, err = accounts("--user", "ada", "restore", str(backup))
    assert "only a ward administrator" not in err  # past the check (mending is restore's)


@pytest.mark.parametrize("hidden", ["\U000e0100", "\U00016fe4", "\u2800", "\u202e", "\x07"])
def test_an_account_name_with_a_hidden_character_is_refused(
    accounts: Cli, monkeypatch: pytest.MonkeyPatch, hidden: str
) -> None:
    monkeypatch.setenv("WARDCHART_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("WARDCHART_NEW_PASSWORD", NURSE_PASSWORD)
    for flag, value in (("--name", f"Nora{hidden} Nurse"), ("--initials", f"N{hidden}")):
        details = {"--name": "Nora Nurse", "--initials": "NN", flag: value}
        status, out, err = accounts(
            "--user", "ada", "user", "add", "--username", "nora", "--role", "nurse",
            *(part for item in details.items() for part in item),
        )  # fmt: skip
        assert (status, out) == (2, ""), (flag, hidden)
        assert err.startswith(f"wardchart: error: {flag}: "), err


@pytest.mark.parametrize("hidden", ["\u202e", "\u2800", "\U000e0100"])
def test_an_account_change_reason_with_a_hidden_character_is_refused(
    accounts: Cli, monkeypatch: pytest.MonkeyPatch, hidden: str
) -> None:
    monkeypatch.setenv("WARDCHART_PASSWORD", ADMIN_PASSWORD)
    status, out, err = accounts(
        "--user", "ada", "user", "disable", "--username", "nina", "--reason", f"left{hidden}"
    )
    assert (status, out) == (2, "")
    assert err.startswith("wardchart: error: --reason: "), err
    status, _out, err = accounts("--user", "ada", "user", "list")
    assert status == 0, err
