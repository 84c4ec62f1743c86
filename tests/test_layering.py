"""The layering holds at run time: domain and storage never load Qt; the CLI starts light."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import wardchart.domain
import wardchart.storage
from wardchart.storage.database import ChartStore

HEAVY = ("PySide6", "pyqtgraph", "shiboken6")


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [m.name for m in pkgutil.walk_packages(path, prefix)]


def _loaded_after(imports: list[str]) -> set[str]:
    code = ";".join(f"import {m}" for m in imports)
    code += ";import sys;print('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_domain_and_storage_load_no_qt() -> None:
    modules = _modules(wardchart.domain) + _modules(wardchart.storage)
    assert len(modules) > 15
    loaded = _loaded_after(modules)
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_domain_loads_no_sql() -> None:
    loaded = _loaded_after(_modules(wardchart.domain))
    assert "sqlite3" not in loaded
    assert "sqlite_utils" not in loaded


def test_the_command_line_does_not_load_qt() -> None:
    loaded = _loaded_after(
        ["wardchart.cli", "wardchart.cli.parser", "wardchart.session", "wardchart.demo"]
    )
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_the_window_module_does_not_load_pyqtgraph() -> None:
    # The window is shown before the ~0.9 s pyqtgraph import (see benchmarks/README.md).
    loaded = _loaded_after(["wardchart.app", "wardchart.ui.main_window"])
    assert "PySide6.QtWidgets" in loaded
    assert "pyqtgraph" not in loaded


def test_the_window_opens_and_draws_a_chart_without_sqlite_utils_or_the_changes(
    ward: ChartStore, tmp_path: Path
) -> None:
    # Reading needs only sqlite3; sqlite-utils (and its ~100 ms of imports) is for writes
    # and migrations, so the window's start does not wait for it.
    ward.close()
    code = f"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from wardchart.app import open_session
from wardchart.ui.main_window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
assert open_session(window, Path({str(ward.path)!r}), "nurse", None) == 0
window.load_chart()
while window.census_loader.running:
    app.processEvents()
app.processEvents()
assert window.patient_view.chart is not None
import linecache
print("|".join(sorted(f for f in linecache.cache if "wardchart" in f)))
print("sqlite_utils" in sys.modules, "wardchart.session.changes" in sys.modules)
print(*sorted(sys.modules))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    env["XDG_STATE_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    # Nor the typed changes (~15 ms of dataclasses): they are needed at the first save.
    assert done.stdout.splitlines()[-2].split() == ["False", "False"]
    # Nor what only a sign-in, a damaged file or a new file needs: argon2 (a file without
    # accounts), the backups (with the file-system checks and socket), uuid (with platform).
    loaded = set(done.stdout.splitlines()[-1].split())
    assert not {"argon2", "wardchart.storage.backup", "uuid"} & loaded
    # Nor, on a ward without a hub, the hub's status bar and banner.
    assert "wardchart.ui.hub_sync" not in loaded
    # Nor the html module (its table of named characters): the header escapes without it.
    assert "html" not in loaded
    # PySide6 did not read the source of the modules that load with the window
    # (wardchart/ui/pyside_source_check.py): none of the chart's is in linecache.
    read = [Path(f).parent.name for f in done.stdout.splitlines()[-3].split("|")]
    assert not {"domain", "storage", "session"} & set(read)


#: Loaded only after the window is on screen: the rotating log's handler (with the socket,
#: pickle and queue modules), the machine file's TOML parser, JSON, HTML escaping, SQLite;
#: ``locale``, which argparse's translation lookups load while a parser is built (the
#: window's command lines are read without one).
NOT_BEFORE_THE_WINDOW = (
    "locale",
    "tomllib",
    "json",
    "html",
    "sqlite3",
    "sqlite_utils",
    "pyqtgraph",
    "psycopg",
)


def test_the_window_shows_before_the_log_and_the_chart_file_are_loaded(
    ward: ChartStore, tmp_path: Path
) -> None:
    # What the real start (``wardchart --db FILE``) has loaded when the window is first
    # painted; native crashes already go to crash.log by then.
    ward.close()
    code = f"""
import faulthandler, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from wardchart.ui import main_window

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, main_window.MainWindow):
            print(faulthandler.is_enabled())
            print(" ".join(sorted(sys.modules)), flush=True)
            QApplication.instance().exit(0)
        return False

original = main_window.MainWindow.__init__
def init(window):
    original(window)
    window._watch = Watch()
    QApplication.instance().installEventFilter(window._watch)
main_window.MainWindow.__init__ = init
from wardchart.cli import main
main(["--db", {str(ward.path)!r}])
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    env["XDG_STATE_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    enabled, modules = done.stdout.splitlines()[:2]
    assert enabled == "True"
    loaded = set(modules.split())
    assert "wardchart.ui.main_window" in loaded
    assert not {m for m in loaded if m.split(".")[0] in NOT_BEFORE_THE_WINDOW}
    assert "logging.handlers" not in loaded
    assert (tmp_path / "wardchart" / "log" / "crash.log").is_file()
