"""Merging two replicas of one ward chart, copying a chart for a laptop, conflicts and
their resolutions: examples on real files (see docs/merging.md)."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from ward_fixture import NOW, write_ward

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry
from wardchart.storage import audit, operations, queries, records, users
from wardchart.storage.conflicts import conflicts, linked_patients, resolve_conflict
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.health import check_chart
from wardchart.storage.merge import MergeRefused, copy_chart, merge_from
from wardchart.storage.replica import identity

LATER = NOW + timedelta(minutes=5)


def files_state(path: Path) -> dict[str, str | None]:
    """The bytes of a chart file and of every journal file beside it, hashed."""
    state: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        name = Path(f"{path}{suffix}")
        state[suffix] = hashlib.sha256(name.read_bytes()).hexdigest() if name.exists() else None
    return state


def assert_sound(store: ChartStore) -> None:
    failed = [f for f in check_chart(store) if not f.ok]
    assert not failed, failed
    assert audit.verify(store.db).ok


def current(store: ChartStore) -> dict[str, set[tuple[object, ...]]]:
    """Everything the chart shows: the current version of every record, and the settings."""
    shown: dict[str, set[tuple[object, ...]]] = {}
    for table in ("patients", "cycles", "results", "temperatures", "gcsf_doses", "precautions"):
        shown[table] = {tuple(r) for r in store.conn.execute(f"SELECT * FROM current_{table}")}
    shown["users"] = {tuple(r) for r in store.conn.execute("SELECT * FROM current_users")}
    shown["settings"] = {(repr(queries.ward_settings(store.db)),)}
    return shown


@pytest.fixture
def ward(store: ChartStore) -> ChartStore:
    return write_ward(store)


@pytest.fixture
def laptop(ward: ChartStore, tmp_path: Path) -> ChartStore:
    made = copy_chart(ward, tmp_path / "laptop.sqlite", actor="it", now=NOW)
    opened = open_chart(made.path, create=False)
    yield opened
    opened.close()


def patient(store: ChartStore, mrn: str = "A-1"):
    found = queries.find_patient(store.db, mrn)
    assert found is not None
    return found


def cbc(store: ChartStore, mrn: str, hours: int, anc: str) -> str:
    entry = CbcEntry(taken=NOW - timedelta(hours=hours), wbc=Decimal("9"), anc=Decimal(anc))
    return operations.record_cbc(
        store, patient=patient(store, mrn), entry=entry, confirm=True, actor="n", now=NOW
    ).record_id


def close_for_merge(store: ChartStore) -> Path:
    store.close()
    return store.path


# --- chart ids and copies ---------------------------------------------------------------------


def test_every_file_has_a_chart_id_and_a_copy_gets_its_own(ward: ChartStore, laptop: ChartStore):
    ward_id, laptop_id = identity(ward.db), identity(laptop.db)
    assert ward_id is not None
    assert laptop_id is not None
    assert ward_id.id != laptop_id.id
    assert ward_id.legacy_chain == laptop_id.legacy_chain  # the rows written before ids
    assert current(ward)["patients"] == current(laptop)["patients"]
    assert_sound(laptop)
    assert (
        laptop.conn.execute("SELECT made_from FROM chart_identity WHERE how = 'copied'").fetchone()[
            0
        ]
        == ward_id.id
    )


def test_an_older_file_gets_a_chart_id_on_upgrade(chart_path: Path) -> None:
    from sqlite_utils import Database

    from wardchart.storage.schema import migrations

    db = Database(sqlite3.connect(chart_path, isolation_level=None))
    migrations.apply(db, stop_before="m008_chart_identity")
    db.close()
    store = open_chart(chart_path)
    assert identity(store.db) is not None
    operations.admit_patient(
        store, mrn="9", name="Old, One", dob=date(1950, 1, 1), actor="n", now=NOW
    )
    assert_sound(store)
    store.close()


def test_a_copy_never_overwrites_a_file(ward: ChartStore, tmp_path: Path) -> None:
    out = tmp_path / "notes.txt"
    out.write_text("keep me")
    with pytest.raises(InvalidEntry, match="already exists"):
        copy_chart(ward, out, actor="it", now=NOW)
    assert out.read_text() == "keep me"
    with pytest.raises(InvalidEntry, match="chart file"):
        copy_chart(ward, ward.path, actor="it", now=NOW)


def test_an_encrypted_copy_merges_back(ward: ChartStore, tmp_path: Path) -> None:
    made = copy_chart(
        ward, tmp_path / "laptop.sqlite", passphrase="a long passphrase", actor="it", now=NOW
    )
    laptop = open_chart(made.path, create=False, passphrase="a long passphrase")
    cbc(laptop, "A-1", 1, "0.4")
    close_for_merge(laptop)
    with pytest.raises(MergeRefused) as refused:
        merge_from(ward, made.path, actor="n", now=LATER)
    assert refused.value.why == "passphrase"
    with pytest.raises(MergeRefused) as wrong:
        merge_from(ward, made.path, passphrase="not the passphrase", actor="n", now=LATER)
    assert wrong.value.why == "passphrase"
    result = merge_from(ward, made.path, passphrase="a long passphrase", actor="n", now=LATER)
    assert result.new_records == {"results": 1}
    assert_sound(ward)


# --- merging ----------------------------------------------------------------------------------


def test_merge_both_ways_shows_one_chart(ward: ChartStore, laptop: ChartStore) -> None:
    cbc(ward, "A-1", 1, "0.5")
    operations.admit_patient(
        laptop, mrn="C-3", name="Gamma, Gil", dob=date(1960, 2, 2), actor="n", now=NOW
    )
    cbc(laptop, "C-3", 2, "1.5")
    laptop_path = laptop.path
    close_for_merge(laptop)
    before = files_state(laptop_path)
    result = merge_from(ward, laptop_path, actor="n", now=LATER)
    assert files_state(laptop_path) == before
    assert result.new_records == {"patients": 1, "results": 1}
    assert result.already_present["patients"] == 2
    assert result.conflicts == []
    back = open_chart(laptop_path, create=False)
    merge_from(back, ward.path, actor="n", now=LATER)
    assert current(back) == current(ward)
    assert_sound(ward)
    assert_sound(back)
    again = merge_from(ward, laptop_path, actor="n", now=LATER)
    assert set(again.new_rows) == {"audit_log"}  # only the other side's merge row is new
    back.close()


def test_a_dry_run_changes_nothing(ward: ChartStore, laptop: ChartStore) -> None:
    cbc(laptop, "A-1", 1, "0.5")
    close_for_merge(laptop)
    before = files_state(ward.path) if False else None  # the ward file is open: compare rows
    rows = ward.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    result = merge_from(ward, laptop.path, dry_run=True, actor="n", now=LATER)
    assert result.dry_run
    assert result.new_records == {"results": 1}
    assert ward.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == rows
    assert before is None


def test_the_merge_is_audited(ward: ChartStore, laptop: ChartStore) -> None:
    cbc(laptop, "A-1", 1, "0.5")
    close_for_merge(laptop)
    merge_from(ward, laptop.path, actor="nurse b", now=LATER)
    row = ward.conn.execute("SELECT actor, detail FROM audit_log WHERE action = 'merge'").fetchone()
    assert row[0] == "nurse b"
    assert str(laptop.path) in row[1]
    assert '"results": 1' in row[1]


def test_a_file_with_an_open_journal_is_read_and_left_as_it_was(
    ward: ChartStore, laptop: ChartStore
) -> None:
    cbc(laptop, "A-1", 1, "0.5")  # the laptop is still open: its journal holds the result
    assert Path(f"{laptop.path}-wal").stat().st_size > 0
    before = files_state(laptop.path)
    result = merge_from(ward, laptop.path, actor="n", now=LATER)
    assert result.new_records == {"results": 1}
    assert files_state(laptop.path) == before


# --- refusals ---------------------------------------------------------------------------------


def _refused(store: ChartStore, other: Path, why: str, passphrase: str | None = None) -> None:
    rows = store.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    before = files_state(other)
    with pytest.raises(MergeRefused) as refused:
        merge_from(store, other, passphrase=passphrase, actor="n", now=LATER)
    assert refused.value.why == why, str(refused.value)
    assert "nothing was changed" in str(refused.value)
    assert store.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == rows
    assert files_state(other) == before


def test_not_a_chart_is_refused(ward: ChartStore, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    _refused(ward, other, "not_a_chart")
    text = tmp_path / "notes.sqlite"
    text.write_bytes(b"not a database at all" * 100)
    _refused(ward, text, "passphrase")
    _refused(ward, text, "passphrase", passphrase="a long passphrase")
    with pytest.raises(MergeRefused) as itself:
        merge_from(ward, ward.path, actor="n", now=LATER)
    assert itself.value.why == "same_file"


def test_a_newer_chart_is_refused(ward: ChartStore, laptop: ChartStore) -> None:
    laptop.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('wardchart', 'm999_future', 'x')"
    )
    close_for_merge(laptop)
    _refused(ward, laptop.path, "newer_schema")


def test_a_damaged_chart_is_refused(ward: ChartStore, laptop: ChartStore) -> None:
    laptop.conn.execute("DROP TRIGGER results_no_update")
    close_for_merge(laptop)
    _refused(ward, laptop.path, "damaged")


def test_a_record_changed_in_one_file_is_refused_never_merged(
    ward: ChartStore, laptop: ChartStore
) -> None:
    keep = laptop.conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'results_no_update'"
    ).fetchone()[0]
    laptop.conn.execute("DROP TRIGGER results_no_update")
    laptop.conn.execute("UPDATE results SET anc = '9.9' WHERE rowid = 1")
    laptop.conn.execute(keep)
    close_for_merge(laptop)
    _refused(ward, laptop.path, "different_content")


def test_an_audit_row_changed_in_one_file_is_refused(ward: ChartStore, laptop: ChartStore) -> None:
    keep = laptop.conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'"
    ).fetchone()[0]
    laptop.conn.execute("DROP TRIGGER audit_log_no_update")
    laptop.conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 20")
    laptop.conn.execute(keep)
    close_for_merge(laptop)
    _refused(ward, laptop.path, "different_content")


def test_a_new_record_deleted_in_the_other_file_is_refused_not_lost_silently(
    ward: ChartStore, laptop: ChartStore
) -> None:
    # The laptop charts a result, then the row is deleted under its triggers: its audit row
    # is new to the ward, its version is gone. Taking the audit row would make the ward's
    # own check fail and the result vanish without a word.
    cbc(laptop, "A-1", 1, "0.2")
    keep = laptop.conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'results_no_delete'"
    ).fetchone()[0]
    laptop.conn.execute("DROP TRIGGER results_no_delete")
    laptop.conn.execute("DELETE FROM results WHERE rowid = (SELECT max(rowid) FROM results)")
    laptop.conn.execute(keep)
    close_for_merge(laptop)
    _refused(ward, laptop.path, "damaged")
    assert_sound(ward)


# --- conflicts --------------------------------------------------------------------------------


def _correct(store: ChartStore, record: str, anc: str, hours: int = 3) -> None:
    entry = CbcEntry(taken=NOW - timedelta(hours=hours), wbc=Decimal("9"), anc=Decimal(anc))
    operations.correct_cbc(
        store,
        patient=patient(store),
        record_id=record,
        expected_version=record,
        entry=entry,
        reason="typo",
        confirm=True,
        actor="n",
        now=NOW,
    )


def _both_ways(ward: ChartStore, laptop: ChartStore) -> ChartStore:
    """Merge the laptop into the ward and back; return the laptop reopened."""
    path = close_for_merge(laptop)
    merge_from(ward, path, actor="n", now=LATER)
    back = open_chart(path, create=False)
    merge_from(back, ward.path, actor="n", now=LATER)
    assert current(back) == current(ward)
    assert [c.key for c in conflicts(back.db)] == [c.key for c in conflicts(ward.db)]
    assert_sound(ward)
    assert_sound(back)
    return back


def test_two_corrections_made_apart_are_a_conflict_shown_alike(
    ward: ChartStore, laptop: ChartStore
) -> None:
    record = cbc(ward, "A-1", 3, "0.5")
    close_for_merge(laptop)
    laptop = open_chart(laptop.path, create=False)
    merge_from(laptop, ward.path, actor="n", now=NOW)
    _correct(ward, record, "0.6")
    _correct(laptop, record, "0.7")
    back = _both_ways(ward, laptop)
    (conflict,) = conflicts(ward.db)
    assert conflict.kind == "correction"
    assert conflict.table == "results"
    assert len(conflict.sides) == 2
    assert sum(s.shown for s in conflict.sides) == 1
    shown = next(s for s in conflict.sides if s.shown)
    assert queries.resolve_record(ward.db, "results", record)["id"] == shown.version_id
    # resolve on the laptop by keeping the other version; the resolution merges back
    other = next(s for s in conflict.sides if not s.shown)
    resolve_conflict(
        back,
        conflict.key,
        action="keep",
        keep=other.version_id,
        reason="lab slip",
        actor="n",
        now=LATER,
    )
    assert conflicts(back.db) == []
    assert queries.resolve_record(back.db, "results", record)["id"] == other.version_id
    back.close()
    merge_from(ward, back.path, actor="n", now=LATER)
    assert conflicts(ward.db) == []
    assert queries.resolve_record(ward.db, "results", record)["id"] == other.version_id
    assert_sound(ward)


def test_a_correction_and_a_withdrawal_keep_the_record_shown(
    ward: ChartStore, laptop: ChartStore
) -> None:
    record = cbc(ward, "A-1", 3, "0.5")
    close_for_merge(laptop)
    laptop = open_chart(laptop.path, create=False)
    merge_from(laptop, ward.path, actor="n", now=NOW)
    operations.mark_entered_in_error(
        ward,
        table="results",
        record_id=record,
        expected_version=record,
        reason="wrong patient",
        actor="n",
        now=LATER,
    )
    _correct(laptop, record, "0.7")
    back = _both_ways(ward, laptop)
    (conflict,) = conflicts(ward.db)
    assert {s.entered_in_error for s in conflict.sides} == {True, False}
    assert queries.resolve_record(ward.db, "results", record)["anc"] == "0.7"
    # a new corrected version settles it
    resolve_conflict(
        ward,
        conflict.key,
        action="new_version",
        record_id=record,
        changes={"anc": "0.65"},
        reason="checked with the lab",
        actor="n",
        now=LATER,
    )
    assert conflicts(ward.db) == []
    assert queries.resolve_record(ward.db, "results", record)["anc"] == "0.65"
    assert_sound(ward)
    back.close()


def test_a_correction_kept_on_one_computer_and_a_withdrawal_on_another(
    ward: ChartStore, laptop: ChartStore
) -> None:
    """A record corrected on one computer and withdrawn on another; then each keeps its
    own side apart, so between them both versions are set aside. Merged, the record is
    not silently gone: it is a conflict listing both; keeping the withdrawal leaves it
    withdrawn (one computer's choice), keeping the correction shows it again."""
    record = cbc(ward, "A-1", 3, "0.5")
    close_for_merge(laptop)
    laptop = open_chart(laptop.path, create=False)
    merge_from(laptop, ward.path, actor="n", now=NOW)
    operations.mark_entered_in_error(
        ward,
        table="results",
        record_id=record,
        expected_version=record,
        reason="wrong patient",
        actor="n",
        now=LATER,
    )
    _correct(laptop, record, "0.7")
    back = _both_ways(ward, laptop)
    (conflict,) = conflicts(ward.db)
    for store, withdrawn in ((ward, True), (back, False)):
        side = next(s for s in conflict.sides if s.entered_in_error is withdrawn)
        resolve_conflict(
            store,
            conflict.key,
            action="keep",
            keep=side.version_id,
            reason="checked",
            actor="n",
            now=LATER,
        )
    again = _both_ways(ward, back)
    (apart,) = conflicts(ward.db)
    assert apart.kind == "resolved_apart"
    assert records.current_version(ward.db, "results", record) is None
    assert sorted(s.entered_in_error for s in apart.sides) == [False, True]
    shown = next(s for s in apart.sides if not s.entered_in_error)
    withdrawal = next(s for s in apart.sides if s.entered_in_error)
    done = resolve_conflict(
        again,
        apart.key,
        action="keep",
        keep=withdrawal.version_id,
        reason="wrong patient indeed",
        actor="n",
        now=LATER,
    )
    assert done.new_version is None
    assert conflicts(again.db) == []
    assert records.current_version(again.db, "results", record) is None
    done = resolve_conflict(
        ward,
        apart.key,
        action="keep",
        keep=shown.version_id,
        reason="right patient",
        actor="n",
        now=LATER,
    )
    assert done.new_version is not None
    assert conflicts(ward.db) == []
    assert queries.resolve_record(ward.db, "results", record)["anc"] == "0.7"
    assert_sound(ward)
    again.close()


def test_one_mrn_admitted_on_both_is_a_conflict_linked_as_one_person(
    ward: ChartStore, laptop: ChartStore
) -> None:
    for store in (ward, laptop):
        operations.admit_patient(
            store, mrn="D-4", name="Delta, Dee", dob=date(1970, 3, 3), actor="n", now=NOW
        )
    with pytest.raises(InvalidEntry):  # on one machine a duplicate is still refused
        operations.admit_patient(
            ward, mrn="D-4", name="Delta, D", dob=date(1970, 3, 3), actor="n", now=NOW
        )
    back = _both_ways(ward, laptop)
    (conflict,) = conflicts(ward.db)
    assert conflict.kind == "mrn"
    assert conflict.subject == "MRN D-4"
    assert len({s.record_id for s in conflict.sides}) == 2
    with pytest.raises(InvalidEntry):
        resolve_conflict(
            ward,
            conflict.key,
            action="keep",
            keep=conflict.sides[0].version_id,
            reason="x",
            actor="n",
            now=LATER,
        )
    kept = conflict.sides[0].record_id
    resolve_conflict(
        ward, conflict.key, action="link", keep=kept, reason="same person", actor="n", now=LATER
    )
    assert conflicts(ward.db) == []
    assert linked_patients(ward.db) == {conflict.sides[1].record_id: kept}
    back.close()


def test_two_cycles_with_one_number_and_one_bed_for_two(
    ward: ChartStore, laptop: ChartStore
) -> None:
    b = patient(ward, "B-2")
    for store in (ward, laptop):
        operations.start_cycle(
            store,
            patient=b,
            regimen_name="R-CHOP-21",
            day1=NOW.date() + timedelta(days=17 if store is ward else 18),
            confirm=True,
            actor="n",
            now=NOW + timedelta(days=25),
        )
    operations.admit_patient(
        ward, mrn="E-5", name="Eps, Eve", dob=date(1980, 1, 1), bed="4A-09", actor="n", now=NOW
    )
    operations.admit_patient(
        laptop, mrn="F-6", name="Phi, Fay", dob=date(1981, 1, 1), bed="4a-09", actor="n", now=NOW
    )  # a bed is the same bed whatever its case (docs/identifiers.md)
    back = _both_ways(ward, laptop)
    kinds = sorted(c.kind for c in conflicts(ward.db))
    assert kinds == ["bed", "cycle_number"]
    cycle = next(c for c in conflicts(ward.db) if c.kind == "cycle_number")
    assert cycle.subject == "cycle 2"
    assert cycle.patient_id == b.id
    resolve_conflict(
        ward,
        cycle.key,
        action="keep",
        keep=cycle.sides[0].version_id,
        reason="given once",
        actor="n",
        now=LATER,
    )
    assert [c.kind for c in conflicts(ward.db)] == ["bed"]
    assert len([c for c in queries.patient_records(ward.db, b).cycles if c.number == 2]) == 1
    back.close()


def test_a_cycle_number_kept_differently_apart_is_shown_again_not_lost(
    ward: ChartStore, laptop: ChartStore
) -> None:
    """Two cycles with one number, one kept on each computer apart: between them both
    were set aside. Merged, that is a conflict (nothing shown); keeping one shows it again
    by a new version, the same on both after they meet."""
    b = patient(ward, "B-2")
    for store in (ward, laptop):
        operations.start_cycle(
            store,
            patient=b,
            regimen_name="R-CHOP-21",
            day1=NOW.date() + timedelta(days=17 if store is ward else 18),
            confirm=True,
            actor="n",
            now=NOW + timedelta(days=25),
        )
    back = _both_ways(ward, laptop)
    (cycle,) = conflicts(ward.db)
    for store, side in zip((ward, back), cycle.sides, strict=True):
        resolve_conflict(
            store,
            cycle.key,
            action="keep",
            keep=side.version_id,
            reason="given once",
            actor="n",
            now=LATER,
        )

    def seconds(store: ChartStore) -> list[str]:
        return [c.id for c in queries.patient_records(store.db, b).cycles if c.number == 2]

    again = _both_ways(ward, back)
    (apart,) = conflicts(ward.db)
    assert apart.kind == "resolved_apart"
    assert apart.subject == "cycle 2"
    assert seconds(ward) == seconds(again) == []
    resolve_conflict(
        again,
        apart.key,
        action="keep",
        keep=apart.sides[1].record_id,
        reason="day 18 is right",
        actor="n",
        now=LATER,
    )
    assert conflicts(again.db) == []
    assert seconds(again) == [apart.sides[1].record_id]
    final = _both_ways(ward, again)
    assert conflicts(ward.db) == []
    assert seconds(ward) == seconds(final) == [apart.sides[1].record_id]
    final.close()


def test_two_accounts_with_one_user_name(ward: ChartStore, laptop: ChartStore) -> None:
    for store, name in ((ward, "Anna Kim"), (laptop, "Anne Kimber")):
        users.add_user(
            store,
            username="akim",
            full_name=name,
            initials="AK",
            role="admin",
            password="correct horse battery",
            actor="setup",
            now=NOW,
        )
    back = _both_ways(ward, laptop)
    (conflict,) = conflicts(ward.db)
    assert conflict.kind == "username"
    assert conflict.subject == "user name akim"
    assert users.find_user(ward.db, "akim") == users.find_user(back.db, "akim")
    back.close()


def test_a_ward_setting_and_a_regimen_changed_on_both(ward: ChartStore, laptop: ChartStore) -> None:
    operations.set_ward_setting(ward, "ward_name", "4A", actor="n", now=NOW)
    operations.set_ward_setting(laptop, "ward_name", "Clinic", actor="n", now=NOW)
    regimen = queries.find_regimen(ward.db, "AC")
    assert regimen is not None
    from dataclasses import replace

    operations.save_regimen(ward, replace(regimen, nadir_end=13), actor="n", now=NOW)
    operations.save_regimen(laptop, replace(regimen, nadir_end=15), actor="n", now=NOW)
    back = _both_ways(ward, laptop)
    kinds = sorted(c.kind for c in conflicts(ward.db))
    assert kinds == ["regimen", "ward_setting"]
    assert queries.ward_settings(ward.db) == queries.ward_settings(back.db)
    setting = next(c for c in conflicts(ward.db) if c.kind == "ward_setting")
    loser = next(s for s in setting.sides if not s.shown)
    resolve_conflict(
        ward,
        setting.key,
        action="keep",
        keep=loser.version_id,
        reason="we are 4A",
        actor="n",
        now=LATER,
    )
    assert queries.ward_settings(ward.db).ward_name == loser.summary.split("=", 1)[1]
    assert [c.kind for c in conflicts(ward.db)] == ["regimen"]
    assert_sound(ward)
    back.close()


def test_a_third_replica_converges(ward: ChartStore, laptop: ChartStore, tmp_path: Path) -> None:
    third = open_chart(
        copy_chart(ward, tmp_path / "third.sqlite", actor="it", now=NOW).path, create=False
    )
    record = cbc(ward, "A-1", 3, "0.5")
    for store in (laptop, third):
        merge_from(store, ward.path, actor="n", now=NOW)
    _correct(laptop, record, "0.7")
    _correct(third, record, "0.8")
    laptop_path, third_path = close_for_merge(laptop), close_for_merge(third)
    merge_from(ward, laptop_path, actor="n", now=LATER)
    merge_from(ward, third_path, actor="n", now=LATER)
    third = open_chart(third_path, create=False)
    merge_from(third, laptop_path, actor="n", now=LATER)
    merge_from(third, ward.path, actor="n", now=LATER)
    assert current(third) == current(ward)
    assert [c.key for c in conflicts(third.db)] == [c.key for c in conflicts(ward.db)]
    assert len(conflicts(ward.db)) == 1
    assert len(conflicts(ward.db)[0].sides) == 2
    assert audit.verify(third.db).chains >= 3
    assert_sound(third)
    third.close()
