"""A PostgreSQL role per computer: each computer's own login role, a member of the ward role,
is bound by the hub to the one replica it sends as, so the hub itself names who sent each
row. The shared ward role still sends as any replica, as before."""

from __future__ import annotations

import json
import re
import secrets
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import HubDatabase
from hub_helpers import chart_rows, hub_rows
from ward_fixture import NOW, write_ward

from wardchart.cli import main
from wardchart.storage import operations
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.hub import schema
from wardchart.storage.hub.errors import HubRecordRefused, HubSenderRefused, ReplicaDiverged
from wardchart.storage.hub.schema import hub_init
from wardchart.storage.hub.sync import sync
from wardchart.storage.hub.tables import RECORD_TABLES
from wardchart.storage.hub.transfer import Hub, local_columns, pull, push
from wardchart.storage.replica import local_replica


@pytest.fixture
def hub(hub_db: HubDatabase) -> HubDatabase:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    return hub_db


def _computer(hub_db: HubDatabase, name: str) -> str:
    """A computer's own login role, a member of the ward role (as IT makes it); its
    password added to the test's ~/.pgpass. Its address."""
    role = f"{hub_db.ward_role}_{name}"
    password = secrets.token_hex(12)
    with hub_db.server.admin() as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}' IN ROLE {hub_db.ward_role}")
    server = hub_db.server
    with hub_db.pgpass.open("a") as pgpass:
        pgpass.write(f"{server.host}:{server.port}:{hub_db.database}:{role}:{password}\n")
    return server.url(role, hub_db.database)


def _role(url: str) -> str:
    return url.split("//", 1)[1].split("@", 1)[0]


def _chart(tmp_path: Path, name: str, *, ward: bool = False) -> ChartStore:
    store = open_chart(tmp_path / f"{name}.sqlite")
    if ward:
        write_ward(store)
    return store


def _id(store: ChartStore) -> str:
    found = local_replica(store.db)
    assert found is not None
    return found


def _senders(hub_db: HubDatabase) -> dict[str, str]:
    with hub_db.server.admin(hub_db.database) as admin:
        rows = admin.execute("SELECT role, replica_id FROM wardchart.senders").fetchall()
    return {str(role): str(replica) for role, replica in rows}


def _converge(pairs: list[tuple[ChartStore, str]]) -> None:
    for _round in range(len(pairs) + 2):
        results = [sync(store, url, actor="n", now=NOW, join_ward=True) for store, url in pairs]
        if all(r.in_step and r.pushed == 0 and r.pulled == 0 for r in results):
            return
    raise AssertionError("the replicas did not settle")


def _as(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(url, autocommit=True)


def test_each_computer_role_syncs_its_own_replica_and_the_ward_converges(
    hub: HubDatabase, tmp_path: Path
) -> None:
    ws1, ws2 = _computer(hub, "ws1"), _computer(hub, "ws2")
    a, b, c = _chart(tmp_path, "a", ward=True), _chart(tmp_path, "b"), _chart(tmp_path, "c")
    _converge([(a, ws1), (b, ws2), (c, hub.ward_url)])
    assert chart_rows(a) == chart_rows(b) == chart_rows(c) == hub_rows(hub.server, hub.database, a)
    # Each computer's role is bound to its own replica; the shared role to none.
    assert _senders(hub) == {_role(ws1): _id(a), _role(ws2): _id(b)}
    with hub.server.admin(hub.database) as admin:
        received = dict(
            admin.execute(
                "SELECT hub_from, min(hub_received_by) FROM wardchart.audit_rows"
                " GROUP BY hub_from HAVING count(DISTINCT hub_received_by) = 1"
            ).fetchall()
        )
    assert received == {_id(a): _role(ws1), _id(b): _role(ws2), _id(c): hub.ward_role}
    for store in (a, b, c):
        store.close()


def _bound_pair(hub: HubDatabase, tmp_path: Path) -> tuple[str, ChartStore, ChartStore]:
    """Computer 1's role bound to replica A (its first push); replica B pushed too."""
    ws1 = _computer(hub, "ws1")
    a, b = _chart(tmp_path, "a", ward=True), _chart(tmp_path, "b", ward=True)
    sync(a, ws1, actor="n", now=NOW, join_ward=True)
    sync(b, hub.ward_url, actor="n", now=NOW, join_ward=True)
    return ws1, a, b


def test_a_computer_role_may_not_send_rows_marks_or_heads_as_another_replica(
    hub: HubDatabase, tmp_path: Path
) -> None:
    ws1, a, b = _bound_pair(hub, tmp_path)
    id_a, id_b = _id(a), _id(b)
    table = RECORD_TABLES[0]
    names = local_columns(a.db, table)
    assert names
    row = a.conn.execute(f"SELECT {', '.join(names)} FROM {table.name} LIMIT 1").fetchone()
    forged = [
        "forged-1" if name in ("id", "origin_id") else v for name, v in zip(names, row, strict=True)
    ]
    listed = ", ".join(names)
    marks = ", ".join("%s" for _ in names)
    with hub.server.admin(hub.database) as admin:
        (head_b,) = admin.execute(
            "SELECT max(origin_seq) FROM wardchart.chain_heads WHERE replica_id = %s", [id_b]
        ).fetchone()
        (hash_b,) = admin.execute(  # a row of B's the hub holds, with no head there yet
            "SELECT hash FROM wardchart.audit_rows WHERE replica_id = %s AND origin_seq = 1",
            [id_b],
        ).fetchone()
    refused = (
        # a record passed off as B's
        (f"INSERT INTO wardchart.{table.name} ({listed}, hub_from) VALUES ({marks}, %s)",
         [*forged, id_b]),
        # B's push mark moved on (so B would skip rows it never sent)
        ("INSERT INTO wardchart.push_marks (replica, table_name, through_rowid, hub_from)"
         " VALUES (%s, 'patients', 99999, %s)", [id_b, id_a]),
        ("INSERT INTO wardchart.push_marks (replica, table_name, through_rowid, hub_from)"
         " VALUES (%s, 'patients', 99999, %s)", [id_b, id_b]),
        # B's chain head moved on (B would be told it was restored from an old backup)
        ("INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
         " VALUES (%s, %s, 'forged', %s)", [id_b, head_b + 1, id_a]),
        ("INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
         " VALUES (%s, 1, %s, %s)", [id_b, hash_b, id_b]),
    )  # fmt: skip
    before = hub_rows(hub.server, hub.database, a)
    with _as(ws1) as forger:
        for statement, values in refused:
            with pytest.raises(psycopg.Error) as raised:
                forger.execute(statement, values)
            assert raised.value.sqlstate in ("WC001", "WC002"), raised.value
        # Logged in as the computer's role, taking on the ward role changes nothing.
        forger.execute(f"SET ROLE {hub.ward_role}")
        with pytest.raises(psycopg.Error) as raised:
            forger.execute(*refused[0])
        assert raised.value.sqlstate == "WC001"
        forger.execute("RESET ROLE")
        # Audit rows of other origins may still be forwarded (rows merged from files),
        # sent as A, with a chain head naming an audit row the hub holds.
        forger.execute(
            "INSERT INTO wardchart.audit_rows (replica_id, origin_seq, at_utc, at_local, actor,"
            " action, entity, detail, prev_hash, hash, hub_from)"
            " VALUES ('merged-chain', 1, 't', 't', 'n', 'x', 'x', '{}', '', 'h1', %s)",
            [id_a],
        )
        forger.execute(
            "INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
            " VALUES ('merged-chain', 1, 'h1', %s)",
            [id_a],
        )
    assert hub_rows(hub.server, hub.database, a) == before
    with Hub.open(hub.ward_url) as conn:  # B is not told it was restored: it still pushes
        push(conn, b.db, id_b)
    for store in (a, b):
        store.close()


def test_a_second_replica_through_one_computer_role_is_refused_in_one_line(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws1, a, b = _bound_pair(hub, tmp_path)
    id_a = _id(a)
    a.close()
    b.close()
    probe = _chart(tmp_path, "probe")
    before = hub_rows(hub.server, hub.database, probe)
    probe.close()
    new = tmp_path / "new.sqlite"
    status = main(["--db", str(new), "sync", "--hub", ws1])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1, err
    assert not new.exists()  # the file the refused first sync made is not left behind
    assert err.startswith("wardchart: error: the ward hub at 127.0.0.1:")
    assert re.search(
        f"refused: this computer's role {_role(ws1)} sends as replica {id_a}, not "
        "[0-9a-f-]{36}; nothing was sent. ",
        err,
    )
    assert "needs a new role for it (docs/hub.md, A role per computer)\n" in err
    probe = open_chart(tmp_path / "probe.sqlite")
    assert hub_rows(hub.server, hub.database, probe) == before
    probe.close()
    # A replica bound to one computer's role is not sent through another's.
    ws2 = _computer(hub, "ws2")
    again = open_chart(tmp_path / "a.sqlite")
    with pytest.raises(HubSenderRefused, match=f"replica {id_a} is sent by role {_role(ws1)}"):
        sync(again, ws2, actor="n", now=NOW, join_ward=True)
    again.close()
    assert _senders(hub) == {_role(ws1): id_a}


def test_the_shared_ward_role_still_sends_for_several_replicas(
    hub: HubDatabase, tmp_path: Path
) -> None:
    a, b, c = (_chart(tmp_path, name, ward=True) for name in ("a", "b", "c"))
    _converge([(a, hub.ward_url), (b, hub.ward_url), (c, hub.ward_url)])
    assert chart_rows(a) == chart_rows(b) == chart_rows(c)
    assert _senders(hub) == {}
    # A chain head written by hand must still name an audit row the hub holds.
    with _as(hub.ward_url) as forger, pytest.raises(psycopg.Error) as raised:
        forger.execute(
            "INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
            " VALUES (%s, 99999, 'forged', %s)",
            [_id(a), _id(a)],
        )
    assert raised.value.sqlstate == "WC002"
    sync(a, hub.ward_url, actor="n", now=NOW, join_ward=True)  # A is not told it was restored
    for store in (a, b, c):
        store.close()


def test_a_forged_row_stalls_pulls_and_the_message_names_the_role_that_sent_it(
    hub: HubDatabase, tmp_path: Path
) -> None:
    ws1, a, b = _bound_pair(hub, tmp_path)
    table = RECORD_TABLES[0]
    names = local_columns(a.db, table)
    assert names
    row = a.conn.execute(f"SELECT {', '.join(names)} FROM {table.name} LIMIT 1").fetchone()
    forged = [
        "forged-1" if name in ("id", "origin_id") else v for name, v in zip(names, row, strict=True)
    ]
    with _as(ws1) as forger:  # under its own name: the hub takes it, and says who sent it
        forger.execute(
            f"INSERT INTO wardchart.{table.name} ({', '.join(names)}, hub_from)"
            f" VALUES ({', '.join('%s' for _ in names)}, %s)",
            [*forged, _id(a)],
        )
    before = chart_rows(b)
    with pytest.raises(HubRecordRefused) as raised:
        sync(b, hub.ward_url, actor="n", now=NOW, join_ward=True)
    said = str(raised.value)
    assert "\n" not in said
    assert "patients row forged-1 has no audit row" in said
    assert said.endswith(f"the hub received that row from role {_role(ws1)}")
    assert chart_rows(b) == before
    for store in (a, b):
        store.close()


def test_a_forged_audit_row_refuses_a_pull_in_one_line_naming_its_sender_and_not_for_good(
    hub: HubDatabase, tmp_path: Path
) -> None:
    """A computer's role adds an audit row continuing another replica's chain with a hash
    that does not fit. A new computer pulling in small batches writes the batches before
    it, then stops at it with the hub's message and the role that sent it — the next sync
    says the same, never that the chart file is in use."""
    ws1, a, b = _bound_pair(hub, tmp_path)
    with _as(ws1) as forger:
        forger.execute(
            "INSERT INTO wardchart.audit_rows (replica_id, origin_seq, at_utc, at_local, actor,"
            " action, entity, record_id, patient_id, detail, prev_hash, hash, hub_from)"
            " SELECT replica_id, origin_seq + 1, at_utc, at_local, actor, action, entity,"
            " record_id, patient_id, detail, hash, 'forged', %s FROM wardchart.audit_rows"
            " WHERE replica_id = %s ORDER BY origin_seq DESC LIMIT 1",
            [_id(a), _id(b)],
        )
        forger.execute(  # and one more after it: the refused row is not the last one read
            "INSERT INTO wardchart.audit_rows (replica_id, origin_seq, at_utc, at_local, actor,"
            " action, entity, record_id, patient_id, detail, prev_hash, hash, hub_from)"
            " SELECT replica_id, origin_seq + 1, at_utc, at_local, actor, action, entity,"
            " record_id, patient_id, detail, hash, 'forged again', %s FROM wardchart.audit_rows"
            " WHERE hash = 'forged'",
            [_id(a)],
        )
        forger.execute(  # and a chain head on it (the hub holds that row)
            "INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
            " SELECT replica_id, origin_seq, hash, %s FROM wardchart.audit_rows"
            " WHERE hash = 'forged'",
            [_id(a)],
        )
    joining = _chart(tmp_path, "new")
    for _attempt in range(2):
        with pytest.raises(HubRecordRefused) as raised:
            sync(joining, hub.ward_url, actor="n", now=NOW, batch_rows=50)
        said = str(raised.value)
        assert "\n" not in said
        assert "does not fit its chain" in said
        assert said.endswith(f"the hub received that row from role {_role(ws1)}")
    assert chart_rows(joining)["patients"]  # the batches before it were written
    for store in (a, b, joining):
        store.close()


def test_rows_forged_on_a_replicas_own_chain_are_told_with_their_sender(
    hub: HubDatabase, tmp_path: Path
) -> None:
    """Another computer's role continues replica B's own chain on the hub (with a head on
    it): B's sync cannot tell that from a restored file, but says who sent those rows."""
    ws1, a, b = _bound_pair(hub, tmp_path)
    with _as(ws1) as forger:
        forger.execute(
            "INSERT INTO wardchart.audit_rows (replica_id, origin_seq, at_utc, at_local, actor,"
            " action, entity, record_id, patient_id, detail, prev_hash, hash, hub_from)"
            " SELECT replica_id, origin_seq + 1, at_utc, at_local, actor, action, entity,"
            " record_id, patient_id, detail, hash, 'forged', %s FROM wardchart.audit_rows"
            " WHERE replica_id = %s ORDER BY origin_seq DESC LIMIT 1",
            [_id(a), _id(b)],
        )
        forger.execute(
            "INSERT INTO wardchart.chain_heads (replica_id, origin_seq, hash, hub_from)"
            " SELECT replica_id, origin_seq, hash, %s FROM wardchart.audit_rows"
            " WHERE hash = 'forged'",
            [_id(a)],
        )
    with pytest.raises(ReplicaDiverged) as refused:
        sync(b, hub.ward_url, actor="n", now=NOW)
    said = str(refused.value)
    assert "is missing here; the hub received it from replica " in said
    assert f"{_id(a)[:8]}, role {_role(ws1)}" in said
    for store in (a, b):
        store.close()


def test_a_new_computer_whose_first_sync_stops_after_sending_keeps_its_file_and_role(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new computer's first sync sends the new file's rows (binding its role to it),
    then stops (here: the pull meets a forged row). The file is kept, of the ward, and
    the next sync is the same replica through the same role — never "sends as replica X,
    not Y" for a file that was removed."""
    ws1, a, b = _bound_pair(hub, tmp_path)
    table = RECORD_TABLES[0]
    names = local_columns(a.db, table)
    row = a.conn.execute(f"SELECT {', '.join(names)} FROM {table.name} LIMIT 1").fetchone()
    forged = [
        "forged-1" if name in ("id", "origin_id") else v for name, v in zip(names, row, strict=True)
    ]
    with _as(ws1) as forger:
        forger.execute(
            f"INSERT INTO wardchart.{table.name} ({', '.join(names)}, hub_from)"
            f" VALUES ({', '.join('%s' for _ in names)}, %s)",
            [*forged, _id(a)],
        )
    ws2 = _computer(hub, "ws2")
    new = tmp_path / "new.sqlite"
    for _attempt in range(2):
        status = main(["--db", str(new), "sync", "--hub", ws2])
        err = capsys.readouterr().err
        assert status == 2
        assert "has no audit row" in err, err
        assert "sends as replica" not in err
        assert new.exists()
    made = open_chart(new)
    assert made.conn.execute("SELECT count(*) FROM chart_ward").fetchone()[0] == 1
    assert _senders(hub)[_role(ws2)] == _id(made)
    for store in (a, b, made):
        store.close()


def test_a_hub_of_version_2_with_rows_is_upgraded_and_keeps_working(
    hub_db: HubDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    released = tuple(m for m in schema.MIGRATIONS if m[0] <= 2)
    with monkeypatch.context() as old:  # the hub as the last release made it
        old.setattr(schema, "MIGRATIONS", released)
        old.setattr(schema, "HUB_VERSION", 2)
        hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
        a, b = _chart(tmp_path, "a", ward=True), _chart(tmp_path, "b", ward=True)
        for _round in range(2):  # synced as the wardchart of version 2 did: no ward asked
            for store in (a, b):
                with Hub.open(hub_db.ward_url) as opened:
                    replica = local_replica(store.db)
                    assert replica is not None
                    push(opened, store.db, replica)
                    pull(opened, store)
    done = hub_init(hub_db.owner_url)  # IT upgrades it, without naming the ward role again
    assert (done.version_before, done.version_after) == (2, schema.HUB_VERSION)
    ws1 = _computer(hub_db, "ws1")
    c = _chart(tmp_path, "c", ward=True)
    # A now syncs through its own computer's role; B and a new C through the shared one.
    _converge([(a, ws1), (b, hub_db.ward_url), (c, hub_db.ward_url)])
    assert chart_rows(a) == chart_rows(b) == chart_rows(c)
    assert _senders(hub_db) == {_role(ws1): _id(a)}
    operations.admit_patient(
        b, mrn="B-9", name="Patient B-9", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    with pytest.raises(HubSenderRefused):  # B's new entry, through A's computer's role
        sync(b, ws1, actor="n", now=NOW, join_ward=True)
    for store in (a, b, c):
        store.close()


def test_hub_senders_lists_each_computers_role_and_its_replica(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hub", "senders", hub.ward_url]) == 0
    assert "no computer's own role has sent to the ward hub at" in capsys.readouterr().out
    ws1, a, b = _bound_pair(hub, tmp_path)
    for url in (hub.owner_url, hub.ward_url, ws1):  # IT, or any computer, may look
        assert main(["hub", "senders", url]) == 0
        out = capsys.readouterr().out
        assert out.count("\n") == 1
        assert out.startswith(f"{_role(ws1)} sends as replica {_id(a)}, first seen 20")
    assert main(["hub", "senders", hub.ward_url, "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["hub"].startswith("the ward hub at 127.0.0.1:")
    assert [(s["role"], s["replica_id"]) for s in said["senders"]] == [(_role(ws1), _id(a))]
    assert said["senders"][0]["first_seen"].endswith("+00:00")
    # A hub that is not there: one line, exit 2.
    status = main(["hub", "senders", hub.server.url(hub.ward_role, "no_such_database")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("wardchart: error: ")
    assert err.count("\n") == 1
    for store in (a, b):
        store.close()
