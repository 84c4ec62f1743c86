"""The way to the window does not make PySide6 build the enum types of its ``Qt``
namespace: a module imported on that way with ``from PySide6.QtCore import Qt`` at its top
made some 95 of them, ~17 ms of the window's start (the benchmark's window-shown figure
went from 1.30× to 1.69× its floor). Runs in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

#: Prints how many enum types importing the window's module makes.
COUNT = """
import enum
made = [0]
create = enum.EnumType._create_
def counting(*args, **kwargs):
    made[0] += 1
    return create(*args, **kwargs)
enum.EnumType._create_ = counting
import PySide6.QtWidgets
before = made[0]
import wardchart.ui.main_window
print(made[0] - before)
"""


def test_importing_the_window_builds_few_enum_types() -> None:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", COUNT], env=env, capture_output=True, text=True, check=True
    )
    made = int(done.stdout.strip().splitlines()[-1])
    assert made < 60, f"{made} enum types made on the way to the window (27 expected)"
