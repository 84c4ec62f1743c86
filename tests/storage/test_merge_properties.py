"""Merging as properties, over random edit sequences on two and three replicas of one ward
chart (admissions, cycles, CBCs, corrections, entered-in-error, precautions, accounts, and
merges between them at random): idempotent, order-independent, nothing lost, chart ids
kept, and every file sound with each replica's audit chain verified (docs/merging.md)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.problems import InvalidEntry
from wardchart.storage import audit, operations, queries, users
from wardchart.storage.conflicts import conflicts
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.health import check_chart
from wardchart.storage.merge import MERGED_TABLES, copy_chart, merge_from
from wardchart.storage.replica import identity

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
MRNS = ("M-1", "M-2", "M-3")
OPS = ("admit", "cycle", "cbc", "correct", "withdraw", "precaution", "account", "bed", "merge")

Step = tuple[int, str, int, int]
steps = st.lists(
    st.tuples(st.integers(0, 2), st.sampled_from(OPS), st.integers(0, 5), st.integers(0, 5)),
    max_size=14,
)


@contextmanager
def replicas(count: int) -> Iterator[list[ChartStore]]:
    """A ward chart with one patient, and copies of it made for laptops."""
    folder = Path(tempfile.mkdtemp(prefix="wardchart-merge-"))
    stores = [open_chart(folder / "r0.sqlite")]
    try:
        operations.admit_patient(
            stores[0], mrn=MRNS[0], name="First, Pat", dob=date(1950, 1, 1), actor="n", now=NOW
        )
        for n in range(1, count):
            made = copy_chart(stores[0], folder / f"r{n}.sqlite", actor="it", now=NOW)
            stores.append(open_chart(made.path, create=False))
        yield stores
    finally:
        for store in stores:
            store.close()
        shutil.rmtree(folder, ignore_errors=True)


def _results(store: ChartStore) -> list[dict[str, Any]]:
    return list(store.db.query("SELECT * FROM current_results ORDER BY taken_utc, id"))


def apply(stores: list[ChartStore], step: Step, at: datetime) -> None:
    """One nurse's action on one replica (refused entries are simply not made)."""
    index, op, a, b = step
    store = stores[index % len(stores)]
    mrn = MRNS[a % len(MRNS)]
    found = queries.find_patient(store.db, mrn)
    try:
        if op == "admit":
            operations.admit_patient(
                store, mrn=mrn, name=f"Pat {a}{b}", dob=date(1960, 1, 1), actor="n", now=at
            )
        elif op == "merge":
            other = stores[b % len(stores)]
            if other is not store:
                merge_from(store, other.path, actor="n", now=at)
        elif op == "account":
            users.add_user(
                store,
                username=f"user{a % 2}",
                full_name=f"Nurse {b}",
                initials="NN",
                role="admin",
                password="correct horse battery",
                actor="setup",
                now=at,
            )
        elif found is None:
            return
        elif op == "cycle":
            count = len(queries.patient_records(store.db, found).cycles)
            operations.start_cycle(
                store,
                patient=found,
                regimen_name="AC",
                day1=date(2026, 1, 1) + timedelta(days=21 * count + b % 3),
                confirm=True,
                actor="n",
                now=at,
            )
        elif op == "cbc":
            entry = CbcEntry(
                taken=NOW - timedelta(hours=b + 1), wbc=Decimal(5), anc=Decimal(f"1.{a}")
            )
            operations.record_cbc(
                store, patient=found, entry=entry, confirm=True, actor="n", now=at
            )
        elif op == "precaution":
            operations.set_precautions(store, patient=found, active=b % 2 == 0, actor="n", now=at)
        elif op == "bed":
            operations.correct_patient(
                store,
                patient=found,
                mrn=found.mrn,
                name=found.name,
                dob=found.dob,
                bed=f"4A-0{b % 2}",
                expected_version=str(queries.resolve_record(store.db, "patients", found.id)["id"]),
                reason="moved",
                actor="n",
                now=at,
            )
        else:
            rows = _results(store)
            if not rows:
                return
            row = rows[b % len(rows)]
            if op == "correct":
                entry = CbcEntry(
                    taken=datetime.fromisoformat(row["taken_at"]),
                    wbc=Decimal(5),
                    anc=Decimal(f"2.{a}"),
                )
                operations.correct_cbc(
                    store,
                    patient=queries.patient_by_id(store.db, row["patient_id"]),
                    record_id=row["origin_id"],
                    expected_version=row["id"],
                    entry=entry,
                    reason="typo",
                    confirm=True,
                    actor="n",
                    now=at,
                )
            else:
                operations.mark_entered_in_error(
                    store,
                    table="results",
                    record_id=row["origin_id"],
                    expected_version=row["id"],
                    reason="wrong",
                    actor="n",
                    now=at,
                )
    except InvalidEntry:
        return


def shown(store: ChartStore) -> dict[str, Any]:
    """What the chart shows: the current version of everything, the settings, conflicts."""
    view: dict[str, Any] = {
        table: sorted(tuple(r) for r in store.conn.execute(f"SELECT * FROM current_{table}"))
        for table in ("patients", "cycles", "results", "precautions", "users", "regimens")
    }
    view["settings"] = repr(queries.ward_settings(store.db))
    view["conflicts"] = [(c.kind, c.key, c.sides) for c in conflicts(store.db)]
    view["census"] = [p.id for p in queries.all_patients(store.db)]
    return view


def held(store: ChartStore) -> set[tuple[str, str]]:
    """Every row the file holds: record rows by table and id, audit rows by chain and
    position."""
    found = set()
    for table in MERGED_TABLES:
        key = "result_version" if table == "lab_result_sources" else "id"
        found |= {(table, str(r[0])) for r in store.conn.execute(f"SELECT {key} FROM {table}")}
    for chain in audit.chains(store.db):
        found |= {
            ("audit", f"{chain}:{r['origin_seq']}:{r['hash']}")
            for r in audit.chain_rows(store.db, chain)
        }
    return found


def sound(store: ChartStore) -> None:
    failed = [f for f in check_chart(store) if not f.ok]
    assert not failed, failed
    assert audit.verify(store.db).ok


def snapshot(store: ChartStore, folder: Path, name: str) -> ChartStore:
    """An alternative future of ``store``: a byte copy to merge into."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = folder / name
    shutil.copyfile(store.path, target)
    return open_chart(target, create=False)


def _run(stores: list[ChartStore], edits: list[Step]) -> None:
    for n, step in enumerate(edits):
        apply(stores, step, NOW + timedelta(minutes=n))


PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(edits=steps)
def test_two_replicas_merge_alike_either_way_and_lose_nothing(edits: list[Step]) -> None:
    with replicas(2) as (a, b):
        _run([a, b], edits)
        ids = (identity(a.db), identity(b.db))
        rows_a, rows_b = held(a), held(b)
        folder = a.path.parent
        a2, b2 = snapshot(a, folder, "a2.sqlite"), snapshot(b, folder, "b2.sqlite")
        try:
            first = merge_from(a2, b.path, actor="n", now=NOW + timedelta(days=1))
            merge_from(b2, a.path, actor="n", now=NOW + timedelta(days=1))
            # order-independent: either way, the same chart and the same conflicts
            assert shown(a2) == shown(b2)
            # nothing lost: every row of both sides, audit rows with their chains
            assert rows_a | rows_b <= held(a2)
            assert rows_a | rows_b <= held(b2)
            # idempotent: the same file again adds nothing
            again = merge_from(a2, b.path, actor="n", now=NOW + timedelta(days=2))
            assert again.new_rows == {}
            assert shown(a2) == shown(b2)
            assert first.chart_id == ids[0].id if ids[0] else False
            assert identity(a2.db) == ids[0]
            for store in (a2, b2):
                sound(store)
                assert audit.verify(store.db).chains >= 2
        finally:
            a2.close()
            b2.close()


@PROPERTY
@given(edits=steps)
def test_three_replicas_converge(edits: list[Step]) -> None:
    with replicas(3) as stores:
        _run(stores, edits)
        before = [held(s) for s in stores]
        ids = [identity(s.db) for s in stores]
        at = NOW + timedelta(days=1)
        for _ in range(2):  # everyone exchanges everything
            for target in stores:
                for other in stores:
                    if other is not target:
                        merge_from(target, other.path, actor="n", now=at)
        views = [shown(s) for s in stores]
        assert views[0] == views[1] == views[2]
        union = set().union(*before)
        for store, identity_before in zip(stores, ids, strict=True):
            assert union <= held(store)
            assert identity(store.db) == identity_before
            sound(store)
