"""A blood count charted on two replicas, merged: until a person decides, both records
stay on the chart, each marked "conflict — review", and the census flags the patient;
once one is kept, the nadir and the census count it once (docs/merging.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from wardchart.domain.census import CONFLICT_FLAG
from wardchart.domain.plausibility import CbcEntry
from wardchart.session.core import ChartingSession
from wardchart.storage import operations, queries
from wardchart.storage.conflicts import resolve_conflict
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.merge import copy_chart, merge_from

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
DAY1 = date(2026, 3, 1)
NADIR = datetime(2026, 3, 11, 7, 0, tzinfo=UTC)  # day 11, in the nadir window


def test_both_records_are_marked_until_one_is_kept_then_counted_once(
    store: ChartStore, tmp_path: Path
) -> None:
    operations.admit_patient(
        store, mrn="A1", name="Alpha, Ann", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    ann = queries.find_patient(store.db, "A1")
    assert ann is not None
    operations.start_cycle(
        store, patient=ann, regimen_name="AC", day1=DAY1, confirm=True, actor="n", now=NOW
    )
    laptop = open_chart(
        copy_chart(store, tmp_path / "laptop.sqlite", actor="it", now=NOW).path, create=False
    )
    for chart in (store, laptop):
        entry = CbcEntry(taken=NADIR, wbc=Decimal("1.1"), anc=Decimal("0.3"))
        operations.record_cbc(chart, patient=ann, entry=entry, confirm=True, actor="n", now=NOW)
    laptop.close()
    merge_from(store, laptop.path, actor="n", now=NOW)

    session = ChartingSession(store, "n", clock=lambda: NOW)
    (row,) = session.census()
    assert CONFLICT_FLAG in row.flags
    chart = session.chart(ann)
    (cycle,) = chart.cycles
    assert len(cycle.results) == 2  # nothing dropped silently
    (mark,) = chart.conflicts
    assert mark.kind == "duplicate"
    assert all(mark.involves(r.result.id) for r in cycle.results)

    (conflict,) = session.conflicts()
    resolve_conflict(
        store,
        conflict.key,
        action="keep",
        keep=conflict.sides[0].version_id,
        reason="charted twice",
        actor="n",
        now=NOW,
    )
    session = ChartingSession(store, "n", clock=lambda: NOW)
    (row,) = session.census()
    assert CONFLICT_FLAG not in row.flags
    (cycle,) = session.chart(ann).cycles
    assert [r.result.id for r in cycle.results] == [conflict.sides[0].record_id]
    assert cycle.nadir is not None
    assert session.chart(ann).conflicts == ()
