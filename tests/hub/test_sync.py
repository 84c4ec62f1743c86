"""Syncing replicas through a real hub: they converge on the same chart and the same
conflicts, as merging them would, and each replica's history stays verifiable."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import HubDatabase
from hub_helpers import chart_rows
from ward_fixture import NOW, write_ward

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import audit, operations, queries
from wardchart.storage.conflicts import conflicts, resolve_conflict
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.health import check_chart
from wardchart.storage.hub.errors import HubUnreachable
from wardchart.storage.hub.schema import hub_init
from wardchart.storage.hub.sync import pending_count, sync
from wardchart.storage.merge import copy_chart, merge_from


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
    for rounds in range(1, 6):
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
    # b charted before it ever synced, and the hub holds a's records: it joins explicitly
    got = sync(b, hub.ward_url, actor="n", now=NOW, join_ward=True)
    assert got.received["results"] == len(chart_rows(a)["results"])
    assert (got.in_step, got.conflicts) == (True, 0)  # the two default libraries are one
    assert _settle(hub.ward_url, a, b) <= 2
    assert chart_rows(a) == chart_rows(b)
    assert _shown(a) == _shown(b)
    _cbc(b, "C-3", 5)
    # a print or export travels too, but is nothing a nurse entered
    operations.log_event(
        b, action="export", entity="chart", detail={"to": "x.csv"}, actor="n", now=NOW
    )
    assert pending_count(b) == 1
    sync(b, hub.ward_url, actor="n", now=NOW)
    step = sync(a, hub.ward_url, actor="n", now=NOW)
    assert step.received == {"results": 1, "audit_rows": 2}  # the CBC's, the export's
    for store in (a, b):
        _sound(store)
        store.close()


def _correct(store: ChartStore, mrn: str, record: str, anc: str) -> None:
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    operations.correct_cbc(
        store,
        patient=patient,
        record_id=record,
        expected_version=record,
        entry=CbcEntry(taken=NOW - timedelta(hours=3), wbc=Decimal("3.0"), anc=Decimal(anc)),
        reason="transcription",
        actor="n",
        now=NOW,
    )


def test_three_replicas_converge_with_the_conflicts_a_merge_finds(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a, b, c = (_chart(tmp_path, name) for name in "abc")
    write_ward(a)
    _settle(hub.ward_url, a, b, c)
    record = a.conn.execute("SELECT origin_id FROM current_results LIMIT 1").fetchone()[0]
    # Apart: one result corrected on A and on B; one MRN admitted on B and on C; a ward
    # setting changed on A and on C; and ordinary entries everywhere.
    _correct(a, "A-1", record, "1.1")
    _correct(b, "A-1", record, "1.2")
    _admit(b, "D-4", bed="4A-09")
    _admit(c, "D-4", bed="4A-10")
    operations.set_ward_setting(a, "ward_name", "4A", actor="n", now=NOW)
    operations.set_ward_setting(c, "ward_name", "4B", actor="n", now=NOW)
    _cbc(c, "B-2", 30)
    for store in (a, b, c):
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    merged = _merged_copies(tmp_path, a, b, c)

    assert _settle(hub.ward_url, a, b, c) <= 4  # the last round only confirms
    expected = {(x.kind, x.key) for x in conflicts(merged.db)}
    assert {kind for kind, _key in expected} == {"correction", "mrn", "ward_setting"}
    for store in (a, b, c):
        assert {(x.kind, x.key) for x in conflicts(store.db)} == expected
        assert _shown(store) == _shown(a)
        assert chart_rows(store) == chart_rows(a)
        _sound(store)
    assert _shown(merged)["results"] == _shown(a)["results"]

    # Resolved on C, the conflict is gone on every replica.
    (setting,) = (x for x in conflicts(c.db) if x.kind == "ward_setting")
    resolve_conflict(
        c, setting.key, action="keep", keep=setting.sides[0].version_id, reason="ward is 4A",
        actor="n", now=NOW,
    )  # fmt: skip
    _settle(hub.ward_url, a, b, c)
    for store in (a, b, c):
        assert "ward_setting" not in {x.kind for x in conflicts(store.db)}
        _sound(store)
    for store in (a, b, c, merged):
        store.close()


def _merged_copies(tmp_path: Path, *stores: ChartStore) -> ChartStore:
    """The same replicas merged file to file, for comparison: copies, merged into one."""
    copies = []
    for store in stores:
        copy = tmp_path / f"copy-{store.path.name}"
        shutil.copy(store.path, copy)
        copies.append(copy)
    merged = open_chart(copies[0])
    for other in copies[1:]:
        merge_from(merged, other, actor="n", now=NOW)
    return merged


def test_a_server_stopped_in_the_middle_of_a_sync_costs_only_time(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a, b = _chart(tmp_path, "a"), _chart(tmp_path, "b")
    write_ward(a)
    for part in range(3):  # written and sent in three syncs: a pull has whole steps to stop at
        with a.write():
            for n in range(50):
                _cbc(a, "A-1", 100 + 50 * part + n)
        sync(a, hub.ward_url, actor="n", now=NOW)
    batches: list[str] = []

    def stop_mid_pull(table: str, _rows: int) -> None:
        batches.append(table)
        if table == "results" and batches.count("results") == 2:  # the second whole step
            hub.server.stop("immediate")

    with pytest.raises(HubUnreachable) as raised:
        sync(b, hub.ward_url, actor="n", now=NOW, batch_rows=40, progress=stop_mid_pull)
    assert "\n" not in str(raised.value)
    part = b.conn.execute("SELECT count(*) FROM results").fetchone()[0]
    assert 0 < part < len(chart_rows(a)["results"])
    hub.server.start()
    _settle(hub.ward_url, a, b)
    assert chart_rows(a) == chart_rows(b)
    for store in (a, b):
        _sound(store)
        store.close()


def test_a_sync_cut_off_after_any_batch_leaves_a_chart_that_passes_its_check(
    hub: HubDatabase, tmp_path: Path
) -> None:
    # A replica pushes its audit rows before its records: a pulled batch that ended between
    # them, then a cut-off sync, left audit rows of versions the chart lacked — its check
    # failed and every later sync refused it. Batches now end only where whole writes do.
    a = _chart(tmp_path, "a")
    write_ward(a)
    with a.write():
        for n in range(60):
            _cbc(a, "A-1", 100 + n)
    sync(a, hub.ward_url, actor="n", now=NOW)
    for cut in (1, 2, 3):
        b = _chart(tmp_path, f"b{cut}")
        seen: list[str] = []

        def stop(table: str, _rows: int, seen: list[str] = seen, cut: int = cut) -> None:
            seen.append(table)
            if len(seen) == cut:
                raise KeyboardInterrupt  # as a nurse's Ctrl+C, or a kill, between batches

        with pytest.raises(KeyboardInterrupt):
            sync(b, hub.ward_url, actor="n", now=NOW, batch_rows=25, progress=stop)
        _sound(b)
        sync(b, hub.ward_url, actor="n", now=NOW, batch_rows=25)
        assert chart_rows(b)["results"] == chart_rows(a)["results"]
        _sound(b)
        b.close()
    a.close()


def test_a_replica_killed_in_the_middle_of_a_sync_resumes_with_no_duplicate_or_loss(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a = _chart(tmp_path, "a")
    write_ward(a)
    for part in range(6):  # written and sent in six syncs: a pull has whole steps to stop at
        with a.write():
            for n in range(500):
                _cbc(a, "A-1", 100 + 500 * part + n)
        sync(a, hub.ward_url, actor="n", now=NOW)
    joining = tmp_path / "b.sqlite"
    env = {**os.environ, "PYTHONPATH": str(Path.cwd()), "WARDCHART_HUB": hub.ward_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "wardchart", "--db", str(joining), "sync"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    marks = 0
    while time.monotonic() < deadline and process.poll() is None and marks == 0:
        marks = _marks(joining)
        time.sleep(0.002)
    assert process.poll() is None, process.stderr.read() if process.stderr else ""
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.stderr is not None
    process.stderr.close()
    b = open_chart(joining, create=False)
    held = b.conn.execute("SELECT count(*) FROM results").fetchone()[0]
    assert held < len(chart_rows(a)["results"])  # killed part-way
    _sound(b)  # and what it holds passes its own check
    resumed = sync(b, hub.ward_url, actor="n", now=NOW)
    assert resumed.pulled > 0
    _settle(hub.ward_url, a, b)
    assert chart_rows(a) == chart_rows(b)
    for table in ("results", "audit_log"):
        (total,) = b.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        (distinct,) = b.conn.execute(
            f"SELECT count(DISTINCT {'id' if table == 'results' else 'hash'}) FROM {table}"
        ).fetchone()
        assert total == distinct, table
    for store in (a, b):
        _sound(store)
        store.close()


def _marks(path: Path) -> int:
    """How many pull steps a chart file has kept (0 while it is being made)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.05)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM hub_sync").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def test_an_encrypted_laptop_replica_syncs_like_any_other(hub: HubDatabase, tmp_path: Path) -> None:
    a = _chart(tmp_path, "a")
    write_ward(a)
    sync(a, hub.ward_url, actor="n", now=NOW)
    made = copy_chart(
        a, tmp_path / "laptop.sqlite", passphrase="a long passphrase", actor="it", now=NOW
    )
    laptop = open_chart(made.path, create=False, passphrase="a long passphrase")
    _admit(laptop, "L-7")
    _settle(hub.ward_url, a, laptop)
    assert chart_rows(a) == chart_rows(laptop)
    for store in (a, laptop):
        _sound(store)
        store.close()
    assert b"SQLite format 3" not in (tmp_path / "laptop.sqlite").read_bytes()[:16]


def test_a_kept_connection_belongs_to_one_thread_and_closes_with_it(
    tmp_path: Path, hub: HubDatabase
) -> None:
    # A window keeps its hub connection between syncs; two windows in one process (two
    # threads) must never share one connection, and a stopping loop closes its own only.
    import threading

    from wardchart.storage.hub import sync as syncing

    first = _chart(tmp_path, "a")
    _admit(first, "K-1")
    first.close()
    seen: dict[int, object] = {}

    def run(name: str, i: int) -> None:  # a chart connection belongs to its thread too
        store = _chart(tmp_path, name)
        sync(store, hub.ward_url, actor="n", now=NOW, keep_open=True)
        sync(store, hub.ward_url, actor="n", now=NOW, keep_open=True)
        seen[i] = syncing._open(hub.ward_url, keep_open=True)  # what this thread kept
        store.close()

    threads = [threading.Thread(target=run, args=(n, i)) for i, n in enumerate("ab")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen[0] is not seen[1]
    syncing.close_hubs(this_thread=True)  # this thread kept none: the others stay open
    assert all(not hub_.conn.closed for hub_ in seen.values())  # type: ignore[attr-defined]
    syncing.close_hubs()
    assert all(hub_.conn.closed for hub_ in seen.values())  # type: ignore[attr-defined]


def test_a_replica_pulling_while_another_is_half_way_through_its_push_stays_sound(
    hub: HubDatabase, tmp_path: Path
) -> None:
    # New machines join at once: J1 is half-way through its push when J2 pushes and is cut
    # off. A puller must take what both sent without cutting anyone's audit rows from their
    # records (no false "hub altered", no audit row of a version it lacks).
    a = _chart(tmp_path, "a")
    write_ward(a)
    sync(a, hub.ward_url, actor="n", now=NOW)
    j1, j2, puller = _chart(tmp_path, "j1"), _chart(tmp_path, "j2"), _chart(tmp_path, "r")
    cut: list[str] = []

    def stop_after_audit(table: str, _rows: int) -> None:
        if table == "audit_rows":
            raise KeyboardInterrupt  # J2 killed after its audit rows

    def j2_between(table: str, _rows: int) -> None:
        if table == "audit_rows" and not cut:
            cut.append(table)
            with pytest.raises(KeyboardInterrupt):
                sync(j2, hub.ward_url, actor="n", now=NOW, progress=stop_after_audit)

    sync(j1, hub.ward_url, actor="n", now=NOW, batch_rows=5, progress=j2_between)
    assert cut
    sync(puller, hub.ward_url, actor="n", now=NOW)  # used to be refused: "hub altered"
    _sound(puller)  # what it took so far is whole
    sync(j2, hub.ward_url, actor="n", now=NOW)  # J2 comes back and finishes
    sync(puller, hub.ward_url, actor="n", now=NOW)
    for joined in (j1, j2):
        assert chart_rows(joined)["regimens"] <= chart_rows(puller)["regimens"]
    _sound(puller)
    for store in (a, j1, j2, puller):
        store.close()
