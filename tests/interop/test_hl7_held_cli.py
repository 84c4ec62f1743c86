"""wardchart hl7 attach / hl7 dismiss: a nurse's decision about a held message, on the
command line (docs/hl7-import.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hl7_messages import MRN, cbc, message, msh, obr, pid

Cli = Callable[..., tuple[int, str, str]]


def counts(chart: Path) -> tuple[int, ...]:
    import sqlite3

    with sqlite3.connect(chart) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("results", "lab_messages", "lab_message_decisions", "audit_log")
        )


@pytest.fixture
def held(cli: Cli, tmp_path: Path) -> str:
    """A message for an MRN not on the chart, held; its id as `hl7 held` shows it."""
    assert cli("patient", "add", "--mrn", MRN, "--name", "Doe, Jane", "--dob", "1965-04-12")[0] == 0
    path = tmp_path / "unknown.hl7"
    path.write_bytes(message(msh("X1"), pid("77777777"), obr(), *cbc()))
    status, out, err = cli("hl7", "import", str(path))
    assert status == 0, err
    assert "held" in out
    status, out, _ = cli("hl7", "held")
    assert status == 0
    short = out.splitlines()[2].split()[0]  # under the header and its rule
    status, out, _ = cli("hl7", "held", "--json")
    (message_row,) = json.loads(out)
    assert message_row["id"].startswith(short)
    assert len(short) == 8
    return short


def test_attach_charts_the_results_to_the_named_patient(cli: Cli, held: str) -> None:
    status, out, err = cli(
        "hl7", "attach", "--message", held, "--mrn", MRN.lower(), "--reason", "MRN typo at lab"
    )
    assert (status, err) == (0, "")
    assert out == f"Attached lab message {held} to MRN {MRN}: charted (1 result)\n"
    assert cli("hl7", "held")[1] == "No held messages.\n"
    status, out, _ = cli("summary", "--mrn", MRN, "--json")
    (result,) = json.loads(out)["baseline"]
    assert (result["wbc"], result["anc"]) == (2.1, 0.84)
    status, out, _ = cli("audit", "show", "--mrn", MRN)
    assert "hl7_attached" in out


def test_dismiss_takes_it_off_the_list_and_charts_nothing(
    cli: Cli, held: str, chart_path: Path
) -> None:
    results = counts(chart_path)[0]
    status, out, err = cli("hl7", "dismiss", "--message", held, "--reason", "duplicate sample")
    assert (status, err) == (0, "")
    assert out.startswith(f"Dismissed lab message {held}")
    assert cli("hl7", "held")[1] == "No held messages.\n"
    assert counts(chart_path)[0] == results
    before = counts(chart_path)
    status, out, err = cli("hl7", "dismiss", "--message", held, "--reason", "again")
    assert (status, out) == (2, "")
    assert err.startswith("wardchart: error: --message: ")
    assert "no longer held" in err
    assert counts(chart_path) == before


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["attach", "--message", "1234", "--mrn", MRN, "--reason", "r"], "--message"),
        (["attach", "--message", "ffffffff", "--mrn", MRN, "--reason", "r"], "--message"),
        (["attach", "--message", "HELD", "--mrn", "NOPE", "--reason", "r"], "--mrn"),
        (["attach", "--message", "HELD", "--mrn", MRN, "--reason", "  "], "--reason"),
        (["attach", "--message", "HELD", "--mrn", MRN, "--reason", "ok\u200b"], "--reason"),
        (["dismiss", "--message", "HELD", "--reason", ""], "--reason"),
        (["dismiss", "--message", "HELD", "--reason", "a\u202eb"], "--reason"),
        (["dismiss", "--message", "not-an-id!", "--reason", "r"], "--message"),
    ],
)
def test_a_bad_decision_is_refused_in_one_line_and_writes_nothing(
    cli: Cli, held: str, chart_path: Path, args: list[str], field: str
) -> None:
    before = counts(chart_path)
    status, out, err = cli("hl7", *[held if a == "HELD" else a for a in args])
    assert (status, out) == (2, "")
    assert err.startswith(f"wardchart: error: {field}: ")
    assert err.count("\n") == 1
    assert counts(chart_path) == before
    assert held in cli("hl7", "held")[1]


def test_attach_through_the_real_program(held: str, chart_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "wardchart",
            "--db",
            str(chart_path),
            "hl7",
            "attach",
            "--message",
            held,
            "--mrn",
            MRN,
            "--reason",
            "confirmed with the lab by phone",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "charted (1 result)" in done.stdout
