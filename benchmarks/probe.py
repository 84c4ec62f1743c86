"""One cold start, run as its own process: ``python benchmarks/probe.py KIND UNTIL [DB]``.

KIND is ``wardchart`` (the real program on DB, as ``wardchart --db DB`` runs it),
``pyside`` (the floor: QApplication and an empty QMainWindow) or ``pyqtgraph`` (the floor:
a PlotWidget with two 30-point curves). UNTIL is ``shown`` (the window's first paint)
or ``chart`` (the plot's first paint with data on it). When it gets there the probe
prints one line, ``MARK <peak resident KiB>``, and exits at once; the parent times the
process from spawn to that line. Run as a script so no package import adds to it.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def _peak_kib() -> int:
    """The process's peak resident memory (VmHWM) in KiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _finish() -> None:
    print(f"MARK {_peak_kib()}", flush=True)
    os._exit(0)  # teardown is not part of a start


#: Qt::HighEventPriority; ``Qt.EventPriority`` is not touched: PySide6 would build the
#: ~90 enums of the ``Qt`` namespace (~15 ms) for the measuring.
HIGH_EVENT_PRIORITY = 1


def _watch(target: Any) -> None:
    """Call ``_finish`` once ``target``'s first paint has completed.

    The filter is on the target alone, not on the application: an application-wide
    filter passes every event of the process through Python, and the first event of a
    kind PySide6 has not wrapped yet makes it build that type and its enums (~24 ms for
    the window's toolbar animation timer), a cost of the measuring, not of the start.
    The finish is posted at high priority, so it comes straight after the paint, before
    the work the window itself queued for after its first paint.
    """
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    paint = QEvent.Type.Paint
    finish = QEvent.Type(QEvent.registerEventType())

    class Watch(QObject):
        fired = False

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if not self.fired and event.type() == paint:
                self.fired = True
                QCoreApplication.postEvent(self, QEvent(finish), HIGH_EVENT_PRIORITY)
            return False

        def event(self, event: QEvent) -> bool:
            if event.type() == finish:
                _finish()
            return super().event(event)

    target.installEventFilter(Watch(target))


def run_wardchart(until: str, db: str) -> None:
    from wardchart.ui import main_window

    original_init = main_window.MainWindow.__init__
    original_load = main_window.MainWindow.load_chart

    def init(window: main_window.MainWindow) -> None:
        original_init(window)
        if until == "shown":
            _watch(window)

    def load_chart(window: main_window.MainWindow) -> None:
        original_load(window)
        view = window.patient_view.chart_view
        if until == "chart" and view is not None:
            _watch(view.graphics.viewport())

    main_window.MainWindow.__init__ = init  # type: ignore[method-assign,assignment]
    main_window.MainWindow.load_chart = load_chart  # type: ignore[method-assign,assignment]
    from wardchart.cli import main

    sys.exit(main(["--db", db]))


def run_pyside() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    _watch(window)
    window.resize(1366, 768)
    window.show()
    sys.exit(app.exec())


def run_pyqtgraph() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    x = list(range(30))
    plot.plot(x, [4 - 3 * abs(i - 12) / 15 for i in x], pen="b", symbol="o")
    plot.plot(x, [6 - 4 * abs(i - 12) / 15 for i in x], pen="k", symbol="s")
    _watch(plot.viewport())
    plot.resize(1366, 768)
    plot.show()
    sys.exit(app.exec())


if __name__ == "__main__":
    kind, until = sys.argv[1], sys.argv[2]
    if kind == "wardchart":
        run_wardchart(until, sys.argv[3])
    elif kind == "pyside":
        run_pyside()
    else:
        run_pyqtgraph()
