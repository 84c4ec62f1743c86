"""The window in German: menus, census, patient header and records read German, with
German dates and decimal commas; the language chosen under View → Language is used at the
next start, and a language the machine file locks wins over it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from ward_fixture import A_DAY1S, NOW

from wardchart import i18n
from wardchart.domain.records import RecordKind
from wardchart.storage import queries
from wardchart.storage.database import ChartStore
from wardchart.ui import settings
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession


@pytest.fixture
def back_to_english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The test starts "wardchart" itself (no language in the environment); English after."""
    monkeypatch.delenv(i18n.ENV_LANGUAGE)
    yield
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "en")
    i18n.install()


def install_language() -> str:
    """What wardchart does at start-up to choose its language."""
    from wardchart.app import install_language as at_start

    return at_start()


def _open(qtbot, store: ChartStore) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_session(ChartSession(store, "nurse b", clock=lambda: NOW))
    window.load_chart()
    window.show()
    return window


@pytest.fixture
def german_window(qtbot, german: None, ward: ChartStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = _open(qtbot, ward)
    yield window
    window.close()


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _select(window: MainWindow, mrn: str) -> None:
    patient = queries.find_patient(window.session.store.db, mrn)  # type: ignore[union-attr]
    assert patient is not None
    assert window.census.select(patient.id)


def _census_line(window: MainWindow, mrn: str) -> dict[str, str]:
    model = window.census.model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for row in range(model.rowCount()):
        cells = [model.index(row, c).data() for c in range(model.columnCount())]
        if mrn in cells:
            return dict(zip(headings, cells, strict=True))
    raise AssertionError(mrn)


def test_the_window_reads_german(german_window: MainWindow) -> None:
    window = german_window
    assert _menus(window) == ["&Datei", "&Patient", "&Kurve", "&Ansicht", "&Station", "&Hilfe"]
    assert window.actions_by_name["cbc"].text() == "&Blutbild eintragen…"
    headings = list(_census_line(window, "A-1"))
    assert headings[:5] == ["Bett", "Name", "MRN", "Zyklus", "ANC"]
    a = _census_line(window, "A-1")
    assert a["Nadir"] == "jetzt"  # short: "im Fenster" is in the tooltip
    assert re.match(r"0,30 · ", a["ANC"]), a["ANC"]
    assert "Angemeldet als nurse b" in window.status.text()
    assert window.census.filter.placeholderText().startswith("Filtern nach Name")


def test_the_patient_header_and_records_have_german_dates_and_decimal_commas(
    german_window: MainWindow,
) -> None:
    window = german_window
    _select(window, "A-1")
    header = window.patient_view.header.text()
    assert "Geb. 01.05.1950" in header
    day1 = A_DAY1S[1]
    assert f"Tag 1: {day1:%d.%m.%Y}" in header
    assert "1950-05-01" not in header
    records = window.patient_view.records
    assert records.tabs.tabText(0) == "Ergebnisse"
    results = records.models[RecordKind.RESULTS]
    assert results.headerData(0, Qt.Orientation.Horizontal) == "Abgenommen"
    taken, _day, wbc, anc = results.cells(0)[:4]
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", taken), taken
    assert anc == "3,90"
    assert wbc == "7,80"
    temperature = records.models[RecordKind.TEMPERATURES].cells(0)
    assert temperature[1] == "38,5 °C"
    cycles = records.models[RecordKind.CYCLES]
    assert cycles.cells(0)[2] == f"{A_DAY1S[0]:%d.%m.%Y}"


def test_the_language_chosen_in_the_window_is_used_at_the_next_start(
    qtbot,  # type: ignore[no-untyped-def]
    ward: ChartStore,
    back_to_english: None,
) -> None:
    i18n.install("en")
    window = _open(qtbot, ward)
    assert _menus(window)[0] == "&File"
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    language = next(a.menu() for a in view.actions() if a.text() == "&Language")
    language.aboutToShow.emit()
    entries = {a.text(): a for a in language.actions()}
    assert entries["&System default"].isChecked()
    entries["Deutsch"].trigger()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
    assert box.text() == "wardchart will be in German the next time it starts."
    assert "next time" in box.text()
    box.close()
    assert settings.load(settings.LANGUAGE) == "de"
    assert _menus(window)[0] == "&File"  # this window stays as it was
    window.close()

    assert install_language() == "de"  # the next start
    again = _open(qtbot, ward)
    assert _menus(again)[0] == "&Datei"
    language = next(
        a.menu()
        for v in again.menuBar().actions()
        if v.text() == "&Ansicht"
        for a in v.menu().actions()
        if a.text() == "&Sprache"
    )
    language.aboutToShow.emit()
    assert {a.text(): a.isChecked() for a in language.actions()}["Deutsch"]
    again.close()


def test_a_language_locked_by_the_machine_file_wins_over_the_users_choice(
    qtbot,  # type: ignore[no-untyped-def]
    ward: ChartStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    back_to_english: None,
) -> None:
    machine = tmp_path / "wardchart.toml"
    machine.write_text('language = "de"\nlock = ["language"]\n', encoding="utf-8")
    monkeypatch.setenv("WARDCHART_MACHINE_CONFIG", str(machine))
    settings.store(settings.LANGUAGE, "en")  # the user's own choice
    assert install_language() == "de"
    window = _open(qtbot, ward)
    assert _menus(window)[0] == "&Datei"
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Ansicht")
    language = next(a.menu() for a in view.actions() if a.text() == "&Sprache")
    language.aboutToShow.emit()
    deutsch = next(a for a in language.actions() if a.text() == "Deutsch")
    assert deutsch.isChecked()
    assert not deutsch.isEnabled()
    assert str(machine) in deutsch.toolTip()
    window.close()
    # The environment variable still chooses for one run.
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "en")
    assert install_language() == "en"
    # Unlocked, the machine file's language is only this computer's default.
    machine.write_text('language = "de"\n', encoding="utf-8")
    monkeypatch.delenv(i18n.ENV_LANGUAGE)
    assert install_language() == "en"  # the user chose English
    settings.store(settings.LANGUAGE, "")
    assert install_language() == "de"


def _language_menu(window: MainWindow) -> dict[str, QAction]:
    view = window.menuBar().actions()[3].menu()  # View / Ansicht
    menu = next(a.menu() for a in view.actions() if a.text() in ("&Language", "&Sprache"))
    menu.aboutToShow.emit()
    return {a.text(): a for a in menu.actions()}


def test_the_language_menu_ticks_the_language_the_environment_chose(
    qtbot,  # type: ignore[no-untyped-def]
    ward: ChartStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    back_to_english: None,
) -> None:
    machine = tmp_path / "wardchart.toml"
    machine.write_text('language = "de"\nlock = ["language"]\n', encoding="utf-8")
    monkeypatch.setenv("WARDCHART_MACHINE_CONFIG", str(machine))
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "en")
    assert install_language() == "en"
    window = _open(qtbot, ward)
    entries = _language_menu(window)
    assert entries["English"].isChecked()  # what is in use, not the locked Deutsch
    assert not entries["Deutsch"].isChecked()
    assert not entries["Deutsch"].isEnabled()
    assert i18n.ENV_LANGUAGE in entries["English"].toolTip()
    window.close()
    for plain_locale in ("C", "POSIX"):  # the system's plain locale is English
        monkeypatch.setenv(i18n.ENV_LANGUAGE, plain_locale)
        assert install_language() == "en"


def test_a_saved_language_is_read_in_any_case(
    qtbot,  # type: ignore[no-untyped-def]
    ward: ChartStore,
    back_to_english: None,
) -> None:
    settings.store(settings.LANGUAGE, "DE")
    try:
        assert install_language() == "de"
        window = _open(qtbot, ward)
        entries = _language_menu(window)
        assert entries["Deutsch"].isChecked()
        assert not entries["&Systemsprache"].isChecked()
        window.close()
    finally:
        settings.store(settings.LANGUAGE, "")


def test_a_wrong_language_in_the_machine_file_is_named(tmp_path: Path) -> None:
    from wardchart.storage.machine_config import MachineConfigError, parse_machine_config

    with pytest.raises(MachineConfigError, match="language: give one of en, de"):
        parse_machine_config('language = "german"\n', tmp_path / "wardchart.toml")


def test_the_start_up_failure_dialog_is_in_the_language_chosen(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    back_to_english: None,
) -> None:
    from test_startup_failure import start_window

    machine = tmp_path / "wardchart.toml"
    machine.write_text('language = "de"\nlock = ["language"]\n', encoding="utf-8")
    monkeypatch.setenv("WARDCHART_MACHINE_CONFIG", str(machine))
    chart = tmp_path / "ward.sqlite"
    chart.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    status, seen = start_window(["--db", str(chart)], monkeypatch)
    assert status == 2
    assert seen["title"] == "wardchart kann die Kurvendatei nicht öffnen"
    assert "letzte geprüfte Sicherung wiederherzustellen" in seen["advice"]
    assert "Das Protokoll des Programms liegt in" in seen["advice"]
