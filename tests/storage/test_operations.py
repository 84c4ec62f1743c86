"""Saving through the operations: validated, exact, audited, and nothing on failure."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry
from wardchart.domain.records import Patient, Regimen
from wardchart.domain.units import PER_MICROLITRE
from wardchart.storage import operations, queries, records
from wardchart.storage.database import ChartStore

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
TAKEN = datetime(2026, 3, 12, 7, 30, tzinfo=UTC)
D = Decimal


@pytest.fixture
def patient(store: ChartStore) -> Patient:
    operations.admit_patient(
        store,
        mrn="00123456",
        name="Doe, Jane",
        dob=date(1965, 4, 12),
        sex="F",
        bed="412",
        actor="nurse",
        now=NOW,
    )
    found = queries.find_patient(store.db, "00123456")
    assert found is not None
    return found


def saved_version(store: ChartStore, table: str, record_id: str) -> str:
    """The current version's id, as a dialog that loaded the record would hold it."""
    row = records.current_version(store.db, table, record_id)
    assert row is not None
    return str(row["id"])


def counts(store: ChartStore) -> tuple[int, int]:
    results = store.db.execute("SELECT count(*) FROM results").fetchone()[0]
    audits = store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return results, audits


def test_duplicate_mrn_is_refused(store: ChartStore, patient: Patient) -> None:
    with pytest.raises(InvalidEntry) as raised:
        operations.admit_patient(
            store, mrn=" 00123456 ", name="Other", dob=date(1970, 1, 1), actor="nurse", now=NOW
        )
    assert raised.value.first.field == "mrn"


def test_computed_anc_is_stored_exactly_with_what_was_entered(
    store: ChartStore, patient: Patient
) -> None:
    entry = CbcEntry(taken=TAKEN, wbc=D("2.1"), neut_pct=D(40), bands_pct=D(5))
    operations.record_cbc(store, patient=patient, entry=entry, actor="nurse", now=NOW)
    row = next(iter(store.db.query("SELECT * FROM current_results")))
    assert (row["wbc"], row["anc"], row["anc_source"]) == ("2.1", "0.945", "computed")
    assert json.loads(row["entered"]) == {"wbc": "2.1", "neut_pct": "40", "bands_pct": "5"}
    assert row["taken_at"] == "2026-03-12T07:30:00+00:00"
    assert row["recorded_by"] == "nurse"


def test_cells_per_microlitre_are_normalised_and_the_entry_kept(
    store: ChartStore, patient: Patient
) -> None:
    entry = CbcEntry(taken=TAKEN, unit=PER_MICROLITRE, wbc=D(1000), anc=D(160), anc_lln=D(2000))
    operations.record_cbc(store, patient=patient, entry=entry, actor="nurse", now=NOW)
    (result,) = queries.patient_records(store.db, patient).results
    assert (result.wbc, result.anc, result.anc_lln) == (D("1"), D("0.16"), D("2"))
    assert result.anc_source == "lab"
    row = next(iter(store.db.query("SELECT unit_entered, entered FROM results")))
    assert row["unit_entered"] == "cells/uL"
    assert json.loads(row["entered"])["wbc"] == "1000"


def test_a_warning_saves_nothing_until_confirmed(store: ChartStore, patient: Patient) -> None:
    before = counts(store)
    entry = CbcEntry(taken=TAKEN, wbc=D(600))
    with pytest.raises(InvalidEntry) as raised:
        operations.record_cbc(store, patient=patient, entry=entry, actor="nurse", now=NOW)
    assert raised.value.first.severity == "warning"
    assert counts(store) == before
    operations.record_cbc(store, patient=patient, entry=entry, confirm=True, actor="n", now=NOW)
    row = next(iter(store.db.query("SELECT confirmed_warnings FROM results")))
    assert "cells/µL" in row["confirmed_warnings"]


def test_an_error_saves_nothing(store: ChartStore, patient: Patient) -> None:
    before = counts(store)
    with pytest.raises(InvalidEntry):
        operations.record_cbc(
            store,
            patient=patient,
            entry=CbcEntry(taken=TAKEN, wbc=D(1), anc=D(2)),
            actor="n",
            now=NOW,
        )
    assert counts(store) == before


def test_recent_gcsf_silences_the_high_wbc_warning(store: ChartStore, patient: Patient) -> None:
    operations.record_gcsf(
        store,
        patient=patient,
        given=TAKEN - timedelta(days=2),
        drug="pegfilgrastim",
        dose="6 mg",
        actor="n",
        now=NOW,
    )
    operations.record_cbc(
        store, patient=patient, entry=CbcEntry(taken=TAKEN, wbc=D(149)), actor="n", now=NOW
    )
    assert counts(store)[0] == 1


def test_cycles_are_numbered_and_copy_the_regimen(store: ChartStore, patient: Patient) -> None:
    for day1 in (date(2026, 1, 5), date(2026, 1, 26), date(2026, 2, 18)):
        operations.start_cycle(
            store,
            patient=patient,
            regimen_name="r-chop-21",
            day1=day1,
            confirm=True,
            actor="n",
            now=NOW,
        )
    cycles = queries.patient_records(store.db, patient).cycles
    assert [c.number for c in cycles] == [1, 2, 3]
    assert {(c.regimen_name, c.nadir_start, c.nadir_end, c.cycle_length_days) for c in cycles} == {
        ("R-CHOP-21", 10, 12, 21)
    }
    # Editing the library later never changes a started cycle's window.
    operations.save_regimen(store, Regimen("R-CHOP-21", 21, 9, 13), actor="admin", now=NOW)
    again = queries.patient_records(store.db, patient).cycles
    assert again[0].nadir_start == 10
    regimen = queries.find_regimen(store.db, "R-CHOP-21")
    assert regimen is not None
    assert regimen.nadir_start == 9


def test_overrides_and_unknown_regimens(store: ChartStore, patient: Patient) -> None:
    with pytest.raises(InvalidEntry) as raised:
        operations.start_cycle(
            store,
            patient=patient,
            regimen_name="Trial-X",
            day1=date(2026, 3, 1),
            actor="n",
            now=NOW,
        )
    assert raised.value.first.field == "regimen"
    operations.start_cycle(
        store,
        patient=patient,
        regimen_name="Trial-X",
        day1=date(2026, 3, 1),
        nadir_window=(8, 15),
        cycle_length_days=28,
        actor="n",
        now=NOW,
    )
    (cycle,) = queries.patient_records(store.db, patient).cycles
    assert (cycle.regimen_name, cycle.nadir_start, cycle.nadir_end) == ("Trial-X", 8, 15)
    assert cycle.cycle_length_days == 28
    assert cycle.anc_threshold == D("1.5")


def test_a_cycle_must_follow_the_previous_one(store: ChartStore, patient: Patient) -> None:
    operations.start_cycle(
        store,
        patient=patient,
        regimen_name="AC",
        day1=date(2026, 2, 1),
        confirm=True,
        actor="n",
        now=NOW,
    )
    with pytest.raises(InvalidEntry, match="previous cycle"):
        operations.start_cycle(
            store, patient=patient, regimen_name="AC", day1=date(2026, 2, 1), actor="n", now=NOW
        )
    with pytest.raises(InvalidEntry, match="future"):
        operations.start_cycle(
            store, patient=patient, regimen_name="AC", day1=date(2026, 3, 13), actor="n", now=NOW
        )


def test_fahrenheit_is_kept_and_converted(store: ChartStore, patient: Patient) -> None:
    operations.record_temperature(
        store,
        patient=patient,
        value=D(101),
        unit="F",
        taken=TAKEN,
        route="oral",
        actor="n",
        now=NOW,
    )
    (temp,) = queries.patient_records(store.db, patient).temperatures
    assert temp.celsius > D("38.3")
    row = next(iter(store.db.query("SELECT value_entered, unit_entered FROM temperatures")))
    assert (row["value_entered"], row["unit_entered"]) == ("101", "F")


def test_precautions_latest_wins(store: ChartStore, patient: Patient) -> None:
    operations.set_precautions(store, patient=patient, active=True, actor="n", now=NOW)
    operations.set_precautions(
        store, patient=patient, active=False, actor="n", now=NOW + timedelta(hours=1)
    )
    settings = queries.ward_settings(store.db)
    chart = queries.load_chart(store.db, patient, settings, NOW + timedelta(hours=2), UTC)
    assert not chart.precautions_active


def test_settings_are_audited_with_before_and_after(store: ChartStore) -> None:
    operations.set_ward_setting(store, "fn_rule", "nice", actor="admin", now=NOW)
    assert queries.ward_settings(store.db).fn_rule.value == "nice"
    row = store.db.execute("SELECT detail FROM audit_log WHERE action = 'settings'").fetchone()
    detail = json.loads(row[0])
    sealed = detail.pop("version_sha256")  # the setting row's content, bound to this row
    assert detail == {"key": "fn_rule", "before": "idsa2010", "after": "nice"}
    assert len(sealed) == 64
    with pytest.raises(InvalidEntry):
        operations.set_ward_setting(store, "fn_rule", "who", actor="admin", now=NOW)


def test_a_batch_is_one_transaction(store: ChartStore, patient: Patient) -> None:
    before = counts(store)

    def two_results_one_bad() -> None:
        with store.write():
            good = CbcEntry(taken=TAKEN, wbc=D(3))
            operations.record_cbc(store, patient=patient, entry=good, actor="n", now=NOW)
            bad = CbcEntry(taken=TAKEN, wbc=D(-3))
            operations.record_cbc(store, patient=patient, entry=bad, actor="n", now=NOW)

    with pytest.raises(InvalidEntry):
        two_results_one_bad()
    assert counts(store) == before


def test_correcting_a_cbc_supersedes_and_regrades(store: ChartStore, patient: Patient) -> None:
    saved = operations.record_cbc(
        store,
        patient=patient,
        entry=CbcEntry(taken=TAKEN, wbc=D("2.1"), anc=D("0.2")),
        actor="nurse",
        now=NOW,
    )
    fixed = CbcEntry(taken=TAKEN, wbc=D("2.1"), anc=D("1.2"))
    with pytest.raises(InvalidEntry) as raised:
        operations.correct_cbc(
            store,
            patient=patient,
            record_id=saved.record_id,
            expected_version=saved_version(store, "results", saved.record_id),
            entry=fixed,
            reason=" ",
            actor="charge",
            now=NOW,
        )
    assert raised.value.first.field == "reason"
    operations.correct_cbc(
        store,
        patient=patient,
        record_id=saved.record_id,
        expected_version=saved_version(store, "results", saved.record_id),
        entry=fixed,
        reason="transcription error",
        actor="charge",
        now=NOW,
    )
    (result,) = queries.patient_records(store.db, patient).results
    assert (result.id, result.anc, result.corrected) == (saved.record_id, D("1.2"), True)
    history = operations.record_history(store, "results", saved.record_id)
    assert [(h["anc"], h["recorded_by"], h["reason"]) for h in history] == [
        ("0.2", "nurse", ""),
        ("1.2", "charge", "transcription error"),
    ]


def test_a_correction_is_validated_like_an_entry(store: ChartStore, patient: Patient) -> None:
    saved = operations.record_cbc(
        store, patient=patient, entry=CbcEntry(taken=TAKEN, wbc=D(2)), actor="nurse", now=NOW
    )
    before = counts(store)
    with pytest.raises(InvalidEntry):
        operations.correct_cbc(
            store,
            patient=patient,
            record_id=saved.record_id,
            expected_version=saved_version(store, "results", saved.record_id),
            entry=CbcEntry(taken=TAKEN, wbc=D(-2)),
            reason="typo",
            actor="charge",
            now=NOW,
        )
    assert counts(store) == before


def test_entered_in_error_removes_from_the_chart_only(store: ChartStore, patient: Patient) -> None:
    saved = operations.record_temperature(
        store, patient=patient, value=D("38.9"), unit="C", taken=TAKEN, actor="nurse", now=NOW
    )
    operations.mark_entered_in_error(
        store,
        table="temperatures",
        record_id=saved.record_id,
        expected_version=saved_version(store, "temperatures", saved.record_id),
        reason="wrong patient",
        actor="charge",
        now=NOW,
    )
    assert queries.patient_records(store.db, patient).temperatures == []
    assert len(operations.record_history(store, "temperatures", saved.record_id)) == 2
    with pytest.raises(InvalidEntry, match="marked entered in error by charge"):
        operations.mark_entered_in_error(
            store,
            table="temperatures",
            record_id=saved.record_id,
            expected_version=saved.record_id,
            reason="again",
            actor="charge",
            now=NOW,
        )


def test_correcting_day_1_moves_every_cycle_day(store: ChartStore, patient: Patient) -> None:
    for day1 in (date(2026, 1, 5), date(2026, 1, 26), date(2026, 2, 16)):
        operations.start_cycle(
            store, patient=patient, regimen_name="AC", day1=day1, confirm=True, actor="n", now=NOW
        )
    taken = datetime(2026, 2, 5, 7, 0, tzinfo=UTC)
    operations.record_cbc(
        store,
        patient=patient,
        entry=CbcEntry(taken=taken, anc=D("0.4")),
        confirm=True,
        actor="n",
        now=NOW,
    )
    settings = queries.ward_settings(store.db)

    def day_of_result() -> int | None:
        chart = queries.load_chart(store.db, patient, settings, NOW, UTC)
        return chart.cycles[1].results[0].cycle_day

    assert day_of_result() == 11
    c2 = queries.patient_records(store.db, patient).cycles[1]
    for bad_day1, words in (
        (date(2026, 1, 5), "previous cycle"),
        (date(2026, 2, 16), "next cycle"),
    ):
        with pytest.raises(InvalidEntry, match=words):
            operations.correct_cycle(
                store,
                patient=patient,
                record_id=c2.id,
                expected_version=c2.version,
                day1=bad_day1,
                nadir_window=(10, 14),
                cycle_length_days=21,
                reason="wrong date",
                actor="charge",
                now=NOW,
            )
    operations.correct_cycle(
        store,
        patient=patient,
        record_id=c2.id,
        expected_version=c2.version,
        day1=date(2026, 1, 28),
        nadir_window=(10, 14),
        cycle_length_days=21,
        reason="chemo was delayed two days",
        actor="charge",
        now=NOW,
    )
    assert day_of_result() == 9
    history = operations.record_history(store, "cycles", c2.id)
    assert [h["day1"] for h in history] == ["2026-01-26", "2026-01-28"]


def test_correcting_patient_details_keeps_the_mrn_unique(
    store: ChartStore, patient: Patient
) -> None:
    operations.admit_patient(
        store, mrn="999", name="Other, Olga", dob=date(1970, 1, 1), actor="n", now=NOW
    )
    details = {"name": "Doe, Janet", "dob": date(1965, 4, 12), "sex": "F", "bed": "414"}
    with pytest.raises(InvalidEntry, match="belongs to Other, Olga"):
        operations.correct_patient(
            store,
            patient=patient,
            expected_version=patient.version,
            mrn="999",
            reason="typo",
            actor="c",
            now=NOW,
            **details,
        )  # type: ignore[arg-type]
    operations.correct_patient(
        store,
        patient=patient,
        expected_version=patient.version,
        mrn="00123456",
        reason="moved to 414",
        actor="c",
        now=NOW,
        **details,
    )  # type: ignore[arg-type]
    again = queries.find_patient(store.db, "00123456")
    assert again is not None
    assert (again.id, again.name, again.bed) == (patient.id, "Doe, Janet", "414")


def test_a_cycle_length_of_0_is_refused_never_replaced(store: ChartStore, patient: Patient) -> None:
    with pytest.raises(InvalidEntry) as raised:
        operations.start_cycle(
            store,
            patient=patient,
            regimen_name="AC",
            day1=date(2026, 3, 10),
            cycle_length_days=0,
            actor="n",
            now=NOW,
        )
    assert raised.value.first.field == "cycle_length"
    saved = operations.start_cycle(
        store, patient=patient, regimen_name="AC", day1=date(2026, 3, 10), actor="n", now=NOW
    )
    with pytest.raises(InvalidEntry) as raised:
        operations.correct_cycle(
            store,
            patient=patient,
            record_id=saved.record_id,
            expected_version=saved.record_id,
            day1=date(2026, 3, 10),
            nadir_window=(10, 14),
            cycle_length_days=0,
            reason="typo",
            actor="n",
            now=NOW,
        )
    assert raised.value.first.field == "cycle_length"
    assert queries.patient_records(store.db, patient).cycles[0].cycle_length_days == 21
