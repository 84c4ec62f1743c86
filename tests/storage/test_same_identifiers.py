"""The same patient, bed and regimen however they were typed, on a real chart file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.storage import operations, queries, records
from wardchart.storage.csv_import import import_results
from wardchart.storage.database import ChartStore

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


def admit(store: ChartStore, mrn: str, name: str = "Okafor, Grace", bed: str = "4A-01") -> None:
    operations.admit_patient(
        store, mrn=mrn, name=name, dob=date(1961, 7, 4), bed=bed, actor="nurse", now=NOW
    )


def patients(store: ChartStore) -> int:
    return int(store.db.execute("SELECT count(*) FROM patients").fetchone()[0])


def test_an_mrn_with_a_zero_width_space_is_refused_not_a_second_patient(
    store: ChartStore,
) -> None:
    admit(store, "MRN100231")
    with pytest.raises(InvalidEntry) as caught:
        admit(store, "MRN100231\u200b")
    assert caught.value.first.field == "mrn"
    assert "U+200B" in caught.value.first.message
    with pytest.raises(InvalidEntry, match="mrn"):
        queries.require_patient(store.db, "\u200bMRN100231")
    assert patients(store) == 1


def test_case_and_width_variants_of_an_mrn_are_the_same_patient(store: ChartStore) -> None:
    admit(store, "mrn100231")
    stored = store.db.execute("SELECT mrn FROM patients").fetchone()[0]
    assert stored == "MRN100231"
    for typed in ("MRN100231", "mrn100231", "ＭＲＮ１００２３１", " Mrn100231 "):
        found = queries.require_patient(store.db, typed)
        assert found.mrn == "MRN100231"
        with pytest.raises(InvalidEntry, match="already on this chart"):
            admit(store, typed)
    assert patients(store) == 1


def test_patients_admitted_before_normalising_are_still_found(store: ChartStore) -> None:
    """Rows are never updated: an old MRN stays as typed, and lookups still find it."""
    with store.write() as db:  # as an earlier wardchart stored it: lower case, a hidden space
        records.create(
            db,
            "patients",
            {"mrn": "mrn100231\u200b", "name": "Okafor, Grace", "dob": "1961-07-04"},
            actor="old",
            now=NOW,
        )
    assert queries.require_patient(store.db, "MRN100231").name == "Okafor, Grace"
    with pytest.raises(InvalidEntry, match="already on this chart"):
        admit(store, "MRN100231")
    assert patients(store) == 1


def test_a_right_to_left_override_in_a_name_is_refused(store: ChartStore) -> None:
    for name in ("Okafor\u202e, Grace", "Okafor, \u2067Grace", "Okafor,\x85Grace"):
        with pytest.raises(InvalidEntry) as caught:
            admit(store, "MRN1", name=name)
        assert caught.value.first.field == "name"
    assert patients(store) == 0


def test_beds_are_stored_in_normal_form(store: ChartStore) -> None:
    admit(store, "MRN1", bed="４Ａ－０１")
    admit(store, "MRN2", bed="4A\u201302")
    assert [p.bed for p in queries.all_patients(store.db)] == ["4A-01", "4A-02"]
    with pytest.raises(InvalidEntry) as caught:
        admit(store, "MRN3", bed="4A-\u200b03")
    assert caught.value.first.field == "bed"


def test_regimen_names_are_found_however_typed(store: ChartStore) -> None:
    admit(store, "MRN1")
    patient = queries.require_patient(store.db, "MRN1")
    operations.start_cycle(
        store,
        patient=patient,
        regimen_name="r\u2013chop\u201321",
        day1=date(2026, 3, 2),
        actor="n",
        now=NOW,
    )
    cycle = store.db.execute("SELECT regimen_name FROM cycles").fetchone()[0]
    assert cycle == "R-CHOP-21"
    with pytest.raises(InvalidEntry) as caught:
        operations.start_cycle(
            store,
            patient=patient,
            regimen_name="AC\u200b",
            day1=date(2026, 3, 23),
            actor="n",
            now=NOW,
        )
    assert caught.value.first.field == "regimen"


def test_csv_import_finds_the_patient_whatever_the_case(store: ChartStore, tmp_path: Path) -> None:
    admit(store, "MRN100231")
    csv = tmp_path / "results.csv"
    csv.write_text("mrn,taken,wbc\nmrn100231,2026-03-11 06:30,2.1\n", encoding="utf-8")
    import_results(store, csv, confirm=False, actor="n", now=NOW)
    assert store.db.execute("SELECT count(*) FROM results").fetchone()[0] == 1
    csv.write_text("mrn,taken,wbc\nMRN100231\u200b,2026-03-11 07:30,2.1\n", encoding="utf-8")
    with pytest.raises(InvalidEntry, match="line 2: mrn"):
        import_results(store, csv, confirm=False, actor="n", now=NOW)
