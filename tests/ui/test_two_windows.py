"""A window notices another process writing the same chart file, and refreshes."""

from __future__ import annotations

import subprocess
import sys

from wardchart.storage.database import ChartStore
from wardchart.ui.main_window import WATCH_MS, MainWindow


def test_a_save_from_another_process_appears_in_the_window(
    qtbot,
    window: MainWindow,
    ward: ChartStore,  # type: ignore[no-untyped-def]
) -> None:
    assert window.census.model.rowCount() == 2
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "wardchart",
            "--db",
            str(ward.path),
            "patient",
            "add",
            "--mrn",
            "X-9",
            "--name",
            "Other, Window",
            "--dob",
            "1970-01-01",
            "--bed",
            "4C-01",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: window.census.model.rowCount() == 3, timeout=3 * WATCH_MS + 2000)
