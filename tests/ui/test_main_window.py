"""The main window driven like a nurse drives it, on a real chart file."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from ward_fixture import A_ANC, A_C2_ANC, A_DAY1S, B_ANC, NOW, at

from wardchart.domain.cycles import day_position
from wardchart.storage import queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.ui.census import COLUMNS, CensusModel
from wardchart.ui.main_window import MainWindow


def select(window: MainWindow, mrn: str) -> None:
    store = window.session.store  # type: ignore[union-attr]
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    assert window.census.select(patient.id)


def census_row(window: MainWindow, mrn: str) -> dict[str, str]:
    model = window.census.model
    for row in range(model.rowCount()):
        cells = CensusModel.cells(model.row_data(row))
        if cells[COLUMNS.index("MRN")] == mrn:
            return dict(zip(COLUMNS, cells, strict=True))
    raise AssertionError(mrn)


def test_the_census_lists_each_patient_with_cycle_day_anc_and_grade(window: MainWindow) -> None:
    a = census_row(window, "A-1")
    assert a["Cycle"] == "C2 D12"
    assert a["Latest ANC"].startswith("0.30 · ")
    assert a["Grade"] == "G4 (v5.0)"
    assert a["Nadir"] == "in window"
    assert "FN alert" in a["Flags"]
    b = census_row(window, "B-2")
    assert b["Cycle"] == "C1 D5"
    assert b["Nadir"] == "before"
    assert "Alpha" in window.windowTitle() or str(window.session.file_name) in (  # type: ignore[union-attr]
        window.windowTitle()
    )


def test_filter_as_you_type_and_ctrl_f(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.census.filter.hasFocus()
    qtbot.keyClicks(window.census.filter, "beta")
    assert window.census.model.rowCount() == 1
    window.census.filter.clear()
    qtbot.keyClicks(window.census.filter, "4a-01")
    assert window.census.model.rowCount() == 1
    window.census.filter.clear()
    qtbot.keyClicks(window.census.filter, "A-1")
    assert window.census.model.rowCount() == 1
    window.census.filter.clear()
    assert window.census.model.rowCount() == 2


def test_the_chart_plots_true_time_band_thresholds_and_nadir(window: MainWindow) -> None:
    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    (drawn,) = view.drawn
    assert drawn.number == 2
    day1 = A_DAY1S[1]
    assert list(drawn.anc_y) == [float(v) for v in A_C2_ANC.values()]
    expected_x = [day_position(day1, at(day1, day)) for day in A_C2_ANC]
    assert list(drawn.anc_x) == pytest.approx(expected_x)
    assert drawn.anc_x[1] - drawn.anc_x[0] == pytest.approx(7.0)  # day 1 → day 8: 7 days
    assert view.band is not None
    assert view.band.getRegion() == (10, 15)  # AC: days 10–14 inclusive
    assert [line.value() for line in view.threshold_lines] == [1.5, 1.0, 0.5]
    assert view.nadir_marker is not None
    (point,) = view.nadir_marker.points()
    assert (point.pos().x(), point.pos().y()) == pytest.approx(
        (day_position(day1, at(day1, 11)), 0.3)
    )
    assert view.gcsf_marker is not None
    assert view.fever_marker is not None
    assert view.fever_readings is not None
    assert [p.pos().y() for p in view.fever_readings.points()] == [38.5]
    assert (
        "FN" in view.fever_marker.data["data"][0] or "febrile" in view.fever_marker.data["data"][0]
    )


def test_a_patient_switch_leaves_nothing_of_the_previous_one(window: MainWindow) -> None:
    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    before = len(view.counts.items)
    select(window, "B-2")
    (drawn,) = view.drawn
    assert list(drawn.anc_y) == [float(v) for v in B_ANC.values()]
    ys = {
        round(view.scale.from_view(float(y)), 3)
        for item in view.counts.listDataItems()
        for y in item.getData()[1]
    }
    assert ys <= {float(v) for v in B_ANC.values()} | {float(v) * 2 for v in B_ANC.values()}
    assert view.band is not None
    assert view.band.getRegion() == (10, 13)  # R-CHOP-21: days 10–12
    assert view.nadir_marker is None  # 4.2 is no nadir: the count has not fallen
    assert view.gcsf_marker is None  # A's G-CSF dose is gone
    assert view.fever_marker is None  # A's fever is gone
    assert len(view.counts.items) <= before
    assert "Beta, Ben" in window.patient_view.header.text()
    assert window.patient_view.records.models["results"].rowCount() == len(B_ANC)


def test_overlay_all_cycles_fades_the_earlier_one(window: MainWindow) -> None:
    select(window, "A-1")
    window.patient_view.set_view("overlay")
    view = window.patient_view.chart_view
    assert view is not None
    assert [(d.number, d.faded) for d in view.drawn] == [(1, True), (2, False)]
    c1 = view.drawn[0]
    assert list(c1.anc_y) == [float(v) for v in A_ANC.values()]
    # Both cycles on the same cycle-day axis: cycle 1 day 10 sits at x ≈ 10.29.
    assert c1.anc_x[2] == pytest.approx(day_position(A_DAY1S[0], at(A_DAY1S[0], 10)))
    assert not window.patient_view.calendar_box.isEnabled()
    assert view.earlier_nadirs == ["C1 0.45 on D11"]


def test_an_earlier_cycle_and_the_calendar_axis(window: MainWindow) -> None:
    select(window, "A-1")
    window.patient_view.set_view("1")
    view = window.patient_view.chart_view
    assert view is not None
    assert [d.number for d in view.drawn] == [1]
    assert window.patient_view.records.models["results"].rowCount() == len(A_ANC)
    assert view.count_axis.label_for(1.0) == "D1"
    assert view.count_axis.label_for(0.0) == "D-1"
    window.patient_view.calendar_box.setChecked(True)
    assert view.count_axis.label_for(1.0) == A_DAY1S[0].strftime("%d %b")


def test_the_selection_survives_a_refresh(window: MainWindow) -> None:
    select(window, "B-2")
    patient_id = window.census.selected_patient_id()
    window.refresh()
    assert window.census.selected_patient_id() == patient_id
    assert "Beta, Ben" in window.patient_view.header.text()


def test_hover_text_has_value_unit_time_day_and_grade(window: MainWindow) -> None:
    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    anc_item = view.counts.listDataItems()[1]
    tip = anc_item.scatter.opts["tip"](x=0, y=0, data=anc_item.scatter.data["data"][-1])
    assert "ANC 0.30 ×10⁹/L (lab)" in tip
    assert at(A_DAY1S[1], 11).strftime("%Y-%m-%d 07:00") in tip
    assert "cycle 2, day 11" in tip
    assert "grade 4, CTCAE v5.0" in tip


TAKEN = f"{NOW:%Y-%m-%d} 06:30"  # earlier today, by the window's fixed clock


def _dialog_field(dialog: object, name: str) -> QLineEdit:
    field = dialog.fields[name]  # type: ignore[attr-defined]
    assert isinstance(field, QLineEdit)
    return field


def _results_in_file(store: ChartStore) -> int:
    other = open_chart(store.path)
    try:
        return int(other.db.execute("SELECT count(*) FROM current_results").fetchone()[0])
    finally:
        other.close()


def test_record_a_cbc_by_keyboard(qtbot, window: MainWindow, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    select(window, "B-2")
    before = _results_in_file(ward)
    dialog = window.open_cbc()
    assert dialog is not None
    qtbot.keyClicks(_dialog_field(dialog, "taken"), TAKEN)
    qtbot.keyClicks(_dialog_field(dialog, "wbc"), "2.1")
    qtbot.keyClicks(_dialog_field(dialog, "neut_pct"), "40")
    qtbot.keyClicks(_dialog_field(dialog, "bands_pct"), "5")
    assert "0.945" in dialog.preview.text()
    assert "grade 3, CTCAE v5.0" in dialog.preview.text()
    with qtbot.waitSignal(window.session.chart_did_change):  # type: ignore[union-attr]
        qtbot.keyClick(_dialog_field(dialog, "bands_pct"), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert _results_in_file(ward) == before + 1
    b = census_row(window, "B-2")
    assert b["Latest ANC"].startswith("0.95 · ")  # half-up display of 0.945
    assert b["Grade"] == "G3 (v5.0)"
    view = window.patient_view.chart_view
    assert view is not None
    assert view.drawn[-1].anc_y[-1] == pytest.approx(0.945)


def test_invalid_values_are_refused_beside_the_field(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    ward: ChartStore,
) -> None:
    select(window, "B-2")
    before = ward.path.read_bytes()
    dialog = window.open_cbc()
    assert dialog is not None
    qtbot.keyClicks(_dialog_field(dialog, "taken"), TAKEN)
    qtbot.keyClicks(_dialog_field(dialog, "wbc"), "1.0")
    qtbot.keyClicks(_dialog_field(dialog, "anc"), "2,5")
    qtbot.keyClick(_dialog_field(dialog, "anc"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "decimal point" in dialog.message("anc")
    _dialog_field(dialog, "anc").setText("2.5")
    qtbot.keyClick(_dialog_field(dialog, "anc"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "more than the WBC" in dialog.message("anc")
    assert ward.path.read_bytes() == before
    assert _results_in_file(ward) == sum(map(len, (A_ANC, A_C2_ANC, B_ANC)))


def test_a_warning_must_be_confirmed(qtbot, window: MainWindow, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    select(window, "B-2")
    before = _results_in_file(ward)
    dialog = window.open_cbc()
    assert dialog is not None
    qtbot.keyClicks(_dialog_field(dialog, "taken"), TAKEN)
    qtbot.keyClicks(_dialog_field(dialog, "wbc"), "600")
    qtbot.keyClick(_dialog_field(dialog, "wbc"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message("wbc").startswith("Check:")
    assert "cells/µL" in dialog.message("wbc")
    assert dialog.confirm.isVisibleTo(dialog)
    assert _results_in_file(ward) == before
    dialog.confirm.setChecked(True)
    qtbot.keyClick(_dialog_field(dialog, "wbc"), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert _results_in_file(ward) == before + 1


def test_escape_cancels_and_saves_nothing(qtbot, window: MainWindow, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    select(window, "B-2")
    before = _results_in_file(ward)
    dialog = window.open_cbc()
    assert dialog is not None
    qtbot.keyClicks(_dialog_field(dialog, "wbc"), "3.0")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # something was typed: it asks first
    box = dialog.discard_box
    assert box is not None
    discard = next(b for b in box.buttons() if "Discard" in b.text())
    qtbot.keyClick(discard, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    assert _results_in_file(ward) == before


def test_correct_a_result_with_a_reason_and_see_its_history(
    qtbot,
    window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    select(window, "B-2")
    records = window.patient_view.records
    records.select("results", 1)
    ref = records.selected()
    assert ref is not None
    assert ref.item.result.anc == Decimal("4.2")
    dialog = window.open_correct(ref)
    assert dialog is not None
    anc = _dialog_field(dialog, "anc")
    anc.setText("4.1")
    qtbot.keyClick(anc, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "reason" in dialog.message("reason")
    qtbot.keyClicks(_dialog_field(dialog, "reason"), "transcription error")
    qtbot.keyClick(anc, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    model = records.models["results"]
    cells = model.cells(1)
    assert cells[3] == "4.10"
    assert cells[-1] == "corrected"
    history = window.open_history(model.ref(1))
    assert history is not None
    texts = [history.table.item(r, 3).text() for r in range(history.table.rowCount())]
    assert texts == ["original entry", "transcription error"]
    assert history.table.item(1, 1).text() == "nurse b"


def test_correct_day_1_moves_the_chart(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "B-2")
    records = window.patient_view.records
    records.select("cycles", 0)
    ref = records.selected()
    assert ref is not None
    dialog = window.open_correct(ref)
    assert dialog is not None
    day1 = _dialog_field(dialog, "day1")
    day1.setText((date.fromisoformat(day1.text()) - timedelta(days=1)).isoformat())
    qtbot.keyClicks(_dialog_field(dialog, "reason"), "chemotherapy was given a day earlier")
    qtbot.keyClick(_dialog_field(dialog, "reason"), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert census_row(window, "B-2")["Cycle"] == "C1 D6"
    assert records.models["results"].cells(1)[1] == "5"  # was day 4


def test_withdraw_a_temperature_and_edit_the_bed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "A-1")
    records = window.patient_view.records
    assert records.models["temperatures"].rowCount() == 1
    records.select("temperatures", 0)
    ref = records.selected()
    assert ref is not None
    dialog = window.open_withdraw(ref)
    assert dialog is not None
    qtbot.keyClick(_dialog_field(dialog, "reason"), Qt.Key.Key_Return)
    assert dialog.isVisible()  # a reason is required
    qtbot.keyClicks(_dialog_field(dialog, "reason"), "wrong patient")
    qtbot.keyClick(_dialog_field(dialog, "reason"), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert records.models["temperatures"].rowCount() == 0
    assert "FN alert" not in census_row(window, "A-1")["Flags"]
    edit = window.open_edit_patient()
    assert edit is not None
    bed = _dialog_field(edit, "bed")
    bed.setText("4B-09")
    qtbot.keyClicks(_dialog_field(edit, "reason"), "moved")
    qtbot.keyClick(bed, Qt.Key.Key_Return)
    assert not edit.isVisible()
    assert census_row(window, "A-1")["Bed"] == "4B-09"
    assert window.census.selected_patient_id() is not None


def test_admit_and_start_a_cycle_from_the_window(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
    ward: ChartStore,
) -> None:
    dialog = window.open_admit()
    assert dialog is not None
    qtbot.keyClicks(_dialog_field(dialog, "mrn"), "C-3")
    qtbot.keyClicks(_dialog_field(dialog, "name"), "Gamma, Gail")
    qtbot.keyClicks(_dialog_field(dialog, "dob"), "1970-01-31")
    qtbot.keyClicks(_dialog_field(dialog, "bed"), "4A-03")
    qtbot.keyClick(_dialog_field(dialog, "bed"), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.census.model.rowCount() == 3
    select(window, "C-3")
    cycle = window.open_cycle()
    assert cycle is not None
    qtbot.keyClicks(cycle.fields["regimen"].lineEdit(), "AC")  # no regimen is chosen for you
    qtbot.keyClicks(_dialog_field(cycle, "day1"), "today")
    qtbot.keyClick(_dialog_field(cycle, "cycle_length"), Qt.Key.Key_Return)
    assert not cycle.isVisible()
    assert census_row(window, "C-3")["Cycle"] == "C1 D1"


def test_temperature_gcsf_and_precautions(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "B-2")
    temp = window.open_temperature()
    assert temp is not None
    qtbot.keyClicks(_dialog_field(temp, "taken"), TAKEN)
    qtbot.keyClicks(_dialog_field(temp, "celsius"), "101")
    temp.fields["route"].setCurrentText("oral")
    qtbot.keyClick(_dialog_field(temp, "celsius"), Qt.Key.Key_Return)
    assert "probably °F" in temp.message("celsius")
    temp.fields["unit"].setCurrentIndex(1)  # °F
    qtbot.keyClick(_dialog_field(temp, "celsius"), Qt.Key.Key_Return)
    assert not temp.isVisible()
    chart = window.patient_view.chart
    assert chart is not None
    assert chart.temperatures[-1].celsius > Decimal("38.3")
    prec = window.open_precautions(True)
    assert prec is not None
    qtbot.keyClick(_dialog_field(prec, "note"), Qt.Key.Key_Return)
    assert "precautions" in census_row(window, "B-2")["Flags"]
    gcsf = window.open_gcsf()
    assert gcsf is not None
    qtbot.keyClicks(_dialog_field(gcsf, "given"), "now")
    qtbot.keyClicks(gcsf.fields["drug"].lineEdit(), "pegfilgrastim")
    qtbot.keyClick(_dialog_field(gcsf, "dose"), Qt.Key.Key_Return)
    chart = window.patient_view.chart
    assert chart is not None
    assert [d.drug for d in chart.gcsf_doses] == ["pegfilgrastim"]


def test_every_action_is_named_and_described(window: MainWindow) -> None:
    for name, action in window.actions_by_name.items():
        assert action.text(), name
        assert action.statusTip(), name
    assert window.actions_by_name["cbc"].shortcut().toString() == "Ctrl+L"
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for name, action in window.actions_by_name.items():
        shortcut = action.shortcut().toString()
        if shortcut and name != "quit":
            assert shortcut in readme, (name, shortcut)


def test_models_pass_qtmodeltester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "A-1")
    qtmodeltester.check(window.census.model)
    for model in window.patient_view.records.models.values():
        qtmodeltester.check(model)


def test_an_empty_chart_says_how_to_start(qtbot, store: ChartStore) -> None:  # type: ignore[no-untyped-def]
    from wardchart.ui.session import ChartSession

    win = MainWindow()
    qtbot.addWidget(win)
    win.set_session(ChartSession(store, "nurse", clock=lambda: NOW))
    assert win.census.empty.isVisibleTo(win.census)
    assert "Admit" in win.census.empty.text()
    assert "demo" in win.census.empty.text()


def test_window_state_is_remembered(qtbot, window: MainWindow, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    select(window, "A-1")
    window.patient_view.set_view("overlay")
    window.splitter.setSizes([300, 900])
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.set_session(
        __import__("wardchart.ui.session", fromlist=["ChartSession"]).ChartSession(
            ward, "nurse", clock=lambda: NOW
        )
    )
    again.load_chart()
    assert again.splitter.sizes()[0] < again.splitter.sizes()[1]
    select(again, "A-1")
    assert again.patient_view.current_view() == "overlay"


def test_record_actions_from_the_menu_act_on_the_selected_record(window: MainWindow) -> None:
    from wardchart.ui.dialogs.history import HistoryDialog

    select(window, "B-2")
    assert window.act_on_selected_record("history") is None
    assert "Select a record" in window.statusBar().currentMessage()
    window.patient_view.records.select("results", 0)
    window.actions_by_name["history"].trigger()
    dialogs = [d for d in window.findChildren(HistoryDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].table.rowCount() == 1
    dialogs[0].reject()


def test_reused_lines_are_labelled_for_each_chart_drawn(window: MainWindow) -> None:
    """The fever and grade lines are kept between draws: their labels must follow the
    ward's rule and CTCAE version every time, not keep the first chart's text."""
    from wardchart.session.changes import SetWardSetting

    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    assert view.fever_text == "≥38.3 °C (IDSA 2010)"
    session = window.session
    assert session is not None
    session.save(SetWardSetting(key="fn_rule", value="nice"))
    session.save(SetWardSetting(key="ctcae_version", value="6.0"))
    session.reload_settings()
    window.refresh()
    select(window, "B-2")
    assert "38.0 °C (NICE" in view.fever_text
    assert view.temps.getAxis("right").labelText == "NICE CG151"
    assert view.counts.getAxis("right").labelText == "ANC grade, CTCAE v6.0"
    assert [line.value() for line in view.threshold_lines] == [1.5, 1.0, 0.5, 0.1]


def test_the_chart_always_belongs_to_a_patient_the_census_shows(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    header = window.patient_view.header
    select(window, "A-1")
    assert "FEBRILE NEUTROPENIA" in header.text()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.census.filter, "beta")  # hides Alpha: the chart follows the list
    assert window.selected_patient() is not None
    assert window.selected_patient().mrn == "B-2"  # type: ignore[union-attr]
    assert "Beta, Ben" in header.text()
    assert "Alpha" not in header.text()
    assert "FEBRILE" not in header.text()
    qtbot.keyClicks(window.census.filter, "zzz")  # nobody shown: nobody's chart
    assert window.census.model.rowCount() == 0
    assert window.selected_patient() is None
    assert "Beta" not in header.text()


def test_a_patient_admitted_under_a_filter_is_shown_and_selected(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.census.filter, "alpha")
    dialog = window.open_admit()
    assert dialog is not None
    for text in ("MRN-90", "Gamma, Gail", "1961-07-04"):
        qtbot.keyClicks(dialog.focusWidget(), text)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.census.filter.text() == ""
    assert window.selected_patient() is not None
    assert window.selected_patient().mrn == "MRN-90"  # type: ignore[union-attr]
    assert "Gamma, Gail" in window.patient_view.header.text()


def test_a_hint_in_the_status_bar_goes_once_it_is_followed(qtbot, window: MainWindow) -> None:
    select(window, "A-1")
    records = window.patient_view.records
    records.tabs.setCurrentIndex(0)
    window.actions_by_name["correct"].trigger()
    assert window.statusBar().currentMessage().startswith("Select a record")
    table = records.views["results"]
    cell = table.visualRect(records.models["results"].index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert records.selected() is not None
    assert window.statusBar().currentMessage() == ""
    # Any later action starts from a clean status bar too: no message lingers into it.
    window.statusBar().showMessage("Backup written and verified: an earlier message", 60_000)
    window.actions_by_name["history"].trigger()
    assert window.statusBar().currentMessage() == ""
    shown = [d for d in window.findChildren(QDialog) if d.isVisible()]  # this window's own
    assert shown
    for dialog in shown:
        dialog.reject()


def test_a_right_click_on_the_chart_opens_no_menu_and_keeps_the_whole_cycle(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """pyqtgraph's context menu (zoom, export, log axes) is not offered: the chart always
    shows the whole cycle, as drawn."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMenu

    select(window, "A-1")
    qtbot.wait(30)
    view = window.patient_view.chart_view
    assert view is not None
    before = view.counts.vb.viewRange()
    viewport = view.graphics.viewport()
    centre = view.graphics.mapFromScene(view.counts.vb.sceneBoundingRect().center())
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, pos=QPoint(centre.x(), centre.y()))
    qtbot.wait(50)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert view.counts.vb.viewRange() == before
