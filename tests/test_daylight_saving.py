"""The command line and the CSV import on a computer in New York, around its clock changes.

Real processes with TZ=America/New_York: the zone is the process's own, as on a ward PC.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

NEW_YORK = {"TZ": "America/New_York", "WARDCHART_USER": "nurse ny"}


def _run(chart: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wardchart", "--db", str(chart), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **NEW_YORK},
        check=False,
        timeout=120,
    )


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "ny.sqlite"
    done = _run(
        path, "patient", "add", "--mrn", "NY-1", "--name", "York, Nia", "--dob", "1960-01-01"
    )
    assert done.returncode == 0, done.stderr
    return path


def _rows(chart: Path, table: str) -> list[tuple[str, ...]]:
    with sqlite3.connect(chart) as db:
        column = "given_at" if table == "gcsf_doses" else "taken_at"
        return db.execute(f"SELECT {column} FROM {table}").fetchall()


@pytest.mark.parametrize(
    ("args", "flag", "words"),
    [
        (
            ["lab", "add", "--taken", "2026-03-08 02:30", "--anc", "1.5", "--confirm"],
            "--taken",
            "did not exist",
        ),
        (
            ["lab", "add", "--taken", "2026-11-01 01:30", "--anc", "1.5", "--confirm"],
            "--taken",
            "twice",
        ),
        (
            ["temp", "add", "--taken", "2026-03-08 02:05", "--celsius", "37", "--confirm"],
            "--taken",
            "did not",
        ),
        (
            ["gcsf", "add", "--given", "2026-11-01 01:10", "--drug", "filgrastim"],
            "--given",
            "twice",
        ),
    ],
)
def test_the_command_line_refuses_a_skipped_or_repeated_local_time(
    chart: Path, args: list[str], flag: str, words: str
) -> None:
    before = chart.read_bytes()
    done = _run(chart, args[0], args[1], "--mrn", "NY-1", *args[2:])
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"wardchart: error: {flag}: ")
    assert done.stderr.count("\n") == 1
    assert words in done.stderr
    assert chart.read_bytes() == before


def test_an_explicit_offset_records_exactly_that_instant(chart: Path) -> None:
    done = _run(
        chart,
        "lab",
        "add",
        "--mrn",
        "NY-1",
        "--taken",
        "2026-11-01 01:30 -05:00",
        "--anc",
        "1.5",
        "--confirm",
    )
    assert done.returncode == 0, done.stderr
    assert _rows(chart, "results") == [("2026-11-01T01:30:00-05:00",)]


@pytest.mark.parametrize(
    ("taken", "words"), [("2026-03-08 02:30", "did not exist"), ("2026-11-01 01:30", "twice")]
)
def test_the_csv_import_refuses_a_skipped_or_repeated_local_time(
    chart: Path, tmp_path: Path, taken: str, words: str
) -> None:
    csv = tmp_path / "labs.csv"
    csv.write_text(f"MRN,taken,anc\nNY-1,2026-03-07 08:00,1.2\nNY-1,{taken},1.5\n")
    before = chart.read_bytes()
    done = _run(chart, "import", str(csv), "--confirm")
    assert done.returncode == 2
    assert "line 3" in done.stderr
    assert "taken" in done.stderr
    assert words in done.stderr
    assert chart.read_bytes() == before
