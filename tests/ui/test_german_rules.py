"""What the clinical rules say, in a German window: the febrile-neutropenia alert, the
next-cycle readiness and the census flags in German with decimal commas and German dates;
a held laboratory message's reason in German; dates typed day first in a real dialog."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from ward_fixture import A_DAY1S, NOW, TODAY

from wardchart.domain.risk import age_years
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.ui.census import FLAGS_COLUMN, NEXT_CYCLE_COLUMN
from wardchart.ui.dialogs.form import FormDialog
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession

Key = Qt.Key


@pytest.fixture
def german_window(qtbot, german: None, ward: ChartStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.set_session(ChartSession(ward, "nurse b", clock=lambda: NOW))
    window.load_chart()
    window.show()
    yield window
    window.close()


def _select(window: MainWindow, mrn: str) -> int:
    patient = queries.find_patient(window.session.store.db, mrn)  # type: ignore[union-attr]
    assert patient is not None
    assert window.census.select(patient.id)
    row = window.census.model.row_of(patient.id)
    assert row is not None
    return row


def test_the_fn_alert_and_readiness_read_german_with_decimal_commas(
    german_window: MainWindow,
) -> None:
    _select(german_window, "A-1")
    header = german_window.patient_view.header.text()
    anc_taken = f"{A_DAY1S[1] + timedelta(days=10):%d.%m.%Y} 07:00"
    assert (
        f"Temperatur 38,5 °C; ANC 0,30 ×10⁹/L am {anc_taken} (IDSA 2010: einmalige "
        "Temperatur ≥ 38,3 °C oder ≥ 38,0 °C anhaltend ≥ 60 min; ANC &lt; 0,5 ×10⁹/L)"
    ) in header
    assert "nächster Zyklus: nicht bereit (erfordert ANC ≥ 1,5" in header
    assert "Thrombozyten ≥ 100 ×10⁹/L)" in header
    age = age_years(date(1950, 5, 1), TODAY)
    assert f"Hinweise: Alter {age}: 65 oder älter" in header
    for english in ("temperature", "single", "sustained", "needs", "platelets", "age "):
        assert english not in header, english


def test_the_census_reads_german_short_and_whole_in_the_tooltip(
    german_window: MainWindow,
) -> None:
    model = german_window.census.model
    row = _select(german_window, "A-1")
    cells = [model.index(row, c).data() for c in range(model.columnCount())]
    assert cells[3] == "Z2 d12"  # cycle 2, day 12: as the chart writes cycle days
    assert cells[FLAGS_COLUMN] == "⚠FN BB>24h ≥65 J."
    assert cells[NEXT_CYCLE_COLUMN] == "nein"
    tip = model.index(row, FLAGS_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith(", Alter 65 oder älter")
    assert model.index(row, NEXT_CYCLE_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == ("nicht bereit")
    heading = model.headerData(NEXT_CYCLE_COLUMN, Qt.Orientation.Horizontal)
    whole = model.headerData(
        NEXT_CYCLE_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert heading == "Bereit"
    assert whole.startswith("Nächster Zyklus")


def test_the_german_census_fits_1366_pixels_with_its_headings_whole(
    german_window: MainWindow,
) -> None:
    """Every column on screen without scrolling sideways, and no heading cut short."""
    census = german_window.census
    table, header = census.table, census.table.horizontalHeader()
    QTest.qWait(50)
    assert sum(header.sectionSize(c) for c in range(header.count())) <= (table.viewport().width())
    metrics = header.fontMetrics()
    for column, heading in enumerate(census.model.headings):
        if column == header.count() - 1:
            continue  # the last column stretches to the edge
        assert metrics.horizontalAdvance(heading) <= header.sectionSize(column), heading


# --- the laboratory's messages ---------------------------------------------------------------


def _oru(mrn: str, control: str, unit: str) -> bytes:
    taken = (NOW - timedelta(hours=2)).strftime("%Y%m%d%H%M%z")
    return (
        "\r".join(
            [
                f"MSH|^~\\&|LIS|LAB|WARDCHART|4A|{taken}||ORU^R01|{control}|P|2.5.1",
                f"PID|1||{mrn}^^^HOSP^MR||PATIENT^TEST||19500501",
                f"OBR|1||F-{control}^LAB|57021-8^CBC^LN|||{taken}",
                "OBX|1|NM|6690-2^WBC^LN||1.9|10*9/L|4.0-11.0|L|||F",
                f"OBX|2|NM|751-8^ANC^LN||0.45|{unit}|2.0-7.5|L|||F",
            ]
        ).encode()
        + b"\r"
    )


def test_a_held_lab_message_gives_its_reason_in_german(  # type: ignore[no-untyped-def]
    german: None, qtbot, ward: ChartStore, tmp_path: Path
) -> None:
    inbox = tmp_path / "lab-inbox"
    inbox.mkdir()
    operations.set_ward_setting(ward, "hl7_inbox", str(inbox), actor="admin", now=NOW)
    path = inbox / "cbc.hl7"
    path.write_bytes(_oru("A-1", "M1", "furlongs"))
    old = time.time() - 10
    os.utime(path, (old, old))
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_session(ChartSession(ward, "nurse b", clock=lambda: NOW))
    window.load_chart()
    window.show()
    window.poll_inbox()
    assert (inbox / "held" / "cbc.hl7").exists()
    dialog = window.open_held_messages()
    assert dialog is not None
    reason = dialog.table.item(0, 2).text()  # type: ignore[attr-defined]
    assert reason == "anc 0,45 hat die Einheit 'furlongs', die wardchart nicht kennt"
    dialog.reject()
    window.close()


# --- dates typed day first -----------------------------------------------------------------


def _active(dialog: QDialog) -> None:
    for _ in range(250):  # the new dialog becomes the active window, as on a desktop
        if QApplication.activeWindow() is dialog:
            return
        QTest.qWait(20)
    raise AssertionError("the dialog never became the active window")


def _focused(dialog: QDialog) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot, dialog: QDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(_focused(dialog), text)


def _press(qtbot, dialog: QDialog, key: Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(_focused(dialog), key)


def _dobs(store: ChartStore) -> dict[str, str]:
    other = open_chart(store.path)
    try:
        rows = other.db.execute("SELECT mrn, dob FROM current_patients").fetchall()
        return {str(r[0]): str(r[1]) for r in rows}
    finally:
        other.close()


def _label(dialog: FormDialog, name: str) -> str:
    label = dialog.form.labelForField(dialog.fields[name].parentWidget())
    assert isinstance(label, QLabel)
    return label.text().replace("&", "")


def test_a_german_date_of_birth_is_typed_day_first(  # type: ignore[no-untyped-def]
    qtbot, german_window: MainWindow, ward: ChartStore
) -> None:
    dialog = german_window.open_admit()
    assert isinstance(dialog, FormDialog)
    _active(dialog)
    assert dialog.fields["dob"].placeholderText() == "TT.MM.JJJJ"  # type: ignore[attr-defined]
    _type(qtbot, dialog, "C-3")
    _press(qtbot, dialog, Key.Key_Tab)
    _type(qtbot, dialog, "Gamma, Gil")
    _press(qtbot, dialog, Key.Key_Tab)
    _type(qtbot, dialog, "14.3.1972")
    _press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert _dobs(ward)["C-3"] == "1972-03-14"  # the file keeps ISO


def test_a_german_two_digit_year_is_refused_naming_the_field(  # type: ignore[no-untyped-def]
    qtbot, german_window: MainWindow, ward: ChartStore
) -> None:
    before = _dobs(ward)
    dialog = german_window.open_admit()
    assert isinstance(dialog, FormDialog)
    _active(dialog)
    _type(qtbot, dialog, "C-3")
    _press(qtbot, dialog, Key.Key_Tab)
    _type(qtbot, dialog, "Gamma, Gil")
    _press(qtbot, dialog, Key.Key_Tab)
    _type(qtbot, dialog, "14.03.72")
    _press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    shown = {n: dialog.message(n) for n in dialog.fields if dialog.message(n)}
    assert shown == {
        "dob": "'14.03.72' hat eine 2-stellige Jahreszahl; geben Sie alle vier Ziffern ein, "
        "z. B. 26.11.2026, damit das Jahrhundert nie geraten wird"
    }
    assert _label(dialog, "dob") == "Geburtsdatum:"
    assert _dobs(ward) == before  # nothing written
    dialog.reject()


def test_a_german_cbc_time_is_typed_day_first(  # type: ignore[no-untyped-def]
    qtbot, german_window: MainWindow, ward: ChartStore
) -> None:
    _select(german_window, "B-2")
    dialog = german_window.open_cbc()
    assert isinstance(dialog, FormDialog)
    _active(dialog)
    _type(qtbot, dialog, f"{TODAY:%d.%m.%Y} 6:30")
    _press(qtbot, dialog, Key.Key_Tab, 5)  # unit, WBC, neutrophils, bands: to the ANC
    _type(qtbot, dialog, "2,5")
    _press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    other = open_chart(ward.path)
    try:
        taken = other.db.execute(
            "SELECT taken_utc FROM current_results WHERE anc = '2.5'"
        ).fetchone()[0]
    finally:
        other.close()
    expected = NOW.replace(hour=6, minute=30).astimezone(UTC)  # 06:30 today, local
    assert str(taken).startswith(expected.strftime("%Y-%m-%dT%H:%M"))
