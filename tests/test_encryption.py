"""Encryption at rest through the real command line: after `wardchart encrypt`
neither the chart file nor its backups hold a readable name or MRN, a wrong or missing
passphrase changes nothing, and `wardchart decrypt` gives back every record."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from wardchart.storage.backup import backup_folder

Cli = Callable[..., tuple[int, str, str]]
PASSPHRASE = "a long ward passphrase"
SECRETS = (b"Okafor", b"MRN100231", b"Lindqvist", b"MRN100242")


def _all_bytes(chart: Path) -> list[tuple[Path, bytes]]:
    files = [chart, *(Path(f"{chart}{s}") for s in ("-wal", "-shm"))]
    files += sorted(backup_folder(chart).iterdir())
    return [(f, f.read_bytes()) for f in files if f.is_file()]


@pytest.fixture
def encrypted(cli: Cli, chart_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    assert cli("demo")[0] == 0
    assert cli("backup")[0] == 0
    before = dict(_all_bytes(chart_path))
    assert any(s in data for data in before.values() for s in SECRETS)  # plain at first
    monkeypatch.setenv("WARDCHART_NEW_PASSPHRASE", PASSPHRASE)
    status, out, err = cli("encrypt")
    assert status == 0, err
    assert out == f"Encrypted {chart_path} and 1 backup\n"
    return chart_path


def test_nothing_readable_is_left_in_the_file_or_its_backups(
    cli: Cli, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARDCHART_PASSPHRASE", PASSPHRASE)
    assert (
        cli(
            "lab",
            "add",
            "--mrn",
            "MRN100231",
            "--taken",
            "2026-01-05 06:00",
            "--wbc",
            "3.1",
            "--anc",
            "1.4",
            "--confirm",
        )[0]
        == 0
    )
    assert cli("backup")[0] == 0  # a backup of an encrypted chart
    files = _all_bytes(encrypted)
    assert len([f for f, _ in files if f.parent == backup_folder(encrypted)]) == 2
    for path, data in files:
        if path.name.endswith("-shm"):
            continue  # the WAL index: page numbers and checksums, no content
        assert not data.startswith(b"SQLite format 3"), path
        for secret in SECRETS:
            assert secret not in data, (path, secret)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted).execute("SELECT * FROM patients").fetchall()
    status, out, _ = cli("backups")
    assert status == 0
    assert "NO" not in out  # every backup verified with the passphrase


def test_without_or_with_a_wrong_passphrase_nothing_changes(
    cli: Cli, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _all_bytes(encrypted)
    status, out, err = cli("patient", "list")
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert f"chart file {encrypted} is encrypted" in err
    assert "set WARDCHART_PASSPHRASE" in err
    monkeypatch.setenv("WARDCHART_PASSPHRASE", "not the passphrase at all")
    status, out, err = cli(
        "lab", "add", "--mrn", "MRN100231", "--taken", "2026-01-05 06:00", "--wbc", "3.1"
    )
    assert (status, out) == (2, "")
    assert err.count("\n") == 1  # one line, no SQLCipher chatter
    assert "wrong passphrase" in err
    assert _all_bytes(encrypted) == before


def test_decrypt_gives_every_record_back(
    cli: Cli, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARDCHART_PASSPHRASE", PASSPHRASE)
    status, before, _ = cli("export", "--format", "csv")
    assert status == 0
    status, out, err = cli("decrypt")
    assert status == 0, err
    assert encrypted.read_bytes()[:16] == b"SQLite format 3\x00"
    monkeypatch.delenv("WARDCHART_PASSPHRASE")
    status, after, _ = cli("export", "--format", "csv")
    assert (status, after) == (0, before)
    status, out, _ = cli("check")
    assert status == 0
    assert "audit chain: OK" in out


def test_short_passphrase_and_double_encryption_are_refused(
    cli: Cli, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARDCHART_PASSPHRASE", PASSPHRASE)
    status, _, err = cli("encrypt")
    assert status == 2
    assert "already encrypted" in err
    monkeypatch.setenv("WARDCHART_NEW_PASSPHRASE", "short")
    assert cli("decrypt")[0] == 0
    before = encrypted.read_bytes()
    status, _, err = cli("encrypt")
    assert status == 2
    assert "at least 12 characters" in err
    assert encrypted.read_bytes() == before
