"""PySide6's question "does this module's source mention PySide6?" is answered from the
file's bytes, with the same answer as PySide6's own way of reading it."""

from __future__ import annotations

import json
import sys

import wardchart.domain.texts
import wardchart.ui.main_window
from wardchart.ui.pyside_source_check import installed


def test_every_loaded_module_gets_the_answer_pyside6_would_give() -> None:
    check = installed()
    assert check is not None
    for name, module in list(sys.modules.items()):
        assert check(module) == bool(check.original(module)), name
    assert check(wardchart.ui.main_window)
    assert not check(wardchart.domain.texts)
    assert not check(json)
    assert not check(sys)  # built in: no file, asked PySide6's way
