"""Accounts through the real command line: who may do what, and what is recorded."""

from __future__ import annotations

from collections.abc import Callable

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
    assert err.endswith("user name or password is wrong\n")
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
