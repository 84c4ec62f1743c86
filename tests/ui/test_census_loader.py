"""A big census is read in parts between events: the window answers while it fills, a
refresh keeps the old census until the new one is whole, and saves made meanwhile win."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from wardchart.demo import write_demo_ward
from wardchart.domain.census import bed_sort_key
from wardchart.domain.plausibility import CbcEntry
from wardchart.session.changes import RecordCbc
from wardchart.storage import queries
from wardchart.storage.database import ChartStore
from wardchart.ui import census_loader
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession


@pytest.fixture
def demo_window(qtbot, store: ChartStore, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(census_loader, "PART", 3)  # the 12-patient demo ward in 4 parts
    now = datetime.now().astimezone()
    write_demo_ward(store, now=now)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_session(ChartSession(store, "nurse", clock=lambda: now))
    window.first_part = window.census.model.patient_count()  # type: ignore[attr-defined]
    yield window
    window.close()


def test_the_census_fills_in_parts_and_a_patient_can_be_chosen_meanwhile(
    qtbot,
    demo_window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    model = demo_window.census.model
    assert demo_window.first_part == 3  # the first part is there at once
    assert demo_window.census.selected_patient_id() is not None
    qtbot.waitUntil(lambda: not demo_window.census_loader.running, timeout=5000)
    assert model.patient_count() == 12
    beds = [model.row_data(i).bed for i in range(model.rowCount())]
    assert beds == sorted(beds)  # sorted by bed as the parts arrived
    assert demo_window.statusBar().currentMessage() == ""


def test_a_refresh_keeps_the_census_until_whole_and_keeps_saves_made_meanwhile(
    qtbot,
    demo_window: MainWindow,
    store: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    qtbot.waitUntil(lambda: not demo_window.census_loader.running, timeout=5000)
    session = demo_window.session
    assert session is not None
    demo_window.refresh()
    assert demo_window.census.model.patient_count() == 12  # the old census stays meanwhile
    assert demo_window.census_loader.running
    # Saved to after the first part (which holds it) was read: its line must be re-read.
    last = min(queries.all_patients(store.db), key=lambda p: bed_sort_key(p.bed))
    entry = CbcEntry(
        taken=session.now(), wbc=Decimal("9.9"), anc=Decimal("7.7"), platelets=Decimal(200)
    )
    session.save(RecordCbc(patient=last, entry=entry, confirm=True))
    qtbot.waitUntil(lambda: not demo_window.census_loader.running, timeout=5000)
    model = demo_window.census.model
    row = next(
        model.row_data(i) for i in range(model.rowCount()) if model.row_data(i).mrn == last.mrn
    )
    assert row.latest_anc.startswith("7.7")


def test_a_save_while_the_first_census_fills_leaves_one_fresh_line(
    qtbot,
    store: ChartStore,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(census_loader, "PART", 3)
    monkeypatch.setattr(census_loader, "SHOW_EVERY_S", 3600.0)  # parts wait until the end
    now = datetime.now().astimezone()
    write_demo_ward(store, now=now)
    window = MainWindow()
    qtbot.addWidget(window)
    session = ChartSession(store, "nurse", clock=lambda: now)
    window.set_session(session)
    loader = window.census_loader
    job = loader._job
    assert job is not None
    qtbot.waitUntil(lambda: len(job.remaining) <= 6, timeout=5000)  # part 2 read, not shown
    patients = sorted(queries.all_patients(store.db), key=lambda p: bed_sort_key(p.bed))
    read_not_shown = patients[4]
    entry = CbcEntry(
        taken=session.now(), wbc=Decimal("9.9"), anc=Decimal("6.6"), platelets=Decimal(200)
    )
    session.save(RecordCbc(patient=read_not_shown, entry=entry, confirm=True))
    qtbot.waitUntil(lambda: not loader.running, timeout=5000)
    model = window.census.model
    mrns = [model.row_data(i).mrn for i in range(model.rowCount())]
    assert sorted(mrns) == sorted(p.mrn for p in patients)  # each patient once
    row = model.row_data(mrns.index(read_not_shown.mrn))
    assert row.latest_anc.startswith("6.6")
    window.close()
