"""The CBC dialog's live preview checks what is typed by the same rules as the save."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from wardchart.storage import queries
from wardchart.storage.database import ChartStore
from wardchart.ui.main_window import MainWindow


def _open_cbc(window: MainWindow, mrn: str) -> object:
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, mrn)
    assert patient is not None
    window.census.select(patient.id)
    dialog = window.open_cbc()
    assert dialog is not None
    dialog.fields["taken"].setText("now")  # type: ignore[attr-defined]
    return dialog


def _field(dialog: object, name: str) -> QLineEdit:
    field = dialog.fields[name]  # type: ignore[attr-defined]
    assert isinstance(field, QLineEdit)
    return field


def _preview(dialog: object) -> str:
    return str(dialog.preview.text())  # type: ignore[attr-defined]


def test_a_negative_wbc_shows_the_problem_not_a_grade(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_cbc(window, "B-2")
    qtbot.keyClicks(_field(dialog, "wbc"), "-2")
    qtbot.keyClicks(_field(dialog, "anc"), "0.1")
    assert "negative" in _preview(dialog)
    assert "CTCAE" not in _preview(dialog)


def test_neutrophils_above_100_percent_give_no_anc(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_cbc(window, "B-2")
    qtbot.keyClicks(_field(dialog, "wbc"), "2")
    qtbot.keyClicks(_field(dialog, "neut_pct"), "140")
    assert "impossible" in _preview(dialog)
    assert "×10⁹/L" not in _preview(dialog)
    assert "CTCAE" not in _preview(dialog)


def test_platelets_50000_are_shown_and_refused_like_the_save(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ward: ChartStore
) -> None:
    dialog = _open_cbc(window, "B-2")
    qtbot.keyClicks(_field(dialog, "wbc"), "5")
    qtbot.keyClicks(_field(dialog, "neut_pct"), "60")
    assert "CTCAE" in _preview(dialog)
    qtbot.keyClicks(_field(dialog, "platelets"), "50000")
    assert "not a possible count" in _preview(dialog)
    qtbot.keyClick(_field(dialog, "platelets"), Qt.Key.Key_Return)
    assert dialog.isVisible()  # type: ignore[attr-defined]
    assert "50.000" in dialog.message("platelets")  # type: ignore[attr-defined]


def test_a_warning_is_shown_with_the_grade(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_cbc(window, "B-2")
    qtbot.keyClicks(_field(dialog, "wbc"), "5")
    qtbot.keyClicks(_field(dialog, "neut_pct"), "0.4")
    assert "CTCAE" in _preview(dialog)
    assert "check: " in _preview(dialog)


def test_the_preview_shows_what_the_save_stores_and_the_chart_grades(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ward: ChartStore
) -> None:
    """Counts typed in cells/µL: the preview's ANC and grade are the stored ANC and the
    grade the chart then gives it (with the lab's lower limit, converted too)."""
    dialog = _open_cbc(window, "B-2")
    unit = dialog.fields["unit"]  # type: ignore[attr-defined]
    qtbot.keyClicks(unit.lineEdit(), "\b" * 10 + "cells/µL")
    qtbot.keyClicks(_field(dialog, "wbc"), "2100")
    qtbot.keyClicks(_field(dialog, "neut_pct"), "40")
    qtbot.keyClicks(_field(dialog, "bands_pct"), "5")
    qtbot.keyClicks(_field(dialog, "anc_lln"), "2000")
    shown = _preview(dialog)
    assert shown.startswith("<b>0.945</b> ×10⁹/L (computed) — grade 3, CTCAE v5.0")
    qtbot.keyClick(_field(dialog, "wbc_lln"), Qt.Key.Key_Return)
    assert not dialog.isVisible()  # type: ignore[attr-defined]
    patient = queries.find_patient(ward.db, "B-2")
    assert patient is not None
    assert window.session is not None
    chart = queries.load_chart(ward.db, patient, window.session.settings, window.session.now())
    saved = chart.all_results[-1]
    assert (saved.result.anc, saved.result.anc_source) == (Decimal("0.945"), "computed")
    assert saved.result.anc_lln == Decimal("2")
    assert shown.startswith(f"<b>0.945</b> ×10⁹/L (computed) — {saved.anc_grade}")
