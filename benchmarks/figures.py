"""Each figure beside its floor, measured in the same run.

A figure is a list of timings (seconds) of the real work, and where the table has one,
a list of timings of its floor: the same work done by the bare library underneath.
In-process figures run on one offscreen QApplication, on working copies of the
generated chart files, so the files the run generated are never changed.
"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from statistics import median
from typing import Any

PROBE = Path(__file__).with_name("probe.py")


@dataclass
class Figure:
    """One row of the table."""

    name: str
    unit: str  # "ms" or "MiB"
    samples: list[float]
    floor_name: str = ""
    floor: list[float] = field(default_factory=list)
    target: str = ""
    #: (limit, "ratio" | "value" | "ratio_of:<figure>") checked by ``met``.
    limits: list[tuple[float, str]] = field(default_factory=list)

    @property
    def median(self) -> float:
        return median(self.samples)

    @property
    def ratio(self) -> float | None:
        return self.median / median(self.floor) if self.floor else None

    def met(self, others: dict[str, Figure]) -> bool | None:
        """Whether every limit holds (None when the figure has no target)."""
        if not self.limits:
            return None
        for limit, kind in self.limits:
            if kind == "value" and self.median > limit:
                return False
            if kind == "ratio" and (self.ratio or 0) > limit:
                return False
            if kind.startswith("ratio_of:"):
                other = others[kind.split(":", 1)[1]]
                if self.median > limit * other.median:
                    return False
        return True

    def as_json(self, others: dict[str, Figure]) -> dict[str, Any]:
        return {
            "figure": self.name,
            "unit": self.unit,
            "runs": len(self.samples),
            "median": self.median,
            "min": min(self.samples),
            "max": max(self.samples),
            "floor": self.floor_name or None,
            "floor_median": median(self.floor) if self.floor else None,
            "ratio": self.ratio,
            "target": self.target or None,
            "met": self.met(others),
        }


def timed(action: Callable[[], Any]) -> float:
    """How long ``action`` takes, in milliseconds."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


# --- cold starts: one process per run -----------------------------------------------------


def cold_start(kind: str, until: str, db: Path | None, env: dict[str, str]) -> tuple[float, float]:
    """Spawn a probe; return (milliseconds to its mark, peak resident MiB)."""
    command = [sys.executable, str(PROBE), kind, until] + ([str(db)] if db else [])
    start = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("MARK "):
                elapsed = (time.perf_counter() - start) * 1000
                process.wait(timeout=30)
                return elapsed, int(line.split()[1]) / 1024
        process.wait(timeout=30)
    raise RuntimeError(f"probe {kind} {until} ended without its mark")


def cold_starts(ward: Path, runs: int, env: dict[str, str]) -> list[Figure]:
    """Cold start to window shown and to first chart, each run beside its floor."""
    pairs = {
        "shown": (("wardchart", "shown", ward), ("pyside", "shown", None)),
        "chart": (("wardchart", "chart", ward), ("pyqtgraph", "chart", None)),
    }
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(runs):  # interleaved, so both sides see the same noise
        for real, floor in pairs.values():
            for kind, until, db in (real, floor):
                times.setdefault((kind, until), []).append(cold_start(kind, until, db, env))
    shown, bare = times[("wardchart", "shown")], times[("pyside", "shown")]
    chart, plot = times[("wardchart", "chart")], times[("pyqtgraph", "chart")]
    return [
        Figure(
            "cold start to main window shown (ward file)",
            "ms",
            [t for t, _ in shown],
            "bare PySide6: QApplication + empty QMainWindow shown",
            [t for t, _ in bare],
            "≤ 1.5 × floor",
            [(1.5, "ratio")],
        ),
        Figure(
            "cold start to first chart drawn (ward file)",
            "ms",
            [t for t, _ in chart],
            "bare pyqtgraph: PlotWidget with two 30-point curves shown",
            [t for t, _ in plot],
            "≤ 1.3 × floor",
            [(1.3, "ratio")],
        ),
        Figure(
            "peak memory, ward file, chart shown",
            "MiB",
            [m for _, m in chart],
            "the bare pyqtgraph floor process",
            [m for _, m in plot],
            "≤ 1.3 × floor",
            [(1.3, "ratio")],
        ),
    ]


# --- in the benchmark process -------------------------------------------------------------


@contextlib.contextmanager
def main_window(db: Path, opened: list[float] | None = None) -> Iterator[Any]:
    """The real main window on a chart file, shown offscreen at laptop size; the time
    from opening the file to the whole census on screen is added to ``opened``."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from wardchart.plot.painting_threads import paint_on_one_thread
    from wardchart.storage.database import open_chart
    from wardchart.ui.main_window import MainWindow
    from wardchart.ui.session import ChartSession

    app = QApplication.instance()
    if app is None:
        paint_on_one_thread()  # as wardchart's own start does (``wardchart.app``)
        app = QApplication(["wardchart-bench"])
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.load_chart()
    _settle()
    start = time.perf_counter()
    window.set_session(ChartSession(open_chart(db, create=False), "bench"))
    while window.census_loader.running:  # a big census is read in parts
        app.processEvents()
    _settle()
    if opened is not None:
        opened.append((time.perf_counter() - start) * 1000)
    try:
        yield window
    finally:
        for timer in (window.refresh_timer, window.watch_timer, window.backup_timer):
            timer.stop()
        window.idle_watch.timer.stop()
        assert window.session is not None
        window.session.store.close()
        window.session = None
        window.hide()
        window.deleteLater()
        # Really gone before the next figure: a window kept alive keeps its timers, models
        # and the idle lock's watch of the windows, and later figures would pay for them.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


def _settle() -> None:
    """Deliver what is pending: signals' consequences, layout, and the paints they asked
    for (offscreen, the paints happen inside this call: checked by counting the chart's
    Paint events while these benchmarks were written)."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def census_open(db: Path, runs: int) -> list[float]:
    """Chart file opened in the window until the whole census is on screen (informative:
    the window answers clicks meanwhile, the census is read in parts)."""
    samples: list[float] = []
    for _ in range(runs):
        with main_window(db, opened=samples):
            pass
    return samples


@dataclass
class SelectTimes:
    """Census clicks on the ward and the hospital-scale file, and the floor, interleaved
    run by run so that all three see the same machine."""

    ward: list[float] = field(default_factory=list)
    hospital: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)


def select_patient(ward_db: Path, hospital_db: Path, mrn: str, runs: int) -> SelectTimes:
    """Census click on the patient → header, chart and records table drawn (after the
    other patient was shown); and the floor: the same query plus a bare PlotWidget
    setData of the same points, drawn."""
    import pyqtgraph as pg

    from wardchart.storage import queries

    times = SelectTimes()
    with main_window(ward_db) as ward, main_window(hospital_db) as hospital:
        clicks = []
        for window in (ward, hospital):
            assert window.session is not None
            chosen = queries.find_patient(window.session.store.db, mrn)
            assert chosen is not None
            # Between the patient and the line below it, as a nurse clicks down the list:
            # lines far apart would scroll and redraw the whole census on every click.
            model = window.census.model
            row = model.row_of(chosen.id)
            assert row is not None
            below = model.row_data(row + 1 if row + 1 < model.rowCount() else row - 1)
            clicks.append((window, chosen, below))
        view = ward.patient_view.chart_view
        assert view is not None
        plot = pg.PlotWidget()
        plot.resize(view.size())
        plot.show()
        anc, wbc = plot.plot(), plot.plot()
        assert ward.session is not None
        store = ward.session.store
        patient = clicks[0][1]

        def click(window: Any, patient_id: str) -> None:
            window.census.select(patient_id)
            _settle()

        def floor() -> None:
            records = queries.patient_records(store.db, patient)
            xs = [r.taken.timestamp() for r in records.results]
            anc.setData(xs, [float(r.anc or 0) for r in records.results], symbol="o")
            wbc.setData(xs, [float(r.wbc or 0) for r in records.results], symbol="s")
            _settle()

        for _ in range(runs):
            for (window, chosen, before), into in zip(
                clicks, (times.ward, times.hospital), strict=True
            ):
                click(window, before.patient_id)
                into.append(timed(partial(click, window, chosen.id)))
                assert window.patient_view.chart is not None
                assert window.patient_view.chart.patient.id == chosen.id
            anc.setData([], [])
            wbc.setData([], [])
            _settle()
            times.floor.append(timed(floor))
        plot.close()
        plot.deleteLater()
    return times


def filter_keystrokes(db: Path, text: str, runs: int) -> list[float]:
    """One keystroke in the census filter: the census refiltered and drawn."""
    from PySide6.QtCore import Qt

    samples = []
    with main_window(db) as window:
        line = window.census.filter
        for _ in range(runs):
            for char in text:
                samples.append(timed(partial(_key, line, char)))
            for _char in text:
                samples.append(timed(lambda: _key(line, Qt.Key.Key_Backspace)))
    return samples


def _key(line: Any, key: Any) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(line, key)
    _settle()


def record_cbc(db: Path, mrn: str, runs: int, floor_db: Path) -> tuple[list[float], list[float]]:
    """Validate, commit durably, census line and chart refreshed and drawn; and the floor:
    a raw sqlite3 insert and commit with the same pragmas (WAL, synchronous FULL)."""
    from wardchart.domain.plausibility import CbcEntry
    from wardchart.session.changes import RecordCbc
    from wardchart.storage import queries

    samples = []
    with main_window(db) as window:
        session = window.session
        assert session is not None
        patient = queries.find_patient(session.store.db, mrn)
        assert patient is not None
        window.census.select(patient.id)
        _settle()
        # Taken in the last seconds, one a second: the last is the newest result, whatever
        # the time of day (the generated files have CBCs at 06:00–06:45 and 18:00–18:45;
        # two hours back, as before, fell before them for two hours after each).
        now = session.now()
        for n in range(runs):
            entry = CbcEntry(
                taken=now - timedelta(seconds=runs - n),
                wbc=Decimal("3.1"),
                anc=Decimal("1.4"),
                platelets=Decimal("150"),
            )

            def save(entry: CbcEntry = entry) -> None:
                session.save(RecordCbc(patient=patient, entry=entry, confirm=True))
                _settle()

            samples.append(timed(save))
        assert window.patient_view.chart is not None
        latest = window.patient_view.chart.latest_anc
        assert latest is not None
        assert latest.result.anc == Decimal("1.4")

    for stale in (floor_db, Path(f"{floor_db}-wal"), Path(f"{floor_db}-shm")):
        stale.unlink(missing_ok=True)
    conn = sqlite3.connect(floor_db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE results (id TEXT PRIMARY KEY, patient_id TEXT, wbc TEXT, anc TEXT)")
    floors = []
    for n in range(runs):

        def insert(n: int = n) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO results VALUES (?, 'p', '3.1', '1.4')", (f"r{n}",))
            conn.execute("COMMIT")

        floors.append(timed(insert))
    conn.close()
    return samples, floors


def pdf(db: Path, argv: list[str], runs: int, out: Path) -> list[float]:
    """``wardchart report …`` run in-process (imports warm): open, compute, paint, audit."""
    from wardchart.cli import main

    def run() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            status = main([*argv, "--db", str(db), "--out", str(out)])
        if status != 0:
            raise RuntimeError(f"wardchart {' '.join(argv)} failed ({status})")

    return [timed(run) for _ in range(runs)]


def probe_env(config: Path) -> dict[str, str]:
    """The environment for probes: offscreen unless a display is chosen, own settings."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(config)
    env["XDG_STATE_HOME"] = str(config)
    return env


def own_settings(config: Path) -> dict[str, str]:
    """This process's settings and state go to ``config`` too (the window's, in-process);
    the environment for probes, as ``probe_env``."""
    env = probe_env(config)
    os.environ["XDG_CONFIG_HOME"] = env["XDG_CONFIG_HOME"]
    os.environ["XDG_STATE_HOME"] = env["XDG_STATE_HOME"]
    return env


def today() -> datetime:
    return datetime.now().astimezone()
