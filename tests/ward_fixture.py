"""The known ward the window tests chart on: two patients, real operations, fixed times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore

NOW = datetime.now().astimezone().replace(hour=15, minute=0, second=0, microsecond=0)
TODAY = NOW.date()
#: Patient A: AC, two cycles; today is day 12 of cycle 2.
A_DAY1S = (TODAY - timedelta(days=32), TODAY - timedelta(days=11))
A_ANC = {1: "4.0", 8: "2.1", 10: "0.6", 11: "0.45", 12: "0.8", 15: "1.6", 18: "3.2"}
A_C2_ANC = {1: "3.9", 8: "1.9", 10: "0.5", 11: "0.3"}
#: Patient B: R-CHOP-21, one cycle; today is day 5.
B_DAY1 = TODAY - timedelta(days=4)
B_ANC = {1: "5.5", 4: "4.2"}


def at(day1: date, day: int, hour: int = 7) -> datetime:
    return datetime.combine(day1 + timedelta(days=day - 1), time(hour, 0)).astimezone()


def _results(store: ChartStore, mrn: str, day1: date, ancs: dict[int, str]) -> None:
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    for day, anc in ancs.items():
        entry = CbcEntry(
            taken=at(day1, day),
            wbc=Decimal(anc) * 2,
            anc=Decimal(anc),
            anc_lln=Decimal("2.0"),
            platelets=Decimal(150),
        )
        # History written at once: dates over a week old are confirmed, as a nurse would.
        operations.record_cbc(
            store, patient=patient, entry=entry, confirm=True, actor="nurse a", now=NOW
        )


def write_ward(store: ChartStore) -> ChartStore:
    """Two patients with known results, written through the real operations."""
    for mrn, name, bed in (("A-1", "Alpha, Ann", "4A-01"), ("B-2", "Beta, Ben", "4A-02")):
        operations.admit_patient(
            store, mrn=mrn, name=name, dob=date(1950, 5, 1), bed=bed, actor="nurse a", now=NOW
        )
    a = queries.find_patient(store.db, "A-1")
    b = queries.find_patient(store.db, "B-2")
    assert a is not None
    assert b is not None
    for day1 in A_DAY1S:
        operations.start_cycle(
            store, patient=a, regimen_name="AC", day1=day1, confirm=True, actor="n", now=NOW
        )
    operations.start_cycle(
        store, patient=b, regimen_name="R-CHOP-21", day1=B_DAY1, actor="n", now=NOW
    )
    _results(store, "A-1", A_DAY1S[0], A_ANC)
    _results(store, "A-1", A_DAY1S[1], A_C2_ANC)
    _results(store, "B-2", B_DAY1, B_ANC)
    operations.record_gcsf(
        store,
        patient=a,
        given=at(A_DAY1S[1], 2, 10),
        drug="pegfilgrastim",
        dose="6 mg",
        confirm=True,
        actor="n",
        now=NOW,
    )
    operations.record_temperature(
        store,
        patient=a,
        value=Decimal("38.5"),
        unit="C",
        taken=at(A_DAY1S[1], 11, 9),
        actor="n",
        now=NOW,
    )
    return store
