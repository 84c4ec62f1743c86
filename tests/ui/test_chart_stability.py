"""The chart can be repainted all shift long.

PySide6 6.12.0 drops a reference to None on every Python ``paint`` override; on Python
3.11 a chart repainted for long enough then kills the program ("none_dealloc"). This
test repaints the real chart and fails if None's reference count falls.
"""

from __future__ import annotations

import sys

from wardchart.ui.main_window import MainWindow


def test_repainting_the_chart_does_not_leak_none(window: MainWindow) -> None:
    view = window.patient_view.chart_view
    assert view is not None
    view.graphics.grab()
    before = sys.getrefcount(None)
    for _ in range(30):
        view.graphics.grab()
    assert sys.getrefcount(None) >= before - 5
