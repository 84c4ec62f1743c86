"""The window on a read-only chart file: it shows the chart and says why it cannot save."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from fs_helpers import immutable
from PySide6.QtWidgets import QLineEdit

from wardchart.storage import operations, queries
from wardchart.storage.database import open_chart
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession


def test_read_only_file_opens_and_refuses_saves_clearly(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ro.sqlite"
    store = open_chart(path)
    operations.admit_patient(
        store,
        mrn="R-1",
        name="Read, Only",
        dob=date(1960, 1, 1),
        actor="n",
        now=datetime.now().astimezone(),
    )
    store.close()
    before = path.read_bytes()
    with immutable(path):
        store = open_chart(path, create=False)
        assert store.read_only
        window = MainWindow()
        qtbot.addWidget(window)
        window.set_session(ChartSession(store, "nurse"))
        assert "READ-ONLY" in window.windowTitle()
        patient = queries.find_patient(store.db, "R-1")
        assert patient is not None
        window.census.select(patient.id)
        dialog = window.open_cbc()
        assert dialog is not None
        wbc = dialog.fields["wbc"]
        assert isinstance(wbc, QLineEdit)
        wbc.setText("2.0")
        taken = dialog.fields["taken"]
        assert isinstance(taken, QLineEdit)
        taken.setText("now")
        dialog.accept()
        assert dialog.isVisible()
        assert "read-only" in dialog.banner.text()
        dialog.reject()
        window.close()
        store.close()
    assert path.read_bytes() == before
