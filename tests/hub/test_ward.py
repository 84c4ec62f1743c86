"""A ward's identity, against a real hub: the hub holds one ward id, every chart records the
ward it belongs to, and a chart is never synced into another ward's hub — refused before
anything is sent or received, the chart file and both hubs unchanged. A chart from before
ward ids takes its hub's ward when that is safe, else only with ``sync --join-ward``; a
copied replica is told from a restored one."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import HubDatabase
from hub_helpers import one_line_error as _one_line_error
from hub_helpers import run as _run
from psycopg import errors
from ward_fixture import NOW, write_ward

from wardchart.storage import operations
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.hub import schema
from wardchart.storage.hub import sync as sync_module
from wardchart.storage.hub.errors import ReplicaDiverged, WardNotJoined, WrongWard
from wardchart.storage.hub.schema import HUB_VERSION, WARD_TABLE, hub_init
from wardchart.storage.hub.sync import sync
from wardchart.storage.hub.transfer import Hub, pull, push, ward_id
from wardchart.storage.merge import copy_chart
from wardchart.storage.replica import chart_ward, local_replica


@pytest.fixture
def hub(hub_db: HubDatabase) -> HubDatabase:
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    return hub_db


def _other_hub(hub_db: HubDatabase) -> HubDatabase:
    """A second ward's hub on the same server: its own database, the same two roles."""
    name = f"{hub_db.database}_other"
    with hub_db.server.admin() as admin:
        admin.execute(f"CREATE DATABASE {name} OWNER {hub_db.owner}")
    lines = hub_db.pgpass.read_text().splitlines()
    copied = [line.replace(f":{hub_db.database}:", f":{name}:") for line in lines]
    hub_db.pgpass.write_text("\n".join([*lines, *copied]) + "\n")
    other = HubDatabase(hub_db.server, name, hub_db.owner, hub_db.ward_role, hub_db.pgpass)
    hub_init(other.owner_url, ward_role=other.ward_role)
    return other


def _hub_counts(hub_db: HubDatabase) -> dict[str, int]:
    """Rows of every hub table (read as the superuser)."""
    with hub_db.server.admin(hub_db.database) as conn:
        names = [
            str(row[0])
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                " 'wardchart' AND table_type = 'BASE TABLE'"
            )
        ]
        counted = {}
        for name in names:
            found = conn.execute(f"SELECT count(*) FROM wardchart.{name}").fetchone()
            assert found is not None
            counted[name] = int(found[0])
        return counted


def _chart_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: int(conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0]) for n in names}
    finally:
        conn.close()


def _hub_ward(hub_db: HubDatabase) -> str:
    with Hub.open(hub_db.ward_url) as opened:
        return ward_id(opened)


def _file_ward(path: Path) -> tuple[str, str] | None:
    conn = sqlite3.connect(path)
    try:
        found = conn.execute("SELECT ward_id, how FROM chart_ward").fetchall()
    finally:
        conn.close()
    assert len(found) <= 1
    return None if not found else (str(found[0][0]), str(found[0][1]))


def _ward(path: Path) -> Path:
    store = open_chart(path)
    write_ward(store)
    store.close()
    return path


def test_a_chart_is_never_synced_into_another_wards_hub(
    hub: HubDatabase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WARDCHART_HUB", raising=False)
    other = _other_hub(hub)
    a = _ward(tmp_path / "a.sqlite")
    assert _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)[0] == 0
    elsewhere = _ward(tmp_path / "elsewhere.sqlite")  # the other ward's own patients
    assert _run(capsys, "--db", str(elsewhere), "sync", "--hub", other.ward_url)[0] == 0
    ours, theirs = _hub_ward(hub), _hub_ward(other)
    assert ours != theirs
    assert _file_ward(a) == (ours, "hub")
    assert _file_ward(elsewhere) == (theirs, "hub")
    before = (a.read_bytes(), _chart_counts(a), _hub_counts(hub), _hub_counts(other))
    for extra in ((), ("--join-ward",)):  # joining never overrides a ward the chart has
        err = _one_line_error(
            *_run(capsys, "--db", str(a), "sync", "--hub", other.ward_url, *extra)
        )
        assert "this chart belongs to another ward than the ward hub at 127.0.0.1:" in err
        assert f"chart's ward {ours[:8]}…, hub's ward {theirs[:8]}…" in err
        assert "nothing was sent or received; check the hub address" in err
        after = (a.read_bytes(), _chart_counts(a), _hub_counts(hub), _hub_counts(other))
        assert after == before
    # check names the chart's ward, and fails its hub line against the other ward's hub
    monkeypatch.setenv("WARDCHART_HUB", other.ward_url)
    status, out, _err = _run(capsys, "--db", str(a), "check")
    assert status == 1
    assert f"ward: OK — {ours}" in out
    assert "ward hub: FAILED — this chart belongs to another ward than" in out
    monkeypatch.setenv("WARDCHART_HUB", hub.ward_url)
    status, out, _err = _run(capsys, "--db", str(a), "check")
    assert status == 0, out
    new = tmp_path / "new.sqlite"
    open_chart(new).close()
    status, out, _err = _run(capsys, "--db", str(new), "check")
    assert "ward: OK — none yet: it takes the ward of the first hub it syncs with" in out


def test_a_chart_without_a_ward_joins_only_when_that_is_safe(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # (ii) a chart with its own records, and a hub holding nothing from other replicas
    a = _ward(tmp_path / "a.sqlite")
    assert _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)[0] == 0
    ward = _hub_ward(hub)
    assert _file_ward(a) == (ward, "hub")
    # (i) a new replica joining: it has nothing of its own
    b = tmp_path / "b.sqlite"
    status, _out, err = _run(capsys, "--db", str(b), "sync", "--hub", hub.ward_url)
    assert (status, err) == (0, "")
    assert _file_ward(b) == (ward, "hub")
    # A chart charted on its own, never synced, while the hub holds other replicas'
    # records: a ward's single-computer file from before the hub. Refused, then joined.
    c = _ward(tmp_path / "c.sqlite")
    before = (c.read_bytes(), _hub_counts(hub))
    err = _one_line_error(*_run(capsys, "--db", str(c), "sync", "--hub", hub.ward_url))
    assert "this chart holds entries of its own and has never synced with the ward hub" in err
    assert "run `wardchart sync --join-ward` to merge it in; nothing was sent" in err
    assert (c.read_bytes(), _hub_counts(hub)) == before
    assert _file_ward(c) is None
    status, out, err = _run(capsys, "--db", str(c), "sync", "--hub", hub.ward_url, "--join-ward")
    assert (status, err) == (0, ""), out
    assert _file_ward(c) == (ward, "joined")
    assert _hub_counts(hub)["patients"] > before[1]["patients"]


def _older_hub(hub_db: HubDatabase, monkeypatch: pytest.MonkeyPatch) -> int:
    """Make the hub as the wardchart before ward ids made it: every migration before the
    one that makes the ward's table (found by its content, not its number)."""
    (place,) = [
        n
        for n, (_v, script) in enumerate(schema.MIGRATIONS)
        if f"wardchart.{WARD_TABLE} (" in script
    ]
    older = schema.MIGRATIONS[:place]
    with monkeypatch.context() as patched:
        patched.setattr(schema, "MIGRATIONS", older)
        patched.setattr(schema, "HUB_VERSION", older[-1][0])
        assert hub_init(hub_db.owner_url, ward_role=hub_db.ward_role).version_after == older[-1][0]
    return older[-1][0]


def _push_and_pull(hub_db: HubDatabase, store: ChartStore, monkeypatch: Any, version: int) -> None:
    """A sync by the wardchart before ward ids: push, then pull, no ward asked."""
    with monkeypatch.context() as patched:
        patched.setattr(schema, "HUB_VERSION", version)
        with Hub.open(hub_db.ward_url) as opened:
            replica = local_replica(store.db)
            assert replica is not None
            push(opened, store.db, replica)
            pull(opened, store)


def test_a_hub_migrated_to_ward_ids_gets_one_and_its_replicas_keep_syncing(
    hub_db: HubDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = _older_hub(hub_db, monkeypatch)
    a, b = open_chart(tmp_path / "a.sqlite"), open_chart(tmp_path / "b.sqlite")
    write_ward(a)
    write_ward(b)
    _push_and_pull(hub_db, a, monkeypatch, version)
    _push_and_pull(hub_db, b, monkeypatch, version)  # both pushed: each holds records
    # a laptop copy of a, charted on, never synced: it is of a's ward too
    copy_chart(a, tmp_path / "laptop.sqlite", actor="it", now=NOW)
    laptop = open_chart(tmp_path / "laptop.sqlite")
    operations.set_ward_setting(laptop, "ward_name", "Clinic", actor="n", now=NOW)
    with pytest.raises(Exception, match="older wardchart"):
        sync(a, hub_db.ward_url, actor="n", now=NOW)
    done = hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)
    assert (done.version_before, done.version_after) == (version, HUB_VERSION)
    with hub_db.server.admin(hub_db.database) as conn:
        rows = conn.execute(
            f"SELECT ward_id, hub_received_by, hub_received_at FROM wardchart.{WARD_TABLE}"
        ).fetchall()
    assert len(rows) == 1
    assert len(rows[0][0]) == 36  # a uuid
    assert rows[0][1] == hub_db.owner
    # (iii) each replica pushed to this hub before: it takes the ward, though the hub
    # holds the other's records, and syncs on
    for store in (a, b, laptop):
        sync(store, hub_db.ward_url, actor="n", now=NOW)
        assert chart_ward(store.db) == rows[0][0]
    laptop.close()
    assert sync(a, hub_db.ward_url, actor="n", now=NOW).in_step
    hub_init(hub_db.owner_url, ward_role=hub_db.ward_role)  # a second run changes nothing
    assert _hub_ward(hub_db) == rows[0][0]
    a.close()
    b.close()


def _as(hub_db: HubDatabase, role: str) -> psycopg.Connection:  # type: ignore[type-arg]
    return psycopg.connect(hub_db.server.url(role, hub_db.database), autocommit=True)


def test_the_ward_id_is_read_only_for_the_ward_and_never_changed(hub: HubDatabase) -> None:
    ward = _hub_ward(hub)
    table = f"wardchart.{WARD_TABLE}"
    with _as(hub, hub.ward_role) as conn:
        assert conn.execute(f"SELECT ward_id FROM {table}").fetchall() == [(ward,)]
        conn.execute("SET wardchart.migrating = 'on'")
        for statement in (
            f"INSERT INTO {table} (ward_id, hub_from) VALUES ('mine', 'x')",
            f"UPDATE {table} SET ward_id = 'mine'",
            f"DELETE FROM {table}",
            f"TRUNCATE {table}",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)
    with _as(hub, hub.owner) as conn:
        for statement in (f"UPDATE {table} SET ward_id = 'mine'", f"DELETE FROM {table}"):
            with pytest.raises(psycopg.Error, match="never changed or removed"):
                conn.execute(statement)
        with pytest.raises(errors.UniqueViolation):  # one row, ever
            conn.execute(f"INSERT INTO {table} (ward_id, hub_from) VALUES ('mine', 'x')")
    assert _hub_ward(hub) == ward


def test_a_copied_replica_is_told_from_a_restored_one(hub: HubDatabase, tmp_path: Path) -> None:
    a = open_chart(tmp_path / "a.sqlite")
    write_ward(a)
    sync(a, hub.ward_url, actor="n", now=NOW)
    a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop = tmp_path / "laptop.sqlite"  # copied by hand to a second computer
    shutil.copy(tmp_path / "a.sqlite", laptop)
    operations.set_ward_setting(a, "ward_name", "4B", actor="n", now=NOW)
    sync(a, hub.ward_url, actor="n", now=NOW)
    before = _hub_counts(hub)
    # restored: its chain is the start of what the hub holds of this replica
    restored = open_chart(laptop)
    with pytest.raises(ReplicaDiverged, match="restored from an old backup") as raised:
        sync(restored, hub.ward_url, actor="n", now=NOW)
    assert "\n" not in str(raised.value)
    # both charted on: the chains part ways after a common point
    operations.set_ward_setting(restored, "ward_name", "Clinic", actor="n", now=NOW)
    with pytest.raises(ReplicaDiverged) as raised:
        sync(restored, hub.ward_url, actor="n", now=NOW)
    said = str(raised.value)
    replica = local_replica(a.db)
    assert replica is not None
    assert said.startswith(
        "this chart file is a copy of another computer's replica (both charted as replica "
        f"{replica[:8]}"
    )
    assert "wardchart --db NEW.sqlite sync --hub URL" in said
    assert "restored from an old backup" not in said
    assert _hub_counts(hub) == before
    restored.close()
    a.close()


def test_the_window_says_it_is_not_syncing_with_another_wards_hub(
    qtbot,  # type: ignore[no-untyped-def]
    hub: HubDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QSettings

    from wardchart.ui.main_window import MainWindow
    from wardchart.ui.session import ChartSession

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    other = _other_hub(hub)
    a = open_chart(tmp_path / "a.sqlite")
    write_ward(a)
    sync(a, hub.ward_url, actor="n", now=NOW)
    before = _hub_counts(other)
    monkeypatch.setenv("WARDCHART_HUB", other.ward_url)
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_session(ChartSession(a, "nurse a", clock=lambda: NOW))
    win.load_chart()
    win.show()
    assert win.hub_sync is not None
    label = win.hub_sync.label
    qtbot.waitUntil(
        lambda: label.text().startswith("not syncing with the ward hub"), timeout=20_000
    )
    assert "this chart belongs to another ward than" in label.toolTip()
    win.close()
    assert _hub_counts(other) == before
    with pytest.raises(WrongWard):
        sync(a, other.ward_url, actor="n", now=NOW)
    c = open_chart(tmp_path / "c.sqlite")
    write_ward(c)
    with pytest.raises(WardNotJoined):
        sync(c, hub.ward_url, actor="n", now=NOW)
    a.close()
    c.close()


def _empty_database(hub_db: HubDatabase, name: str) -> HubDatabase:
    """Another empty database on the same server for the same two roles."""
    full = f"{hub_db.database}_{name}"
    with hub_db.server.admin() as admin:
        admin.execute(f"CREATE DATABASE {full} OWNER {hub_db.owner}")
    lines = hub_db.pgpass.read_text().splitlines()
    copied = [line.replace(f":{hub_db.database}:", f":{full}:") for line in lines]
    hub_db.pgpass.write_text("\n".join([*lines, *copied]) + "\n")
    return HubDatabase(hub_db.server, full, hub_db.owner, hub_db.ward_role, hub_db.pgpass)


def test_a_lost_hub_is_made_again_for_its_ward_and_the_replicas_fill_it(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    first = open_chart(a)
    write_ward(first)
    first.close()
    for path in (a, b, a):
        assert _run(capsys, "--db", str(path), "sync", "--hub", hub.ward_url)[0] == 0
    ward = _hub_ward(hub)
    # The hub's database is lost with no backup; IT makes a new one in an empty database.
    again = _empty_database(hub, "again")
    status, out, err = _run(
        capsys, "hub", "init", again.owner_url, "--ward-role", again.ward_role, "--ward-id", "x1"
    )
    assert "--ward-id" in _one_line_error(status, out, err)
    assert _run(capsys, "hub", "init", again.owner_url, "--ward-id", ward.upper())[0] == 0
    assert _run(capsys, "hub", "init", again.owner_url, "--ward-role", again.ward_role)[0] == 0
    assert _hub_ward(again) == ward
    # A second run naming the same ward changes nothing; another ward's hub is refused.
    assert _run(capsys, "hub", "init", again.owner_url, "--ward-id", ward)[0] == 0
    other = _other_hub(hub)
    before = _hub_counts(other)
    status, out, err = _run(capsys, "hub", "init", other.owner_url, "--ward-id", ward)
    assert "already holds ward" in _one_line_error(status, out, err)
    assert _hub_counts(other) == before
    # Every replica fills the new hub with what it holds and they stay in step.
    for path in (a, b, a, b):
        assert _run(capsys, "--db", str(path), "sync", "--hub", again.ward_url)[0] == 0
    assert _chart_counts(a)["results"] == _chart_counts(b)["results"] > 0
    assert _hub_counts(again)["results"] == _chart_counts(a)["results"]


def test_two_charts_of_their_own_cannot_both_join_an_empty_hub(
    hub: HubDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chart with entries of its own takes an empty hub's ward; a second one checking
    while the first has found the hub empty and sent nothing yet waits, then is refused."""
    for name in ("a", "b"):
        store = open_chart(tmp_path / f"{name}.sqlite")
        write_ward(store)
        store.close()
    checked, go = threading.Event(), threading.Event()
    real = sync_module.own_position

    def paused(db: Any) -> Any:  # "a" stops between its ward check and its push
        if threading.current_thread().name == "a":
            checked.set()
            go.wait(30)
        return real(db)

    monkeypatch.setattr(sync_module, "own_position", paused)
    failed: dict[str, BaseException] = {}

    def run() -> None:
        name = threading.current_thread().name
        store = open_chart(tmp_path / f"{name}.sqlite")
        try:
            sync(store, hub.ward_url, actor="n", now=NOW)
        except BaseException as error:  # handed to the test thread
            failed[name] = error
        finally:
            store.close()

    first = threading.Thread(target=run, name="a")
    first.start()
    assert checked.wait(30)
    second = threading.Thread(target=run, name="b")
    second.start()
    second.join(1.5)  # it waits for "a" to finish sending
    go.set()
    first.join(60)
    second.join(60)
    assert "a" not in failed
    assert isinstance(failed.get("b"), WardNotJoined), failed
    assert _file_ward(tmp_path / "a.sqlite") == (_hub_ward(hub), "hub")
    assert _file_ward(tmp_path / "b.sqlite") is None


def test_a_chart_takes_the_ward_only_once_its_push_went_through(
    hub: HubDatabase, tmp_path: Path
) -> None:
    """A sync refused after the ward check (here: the file's history parts from what the
    hub holds for it) leaves the chart with no ward, so it can still join its own."""
    path = tmp_path / "a.sqlite"
    store = open_chart(path)
    write_ward(store)
    store.close()
    before_sync = tmp_path / "before.sqlite"
    shutil.copy(path, before_sync)
    store = open_chart(path)
    operations.set_ward_setting(store, "ward_name", "A", actor="n", now=NOW)
    sync(store, hub.ward_url, actor="n", now=NOW)
    store.close()
    # the copy made before the first sync, charted on apart: refused at its push
    copy = open_chart(before_sync)
    operations.set_ward_setting(copy, "ward_name", "B", actor="n", now=NOW)
    with pytest.raises(ReplicaDiverged):
        sync(copy, hub.ward_url, actor="n", now=NOW, join_ward=True)
    copy.close()
    assert _file_ward(before_sync) is None


def test_a_chart_charted_under_the_librarys_name_still_has_entries_of_its_own(
    hub: HubDatabase, tmp_path: Path
) -> None:
    """The shipped regimen library's author name, taken by an operating-system user, does
    not make a chart with patients look like a new, empty one."""
    from wardchart.storage.schema import DEFAULT_LIBRARY_AUTHOR

    first = open_chart(tmp_path / "first.sqlite")
    write_ward(first)
    sync(first, hub.ward_url, actor="n", now=NOW)
    other = open_chart(tmp_path / "other.sqlite")
    operations.admit_patient(
        other,
        mrn="EVIL-1",
        name="Patient E",
        dob=NOW.date().replace(year=1960),
        actor=DEFAULT_LIBRARY_AUTHOR,
        now=NOW,
    )
    with pytest.raises(WardNotJoined):
        sync(other, hub.ward_url, actor=DEFAULT_LIBRARY_AUTHOR, now=NOW)
    assert _file_ward(tmp_path / "other.sqlite") is None
    for store in (first, other):
        store.close()


def test_a_push_mark_names_a_table_replicas_send(hub: HubDatabase) -> None:
    with psycopg.connect(hub.ward_url, autocommit=True) as conn:
        with pytest.raises(errors.CheckViolation):
            conn.execute(
                "INSERT INTO wardchart.push_marks (replica, table_name, through_rowid, hub_from)"
                " VALUES ('r', 'zz', 0, 'r')"
            )
        conn.execute(
            "INSERT INTO wardchart.push_marks (replica, table_name, through_rowid, hub_from)"
            " VALUES ('r', 'results', 0, 'r')"
        )
