"""A chart file the window cannot open: a dialog with the reason and what to do (started from
a menu nobody sees stderr), and still the command line's one line on stderr."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from wardchart.cli import main
from wardchart.storage.database import open_chart


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> None:
    """The application exists before the test's timer is set, as in a real start."""


def start_window(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, str]]:
    """Start the window as ``wardchart ARGS`` does; read and close the failure dialog."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its own
    seen: dict[str, str] = {}
    tries = [0]
    started = [True]  # once this start is over, its watch stops (never the next test's dialog)

    def close_when_shown() -> None:
        if not started[0]:
            return
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "startup_failure"
        ]
        if shown and shown[0].isVisible():
            box = shown[0]
            seen["title"] = box.windowTitle()
            seen["text"] = box.text()
            seen["advice"] = box.informativeText()
            QTest.keyClick(box, Qt.Key.Key_Return)
            return
        tries[0] += 1
        if tries[0] < 400:
            QTimer.singleShot(50, close_when_shown)

    QTimer.singleShot(50, close_when_shown)
    status = main(args)
    started[0] = False
    for widget in QApplication.topLevelWidgets():
        widget.close()
    return status, seen


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("wardchart: error: ")
    return lines[0]


def test_a_damaged_chart_file_is_explained_in_a_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chart = tmp_path / "ward.sqlite"
    chart.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    status, seen = start_window(["--db", str(chart)], monkeypatch)
    assert status == 2
    assert seen["title"] == "wardchart cannot open the chart file"
    assert "is damaged or is not a wardchart chart file" in seen["text"]
    assert str(chart) in seen["text"]
    assert "restore the latest verified backup" in seen["advice"]
    assert "log is in" in seen["advice"]
    assert "damaged" in one_error_line(capsys.readouterr().err)


def test_a_chart_from_a_newer_version_says_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chart = tmp_path / "ward.sqlite"
    open_chart(chart).close()
    conn = sqlite3.connect(chart)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('wardchart', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    status, seen = start_window(["--db", str(chart)], monkeypatch)
    assert status == 2
    assert "newer wardchart" in seen["text"]
    assert "Install that version" in seen["advice"]
    assert "newer wardchart" in one_error_line(capsys.readouterr().err)


def test_a_chart_path_that_cannot_be_a_folder_is_explained_before_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    chart = not_a_folder / "ward.sqlite"
    status, seen = start_window(["--db", str(chart)], monkeypatch)
    assert status == 2
    assert "Not a directory" in seen["text"]
    assert "Not a directory" in one_error_line(capsys.readouterr().err)


def test_a_bad_machine_file_is_explained_in_a_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    machine = tmp_path / "wardchart.toml"
    machine.write_text('fn_rule = "whenever"\n')
    monkeypatch.setenv("WARDCHART_MACHINE_CONFIG", str(machine))
    status, seen = start_window(["--db", str(tmp_path / "ward.sqlite")], monkeypatch)
    assert status == 2
    assert f"machine configuration {machine}: fn_rule:" in seen["text"]
    assert "Ask IT to check the machine configuration" in seen["advice"]
    assert "fn_rule" in one_error_line(capsys.readouterr().err)


def test_a_command_prints_its_line_and_shows_no_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chart = tmp_path / "ward.sqlite"
    chart.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    status, seen = start_window(["--db", str(chart), "patient", "list"], monkeypatch)
    assert status == 2
    assert seen == {}
    assert "damaged" in one_error_line(capsys.readouterr().err)
