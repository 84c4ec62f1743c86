"""Damaged, truncated, foreign and locked chart files: a clear line, no traceback, untouched."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from wardchart.cli import main

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def demo_chart(tmp_path: Path) -> Path:
    path = tmp_path / "ward.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])


def _corrupt_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    for page in range(1, len(data) // 4096):  # every page but the first
        start = page * 4096 + 16
        data[start : start + 600] = bytes(rng.randrange(256) for _ in range(600))
    path.write_bytes(bytes(data))


def _zero_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100
    path.write_bytes(bytes(data))


DAMAGE = {"truncated": _truncate, "corrupted pages": _corrupt_pages, "zeroed header": _zero_header}
COMMANDS = [
    ["patient", "list"],
    ["summary", "--mrn", "MRN100231", "--json"],
    ["lab", "add", "--mrn", "MRN100231", "--taken", "2026-01-01 08:00", "--wbc", "2"],
    ["export", "--format", "csv"],
    ["check"],
    ["backup"],
]


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_damaged_file_gets_one_clear_line_and_stays_untouched(
    demo_chart: Path, capsys: pytest.CaptureFixture[str], damage: str, command: list[str]
) -> None:
    DAMAGE[damage](demo_chart)
    before = demo_chart.read_bytes()
    status = main(["--db", str(demo_chart), *command])
    captured = capsys.readouterr()
    assert status in (1, 2), (damage, command, captured.out[:200])
    if status == 2:
        assert captured.err.count("\n") == 1
        assert str(demo_chart) in captured.err
    else:  # `check` reports what is wrong, one line per check
        assert "FAILED" in captured.out
    assert "Traceback" not in captured.err + captured.out
    assert demo_chart.read_bytes() == before
    if command[0] == "backup":  # a damaged file never becomes a "verified" backup
        assert not list((demo_chart.parent / "ward-backups").glob("*.sqlite"))


def test_a_file_locked_by_another_program(demo_chart: Path) -> None:
    """Another program holds the write lock: the command waits, then says so in one line."""
    holder = sqlite3.connect(demo_chart, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "wardchart",
                "--db",
                str(demo_chart),
                "lab",
                "add",
                "--mrn",
                "MRN100231",
                "--taken",
                "2026-01-01 08:00",
                "--wbc",
                "2",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "in use by another program" in done.stderr
    assert "Traceback" not in done.stderr
