"""The same lab CSV imported on two replicas of one ward before either syncs: through a
real hub, both show one conflict of the same key; resolved on one, it closes on both and
the result is counted once (docs/merging.md, "Charted twice")."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import HubDatabase
from ward_fixture import NOW

from wardchart.storage import operations, queries
from wardchart.storage.conflicts import conflicts, resolve_conflict
from wardchart.storage.csv_import import import_results
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.health import check_chart
from wardchart.storage.hub.schema import hub_init
from wardchart.storage.hub.sync import sync


@pytest.fixture
def hub(hub_db: HubDatabase) -> HubDatabase:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    return hub_db


def _settle(url: str, *stores: ChartStore) -> None:
    for _ in range(5):
        moved = [sync(store, url, actor="n", now=NOW) for store in stores]
        if all((r.pushed, r.pulled, r.in_step) == (0, 0, True) for r in moved):
            return
    raise AssertionError("the replicas never settled")


def _results(store: ChartStore) -> list[str]:
    ann = queries.find_patient(store.db, "A1")
    assert ann is not None
    return sorted(r.id for r in queries.patient_records(store.db, ann).results)


def test_one_csv_imported_on_two_replicas_is_one_conflict_on_both_closed_on_both(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a, b = (open_chart(tmp_path / f"{name}.sqlite") for name in "ab")
    operations.admit_patient(
        a, mrn="A1", name="Alpha, Ann", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    _settle(hub.ward_url, a, b)
    csv = tmp_path / "labs.csv"
    taken = (NOW - timedelta(hours=5)).isoformat(timespec="minutes")
    csv.write_text(f"MRN,taken,wbc,anc\nA1,{taken},2.1,0.84\n", encoding="utf-8")
    for store in (a, b):
        assert import_results(store, csv, confirm=False, actor="lab", now=NOW).imported == 1
    _settle(hub.ward_url, a, b)
    (conflict,) = conflicts(a.db)
    assert conflict.kind == "duplicate"
    assert [(c.kind, c.key) for c in conflicts(b.db)] == [(conflict.kind, conflict.key)]
    assert len(_results(a)) == len(_results(b)) == 2

    kept = next(s for s in conflict.sides if s.record_id == conflict.kept_by_rule)
    resolve_conflict(
        b, conflict.key, action="keep", keep=kept.version_id, reason="imported on both",
        actor="n", now=NOW,
    )  # fmt: skip
    _settle(hub.ward_url, a, b)
    for store in (a, b):
        assert conflicts(store.db) == []
        assert _results(store) == [kept.record_id]
        assert [f for f in check_chart(store) if not f.ok] == []
        store.close()


def test_two_counts_kept_differently_on_two_replicas_are_shown_again_through_the_hub(
    hub: HubDatabase, tmp_path: Path
) -> None:
    """Two different counts at one collection time; each replica keeps another before
    they sync. Through the hub, both list one 'resolved apart' conflict (nothing shown);
    showing one again on one replica closes it on both, counted once."""
    a, b = (open_chart(tmp_path / f"{name}.sqlite") for name in "ab")
    operations.admit_patient(
        a, mrn="A1", name="Alpha, Ann", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    _settle(hub.ward_url, a, b)
    taken = (NOW - timedelta(hours=5)).isoformat(timespec="minutes")
    for store, anc in ((a, "0.84"), (b, "0.48")):
        csv = tmp_path / f"labs-{anc}.csv"
        csv.write_text(f"MRN,taken,wbc,anc\nA1,{taken},2.1,{anc}\n", encoding="utf-8")
        assert import_results(store, csv, confirm=False, actor="lab", now=NOW).imported == 1
    _settle(hub.ward_url, a, b)
    (conflict,) = conflicts(a.db)
    assert conflict.kind == "same_time"
    for store, side in zip((a, b), conflict.sides, strict=True):
        resolve_conflict(
            store, conflict.key, action="keep", keep=side.version_id, reason="checked",
            actor="n", now=NOW,
        )  # fmt: skip
    _settle(hub.ward_url, a, b)
    (apart,) = conflicts(a.db)
    assert apart.kind == "resolved_apart"
    assert [(c.kind, c.key) for c in conflicts(b.db)] == [(apart.kind, apart.key)]
    assert _results(a) == _results(b) == []
    chosen = next(s for s in apart.sides if "anc=0.84" in s.summary)
    resolve_conflict(
        b, apart.key, action="keep", keep=chosen.version_id, reason="the lab's value",
        actor="n", now=NOW,
    )  # fmt: skip
    _settle(hub.ward_url, a, b)
    for store in (a, b):
        assert conflicts(store.db) == []
        assert _results(store) == [chosen.record_id]
        assert [f for f in check_chart(store) if not f.ok] == []
        store.close()
