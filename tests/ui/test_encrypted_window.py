"""The window opens an encrypted chart after its passphrase (three tries), and its
backups are encrypted too."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from wardchart.app import open_session
from wardchart.storage.cipher import is_encrypted
from wardchart.storage.database import ChartStore
from wardchart.storage.encryption import rewrite_chart
from wardchart.ui.main_window import MainWindow

PASSPHRASE = "a long ward passphrase"


def _encrypt(ward: ChartStore) -> Path:
    path = ward.path
    ward.close()
    rewrite_chart(path, old=None, new=PASSPHRASE, actor="it", now=datetime.now().astimezone())
    return path


def test_opens_after_a_wrong_then_the_right_passphrase(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    path = _encrypt(ward)
    tries = ["wrong passphrase here", PASSPHRASE]
    asked: list[str] = []

    def unlock(chart: Path, why: str) -> str | None:
        asked.append(why)
        return tries.pop(0)

    window = MainWindow()
    qtbot.addWidget(window)
    assert open_session(window, path, "nurse", None, None, unlock) == 0
    assert "wrong passphrase" in asked[1]
    assert window.session is not None
    assert window.census.model.rowCount() == 2
    window.session.backup("manual")
    backups = window.session.backups()
    assert len(backups) == 1
    assert is_encrypted(backups[0][0].path)
    assert backups[0][1] == "ok"
    window.close()
    window.session.close()


def test_three_wrong_passphrases_or_cancel_open_nothing(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    path = _encrypt(ward)
    before = path.read_bytes()
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_session(window, path, "nurse", None, None, lambda p, w: "nope, not it") == 2
    assert open_session(window, path, "nurse", None, None, lambda p, w: None) == 2
    assert window.session is None
    assert path.read_bytes() == before


def test_a_file_encrypted_under_an_open_window_is_hidden_then_opened_again(
    qtbot,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtCore import Qt

    from wardchart.ui.session import ChartSession

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_session(ChartSession(ward, "nurse"))
    path = ward.path
    rewrite_chart(path, old=None, new=PASSPHRASE, actor="it", now=datetime.now().astimezone())
    window._on_watch()  # what the 1.5-second watch timer does
    assert window.session is None
    assert not window.splitter.isVisibleTo(window)  # possibly stale data: hidden
    assert "replaced by another program" in window.lock_text.text()
    assert {n for n, a in window.actions_by_name.items() if a.isEnabled()} == {"quit"}
    with qtbot.waitSignal(window.reopen_requested, timeout=2000):
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert open_session(window, path, "nurse", None, None, lambda p, why: PASSPHRASE) == 0
    assert window.session is not None
    assert window.splitter.isVisibleTo(window)
    assert window.census.model.rowCount() == 2
    assert window.actions_by_name["backups"].isEnabled()
    window.close()
    window.session.close()


def test_the_file_watch_never_reads_a_closed_session(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    from wardchart.ui.session import ChartSession

    window = MainWindow()
    qtbot.addWidget(window)
    session = ChartSession(ward, "nurse")
    window.set_session(session)
    assert window.watch_timer.isActive()
    session.close()
    assert not window.watch_timer.isActive()  # the watch stops with the session
    window._on_watch()  # a timeout already queued when it closed: nothing is read
    window.backup("close")
    window.close()


def test_a_store_closed_behind_the_windows_back_is_never_read(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    from wardchart.ui.session import ChartSession

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_session(ChartSession(ward, "nurse"))
    ward.close()
    window._on_watch()  # what the 1.5-second watch timer does
    assert not window.watch_timer.isActive()
    window.close()
