"""A full disk: a clear message, nothing half-written, and the file still works afterwards.

SQLite reports a full disk as SQLITE_FULL; ``PRAGMA max_page_count`` makes the real chart
file reach that state without filling the machine's disk.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore
from wardchart.storage.errors import ChartFileError
from wardchart.storage.health import check_chart

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


def test_disk_full_is_clear_and_leaves_nothing_half_written(store: ChartStore) -> None:
    operations.admit_patient(
        store, mrn="1", name="Full, Disk", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    patient = queries.find_patient(store.db, "1")
    assert patient is not None
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    counts = []
    with pytest.raises(ChartFileError, match="disk full") as raised:  # noqa: PT012
        for i in range(10_000):
            entry = CbcEntry(taken=NOW - timedelta(minutes=i), wbc=Decimal(5), anc=Decimal(2))
            operations.record_cbc(store, patient=patient, entry=entry, actor="n", now=NOW)
            counts.append(i)
    assert str(store.path) in str(raised.value)
    assert "nothing was saved" in str(raised.value)
    results = store.db.execute("SELECT count(*) FROM results").fetchone()[0]
    audited = store.db.execute(
        "SELECT count(*) FROM audit_log WHERE entity = 'results'"
    ).fetchone()[0]
    assert results == audited == len(counts)  # the failed save left no trace
    assert all(f.ok for f in check_chart(store))
    store.conn.execute(f"PRAGMA max_page_count = {pages * 100}")  # space again: saving works
    operations.record_cbc(
        store,
        patient=patient,
        entry=CbcEntry(taken=NOW - timedelta(days=30), wbc=Decimal(5)),
        confirm=True,
        actor="n",
        now=NOW,
    )
