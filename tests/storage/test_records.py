"""Records are never updated or deleted; corrections supersede; the audit chain holds."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import audit, operations, queries, records
from wardchart.storage.database import ChartStore
from wardchart.storage.operations import admit_patient
from wardchart.storage.schema import LOG_TABLES, RECORD_TABLES

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


def _admit(store: ChartStore, mrn: str = "1") -> str:
    return admit_patient(
        store, mrn=mrn, name="Doe, Jane", dob=date(1960, 1, 1), actor="nurse", now=NOW
    ).record_id


def _one_of_each(store: ChartStore) -> None:
    pid = _admit(store)
    patient = queries.find_patient(store.db, "1")
    assert patient is not None
    day1 = date(2026, 3, 2)
    operations.start_cycle(store, patient=patient, regimen_name="AC", day1=day1, actor="n", now=NOW)
    taken = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
    operations.record_cbc(
        store, patient=patient, entry=CbcEntry(taken=taken, wbc=Decimal(2)), actor="n", now=NOW
    )
    operations.record_temperature(
        store, patient=patient, value=Decimal("37.0"), unit="C", taken=taken, actor="n", now=NOW
    )
    operations.record_gcsf(
        store, patient=patient, given=taken, drug="filgrastim", actor="n", now=NOW
    )
    operations.set_precautions(store, patient=patient, active=True, actor="n", now=NOW)
    operations.set_ward_setting(store, "ctcae_version", "6.0", actor="n", now=NOW)
    assert pid


@pytest.mark.parametrize("table", RECORD_TABLES + LOG_TABLES)
def test_no_table_can_be_updated_or_deleted(store: ChartStore, table: str) -> None:
    _one_of_each(store)
    assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    column = "recorded_by" if table != "audit_log" else "actor"
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        store.conn.execute(f"UPDATE {table} SET {column} = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        store.conn.execute(f"DELETE FROM {table}")


def test_a_correction_supersedes_and_keeps_history(store: ChartStore) -> None:
    pid = _admit(store)
    with store.write() as db:
        records.supersede(
            db, "patients", pid, {"name": "Doe, Janet"}, reason="spelling", actor="charge", now=NOW
        )
    patient = queries.find_patient(store.db, "1")
    assert patient is not None
    assert (patient.id, patient.name) == (pid, "Doe, Janet")
    history = records.history(store.db, "patients", pid)
    assert [h["name"] for h in history] == ["Doe, Jane", "Doe, Janet"]
    assert history[1]["reason"] == "spelling"
    assert history[1]["recorded_by"] == "charge"
    last = store.db.execute("SELECT action, detail FROM audit_log ORDER BY seq DESC").fetchone()
    assert last[0] == "correct"
    assert '"before": {"name": "Doe, Jane"}' in last[1]


def test_entered_in_error_hides_the_record_but_keeps_it(store: ChartStore) -> None:
    pid = _admit(store)
    with store.write() as db:
        records.supersede(
            db,
            "patients",
            pid,
            {},
            reason="wrong patient",
            actor="charge",
            now=NOW,
            entered_in_error=True,
        )
    assert queries.find_patient(store.db, "1") is None
    assert len(records.history(store.db, "patients", pid)) == 2
    _admit(store)  # the MRN is free again


def test_a_correction_needs_a_reason(store: ChartStore) -> None:
    pid = _admit(store)
    with pytest.raises(sqlite3.IntegrityError), store.write() as db:
        records.supersede(db, "patients", pid, {"name": "X"}, reason="  ", actor="c", now=NOW)


def test_history_cannot_fork(store: ChartStore) -> None:
    pid = _admit(store)
    first_version = records.current_version(store.db, "patients", pid)
    assert first_version is not None
    with store.write() as db:
        records.supersede(db, "patients", pid, {"name": "A"}, reason="r", actor="c", now=NOW)
    row = {
        **first_version,
        "id": records.new_id(),
        "supersedes": first_version["id"],
        "reason": "second branch",
        "name": "B",
    }
    with pytest.raises(sqlite3.IntegrityError):
        store.db.table("patients").insert(row)


def test_a_correction_cannot_jump_to_another_record(store: ChartStore) -> None:
    one, two = _admit(store, "1"), _admit(store, "2")
    version = records.current_version(store.db, "patients", two)
    assert version is not None
    row = {
        **version,
        "id": records.new_id(),
        "origin_id": one,
        "supersedes": version["id"],
        "reason": "sneaky",
        "mrn": "3",
    }
    with pytest.raises(sqlite3.IntegrityError, match="same record"):
        store.db.table("patients").insert(row)


def test_duplicate_mrn_refused_by_the_database_too(store: ChartStore) -> None:
    _admit(store)
    with pytest.raises(sqlite3.IntegrityError, match="duplicate MRN"), store.write() as db:
        records.create(
            db, "patients", {"mrn": "1", "name": "Other", "dob": "1970-01-01"}, actor="x", now=NOW
        )


def test_audit_chain_verifies_and_detects_tampering(store: ChartStore) -> None:
    for mrn in "123":
        _admit(store, mrn)
    check = audit.verify(store.db)
    assert check.ok
    assert check.rows > 3
    store.conn.execute("DROP TRIGGER audit_log_no_update")
    store.conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")
    broken = audit.verify(store.db)
    assert (broken.ok, broken.broken_seq) == (False, 3)


def test_audit_chain_detects_a_removed_row(store: ChartStore) -> None:
    for mrn in "12":
        _admit(store, mrn)
    store.conn.execute("DROP TRIGGER audit_log_no_delete")
    store.conn.execute("DELETE FROM audit_log WHERE seq = 2")
    broken = audit.verify(store.db)
    assert not broken.ok
    assert broken.broken_seq == 3


def test_every_record_has_uuid_who_and_when(store: ChartStore) -> None:
    _admit(store)
    row = store.db.execute("SELECT id, recorded_by, recorded_at FROM patients").fetchone()
    assert len(row[0]) == 36
    assert row[1] == "nurse"
    assert row[2].startswith("2026-03-12T12:00:00")
