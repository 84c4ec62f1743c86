"""`wardchart hub init` and `wardchart sync` as IT and a ward use them, against a real
hub: exit 0 with what was done; exit 2 with one line, and the chart file untouched, when
the hub cannot be used or the chart has been altered."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import HubDatabase
from hub_helpers import one_line_error as _one_line_error
from hub_helpers import run as _run
from ward_fixture import NOW, write_ward

from wardchart.storage import users
from wardchart.storage.database import open_chart
from wardchart.storage.hub.schema import HUB_VERSION


@pytest.fixture
def hub(hub_db: HubDatabase, capsys: pytest.CaptureFixture[str]) -> HubDatabase:
    status, out, err = _run(
        capsys, "hub", "init", hub_db.owner_url, "--ward-role", hub_db.ward_role
    )
    assert (status, err) == (0, "")
    assert out.startswith("created the ward hub at 127.0.0.1:")
    return hub_db


def minutes_ago(minutes: int) -> str:
    """A collection time the command line takes at any hour: the fixture's NOW is 15:00
    today, in the future before then, and a CBC cannot be taken in the future."""
    return (datetime.now().astimezone() - timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M")


def _ward(path: Path) -> Path:
    store = open_chart(path)
    write_ward(store)
    store.close()
    return path


def test_hub_init_says_what_it_did_and_is_idempotent(
    hub: HubDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "hub", "init", hub.owner_url, "--ward-role", hub.ward_role)
    assert (status, err) == (0, "")
    assert f"already at hub version {HUB_VERSION}; nothing to change" in out
    assert f"role {hub.ward_role} may read and add rows" in out
    assert re.search(r"^the ward's id: [0-9a-f-]{36} \(keep it with the hub's records", out, re.M)
    err = _one_line_error(*_run(capsys, "hub", "init", hub.ward_url))
    assert "owner" in err


def test_sync_exit_codes_and_lines(
    hub: HubDatabase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WARDCHART_HUB", raising=False)
    a = _ward(tmp_path / "a.sqlite")
    before = a.read_bytes()
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync"))
    assert "--hub: no ward hub given" in err
    dead = hub.ward_url.replace(f":{hub.server.port}/", ":1/")
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync", "--hub", dead))
    assert "127.0.0.1:1" in err
    assert a.read_bytes() == before
    stranger = hub.server.url("nobody", hub.database)
    _one_line_error(*_run(capsys, "--db", str(a), "sync", "--hub", stranger))
    secret = hub.ward_url.replace("//", "//x:secret@").replace(f"{hub.ward_role}@", "")
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync", "--hub", secret))
    assert "password" in err
    assert a.read_bytes() == before

    status, out, err = _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)
    assert (status, err) == (0, "")
    assert out.startswith(f"in step with the ward hub at 127.0.0.1:{hub.server.port}/")
    assert "conflicts to review 0" in out
    monkeypatch.setenv("WARDCHART_HUB", hub.ward_url)
    status, out, _err = _run(capsys, "--db", str(a), "sync", "--json")
    assert status == 0
    assert '"in_step": true' in out
    assert '"pushed": 0' in out

    with hub.server.admin(hub.database) as admin:
        admin.execute("INSERT INTO wardchart.schema_version (version, program) VALUES (99, 'x')")
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync"))
    assert "newer wardchart" in err


def test_a_new_machine_joins_with_one_command_and_then_signs_in(
    hub: HubDatabase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = open_chart(tmp_path / "a.sqlite")
    write_ward(a)
    users.add_user(
        a, username="akim", full_name="Anna Kim", initials="AK", role="admin",
        password="correct horse battery", actor="setup", now=NOW,
    )  # fmt: skip
    a.close()
    monkeypatch.setenv("WARDCHART_PASSWORD", "correct horse battery")
    status, _out, err = _run(
        capsys, "--db", str(tmp_path / "a.sqlite"), "--user", "akim", "sync", "--hub", hub.ward_url
    )
    assert (status, err) == (0, "")

    new = tmp_path / "laptop" / "new.sqlite"
    new.parent.mkdir()
    status, out, err = _run(capsys, "--db", str(new), "sync", "--hub", hub.ward_url)
    assert (status, err) == (0, ""), err
    assert "received" in out
    status, out, _err = _run(capsys, "--db", str(new), "--user", "akim", "patient", "list")
    assert status == 0
    assert "A-1" in out
    # The ward's accounts came with the pull: from now on this file asks who syncs.
    err = _one_line_error(*_run(capsys, "--db", str(new), "sync", "--hub", hub.ward_url))
    assert "--user" in err
    status, _out, err = _run(
        capsys, "--db", str(new), "--user", "akim", "sync", "--hub", hub.ward_url
    )
    assert (status, err) == (0, "")
    status, out, _err = _run(capsys, "--db", str(new), "--user", "akim", "check")
    assert status == 0, out


def _tamper(path: Path, statement: str, *triggers: str) -> None:
    """Change a chart behind wardchart's back and put its triggers back, as a careful
    attacker would."""
    conn = sqlite3.connect(path)
    saved = []
    for trigger in triggers:
        (text,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [trigger]).fetchone()
        saved.append(text)
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute(statement)
    for text in saved:
        conn.execute(text)
    conn.commit()
    conn.close()


def test_a_tampered_replica_is_refused_and_sends_nothing(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _ward(tmp_path / "a.sqlite")
    assert _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)[0] == 0
    _tamper(a, "UPDATE results SET anc = '9.9' WHERE rowid = 1", "results_no_update")
    before = a.read_bytes()
    with hub.server.admin(hub.database) as admin:
        rows = admin.execute("SELECT count(*) FROM wardchart.audit_rows").fetchone()
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url))
    assert "does not verify" in err
    assert a.read_bytes() == before
    with hub.server.admin(hub.database) as admin:
        assert admin.execute("SELECT count(*) FROM wardchart.audit_rows").fetchone() == rows


def test_a_replica_restored_from_an_old_backup_is_refused_then_pulled_again(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _ward(tmp_path / "a.sqlite")
    old = tmp_path / "old.sqlite"
    assert _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)[0] == 0
    shutil.copy(a, old)
    status, _out, err = _run(
        capsys, "--db", str(a), "lab", "add", "--mrn", "A-1", "--taken",
        minutes_ago(3), "--wbc", "4", "--anc", "2", "--confirm",
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)[0] == 0
    shutil.copy(old, a)  # restored from the backup taken before the last CBC
    before = a.read_bytes()
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url))
    assert "no longer extends" in err
    assert a.read_bytes() == before
    status, out, _err = _run(capsys, "--db", str(a), "check")
    assert status == 0  # no hub set: check asks no network
    assert "ward hub" not in out
    status, out, _err = _run(capsys, "--db", str(a), "settings", "set", "hub", hub.ward_url)
    assert status == 0
    status, out, _err = _run(capsys, "--db", str(a), "check")
    assert status == 1
    # the setting was charted on the restored file: its chain and the hub's part ways
    assert "ward hub: FAILED — this chart file is a copy of another computer's replica" in out
    # The documented way back: a new replica pulls the ward again, the CBC included.
    again = tmp_path / "again.sqlite"
    status, out, err = _run(capsys, "--db", str(again), "sync", "--hub", hub.ward_url)
    assert (status, err) == (0, "")
    assert _run(capsys, "--db", str(again), "check")[0] == 0
    fresh = open_chart(again)
    a_store = open_chart(tmp_path / "old.sqlite")
    assert fresh.conn.execute("SELECT count(*) FROM results").fetchone()[0] == (
        a_store.conn.execute("SELECT count(*) FROM results").fetchone()[0] + 1
    )
    fresh.close()
    a_store.close()


def test_hub_init_sync_and_check_speak_german(
    hub_db: HubDatabase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    german: None,
) -> None:
    monkeypatch.delenv("WARDCHART_HUB", raising=False)
    status, out, err = _run(
        capsys, "hub", "init", hub_db.owner_url, "--ward-role", hub_db.ward_role
    )
    assert (status, err) == (0, "")
    where = f"Stations-Hub 127.0.0.1:{hub_db.server.port}/{hub_db.database}"
    assert re.fullmatch(
        f"{re.escape(where)} angelegt \\(Hub-Version {HUB_VERSION}\\)\n"
        f"Rolle {hub_db.ward_role} darf Zeilen lesen und hinzufügen, nie ändern oder entfernen\n"
        "ID der Station: [0-9a-f-]{36} \\(mit den Unterlagen zum Hub aufbewahren: .*\\)\n",
        out,
    ), out
    a = _ward(tmp_path / "a.sqlite")
    status, out, err = _run(capsys, "--db", str(a), "sync", "--hub", hub_db.ward_url)
    assert (status, err) == (0, "")
    assert re.fullmatch(
        f"auf dem Stand von {re.escape(where)}: gesendet [1-9][0-9]*, empfangen 0, "
        "zu prüfende Konflikte 0\n",
        out,
    ), out
    status, out, err = _run(capsys, "--db", str(a), "sync", "--hub", hub_db.ward_url)
    assert out == (f"auf dem Stand von {where}: gesendet 0, empfangen 0, zu prüfende Konflikte 0\n")
    monkeypatch.setenv("WARDCHART_HUB", hub_db.ward_url)
    status, out, err = _run(capsys, "--db", str(a), "check")
    assert status == 0, out
    assert f"Stations-Hub: OK – diese Kurve setzt fort, was {where} von ihr enthält" in out
    dead = hub_db.ward_url.replace(f":{hub_db.server.port}/", ":1/")
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync", "--hub", dead))
    assert err.startswith(
        f"wardchart: error: Stations-Hub 127.0.0.1:1/{hub_db.database} ist nicht erreichbar ("
    )


def test_a_new_file_whose_first_sync_fails_is_not_left_behind(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.sqlite"
    dead = hub.ward_url.replace(f":{hub.server.port}/", ":1/")
    missing = hub.server.url(hub.ward_role, "no_such_ward")
    for address, said in ((dead, "cannot be reached"), (missing, "refused the credentials")):
        err = _one_line_error(*_run(capsys, "--db", str(new), "sync", "--hub", address))
        assert said in err
        assert not new.exists()
    status, out, _err = _run(capsys, "--db", str(new), "sync", "--hub", hub.ward_url)
    assert status == 0, out
    assert new.exists()


def test_check_fails_a_hub_that_refuses_and_names_the_replica(
    hub: HubDatabase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = _ward(tmp_path / "a.sqlite")
    assert _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)[0] == 0
    status, out, _err = _run(capsys, "--db", str(a), "check")
    assert status == 0
    assert re.search(
        r"^ward: OK — [0-9a-f-]{36}; this chart's replica id [0-9a-f-]{36}$", out, re.M
    )
    # offline: said, and the file itself is what is checked
    monkeypatch.setenv("WARDCHART_HUB", hub.ward_url.replace(f":{hub.server.port}/", ":1/"))
    status, out, _err = _run(capsys, "--db", str(a), "check")
    assert status == 0
    assert "ward hub: OK — not asked: " in out
    # credentials refused, or a service this computer does not define: IT must act
    monkeypatch.setenv("WARDCHART_HUB", hub.server.url("nobody", hub.database))
    status, out, _err = _run(capsys, "--db", str(a), "check")
    assert status == 1
    assert "ward hub: FAILED — " in out
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "no-services.conf"))
    monkeypatch.setenv("WARDCHART_HUB", "service=ward_nowhere")
    status, out, _err = _run(capsys, "--db", str(a), "check")
    assert status == 1
    assert "the service is not defined on this computer" in out


def test_a_replica_restored_with_the_restore_command_is_told_restored_not_copied(
    hub: HubDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`wardchart restore` writes its own audit rows (the restore, the backup before it),
    so the file's chain parts from the hub's: with nothing charted since, it is a
    restore; once charted on, the message covers a copy too."""
    a = _ward(tmp_path / "a.sqlite")
    assert _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)[0] == 0
    status, _out, _err = _run(capsys, "--db", str(a), "backup")
    assert status == 0
    backup = next((tmp_path / "a-backups").glob("*-manual*.sqlite"))
    lab = ["lab", "add", "--mrn", "A-1", "--wbc", "4", "--anc", "2", "--confirm", "--taken"]
    assert _run(capsys, "--db", str(a), *lab, minutes_ago(3))[0] == 0
    assert _run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url)[0] == 0
    assert _run(capsys, "--db", str(a), "restore", str(backup))[0] == 0
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url))
    assert "no longer extends" in err
    assert "nothing was charted on it since it was restored" in err
    assert "make a new replica for this computer" in err
    assert _run(capsys, "--db", str(a), *lab, minutes_ago(2))[0] == 0
    err = _one_line_error(*_run(capsys, "--db", str(a), "sync", "--hub", hub.ward_url))
    assert "is a copy of another computer's replica" in err
    assert "or a backup charted on after it was restored" in err
