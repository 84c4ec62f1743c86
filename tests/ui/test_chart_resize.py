"""After the chart is resized, what is on screen is what a whole repaint of it draws.

The day grid is drawn by the day axis across its plot; its extent follows the plot's
height without pyqtgraph telling Qt. Grid lines of the old height stayed on screen over
the chart's title and legend when the plot became shorter (the splitter under the chart
dragged up, a taller header, a lower window), until something else repainted there.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem
from test_select_redraw import select

from wardchart.ui.main_window import MainWindow


def _on_screen(qtbot, window: MainWindow) -> QImage:  # type: ignore[no-untyped-def]
    """The chart as the window's backing store holds it: what was painted, not a fresh
    rendering."""
    qtbot.wait(50)
    view = window.patient_view.chart_view
    assert view is not None
    viewport = view.graphics.viewport()
    corner = viewport.mapTo(window, viewport.rect().topLeft())
    shot = window.screen().grabWindow(window.winId()).toImage()
    return shot.copy(corner.x(), corner.y(), viewport.width(), viewport.height())


def _drawn_afresh(qtbot, window: MainWindow) -> QImage:  # type: ignore[no-untyped-def]
    """The chart at its present size with every axis drawn again and painted whole."""
    view = window.patient_view.chart_view
    assert view is not None
    axes = (view.count_axis, view.temp_axis, view.level_axis, view.temp_level_axis)
    for axis in (*axes, view.grade_axis, view.fever_axis):
        assert axis.cacheMode() == QGraphicsItem.CacheMode.NoCache  # nothing kept to reuse
        axis.redraw()
    view.graphics.viewport().update()
    return _on_screen(qtbot, window)


@pytest.mark.parametrize("change", [-80, 80, -160])
def test_dragging_the_splitter_leaves_nothing_of_the_old_chart(
    qtbot, window: MainWindow, change: int
) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    select(window, "A-1")
    qtbot.wait(50)
    splitter = window.patient_view.splitter
    sizes = splitter.sizes()
    splitter.setSizes([sizes[0] + change, sizes[1] - change, *sizes[2:]])
    assert splitter.sizes() != sizes
    after = _on_screen(qtbot, window)
    assert after == _drawn_afresh(qtbot, window)


def test_a_lower_window_leaves_nothing_of_the_old_chart(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 900)
    select(window, "A-1")
    qtbot.wait(50)
    window.resize(1366, 700)
    after = _on_screen(qtbot, window)
    assert after == _drawn_afresh(qtbot, window)


def test_patients_selected_in_turn_leave_nothing_of_each_other(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Each selection, and calendar dates turned on and off, show what the chart drawn
    afresh shows."""
    window.resize(1366, 768)
    dates = window.patient_view.calendar_box
    for mrn, calendar in (("A-1", False), ("B-2", False), ("A-1", True), ("B-2", True)):
        if dates.isChecked() != calendar:
            dates.click()
        select(window, mrn)
        after = _on_screen(qtbot, window)
        assert after == _drawn_afresh(qtbot, window), (mrn, calendar)
