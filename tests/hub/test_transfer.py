"""Pushing and pulling through a real hub: two charts meet there, a stopped server costs
nothing but time, and a chart that changed what it sent, or differs from the hub, is
refused before anything is written."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import HubDatabase
from hub_helpers import chart_rows, hub_rows
from ward_fixture import NOW, write_ward

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.hub.errors import (
    HubBusy,
    HubTampered,
    HubUnreachable,
    ReplicaDiverged,
)
from wardchart.storage.hub.schema import RECEIVE_LOCK, hub_init
from wardchart.storage.hub.transfer import Hub, hub_high_water, pull, push
from wardchart.storage.replica import local_replica


@pytest.fixture
def hub(hub_db: HubDatabase) -> HubDatabase:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    return hub_db


def _chart(tmp_path: Path, name: str) -> ChartStore:
    return open_chart(tmp_path / f"{name}.sqlite")


def _cbcs(store: ChartStore, mrn: str, count: int, *, start: int = 0) -> None:
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    for n in range(start, start + count):
        entry = CbcEntry(
            taken=NOW - timedelta(minutes=n + 1),
            wbc=Decimal("4.0"),
            anc=Decimal("2.0"),
            platelets=Decimal(150),
        )
        operations.record_cbc(store, patient=patient, entry=entry, confirm=True, actor="n", now=NOW)


def _id(store: ChartStore) -> str:
    found = local_replica(store.db)
    assert found is not None
    return found


def _admit(store: ChartStore, mrn: str) -> None:
    operations.admit_patient(
        store, mrn=mrn, name=f"Patient {mrn}", dob=date(1960, 1, 1), actor="n", now=NOW
    )


def test_push_then_pull_round_trips_every_record(hub: HubDatabase, tmp_path: Path) -> None:
    a, b = _chart(tmp_path, "a"), _chart(tmp_path, "b")
    write_ward(a)
    operations.set_precautions(
        a, patient=queries.find_patient(a.db, "A-1"), active=True, note="neutropenic",
        actor="n", now=NOW,
    )  # fmt: skip
    operations.set_ward_setting(a, "ward_name", "4A Oncology", actor="n", now=NOW)
    _admit(b, "C-3")

    id_a, id_b = _id(a), _id(b)
    with Hub.open(hub.ward_url) as conn:
        sent = push(conn, a.db, id_a, batch_rows=7)
        assert sent.sent["results"] == len(chart_rows(a)["results"]) == 13
        assert sent.sent["audit_rows"] > 13
        assert sent.batches >= sent.sent["audit_rows"] // 7  # whole writes of ~7 audit rows
        push(conn, b.db, id_b)
        again = push(conn, a.db, id_a)  # nothing new: nothing sent
        assert (again.total, again.batches) == (0, 0)

        on_hub = hub_rows(hub.server, hub.database, a)
        for table, rows in chart_rows(a).items():
            assert rows <= on_hub[table], table
        kept: list[int] = []
        got = pull(conn, b, after=0, batch_rows=5, on_batch=lambda _db, c: kept.append(c))
        assert got.received["results"] == 13
        assert got.received["precautions"] == 1
        assert got.received["ward_settings"] == 1
        assert kept == sorted(kept)
        assert got.cursor == kept[-1] == hub_high_water(conn)
        assert chart_rows(b) == on_hub

        # B's own admission travels the other way; A pulls only what is new.
        pulled_a = pull(conn, a, after=0)
        assert pulled_a.received["patients"] == 1
        assert chart_rows(a) == chart_rows(b)
        # Incremental: one new CBC on B, read by A after its cursor.
        _cbcs(b, "C-3", 1)
        push(conn, b.db, id_b)
        step = pull(conn, a, after=pulled_a.cursor)
        assert step.received == {"results": 1, "audit_rows": 1}
        assert chart_rows(a) == chart_rows(b) == hub_rows(hub.server, hub.database, a)
        assert pull(conn, a, after=step.cursor).total == 0
    with hub.server.admin(hub.database) as admin:
        patients = admin.execute("SELECT count(*) FROM wardchart.current_patients").fetchone()
        heads = admin.execute(
            "SELECT replica_id, max(origin_seq) FROM wardchart.chain_heads"
            " GROUP BY replica_id ORDER BY replica_id"
        ).fetchall()
    assert patients == (3,)
    last_a = a.conn.execute(
        "SELECT max(origin_seq) FROM audit_log WHERE replica_id = ?", [id_a]
    ).fetchone()[0]
    assert (id_a, last_a) in heads
    for store in (a, b):
        store.close()


def test_a_server_stopped_mid_push_and_pull_resumes_without_duplicate_or_loss(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a, b = _chart(tmp_path, "a"), _chart(tmp_path, "b")
    _admit(a, "A-1")
    _cbcs(a, "A-1", 120)
    batches: list[str] = []

    def stop_after_three(table: str, _sent: int) -> None:
        batches.append(table)
        if batches.count("results") == 2:  # audit rows first, then the records
            hub.server.stop("immediate")

    with Hub.open(hub.ward_url) as conn, pytest.raises(HubUnreachable) as raised:
        push(conn, a.db, _id(a), batch_rows=25, progress=stop_after_three)
    assert "\n" not in str(raised.value)
    hub.server.start()
    on_hub = hub_rows(hub.server, hub.database, a)
    assert 0 < len(on_hub["results"]) < 120  # part was committed, batch by batch
    with Hub.open(hub.ward_url) as conn:
        resumed = push(conn, a.db, _id(a), batch_rows=25)
        assert resumed.sent["results"] == 120 - len(on_hub["results"])
    on_hub = hub_rows(hub.server, hub.database, a)
    assert chart_rows(a) == on_hub
    for mrn in ("A-2", "A-3"):  # more writes, pushed apart: a pull has several whole steps
        _admit(a, mrn)
        _cbcs(a, mrn, 30)
        with Hub.open(hub.ward_url) as conn:
            push(conn, a.db, _id(a), batch_rows=25)
    on_hub = hub_rows(hub.server, hub.database, a)

    cursors: list[int] = []
    own = chart_rows(b)  # B's own regimen library, never pushed

    def keep_then_stop(_db: object, cursor: int) -> None:
        cursors.append(cursor)
        if len(cursors) == 2:
            hub.server.stop("fast")

    with Hub.open(hub.ward_url) as conn, pytest.raises(HubUnreachable):
        pull(conn, b, batch_rows=20, on_batch=keep_then_stop)
    hub.server.start()
    with Hub.open(hub.ward_url) as conn:
        pull(conn, b, after=cursors[-1], batch_rows=20)
    assert chart_rows(b) == {table: rows | own[table] for table, rows in on_hub.items()}
    for store in (a, b):
        store.close()


def _tamper(path: Path, statement: str, *triggers: str) -> None:
    """Change a chart file behind wardchart's back, as a hostile editor would."""
    conn = sqlite3.connect(path)
    for trigger in triggers:
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute(statement)
    conn.commit()
    conn.close()


def test_a_record_that_differs_from_the_hub_is_refused_both_ways(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a = _chart(tmp_path, "a")
    _admit(a, "A-1")
    with Hub.open(hub.ward_url) as conn:
        push(conn, a.db, _id(a))
    a.close()
    copy = tmp_path / "copy.sqlite"
    shutil.copy(tmp_path / "a.sqlite", copy)
    _tamper(copy, "UPDATE patients SET name = 'Someone Else'", "patients_no_update")
    _tamper(  # and passed off as another replica
        copy,
        "INSERT INTO chart_identity (id, legacy_chain, made_at, how) SELECT 'copy', "
        "legacy_chain, made_at, 'copied' FROM chart_identity",
    )
    tampered = open_chart(copy)
    before = hub_rows(hub.server, hub.database, tampered)
    with Hub.open(hub.ward_url) as conn:
        with pytest.raises(HubTampered, match=r"patients record .* differs") as raised:
            push(conn, tampered.db, _id(tampered))
        assert "\n" not in str(raised.value)
        assert hub_rows(hub.server, hub.database, tampered) == before
        with pytest.raises(HubTampered):
            pull(conn, tampered)
    tampered.close()


def test_a_chart_restored_from_an_old_copy_is_not_pushed_over_the_hub(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a = _chart(tmp_path, "a")
    _admit(a, "A-1")
    old = tmp_path / "old.sqlite"
    with Hub.open(hub.ward_url) as conn:
        push(conn, a.db, _id(a))
        a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(tmp_path / "a.sqlite", old)
        _cbcs(a, "A-1", 3)
        push(conn, a.db, _id(a))
    before = hub_rows(hub.server, hub.database, a)
    a.close()
    restored = open_chart(old)
    with Hub.open(hub.ward_url) as conn:
        with pytest.raises(ReplicaDiverged, match="no longer extends") as raised:
            push(conn, restored.db, _id(restored))  # cut: the last audit rows are gone
        assert "\n" not in str(raised.value)
        _cbcs(restored, "A-1", 5, start=50)  # and then written on: the chain forked
        with pytest.raises(ReplicaDiverged, match="copy of another computer's replica"):
            push(conn, restored.db, _id(restored))
        assert hub_rows(hub.server, hub.database, restored) == before
        # The documented way back: the restored copy pulls the ward again.
    restored.close()


def test_sending_back_rows_the_hub_holds_never_waits_for_another_push(
    hub: HubDatabase, tmp_path: Path
) -> None:
    # After a pull, a replica's next push holds the rows it pulled (new in its file, not on
    # the hub): that push only moves its marks and must not queue behind every other
    # replica's push for the receive lock (20 replicas after one save did).
    a, b = _chart(tmp_path, "a"), _chart(tmp_path, "b")
    write_ward(a)
    with Hub.open(hub.ward_url) as conn:
        push(conn, a.db, _id(a))
        push(conn, b.db, _id(b))
        pull(conn, b)
    with hub.server.admin(hub.database) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [RECEIVE_LOCK])  # a long push elsewhere
        with Hub.open(hub.ward_url) as conn:
            conn.conn.execute("SET lock_timeout = '2s'")
            again = push(conn, b.db, _id(b))
            assert again.total == 0
            assert again.batches > 0
            assert push(conn, b.db, _id(b)).batches == 0  # its marks moved past them
            _admit(b, "B-9")  # something new does wait for the lock
            with pytest.raises(HubBusy, match="is busy and gave up on this sync") as busy:
                push(conn, b.db, _id(b))
            assert "cannot be reached" not in str(busy.value)  # the server did answer
            assert "lock timeout" in str(busy.value)
        other.execute("SELECT pg_advisory_unlock(%s)", [RECEIVE_LOCK])
    with Hub.open(hub.ward_url) as conn:
        assert push(conn, b.db, _id(b)).sent["patients"] == 1
    for store in (a, b):
        store.close()


def test_a_push_with_nothing_new_stays_quick_however_long_the_hubs_history(
    hub: HubDatabase, tmp_path: Path
) -> None:
    # The hub gains a chain head for every push of every replica, and push marks likewise:
    # a year of a busy ward. Finding the heads used to read them all (about a second for
    # 400,000 on this machine), at every sync of every replica.
    a = _chart(tmp_path, "a")
    _admit(a, "A-1")
    with Hub.open(hub.ward_url) as conn:
        push(conn, a.db, _id(a))
    with hub.server.admin(hub.database) as admin:
        admin.execute(
            "INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
            " SELECT 'chart-' || (g % 30), g, 'h', 'x' FROM generate_series(1, 400000) g"
        )
        admin.execute(
            "INSERT INTO wardchart.push_marks (replica, table_name, through_rowid, hub_from)"
            " SELECT %s, 'results', -g, %s FROM generate_series(1, 200000) g",
            [_id(a), _id(a)],
        )
        admin.execute("ANALYZE wardchart.chain_heads")
        admin.execute("ANALYZE wardchart.push_marks")
    _cbcs(a, "A-1", 1)
    with Hub.open(hub.ward_url) as conn:
        conn.conn.execute("SET statement_timeout = '300ms'")
        for _ in range(3):  # each question the push asks answers within the limit
            sent = push(conn, a.db, _id(a))
        assert sent.total == 0
    with hub.server.admin(hub.database) as admin:
        (results,) = admin.execute("SELECT count(*) FROM wardchart.results").fetchone()
    assert results == 1
    a.close()


def test_a_pull_passes_the_replicas_own_rows_in_one_step(hub: HubDatabase, tmp_path: Path) -> None:
    # A first sync sends a whole file, then pulls: every row after the cursor is its own.
    # It used to walk them batch by batch, a hub transaction and a chart write each.
    a, b = _chart(tmp_path, "a"), _chart(tmp_path, "b")
    _admit(a, "A-1")
    _admit(b, "B-1")
    _cbcs(a, "A-1", 60)
    with Hub.open(hub.ward_url) as conn:
        push(conn, b.db, _id(b))  # another replica's rows first ...
        push(conn, a.db, _id(a), batch_rows=10)  # ... then many of A's own
        kept: list[int] = []
        got = pull(conn, a, batch_rows=10, on_batch=lambda _db, cursor: kept.append(cursor))
        assert got.received["patients"] == 1
        assert got.cursor == hub_high_water(conn)
        assert got.batches <= 2, kept
    for store in (a, b):
        store.close()


@pytest.mark.parametrize("table", ["patients", "audit_log"])
def test_a_push_mark_written_by_hand_is_refused_not_believed(
    hub: HubDatabase, tmp_path: Path, table: str
) -> None:
    # The ward role may INSERT: a mark saying the hub holds this replica's rows further
    # than it does would make the replica skip rows it never sent, and say it is in step.
    import psycopg

    a = _chart(tmp_path, "a")
    _admit(a, "A-1")
    with Hub.open(hub.ward_url) as conn:
        push(conn, a.db, _id(a))
    (last,) = a.db.execute(f"SELECT max(rowid) FROM {table}").fetchone()
    with psycopg.connect(hub.ward_url, autocommit=True) as forger:
        forger.execute(
            "INSERT INTO wardchart.push_marks (replica, table_name, through_rowid, hub_from)"
            " VALUES (%s, %s, %s, %s)",
            [_id(a), table, int(last) + 2, _id(a)],
        )
    _admit(a, "A-2")
    _admit(a, "A-3")
    held = hub_rows(hub.server, hub.database, a)
    with Hub.open(hub.ward_url) as conn, pytest.raises(HubTampered, match="written by hand"):
        push(conn, a.db, _id(a))
    assert hub_rows(hub.server, hub.database, a) == held  # nothing sent
    a.close()
