"""The hub announces every insert (LISTEN/NOTIFY), and a listener hears it within 2 s;
a listener outlives the server stopping and starting again."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg
import pytest
from conftest import HubDatabase

from wardchart.storage.hub.errors import HubOlder
from wardchart.storage.hub.listen import Listener
from wardchart.storage.hub.schema import CHANGES_CHANNEL, NOTIFIED_TABLES, hub_init
from wardchart.storage.hub.tables import RECORD_TABLES
from wardchart.storage.hub.transfer import Hub, local_columns


class Heard:
    """What a listener reported, with when."""

    def __init__(self) -> None:
        self.senders: list[tuple[float, str]] = []
        self.event = threading.Event()

    def __call__(self, sender: str) -> None:
        self.senders.append((time.monotonic(), sender))
        self.event.set()

    def wait_for(self, sender: str, start: float, timeout_s: float) -> float | None:
        """Seconds from ``start`` until ``sender`` was heard (None: not within
        ``timeout_s``)."""
        while time.monotonic() - start < timeout_s:
            for at, who in self.senders:
                if who == sender and at >= start:
                    return at - start
            time.sleep(0.01)
        return None


def _send_patients(hub_db: HubDatabase, chart, sender: str) -> None:  # type: ignore[no-untyped-def]
    """Add the chart's patients to the hub as the ward role, in one transaction, as a
    push from ``sender`` would."""
    table = RECORD_TABLES[0]
    names = local_columns(chart.db, table)
    assert table.name == "patients"
    assert names
    rows = chart.conn.execute(f"SELECT {', '.join(names)} FROM patients").fetchall()
    assert len(rows) >= 2
    marks = ", ".join("%s" for _ in (*names, sender))
    with psycopg.connect(hub_db.ward_url, autocommit=True) as conn, conn.transaction():
        for row in rows:  # one statement per row: still one notification per sender
            conn.execute(
                f"INSERT INTO wardchart.patients ({', '.join(names)}, hub_from) VALUES ({marks})",
                [*row, sender],
            )


def _listening(listener: Listener) -> None:
    assert listener.listening.wait(10), "the listener did not connect"


def test_a_push_reaches_a_listener_within_two_seconds(hub_db: HubDatabase, ward) -> None:  # type: ignore[no-untyped-def]
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    heard = Heard()
    listener = Listener(hub_db.ward_url, heard).start()
    try:
        _listening(listener)
        replica = "replica-a"
        start = time.monotonic()
        _send_patients(hub_db, ward, replica)
        took = heard.wait_for(replica, start, 2.0)
        assert took is not None, heard.senders
        assert took < 2.0
        # One push transaction, one notification per sender (identical ones collapse).
        assert [who for _at, who in heard.senders if who == replica] == [replica]
    finally:
        listener.stop()


def test_every_record_table_and_audit_row_insert_is_announced(hub_db: HubDatabase) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with hub_db.server.admin(hub_db.database) as conn:
        found = {
            row[0]
            for row in conn.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE t.tgname = c.relname || '_notify'"
            )
        }
    assert found == set(NOTIFIED_TABLES)


def test_an_insert_that_adds_nothing_is_not_announced(hub_db: HubDatabase) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    with psycopg.connect(hub_db.ward_url, autocommit=True) as conn:
        conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        conn.execute("INSERT INTO wardchart.patients SELECT * FROM wardchart.patients WHERE false")
        assert list(conn.notifies(timeout=0.5)) == []


def test_the_listener_hears_again_after_the_server_restarts(
    hub_db: HubDatabase,
    ward,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    heard = Heard()
    listener = Listener(hub_db.ward_url, heard, retry_s=0.5).start()
    try:
        _listening(listener)
        hub_db.server.stop()
        try:
            deadline = time.monotonic() + 10
            while listener.listening.is_set() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not listener.listening.is_set()
        finally:
            hub_db.server.start()
        _listening(listener)
        replica = "replica-a"
        sent = time.monotonic()
        _send_patients(hub_db, ward, replica)
        assert heard.wait_for(replica, sent, 2.0) is not None
    finally:
        listener.stop()
    assert not listener._thread.is_alive()


def test_a_hub_of_version_1_is_migrated_to_announce(
    hub_db: HubDatabase,
    ward,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wardchart.storage.hub import schema

    with monkeypatch.context() as older:
        older.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        older.setattr(schema, "HUB_VERSION", 1)
        assert hub_init(hub_db.owner_url, ward_role=hub_db.ward_role).version_after == 1
    with pytest.raises(HubOlder):
        Hub.open(hub_db.ward_url)
    done = hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    assert (done.version_before, done.version_after) == (1, schema.HUB_VERSION)
    heard = Heard()
    listener = Listener(hub_db.ward_url, heard).start()
    try:
        _listening(listener)
        start = time.monotonic()
        _send_patients(hub_db, ward, "replica-a")
        assert heard.wait_for("replica-a", start, 2.0) is not None
    finally:
        listener.stop()


def test_a_replicas_own_sync_bookkeeping_is_not_announced(hub_db: HubDatabase) -> None:
    """After pulling, a replica writes (and sends) an audit row saying it synced; were that
    announced, every replica would sync again after every other one's pull."""
    from wardchart.storage.hub.tables import AUDIT_COLUMNS

    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    names = [name for name, _kind, _not_null in AUDIT_COLUMNS]
    marks = ", ".join("%s" for _ in (*names, "hub_from"))
    insert = f"INSERT INTO wardchart.audit_rows ({', '.join(names)}, hub_from) VALUES ({marks})"

    def row(seq: int, action: str) -> list[object]:
        values: dict[str, object] = dict.fromkeys(names, "x")
        values.update(replica_id="replica-a", origin_seq=seq, action=action)
        return [*(values[n] for n in names), "replica-a"]

    with psycopg.connect(hub_db.ward_url, autocommit=True) as conn:
        conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        conn.execute(insert, row(1, "sync"))
        assert list(conn.notifies(timeout=0.5)) == []
        conn.execute(insert, row(2, "record"))
        assert [n.payload for n in conn.notifies(timeout=2, stop_after=1)] == ["replica-a"]
