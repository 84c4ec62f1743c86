"""Down and Up move through the census and the records tables, as keys pressed on the
window (through the window system, shortcuts and all) move them; Down from the filter
moves into the census."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from wardchart.domain.records import RecordKind
from wardchart.ui.main_window import MainWindow


def _on_top(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())


def _click_row(window: MainWindow, table: QTableView, row: int) -> None:
    """A click on a row, as the mouse clicks it: on the window."""
    cell = table.visualRect(table.model().index(row, 0)).center()
    at = table.viewport().mapTo(window, cell)
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(at))


def _key(window: MainWindow, key: Qt.Key) -> None:
    QTest.keyClick(window.windowHandle(), key)


def test_down_and_up_move_through_the_census(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _on_top(qtbot, window)
    table = window.census.table
    assert table.model().rowCount() >= 2
    _click_row(window, table, 0)
    assert table.hasFocus()
    assert table.currentIndex().row() == 0
    _key(window, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    _key(window, Qt.Key.Key_Up)
    assert table.currentIndex().row() == 0


def test_down_from_the_filter_moves_into_the_census(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _on_top(qtbot, window)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.census.filter.hasFocus()
    _key(window, Qt.Key.Key_Down)
    assert window.census.table.hasFocus()


def test_down_and_up_move_through_a_records_table(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _on_top(qtbot, window)
    _click_row(window, window.census.table, 0)
    table = window.patient_view.records.views[RecordKind.RESULTS]
    assert table.model().rowCount() >= 2
    table.scrollToTop()
    _click_row(window, table, 0)
    assert table.hasFocus()
    _key(window, Qt.Key.Key_Down)
    assert table.hasFocus()
    assert table.currentIndex().row() == 1
    _key(window, Qt.Key.Key_Up)
    assert table.currentIndex().row() == 0
