"""An acknowledged save survives SIGKILL: kill a writer again and again, then check the file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from wardchart.storage import audit, operations, queries
from wardchart.storage.database import open_chart
from wardchart.storage.health import check_chart

KILLS = 25
BASE = datetime(2026, 3, 1, 0, 0, tzinfo=UTC)

WRITER = """
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import open_chart
store = open_chart(Path(sys.argv[1]), create=False)
patient = queries.find_patient(store.db, "K-1")
start = int(sys.argv[2])
base = datetime(2026, 3, 1, tzinfo=UTC)
for i in range(start, start + 100000):
    entry = CbcEntry(taken=base + timedelta(minutes=i), wbc=Decimal(5), anc=Decimal(2))
    operations.record_cbc(store, patient=patient, entry=entry, confirm=True, actor="writer",
                          now=datetime(2026, 11, 1, tzinfo=UTC))
    print(i, flush=True)  # acknowledged only after the commit returned
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    chart = tmp_path / "kill.sqlite"
    store = open_chart(chart)
    operations.admit_patient(
        store,
        mrn="K-1",
        name="Kill, Test",
        dob=date(1960, 1, 1),
        actor="n",
        now=datetime(2026, 11, 1, tzinfo=UTC),
    )
    store.close()
    rng = random.Random(20261123)
    acknowledged: set[int] = set()
    next_index = 0
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(chart), str(next_index)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert writer.stdout is not None
        wanted = rng.randint(1, 12)
        for _ in range(wanted):
            line = writer.stdout.readline()
            if not line:
                break
            acknowledged.add(int(line))
        writer.send_signal(signal.SIGKILL)  # while it is in the middle of the next save
        writer.wait()
        writer.stdout.close()
        next_index = max(acknowledged, default=-1) + 1000  # fresh times after each kill

    store = open_chart(chart, create=False)
    try:
        assert all(f.ok for f in check_chart(store)), check_chart(store)
        patient = queries.find_patient(store.db, "K-1")
        assert patient is not None
        saved = {
            int((r.taken - BASE) / timedelta(minutes=1))
            for r in queries.patient_records(store.db, patient).results
        }
        assert acknowledged <= saved  # nothing acknowledged was lost
        assert len(acknowledged) >= KILLS
        # No half-written record: every result has exactly its own audit row, and back.
        results = store.db.execute("SELECT count(*) FROM results").fetchone()[0]
        audited = store.db.execute(
            "SELECT count(*) FROM audit_log WHERE entity = 'results' AND action = 'create'"
        ).fetchone()[0]
        assert results == audited == len(saved)
        assert audit.verify(store.db).ok
    finally:
        store.close()
