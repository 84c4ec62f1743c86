"""The program's log: time, version and level per line, never patient data; native crashes
in crash.log; a portable install keeps its logs beside the program; Help → Show log folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wardchart import __version__

NAME, MRN = "Quintessa, Zebedee", "MRN-7719-QZ"


def run(*args: str, env: dict[str, str], program: list[str] | None = None) -> str:
    done = subprocess.run(
        [*(program or [sys.executable, "-m", "wardchart"]), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stderr


def environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "WARDCHART_DB": "",
        "QT_QPA_PLATFORM": "offscreen",
    }


def test_the_log_has_time_version_and_level_and_never_a_patient(tmp_path: Path) -> None:
    env = environment(tmp_path)
    db = ["--db", str(tmp_path / "ward.sqlite")]
    add = ["patient", "add", "--mrn", MRN, "--name", NAME, "--dob", "1961-02-03"]
    run(*db, *add, env=env)
    err = run(*db, *add, env=env)  # admitted twice: refused, naming the MRN on stderr
    assert MRN in err
    run(*db, "patient", "list", env=env)
    run(*db, "export", "--format", "csv", "--out", str(tmp_path / "out.csv"), env=env)
    # An unexpected error whose message quotes what was typed.
    crash = (
        "import sys; from wardchart.logs import log_exception\n"
        "try:\n"
        f"    raise ValueError('no bed for {NAME} ({MRN})')\n"
        "except ValueError:\n"
        "    print(log_exception(*sys.exc_info()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", crash], env=env, capture_output=True, text=True, check=True
    )
    log = tmp_path / "state" / "wardchart" / "log" / "wardchart.log"
    assert done.stdout.strip() == str(log)
    text = log.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if re.match(r"\d{4}-\d\d-\d\dT", line)]
    assert len(lines) >= 5
    for line in lines:
        assert re.match(
            rf"\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{{4}} wardchart {re.escape(__version__)} "
            r"(INFO|ERROR) ",
            line,
        ), line
    assert "start: command patient_add" in text
    assert "ValueError: (message withheld" in text
    for secret in (NAME, "Quintessa", "Zebedee", MRN, "1961-02-03"):
        assert secret not in text


def test_a_native_crash_is_written_to_crash_log(tmp_path: Path) -> None:
    env = environment(tmp_path)
    code = (
        "from wardchart.logs import setup_logging; setup_logging(); "
        "import ctypes; ctypes.string_at(0)"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=False)
    assert done.returncode != 0
    crash = (tmp_path / "state" / "wardchart" / "log" / "crash.log").read_text()
    assert "Fatal Python error: Segmentation fault" in crash


def test_a_portable_install_keeps_its_logs_in_data(tmp_path: Path) -> None:
    program = tmp_path / "stick" / "wardchart"
    program.mkdir(parents=True)
    (program / "wardchart-portable").write_text("")
    launcher = program / "launch.py"
    launcher.write_text("import sys\nfrom wardchart.cli import main\nsys.exit(main())\n")
    env = environment(tmp_path)
    run("patient", "list", env=env, program=[sys.executable, str(launcher)])
    assert (program / "data" / "logs" / "wardchart.log").is_file()
    assert not (tmp_path / "state" / "wardchart").exists()


def test_help_show_log_folder_opens_the_log_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMenu

    from wardchart.logs import log_folder
    from wardchart.ui.main_window import MainWindow

    class Opened(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url)

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        action = window.actions_by_name["log_folder"]
        menus = window.menuBar().findChildren(QMenu)
        help_menu = next(m for m in menus if m.title() == "&Help")
        assert action in help_menu.actions()
        assert action.text() == "Show &log folder"
        action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened.urls] == [str(log_folder())]
    assert log_folder() == Path(os.environ["XDG_STATE_HOME"]) / "wardchart" / "log"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_log_is_owner_only(tmp_path: Path) -> None:
    env = environment(tmp_path)
    run("--db", str(tmp_path / "ward.sqlite"), "patient", "list", env=env)
    log = tmp_path / "state" / "wardchart" / "log" / "wardchart.log"
    assert log.stat().st_mode & 0o077 == 0


def test_with_no_file_manager_show_log_folder_says_where_the_folder_is(qtbot) -> None:  # type: ignore[no-untyped-def]
    # A locked-down ward computer may have no file manager (offscreen has none): the nurse
    # or IT is told the folder instead of nothing happening.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from wardchart.logs import log_folder
    from wardchart.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(20, read_and_close)
    window.actions_by_name["log_folder"].trigger()
    assert len(shown) == 1
    assert str(log_folder()) in shown[0]
