"""Every dialog driven only from the keyboard, from the state it opens in.

Each dialog is opened the way the window opens it; keys go to whichever widget has the
focus (the test never sets the focus), and what was saved is read back from the real
chart file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from ward_fixture import NOW, TODAY

from wardchart.storage import queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.ui.dialogs.form import FormDialog
from wardchart.ui.main_window import MainWindow

Key = Qt.Key
TAKEN = f"{TODAY} 06:30"  # before the fixed clock's 15:00


# --- driving ------------------------------------------------------------------------------


def focused(dialog: QDialog) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_in(qtbot, dialog: QDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(dialog), text)


def press(qtbot, dialog: QDialog, key: Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(focused(dialog), key)


def select(window: MainWindow, mrn: str) -> None:
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, mrn)
    assert patient is not None
    assert window.census.select(patient.id)


def rows(store: ChartStore, sql: str) -> list[tuple[object, ...]]:
    """Read the chart file through a connection of its own: what is really on disk."""
    other = open_chart(store.path)
    try:
        return [tuple(r) for r in other.db.execute(sql).fetchall()]
    finally:
        other.close()


def opened(window: MainWindow, which: str) -> FormDialog:
    """Open a dialog as the menu does (a record selected first where one is needed)."""
    records = window.patient_view.records
    table = {"correct cbc": "results", "correct temperature": "temperatures"}
    table |= {"correct gcsf": "gcsf_doses", "correct cycle": "cycles", "withdraw": "results"}
    select(window, "A-1")
    if which in table:
        records.select(table[which], 0)
        ref = records.selected()
        assert ref is not None
        dialog = window.open_withdraw(ref) if which == "withdraw" else window.open_correct(ref)
    else:
        dialog = {
            "admit": window.open_admit,
            "edit patient": window.open_edit_patient,
            "cycle": window.open_cycle,
            "cbc": window.open_cbc,
            "temperature": window.open_temperature,
            "gcsf": window.open_gcsf,
            "precautions": lambda: window.open_precautions(True),
        }[which]()
    assert isinstance(dialog, FormDialog)
    assert dialog.isVisible()
    return active(dialog)


def active(dialog: FormDialog) -> FormDialog:
    """Wait until the new dialog is the active window (so focus events flow, as on a desktop)."""
    for _ in range(250):
        if QApplication.activeWindow() is dialog:
            return dialog
        QTest.qWait(20)
    raise AssertionError(f"{dialog.windowTitle()} never became the active window")


@pytest.fixture
def gcsf_window(qtbot, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window, with a G-CSF dose on A-1 so that it can be corrected."""
    dialog = opened(window, "gcsf")
    type_in(qtbot, dialog, f"{TODAY} 09:00")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "pegfilgrastim")
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    return window


EVERY_DIALOG = [
    "admit",
    "edit patient",
    "cycle",
    "cbc",
    "temperature",
    "gcsf",
    "precautions",
    "correct cbc",
    "correct temperature",
    "correct gcsf",
    "correct cycle",
    "withdraw",
]


# --- every dialog -------------------------------------------------------------------------


@pytest.mark.parametrize("which", EVERY_DIALOG)
def test_it_opens_in_its_first_field_and_tab_goes_down_the_fields_then_save_then_cancel(
    qtbot,
    gcsf_window: MainWindow,
    which: str,  # type: ignore[no-untyped-def]
) -> None:
    dialog = opened(gcsf_window, which)
    fields = [w for w in dialog.fields.values() if w.isEnabled()]
    assert focused(dialog) is fields[0]
    seen = []
    for _ in range(len(fields) + 2):
        seen.append(focused(dialog))
        press(qtbot, dialog, Key.Key_Tab)
    assert seen == [*fields, dialog.save_button, dialog.cancel_button]
    assert focused(dialog) is fields[0]  # and round again
    assert dialog.save_button.isDefault()
    assert not dialog.cancel_button.isDefault()  # Enter never becomes Cancel
    dialog.reject()


@pytest.mark.parametrize("which", EVERY_DIALOG)
def test_escape_with_nothing_typed_just_closes(
    qtbot,
    gcsf_window: MainWindow,
    which: str,  # type: ignore[no-untyped-def]
) -> None:
    dialog = opened(gcsf_window, which)
    press(qtbot, dialog, Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def _discard_box(dialog: FormDialog) -> QMessageBox:
    box = dialog.discard_box
    assert box is not None
    assert box.isVisible()
    return box


@pytest.mark.parametrize("which", EVERY_DIALOG)
def test_escape_after_typing_asks_before_discarding(
    qtbot,
    gcsf_window: MainWindow,
    ward: ChartStore,
    which: str,  # type: ignore[no-untyped-def]
) -> None:
    before = rows(ward, "SELECT count(*) FROM audit_log")
    dialog = opened(gcsf_window, which)
    press(qtbot, dialog, Key.Key_End)
    type_in(qtbot, dialog, "9")
    press(qtbot, dialog, Key.Key_Escape)
    assert dialog.isVisible()
    box = _discard_box(dialog)
    qtbot.keyClick(box, Key.Key_Escape)  # "keep editing" is the safe answer
    assert dialog.isVisible()
    assert not box.isVisible()
    assert dialog.has_typed_content()
    dialog.close()  # the window's close button asks too
    box = _discard_box(dialog)
    discard = next(b for b in box.buttons() if "Discard" in b.text())
    qtbot.keyClick(discard, Key.Key_Space)
    assert not dialog.isVisible()
    assert rows(ward, "SELECT count(*) FROM audit_log") == before


# --- what is typed is what is saved --------------------------------------------------------


def test_admit_from_the_keyboard_stores_the_date_of_birth_exactly_as_typed(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "admit")
    type_in(qtbot, dialog, " MRN-77")  # a space first: it goes into the field, not to Cancel
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "Okafor, Grace")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "1961-07-04")
    press(qtbot, dialog, Key.Key_Tab)  # leaves the date: no sections to tab through
    assert focused(dialog) is dialog.fields["sex"]
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "4A-09")
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert rows(ward, "SELECT mrn, name, dob, bed FROM current_patients WHERE bed = '4A-09'") == [
        ("MRN-77", "Okafor, Grace", "1961-07-04", "4A-09")
    ]


def test_the_date_of_birth_starts_empty_and_is_required(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    before = rows(ward, "SELECT count(*) FROM patients")
    dialog = opened(window, "admit")
    assert dialog.text("dob") == ""
    type_in(qtbot, dialog, "MRN-78")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "Silva, Ana")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    assert "required" in dialog.message("dob")
    assert focused(dialog) is dialog.fields["dob"]
    type_in(qtbot, dialog, "04/07/1961")
    press(qtbot, dialog, Key.Key_Return)
    assert "YYYY-MM-DD" in dialog.message("dob")
    assert rows(ward, "SELECT count(*) FROM patients") == before


def test_a_cbc_from_the_keyboard_saves_on_enter_from_any_field(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "cbc")
    assert dialog.text("taken") == ""  # no silent "now"
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab, 2)  # past the unit
    type_in(qtbot, dialog, "2.1")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "40")
    press(qtbot, dialog, Key.Key_Tab)
    assert "0.84" in dialog.preview.text()
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = rows(ward, "SELECT taken_at, wbc, neut_pct FROM current_results ORDER BY rowid")
    assert saved[-1][0].startswith(f"{TODAY}T06:30:00")  # type: ignore[union-attr]
    assert saved[-1][1:] == ("2.1", "40")


def test_enter_saves_after_tabbing_past_save_and_cancel(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "temperature")
    fields = [w for w in dialog.fields.values() if w.isEnabled()]
    press(qtbot, dialog, Key.Key_Tab, len(fields) + 2)  # round to the first field again
    type_in(qtbot, dialog, f"{TODAY} 14:10")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "38.4")
    press(qtbot, dialog, Key.Key_Tab, 2)  # past the unit (°C) to the route
    press(qtbot, dialog, Key.Key_Down)
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = rows(ward, "SELECT taken_at, celsius, route FROM current_temperatures ORDER BY rowid")
    assert saved[-1][0].startswith(f"{TODAY}T14:10:00")  # type: ignore[union-attr]
    assert saved[-1][1:] == ("38.4", "oral")


def test_enter_on_the_cancel_button_cancels(qtbot, window: MainWindow, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    before = rows(ward, "SELECT count(*) FROM audit_log")
    dialog = opened(window, "precautions")
    press(qtbot, dialog, Key.Key_Tab, 2)
    assert focused(dialog) is dialog.cancel_button
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert rows(ward, "SELECT count(*) FROM audit_log") == before


def test_typing_now_fills_in_the_time_before_it_is_saved(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "gcsf")
    assert dialog.text("given") == ""
    type_in(qtbot, dialog, "now")
    press(qtbot, dialog, Key.Key_Tab)
    assert dialog.text("given") == NOW.strftime("%Y-%m-%d %H:%M")
    type_in(qtbot, dialog, "pegfilgrastim")
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    saved = rows(ward, "SELECT given_at, drug FROM current_gcsf_doses")
    assert (NOW.isoformat(timespec="seconds"), "pegfilgrastim") in saved


def test_an_empty_time_is_refused_not_taken_as_now(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    before = rows(ward, "SELECT count(*) FROM results")
    dialog = opened(window, "cbc")
    press(qtbot, dialog, Key.Key_Tab, 2)
    type_in(qtbot, dialog, "2.1")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    assert "required" in dialog.message("taken")
    assert focused(dialog) is dialog.fields["taken"]
    assert rows(ward, "SELECT count(*) FROM results") == before


def test_a_day_1_typed_as_shown_is_that_day(qtbot, window: MainWindow, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "admit")
    type_in(qtbot, dialog, "C-3")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "Gamma, Gail")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "1970-01-31")
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    select(window, "C-3")
    cycle = window.open_cycle()
    assert isinstance(cycle, FormDialog)
    active(cycle)
    assert focused(cycle) is cycle.fields["regimen"]
    type_in(qtbot, cycle, "AC")
    press(qtbot, cycle, Key.Key_Tab)
    assert cycle.text("day1") == ""
    day1 = TODAY - timedelta(days=2)
    type_in(qtbot, cycle, day1.isoformat())
    press(qtbot, cycle, Key.Key_Return)
    assert not cycle.isVisible()
    assert (day1.isoformat(),) in rows(ward, "SELECT day1 FROM current_cycles")


def test_a_warning_is_confirmed_from_the_keyboard(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    before = rows(ward, "SELECT count(*) FROM results")
    dialog = opened(window, "cbc")
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab, 2)
    # 600 ×10⁹/L: above any analyser's range, probably cells/µL (a warning, not refused)
    type_in(qtbot, dialog, "600")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message("wbc").startswith("Check:")
    assert rows(ward, "SELECT count(*) FROM results") == before
    while not isinstance(focused(dialog), QCheckBox):
        press(qtbot, dialog, Key.Key_Tab)
    assert focused(dialog) is dialog.confirm
    press(qtbot, dialog, Key.Key_Space)
    assert dialog.confirm.isChecked()
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert rows(ward, "SELECT count(*) FROM results") == [(before[0][0] + 1,)]  # type: ignore[operator]


# --- warnings: a tick confirms only what was shown ----------------------------------------


def _tab_to(qtbot, dialog: FormDialog, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    for _ in range(30):
        if focused(dialog) is widget:
            return
        press(qtbot, dialog, Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.accessibleName()}")


def _retype(qtbot, dialog: FormDialog, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    _tab_to(qtbot, dialog, dialog.fields[name])
    qtbot.keyClick(focused(dialog), Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, dialog, text)


def test_a_tick_confirms_only_the_warnings_on_screen(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    before = rows(ward, "SELECT count(*) FROM results")
    dialog = opened(window, "cbc")
    type_in(qtbot, dialog, "now")
    press(qtbot, dialog, Key.Key_Tab, 2)
    type_in(qtbot, dialog, "600")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "40")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.message("wbc").startswith("Check:")
    _tab_to(qtbot, dialog, dialog.confirm)
    press(qtbot, dialog, Key.Key_Space)
    assert dialog.confirm.isChecked()
    _retype(qtbot, dialog, "neut_pct", "0.5")
    assert not dialog.confirm.isChecked()  # the edit took the tick away, and the old message
    assert dialog.confirm.isHidden()
    assert dialog.message("wbc") == ""
    press(qtbot, dialog, Key.Key_Return)  # so Enter shows both warnings, saves nothing
    assert dialog.isVisible()
    assert rows(ward, "SELECT count(*) FROM results") == before
    assert dialog.message("wbc").startswith("Check:")
    assert "50 %" in dialog.message("neut_pct")
    _tab_to(qtbot, dialog, dialog.confirm)
    press(qtbot, dialog, Key.Key_Space)
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    (confirmed,) = rows(ward, "SELECT confirmed_warnings FROM current_results ORDER BY rowid")[-1]
    assert "600" in str(confirmed)
    assert "50 %" in str(confirmed)


def test_a_warning_that_arises_after_the_tick_needs_a_tick_of_its_own(
    qtbot, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    from wardchart.ui.session import ChartSession

    clock = [NOW]
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_session(ChartSession(ward, "nurse b", clock=lambda: clock[0]))
    window.load_chart()
    window.show()
    before = rows(ward, "SELECT count(*) FROM results")
    dialog = opened(window, "cbc")
    almost_a_week = NOW - timedelta(days=7) + timedelta(minutes=1)
    type_in(qtbot, dialog, almost_a_week.strftime("%Y-%m-%d %H:%M"))
    press(qtbot, dialog, Key.Key_Tab, 2)
    type_in(qtbot, dialog, "600")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.message("wbc").startswith("Check:")
    assert dialog.message("taken") == ""
    _tab_to(qtbot, dialog, dialog.confirm)
    press(qtbot, dialog, Key.Key_Space)
    clock[0] = NOW + timedelta(minutes=5)  # left open: the result is now over 7 days old
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    assert rows(ward, "SELECT count(*) FROM results") == before
    assert dialog.message("taken").startswith("Check:")
    assert not dialog.confirm.isChecked()
    _tab_to(qtbot, dialog, dialog.confirm)
    press(qtbot, dialog, Key.Key_Space)
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    window.close()


def test_changing_the_unit_clears_the_message_about_the_old_unit(
    qtbot, window: MainWindow, ward: ChartStore
) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "temperature")
    type_in(qtbot, dialog, f"{TODAY} 14:10")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "101.3")
    press(qtbot, dialog, Key.Key_Tab, 2)
    press(qtbot, dialog, Key.Key_Down)  # route: oral
    press(qtbot, dialog, Key.Key_Return)
    assert "probably °F" in dialog.message("celsius")
    _tab_to(qtbot, dialog, dialog.fields["unit"])
    press(qtbot, dialog, Key.Key_Down)  # °F
    assert dialog.message("celsius") == ""
    assert dialog.confirm.isHidden()
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    saved = rows(ward, "SELECT value_entered, unit_entered, confirmed_warnings FROM temperatures")
    assert saved[-1] == ("101.3", "F", "")


# --- choices that matter start empty ------------------------------------------------------


@pytest.mark.parametrize(
    ("which", "typed", "field", "table"),
    [
        ("cycle", ["", f"{TODAY}"], "regimen", "cycles"),
        ("gcsf", [f"{TODAY} 09:00", ""], "drug", "gcsf_doses"),
        ("temperature", [f"{TODAY} 09:00", "37.2"], "route", "temperatures"),
    ],
)
def test_a_clinical_choice_starts_empty_and_enter_too_fast_saves_nothing(
    qtbot,
    window: MainWindow,
    ward: ChartStore,
    which: str,
    typed: list[str],
    field: str,
    table: str,  # type: ignore[no-untyped-def]
) -> None:
    before = rows(ward, f"SELECT count(*) FROM {table}")
    dialog = opened(window, which)
    for text in typed:
        type_in(qtbot, dialog, text)
        press(qtbot, dialog, Key.Key_Tab)
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    assert "required" in dialog.message(field)
    assert rows(ward, f"SELECT count(*) FROM {table}") == before
    dialog.reject()


# --- tables give Tab back -----------------------------------------------------------------


def test_tab_leaves_the_history_table_for_the_close_button(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "A-1")
    window.patient_view.records.select("results", 0)
    ref = window.patient_view.records.selected()
    assert ref is not None
    dialog = window.open_history(ref)
    assert dialog is not None
    for _ in range(100):
        if QApplication.activeWindow() is dialog:
            break
        QTest.qWait(20)
    assert focused(dialog) is dialog.table  # type: ignore[attr-defined]
    press(qtbot, dialog, Key.Key_Tab)
    assert isinstance(focused(dialog), QPushButton)
    assert focused(dialog).text() == "Close"
    assert "(MRN A-1)" in dialog.windowTitle()
    dialog.reject()


def test_tab_leaves_the_backups_table_for_its_buttons(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_backups()
    assert dialog is not None
    dialog.backup_now()
    for _ in range(100):
        if QApplication.activeWindow() is dialog:
            break
        QTest.qWait(20)
    dialog.table.setFocus()  # where a nurse lands after choosing a backup with the mouse
    press(qtbot, dialog, Key.Key_Tab)
    assert focused(dialog) is not dialog.table
    dialog.reject()


# --- every dialog names its patient, in one wording ----------------------------------------


def test_marking_entered_in_error_names_the_patient(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "withdraw")
    assert "(MRN A-1)" in dialog.windowTitle()
    dialog.reject()


def test_the_cbc_preview_asks_for_counts_in_one_wording(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "cbc")
    asked = dialog.preview.text()  # nothing typed yet
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab, 2)
    type_in(qtbot, dialog, "2.1")  # a WBC alone: still no ANC
    assert dialog.preview.text() == asked
    assert "give a WBC, an ANC, or a WBC with neutrophil %" in asked
    dialog.reject()


# --- daylight saving, in the window ------------------------------------------------------


@pytest.fixture
def new_york() -> Iterator[None]:
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.mark.parametrize(
    ("which", "typed", "words"),
    [
        ("cbc", "2026-03-08 02:30", "did not exist"),
        ("temperature", "2026-11-01 01:30", "happened twice"),
        ("gcsf", "2026-03-08 02:15", "did not exist"),
    ],
)
def test_a_local_time_the_clocks_skipped_or_repeated_is_refused_in_the_dialog(
    qtbot,
    window: MainWindow,
    ward: ChartStore,
    new_york: None,
    which: str,
    typed: str,
    words: str,  # type: ignore[no-untyped-def]
) -> None:
    before = rows(ward, "SELECT count(*) FROM audit_log")
    dialog = opened(window, which)
    type_in(qtbot, dialog, typed)
    press(qtbot, dialog, Key.Key_Tab, 2 if which == "cbc" else 1)
    type_in(qtbot, dialog, "37" if which == "temperature" else "1.5")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    field = "given" if which == "gcsf" else "taken"
    assert words in dialog.message(field)
    assert rows(ward, "SELECT count(*) FROM audit_log") == before
    dialog.reject()


# --- sign in ------------------------------------------------------------------------------


def test_sign_in_by_keyboard(qtbot, store: ChartStore) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from wardchart.storage import users
    from wardchart.ui.dialogs.sign_in import SignInDialog

    now: Callable[[], datetime] = lambda: datetime.now().astimezone()  # noqa: E731
    users.add_user(
        store,
        username="nina",
        full_name="Nina X",
        initials="NX",
        role="admin",
        password="ward password 2026",
        actor="setup",
        now=now(),
    )
    dialog = SignInDialog(store, now)
    qtbot.addWidget(dialog)
    dialog.open()
    assert focused(dialog) is dialog.username
    order = []
    for _ in range(4):
        order.append(focused(dialog))
        press(qtbot, dialog, Key.Key_Tab)
    buttons = dialog.buttons.buttons()
    cancel = next(b for b in buttons if b is not dialog.sign_in_button)
    assert order == [dialog.username, dialog.password, dialog.sign_in_button, cancel]
    assert not cancel.isDefault()
    type_in(qtbot, dialog, "nina")
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "ward password 2026")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.user is not None
    assert dialog.user.username == "nina"


# --- labels, mnemonics and messages for screen readers ----------------------------------


def mnemonic(text: str) -> str:
    """The Alt+letter of a label or button text ("" if none)."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else ""


@pytest.mark.parametrize("which", EVERY_DIALOG)
def test_every_field_has_a_label_buddy_and_its_own_alt_letter(
    qtbot,
    gcsf_window: MainWindow,
    which: str,  # type: ignore[no-untyped-def]
) -> None:
    dialog = opened(gcsf_window, which)
    labels = dialog.findChildren(QLabel)
    buddies = {id(label.buddy()): label for label in labels if label.buddy() is not None}
    letters: list[str] = []
    for name, field in dialog.fields.items():
        label = buddies.get(id(field))
        assert label is not None, f"{name}: no label points at the field itself"
        letter = mnemonic(field.text()) if isinstance(field, QCheckBox) else mnemonic(label.text())
        assert letter, f"{name}: no Alt+letter"
        letters.append(letter)
    for label in labels:  # no label points at something that cannot take the focus
        if label.buddy() is not None:
            assert label.buddy().focusPolicy() & Qt.FocusPolicy.TabFocus, label.text()
    others = [mnemonic(b.text()) for b in dialog.findChildren(QAbstractButton)]
    others = [m for m in others if m and m not in letters]
    assert len(letters) == len(set(letters)), letters
    assert not set(letters) & set(others)
    dialog.reject()


@pytest.mark.parametrize("which", EVERY_DIALOG)
def test_alt_and_a_fields_letter_moves_the_cursor_to_that_field(
    qtbot,
    gcsf_window: MainWindow,
    which: str,  # type: ignore[no-untyped-def]
) -> None:
    dialog = opened(gcsf_window, which)
    labels = {id(label.buddy()): label for label in dialog.findChildren(QLabel)}
    for name, field in reversed(dialog.fields.items()):  # from the last: each is a move
        if not field.isEnabled():
            continue
        text = field.text() if isinstance(field, QCheckBox) else labels[id(field)].text()
        letter = mnemonic(text)
        was = field.isChecked() if isinstance(field, QCheckBox) else None
        qtbot.keyClick(focused(dialog), letter, Qt.KeyboardModifier.AltModifier)
        assert focused(dialog) is field, f"Alt+{letter} did not reach {name}"
        if isinstance(field, QCheckBox):
            # Alt+letter on a box ticks it (after the press is shown), as Space does.
            qtbot.waitUntil(lambda f=field, w=was: f.isChecked() is not w)
    dialog.close()
    for _ in range(50):
        if not shiboken6.isValid(dialog):
            return  # nothing typed: closed at once, and deleted as a done dialog is
        box = dialog.discard_box
        if box is not None and box.isVisible():
            box.reject()
            break
        QTest.qWait(10)
    dialog.reject()


def test_a_message_beside_a_field_reaches_a_screen_reader(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(window, "cbc")
    press(qtbot, dialog, Key.Key_Return)  # nothing typed: the time is required
    taken = dialog.fields["taken"]
    message = dialog.message("taken")
    assert message.startswith("required")
    assert focused(dialog) is taken
    assert message in taken.accessibleDescription()
    label = dialog.messages["taken"]
    assert label.accessibleDescription() == message
    assert label.accessibleName() == "Taken at: message"
    type_in(qtbot, dialog, TAKEN)  # any change clears the message, for the reader too
    assert message not in taken.accessibleDescription()
    dialog.reject()
