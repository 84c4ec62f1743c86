"""Opening chart files: pragmas, migrations, and refusing what is not ours or is newer."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from wardchart.storage import queries
from wardchart.storage.database import open_chart
from wardchart.storage.errors import ChartFileError
from wardchart.storage.operations import admit_patient
from wardchart.storage.schema import migrations

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


def test_a_new_file_is_durable_and_migrated(chart_path: Path) -> None:
    store = open_chart(chart_path)
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert [m.name for m in migrations.applied(store.db)] == [
        "m001_initial",
        "m002_default_regimens",
        "m003_users",
        "m004_refuse_replace",
        "m005_hl7_lab_messages",
        "m006_fhir_entries",
        "m007_inbox_held_decisions",
        "m008_chart_identity",
        "m009_merge_conflicts",
        "m010_numeric_views",
        "m011_hub_sync",
        "m012_chart_ward",
    ]
    assert len(queries.regimens(store.db)) >= 11
    store.close()


def test_reopening_changes_nothing(chart_path: Path) -> None:
    open_chart(chart_path).close()
    before = chart_path.read_bytes()
    open_chart(chart_path).close()
    assert chart_path.read_bytes() == before


def test_an_older_file_is_upgraded_and_keeps_its_data(chart_path: Path) -> None:
    db = Database(sqlite3.connect(chart_path, isolation_level=None))
    migrations.apply(db, stop_before="m002_default_regimens")
    db.execute(
        "INSERT INTO patients (id, origin_id, recorded_at, recorded_by, mrn, name, dob) "
        "VALUES ('a', 'a', 'x', 'nurse', '42', 'Old, Record', '1950-01-01')"
    )
    db.close()
    store = open_chart(chart_path)
    assert [m.name for m in migrations.pending(store.db)] == []
    assert queries.find_patient(store.db, "42") is not None
    assert queries.find_regimen(store.db, "AC") is not None
    store.close()


def test_a_newer_file_is_refused_and_left_untouched(chart_path: Path) -> None:
    open_chart(chart_path).close()
    db = Database(sqlite3.connect(chart_path, isolation_level=None))
    db.table("_sqlite_migrations").insert(
        {"migration_set": "wardchart", "name": "m999_from_the_future", "applied_at": "x"}
    )
    db.close()
    before = chart_path.read_bytes()
    with pytest.raises(ChartFileError, match="newer wardchart") as raised:
        open_chart(chart_path)
    assert str(chart_path) in str(raised.value)
    assert chart_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_untouched(chart_path: Path) -> None:
    chart_path.write_bytes(b"this is a spreadsheet, honest\n" * 100)
    before = chart_path.read_bytes()
    with pytest.raises(ChartFileError, match="not a plain SQLite database"):
        open_chart(chart_path)
    assert chart_path.read_bytes() == before


def test_another_programs_database_is_refused_untouched(chart_path: Path) -> None:
    conn = sqlite3.connect(chart_path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = chart_path.read_bytes()
    with pytest.raises(ChartFileError, match="not a wardchart chart file"):
        open_chart(chart_path)
    assert chart_path.read_bytes() == before


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(ChartFileError, match="no chart file"):
        open_chart(tmp_path / "nope.sqlite", create=False)
    assert not (tmp_path / "nope.sqlite").exists()


def test_a_folder_is_not_a_chart(tmp_path: Path) -> None:
    with pytest.raises(ChartFileError, match="folder"):
        open_chart(tmp_path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ChartFileError, match="cannot be opened"):
        open_chart(tmp_path / "no" / "such" / "ward.sqlite")


def test_a_second_connection_sees_a_committed_save(chart_path: Path) -> None:
    first = open_chart(chart_path)
    second = open_chart(chart_path)
    admit_patient(
        first, mrn="7", name="Two, Windows", dob=datetime(1970, 1, 1).date(), actor="nurse", now=NOW
    )
    assert queries.find_patient(second.db, "7") is not None
    first.close()
    second.close()


def test_every_record_kind_is_a_table_of_a_new_chart(chart_path: Path) -> None:
    from wardchart.domain.records import RecordKind

    store = open_chart(chart_path)
    tables = set(store.db.table_names())
    assert {kind.value for kind in RecordKind} <= tables
    store.close()


@pytest.mark.parametrize("table", ["regimens", "ward_settings", "users", "Results"])
def test_only_a_charted_kind_is_withdrawn_or_has_a_history(chart_path: Path, table: str) -> None:
    from wardchart.domain.problems import InvalidEntry
    from wardchart.storage.operations import mark_entered_in_error, record_history

    store = open_chart(chart_path)
    with pytest.raises(InvalidEntry, match=f"{table} records cannot be withdrawn"):
        mark_entered_in_error(
            store,
            table=table,
            record_id="x" * 32,
            expected_version="1",
            reason="test",
            actor="n",
            now=datetime.now(UTC),
        )
    with pytest.raises(InvalidEntry, match=f"{table} has no record history"):
        record_history(store, table, "x" * 32)
    store.close()
