"""Fixtures for window tests: a real chart file with known patients, isolated QSettings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from ward_fixture import NOW

from wardchart.storage.database import ChartStore
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> None:
    """QSettings go to tmp_path, never to the developer's own settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture
def window(qtbot, ward: ChartStore) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The real main window on the real chart file, chart loaded; closed before the file."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_session(ChartSession(ward, "nurse b", clock=lambda: NOW))
    win.load_chart()
    win.show()
    yield win
    win.close()
