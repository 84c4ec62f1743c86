"""Files and commands never destroy data: output paths, whole-or-nothing writes, restore,
checks before writing, interrupted encryption, odd --db paths (see docs/files.md).

Everything runs through the real command line on real files; where a process matters (a
full disk, a kill) it is a real subprocess.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from wardchart.storage.database import ChartStore
from wardchart.storage.schema import NUMERIC_VIEWS

Cli = Callable[..., tuple[int, str, str]]
TAKEN = f"{datetime.now().astimezone().date() - timedelta(days=1)} 07:30"
SQLITE_MAGIC = b"SQLite format 3\x00"


def _everything(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, byte for byte (journals and backups included)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _one_line_error(status: int, out: str, err: str, field: str) -> None:
    assert status == 2, (out, err)
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("wardchart: error: ")
    assert field in err, err
    assert "unexpected" not in err


@pytest.fixture
def settled(ward: ChartStore, chart_path: Path) -> Path:
    """The ward written and checkpointed: its files on disk are what a command finds."""
    ward.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return chart_path


# --- no output over the chart --------------------------------------------------------------


def _targets(chart: Path, cli: Cli) -> list[str]:
    assert cli("backup")[0] == 0
    folder = chart.with_name(f"{chart.stem}-backups")
    (backup,) = sorted(folder.glob("*.sqlite"))
    (chart.parent / "sub").mkdir()
    (chart.parent / "link.csv").symlink_to(chart)
    (chart.parent / "link-to-backup.csv").symlink_to(backup)
    os.link(chart, chart.parent / "hard.csv")
    (chart.parent / "backups-link").symlink_to(folder)
    return [
        str(chart),
        f"{chart}-wal",
        f"{chart}-shm",
        f"{chart}-journal",
        str(chart.parent / "sub" / ".." / chart.name),
        os.path.relpath(chart),
        str(chart.parent / "link.csv"),
        str(chart.parent / "hard.csv"),
        str(backup),
        str(chart.parent / "link-to-backup.csv"),
        str(folder / "new-export.csv"),
        str(chart.parent / "backups-link" / "new-export.csv"),
        str(folder),
    ]


def test_no_export_overwrites_the_chart_its_journal_or_a_backup(settled: Path, cli: Cli) -> None:
    for target in _targets(settled, cli):
        before = _everything(settled.parent)
        for fmt in ("csv", "json"):
            status, out, err = cli("export", "--format", fmt, "--out", target)
            _one_line_error(status, out, err, "--out")
        assert _everything(settled.parent) == before, target
    assert cli("patient", "list")[0] == 0  # the chart is still a chart


def test_no_report_or_backup_overwrites_the_chart(settled: Path, cli: Cli) -> None:
    (settled.parent / "chart.pdf").symlink_to(settled)
    os.link(settled, settled.parent / "hard.pdf")
    folder = settled.with_name(f"{settled.stem}-backups")
    folder.mkdir()
    before = _everything(settled.parent)
    for target in ("chart.pdf", "hard.pdf"):
        path = str(settled.parent / target)
        _one_line_error(*cli("report", "ward", "--out", path), "--out")
        _one_line_error(*cli("report", "patient", "--mrn", "A-1", "--out", path), "--out")
    _one_line_error(*cli("report", "ward", "--out", str(folder / "ward.pdf")), "--out")
    for target in (str(settled), f"{settled}-wal", str(settled.parent / "hard.pdf")):
        _one_line_error(*cli("backup", "--out", target), "--out")
    assert _everything(settled.parent) == before


# --- whole or nothing on a full disk --------------------------------------------------------


def _limited(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """Run wardchart in a process that may not write past ``limit`` bytes in any file."""

    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "wardchart", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        preexec_fn=limit_files,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["report", "patient", "--mrn", "A-1"],
        ["report", "ward"],
        ["export", "--format", "json"],
        ["export", "--format", "csv"],
    ],
)
def test_a_full_disk_leaves_no_truncated_output(
    settled: Path, command: list[str], tmp_path: Path
) -> None:
    suffix = ".pdf" if command[0] == "report" else f".{command[-1]}"
    out = tmp_path / f"out{suffix}"
    out.write_bytes(b"the previous file")
    # The ward's connection stays open (the fixture): SQLite's shared-memory file is
    # already full size, so the limit stops only the report or export.
    done = _limited(
        16_000 if command[0] == "report" else 2_000,
        "--db",
        str(settled),
        *command,
        "--out",
        str(out),
    )
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.count("\n") == 1
    assert "--out" in done.stderr
    assert "nothing was saved" in done.stderr
    assert out.read_bytes() == b"the previous file"
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


# --- CSV import ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("mrn,taken,anc,anc", "A-1,{taken},0.2,0.9"),
        ("mrn,taken,ANC, anc ", "A-1,{taken},0.2,0.9"),
        ("mrn,taken,wbc,Wbc,anc", "A-1,{taken},1.0,2.0,0.2"),
        ("mrn,MRN,taken,anc", "A-1,B-2,{taken},0.2"),
    ],
)
def test_a_csv_header_naming_a_column_twice_is_refused(
    settled: Path, cli: Cli, tmp_path: Path, header: str, row: str
) -> None:
    file = tmp_path / "results.csv"
    file.write_text(f"{header}\n{row.format(taken=TAKEN)}\n")
    before = _everything(settled.parent)
    status, out, err = cli("import", str(file))
    _one_line_error(status, out, err, "line 1")
    assert "more than once" in err
    assert _everything(settled.parent) == before


def test_reimporting_never_brings_back_a_result_entered_in_error(
    settled: Path, cli: Cli, tmp_path: Path
) -> None:
    file = tmp_path / "results.csv"
    file.write_text(f"mrn,taken,wbc,anc\nB-2,{TAKEN},1.0,0.2\n")
    assert cli("import", str(file))[0] == 0
    history = cli("history", "--mrn", "B-2", "--json")[1]
    (imported,) = [v for v in json.loads(history) if v["summary"].find("0.2") >= 0]
    status, _, err = cli(
        "correct",
        "entered-in-error",
        "--kind",
        "result",
        "--id",
        imported["origin_id"],
        "--reason",
        "wrong patient",
    )
    assert status == 0, err
    status, out, err = cli("import", str(file))
    assert status == 0, err
    assert "Imported 0 results" in out
    assert "1 already on the chart" in out
    summary = json.loads(cli("summary", "--mrn", "B-2", "--json")[1])
    ancs = [r["anc"] for c in summary["cycles"] for r in c["results"]]
    assert 0.2 not in ancs


def test_a_huge_csv_cell_is_one_line_naming_its_line_and_column(
    settled: Path, cli: Cli, tmp_path: Path
) -> None:
    file = tmp_path / "results.csv"
    file.write_text(f"mrn,taken,anc\nA-1,{TAKEN},{'9' * 131_073}\n")
    before = _everything(settled.parent)
    status, out, err = cli("import", str(file))
    _one_line_error(status, out, err, "line 2")
    assert "anc" in err
    assert _everything(settled.parent) == before


# --- restore verifies what it restores -------------------------------------------------------


def _copy_with(source: Path, target: Path, *sql: str) -> Path:
    shutil.copy(source, target)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        for statement in sql:
            conn.execute(statement)
    finally:
        conn.close()
    return target


def _trigger(chart: Path, name: str) -> str:
    conn = sqlite3.connect(chart)
    try:
        return str(
            conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]
        )
    finally:
        conn.close()


def test_restore_refuses_what_is_not_a_whole_verified_chart(
    settled: Path, cli: Cli, tmp_path: Path
) -> None:
    from wardchart.storage.database import open_chart

    spare = tmp_path / "spare"
    spare.mkdir()
    empty = spare / "zero.sqlite"
    empty.write_bytes(b"")
    fresh = open_chart(spare / "fresh.sqlite")  # a chart with no patients in it
    fresh.conn.execute("PRAGMA journal_mode = DELETE")  # one file, as backups are
    fresh.close()
    no_update = _trigger(settled, "audit_log_no_update")
    bad = {
        "0 bytes": empty,
        "no patients": spare / "fresh.sqlite",
        "missing tables": _copy_with(
            settled,
            spare / "tables.sqlite",
            "DROP VIEW current_results",
            "DROP TRIGGER results_no_delete",
            "DROP TRIGGER results_no_update",
            "DROP TRIGGER results_same_record",
            "DROP TABLE results",
        ),
        "a trigger gone": _copy_with(
            settled, spare / "trigger.sqlite", "DROP TRIGGER results_no_update"
        ),
        "audit chain broken": _copy_with(
            settled,
            spare / "chain.sqlite",
            "DROP TRIGGER audit_log_no_update",
            "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2",
            no_update,
        ),
        "emptied": _copy_with(
            settled,
            spare / "emptied.sqlite",
            *(f"DROP TRIGGER {t}_no_delete" for t in ("results", "patients", "cycles")),
            "DELETE FROM results",
            "DELETE FROM cycles",
            "DELETE FROM patients",
            *(_trigger(settled, f"{t}_no_delete") for t in ("results", "patients", "cycles")),
        ),
    }
    before = _everything(settled.parent)
    for why, backup in bad.items():
        status, out, err = cli("restore", str(backup))
        _one_line_error(status, out, err, "nothing was restored")
        assert _everything(settled.parent) == before, why
    assert cli("restore", str(settled))[0] == 2  # the chart itself
    assert _everything(settled.parent) == before


def test_a_good_backup_is_still_restored(settled: Path, cli: Cli) -> None:
    assert cli("backup")[0] == 0
    (backup,) = settled.with_name(f"{settled.stem}-backups").glob("*.sqlite")
    status, _, err = cli("restore", str(backup))
    assert status == 0, err


# --- a writing command checks the file first ---------------------------------------------------


def test_a_command_does_not_write_into_a_file_whose_schema_was_changed(
    settled: Path, cli: Cli
) -> None:
    conn = sqlite3.connect(settled, isolation_level=None)
    conn.execute("DROP TRIGGER results_no_update")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _everything(settled.parent)
    status, out, err = cli("lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc", "5")
    _one_line_error(status, out, err, "schema")
    assert "results_no_update" in err
    assert _everything(settled.parent) == before
    assert cli("patient", "list")[0] == 0  # reading, which writes nothing, still works


def test_a_command_does_not_write_into_a_damaged_file(settled: Path, cli: Cli) -> None:
    conn = sqlite3.connect(settled, isolation_level=None)
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'cycles_supersedes'"
    ).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    # Damage an index that recording a CBC does not use: SQLite alone would let it write.
    with settled.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\x00" * 64)
    before = _everything(settled.parent)
    status, out, err = cli("lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc", "5")
    _one_line_error(status, out, err, "damaged")
    assert _everything(settled.parent) == before


# --- read-only and failed commands create nothing; odd --db paths -----------------------------


def test_a_mistyped_db_creates_nothing(tmp_path: Path, cli: Cli) -> None:
    from wardchart.cli import main

    missing = tmp_path / "typo.sqlite"
    for args in (
        ["patient", "list"],
        ["summary", "--mrn", "A-1"],
        ["lab", "add", "--mrn", "A-1", "--taken", TAKEN, "--wbc", "5"],
        ["temp", "add", "--mrn", "A-1", "--taken", TAKEN, "--celsius", "37"],
        ["cycle", "start", "--mrn", "A-1", "--regimen", "AC", "--day1", TAKEN[:10]],
        ["import", __file__],
        ["patient", "add", "--mrn", "1", "--name", "", "--dob", "1970-01-01"],
        ["patient", "add", "--mrn", "1", "--name", "New, Ned", "--dob", "1970-02-30"],
    ):
        assert main(["--db", str(missing), *args]) == 2, args
        assert list(tmp_path.iterdir()) == [], args


def _wardchart(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wardchart", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_odd_db_paths_are_refused_in_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    for db, why in (
        ("", "empty"),
        (str(fifo), "named pipe"),
        (str(tmp_path), "folder"),
        ("/dev/null", "device"),
    ):
        for command in (
            ["patient", "list"],
            ["backups"],
            ["lab", "add", "--mrn", "1", "--taken", TAKEN, "--wbc", "5"],
        ):
            done = _wardchart("--db", db, *command, timeout=30)
            assert done.returncode == 2, (db, command, done.stderr)
            assert done.stderr.count("\n") == 1
            assert "--db" in done.stderr
            assert why in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.sqlite"]


# --- bad values never reach Python's parsers ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (
            [
                "cycle",
                "start",
                "--mrn",
                "B-2",
                "--regimen",
                "AC",
                "--day1",
                TAKEN[:10],
                "--cycle-length",
                "²",
            ],
            "--cycle-length",
        ),
        (
            [
                "cycle",
                "start",
                "--mrn",
                "B-2",
                "--regimen",
                "AC",
                "--day1",
                TAKEN[:10],
                "--nadir-window",
                "1-" + "9" * 23,
            ],
            "--nadir-window",
        ),
        (
            [
                "regimen",
                "set",
                "--name",
                "X",
                "--cycle-length",
                "9" * 5000,
                "--nadir-window",
                "7-14",
            ],
            "--cycle-length",
        ),
        (["report", "patient", "--mrn", "A-1", "--cycle", "³", "--out", "x.pdf"], "--cycle"),
        (["settings", "set", "lock_after_minutes", "²"], "lock_after_minutes"),
        (["settings", "set", "backup_keep_days", "9" * 5000], "backup_keep_days"),
    ],
)
def test_bad_whole_numbers_are_one_line_naming_the_field(
    settled: Path, cli: Cli, args: list[str], field: str
) -> None:
    before = _everything(settled.parent)
    _one_line_error(*cli(*args), field)
    assert _everything(settled.parent) == before


# --- an interrupted encryption -------------------------------------------------------------------

PASSPHRASE = "correct horse battery staple"


def _plain_files(folder: Path) -> list[str]:
    """Files that a reader without the passphrase could open as SQLite."""
    return [
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and p.read_bytes()[:16] == SQLITE_MAGIC
    ]


def _when(condition: str, chart: Path) -> Callable[[], bool]:
    folder = chart.with_name(f"{chart.stem}-backups")

    def encrypted() -> int:
        return sum(
            1 for p in folder.glob("*.sqlite") if p.read_bytes()[:16] not in (SQLITE_MAGIC, b"")
        )

    return {
        "a copy half-written": lambda: any(
            p.name.endswith(".rewriting") for p in [*folder.iterdir(), *chart.parent.iterdir()]
        ),
        "one backup done": lambda: encrypted() >= 1,
        "all backups done": lambda: encrypted() >= 3,
    }[condition]


@pytest.mark.parametrize(
    "kill_when", ["a copy half-written", "one backup done", "all backups done"]
)
def test_a_killed_encrypt_is_finished_by_running_it_again(
    settled: Path, cli: Cli, kill_when: str
) -> None:
    for _ in range(3):
        assert cli("backup")[0] == 0
    folder = settled.parent
    env = {**os.environ, "WARDCHART_NEW_PASSPHRASE": PASSPHRASE}
    command = [sys.executable, "-m", "wardchart", "--db", str(settled), "encrypt"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ready = _when(kill_when, settled)
    deadline = time.monotonic() + 60
    while process.poll() is None and not ready() and time.monotonic() < deadline:
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL, "it finished before it could be killed"
    assert _plain_files(folder)  # killed part-way: plain copies are still there
    again = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert _plain_files(folder) == []
    assert not [p for p in folder.rglob("*") if p.name.endswith((".rewriting", ".part"))]
    assert not [p for p in folder.rglob("*") if p.name.endswith(".rewrite.json")]
    reading = {**os.environ, "WARDCHART_PASSPHRASE": PASSPHRASE}
    for args in (["patient", "list"], ["audit", "verify"], ["backups"]):
        done = subprocess.run(
            [sys.executable, "-m", "wardchart", "--db", str(settled), *args],
            env=reading,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, (args, done.stderr)
        assert "NO — damaged" not in done.stdout
    assert (
        "Alpha, Ann"
        in subprocess.run(
            [sys.executable, "-m", "wardchart", "--db", str(settled), "patient", "list"],
            env=reading,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    )


# --- an existing file that is not a chart is never adopted -----------------------------------


@pytest.mark.parametrize("kind", ["0 bytes", "empty SQLite database"])
def test_an_existing_empty_file_is_refused_by_every_command_and_left_as_it_is(
    tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "z"
    folder.mkdir()
    chart = folder / "ward.sqlite"
    if kind == "0 bytes":
        chart.write_bytes(b"")
    else:
        with sqlite3.connect(chart) as made:  # a database with nothing in it
            made.execute("CREATE TABLE x (a)")
            made.execute("DROP TABLE x")
        made.close()
    before = _everything(folder)
    for command in (
        ["check"],
        ["patient", "list"],
        ["audit", "verify"],
        ["summary", "--mrn", "A-1"],
        ["patient", "add", "--mrn", "Z-1", "--name", "Zed, Ann", "--dob", "1960-01-01"],
        ["demo"],
    ):
        done = _wardchart("--db", str(chart), *command, timeout=30)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1, done.stderr
        assert str(chart) in done.stderr
        assert "not a wardchart chart file" in done.stderr
        assert _everything(folder) == before, command  # byte for byte, nothing beside it


def test_an_emptied_chart_is_mended_by_restoring_a_backup(
    settled: Path, ward: ChartStore, cli: Cli
) -> None:
    assert cli("backup")[0] == 0
    (backup,) = settled.with_name(f"{settled.stem}-backups").glob("*.sqlite")
    ward.close()
    for companion in ("-wal", "-shm"):
        Path(f"{settled}{companion}").unlink(missing_ok=True)
    settled.write_bytes(b"")
    assert cli("patient", "list")[0] == 2
    status, _, err = cli("restore", str(backup))
    assert status == 0, err
    status, out, _ = cli("patient", "list")
    assert status == 0
    assert "A-1" in out


def test_the_window_refuses_an_existing_0_byte_file_and_leaves_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from wardchart.app import open_session
    from wardchart.ui.main_window import MainWindow

    chart = tmp_path / "ward.sqlite"
    chart.write_bytes(b"")
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_session(window, chart, "nurse", lambda *_: True) == 2
    assert window.session is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ward.sqlite"]
    assert chart.read_bytes() == b""


# --- restore takes only a file that passes check and audit verify ------------------------------


def _older_chart(path: Path) -> Path:
    """A real chart file as the previous schema step left it, with a patient admitted."""
    from sqlite_utils import Database

    from wardchart.storage import operations
    from wardchart.storage.schema import migrations

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, as backups are
    db = Database(conn, execute_plugins=False)
    migrations.apply(db, stop_before="m005_hl7_lab_messages")
    operations.admit_patient(
        ChartStore(path, db),
        mrn="OLD-1",
        name="Older, Olive",
        dob=datetime(1950, 1, 1).date(),
        actor="nurse",
        now=datetime.now().astimezone(),
    )
    conn.close()
    return path


def test_restore_refuses_a_backup_that_check_or_audit_verify_fails(
    settled: Path, cli: Cli, tmp_path: Path
) -> None:
    spare = tmp_path / "spare"
    spare.mkdir()
    assert cli("backup", "--out", str(spare / "bk.sqlite"))[0] == 0
    good = spare / "bk.sqlite"
    results = ("results_same_record", "results_no_update", "results_no_delete")
    results_sql = [_trigger(settled, t) for t in (*results, "results_no_replace")]
    migration_triggers = [
        f"DROP TRIGGER _sqlite_migrations_no_{what}" for what in ("update", "delete", "replace")
    ]
    hl7_triggers = [
        str(row[0])
        for row in sqlite3.connect(good).execute(
            "SELECT 'DROP TRIGGER ' || name FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('lab_messages', 'lab_result_sources')"
        )
    ]
    older_trigger_gone = _copy_with(
        _older_chart(spare / "older-whole.sqlite"),
        spare / "older-trigger.sqlite",
        "DROP TRIGGER patients_no_update",
    )
    bad = {
        # a record changed with its triggers dropped and put back: the chain still holds
        "changed under its triggers": _copy_with(
            good,
            spare / "changed.sqlite",
            *(f"DROP TRIGGER {t}" for t in (*results, "results_no_replace")),
            "UPDATE results SET anc = '9.99' WHERE rowid = (SELECT min(rowid) FROM results)",
            *results_sql,
        ),
        # made to look older: the newer schema step's objects and its record removed
        "made to look older": _copy_with(
            good,
            spare / "older.sqlite",
            *migration_triggers,
            *hl7_triggers,
            "DROP TRIGGER results_no_update",
            "DROP TABLE lab_result_sources",
            "DROP TABLE lab_messages",
            *(f"DROP VIEW {view}" for view in NUMERIC_VIEWS),  # they list lab_status
            "ALTER TABLE results DROP COLUMN lab_status",
            "DELETE FROM _sqlite_migrations WHERE name = 'm005_hl7_lab_messages'",
            "DELETE FROM _sqlite_migrations WHERE name = 'm010_numeric_views'",
        ),
        # an older file is compared with what its own schema steps create, exactly
        "older, a trigger gone": older_trigger_gone,
    }
    before = _everything(settled.parent)
    for why, backup in bad.items():
        checked = backup.read_bytes()
        status, out, err = cli("restore", str(backup))
        _one_line_error(status, out, err, "nothing was restored")
        assert "fails wardchart check" in err, (why, err)
        assert _everything(settled.parent) == before, why  # no before-restore backup either
        assert backup.read_bytes() == checked, why  # checked read-only
    assert cli("check")[0] == 0


def test_an_older_backup_that_passes_its_checks_is_restored_and_upgraded(
    settled: Path, cli: Cli, tmp_path: Path
) -> None:
    older = _older_chart(tmp_path / "older.sqlite")
    status, _, err = cli("restore", str(older))
    assert status == 0, err
    status, out, _ = cli("check")
    assert status == 0, out
    from wardchart.storage.schema import migrations

    assert f"schema: OK — {migrations.names[-1]}" in out  # upgraded to the newest
    assert "OLD-1" in cli("patient", "list")[1]


# --- a killed write leaves nothing behind for long ------------------------------------------------


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_killed_restore_leaves_no_temporary_file_after_the_next_command(
    settled: Path, cli: Cli, tmp_path: Path
) -> None:
    assert cli("backup", "--out", str(tmp_path / "bk.sqlite"))[0] == 0
    folder = settled.with_name(f"{settled.stem}-backups")
    folder.mkdir()
    # Free pages (a table filled and dropped) make the chart big, so its "before-restore"
    # backup takes long enough to be killed while it is being written.
    conn = sqlite3.connect(settled, isolation_level=None)
    conn.execute("CREATE TABLE padding (x BLOB)")
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 96) "
        "INSERT INTO padding SELECT zeroblob(1 << 20) FROM n"
    )
    conn.execute("DROP TABLE padding")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    command = [sys.executable, "-m", "wardchart", "--db", str(settled), "restore"]
    process = subprocess.Popen(
        [*command, str(tmp_path / "bk.sqlite")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and not _hidden(folder) and time.monotonic() < deadline:
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL, "it finished before it could be killed"
    left = _hidden(folder)
    assert left, "nothing was being written when it was killed"
    assert all(".part" in name for name in left), left  # killed while writing
    other = folder / f".{settled.stem}-x.sqlite.wardchart-00000000-{os.getpid()}.part"
    other.write_bytes(b"")  # another computer's: its process cannot be asked about, kept
    others = folder / ".notes.part"
    others.write_bytes(b"")  # not wardchart's name: kept
    done = _wardchart("--db", str(settled), "backup")
    assert done.returncode == 0, done.stderr
    assert _hidden(folder) == sorted([other.name, others.name])
    assert cli("check")[0] == 0  # the chart was left as it was


def test_a_killed_export_leaves_no_temporary_file_after_the_next_export(
    settled: Path, cli: Cli, tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead.send_signal(signal.SIGKILL)
        dead.wait()
        from wardchart.storage.files import temp_prefix

        ours = temp_prefix(out / "ward.csv").rsplit("-", 1)[0]  # without this process's id
        left = out / f"{ours}-{dead.pid}-abc123.part"
        running = out / f"{ours}-{alive.pid}-abc123.part"
        for path in (left, running):
            path.write_bytes(b"half an export")
        status, _, err = cli("export", "--format", "csv", "--out", str(out / "ward.csv"))
        assert status == 0, err
        assert sorted(p.name for p in out.iterdir()) == sorted(["ward.csv", running.name])
    finally:
        alive.kill()
        alive.wait()
