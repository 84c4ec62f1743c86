"""The command line through its real entry point, on real chart files."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from wardchart import __version__
from wardchart.cli.base import global_parser
from wardchart.cli.entry import _window_command_line, parse

Cli = Callable[..., tuple[int, str, str]]
TODAY = datetime.now().astimezone().date()
DAY1 = (TODAY - timedelta(days=9)).isoformat()
TAKEN = f"{(TODAY - timedelta(days=1)).isoformat()} 07:30"


@pytest.fixture
def admitted(cli: Cli) -> Cli:
    assert (
        cli(
            "patient",
            "add",
            "--mrn",
            "00123456",
            "--name",
            "Doe, Jane",
            "--dob",
            "1965-04-12",
            "--sex",
            "F",
            "--bed",
            "412",
        )[0]
        == 0
    )
    assert cli("cycle", "start", "--mrn", "00123456", "--regimen", "AC", "--day1", DAY1)[0] == 0
    return cli


def files(chart_path: Path) -> dict[str, bytes]:
    """The chart file and any journal beside it, byte for byte."""
    return {p.name: p.read_bytes() for p in chart_path.parent.glob(chart_path.name + "*")}


def test_record_a_cbc_and_read_the_summary(admitted: Cli) -> None:
    status, out, _ = admitted(
        "lab",
        "add",
        "--mrn",
        "00123456",
        "--taken",
        TAKEN,
        "--wbc",
        "2.1",
        "--neut-pct",
        "40",
        "--bands-pct",
        "5",
    )
    assert status == 0
    assert "ANC 0.95 ×10⁹/L" in out
    assert "grade 3, CTCAE v5.0" in out
    status, out, _ = admitted("summary", "--mrn", "00123456", "--json")
    summary = json.loads(out)
    (cycle,) = summary["cycles"]
    assert cycle["day1"] == DAY1
    assert cycle["nadir_window"] == [10, 14]
    (result,) = cycle["results"]
    assert result["anc"] == 0.945
    assert result["anc_source"] == "computed"
    assert result["cycle_day"] == 9
    assert result["taken"][:10] == TAKEN[:10]
    assert result["taken"][19:] in (datetime.now().astimezone().isoformat()[-6:],)
    assert cycle["nadir"]["grade"] == 3
    v6 = json.loads(admitted("summary", "--mrn", "00123456", "--json", "--ctcae", "6.0")[1])
    assert v6["ctcae_version"] == "6.0"
    assert v6["cycles"][0]["nadir"]["grade"] == 2


def test_fever_rules_in_the_summary(admitted: Cli) -> None:
    admitted("lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--anc", "0.8", "--wbc", "2")
    fever = f"{TAKEN[:10]} 10:00"
    assert (
        admitted("temp", "add", "--mrn", "00123456", "--taken", fever, "--celsius", "38.3")[0] == 0
    )

    def kinds(rule: str) -> list[str]:
        out = admitted("summary", "--mrn", "00123456", "--json", "--fn-rule", rule)[1]
        data = json.loads(out)
        assert data["fn_rule"] == rule
        return [a["kind"] for a in data["alerts"]]

    assert kinds("idsa2010") == []  # ANC 0.8 is not < 0.5
    assert kinds("nice") == []  # 38.3 > 38 but ANC 0.8 > 0.5
    assert kinds("ctcae") == []  # 38.3 is not > 38.3
    admitted(
        "temp", "add", "--mrn", "00123456", "--taken", f"{TAKEN[:10]} 11:15", "--fahrenheit", "101"
    )
    assert kinds("ctcae") == ["febrile_neutropenia"]  # 38.33 °C, ANC < 1.0, over an hour


def test_an_entry_that_raises_a_fever_alert_says_so_on_the_command_line(admitted: Cli) -> None:
    """The window's header shows a new febrile-neutropenia alert at once; the command that
    charted the entry says it too, with what to do — and says nothing when none is new."""
    day = TAKEN[:10]
    status, out, _ = admitted(
        "temp", "add", "--mrn", "00123456", "--taken", f"{day} 07:00", "--celsius", "37.1"
    )
    assert (status, out.count("\n")) == (0, 1)  # no alert: the one line
    # a fever with no recent ANC: possible febrile neutropenia
    status, out, _ = admitted(
        "temp", "add", "--mrn", "00123456", "--taken", f"{day} 08:00", "--celsius", "38.6"
    )
    lines = out.splitlines()
    assert lines[0] == "Recorded temperature 38.6 °C for MRN 00123456"
    assert lines[1].startswith(
        f"⚠ POSSIBLE FEBRILE NEUTROPENIA (no recent ANC) [IDSA 2010] {day} 08:00: "
    )
    assert lines[2].startswith("Suspected neutropenic fever is an emergency: escalate now")
    # the count that confirms it, taken before the fever and charted after: the CBC says so
    status, out, _ = admitted(
        "lab", "add", "--mrn", "00123456", "--taken", f"{day} 07:30", "--anc", "0.4"
    )
    assert status == 0
    assert "⚠ FEBRILE NEUTROPENIA [IDSA 2010]" in out, out
    assert "ANC 0.4" in out
    # a later normal reading raises nothing new
    status, out, _ = admitted(
        "temp", "add", "--mrn", "00123456", "--taken", f"{day} 09:00", "--celsius", "37.0"
    )
    assert (status, out.count("\n")) == (0, 1)


def test_possible_fn_without_a_recent_anc(admitted: Cli) -> None:
    admitted(
        "temp", "add", "--mrn", "00123456", "--taken", TAKEN, "--celsius", "38.6", "--route", "oral"
    )
    data = json.loads(admitted("summary", "--mrn", "00123456", "--json")[1])
    (alert,) = data["alerts"]
    assert alert["kind"] == "possible_febrile_neutropenia"
    assert alert["rule"] == "IDSA 2010"
    assert alert["at"][:16] == TAKEN.replace(" ", "T")


def test_census(admitted: Cli) -> None:
    admitted("lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--anc", "0.42", "--wbc", "1.1")
    status, out, _ = admitted("patient", "list")
    assert status == 0
    assert "Doe, Jane" in out
    assert "C1 D10" in out
    assert "0.42" in out
    assert "G4 (v5.0)" in out
    (row,) = json.loads(admitted("patient", "list", "--json")[1])
    assert row["mrn"] == "00123456"
    assert row["nadir_status"] == "in window"


def test_gcsf_precautions_and_export(admitted: Cli, tmp_path: Path) -> None:
    assert (
        admitted(
            "gcsf",
            "add",
            "--mrn",
            "00123456",
            "--given",
            TAKEN,
            "--drug",
            "pegfilgrastim",
            "--dose",
            "6 mg",
        )[0]
        == 0
    )
    assert admitted("precautions", "set", "--mrn", "00123456")[0] == 0
    admitted(
        "lab",
        "add",
        "--mrn",
        "00123456",
        "--taken",
        TAKEN,
        "--wbc",
        "149",
        "--anc",
        "110",
        "--anc-lln",
        "2.0",
    )
    out = admitted("export", "--format", "csv")[1]
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["kind"] for r in rows} >= {"cycle", "result", "gcsf", "precautions"}
    result = next(r for r in rows if r["kind"] == "result")
    assert (result["mrn"], result["anc"], result["anc_grade"]) == ("00123456", "110", "0")
    target = tmp_path / "export.json"
    assert admitted("export", "--format", "json", "--mrn", "00123456", "--out", str(target))[0] == 0
    (chart,) = json.loads(target.read_text())
    assert chart["gcsf_doses"][0]["drug"] == "pegfilgrastim"
    assert chart["precautions"] is True
    show = admitted("audit", "show", "--mrn", "00123456")[1]
    assert "export" in show


def test_import_csv(admitted: Cli, tmp_path: Path) -> None:
    path = tmp_path / "labs.csv"
    path.write_text(f"mrn,taken,wbc,anc\n00123456,{TAKEN},2.0,0.3\n", encoding="utf-8")
    status, out, _ = admitted("import", str(path))
    assert status == 0
    assert "Imported 1 result" in out


def test_regimens_and_settings(admitted: Cli) -> None:
    cli = admitted
    out = cli("regimen", "list")[1]
    assert "R-CHOP-21" in out
    assert "days 10–12" in out
    assert (
        cli(
            "regimen",
            "set",
            "--name",
            "Trial-X",
            "--cycle-length",
            "28",
            "--nadir-window",
            "8-15",
            "--anc-threshold",
            "1.0",
        )[0]
        == 0
    )
    library = {r["name"]: r for r in json.loads(cli("regimen", "list", "--json")[1])}
    assert library["Trial-X"]["nadir_window"] == [8, 15]
    assert library["Trial-X"]["anc_threshold"] == 1.0
    assert cli("settings", "set", "ctcae_version", "6.0")[0] == 0
    assert "ctcae_version = 6.0" in cli("settings", "show")[1]


def test_audit_verify(admitted: Cli) -> None:
    status, out, _ = admitted("audit", "verify")
    assert status == 0
    assert out.startswith("OK")


def test_demo_writes_a_live_ward_and_refuses_a_used_file(cli: Cli) -> None:
    assert cli("demo")[0] == 0
    census = json.loads(cli("patient", "list", "--json")[1])
    assert 10 <= len(census) <= 14
    assert sum(row["nadir_status"] == "in window" for row in census) >= 2
    grades = set()
    for row in census:
        data = json.loads(cli("summary", "--mrn", row["mrn"], "--json")[1])
        assert 1 <= len(data["cycles"]) <= 4
        grades |= {c["nadir"]["grade"] for c in data["cycles"] if c["nadir"]}
        if any(a["kind"] == "febrile_neutropenia" for a in data["alerts"]):
            grades.add("fn")
        if data["gcsf_doses"]:
            grades.add("gcsf")
    assert {0, 1, 2, 3, 4, "fn", "gcsf"} <= grades
    status, _, err = cli("demo")
    assert status == 2
    assert "already holds charts" in err


ERRORS = [
    (["lab", "add", "--mrn", "nobody", "--taken", TAKEN, "--wbc", "2"], "--mrn"),
    (["lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "abc"], "--wbc"),
    (["lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "1,5"], "--wbc"),
    (["lab", "add", "--mrn", "00123456", "--taken", "2999-01-01 08:00", "--wbc", "2"], "--taken"),
    (["lab", "add", "--mrn", "00123456", "--taken", "yesterday", "--wbc", "2"], "--taken"),
    (["lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "2100"], "--wbc"),
    (
        ["lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "2", "--unit", "mmol/L"],
        "--unit",
    ),
    (["lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "1", "--anc", "2"], "--anc"),
    (["lab", "add", "--mrn", "00123456", "--taken", TAKEN], "--wbc"),
    (
        ["lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "5", "--neut-pct", "0.4"],
        "--neut-pct",
    ),
    (["lab", "add", "--mrn", "00123456", "--wbc", "2"], "--taken"),
    (["temp", "add", "--mrn", "00123456", "--taken", TAKEN, "--celsius", "101"], "--celsius"),
    (
        [
            "temp",
            "add",
            "--mrn",
            "00123456",
            "--taken",
            TAKEN,
            "--celsius",
            "38",
            "--fahrenheit",
            "100",
        ],
        "--fahrenheit",
    ),
    (["gcsf", "add", "--mrn", "00123456", "--given", TAKEN, "--drug", " "], "--drug"),
    (["patient", "add", "--mrn", "00123456", "--name", "Dup", "--dob", "1970-01-01"], "--mrn"),
    (["patient", "add", "--mrn", "9", "--name", "X", "--dob", "1970-02-30"], "--dob"),
    (["cycle", "start", "--mrn", "00123456", "--regimen", "Trial-X", "--day1", DAY1], "--regimen"),
    (["cycle", "start", "--mrn", "00123456", "--regimen", "AC", "--day1", DAY1], "--day1"),
    (["cycle", "start", "--mrn", "00123456", "--regimen", "AC", "--day1", "2999-01-01"], "--day1"),
    (
        [
            "cycle",
            "start",
            "--mrn",
            "00123456",
            "--regimen",
            "X",
            "--day1",
            TAKEN[:10],
            "--nadir-window",
            "14-7",
        ],
        "--nadir-window",
    ),
    (["summary", "--mrn", "nobody", "--json"], "--mrn"),
    (["settings", "set", "ctcae_version", "4.0"], "ctcae_version"),
    (["export", "--format", "xml"], "--format"),
]


@pytest.mark.parametrize(("args", "field"), ERRORS)
def test_errors_exit_2_with_one_line_and_write_nothing(
    admitted: Cli, chart_path: Path, args: list[str], field: str
) -> None:
    before = files(chart_path)
    status, out, err = admitted(*args)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("wardchart: error: ")
    assert field in err
    assert "Traceback" not in err
    assert files(chart_path) == before


def test_a_warning_can_be_confirmed(admitted: Cli) -> None:
    status, _, err = admitted("lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "600")
    assert status == 2
    assert "--confirm" in err
    assert (
        admitted("lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "600", "--confirm")[
            0
        ]
        == 0
    )


def test_an_impossible_value_cannot_be_confirmed(admitted: Cli) -> None:
    args = ["lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "2100", "--confirm"]
    status, _, err = admitted(*args)
    assert status == 2
    assert "--wbc" in err
    assert "2.100" in err
    assert "--confirm" not in err


def test_import_error_names_the_line_and_writes_nothing(
    admitted: Cli, chart_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "labs.csv"
    path.write_text(f"mrn,taken,wbc\n00123456,{TAKEN},2\n00123456,{TAKEN},-2\n")
    before = files(chart_path)
    status, _, err = admitted("import", str(path))
    assert status == 2
    assert "line 3: wbc" in err
    assert files(chart_path) == before


def test_export_to_an_unwritable_place_leaves_no_file(admitted: Cli, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.csv"
    status, _, err = admitted("export", "--format", "csv", "--out", str(target))
    assert status == 2
    assert "--out" in err or "out" in err
    assert not target.exists()
    assert list(target.parent.parent.glob("**/*.part")) == []


def test_reading_commands_do_not_create_a_chart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wardchart.cli import main

    missing = tmp_path / "typo.sqlite"
    assert main(["--db", str(missing), "patient", "list"]) == 2
    assert "no chart file" in capsys.readouterr().err
    assert not missing.exists()


def test_a_newer_file_is_refused_by_every_command(admitted: Cli, chart_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(chart_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('wardchart', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = files(chart_path)
    status, _, err = admitted("patient", "list")
    assert status == 2
    assert "newer wardchart" in err
    assert files(chart_path) == before


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wardchart", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_the_real_entry_point_and_wardchart_db(tmp_path: Path) -> None:
    chart = tmp_path / "env.sqlite"
    env = {"WARDCHART_DB": str(chart)}
    done = _run(
        "patient", "add", "--mrn", "1", "--name", "Env, Var", "--dob", "1950-01-01", env=env
    )
    assert done.returncode == 0, done.stderr
    assert chart.exists()
    listing = _run("patient", "list", env=env)
    assert "Env, Var" in listing.stdout
    bad = _run("lab", "add", "--mrn", "1", "--taken", "soon", "--wbc", "2", env=env)
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1
    assert "--taken" in bad.stderr
    version = _run("--version", env=env).stdout.splitlines()
    assert version[0] == f"wardchart {__version__}"
    assert f"Chart file: {chart} (in use)" in version
    assert "Grading: CTCAE v5.0 · febrile-neutropenia rule: IDSA 2010" in version
    assert "LGPL v3" in version[3]


def test_default_chart_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "WARDCHART_DB": ""}
    done = _run(
        "patient", "add", "--mrn", "1", "--name", "Default, Place", "--dob", "1950-01-01", env=env
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "wardchart" / "wardchart.sqlite").exists()


def test_backup_backups_restore_check_and_history(admitted: Cli, chart_path: Path) -> None:
    status, out, _ = admitted("backup")
    assert status == 0
    backup = Path(out.split(": ", 1)[1].rsplit(" (", 1)[0])
    assert backup.exists()
    admitted("patient", "add", "--mrn", "LATE", "--name", "Late, Lou", "--dob", "1970-01-01")
    listing = admitted("backups")[1]
    assert backup.name in listing
    assert "yes" in listing
    status, out, _ = admitted("restore", str(backup))
    assert status == 0
    assert "previous contents were saved" in out
    assert "Late, Lou" not in admitted("patient", "list")[1]
    status, out, _ = admitted("check")
    assert status == 0
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "integrity",
        "foreign keys",
        "audit chain",
        "schema",
        "schema objects",
        "ward",
    ]
    history = json.loads(admitted("history", "--mrn", "00123456", "--json")[1])
    assert {v["table"] for v in history} == {"patients", "cycles"}
    assert all(v["recorded_by"] for v in history)


def test_restore_of_a_missing_file_writes_nothing(admitted: Cli, chart_path: Path) -> None:
    before = files(chart_path)
    status, _, err = admitted("restore", str(chart_path.parent / "nope.sqlite"))
    assert status == 2
    assert "no backup file" in err
    assert files(chart_path) == before


def test_csv_export_neutralises_spreadsheet_formulas(cli: Cli) -> None:
    for mrn, name in (
        ("F1", '=HYPERLINK("http://x","y")'),
        ("F2", "+1+1"),
        ("F3", "@SUM(A1)"),
        ("F4", "-2+3"),
    ):
        assert (
            cli(
                "patient",
                "add",
                "--mrn",
                mrn,
                f"--name={name}",
                "--dob",
                "1970-01-01",
                "--bed",
                "1",
            )[0]
            == 0
        )
        assert cli("cycle", "start", "--mrn", mrn, "--regimen", "AC", "--day1", DAY1)[0] == 0
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv")[1])))
    names = {r["name"] for r in rows}
    assert names == {'\'=HYPERLINK("http://x","y")', "'+1+1", "'@SUM(A1)", "'-2+3"}


def _ids(cli: Cli, mrn: str) -> dict[str, list[str]]:
    data = json.loads(cli("history", "--mrn", mrn, "--json")[1])
    found: dict[str, list[str]] = {}
    for version in data:
        if version["supersedes"] is None:
            found.setdefault(version["table"], []).append(version["origin_id"])
    return found


def test_correct_each_kind_of_record(admitted: Cli) -> None:
    admitted("lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--anc", "0.2", "--wbc", "1")
    admitted("temp", "add", "--mrn", "00123456", "--taken", TAKEN, "--celsius", "38.9")
    admitted("gcsf", "add", "--mrn", "00123456", "--given", TAKEN, "--drug", "filgrastim")
    ids = _ids(admitted, "00123456")
    result, temp = ids["results"][0], ids["temperatures"][0]
    gcsf, cycle = ids["gcsf_doses"][0], ids["cycles"][0]
    assert (
        admitted(
            "correct", "lab", "--id", result[:8], "--reason", "typo", "--anc", "1.2", "--wbc", "3"
        )[0]
        == 0
    )
    assert (
        admitted("correct", "temp", "--id", temp, "--reason", "typo", "--celsius", "37.9")[0] == 0
    )
    assert (
        admitted("correct", "gcsf", "--id", gcsf, "--reason", "dose", "--dose", "300 mcg")[0] == 0
    )
    new_day1 = (TODAY - timedelta(days=8)).isoformat()
    assert (
        admitted(
            "correct", "cycle", "--id", cycle, "--reason", "given a day later", "--day1", new_day1
        )[0]
        == 0
    )
    summary = json.loads(admitted("summary", "--mrn", "00123456", "--json")[1])
    (c,) = summary["cycles"]
    assert c["day1"] == new_day1
    assert c["results"][0]["anc"] == 1.2
    assert c["results"][0]["corrected"] is True
    assert c["results"][0]["cycle_day"] == 8  # was day 9 before day 1 moved
    assert summary["temperatures"][0]["celsius"] == 37.9
    assert summary["gcsf_doses"][0]["dose"] == "300 mcg"
    assert summary["alerts"] == []  # the fever was a typo
    assert (
        admitted(
            "correct",
            "entered-in-error",
            "--kind",
            "gcsf",
            "--id",
            gcsf,
            "--reason",
            "wrong patient",
        )[0]
        == 0
    )
    assert json.loads(admitted("summary", "--mrn", "00123456", "--json")[1])["gcsf_doses"] == []
    history = json.loads(admitted("history", "--mrn", "00123456", "--json")[1])
    assert [v["reason"] for v in history if v["origin_id"] == gcsf] == ["", "dose", "wrong patient"]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["correct", "lab", "--id", "0000", "--reason", "x", "--wbc", "1"], "--id"),
        (["correct", "lab", "--id", "00000000", "--reason", "x", "--wbc", "1"], "--id"),
        (
            [
                "correct",
                "entered-in-error",
                "--kind",
                "result",
                "--id",
                "deadbeef",
                "--reason",
                "x",
            ],
            "--id",
        ),
        (["correct", "patient", "--mrn", "00123456", "--reason", " ", "--bed", "9"], "--reason"),
        (["correct", "patient", "--mrn", "nobody", "--reason", "x", "--bed", "9"], "--mrn"),
    ],
)
def test_correction_errors_write_nothing(
    admitted: Cli, chart_path: Path, args: list[str], field: str
) -> None:
    before = files(chart_path)
    status, _, err = admitted(*args)
    assert status == 2
    assert err.count("\n") == 1
    assert field in err
    assert files(chart_path) == before


def test_a_portable_install_keeps_its_chart_beside_the_program(tmp_path: Path) -> None:
    program = tmp_path / "stick" / "wardchart"
    program.mkdir(parents=True)
    launcher = program / "launch.py"
    launcher.write_text("import sys\nfrom wardchart.cli import main\nsys.exit(main())\n")
    env = {**os.environ, "WARDCHART_DB": "", "XDG_DATA_HOME": str(tmp_path / "home-data")}
    args = [
        sys.executable,
        str(launcher),
        "patient",
        "add",
        "--mrn",
        "P1",
        "--name",
        "Port, Able",
        "--dob",
        "1970-01-01",
    ]
    assert subprocess.run(args, env=env, check=False, capture_output=True).returncode == 0
    assert (tmp_path / "home-data" / "wardchart" / "wardchart.sqlite").exists()
    (program / "wardchart-portable").write_text("")
    assert subprocess.run(args, env=env, check=False, capture_output=True).returncode == 0
    assert (program / "data" / "wardchart.sqlite").exists()


def test_an_import_warning_gives_one_hint_and_every_warning_of_its_line(
    admitted: Cli, chart_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "labs.csv"
    path.write_text(f"mrn,taken,wbc,neut_pct\n00123456,{TAKEN},600,0.5\n", encoding="utf-8")
    before = files(chart_path)
    status, _, err = admitted("import", str(path))
    assert status == 2
    assert err.count("\n") == 1
    assert err.count("--confirm") == 1
    assert "line 2: " in err
    assert "wbc: " in err  # both warnings: --confirm accepts both, so both are shown
    assert "neut_pct: " in err
    assert files(chart_path) == before


def test_a_command_line_warning_shows_every_warning_before_confirm_accepts_them(
    admitted: Cli, chart_path: Path
) -> None:
    args = ("lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc=600", "--neut-pct=0.5")
    before = files(chart_path)
    status, _, err = admitted(*args)
    assert status == 2
    assert err.count("\n") == 1
    assert "--wbc: " in err
    assert "--neut-pct: " in err
    assert err.count("--confirm") == 1
    assert err.rstrip().endswith("if the values are right, add --confirm")
    assert files(chart_path) == before


def test_a_time_with_whole_seconds_is_saved_exactly_and_reported_once(
    admitted: Cli, chart_path: Path
) -> None:
    taken = f"{(TODAY - timedelta(days=1)).isoformat()} 09:10:30"
    status, out, err = admitted(
        "lab", "add", "--mrn=00123456", f"--taken={taken}", "--wbc=2", "--neut-pct=40"
    )
    assert (status, err) == (0, "")
    assert out.startswith("Recorded CBC for MRN 00123456: ANC 0.8")
    summary = json.loads(admitted("summary", "--mrn=00123456", "--json")[1])
    assert taken.replace(" ", "T") in json.dumps(summary)


def test_a_fraction_of_a_second_saves_nothing_and_says_so(admitted: Cli, chart_path: Path) -> None:
    before = files(chart_path)
    taken = f"{(TODAY - timedelta(days=1)).isoformat()} 09:10:30.5"
    status, out, err = admitted(
        "lab", "add", "--mrn=00123456", f"--taken={taken}", "--wbc=2", "--neut-pct=40"
    )
    assert (status, out) == (2, "")
    assert err.startswith("wardchart: error: --taken: ")
    assert "fraction of a second" in err
    assert files(chart_path) == before


def test_a_failure_after_the_commit_is_known_to_have_saved(admitted: Cli, chart_path: Path) -> None:
    """Whatever fails after a write committed, the command knows it saved (the entry point
    then says so, and exits 0, instead of "nothing was saved" that invites a retry)."""
    from datetime import datetime as clock
    from decimal import Decimal

    from wardchart.cli.base import Context
    from wardchart.cli.common import chart
    from wardchart.storage import operations, queries

    now = clock.now().astimezone()

    def save_then_fail(context: Context) -> None:
        with chart(context, create=False) as session:
            store = session.store
            patient = queries.require_patient(store.db, "00123456")
            assert not context.saved
            operations.record_temperature(
                store,
                patient=patient,
                value=Decimal("37.2"),
                unit="C",
                taken=now - timedelta(hours=1),
                route="oral",
                actor="nurse",
                now=now,
            )
            raise LookupError("after the save")

    def fail_before_saving(context: Context) -> None:
        with chart(context, create=False):
            raise LookupError("before any save")

    saved = Context(chart_path, "nurse", now)
    with pytest.raises(LookupError):
        save_then_fail(saved)
    assert saved.saved
    refused = Context(chart_path, "nurse", now)
    with pytest.raises(LookupError):
        fail_before_saving(refused)
    assert not refused.saved


def test_a_recorded_count_is_reported_as_a_lab_shows_it(admitted: Cli) -> None:
    # 1.99 × 50.2 % = 0.99898: grade 3, so neither "1.00" (on the grade line) nor 5 decimals.
    status, out, _ = admitted(
        "lab", "add", "--mrn", "00123456", "--taken", TAKEN, "--wbc", "1.99", "--neut-pct", "50.2"
    )
    assert status == 0
    assert "ANC 0.999 ×10⁹/L (computed), grade 3" in out


def test_history_text_is_readable_and_whole(admitted: Cli) -> None:
    note = "pharmacy confirmed the dose with the consultant before the first infusion"
    long_diagnosis = "Diffuse large B-cell lymphoma, stage IIIB, " + note
    assert (
        admitted(
            "correct",
            "patient",
            "--mrn",
            "00123456",
            "--diagnosis",
            long_diagnosis,
            "--reason",
            "full diagnosis from the referral letter",
        )[0]
        == 0
    )
    status, out, _ = admitted("history", "--mrn", "00123456")
    assert status == 0
    cycle = json.loads(admitted("history", "--mrn", "00123456", "--json")[1])
    regimen_id = next(v["regimen_id"] for v in cycle if v["table"] == "cycles")
    assert len(regimen_id) > 8  # --json keeps the id whole
    # Field labels as in the window; the id cut to 8 characters, and said to be.
    assert "regimen id (first 8): " + regimen_id[:8] in out
    assert regimen_id not in out
    assert "regimen: AC" in out
    assert "date of birth: 1965-04-12" in out
    assert "regimen_id" not in out
    assert "regimen_nam" not in out.replace("regimen_name", "")
    # Nothing cut: every word of the long diagnosis is in the text, wrapped on lines.
    flowing = " ".join(out.split())
    assert long_diagnosis in flowing
    assert "Record id (first 8)" in out.splitlines()[0]


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--db", "ward.sqlite"],
        ["--db", ""],
        ["--db", "/srv/ward 7/chart.sqlite"],
        ["/srv/ward 7/chart.sqlite"],
        ["chart.sqlite"],
    ],
)
def test_the_window_command_lines_read_as_the_parser_reads_them(words: list[str]) -> None:
    # The window's usual command lines are read without building a parser; what they give
    # must be exactly what the global parser gives.
    parsed, rest = global_parser().parse_known_args(words)
    if rest:  # `wardchart FILE`
        parsed.db, rest = rest[0], []
    assert not rest
    assert vars(parse(words)) == {**vars(parsed), "command": None}


@pytest.mark.parametrize(
    "words", [["demo"], ["--db", "x.sqlite", "demo"], ["--user", "ann"], ["--version"]]
)
def test_other_command_lines_still_go_through_the_parser(words: list[str]) -> None:
    assert _window_command_line(words) is None
