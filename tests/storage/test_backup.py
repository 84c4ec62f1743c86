"""Backups, restore and the chart check, on real files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from wardchart.storage import operations, queries
from wardchart.storage.backup import (
    backup_folder,
    list_backups,
    make_backup,
    prune,
    restore,
    verify_backup,
)
from wardchart.storage.database import ChartStore, open_chart
from wardchart.storage.errors import ChartFileError
from wardchart.storage.health import check_chart

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


def _admit(store: ChartStore, mrn: str) -> None:
    operations.admit_patient(
        store, mrn=mrn, name=f"P {mrn}", dob=date(1960, 1, 1), actor="n", now=NOW
    )


def test_a_backup_is_verified_listed_and_audited(store: ChartStore) -> None:
    _admit(store, "1")
    info = make_backup(store, reason="manual", actor="nurse", now=NOW)
    assert info.path.parent == backup_folder(store.path)
    assert verify_backup(info.path) == "ok"
    assert [b.path for b in list_backups(store.path)] == [info.path]
    copy = open_chart(info.path, create=False)
    assert queries.find_patient(copy.db, "1") is not None
    copy.close()
    row = store.db.execute("SELECT actor, detail FROM audit_log WHERE action = 'backup'").fetchone()
    assert row[0] == "nurse"
    assert str(info.path) in row[1]
    assert list(backup_folder(store.path).glob(".*.part")) == []


def test_restore_backs_up_first_and_brings_the_old_state_back(store: ChartStore) -> None:
    _admit(store, "1")
    old = make_backup(store, reason="manual", actor="n", now=NOW)
    _admit(store, "2")
    path = store.path
    store.close()
    saved = restore(path, old.path, actor="admin", now=NOW + timedelta(minutes=5))
    reopened = open_chart(path, create=False)
    try:
        assert queries.find_patient(reopened.db, "1") is not None
        assert queries.find_patient(reopened.db, "2") is None
        assert all(f.ok for f in check_chart(reopened))
        last = reopened.db.execute("SELECT action FROM audit_log ORDER BY seq DESC").fetchone()
        assert last[0] == "restore"
    finally:
        reopened.close()
    before = open_chart(saved.path, create=False)  # nothing was overwritten silently
    assert queries.find_patient(before.db, "2") is not None
    before.close()


def test_a_damaged_or_foreign_backup_is_refused(store: ChartStore, tmp_path: Path) -> None:
    _admit(store, "1")
    path = store.path
    store.close()
    before = path.read_bytes()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    with pytest.raises(ChartFileError):
        restore(path, junk, actor="admin", now=NOW)
    assert path.read_bytes() == before


def test_prune_keeps_recent_and_one_a_day(store: ChartStore) -> None:
    for hours in range(0, 24 * 5, 6):  # 20 backups over five days
        make_backup(store, reason="activity", actor="n", now=NOW - timedelta(hours=hours))
    removed = prune(store.path, keep_recent=3, keep_days=3, now=NOW)
    kept = list_backups(store.path)
    assert len(kept) + len(removed) == 20
    # The 3 newest (all on 12 March), plus the newest of each day back to 9 March 12:00.
    assert [b.taken_at.strftime("%d %H") for b in kept] == [
        "12 12",
        "12 06",
        "12 00",
        "11 18",
        "10 18",
        "09 18",
    ]


def test_check_reports_a_broken_audit_chain(store: ChartStore) -> None:
    _admit(store, "1")
    assert [f.ok for f in check_chart(store)] == [True, True, True, True, True]
    store.conn.execute("DROP TRIGGER audit_log_no_update")
    store.conn.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1")
    findings = {f.name: f for f in check_chart(store)}
    assert not findings["audit chain"].ok
    assert not findings["schema objects"].ok  # the dropped trigger
    assert findings["integrity"].ok
