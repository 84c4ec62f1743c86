"""Syncing replicas through a real hub: they converge on the same chart and the same
conflicts, as merging them would, and each replica's history stays verifiable."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import HubDatabase
from hub_helpers import chart_rows
from ward_fixture import NOW, write_ward

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import audit, operations, queries
from wardchart.storage.conflicts import conflicts
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.health import check_chart
from wardchart.storage.hub.schema import hub_init
from wardchart.storage.hub.sync import pending_count, sync


@pytest.fixture
def hub(hub_db: HubDatabase) -> HubDatabase:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    return hub_db


def _chart(tmp_path: Path, name: str) -> ChartStore:
    return open_chart(tmp_path / f"{name}.sqlite")


def _admit(store: ChartStore, mrn: str, *, bed: str = "") -> None:
    operations.admit_patient(
        store, mrn=mrn, name=f"Patient {mrn}", dob=date(1960, 1, 1), bed=bed, actor="n", now=NOW
    )


def _cbc(store: ChartStore, mrn: str, minutes: int) -> None:
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    entry = CbcEntry(
        taken=NOW - timedelta(minutes=minutes),
        wbc=Decimal("4.0"),
        anc=Decimal("2.0"),
        platelets=Decimal(150),
    )
    operations.record_cbc(store, patient=patient, entry=entry, confirm=True, actor="n", now=NOW)


def _shown(store: ChartStore) -> dict[str, set[tuple[object, ...]]]:
    """What the chart shows: its current records and its open conflicts."""
    found = {
        table: set(store.conn.execute(f"SELECT id FROM current_{table}").fetchall())
        for table in ("patients", "results", "cycles", "regimens", "users")
    }
    found["conflicts"] = {(c.kind, c.key) for c in conflicts(store.db)}
    return found


def _settle(url: str, *stores: ChartStore) -> int:
    """Sync every replica in turn until a whole round moves nothing; the rounds it took."""
    for rounds in range(1, 5):
        moved = [sync(store, url, actor="n", now=NOW) for store in stores]
        if all((r.pushed, r.pulled, r.in_step) == (0, 0, True) for r in moved):
            return rounds
    raise AssertionError("the replicas never settled")


def _sound(store: ChartStore) -> None:
    assert audit.verify(store.db).ok, audit.verify(store.db)
    failed = [f for f in check_chart(store) if not f.ok]
    assert not failed, failed


def test_two_replicas_converge_through_the_hub(hub: HubDatabase, tmp_path: Path) -> None:
    a, b = _chart(tmp_path, "a"), _chart(tmp_path, "b")
    write_ward(a)
    _admit(b, "C-3")
    first = sync(a, hub.ward_url, actor="n", now=NOW)
    assert (first.pulled, first.in_step) == (0, True)
    assert first.pushed > 0
    assert pending_count(a) == 0
    got = sync(b, hub.ward_url, actor="n", now=NOW)
    assert got.received["results"] == len(chart_rows(a)["results"])
    assert (got.in_step, got.conflicts) == (True, 0)  # the two default libraries are one
    assert _settle(hub.ward_url, a, b) <= 2
    assert chart_rows(a) == chart_rows(b)
    assert _shown(a) == _shown(b)
    _cbc(b, "C-3", 5)
    assert pending_count(b) == 1
    sync(b, hub.ward_url, actor="n", now=NOW)
    step = sync(a, hub.ward_url, actor="n", now=NOW)
    assert step.received == {"results": 1, "audit_rows": 1}
    for store in (a, b):
        _sound(store)
        store.close()
