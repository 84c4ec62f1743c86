"""A replica sends its audit rows together with the versions they wrote, one hub
transaction per whole write: a new machine joining a ward that was sent in one long push
pulls it in bounded steps, and a replica killed half-way through its push holds nobody
else's pull back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import HubDatabase
from hub_helpers import chart_rows, hub_rows
from ward_fixture import NOW, write_ward

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import audit, operations, queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.health import check_chart
from wardchart.storage.hub.schema import hub_init
from wardchart.storage.hub.sync import sync
from wardchart.storage.hub.transfer import Hub, hub_high_water, pull
from wardchart.storage.replica import local_replica


@pytest.fixture
def hub(hub_db: HubDatabase) -> HubDatabase:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    return hub_db


def _cbcs(store: ChartStore, mrn: str, count: int) -> None:
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    with store.write():
        for n in range(count):
            entry = CbcEntry(
                taken=NOW - timedelta(minutes=100 + n),
                wbc=Decimal("4.0"),
                anc=Decimal("2.0"),
                platelets=Decimal(150),
            )
            operations.record_cbc(
                store, patient=patient, entry=entry, confirm=True, actor="n", now=NOW
            )


def _correct_first_result(store: ChartStore, mrn: str) -> None:
    """A correction written last of a result written first: the record's versions lie at
    both ends of the chart."""
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    (record,) = store.conn.execute(
        "SELECT origin_id FROM results WHERE patient_id = ? ORDER BY rowid LIMIT 1", [patient.id]
    ).fetchone()
    operations.correct_cbc(
        store,
        patient=patient,
        record_id=record,
        expected_version=record,
        entry=CbcEntry(taken=NOW - timedelta(hours=3), wbc=Decimal("3.0"), anc=Decimal("1.1")),
        reason="transcription",
        actor="n",
        now=NOW,
    )


def _sound(store: ChartStore) -> None:
    assert audit.verify(store.db).ok, audit.verify(store.db)
    failed = [f for f in check_chart(store) if not f.ok]
    assert not failed, failed


def _no_duplicates(store: ChartStore) -> None:
    for table, key in (("results", "id"), ("audit_log", "hash")):
        (total, distinct) = store.conn.execute(
            f"SELECT count(*), count(DISTINCT {key}) FROM {table}"
        ).fetchone()
        assert total == distinct, table


def test_a_ward_sent_in_one_push_is_pulled_by_a_new_replica_in_bounded_steps(
    hub: HubDatabase, tmp_path: Path
) -> None:
    # Audit rows used to be sent first and the records after them, so a pulled batch could
    # end only where everything had arrived: a new machine took the whole ward in one step.
    a = open_chart(tmp_path / "a.sqlite")
    write_ward(a)
    _cbcs(a, "A-1", 150)
    _correct_first_result(a, "A-1")
    sync(a, hub.ward_url, actor="n", now=NOW, batch_rows=25)  # the whole ward, one sync
    b = open_chart(tmp_path / "b.sqlite")
    own = chart_rows(b)  # its own regimen library
    held: list[int] = []
    cursors: list[int] = []

    def step(db: object, cursor: int) -> None:
        (rows,) = b.conn.execute(
            "SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM results)"
            " + (SELECT count(*) FROM cycles) + (SELECT count(*) FROM patients)"
        ).fetchone()
        held.append(rows)
        cursors.append(cursor)

    (start,) = b.conn.execute(
        "SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM results)"
        " + (SELECT count(*) FROM cycles) + (SELECT count(*) FROM patients)"
    ).fetchone()
    with Hub.open(hub.ward_url) as conn:
        high = hub_high_water(conn)
        got = pull(conn, b, batch_rows=25, on_batch=step)
    steps = [now - before for before, now in zip([start, *held], held, strict=False)]
    assert got.batches > 5, steps
    assert max(steps) <= 4 * 25, steps  # a pulled step and at most one whole write more
    assert got.cursor == cursors[-1] == high
    on_hub = hub_rows(hub.server, hub.database, a)
    assert chart_rows(b) == {table: rows | own[table] for table, rows in on_hub.items()}
    _no_duplicates(b)
    _sound(b)
    for store in (a, b):
        store.close()


def test_a_join_cut_off_between_bounded_steps_resumes_with_no_duplicate_or_loss(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a = open_chart(tmp_path / "a.sqlite")
    write_ward(a)
    _cbcs(a, "A-1", 120)
    _correct_first_result(a, "A-1")
    sync(a, hub.ward_url, actor="n", now=NOW, batch_rows=25)
    b = open_chart(tmp_path / "b.sqlite")
    seen: list[str] = []

    def cut(table: str, _rows: int) -> None:
        seen.append(table)
        if seen.count("results") == 2:
            raise KeyboardInterrupt  # as a kill between two pulled steps

    with pytest.raises(KeyboardInterrupt):
        sync(b, hub.ward_url, actor="n", now=NOW, batch_rows=25, progress=cut)
    held = b.conn.execute("SELECT count(*) FROM results").fetchone()[0]
    assert 0 < held < len(chart_rows(a)["results"])  # cut part-way, after whole steps
    _sound(b)
    sync(b, hub.ward_url, actor="n", now=NOW, batch_rows=25)
    assert chart_rows(b)["results"] == chart_rows(a)["results"]
    _no_duplicates(b)
    _sound(b)
    for store in (a, b):
        store.close()


_PUSH_AND_WAIT = """
import sys, time
from wardchart.storage.database import open_chart
from wardchart.storage.hub.sync import sync
writes = []
def committed(table, rows):
    writes.append(table)
    print(table, flush=True)
    if writes.count("audit_rows") == 3:
        time.sleep(120)  # killed here, with three whole writes committed
sync(open_chart(sys.argv[1], create=False), sys.argv[2], actor="j", batch_rows=20, join_ward=True,
     progress=committed)
"""


def test_a_replica_killed_half_way_through_its_push_holds_no_one_else_back(
    hub: HubDatabase, tmp_path: Path
) -> None:
    # Audit rows used to be sent before the records they wrote, in separate transactions:
    # a replica killed between them left audit rows whose versions never came, and every
    # other replica's pull stopped before them until that replica synced again.
    a = open_chart(tmp_path / "a.sqlite")
    write_ward(a)
    sync(a, hub.ward_url, actor="n", now=NOW)
    j = open_chart(tmp_path / "j.sqlite")
    operations.admit_patient(
        j, mrn="J-1", name="Patient J", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    _cbcs(j, "J-1", 200)
    chain = local_replica(j.db)
    j.close()
    env = {**os.environ, "PYTHONPATH": str(Path.cwd())}
    process = subprocess.Popen(
        [sys.executable, "-c", _PUSH_AND_WAIT, str(tmp_path / "j.sqlite"), hub.ward_url],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    heard = 0
    for line in process.stdout:
        heard += line.strip() == "audit_rows"
        if heard == 3:
            break
    assert heard == 3, process.stderr.read() if process.stderr else ""
    process.send_signal(signal.SIGKILL)
    process.wait()
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
    with hub.server.admin(hub.database) as admin:
        (sent,) = admin.execute(
            "SELECT count(*) FROM wardchart.audit_rows WHERE replica_id = %s", [chain]
        ).fetchone()
    assert 0 < sent < 200  # cut off part-way

    with Hub.open(hub.ward_url) as conn:
        high = hub_high_water(conn)
    got = sync(a, hub.ward_url, actor="n", now=NOW)
    assert got.received.get("results", 0) > 0
    held = a.conn.execute(
        "SELECT count(*) FROM audit_log WHERE replica_id = ?", [chain]
    ).fetchone()[0]
    assert held == sent  # everything J sent came through: nothing waits for J
    assert got.cursor >= high  # its pull went through everything the hub held
    on_hub = hub_rows(hub.server, hub.database, a)
    assert on_hub["results"] <= chart_rows(a)["results"]
    _sound(a)

    j = open_chart(tmp_path / "j.sqlite", create=False)
    sync(j, hub.ward_url, actor="n", now=NOW)  # J comes back and finishes
    sync(a, hub.ward_url, actor="n", now=NOW)
    assert chart_rows(j)["results"] <= chart_rows(a)["results"]
    _no_duplicates(a)
    for store in (a, j):
        _sound(store)
        store.close()


def test_every_hub_transaction_of_a_push_holds_its_audit_rows_versions(
    hub: HubDatabase, tmp_path: Path
) -> None:
    # Read on the hub itself: the rows one transaction inserted share its id (xmin). Every
    # audit row that wrote a version must have come with that version, in the same
    # transaction, however small the stretches and whatever the chart pulled in between.
    a, b = open_chart(tmp_path / "a.sqlite"), open_chart(tmp_path / "b.sqlite")
    write_ward(a)
    _correct_first_result(a, "A-1")
    sync(a, hub.ward_url, actor="n", now=NOW, batch_rows=3)
    sync(b, hub.ward_url, actor="n", now=NOW, batch_rows=3)
    _cbcs(b, "A-1", 7)
    _correct_first_result(b, "B-2")
    sync(b, hub.ward_url, actor="n", now=NOW, batch_rows=2)
    with hub.server.admin(hub.database) as admin:
        (audited,) = admin.execute(
            "SELECT count(*) FROM wardchart.audit_rows WHERE entity = 'results'"
        ).fetchone()
        lone = admin.execute(
            "SELECT a.replica_id, a.origin_seq FROM wardchart.audit_rows a"
            " WHERE a.entity = 'results' AND a.action IN ('create', 'correct')"
            " AND (SELECT count(*) FROM wardchart.audit_rows o WHERE o.xmin = a.xmin"
            "      AND o.entity = 'results' AND o.record_id = a.record_id"
            "      AND o.action IN ('create', 'correct'))"
            "  > (SELECT count(*) FROM wardchart.results r WHERE r.xmin = a.xmin"
            "      AND r.origin_id = a.record_id)"
        ).fetchall()
    assert audited > 10
    assert lone == []
    for store in (a, b):
        _sound(store)
        store.close()
