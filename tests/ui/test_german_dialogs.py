"""The dialogs in German: German labels and messages, and numbers typed with a decimal comma.

Each dialog is opened the way the window opens it and driven with real key events from
the state it opens in (the test never sets the focus); what was saved is read back from
the real chart file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from ward_fixture import NOW, TODAY

from wardchart.storage import queries
from wardchart.storage.database import ChartStore, open_chart
from wardchart.ui.dialogs.entry import CbcDialog
from wardchart.ui.dialogs.form import FormDialog
from wardchart.ui.dialogs.sign_in import SignInDialog
from wardchart.ui.dialogs.ward_settings import WardSettingsDialog
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession

Key = Qt.Key
TAKEN = f"{TODAY} 06:30"  # before the fixed clock's 15:00


def focused(dialog: QDialog) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_in(qtbot, dialog: QDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(dialog), text)


def press(qtbot, dialog: QDialog, key: Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(focused(dialog), key)


def results(store: ChartStore) -> list[tuple[object, ...]]:
    """The CBCs on disk, read through a connection of their own."""
    other = open_chart(store.path)
    try:
        sql = "SELECT wbc, anc, anc_source FROM current_results ORDER BY rowid"
        return [tuple(r) for r in other.db.execute(sql).fetchall()]
    finally:
        other.close()


def open_cbc(window: MainWindow) -> CbcDialog:
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, "A-1")
    assert patient is not None
    assert window.census.select(patient.id)
    dialog = window.open_cbc()
    assert isinstance(dialog, CbcDialog)
    for _ in range(250):  # the new dialog becomes the active window, as on a desktop
        if QApplication.activeWindow() is dialog:
            return dialog
        QTest.qWait(20)
    raise AssertionError("the CBC dialog never became the active window")


def label_of(dialog: FormDialog, name: str) -> str:
    holder = dialog.fields[name].parentWidget()
    label = dialog.form.labelForField(holder)
    assert isinstance(label, QLabel)
    return label.text().replace("&", "")


def shown_messages(dialog: FormDialog) -> dict[str, str]:
    return {name: dialog.message(name) for name in dialog.fields if dialog.message(name)}


def test_the_cbc_dialog_reads_german_and_names_the_field_of_a_bad_count(  # type: ignore[no-untyped-def]
    german: None, qtbot, window: MainWindow, ward: ChartStore
) -> None:
    before = results(ward)
    dialog = open_cbc(window)
    assert dialog.windowTitle().startswith("Blutbild eintragen — ")
    assert label_of(dialog, "wbc") == "Leukozyten:"
    assert label_of(dialog, "platelets") == "Thrombozyten:"
    assert dialog.save_button.text().replace("&", "") == "Speichern"
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab, 2)  # past the unit, to the WBC
    type_in(qtbot, dialog, "abc")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    assert shown_messages(dialog) == {"wbc": "'abc' ist keine Zahl; geben Sie z. B. 0,42 ein"}
    assert results(ward) == before  # nothing written
    dialog.reject()


def test_german_counts_are_typed_with_a_decimal_comma(  # type: ignore[no-untyped-def]
    german: None, qtbot, window: MainWindow, ward: ChartStore
) -> None:
    dialog = open_cbc(window)
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab, 5)  # unit, WBC, neutrophils, bands: to the ANC
    type_in(qtbot, dialog, "0,45")
    assert dialog.preview.text().startswith("<b>0,45</b> ×10⁹/L (Labor) — Grad 4, CTCAE v5.0")
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert results(ward)[-1] == (None, "0.45", "lab")  # the file keeps a decimal point


def test_a_german_point_before_three_digits_is_refused_as_ambiguous(  # type: ignore[no-untyped-def]
    german: None, qtbot, window: MainWindow, ward: ChartStore
) -> None:
    before = results(ward)
    dialog = open_cbc(window)
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab, 2)
    type_in(qtbot, dialog, "2.100")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    assert shown_messages(dialog) == {
        "wbc": "'2.100' ist mehrdeutig: Ein Punkt vor drei Ziffern trennt Tausender; "
        "geben Sie 2,100 für eine Dezimalzahl oder 2100 für eine ganze Zahl ein"
    }
    assert dialog.banner.isHidden()
    assert results(ward) == before
    dialog.reject()


def test_english_keeps_the_decimal_point_only(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ward: ChartStore
) -> None:
    before = results(ward)
    dialog = open_cbc(window)
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab, 2)
    type_in(qtbot, dialog, "0,45")
    press(qtbot, dialog, Key.Key_Return)
    assert shown_messages(dialog) == {
        "wbc": "'0,45' contains a comma; use a decimal point, e.g. 1.5"
    }
    assert results(ward) == before
    dialog.reject()


def test_the_sign_in_dialog_reads_german(german: None, qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(ward, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Bei wardchart anmelden"
    assert dialog.sign_in_button.text() == "Anmelden"
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Benutzername", "&Passwort"} <= labels


def test_the_ward_settings_dialog_reads_german(german: None, qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    session = ChartSession(ward, "nurse b", clock=lambda: NOW)
    dialog = WardSettingsDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Stationseinstellungen"
    assert label_of(dialog, "recovery_anc") == "Erholungs-ANC (×10⁹/L):"
    assert dialog.fields["recovery_anc"].toolTip() == (
        "recovery_anc: ein Zellwert in ×10⁹/L, z. B. 1.5"
    )
    box = dialog.fields["hl7_accept_test"]
    assert [box.itemText(i) for i in range(box.count())] == ["nein", "ja"]  # type: ignore[attr-defined]
    assert dialog.value("hl7_accept_test") == "no"  # saved as the command line types it


def test_a_german_ward_setting_count_is_typed_with_a_decimal_comma(  # type: ignore[no-untyped-def]
    german: None, qtbot, window: MainWindow, ward: ChartStore
) -> None:
    dialog = window.open_ward_settings()
    assert isinstance(dialog, WardSettingsDialog)
    for _ in range(250):
        if QApplication.activeWindow() is dialog:
            break
        QTest.qWait(20)
    assert dialog.text("recovery_anc") == "1,5"  # the stored 1.5, as German reads it
    press(qtbot, dialog, Key.Key_Tab, 3)  # ward name, CTCAE version, fever rule: to the ANC
    assert focused(dialog) is dialog.fields["recovery_anc"]
    qtbot.keyClick(focused(dialog), Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, dialog, "1,2")
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    other = open_chart(ward.path)
    try:
        saved = ChartSession(other, "nurse b", clock=lambda: NOW).settings.recovery_anc
    finally:
        other.close()
    assert str(saved) == "1.2"
