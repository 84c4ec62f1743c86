"""The window, given a damaged chart file, offers the latest verified backup instead."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from wardchart.app import open_session
from wardchart.storage.backup import make_backup
from wardchart.storage.database import ChartStore
from wardchart.ui.main_window import MainWindow


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 16 : page * 4096 + 400] = b"\xff" * 384
    path.write_bytes(bytes(data))


def test_damaged_file_offers_and_opens_the_latest_backup(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    info = make_backup(ward, reason="manual", actor="n", now=datetime.now(UTC))
    path = ward.path
    ward.close()
    _damage(path)
    before = path.read_bytes()
    asked: list[str] = []
    window = MainWindow()
    qtbot.addWidget(window)

    def ask(error: str, backup: Path, taken: str) -> bool:
        asked.append(error)
        return True

    assert open_session(window, path, "nurse", ask) == 0
    assert asked
    assert str(path) in asked[0]
    assert window.session is not None
    assert Path(window.session.file_name) == info.path.resolve()
    assert window.census.model.rowCount() == 2
    assert path.read_bytes() == before  # the damaged file is left for IT
    window.session.store.close()


def test_declining_the_offer_opens_nothing(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    make_backup(ward, reason="manual", actor="n", now=datetime.now(UTC))
    path = ward.path
    ward.close()
    _damage(path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_session(window, path, "nurse", lambda *_: False) == 2
    assert window.session is None


def test_a_zeroed_header_still_offers_the_backup_when_no_passphrase_is_given(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    """A damaged header looks like an encrypted file: cancelling the passphrase question
    must still lead to the offer of the latest verified (plain) backup."""
    make_backup(ward, reason="manual", actor="n", now=datetime.now(UTC))
    path = ward.path
    ward.close()
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100
    path.write_bytes(bytes(data))
    window = MainWindow()
    qtbot.addWidget(window)
    offered: list[str] = []

    def ask(error: str, backup: Path, taken: str) -> bool:
        offered.append(error)
        return True

    assert open_session(window, path, "nurse", ask, None, lambda p, why: None) == 0
    assert offered
    assert window.session is not None
    assert window.census.model.rowCount() == 2
    window.session.store.close()


def test_a_newer_backup_that_fails_check_is_not_offered(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    """ "Verified" means the checks of wardchart check: a newer backup with a record changed
    under its triggers is passed over for the older sound one."""
    import sqlite3
    from datetime import timedelta

    sound = make_backup(ward, reason="manual", actor="n", now=datetime.now(UTC))
    altered = make_backup(
        ward, reason="manual", actor="n", now=datetime.now(UTC) + timedelta(minutes=1)
    )
    conn = sqlite3.connect(altered.path, isolation_level=None)
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'results'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE results SET anc = '9.99' WHERE rowid = (SELECT min(rowid) FROM results)")
    for _, sql in triggers:
        conn.execute(sql)
    conn.close()
    path = ward.path
    ward.close()
    _damage(path)
    offered: list[Path] = []
    window = MainWindow()
    qtbot.addWidget(window)

    def ask(error: str, backup: Path, taken: str) -> bool:
        offered.append(backup)
        return False

    assert open_session(window, path, "nurse", ask) == 2
    assert offered == [sound.path]
