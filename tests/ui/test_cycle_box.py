"""The "Show:" box measures its entries as Qt measures a box that fits its contents, and
is painted once when its entries change: Qt's own fitting repaints it 20 ms later."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QComboBox, QVBoxLayout, QWidget

from wardchart.ui.patient_view import CycleBox

ENTRIES = [
    [],
    ["No cycle: baseline only"],
    ["Cycle 1 (current)"],
    ["Cycle 12 (current)", *(f"Cycle {n}" for n in range(11, 0, -1)), "All cycles overlaid"],
    ["Zyklus 3 (aktuell)", "Zyklus 2", "Zyklus 1", "Alle Zyklen überlagert"],
    ["ijl", "WWWWWWWW", "fff"],
]


@pytest.mark.parametrize(
    ("family", "points"), [("", 0.0), ("", 7.5), ("", 16.0), ("DejaVu Serif", 11.0)]
)
def test_the_box_measures_its_entries_as_qt_does(qtbot, family: str, points: float) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = QFont(app.font())
    if family:
        font.setFamily(family)
    if points:
        font.setPointSizeF(points)
    box, qt = CycleBox(), QComboBox()
    for widget in (box, qt):
        qtbot.addWidget(widget)
        widget.setFont(font)
    qt.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for entries in ENTRIES:
        for widget in (box, qt):
            widget.clear()
            widget.addItems(entries)
        assert box.contents_size() == qt.sizeHint(), entries


class Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.at: list[float] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.at.append(time.perf_counter())
        return False


def test_new_entries_paint_the_box_once_and_widen_it_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    box = CycleBox()
    QVBoxLayout(holder).addWidget(box)
    holder.show()
    qtbot.wait(50)
    painted = Painted()
    box.installEventFilter(painted)
    widths = []
    for entries in (ENTRIES[3], ENTRIES[2], ENTRIES[3], ENTRIES[1]):
        painted.at.clear()
        box.clear()
        box.addItems(entries)
        box.fit()
        start = time.perf_counter()
        qtbot.wait(80)  # Qt's own fitting repaints 20 ms after a change
        assert len(painted.at) == 1, entries
        assert painted.at[0] - start < 0.015, entries
        widths.append(box.width())
        assert box.width() >= box.contents_size().width()
    assert widths[0] > CycleBox().contents_size().width()
    assert widths[:3] == [widths[0]] * 3  # never narrower
    assert widths[3] > widths[0]  # "No cycle: baseline only" is wider
