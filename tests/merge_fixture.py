"""Two replicas of one ward chart made to conflict, through the real operations: a laptop
copy of the ward file, the same CBC corrected differently on each (and, for the link
flow, one MRN admitted on both)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from ward_fixture import NOW

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.merge import copy_chart

LATER = NOW + timedelta(minutes=5)


@dataclass(frozen=True)
class Laptop:
    """The laptop's file (closed), and the CBC corrected apart (its stable id)."""

    path: Path
    record: str


def first_result(store: ChartStore, mrn: str = "A-1") -> tuple[object, object]:
    """(patient, the patient's first current result row)."""
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    row = store.conn.execute(
        "SELECT origin_id, id, taken_at FROM current_results WHERE patient_id = ? "
        "ORDER BY taken_utc LIMIT 1",
        [patient.id],
    ).fetchone()
    return patient, row


def correct_first_cbc(store: ChartStore, anc: str, actor: str, at: object = NOW) -> str:
    """Correct A-1's first CBC to ``anc`` (as of the version this file shows)."""
    from datetime import datetime

    patient, row = first_result(store)
    taken = datetime.fromisoformat(row[2])  # type: ignore[index]
    operations.correct_cbc(
        store,
        patient=patient,  # type: ignore[arg-type]
        record_id=row[0],  # type: ignore[index]
        expected_version=row[1],  # type: ignore[index]
        entry=CbcEntry(taken=taken, wbc=Decimal("9"), anc=Decimal(anc)),
        reason="typo",
        confirm=True,
        actor=actor,
        now=at,  # type: ignore[arg-type]
    )
    return str(row[0])  # type: ignore[index]


def laptop_with_conflicts(
    ward: ChartStore, tmp_path: Path, *, same_mrn: bool = False, passphrase: str | None = None
) -> Laptop:
    """Copy the ward file to a laptop, correct A-1's first CBC differently on each (the
    laptop later, so its version is shown), and optionally admit MRN D-4 on both."""
    made = copy_chart(ward, tmp_path / "laptop.sqlite", passphrase=passphrase, actor="it", now=NOW)
    laptop = open_chart(made.path, create=False, passphrase=passphrase)
    record = correct_first_cbc(ward, "0.61", "nurse ward")
    correct_first_cbc(laptop, "0.73", "nurse laptop", LATER)
    if same_mrn:
        for store, name in ((ward, "Delta, Dee"), (laptop, "Delta, D")):
            operations.admit_patient(
                store, mrn="D-4", name=name, dob=date(1970, 3, 3), actor="n", now=NOW
            )
    laptop.close()
    return Laptop(made.path, record)
