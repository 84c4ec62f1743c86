"""The census read in bulk from recent records equals the census from every patient's whole
chart: the shortcut that makes a hospital-sized census fast must never change a line."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from wardchart.demo import synthetic_patients, write_demo_ward
from wardchart.domain.census import CensusRow, census_row, recent_records_suffice
from wardchart.domain.fever import FN_RULES, FnRuleName
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.records import Temperature
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore


def whole_charts(store: ChartStore, now: datetime) -> list[CensusRow]:
    settings = queries.ward_settings(store.db)
    return [
        census_row(queries.load_chart(store.db, p, settings, now))
        for p in queries.all_patients(store.db)
    ]


def bulk(store: ChartStore, now: datetime) -> list[CensusRow]:
    return queries.census_rows(store.db, queries.ward_settings(store.db), now)


def test_demo_ward_census_is_the_same_either_way(store: ChartStore) -> None:
    now = datetime.now().astimezone()
    write_demo_ward(store, now=now)
    rows = bulk(store, now)
    assert rows == whole_charts(store, now)
    assert any("FN alert" in r.flags for r in rows)  # the demo's febrile episode is seen


def test_synthetic_ward_census_is_the_same_either_way(store: ChartStore) -> None:
    now = datetime.now().astimezone()
    write_demo_ward(store, now=now, people=synthetic_patients(16, today=now.date(), seed=3))
    assert bulk(store, now) == whole_charts(store, now)


def _temp(store: ChartStore, mrn: str, at: datetime, value: str, now: datetime) -> None:
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    operations.record_temperature(
        store,
        patient=patient,
        value=Decimal(value),
        unit="C",
        taken=at,
        confirm=True,
        actor="n",
        now=now,
    )


def _cbc(store: ChartStore, mrn: str, at: datetime, anc: str, now: datetime) -> None:
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    entry = CbcEntry(taken=at, wbc=Decimal(anc) * 2, anc=Decimal(anc), platelets=Decimal(150))
    operations.record_cbc(store, patient=patient, entry=entry, confirm=True, actor="n", now=now)


def test_edge_cases_are_the_same_either_way(store: ChartStore) -> None:
    """A fever episode running from 12 days before day 1 into the cycle (whole chart read),
    a patient whose last ANC is older than the recent records, one with no cycle."""
    now = datetime.now().astimezone().replace(hour=15, minute=0, second=0, microsecond=0)
    today = now.date()
    for mrn, bed in (("LONG", "1"), ("OLD", "2"), ("NONE", "3")):
        operations.admit_patient(
            store, mrn=mrn, name=f"Case, {mrn}", dob=date(1960, 1, 1), bed=bed, actor="n", now=now
        )
    long_patient = queries.find_patient(store.db, "LONG")
    old_patient = queries.find_patient(store.db, "OLD")
    assert long_patient is not None
    assert old_patient is not None
    day1 = today - timedelta(days=3)
    operations.start_cycle(
        store, patient=long_patient, regimen_name="AC", day1=day1, actor="n", now=now
    )
    start = datetime.combine(day1 - timedelta(days=12), time(8, 0)).astimezone()
    _cbc(store, "LONG", start - timedelta(hours=2), "0.4", now)
    reading = start
    while reading < now - timedelta(hours=1):  # 38.2 °C every 4 h: one long episode
        _temp(store, "LONG", reading, "38.2", now)
        reading += timedelta(hours=4)
    _cbc(store, "LONG", now - timedelta(hours=3), "0.3", now)
    operations.start_cycle(
        store,
        patient=old_patient,
        regimen_name="AC",
        day1=today - timedelta(days=40),
        confirm=True,
        actor="n",
        now=now,
    )
    _cbc(store, "OLD", now - timedelta(days=39), "1.1", now)
    _temp(store, "NONE", now - timedelta(hours=5), "38.6", now)
    rows = bulk(store, now)
    assert rows == whole_charts(store, now)
    by_mrn = {r.mrn: r for r in rows}
    assert by_mrn["OLD"].latest_anc.startswith("1.1")  # fetched from before the recent records


def _reading(at: datetime, celsius: str) -> Temperature:
    return Temperature(
        id=str(at), patient_id="p", taken=at, celsius=Decimal(celsius), route="", recorded_by="n"
    )


def test_recent_records_suffice_only_when_no_episode_reaches_back() -> None:
    rule = FN_RULES[FnRuleName.IDSA2010]
    loaded_from = datetime(2026, 3, 10, tzinfo=datetime.now().astimezone().tzinfo)
    inside = loaded_from + timedelta(days=9, hours=12)
    assert recent_records_suffice(rule, [], loaded_from)
    assert recent_records_suffice(rule, [_reading(inside, "38.5")], loaded_from)
    # An episode that starts 4 h after the first loaded moment may reach further back.
    run = [_reading(loaded_from + timedelta(hours=3 + 4 * i), "38.2") for i in range(60)]
    assert not recent_records_suffice(rule, run, loaded_from)
    # An episode starting less than 48 h after loaded_from lacks its ANC look-back.
    late = [_reading(loaded_from + timedelta(hours=30 + 4 * i), "38.2") for i in range(50)]
    assert not recent_records_suffice(rule, late, loaded_from)
    # Normal readings break the chain: the febrile ones after are their own episode.
    broken = [*run[:5], _reading(run[4].taken + timedelta(hours=4), "36.8")]
    broken += [_reading(inside + timedelta(hours=4 * i), "38.2") for i in range(3)]
    assert recent_records_suffice(rule, broken, loaded_from)


def test_census_in_parts_is_the_census_whole(store: ChartStore) -> None:
    now = datetime.now().astimezone()
    write_demo_ward(store, now=now)
    settings = queries.ward_settings(store.db)
    patients = queries.all_patients(store.db)
    parts = [
        row
        for start in range(0, len(patients), 5)
        for row in queries.census_rows(
            store.db, settings, now, patients=patients[start : start + 5]
        )
    ]
    assert parts == queries.census_rows(store.db, settings, now)
    assert queries.census_rows(store.db, settings, now, patients=[]) == []


def test_changes_since_names_the_patients_written_to(store: ChartStore) -> None:
    now = datetime.now().astimezone()
    write_demo_ward(store, now=now)
    seen = queries.audit_position(store.db)
    assert queries.changes_since(store.db, seen) == (set(), seen)
    saved = operations.admit_patient(
        store, mrn="NEW-1", name="New, Patient", dob=date(1970, 1, 1), actor="n", now=now
    )
    first = queries.all_patients(store.db)[0]
    _cbc(store, first.mrn, now, "1.2", now)
    changed, seen = queries.changes_since(store.db, seen)
    assert changed == {saved.record_id, first.id}
    operations.set_ward_setting(store, key="fn_rule", value="nice", actor="n", now=now)
    assert queries.changes_since(store.db, seen)[0] is None  # every line may change
    # A file whose audit row at the position seen is another one: read everything again.
    assert queries.changes_since(store.db, (seen[0], "0" * 64))[0] is None
