"""A full disk while charting: the dialog stays open with what was typed, and says why."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from wardchart.storage import queries
from wardchart.ui.main_window import MainWindow


def test_a_full_disk_keeps_the_entry_in_the_dialog(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    session = window.session
    assert session is not None
    patient = queries.find_patient(session.store.db, "B-2")
    assert patient is not None
    window.census.select(patient.id)
    conn = session.store.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    for _ in range(200):  # the file's last pages may still hold a few entries
        dialog = window.open_cbc()
        assert dialog is not None
        wbc = dialog.fields["wbc"]
        assert isinstance(wbc, QLineEdit)
        wbc.setText("3.3")
        taken = dialog.fields["taken"]
        assert isinstance(taken, QLineEdit)
        taken.setText("now")
        dialog.accept()
        if dialog.isVisible():
            break
    assert dialog.isVisible()
    assert "Not saved" in dialog.banner.text()
    assert "disk full" in dialog.banner.text()
    assert wbc.text() == "3.3"
    conn.execute(f"PRAGMA max_page_count = {pages * 100}")
    dialog.accept()
    assert not dialog.isVisible()
