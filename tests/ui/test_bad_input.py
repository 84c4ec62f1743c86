"""More than a hundred malformed inputs through the command line and the window's dialog.

Each must get one clear line naming the field, and the chart file must not change by a byte.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from wardchart.storage.database import ChartStore

Cli = Callable[..., tuple[int, str, str]]
TODAY = datetime.now().astimezone().date()
TAKEN = f"{TODAY - timedelta(days=1)} 07:30"
DAY1 = (TODAY - timedelta(days=9)).isoformat()

BAD_NUMBERS = [
    "",
    "abc",
    "NaN",
    "inf",
    "-inf",
    "1e309",
    "9" * 400,
    "1,5",
    "1.2.3",
    "\x07",
    "0x1F",
    "1; DROP TABLE results",
    "=1+1",
    "٣",
]
COUNT_FLAGS = [
    "--wbc",
    "--anc",
    "--neut-pct",
    "--bands-pct",
    "--platelets",
    "--anc-lln",
    "--wbc-lln",
]

CASES: list[tuple[list[str], str]] = []
for flag in COUNT_FLAGS:
    for value in BAD_NUMBERS:
        base = ["--wbc=5"] if flag != "--wbc" else []
        if flag == "--bands-pct":
            base.append("--neut-pct=40")
        CASES.append(
            (["lab", "add", "--mrn", "A-1", "--taken", TAKEN, *base, f"{flag}={value}"], flag)
        )
for flag, value in [
    ("--wbc", "-1"),
    ("--anc", "-0.1"),
    ("--neut-pct", "100.5"),
    ("--bands-pct", "101"),
    ("--platelets", "-5"),
    ("--anc-lln", "-2"),
]:
    CASES.append(
        (
            [
                "lab",
                "add",
                "--mrn",
                "A-1",
                "--taken",
                TAKEN,
                "--wbc=5",
                "--neut-pct=40",
                f"{flag}={value}",
            ],
            flag,
        )
    )
CASES.append((["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=1", "--anc=2"], "--anc"))
CASES.append(
    (
        [
            "lab",
            "add",
            "--mrn",
            "A-1",
            "--taken",
            TAKEN,
            "--wbc=2",
            "--neut-pct=96",
            "--bands-pct=5",
        ],
        "--bands-pct",
    )
)
for value in [
    "",
    "tomorrow",
    "2999-01-01 00:00",
    "1900-01-01 08:00",
    "2026-02-30 08:00",
    "2026-13-01 08:00",
    "25:00",
    "2026-03-01 24:61",
    "'; DROP TABLE results; --",
    "\x00",
    "2026-03-01T08:00+25:00",
    "=NOW()",
]:
    CASES.append((["lab", "add", "--mrn", "A-1", f"--taken={value}", "--wbc=5"], "--taken"))
for value in ["", "mmol/L", "10^6/L", "=cmd|'/C calc'!A0", "x" * 500, "\t"]:
    CASES.append(
        (["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc=5", f"--unit={value}"], "--unit")
    )
for value in ["nobody", "", "' OR 1=1 --", '=HYPERLINK("x")', "\t", "a" * 300]:
    CASES.append((["lab", "add", f"--mrn={value}", "--taken", TAKEN, "--wbc=5"], "--mrn"))
for value in ["abc", "NaN", "inf", "-5", "0", "1,5", "9" * 50]:
    CASES.append(
        (["temp", "add", "--mrn", "A-1", "--taken", TAKEN, f"--celsius={value}"], "--celsius")
    )
for value in ["", "x" * 300, "Bad\x1bName", "Tab\tName"]:
    CASES.append(
        (["patient", "add", "--mrn", "NEW", f"--name={value}", "--dob", "1970-01-01"], "--name")
    )
for value in ["", "2999-01-01", "1970-02-30", "01/02/1970", "yesterday"]:
    CASES.append(
        (["patient", "add", "--mrn", "NEW", "--name", "New, Ned", f"--dob={value}"], "--dob")
    )
for value in ["", "7", "14-7", "0-5", "a-b", "7-14-21"]:
    CASES.append(
        (
            [
                "cycle",
                "start",
                "--mrn",
                "B-2",
                "--regimen",
                "Trial",
                "--day1",
                DAY1,
                f"--nadir-window={value}",
            ],
            "--nadir-window",
        )
    )
for value in ["\x07", "d" * 200]:
    CASES.append((["gcsf", "add", "--mrn", "A-1", "--given", TAKEN, f"--drug={value}"], "--drug"))

# Files and commands: no output over the chart, odd --db paths, whole numbers that would
# reach Python's int() (see docs/files.md).
CYCLE_START = ["cycle", "start", "--mrn", "B-2", "--regimen", "AC", "--day1", DAY1]
CASES += [
    ([*CYCLE_START, "--cycle-length=²"], "--cycle-length"),
    ([*CYCLE_START, "--cycle-length=" + "9" * 23], "--cycle-length"),
    ([*CYCLE_START, "--nadir-window=1-" + "9" * 23], "--nadir-window"),
    ([*CYCLE_START, "--nadir-window=²-⁹"], "--nadir-window"),
    (["regimen", "set", "--name=X", "--cycle-length=٢١", "--nadir-window=7-14"], "--cycle-length"),
    (["settings", "set", "lock_after_minutes", "²"], "lock_after_minutes"),
    (["settings", "set", "backup_keep_days", "9" * 5000], "backup_keep_days"),
    (["report", "patient", "--mrn=A-1", "--cycle=³", "--out=never.pdf"], "--cycle"),
    (["patient", "list", "--db="], "--db"),
    (["lab", "add", "--db=/dev/null", "--mrn=A-1", f"--taken={TAKEN}", "--wbc=5"], "--db"),
    (["export", "--format=csv", "--db=typo.sqlite", "--out=typo.sqlite"], "--out"),
    (["export", "--format=json", "--db=typo.sqlite", "--out=typo.sqlite-wal"], "--out"),
    (["export", "--format=csv", "--db=typo.sqlite", "--out=typo-backups/x.csv"], "--out"),
    (["export", "--format=csv", "--db=typo.sqlite", "--out=./x/../typo.sqlite"], "--out"),
]


def test_there_are_more_than_a_hundred_cases() -> None:
    assert len(CASES) > 100


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.glob(path.name + "*")}


@pytest.mark.parametrize(("args", "field"), CASES, ids=[f"{i:03d}" for i in range(len(CASES))])
def test_bad_input_on_the_command_line(
    ward: ChartStore, cli: Cli, chart_path: Path, args: list[str], field: str
) -> None:
    ward.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the fixture's own saves, on disk
    before = _files(chart_path)
    status, out, err = cli(*args)
    assert status == 2, (args, out)
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("wardchart: error: ")
    assert field in err
    assert len(err) < 400
    assert _files(chart_path) == before


DIALOG_FIELDS = ["wbc", "anc", "neut_pct", "bands_pct", "platelets", "anc_lln", "wbc_lln"]


@pytest.mark.parametrize("field", DIALOG_FIELDS)
def test_bad_input_in_the_cbc_dialog(
    qtbot,
    window: object,
    ward: object,  # type: ignore[no-untyped-def]
    chart_path: Path,
    field: str,
) -> None:
    from ward_fixture import NOW  # noqa: F401  (the window fixture's clock)

    from wardchart.storage import queries
    from wardchart.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, "A-1")
    assert patient is not None
    window.census.select(patient.id)
    window.session.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _files(chart_path)
    for value in BAD_NUMBERS[1:]:  # a blank box in the dialog means "not measured"
        dialog = window.open_cbc()
        assert dialog is not None
        for name in DIALOG_FIELDS:
            edit = dialog.fields[name]
            assert isinstance(edit, QLineEdit)
            edit.setText("5" if name == "wbc" and field != "wbc" else "")
        target = dialog.fields[field]
        assert isinstance(target, QLineEdit)
        target.setText(value)
        dialog.accept()
        assert dialog.isVisible(), (field, value)
        assert dialog.message(field) or dialog.message("wbc"), (field, value)
        dialog.reject()
    assert _files(chart_path) == before
