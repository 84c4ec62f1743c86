"""A nurse's decisions about held laboratory messages, on real chart files: attach one to
the right patient (its results charted to them) or dismiss it, each with a reason, both
recorded and audited, never deleting anything."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from hl7_messages import MRN, OTHER_DOB, OTHER_MRN, message, msh, obr, obx, pid, standard

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.records import Patient
from wardchart.storage import audit, operations, queries
from wardchart.storage.database import ChartStore
from wardchart.storage.hl7_import import (
    attach_held_message,
    dismiss_held_message,
    held_messages,
    import_files,
    message_patients,
)


@pytest.fixture
def jane(store: ChartStore, now: datetime) -> Patient:
    operations.admit_patient(
        store, mrn="00123457", name="Doe, Jane", dob=date(1965, 4, 12), actor="nurse", now=now
    )
    patient = queries.find_patient(store.db, "00123457")
    assert patient is not None
    return patient


def hold(store: ChartStore, tmp_path: Path, data: bytes, name: str = "in.hl7") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    (outcome,) = import_files(store, [path], actor="lab-interface", now=datetime.now().astimezone())
    assert outcome.outcome == "held"
    (held,) = held_messages(store.db)
    return str(held["id"])


def results(store: ChartStore, patient: Patient) -> list[dict[str, object]]:
    return list(store.db.query("SELECT * FROM current_results WHERE patient_id = ?", [patient.id]))


def counts(store: ChartStore) -> tuple[int, ...]:
    return tuple(
        store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("results", "lab_messages", "lab_message_decisions", "audit_log")
    )


def last_audit(store: ChartStore) -> dict[str, object]:
    row = store.db.execute(
        "SELECT action, actor, patient_id, detail FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return {"action": row[0], "actor": row[1], "patient_id": row[2], **json.loads(row[3])}


def test_attach_charts_to_the_chosen_patient_and_audits_it(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    held = hold(store, tmp_path, standard())  # MRN 00123456: a digit off the chart's
    outcome = attach_held_message(
        store, held, jane, "MRN typo at the lab, wristband checked", "ak", now
    )
    assert (outcome.outcome, outcome.results, outcome.mrn) == ("attached", 1, jane.mrn)
    (result,) = results(store, jane)
    assert (result["anc"], result["wbc"], result["source"]) == ("0.84", "2.1", "import")
    assert held_messages(store.db) == []
    entry = last_audit(store)
    assert (entry["action"], entry["actor"], entry["patient_id"]) == ("hl7_attached", "ak", jane.id)
    assert entry["reason"] == "MRN typo at the lab, wristband checked"
    assert entry[audit.VERSION_KEY]
    # the held row is still there, unchanged: a decision is a new record
    assert store.db.execute("SELECT outcome FROM lab_messages").fetchall() == [("held",)]
    (source,) = store.db.execute("SELECT message_id FROM lab_result_sources").fetchall()
    assert source[0] == held


def test_the_same_file_again_after_a_decision_adds_nothing(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    held = hold(store, tmp_path, standard())
    attach_held_message(store, held, jane, "lab typo", "ak", now)
    before = counts(store)
    path = tmp_path / "again.hl7"
    path.write_bytes(standard())
    (again,) = import_files(store, [path], actor="lab", now=now)
    assert (again.outcome, "attached" in again.reason) == ("ignored", True)
    assert counts(store) == before


def test_dismiss_takes_it_off_the_list_and_charts_nothing(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    held = hold(store, tmp_path, standard())
    outcome = dismiss_held_message(store, held, "not our patient, lab phoned", "ak", now)
    assert outcome.outcome == "dismissed"
    assert held_messages(store.db) == []
    assert results(store, jane) == []
    entry = last_audit(store)
    assert (entry["action"], entry["reason"], entry["patient_id"]) == (
        "hl7_dismissed",
        "not our patient, lab phoned",
        None,
    )
    path = tmp_path / "again.hl7"
    path.write_bytes(standard())
    (again,) = import_files(store, [path], actor="lab", now=now)
    assert (again.outcome, "dismissed" in again.reason) == ("ignored", True)


@pytest.mark.parametrize("reason", ["", "   ", "a\nb", "x" * 501])
def test_a_decision_needs_a_one_line_reason_and_writes_nothing_without_one(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime, reason: str
) -> None:
    held = hold(store, tmp_path, standard())
    before = counts(store)
    for decide in (
        lambda: attach_held_message(store, held, jane, reason, "ak", now),
        lambda: dismiss_held_message(store, held, reason, "ak", now),
    ):
        with pytest.raises(InvalidEntry) as error:
            decide()
        assert error.value.first.field == "reason"
    assert counts(store) == before


def test_a_message_decided_once_cannot_be_decided_again(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    held = hold(store, tmp_path, standard())
    dismiss_held_message(store, held, "duplicate from the lab", "ak", now)
    before = counts(store)
    with pytest.raises(InvalidEntry) as error:
        attach_held_message(store, held, jane, "changed my mind", "ak", now)
    assert (error.value.first.field, "no longer held" in error.value.first.message) == (
        "message",
        True,
    )
    with pytest.raises(InvalidEntry):
        dismiss_held_message(store, "no-such-id", "why", "ak", now)
    assert counts(store) == before


def test_a_message_held_for_its_values_cannot_be_attached(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    data = message(msh(), pid(mrn="00123457"), obr(), obx(1, "751-8^ANC^LN", "<0.5"))
    held = hold(store, tmp_path, data)
    before = counts(store)
    with pytest.raises(InvalidEntry) as error:
        attach_held_message(store, held, jane, "it is hers", "ak", now)
    assert error.value.first.field == "message"
    assert "cannot be charted" in error.value.first.message
    assert counts(store) == before
    assert len(held_messages(store.db)) == 1


def test_a_message_for_two_patients_cannot_be_attached_to_one(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    data = message(
        msh(), pid(), obr(), obx(1, "6690-2^WBC^LN", "2.1"),
        pid(mrn=OTHER_MRN, dob=OTHER_DOB), obr("LAB2"), obx(1, "6690-2^WBC^LN", "3.1"),
    )  # fmt: skip
    held = hold(store, tmp_path, data)
    with pytest.raises(InvalidEntry) as error:
        attach_held_message(store, held, jane, "hers", "ak", now)
    assert "2 patients" in error.value.first.message


def test_the_message_patients_are_shown_as_sent(store: ChartStore, tmp_path: Path) -> None:
    held = hold(store, tmp_path, standard())
    text = store.db.execute("SELECT message FROM lab_messages WHERE id = ?", [held]).fetchone()[0]
    (named,) = message_patients(text)
    assert (named.identifiers, named.dob, named.name) == (
        ((MRN, "MR"),),
        date(1965, 4, 12),
        "JANE DOE",
    )


def test_decisions_are_never_changed_or_deleted(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    held = hold(store, tmp_path, standard())
    dismiss_held_message(store, held, "dup", "ak", now)
    for attack in (
        "UPDATE lab_message_decisions SET reason = 'x'",
        "DELETE FROM lab_message_decisions",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute(attack)


def test_the_inbox_folder_may_not_be_inside_the_backups_folder(store: ChartStore) -> None:
    from wardchart.storage.files import backup_folder, inbox_problem

    inside = backup_folder(store.path) / "inbox"
    inside.mkdir(parents=True)
    assert "backups folder" in (inbox_problem(inside, store.path) or "")
    assert inbox_problem(store.path.parent, store.path) is None
