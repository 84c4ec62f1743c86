"""What was still English, or read two ways, in the German window: the code lists (sex,
route, count unit) in German words with the codes stored, a regimen threshold of
"keine", the record history's values, the merge preview, the status bar, the chart's grade
lines, held laboratory reasons read back in a later session, and the Backups intro.

Dialogs are opened as the window opens them and driven with real key events from the
state they open in; what was saved is read back from the real chart file.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from merge_fixture import laptop_with_conflicts
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QWidget
from ward_fixture import NOW, TODAY

from wardchart import i18n
from wardchart.domain.records import RecordKind
from wardchart.session import ChartingSession
from wardchart.storage import queries, users
from wardchart.storage.database import ChartStore, open_chart
from wardchart.ui.dialogs.form import FormDialog
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession

Key = Qt.Key
TAKEN = f"{TODAY.strftime('%d.%m.%Y')} 06:30"  # before the fixed clock's 15:00
PASSWORD = "ward password 2026"


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


def active(dialog: QDialog | None) -> QDialog:
    assert dialog is not None
    for _ in range(250):  # the new dialog becomes the active window, as on a desktop
        if QApplication.activeWindow() is dialog:
            return dialog
        QTest.qWait(20)
    raise AssertionError(f"{dialog.windowTitle()} never became the active window")


def focused(dialog: QDialog) -> QWidget:
    widget = dialog.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_in(qtbot, dialog: QDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(dialog), text)


def press(qtbot, dialog: QDialog, key: Key, times: int = 1, modifier=None) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        if modifier is None:
            qtbot.keyClick(focused(dialog), key)
        else:
            qtbot.keyClick(focused(dialog), key, modifier)


def on_disk(store: ChartStore, sql: str) -> list[tuple[object, ...]]:
    other = open_chart(store.path)
    try:
        return [tuple(r) for r in other.db.execute(sql).fetchall()]
    finally:
        other.close()


def select(window: MainWindow, mrn: str) -> None:
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, mrn)
    assert patient is not None
    assert window.census.select(patient.id)


def items(box: QWidget) -> list[str]:
    assert isinstance(box, QComboBox)
    return [box.itemText(i) for i in range(box.count())]


def messages(dialog: FormDialog) -> dict[str, str]:
    return {name: dialog.message(name) for name in dialog.fields if dialog.message(name)}


# --- code lists in German words, the code stored -----------------------------------------


def test_a_german_cbc_in_cells_per_microlitre_that_is_not_whole_is_asked_about(  # type: ignore[no-untyped-def]
    qtbot, german_window: MainWindow, ward: ChartStore
) -> None:
    before = on_disk(ward, "SELECT count(*) FROM results")
    select(german_window, "A-1")
    dialog = active(german_window.open_cbc())
    assert isinstance(dialog, FormDialog)
    assert items(dialog.fields["unit"]) == ["×10⁹/L", "×10³/µL", "G/L", "Zellen/µL"]
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab)  # the unit
    press(qtbot, dialog, Key.Key_Down, 3)
    assert dialog.fields["unit"].currentText() == "Zellen/µL"  # type: ignore[attr-defined]
    press(qtbot, dialog, Key.Key_Tab, 4)  # WBC, neutrophils, bands: to the ANC
    type_in(qtbot, dialog, "2,100")
    press(qtbot, dialog, Key.Key_Return)
    assert dialog.isVisible()
    assert messages(dialog) == {
        "anc": "Prüfen: 2,1 Zellen/µL ist keine ganze Zahl (Zellen werden ganz gezählt); "
        "wahrscheinlich falsche Einheit oder falsches Dezimalzeichen"
    }
    assert on_disk(ward, "SELECT count(*) FROM results") == before  # nothing written
    press(qtbot, dialog, Key.Key_A, modifier=Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, dialog, "2100")
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    saved = "SELECT anc FROM current_results WHERE unit_entered = 'cells/uL'"
    assert on_disk(ward, saved) == [("2.1",)]  # the unit's code is stored


def test_an_english_cbc_in_cells_per_microlitre_that_is_not_whole_is_asked_about(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ward: ChartStore
) -> None:
    before = on_disk(ward, "SELECT count(*) FROM results")
    select(window, "A-1")
    dialog = active(window.open_cbc())
    assert isinstance(dialog, FormDialog)
    type_in(qtbot, dialog, f"{TODAY} 06:30")
    press(qtbot, dialog, Key.Key_Tab)
    press(qtbot, dialog, Key.Key_Down, 3)
    assert dialog.fields["unit"].currentText() == "cells/µL"  # type: ignore[attr-defined]
    press(qtbot, dialog, Key.Key_Tab)  # the WBC
    type_in(qtbot, dialog, "4500.5")
    press(qtbot, dialog, Key.Key_Return)
    assert messages(dialog) == {
        "wbc": "Check: 4500.5 cells/µL is not a whole number (cells are counted whole); "
        "probably the wrong unit or decimal mark"
    }
    assert on_disk(ward, "SELECT count(*) FROM results") == before
    dialog.reject()


def test_a_german_temperature_route_is_chosen_in_german_and_stored_as_its_code(  # type: ignore[no-untyped-def]
    qtbot, german_window: MainWindow, ward: ChartStore
) -> None:
    select(german_window, "A-1")
    dialog = active(german_window.open_temperature())
    assert isinstance(dialog, FormDialog)
    assert items(dialog.fields["route"]) == ["", "oral", "axillär", "tympanal"]
    type_in(qtbot, dialog, TAKEN)
    press(qtbot, dialog, Key.Key_Tab)
    type_in(qtbot, dialog, "37,2")
    press(qtbot, dialog, Key.Key_Tab, 2)  # past the unit, to the route
    press(qtbot, dialog, Key.Key_Down, 2)
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert on_disk(ward, "SELECT route FROM current_temperatures WHERE celsius = '37.2'") == [
        ("axillary",)
    ]


def test_a_german_sex_is_chosen_as_a_word_and_stored_as_its_code(  # type: ignore[no-untyped-def]
    qtbot, german_window: MainWindow, ward: ChartStore
) -> None:
    dialog = active(german_window.open_admit())
    assert isinstance(dialog, FormDialog)
    assert items(dialog.fields["sex"]) == ["", "weiblich", "männlich", "divers"]
    for text in ("C-3", "Gamma, Gil", "14.03.1972"):
        type_in(qtbot, dialog, text)
        press(qtbot, dialog, Key.Key_Tab)
    press(qtbot, dialog, Key.Key_Down)
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    assert on_disk(ward, "SELECT sex FROM current_patients WHERE mrn = 'C-3'") == [("F",)]
    select(german_window, "C-3")
    edit = active(german_window.open_edit_patient())
    assert isinstance(edit, FormDialog)
    assert edit.fields["sex"].currentText() == "weiblich"  # type: ignore[attr-defined]
    edit.reject()


# --- the regimen library ------------------------------------------------------------------


@pytest.fixture
def german_admin_window(qtbot, german: None, ward: ChartStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    users.add_user(
        ward,
        username="ada",
        full_name="Ada Example",
        initials="ad",
        role="admin",
        password=PASSWORD,
        actor="setup",
        now=NOW,
    )
    core = ChartingSession(ward, "os-user", clock=lambda: NOW)
    assert core.sign_in_with(lambda s: users.sign_in(s, "ada", PASSWORD, now=NOW))
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_session(ChartSession.around(core))
    window.show()
    yield window
    window.close()


def test_a_german_regimen_threshold_of_keine_means_none(  # type: ignore[no-untyped-def]
    qtbot, german_admin_window: MainWindow, ward: ChartStore
) -> None:
    library = active(german_admin_window.open_regimens())
    add = library.edit(None)  # type: ignore[attr-defined]
    active(add)
    for text in ("Versuch-X", "21", "8-15"):
        type_in(qtbot, add, text)
        press(qtbot, add, Key.Key_Tab)
    press(qtbot, add, Key.Key_A, modifier=Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, add, "keine")
    press(qtbot, add, Key.Key_Return)
    assert not add.isVisible(), messages(add)
    found = queries.find_regimen(ward.db, "Versuch-X")
    assert found is not None
    assert found.anc_threshold is None
    replace = library.edit(found)  # type: ignore[attr-defined]
    assert replace.text("anc_threshold") == "keine"  # shown back as a German nurse typed it
    replace.reject()
    library.reject()


# --- what the window shows -------------------------------------------------------------


def test_the_german_record_history_shows_german_times_and_field_names(  # type: ignore[no-untyped-def]
    german_window: MainWindow,
) -> None:
    select(german_window, "A-1")
    records = german_window.patient_view.records
    records.select(RecordKind.RESULTS, 0)
    ref = records.selected()
    assert ref is not None
    dialog = german_window.open_history(ref)
    assert dialog is not None
    values = dialog.table.item(0, 2).text()  # type: ignore[attr-defined]
    assert values.startswith("abgenommen: ")
    taken = values.removeprefix("abgenommen: ").split(";")[0]
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d UTC", taken), taken
    dialog.reject()


def test_the_german_status_bar_names_the_fever_rule_as_people_know_it(
    german_window: MainWindow,
) -> None:
    assert "Fieberregel IDSA 2010" in german_window.status.text()


def test_the_chart_grade_lines_have_german_decimal_commas(german_window: MainWindow) -> None:
    select(german_window, "A-1")
    view = german_window.patient_view.chart_view
    assert view is not None
    said = view.graphics.accessibleDescription()
    for words in ("G2 <1,5", "G3 <1,0", "G4 <0,5"):
        assert words in said, words
    assert "G2 <1.5" not in said


def test_a_german_merge_preview_and_its_result_read_german(  # type: ignore[no-untyped-def]
    qtbot, ward: ChartStore, tmp_path: Path, german_window: MainWindow
) -> None:
    from wardchart.ui.dialogs.merge import MergeDialog

    laptop = laptop_with_conflicts(ward, tmp_path)
    german_window.actions_by_name["merge"].trigger()
    (dialog,) = german_window.findChildren(MergeDialog)
    active(dialog)
    type_in(qtbot, dialog, str(laptop.path))
    press(qtbot, dialog, Key.Key_Return)
    preview = dialog.preview.text()
    (subject,) = [line for line in preview.splitlines() if "⚑" in line]
    assert subject.strip().startswith("⚑ Blutbild abgenommen ")
    assert " taken " not in subject
    press(qtbot, dialog, Key.Key_Return)
    assert not dialog.isVisible()
    said = german_window.statusBar().currentMessage()
    assert said.count("Kommt hinzu") == 0, said
    assert "1 Korrektur" in said, said


def test_the_backups_intro_wraps_so_both_sentences_show(window: MainWindow) -> None:
    dialog = window.open_backups()
    assert dialog is not None
    dialog.resize(720, 400)
    dialog.show()
    QTest.qWait(50)
    (intro,) = [
        label for label in dialog.findChildren(QLabel) if label.text().startswith("Backups are")
    ]
    assert intro.wordWrap()
    assert intro.width() <= dialog.width()
    assert intro.heightForWidth(intro.width()) <= intro.height()  # all of it in view
    dialog.accept()


def test_held_lab_reasons_stored_earlier_read_back_in_german(tmp_path: Path) -> None:
    """A new session (a new process) reading a reason stored by an earlier import: the
    reasons are known before any message is imported in this process."""
    script = (
        "from wardchart import i18n\n"
        "i18n.install()\n"
        "from wardchart.ui.dialogs import held_messages\n"
        "from wardchart.ui.wording import reread\n"
        "print(reread('MRN 42: the message has no date of birth (PID-7) to check'))\n"
        "print(reread('already imported on 2026-11-20 (charted)'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**__import__("os").environ, i18n.ENV_LANGUAGE: "de", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    first, second = done.stdout.splitlines()
    assert first == "MRN 42: die Nachricht hat kein Geburtsdatum (PID-7) zum Abgleich"
    assert second == "bereits am 20.11.2026 importiert (eingetragen)"


def test_a_german_backup_says_why_it_was_made_in_german(german_window: MainWindow) -> None:
    dialog = german_window.open_backups()
    assert dialog is not None
    dialog.backup_now()  # type: ignore[attr-defined]
    assert dialog.table.item(0, 1).text() == "von Hand"  # type: ignore[attr-defined]
    dialog.accept()
