"""Two windows on one chart file: a correction dialog opened before a colleague saved a
change to the same record is refused on save, keeps what was typed, and the colleague's
value stays on the chart (see docs/concurrent-corrections.md)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from ward_fixture import NOW

from wardchart.storage import queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession


@pytest.fixture
def other(qtbot, ward: ChartStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A second window, its own connection to the same file, another nurse."""
    store = open_chart(ward.path)
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_session(ChartSession(store, "nurse c", clock=lambda: NOW))
    win.load_chart()
    win.show()
    yield win
    win.close()
    store.close()


def _select(window: MainWindow, mrn: str, table: str) -> object:
    store = window.session.store  # type: ignore[union-attr]
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    assert window.census.select(patient.id)
    window.patient_view.records.select(table, 0)
    ref = window.patient_view.records.selected()
    assert ref is not None
    return ref


def _line(dialog: object, name: str) -> QLineEdit:
    field = dialog.fields[name]  # type: ignore[attr-defined]
    assert isinstance(field, QLineEdit)
    return field


def _temperatures(store: ChartStore) -> list[tuple[str, str, str]]:
    rows = store.db.execute(
        "SELECT celsius, route, recorded_by FROM current_temperatures ORDER BY taken_utc"
    ).fetchall()
    return [tuple(r) for r in rows]


def test_a_stale_temperature_correction_is_refused_and_keeps_what_was_typed(
    qtbot,
    window: MainWindow,
    other: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    mine = window.open_correct(_select(window, "A-1", "temperatures"))  # type: ignore[arg-type]
    assert mine is not None
    route = mine.fields["route"]  # type: ignore[attr-defined]
    assert isinstance(route, QComboBox)
    qtbot.keyClick(route, Qt.Key.Key_Down)
    qtbot.keyClicks(_line(mine, "reason"), "route was wrong")
    typed_route = route.currentText()

    theirs = other.open_correct(_select(other, "A-1", "temperatures"))  # type: ignore[arg-type]
    assert theirs is not None
    celsius = _line(theirs, "celsius")
    qtbot.keyClick(celsius, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(celsius, "39.4")
    qtbot.keyClicks(_line(theirs, "reason"), "misread, it was 39.4")
    qtbot.keyClick(_line(theirs, "reason"), Qt.Key.Key_Return)
    assert not theirs.isVisible()
    after_theirs = _temperatures(ward)
    assert after_theirs[0][0] == "39.4"

    qtbot.keyClick(_line(mine, "reason"), Qt.Key.Key_Return)
    assert mine.isVisible()  # refused: the dialog stays open
    text = mine.banner.text()  # type: ignore[attr-defined]
    assert "changed by nurse c at" in text
    assert "nothing was saved" in text
    assert (route.currentText(), _line(mine, "reason").text()) == (
        typed_route,
        "route was wrong",
    )
    assert _temperatures(ward) == after_theirs  # the fever is still on the chart


def test_a_stale_cbc_correction_and_withdrawal_are_refused(
    qtbot,
    window: MainWindow,
    other: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    ref = _select(window, "B-2", "results")
    mine = window.open_correct(ref)  # type: ignore[arg-type]
    withdraw = window.open_withdraw(ref)  # type: ignore[arg-type]
    assert mine is not None
    assert withdraw is not None
    anc = _line(mine, "anc")
    qtbot.keyClick(anc, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(anc, "4.4")
    qtbot.keyClicks(_line(mine, "reason"), "typo")
    qtbot.keyClicks(_line(withdraw, "reason"), "wrong patient")

    theirs = other.open_correct(_select(other, "B-2", "results"))  # type: ignore[arg-type]
    assert theirs is not None
    their_anc = _line(theirs, "anc")
    qtbot.keyClick(their_anc, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(their_anc, "0.4")
    qtbot.keyClicks(_line(theirs, "reason"), "lab phoned")
    qtbot.keyClick(_line(theirs, "reason"), Qt.Key.Key_Return)
    if theirs.isVisible():  # a warning to confirm: confirm it
        confirm = theirs.confirm  # type: ignore[attr-defined]
        qtbot.keyClick(confirm, Qt.Key.Key_Space)
        qtbot.keyClick(_line(theirs, "reason"), Qt.Key.Key_Return)
    assert not theirs.isVisible()
    versions = ward.db.execute("SELECT count(*) FROM results").fetchone()[0]

    for dialog in (mine, withdraw):
        qtbot.keyClick(_line(dialog, "reason"), Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert "changed by nurse c at" in dialog.banner.text()  # type: ignore[attr-defined]
    assert anc.text() == "4.4"
    assert ward.db.execute("SELECT count(*) FROM results").fetchone()[0] == versions
    current = ward.db.execute(
        "SELECT anc FROM current_results WHERE recorded_by = 'nurse c'"
    ).fetchall()
    assert [Decimal(r[0]) for r in current] == [Decimal("0.4")]
