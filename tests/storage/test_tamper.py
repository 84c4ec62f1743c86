"""Tamper evidence on real files: every attempt is made the way someone with write access to
the file would make it, with a plain sqlite3 connection, and each must be refused by the file
or found by ``check`` / ``audit verify`` (see docs/tamper-evidence.md)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from ward_fixture import NOW, write_ward

from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import audit, operations, queries, users
from wardchart.storage.backup import list_backups, make_backup
from wardchart.storage.conflicts import conflicts, resolve_conflict
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.fhir import import_bundle
from wardchart.storage.health import check_chart
from wardchart.storage.hl7_import import dismiss_held_message, held_messages, import_files
from wardchart.storage.hub.state import keep_mark
from wardchart.storage.merge import copy_chart, merge_from
from wardchart.storage.replica import record_ward

Cli = Callable[..., tuple[int, str, str]]


def sql(path: Path, *statements: str) -> None:
    """Run statements on the chart file with a plain connection, as a tamperer would."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def trigger_sql(path: Path, name: str) -> str:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()
    finally:
        conn.close()
    assert row is not None
    return str(row[0])


def rewrite_chain(path: Path, seq: int, detail: str) -> None:
    """Change audit row ``seq`` and recompute every hash after it in each replica's chain
    (the chains have no key; a chain's first row follows the row that was last when it
    began), putting the refusing trigger back exactly as it was: only an anchor can tell."""
    from sqlite_utils import Database

    keep = trigger_sql(path, "audit_log_no_update")
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET detail = ? WHERE seq = ?", [detail, seq])
        db = Database(conn)
        rows = sorted(
            (
                row | {"chain": chain}
                for chain in audit.chains(db)
                for row in audit.chain_rows(db, chain)
            ),
            key=lambda row: int(row["seq"]),
        )
        remap: dict[str, str] = {}
        for row in rows:
            row["prev_hash"] = remap.get(row["prev_hash"], row["prev_hash"])
            new = audit.chain_hash(row, row["chain"], int(row["origin_seq"]))
            remap[row["hash"]] = new
            conn.execute(
                "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                [row["prev_hash"], new, row["seq"]],
            )
        conn.execute(keep)
    finally:
        conn.close()


def cut_history(path: Path, keep_rows: int) -> None:
    """Delete the newest audit rows, putting the refusing trigger back as it was."""
    keep = trigger_sql(path, "audit_log_no_delete")
    sql(
        path,
        "DROP TRIGGER audit_log_no_delete",
        f"DELETE FROM audit_log WHERE seq > {keep_rows}",
        keep,
    )


def rows_of(path: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    finally:
        conn.close()


@pytest.fixture
def charted(store: ChartStore) -> Path:
    """The known ward, closed: a file to tamper with."""
    write_ward(store)
    store.close()
    return store.path


def _every_table_filled(store: ChartStore) -> Path:
    write_ward(store)
    patient = queries.find_patient(store.db, "A-1")
    assert patient is not None
    operations.set_precautions(store, patient=patient, active=True, actor="n", now=NOW)
    operations.set_ward_setting(store, "ward_name", "4A", actor="n", now=NOW)
    users.add_user(
        store,
        username="akim",
        full_name="Anna Kim",
        initials="AK",
        role="admin",
        password="correct horse battery",
        actor="setup",
        now=NOW,
    )
    result = store.db.execute("SELECT origin_id FROM current_results LIMIT 1").fetchone()[0]
    operations.correct_cbc(
        store,
        patient=patient,
        record_id=result,
        expected_version=result,
        entry=CbcEntry(taken=NOW - timedelta(hours=2), wbc=Decimal("3.0"), anc=Decimal("1.1")),
        reason="transcription",
        actor="n",
        now=NOW,
    )
    taken = (NOW - timedelta(hours=1)).strftime("%Y%m%d%H%M%z")
    message = store.path.parent / "lab.hl7"
    message.write_bytes(
        "\r".join(
            [
                "MSH|^~\\&|LIS|LAB|WC|4A|" + taken + "||ORU^R01|C1|P|2.5.1",
                "PID|1||A-1^^^H^MR||ALPHA^ANN||19500501",
                "OBR|1||F1^LAB|57021-8^CBC^LN|||" + taken,
                "OBX|1|NM|6690-2^WBC^LN||3.2|10*9/L|||||F",
            ]
        ).encode()
    )
    assert import_files(store, [message], actor="lab", now=NOW)[0].outcome == "charted"
    bundle = store.path.parent / "lab.fhir.json"
    bundle.write_text('{"resourceType": "Bundle", "type": "collection", "entry": [{}]}')
    assert import_bundle(store, bundle, actor="lab", now=NOW)[0].outcome == "refused"
    stranger = store.path.parent / "stranger.hl7"
    stranger.write_bytes(message.read_bytes().replace(b"A-1^", b"Z-9^").replace(b"|C1|", b"|C2|"))
    assert import_files(store, [stranger], actor="lab", now=NOW)[0].outcome == "held"
    (held,) = held_messages(store.db)
    dismiss_held_message(store, held["id"], "not our patient", "n", NOW)
    _resolve_a_conflict(store)
    with store.write() as db:  # where this replica stands with a ward hub
        keep_mark(db, hub_id="ward@2026", hub="the ward hub", pulled_through=7,
                  pushed_through=3, now=NOW)  # fmt: skip
        record_ward(db, "9f8e7d6c-ward", how="hub", source="the ward hub", at_utc="2026-01-01")
    store.close()
    return store.path


def _resolve_a_conflict(store: ChartStore) -> None:
    """A laptop copy and the chart change one setting apart; merged, the conflict is
    resolved: rows in the resolution tables (and a chart id, and another replica's rows)."""
    laptop_path = store.path.parent / "laptop.sqlite"
    copy_chart(store, laptop_path, actor="it", now=NOW)
    laptop = open_chart(laptop_path, create=False)
    operations.set_ward_setting(laptop, "ward_name", "Clinic", actor="n", now=NOW)
    laptop.close()
    operations.set_ward_setting(store, "ward_name", "4B", actor="n", now=NOW)
    merge_from(store, laptop_path, actor="n", now=NOW)
    (conflict,) = conflicts(store.db)
    keep = conflict.sides[0].version_id
    resolve_conflict(store, conflict.key, action="keep", keep=keep, reason="4B", actor="n", now=NOW)


def _tables(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        names = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    finally:
        conn.close()
    return sorted(str(n[0]) for n in names)


def test_every_table_has_a_row_to_attack_and_a_refusing_trigger(store: ChartStore) -> None:
    path = _every_table_filled(store)
    for table in _tables(path):
        assert rows_of(path, table), f"{table} has no row to attack in this test"
        assert trigger_sql(path, f"{table}_no_replace")


@pytest.mark.parametrize(
    "attack",
    [
        'INSERT OR REPLACE INTO "{t}" SELECT * FROM "{t}" WHERE rowid = {r}',
        'REPLACE INTO "{t}" SELECT * FROM "{t}" WHERE rowid = {r}',
        'INSERT INTO "{t}" SELECT * FROM "{t}" WHERE rowid = {r} '
        "ON CONFLICT DO UPDATE SET {c} = excluded.{c}",
        'INSERT OR IGNORE INTO "{t}" SELECT * FROM "{t}" WHERE rowid = {r}',
    ],
    ids=["insert-or-replace", "replace-into", "upsert", "insert-or-ignore"],
)
def test_replace_and_upsert_are_refused_by_the_file_on_every_table(
    store: ChartStore, attack: str
) -> None:
    path = _every_table_filled(store)
    for table in _tables(path):
        before = rows_of(path, table)
        conn = sqlite3.connect(path)
        try:
            rowid = conn.execute(f'SELECT min(rowid) FROM "{table}"').fetchone()[0]
            column = conn.execute(f'SELECT name FROM pragma_table_info("{table}")').fetchone()[0]
        finally:
            conn.close()
        with pytest.raises(sqlite3.IntegrityError, match="never replaced"):
            sql(path, attack.format(t=table, r=rowid, c=column))
        assert rows_of(path, table) == before, table


_FORGED = (
    "INSERT OR REPLACE INTO results SELECT 'forged', origin_id, supersedes, reason, "
    "entered_in_error, recorded_at, recorded_by, patient_id, taken_at, taken_utc, wbc, "
    "'9.99', anc_source, neut_pct, bands_pct, platelets, anc_lln, wbc_lln, "
    "unit_entered, entered, source, confirmed_warnings, lab_status, {replica} FROM results "
    "WHERE supersedes IS NOT NULL"
)


def test_a_second_correction_of_one_version_never_replaces_the_first(store: ChartStore) -> None:
    """A new row naming the same superseded version would once have deleted the real
    correction. Now two corrections of one version can meet when replicas merge (a
    conflict, see docs/merging.md): one written as this chart's own is refused by the file;
    one claiming another replica is kept beside the real one, which stays, and ``check``
    finds it has no audit row."""
    path = _every_table_filled(store)
    before = rows_of(path, "results")
    with pytest.raises(sqlite3.IntegrityError, match="already corrected"):
        sql(path, _FORGED.format(replica="replica_id"))
    assert rows_of(path, "results") == before
    sql(path, _FORGED.format(replica="'elsewhere'"))
    assert set(before) < set(rows_of(path, "results"))
    reopened = open_chart(path, create=False)
    try:
        failed = {f.name for f in check_chart(reopened) if not f.ok}
    finally:
        reopened.close()
    assert failed == {"audit chain"}


def test_a_fresh_and_a_busy_chart_pass_every_check(charted: Path, cli: Cli) -> None:
    status, out, _ = cli("check")
    assert status == 0, out
    assert "schema objects: OK" in out
    status, out, _ = cli("audit", "verify")
    assert status == 0, out


@pytest.mark.parametrize(
    ("tamper", "named"),
    [
        (["DROP TRIGGER results_no_delete"], "trigger results_no_delete is missing"),
        (["DROP TRIGGER results_no_replace"], "trigger results_no_replace is missing"),
        (
            ["CREATE TRIGGER quiet AFTER INSERT ON results BEGIN SELECT 1; END"],
            "extra trigger quiet (on results)",
        ),
        (["ALTER TABLE results ADD COLUMN note TEXT"], "table results differs"),
        (["DROP INDEX results_patient"], "index results_patient is missing"),
        (["CREATE VIEW everything AS SELECT * FROM results"], "extra view everything"),
        (
            ["DROP VIEW current_results", "CREATE VIEW current_results AS SELECT * FROM results"],
            "view current_results differs",
        ),
    ],
    ids=[
        "drop-trigger",
        "drop-replace-guard",
        "add-trigger",
        "alter-table",
        "drop-index",
        "add-view",
        "change-view",
    ],
)
def test_check_finds_any_change_to_the_schema(
    charted: Path, cli: Cli, tamper: list[str], named: str
) -> None:
    sql(charted, *tamper)
    status, out, _ = cli("check")
    assert status == 1
    assert f"schema objects: FAILED — {named}" in out


def test_a_replaced_trigger_with_the_same_name_is_found(charted: Path, cli: Cli) -> None:
    sql(
        charted,
        "DROP TRIGGER results_no_update",
        "CREATE TRIGGER results_no_update BEFORE UPDATE ON results WHEN 0 "
        "BEGIN SELECT RAISE(ABORT, 'results rows are never changed'); END",
    )
    status, out, _ = cli("check")
    assert status == 1
    assert "trigger results_no_update differs from what this version creates" in out


def test_deleting_the_whole_audit_log_fails_check_and_verify(charted: Path, cli: Cli) -> None:
    keep = trigger_sql(charted, "audit_log_no_delete")
    sql(charted, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log", keep)
    status, out, _ = cli("audit", "verify")
    assert status == 1
    assert out.startswith("BROKEN: 0 rows, but ")
    assert "results records have versions without an audit row" in out
    status, out, _ = cli("check")
    assert status == 1
    assert "audit chain: FAILED" in out


def test_deleting_the_audit_rows_of_the_newest_records_is_found(charted: Path, cli: Cli) -> None:
    conn = sqlite3.connect(charted)
    last_create = conn.execute(
        "SELECT max(seq) FROM audit_log WHERE entity = 'temperatures'"
    ).fetchone()[0]
    conn.close()
    cut_history(charted, last_create - 1)
    status, out, _ = cli("audit", "verify")
    assert status == 1
    assert "1 temperatures record has versions without an audit row" in out


def test_a_rewritten_chain_is_found_against_a_backup(store: ChartStore, cli: Cli) -> None:
    write_ward(store)
    backup = make_backup(store, reason="manual", actor="n", now=NOW)
    store.close()
    status, out, _ = cli("audit", "verify", "--against", str(backup.path))
    assert status == 0, out
    assert out.startswith("OK: the chart's ")
    rewrite_chain(store.path, 5, '{"after": "forged"}')
    status, out, _ = cli("audit", "verify", "--against", str(backup.path))
    assert status == 1
    assert out.strip() == (
        f"BROKEN: history was rewritten: audit row 5 differs from backup {backup.path.name}"
    )


def test_cut_history_is_found_against_a_backup(store: ChartStore, cli: Cli) -> None:
    write_ward(store)
    rows = audit.head(store.db).rows
    operations.log_event(store, action="export", entity="ward", detail={}, actor="n", now=NOW)
    backup = make_backup(store, reason="manual", actor="n", now=NOW)
    store.close()
    cut_history(store.path, rows)  # the export (no record of its own) and the backup's row
    status, out, _ = cli("check")  # nothing in the file itself shows it
    assert status == 0, out
    status, out, _ = cli("audit", "verify", "--against", str(backup.path))
    assert status == 1
    assert out.startswith(f"BROKEN: history was cut: the chart has {rows} audit rows")


def test_an_old_backup_copied_over_the_chart_is_found(store: ChartStore, cli: Cli) -> None:
    write_ward(store)
    old = make_backup(store, reason="manual", actor="n", now=NOW)
    patient = queries.find_patient(store.db, "B-2")
    assert patient is not None
    operations.set_precautions(store, patient=patient, active=True, actor="n", now=NOW)
    new = make_backup(store, reason="manual", actor="n", now=NOW + timedelta(minutes=1))
    store.close()
    for leftover in (Path(f"{store.path}-wal"), Path(f"{store.path}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(old.path, store.path)
    status, out, _ = cli("audit", "verify", "--against", str(old.path))
    assert status == 0, out
    status, out, _ = cli("audit", "verify", "--against", str(new.path))
    assert status == 1
    assert "BROKEN: history was cut" in out


def test_a_backup_name_records_its_chain_head(store: ChartStore, cli: Cli) -> None:
    write_ward(store)
    backup = make_backup(store, reason="manual", actor="n", now=NOW)
    held = open_chart(backup.path, create=False)
    try:
        head = audit.head(held.db)
    finally:
        held.close()
    assert backup.path.name.endswith(f"-manual.audit-{head.short()}.sqlite")
    assert [b.path for b in list_backups(store.path)] == [backup.path]
    assert (
        head.short()
        in store.db.execute("SELECT detail FROM audit_log WHERE action = 'backup'").fetchone()[0]
    )
    store.close()
    rewrite_chain(backup.path, 3, '{"after": "forged"}')  # the backup edited too
    status, out, err = cli("audit", "verify", "--against", str(backup.path))
    assert (status, out) == (2, "")
    assert err.startswith("wardchart: error: --against: backup ")
    assert "was altered after it was made" in err
    assert len(err.strip().splitlines()) == 1


def test_restore_through_wardchart_is_named_when_history_differs(
    store: ChartStore, cli: Cli
) -> None:
    from wardchart.storage.backup import restore

    write_ward(store)
    old = make_backup(store, reason="manual", actor="n", now=NOW)
    operations.log_event(store, action="export", entity="ward", detail={}, actor="n", now=NOW)
    new = make_backup(store, reason="manual", actor="n", now=NOW + timedelta(minutes=1))
    store.close()
    restore(store.path, old.path, actor="admin", now=NOW + timedelta(minutes=2))
    status, out, _ = cli("audit", "verify", "--against", str(new.path))
    assert status == 1
    assert "restored from an older backup there" in out
    reopened = open_chart(store.path, create=False)
    try:
        assert all(f.ok for f in check_chart(reopened))
    finally:
        reopened.close()


def test_every_printed_page_carries_the_chain_head(charted: Path, cli: Cli, tmp_path: Path) -> None:
    store = open_chart(charted, create=False)
    try:
        head = audit.head(store.db)
    finally:
        store.close()
    out = tmp_path / "ward.pdf"
    status, _, err = cli("report", "ward", "--out", str(out))
    assert status == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert pages
    for page in pages:
        assert f"audit head {head.short()}" in " ".join(page.split())
    # the printed head is an anchor: the history extends it, until someone rewrites it
    status, stdout, _ = cli("audit", "verify", "--against", head.short())
    assert status == 0, stdout
    rewrite_chain(charted, 2, '{"after": "forged"}')
    status, stdout, _ = cli("audit", "verify", "--against", head.short())
    assert status == 1
    assert "differs from the printed head" in stdout


def test_audit_verify_against_a_missing_backup_is_one_line(charted: Path, cli: Cli) -> None:
    status, out, err = cli("audit", "verify", "--against", str(charted.parent / "nope.sqlite"))
    assert (status, out) == (2, "")
    assert err.startswith("wardchart: error: ")
    assert len(err.strip().splitlines()) == 1


# --- every record version is bound to its audit row ------------------------------------------


def behind_trigger(path: Path, trigger: str, *statements: str) -> None:
    """Drop a refusing trigger, run ``statements``, put the trigger back exactly as it was:
    the schema is then what this version creates, and only the audit binding can tell."""
    keep = trigger_sql(path, trigger)
    sql(path, f"DROP TRIGGER {trigger}", *statements, keep)


def one(path: Path, query: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute(query).fetchone()[0])
    finally:
        conn.close()


def all_fail(cli: Cli, backup: Path, *named: str) -> None:
    """``check``, ``audit verify`` and ``audit verify --against`` all fail, naming ``named``."""
    status, out, _ = cli("check")
    assert status == 1, out
    assert "audit chain: FAILED" in out
    assert all(text in out for text in named), out
    for args in (("audit", "verify"), ("audit", "verify", "--against", str(backup))):
        status, out, _ = cli(*args)
        assert status == 1, (args, out)
        assert out.startswith("BROKEN: ")
        assert all(text in out for text in named), out


@pytest.fixture
def anchored(store: ChartStore) -> tuple[Path, Path]:
    """The known ward with a corrected patient and a ward setting, a backup of it, closed."""
    write_ward(store)
    patient = queries.find_patient(store.db, "A-1")
    assert patient is not None
    for bed in ("4A-02", "4A-03"):
        patient = queries.find_patient(store.db, "A-1")
        assert patient is not None
        operations.correct_patient(
            store,
            patient=patient,
            expected_version=patient.version,
            mrn=patient.mrn,
            name=patient.name,
            dob=patient.dob,
            bed=bed,
            reason="moved",
            actor="n",
            now=NOW,
        )
    operations.set_ward_setting(store, "ward_name", "4A", actor="n", now=NOW)
    backup = make_backup(store, reason="manual", actor="n", now=NOW).path
    store.close()
    return store.path, backup


def test_a_fever_rewritten_under_a_dropped_trigger_is_found(
    anchored: tuple[Path, Path], cli: Cli
) -> None:
    chart, backup = anchored
    fever = one(chart, "SELECT origin_id FROM temperatures ORDER BY CAST(celsius AS REAL) DESC")
    behind_trigger(
        chart,
        "temperatures_no_update",
        f"UPDATE temperatures SET celsius = '36.5', value_entered = '36.5' "
        f"WHERE origin_id = '{fever}'",
    )
    assert cli("audit", "verify")[0] == 1
    all_fail(cli, backup, f"temperatures record {fever}", "was changed or deleted")


def test_a_result_the_backup_held_changed_under_a_dropped_trigger_is_found(
    anchored: tuple[Path, Path], cli: Cli
) -> None:
    chart, backup = anchored
    low = one(chart, "SELECT origin_id FROM results ORDER BY CAST(anc AS REAL)")
    behind_trigger(
        chart,
        "results_no_update",
        f"UPDATE results SET wbc = '9.0', anc = '4.5' WHERE origin_id = '{low}'",
    )
    all_fail(cli, backup, f"results record {low}")


def test_deleting_a_patients_newest_correction_is_found(
    anchored: tuple[Path, Path], cli: Cli
) -> None:
    chart, backup = anchored
    newest = one(chart, "SELECT id FROM patients WHERE bed = '4A-03'")
    record = one(chart, f"SELECT origin_id FROM patients WHERE id = '{newest}'")
    behind_trigger(chart, "patients_no_delete", f"DELETE FROM patients WHERE id = '{newest}'")
    assert one(chart, f"SELECT bed FROM current_patients WHERE origin_id = '{record}'") == "4A-02"
    all_fail(cli, backup, f"patients record {record}")


def test_deleting_a_whole_record_is_found(anchored: tuple[Path, Path], cli: Cli) -> None:
    chart, backup = anchored
    dose = one(chart, "SELECT id FROM gcsf_doses")
    behind_trigger(chart, "gcsf_doses_no_delete", f"DELETE FROM gcsf_doses WHERE id = '{dose}'")
    all_fail(cli, backup, f"gcsf_doses record {dose}")


def test_a_changed_ward_setting_is_found(anchored: tuple[Path, Path], cli: Cli) -> None:
    chart, backup = anchored
    behind_trigger(chart, "ward_settings_no_update", "UPDATE ward_settings SET value = '4B'")
    all_fail(cli, backup, "ward_settings record")


def unseal(path: Path) -> None:
    """Make the file look written by an earlier wardchart, whose audit rows did not yet
    record their version's hash: strip it and recompute the chain."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        rows = conn.execute("SELECT seq, detail FROM audit_log ORDER BY seq").fetchall()
    finally:
        conn.close()
    for seq, detail in rows:
        found = json.loads(detail)
        if "version_sha256" in found:  # audit.VERSION_KEY
            del found["version_sha256"]
            rewrite_chain(path, seq, json.dumps(found, ensure_ascii=False, sort_keys=True))


def test_an_older_file_is_checked_by_count_and_against_its_backup(
    store: ChartStore, cli: Cli
) -> None:
    write_ward(store)
    store.close()
    unseal(store.path)
    assert cli("check")[0] == 0
    assert cli("backup")[0] == 0
    (backup,) = list_backups(store.path)
    low = one(store.path, "SELECT origin_id FROM results ORDER BY CAST(anc AS REAL)")
    behind_trigger(
        store.path, "results_no_update", f"UPDATE results SET anc = '4.5' WHERE origin_id = '{low}'"
    )
    # Without a version hash in its audit row, the file alone cannot show this change...
    assert cli("audit", "verify")[0] == 0
    # ...but the backup holds the row as it was.
    status, out, _ = cli("audit", "verify", "--against", str(backup.path))
    assert status == 1
    assert out.startswith(f"BROKEN: records were altered: results record {low}, version ")
    assert "was changed since backup" in out
    # A deleted version is still found by count, in the file alone.
    dose = one(store.path, "SELECT id FROM gcsf_doses")
    behind_trigger(
        store.path, "gcsf_doses_no_delete", f"DELETE FROM gcsf_doses WHERE id = '{dose}'"
    )
    status, out, _ = cli("audit", "verify")
    assert status == 1
    assert f"gcsf_doses record {dose}: 1 audited version was deleted" in out


def test_a_column_added_later_leaves_older_versions_hashes_as_they_were() -> None:
    """A migration that adds a column gives older rows NULL there: their sealed hash holds."""
    from wardchart.storage.audit import version_hash

    older = {"id": "r1", "wbc": "2.1", "anc": None}
    assert version_hash({**older, "lab_status": None}) == version_hash(older)
    assert version_hash({**older, "lab_status": "P"}) != version_hash(older)
    assert version_hash({**older, "wbc": None}) != version_hash(older)


# --- the laboratory messages and the sources of charted results are sealed too ------------


@pytest.fixture
def lab_anchored(store: ChartStore) -> tuple[Path, Path]:
    """The known ward with a laboratory result charted from a message, a backup, closed."""
    write_ward(store)
    taken = (NOW - timedelta(hours=1)).strftime("%Y%m%d%H%M%z")
    message = store.path.parent / "lab.hl7"
    message.write_bytes(
        "\r".join(
            [
                "MSH|^~\\&|LIS|LAB|WC|4A|" + taken + "||ORU^R01|C1|P|2.5.1",
                "PID|1||A-1^^^H^MR||ALPHA^ANN||19500501",
                "OBR|1||F1^LAB|57021-8^CBC^LN|||" + taken,
                "OBX|1|NM|6690-2^WBC^LN||3.2|10*9/L|||||P",
            ]
        ).encode()
    )
    assert import_files(store, [message], actor="lab", now=NOW)[0].outcome == "charted"
    backup = make_backup(store, reason="manual", actor="n", now=NOW).path
    store.close()
    return store.path, backup


def test_a_fresh_chart_with_laboratory_messages_passes(
    lab_anchored: tuple[Path, Path], cli: Cli
) -> None:
    _, backup = lab_anchored
    assert cli("check")[0] == 0
    assert cli("audit", "verify")[0] == 0
    assert cli("audit", "verify", "--against", str(backup))[0] == 0


def test_a_laboratory_messages_outcome_changed_under_its_trigger_is_found(
    lab_anchored: tuple[Path, Path], cli: Cli
) -> None:
    chart, backup = lab_anchored
    message = one(chart, "SELECT id FROM lab_messages")
    behind_trigger(
        chart,
        "lab_messages_no_update",
        f"UPDATE lab_messages SET outcome = 'held', reason = 'no patient' WHERE id = '{message}'",
    )
    all_fail(cli, backup, f"lab_messages record {message}")


@pytest.mark.parametrize(
    "change", ["order_key = 'F2^LAB'", "status = 'final'", "observations = '{}'"]
)
def test_a_results_laboratory_source_changed_under_its_trigger_is_found(
    lab_anchored: tuple[Path, Path], cli: Cli, change: str
) -> None:
    chart, backup = lab_anchored
    version = one(chart, "SELECT result_version FROM lab_result_sources")
    behind_trigger(chart, "lab_result_sources_no_update", f"UPDATE lab_result_sources SET {change}")
    all_fail(cli, backup, f"lab_result_sources record {version}")


def test_a_laboratory_source_deleted_under_its_trigger_is_found(
    lab_anchored: tuple[Path, Path], cli: Cli
) -> None:
    chart, backup = lab_anchored
    version = one(chart, "SELECT result_version FROM lab_result_sources")
    behind_trigger(chart, "lab_result_sources_no_delete", "DELETE FROM lab_result_sources")
    all_fail(cli, backup, f"lab_result_sources record {version}")


# --- the FHIR bundle entries read are sealed too -----------------------------------------


@pytest.fixture
def fhir_anchored(store: ChartStore) -> tuple[Path, Path]:
    """The known ward with a WBC charted from a FHIR bundle and an entry held, a backup."""
    write_ward(store)
    taken = (NOW - timedelta(hours=1)).isoformat(timespec="seconds")
    patient = {
        "resourceType": "Patient",
        "identifier": [{"type": {"coding": [{"code": "MR"}]}, "value": "A-1"}],
        "birthDate": "1950-05-01",
    }
    observation = {
        "resourceType": "Observation",
        "identifier": [{"system": "urn:lab", "value": "wbc-1"}],
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "6690-2"}]},
        "subject": {"reference": "urn:uuid:p1"},
        "effectiveDateTime": taken,
        "valueQuantity": {"value": 3.2, "code": "10*9/L"},
    }
    bound = {**observation, "identifier": [{"value": "wbc-2"}], "valueQuantity": {}}
    bundle = store.path.parent / "lab.fhir.json"
    bundle.write_text(
        json.dumps(
            {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [
                    {"fullUrl": "urn:uuid:p1", "resource": patient},
                    {"fullUrl": "urn:uuid:o1", "resource": observation},
                    {"fullUrl": "urn:uuid:o2", "resource": bound},
                ],
            }
        )
    )
    outcomes = [o.outcome for o in import_bundle(store, bundle, actor="lab", now=NOW)]
    assert outcomes == ["ignored", "charted", "held"]
    backup = make_backup(store, reason="manual", actor="n", now=NOW).path
    store.close()
    return store.path, backup


def test_a_fresh_chart_with_fhir_entries_passes(fhir_anchored: tuple[Path, Path], cli: Cli) -> None:
    _, backup = fhir_anchored
    assert cli("check")[0] == 0
    assert cli("audit", "verify")[0] == 0
    assert cli("audit", "verify", "--against", str(backup))[0] == 0


@pytest.mark.parametrize(
    ("outcome", "change"),
    [
        ("held", "outcome = 'ignored', reason = 'not a count'"),
        ("charted", "record_id = ''"),
        ("charted", "resource = '{}'"),
        ("held", "mrn = 'B-2'"),
    ],
)
def test_a_fhir_entry_changed_under_its_trigger_is_found(
    fhir_anchored: tuple[Path, Path], cli: Cli, outcome: str, change: str
) -> None:
    chart, backup = fhir_anchored
    entry = one(chart, f"SELECT id FROM fhir_entries WHERE outcome = '{outcome}'")
    behind_trigger(
        chart, "fhir_entries_no_update", f"UPDATE fhir_entries SET {change} WHERE id = '{entry}'"
    )
    all_fail(cli, backup, f"fhir_entries record {entry}")


def test_a_fhir_entry_deleted_under_its_trigger_is_found(
    fhir_anchored: tuple[Path, Path], cli: Cli
) -> None:
    chart, backup = fhir_anchored
    entry = one(chart, "SELECT id FROM fhir_entries WHERE outcome = 'held'")
    behind_trigger(
        chart, "fhir_entries_no_delete", f"DELETE FROM fhir_entries WHERE id = '{entry}'"
    )
    all_fail(cli, backup, f"fhir_entries record {entry}")
