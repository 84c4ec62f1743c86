"""One entry charted on two replicas apart — the same lab CSV imported on two laptops, a
blood count typed again on a second workstation — is a conflict after merging, never two
silent current records (see docs/merging.md, "Charted twice"): real files, real merges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry
from wardchart.domain.records import Patient
from wardchart.domain.units import PER_LITRE_E9, PER_MICROLITRE, CountUnit
from wardchart.storage import operations, queries
from wardchart.storage.conflicts import Conflict, conflicts, resolve_conflict
from wardchart.storage.csv_import import import_results
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.merge import copy_chart, merge_from

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=30)
TAKEN = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


@pytest.fixture
def ward(store: ChartStore) -> ChartStore:
    operations.admit_patient(
        store, mrn="A1", name="Alpha, Ann", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    return store


@pytest.fixture
def laptop(ward: ChartStore, tmp_path: Path):
    made = copy_chart(ward, tmp_path / "laptop.sqlite", actor="it", now=NOW)
    opened = open_chart(made.path, create=False)
    yield opened
    opened.close()


def ann(store: ChartStore) -> Patient:
    found = queries.find_patient(store.db, "A1")
    assert found is not None
    return found


def typed_cbc(
    store: ChartStore,
    anc: str,
    *,
    taken: datetime = TAKEN,
    unit: CountUnit = PER_LITRE_E9,
    wbc: str | None = None,
) -> str:
    entry = CbcEntry(
        taken=taken, wbc=None if wbc is None else Decimal(wbc), anc=Decimal(anc), unit=unit
    )
    return operations.record_cbc(
        store, patient=ann(store), entry=entry, confirm=True, actor="n", now=NOW
    ).record_id


def merged_both_ways(ward: ChartStore, laptop: ChartStore) -> tuple[ChartStore, list[Conflict]]:
    """Merge the laptop into the ward, and the ward back into the laptop; both must list
    the same conflicts (the same keys). Returns the laptop reopened and the conflicts."""
    path = laptop.path
    laptop.close()
    merge_from(ward, path, actor="n", now=LATER)
    back = open_chart(path, create=False)
    merge_from(back, ward.path, actor="n", now=LATER)
    found = conflicts(ward.db)
    assert [(c.kind, c.key, c.subject) for c in conflicts(back.db)] == [
        (c.kind, c.key, c.subject) for c in found
    ]
    return back, found


def results_at(store: ChartStore, taken: datetime = TAKEN) -> list[object]:
    return [r for r in queries.patient_records(store.db, ann(store)).results if r.taken == taken]


def test_the_same_csv_imported_on_two_replicas_is_a_duplicate_conflict(
    ward: ChartStore, laptop: ChartStore, tmp_path: Path
) -> None:
    csv = tmp_path / "labs.csv"
    csv.write_text("MRN,taken,wbc,anc\nA1,2026-03-10T07:00+00:00,2.1,0.84\n", encoding="utf-8")
    for store in (ward, laptop):
        assert import_results(store, csv, confirm=False, actor="lab", now=NOW).imported == 1
    # on one file, the same import again is skipped as already charted
    assert import_results(ward, csv, confirm=False, actor="lab", now=NOW).skipped_duplicates == 1
    back, found = merged_both_ways(ward, laptop)
    (conflict,) = found
    assert conflict.kind == "duplicate"
    assert conflict.table == "results"
    assert conflict.patient_id == ann(ward).id
    assert conflict.subject == "CBC taken 2026-03-10 07:00"
    assert len(conflict.sides) == 2
    assert {s.replica_id for s in conflict.sides} == {
        ward.conn.execute("SELECT id FROM chart_identity ORDER BY rowid LIMIT 1").fetchone()[0],
        back.conn.execute("SELECT id FROM chart_identity ORDER BY rowid DESC LIMIT 1").fetchone()[
            0
        ],
    }
    assert len(results_at(ward)) == 2  # nothing dropped until a person decides
    back.close()


def test_a_count_typed_again_in_other_units_is_the_same_entry(
    ward: ChartStore, laptop: ChartStore
) -> None:
    typed_cbc(ward, "0.84", wbc="2.1")
    typed_cbc(laptop, "840", wbc="2100", unit=PER_MICROLITRE)  # the same count, in cells/µL
    back, found = merged_both_ways(ward, laptop)
    assert [c.kind for c in found] == ["duplicate"]
    back.close()


def test_two_different_counts_at_one_collection_time_show_both_values(
    ward: ChartStore, laptop: ChartStore
) -> None:
    typed_cbc(ward, "0.84", wbc="2.1")
    typed_cbc(laptop, "0.48", wbc="2.1")  # the digits swapped on the second computer
    back, found = merged_both_ways(ward, laptop)
    (conflict,) = found
    assert conflict.kind == "same_time"
    assert sorted("anc=0.84" in s.summary for s in conflict.sides) == [False, True]
    assert sorted("anc=0.48" in s.summary for s in conflict.sides) == [False, True]
    assert all(s.shown for s in conflict.sides)
    back.close()


def test_one_minute_apart_or_on_one_computer_is_not_a_conflict(
    ward: ChartStore, laptop: ChartStore
) -> None:
    typed_cbc(ward, "0.84", wbc="2.1")
    typed_cbc(laptop, "0.84", wbc="2.1", taken=TAKEN + timedelta(minutes=1))
    typed_cbc(ward, "0.5", taken=TAKEN + timedelta(hours=5))  # typed twice on one computer:
    typed_cbc(ward, "0.5", taken=TAKEN + timedelta(hours=5))  # that file charts it so today
    back, found = merged_both_ways(ward, laptop)
    assert found == []
    back.close()


def test_a_temperature_and_a_gcsf_dose_charted_on_both_are_duplicates(
    ward: ChartStore, laptop: ChartStore
) -> None:
    given = TAKEN + timedelta(hours=2)
    for store, (value, unit), drug in (
        (ward, ("38.5", "C"), "filgrastim"),
        (laptop, ("101.3", "F"), "Filgrastim "),  # 101.3 °F is 38.5 °C
    ):
        operations.record_temperature(
            store,
            patient=ann(store),
            value=Decimal(value),
            unit=unit,
            taken=TAKEN,
            confirm=True,
            actor="n",
            now=NOW,
        )
        operations.record_gcsf(
            store,
            patient=ann(store),
            given=given,
            drug=drug,
            dose="300 mcg",
            confirm=True,
            actor="n",
            now=NOW,
        )
    # another temperature at that time, with another value: one file charts it too
    operations.record_temperature(
        laptop,
        patient=ann(laptop),
        value=Decimal("37.9"),
        unit="C",
        taken=TAKEN,
        confirm=True,
        actor="n",
        now=NOW,
    )
    back, found = merged_both_ways(ward, laptop)
    assert sorted((c.kind, c.table, c.subject, len(c.sides)) for c in found) == [
        ("duplicate", "gcsf_doses", "G-CSF dose given 2026-03-10 09:00", 2),
        ("duplicate", "temperatures", "temperature taken 2026-03-10 07:00", 2),
    ]
    back.close()


def test_keeping_one_withdraws_the_other_and_closes_it_on_both(
    ward: ChartStore, laptop: ChartStore
) -> None:
    typed_cbc(ward, "0.84", wbc="2.1")
    typed_cbc(laptop, "0.84", wbc="2.1")
    back, (conflict,) = merged_both_ways(ward, laptop)
    kept, other = conflict.sides
    before = {t: back.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("results",)}
    resolve_conflict(
        back,
        conflict.key,
        action="keep",
        keep=kept.version_id,
        reason="charted twice",
        actor="n",
        now=LATER,
    )
    assert conflicts(back.db) == []
    assert [r.id for r in results_at(back)] == [kept.record_id]
    # withdrawn by a new version (entered in error, with the reason), nothing changed
    withdrawn = back.conn.execute(
        "SELECT supersedes, entered_in_error, reason FROM results WHERE origin_id = ? "
        "AND supersedes IS NOT NULL",
        [other.record_id],
    ).fetchall()
    assert [tuple(r) for r in withdrawn] == [(other.version_id, 1, "charted twice")]
    assert back.conn.execute("SELECT count(*) FROM results").fetchone()[0] == before["results"] + 1
    assert back.conn.execute("SELECT count(*) FROM resolution_set_aside").fetchone()[0] == 0
    path = back.path
    back.close()
    merge_from(ward, path, actor="n", now=LATER)
    assert conflicts(ward.db) == []
    assert [r.id for r in results_at(ward)] == [kept.record_id]


def test_what_is_remembered_between_listings_never_hides_a_conflict(
    ward: ChartStore, laptop: ChartStore, tmp_path: Path
) -> None:
    """The moments found are remembered per file between listings (a hospital's file is
    not read in full at every save): rows added since, a merge tried and rolled back, a
    file put in another's place, are all seen."""
    assert conflicts(ward.db) == []
    typed_cbc(laptop, "0.84", wbc="2.1")
    typed_cbc(ward, "0.84", wbc="2.1")
    assert conflicts(ward.db) == []  # one record each: nothing yet
    path = laptop.path
    laptop.close()
    merge_from(ward, path, dry_run=True, actor="n", now=LATER)  # lists them, rolls back
    assert conflicts(ward.db) == []
    typed_cbc(ward, "0.5", taken=TAKEN + timedelta(hours=1))  # its rowid the rolled-back one's
    merge_from(ward, path, actor="n", now=LATER)
    assert [c.kind for c in conflicts(ward.db)] == ["duplicate"]
    # another file in its place (a restore, say): read again, not believed
    other = tmp_path / "other.sqlite"
    ward_path = ward.path
    ward.close()
    import shutil

    shutil.copy(ward_path, other)
    fresh = open_chart(tmp_path / "fresh.sqlite")
    try:
        assert conflicts(fresh.db) == []
    finally:
        fresh.close()
    reopened = open_chart(ward_path, create=False)
    try:
        assert [c.kind for c in conflicts(reopened.db)] == ["duplicate"]
    finally:
        reopened.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{ward_path}{suffix}").unlink(missing_ok=True)
    shutil.copy(path, ward_path)  # the laptop's file (one record) where the ward's was
    replaced = open_chart(ward_path, create=False)
    try:
        assert conflicts(replaced.db) == []
        typed_cbc(replaced, "0.84", wbc="2.1")  # typed twice on one computer: its own
        assert conflicts(replaced.db) == []
        merge_from(replaced, other, actor="n", now=LATER)
        assert [c.kind for c in conflicts(replaced.db)] == ["duplicate"]
    finally:
        replaced.close()


def count_of(store: ChartStore, record_id: str) -> str:
    (anc,) = store.conn.execute(
        "SELECT anc FROM current_results WHERE origin_id = ?", [record_id]
    ).fetchone()
    return str(anc)


def test_kept_once_apart_on_two_computers_they_agree_whatever_was_clicked(
    ward: ChartStore, laptop: ChartStore
) -> None:
    """The same count charted twice, then resolved on both computers before they meet
    again, one naming one record, the other the other: the rule keeps the same one on
    both (charted first, then the smaller id), so one record is shown, not none."""
    typed_cbc(ward, "0.84", wbc="2.1")
    typed_cbc(laptop, "0.84", wbc="2.1")
    back, (conflict,) = merged_both_ways(ward, laptop)
    first, second = conflict.sides
    done = [
        resolve_conflict(
            store,
            conflict.key,
            action="keep",
            keep=side.version_id,
            reason="twice",
            actor="n",
            now=LATER,
        )
        for store, side in ((ward, first), (back, second))
    ]
    charted = {
        r[0]: r[1]
        for r in ward.conn.execute(
            "SELECT origin_id, recorded_at FROM results WHERE id = origin_id"
        ).fetchall()
    }
    rule = min((charted[s.record_id], s.record_id) for s in conflict.sides)[1]
    kept = next(s for s in conflict.sides if s.record_id == rule)
    for store in (ward, back):
        assert [r.id for r in results_at(store)] == [rule]
    assert [d.kept for d in done] == [kept.version_id, kept.version_id]
    again, found = merged_both_ways(ward, back)
    assert found == []
    for store in (ward, again):
        assert [r.id for r in results_at(store)] == [rule]  # counted once, on both
    again.close()


def test_two_counts_kept_differently_apart_are_a_conflict_until_one_is_shown_again(
    ward: ChartStore, laptop: ChartStore
) -> None:
    """Two different counts at one collection time; one computer keeps the first, the
    other the second, before they meet again. Merged, each withdrew the other's: nothing
    would be shown. That is a conflict of its own, listing both counts; showing one again
    writes a new version of it (nothing updated or deleted) and closes it everywhere."""
    typed_cbc(ward, "0.84", wbc="2.1")
    typed_cbc(laptop, "0.48", wbc="2.1")
    back, (conflict,) = merged_both_ways(ward, laptop)
    assert conflict.kind == "same_time"
    ours, theirs = conflict.sides
    for store, side in ((ward, ours), (back, theirs)):
        resolve_conflict(
            store,
            conflict.key,
            action="keep",
            keep=side.version_id,
            reason="checked",
            actor="n",
            now=LATER,
        )
        assert len(results_at(store)) == 1
    again, found = merged_both_ways(ward, back)
    (apart,) = found
    assert apart.kind == "resolved_apart"
    assert apart.subject == "CBC taken 2026-03-10 07:00"
    assert apart.patient_id == ann(ward).id
    assert sorted(s.version_id for s in apart.sides) == sorted([ours.version_id, theirs.version_id])
    assert not any(s.shown for s in apart.sides)
    assert sorted("anc=0.84" in s.summary for s in apart.sides) == [False, True]
    for store in (ward, again):
        assert results_at(store) == []  # what the conflict is about: nothing shown
    with pytest.raises(InvalidEntry):
        resolve_conflict(
            again,
            apart.key,
            action="new_version",
            record_id=ours.record_id,
            changes={"anc": "0.8"},
            reason="x",
            actor="n",
            now=LATER,
        )
    rows_before = again.conn.execute("SELECT count(*) FROM results").fetchone()[0]
    chosen = next(s for s in apart.sides if "anc=0.84" in s.summary)
    done = resolve_conflict(
        again,
        apart.key,
        action="keep",
        keep=chosen.version_id,
        reason="the lab's value",
        actor="n",
        now=LATER,
    )
    assert conflicts(again.db) == []
    assert [r.id for r in results_at(again)] == [chosen.record_id]
    assert count_of(again, chosen.record_id) == "0.84"
    # a new version, not entered in error, superseding the withdrawal: nothing changed
    assert again.conn.execute("SELECT count(*) FROM results").fetchone()[0] == rows_before + 1
    new = again.conn.execute(
        "SELECT n.entered_in_error, n.reason, o.entered_in_error FROM results n "
        "JOIN results o ON o.id = n.supersedes WHERE n.id = ?",
        [done.new_version],
    ).fetchone()
    assert tuple(new) == (0, "the lab's value", 1)
    assert done.kept == chosen.version_id  # the resolution names the version chosen
    final, found = merged_both_ways(ward, again)
    assert found == []
    for store in (ward, final):
        assert [r.id for r in results_at(store)] == [chosen.record_id]  # counted once
        assert count_of(store, chosen.record_id) == "0.84"
    final.close()


def kept_differently_apart(ward: ChartStore, laptop: ChartStore) -> tuple[ChartStore, Conflict]:
    """Two counts at one time, each kept on another computer apart, then merged both ways:
    the laptop reopened and the 'resolved apart' conflict."""
    typed_cbc(ward, "0.84", wbc="2.1")
    typed_cbc(laptop, "0.48", wbc="2.1")
    back, (conflict,) = merged_both_ways(ward, laptop)
    for store, side in zip((ward, back), conflict.sides, strict=True):
        resolve_conflict(
            store, conflict.key, action="keep", keep=side.version_id, reason="checked",
            actor="n", now=LATER,
        )  # fmt: skip
    again, (apart,) = merged_both_ways(ward, back)
    assert apart.kind == "resolved_apart"
    return again, apart


def test_one_count_shown_again_on_both_computers_apart_is_shown_once(
    ward: ChartStore, laptop: ChartStore
) -> None:
    """Both computers show the same count again before they meet: two new versions of it
    with the same values — they agree, nothing to review, counted once."""
    again, apart = kept_differently_apart(ward, laptop)
    chosen = next(s for s in apart.sides if "anc=0.84" in s.summary)
    for store in (ward, again):
        resolve_conflict(
            store, apart.key, action="keep", keep=chosen.version_id, reason="lab value",
            actor="n", now=LATER,
        )  # fmt: skip
    final, found = merged_both_ways(ward, again)
    assert found == []
    for store in (ward, final):
        assert [r.id for r in results_at(store)] == [chosen.record_id]
    final.close()


def test_two_counts_shown_again_on_two_computers_apart_are_a_conflict_again(
    ward: ChartStore, laptop: ChartStore
) -> None:
    """Each computer shows another count again before they meet: both are shown, so it is
    the two-counts conflict again (a new key: the first one is settled), never two counts
    at one time without a mark; keeping one then closes it on both."""
    again, apart = kept_differently_apart(ward, laptop)
    for store, side in zip((ward, again), apart.sides, strict=True):
        resolve_conflict(
            store, apart.key, action="keep", keep=side.version_id, reason="lab value",
            actor="n", now=LATER,
        )  # fmt: skip
    final, found = merged_both_ways(ward, again)
    (conflict,) = found
    assert conflict.kind == "same_time"
    assert len(results_at(ward)) == 2
    assert all(s.shown for s in conflict.sides)
    kept = next(s for s in conflict.sides if "anc=0.84" in s.summary)
    resolve_conflict(
        final, conflict.key, action="keep", keep=kept.version_id, reason="lab value",
        actor="n", now=LATER,
    )  # fmt: skip
    last, found = merged_both_ways(ward, final)
    assert found == []
    for store in (ward, last):
        assert [r.id for r in results_at(store)] == [kept.record_id]
    last.close()


def test_a_count_kept_on_one_computer_and_withdrawn_on_another_apart_is_a_conflict(
    ward: ChartStore, laptop: ChartStore
) -> None:
    """Two counts at one time: one computer resolves it keeping the laptop's count, while
    a nurse on the laptop, apart, marks that same count entered in error. Merged, neither
    count would be shown with no conflict left; it is a 'resolved apart' conflict whose
    sides are the count kept and its withdrawal, and keeping the count shows it again."""
    typed_cbc(ward, "0.30", wbc="2.1")
    theirs_id = typed_cbc(laptop, "0.90", wbc="2.1")
    back, (conflict,) = merged_both_ways(ward, laptop)
    kept = next(s for s in conflict.sides if s.record_id == theirs_id)
    resolve_conflict(
        ward, conflict.key, action="keep", keep=kept.version_id, reason="the lab's",
        actor="n", now=LATER,
    )  # fmt: skip
    operations.mark_entered_in_error(
        back, table="results", record_id=theirs_id, expected_version=kept.version_id,
        reason="wrong patient", actor="m", now=LATER,
    )  # fmt: skip
    again, found = merged_both_ways(ward, back)
    (apart,) = found
    assert apart.kind == "resolved_apart"
    assert sorted(s.entered_in_error for s in apart.sides) == [False, True]
    for store in (ward, again):
        assert results_at(store) == []  # what it is about: nothing shown
    resolve_conflict(
        again, apart.key, action="keep", keep=kept.version_id, reason="checked with the lab",
        actor="n", now=LATER,
    )  # fmt: skip
    final, found = merged_both_ways(ward, again)
    assert found == []
    for store in (ward, final):
        assert [r.id for r in results_at(store)] == [theirs_id]
    final.close()


def test_a_temperature_kept_once_and_withdrawn_apart_can_stay_withdrawn(
    ward: ChartStore, laptop: ChartStore
) -> None:
    """The same temperature on both; one computer keeps it once (by the rule), the other
    withdraws that very reading apart. A conflict; keeping the withdrawal closes it with
    nothing shown, as the nurse chose."""
    for store in (ward, laptop):
        operations.record_temperature(
            store, patient=ann(store), value=Decimal("38.6"), unit="C", taken=TAKEN,
            route="oral", confirm=True, actor="n", now=NOW,
        )  # fmt: skip
    back, (conflict,) = merged_both_ways(ward, laptop)
    assert conflict.kind == "duplicate"
    resolve_conflict(
        ward, conflict.key, action="keep", keep=conflict.sides[0].version_id, reason="once",
        actor="n", now=LATER,
    )  # fmt: skip
    kept = next(s for s in conflict.sides if s.record_id == conflict.kept_by_rule)
    operations.mark_entered_in_error(
        back, table="temperatures", record_id=kept.record_id, expected_version=kept.version_id,
        reason="duplicate", actor="m", now=LATER,
    )  # fmt: skip
    again, found = merged_both_ways(ward, back)
    (apart,) = found
    assert apart.kind == "resolved_apart"
    withdrawal = next(s for s in apart.sides if s.entered_in_error)
    resolve_conflict(
        again, apart.key, action="keep", keep=withdrawal.version_id, reason="both wrong",
        actor="n", now=LATER,
    )  # fmt: skip
    final, found = merged_both_ways(ward, again)
    assert found == []
    final.close()
