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


def _watch(is_target: object) -> None:
    """Call ``_finish`` once the first paint ``is_target(obj)`` accepts has completed."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class Watch(QObject):
        fired = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if not self.fired and event.type() == QEvent.Type.Paint and is_target(obj):  # type: ignore[operator]
                self.fired = True
                QTimer.singleShot(0, _finish)
            return False

    app = QApplication.instance()
    assert app is not None
    watch = Watch(app)
    app.installEventFilter(watch)


def run_wardchart(until: str, db: str) -> None:
    from wardchart.ui import main_window

    targets: list[object] = []
    original_init = main_window.MainWindow.__init__
    original_load = main_window.MainWindow.load_chart

    def init(window: main_window.MainWindow) -> None:
        original_init(window)
        if until == "shown":
            targets.append(window)
        _watch(lambda obj: bool(targets) and obj is targets[0])

    def load_chart(window: main_window.MainWindow) -> None:
        original_load(window)
        view = window.patient_view.chart_view
        if until == "chart" and view is not None:
            targets.append(view.graphics.viewport())

    main_window.MainWindow.__init__ = init  # type: ignore[method-assign,assignment]
    main_window.MainWindow.load_chart = load_chart  # type: ignore[method-assign,assignment]
    from wardchart.cli import main

    sys.exit(main(["--db", db]))


def run_pyside() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    _watch(lambda obj: obj is window)
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
    _watch(lambda obj: obj is plot.viewport())
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
