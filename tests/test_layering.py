"""The layering holds at run time: domain and storage never load Qt; the CLI starts light."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import wardchart.domain
import wardchart.storage

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
    # The window is shown before the ~0.9 s pyqtgraph import (issue 3, §8c of the research).
    loaded = _loaded_after(["wardchart.app", "wardchart.ui.main_window"])
    assert "PySide6.QtWidgets" in loaded
    assert "pyqtgraph" not in loaded
