"""The same laboratory message, or the same FHIR bundle, imported on two replicas before
they meet: one file would skip it the second time (the message's digest, the entry's
identifier, the same patient, time and counts), so merged it is a conflict to review,
never two current results (docs/merging.md, "Charted twice")."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from hl7_messages import cbc, message, msh, obr, pid, standard
from test_fhir import _synthea_like, _write

from wardchart.domain.records import Patient
from wardchart.storage import queries
from wardchart.storage.conflicts import conflicts
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.fhir import import_bundle
from wardchart.storage.hl7_import import import_files
from wardchart.storage.merge import copy_chart, merge_from


def laptop_of(store: ChartStore, tmp_path: Path, now: datetime) -> ChartStore:
    made = copy_chart(store, tmp_path / "laptop.sqlite", actor="it", now=now)
    return open_chart(made.path, create=False)


def merge_both_ways(store: ChartStore, laptop: ChartStore, now: datetime) -> list[object]:
    path = laptop.path
    laptop.close()
    merge_from(store, path, actor="n", now=now)
    back = open_chart(path, create=False)
    try:
        merge_from(back, store.path, actor="n", now=now)
        found = [(c.kind, c.table, c.key, len(c.sides)) for c in conflicts(store.db)]
        assert [(c.kind, c.table, c.key, len(c.sides)) for c in conflicts(back.db)] == found
    finally:
        back.close()
    return found


def hl7(store: ChartStore, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    (outcome,) = import_files(store, [path], actor="lab", now=datetime.now().astimezone())
    return outcome.outcome


def test_one_hl7_message_imported_on_two_replicas_is_a_duplicate(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    laptop = laptop_of(store, tmp_path, now)
    data = standard()
    assert hl7(store, tmp_path / "a.hl7", data) == "charted"
    assert hl7(store, tmp_path / "b.hl7", data) != "charted"  # one file: already imported
    assert hl7(laptop, tmp_path / "c.hl7", data) == "charted"
    ((kind, table, _, sides),) = merge_both_ways(store, laptop, now)
    assert (kind, table, sides) == ("duplicate", "results", 2)
    assert len(queries.patient_records(store.db, jane).results) == 2  # both kept, marked


def test_a_preliminary_on_one_replica_and_its_final_on_the_other_are_reviewed(
    store: ChartStore, jane: Patient, tmp_path: Path, now: datetime
) -> None:
    """One file updates the preliminary with the final (the same order number); apart,
    each replica charted one: two results of one sample, with different values."""
    laptop = laptop_of(store, tmp_path, now)
    taken = (now - timedelta(hours=3)).strftime("%Y%m%d%H%M%z")

    def sent(control: str, status: str, anc: str) -> bytes:
        return message(msh(control), pid(), obr(taken=taken), *cbc(status, anc=anc))

    assert hl7(store, tmp_path / "p.hl7", sent("LAB1", "P", "0.84")) == "charted"
    assert hl7(laptop, tmp_path / "f.hl7", sent("LAB2", "F", "0.91")) == "charted"
    ((kind, table, _, sides),) = merge_both_ways(store, laptop, now)
    assert (kind, table, sides) == ("same_time", "results", 2)


def test_one_fhir_bundle_imported_on_two_replicas_is_two_duplicates(
    store: ChartStore, tmp_path: Path, now: datetime
) -> None:
    from datetime import date

    from wardchart.storage import operations

    operations.admit_patient(
        store, mrn="MRN-7", name="Roe, Ray", dob=date(1961, 2, 3), actor="n", now=now
    )
    laptop = laptop_of(store, tmp_path, now)
    when = now.replace(microsecond=0) - timedelta(hours=4)
    bundle = _write(tmp_path / "b.json", _synthea_like("1961-02-03", "MRN-7", when))
    for chart in (store, laptop):
        outcomes = import_bundle(chart, bundle, actor="lab", now=now)
        assert [o.outcome for o in outcomes].count("charted") == 3
    again = import_bundle(store, bundle, actor="lab", now=now)
    assert "charted" not in [o.outcome for o in again]  # one file: already imported
    found = merge_both_ways(store, laptop, now)
    assert sorted((kind, table, sides) for kind, table, _, sides in found) == [
        ("duplicate", "results", 2),
        ("duplicate", "temperatures", 2),
    ]
