"""File → Backups…: back up now, and restore an earlier backup from the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from wardchart.session.changes import AdmitPatient
from wardchart.storage.database import ChartStore
from wardchart.ui.main_window import MainWindow


def test_back_up_then_restore_from_the_window(
    qtbot,
    window: MainWindow,
    ward: ChartStore,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    dialog = window.open_backups()
    assert dialog is not None
    assert dialog.table.rowCount() == 0
    dialog.backup_now()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "yes"
    assert "Backup verified" in dialog.message.text()
    session = window.session
    assert session is not None
    session.save(AdmitPatient(mrn="C-3", name="Later, Lee", dob=date(1970, 1, 1)))
    assert window.census.model.rowCount() == 3
    dialog.table.selectRow(0)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    dialog.restore_selected()
    assert "Restored" in dialog.message.text()
    assert window.census.model.rowCount() == 2  # back to the backup's state
    assert dialog.table.rowCount() == 2  # plus the copy made before restoring
    assert {dialog.table.item(r, 1).text() for r in range(2)} == {"manual", "before-restore"}
    dialog.accept()


def test_restore_needs_a_selection_and_a_yes(
    qtbot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    dialog = window.open_backups()
    assert dialog is not None
    dialog.backup_now()
    dialog.restore_selected()
    assert "Select a backup" in dialog.message.text()
    dialog.table.selectRow(0)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.No
    )
    dialog.restore_selected()
    assert dialog.table.rowCount() == 1  # nothing happened
    dialog.accept()
