"""The cycle-day chart (pyqtgraph): counts above, temperatures below, one shared x axis.

x is the cycle day on true time (a result's exact time, DN §3); the expected nadir window
is a shaded band; the ANC grade thresholds of the ward's CTCAE version are labelled lines;
the nadir and the recovery are marked; G-CSF doses sit on the same axis. WBC and ANC
differ by line style and marker shape as well as colour, so they survive greyscale
printing and colour blindness. Every draw starts from an empty plot: nothing of the
previous patient can remain (research/peer-systems.md §3.1).

This module imports pyqtgraph (about 0.9 s), so the window imports it after it is shown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from wardchart.domain.chart import ChartedResult, CycleChart, PatientChart
from wardchart.domain.cycles import day_label, day_position
from wardchart.domain.display import count_text
from wardchart.domain.fever import FN_RULES, counts_as_fever
from wardchart.domain.grading import CtcaeVersion
from wardchart.domain.timeparse import iso_local
from wardchart.domain.units import OP_SYMBOL, plain

ANC_COLOUR = "#1f4e9c"
WBC_COLOUR = "#6b6b6b"
BAND_BRUSH = (255, 196, 0, 55)
THRESHOLD_COLOUR = "#9c2f2f"
GCSF_COLOUR = "#1b7f3b"
FEVER_COLOUR = "#c0392b"
FADED_ALPHA = 80
COUNT_LABEL = "count (×10⁹/L)"
#: Above this y-axis height (×10⁹/L) the grade lines are too close for a label each.
COMBINE_THRESHOLD_LABELS_ABOVE = 6.0

#: The ANC bounds drawn for each CTCAE version (CR §2.1, §2.3): (value, grade below it).
THRESHOLDS: dict[CtcaeVersion, tuple[tuple[Decimal, int], ...]] = {
    CtcaeVersion.V5: ((Decimal("1.5"), 2), (Decimal("1.0"), 3), (Decimal("0.5"), 4)),
    CtcaeVersion.V6: (
        (Decimal("1.5"), 1),
        (Decimal("1.0"), 2),
        (Decimal("0.5"), 3),
        (Decimal("0.1"), 4),
    ),
}


class CycleDayAxis(pg.AxisItem):  # type: ignore[misc]
    """Bottom axis labelled in cycle days (D1, D8, …; D−1 before day 1, no day 0) or dates."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.day1: date | None = None
        self.calendar = False

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        span = maxVal - minVal
        if span > 60:
            return [(28.0, 1.0), (7.0, 1.0)]
        if span > 2:
            return [(7.0, 1.0), (1.0, 0.0)]
        return [(1.0, 0.0), (0.25, 0.0)]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [self.label_for(v) for v in values]

    def label_for(self, position: float) -> str:
        """The tick text at a position: "D9", or a date in calendar mode."""
        if position != math.floor(position):
            hours = round((position - math.floor(position)) * 24)
            return f"{hours:02d}:00"
        if self.calendar and self.day1 is not None:
            return (self.day1 + timedelta(days=math.floor(position) - 1)).strftime("%d %b")
        return f"D{day_label(position)}"


@dataclass(frozen=True)
class DrawnCycle:
    """What was drawn for one cycle, kept for tests and for the printout."""

    number: int
    anc_x: tuple[float, ...]
    anc_y: tuple[float, ...]
    wbc_x: tuple[float, ...]
    wbc_y: tuple[float, ...]
    faded: bool


def point_tip(item: ChartedResult, measure: str, chart: PatientChart) -> str:
    """Hover text for a point: exact value, unit, time, cycle day and grade."""
    r = item.result
    value = r.anc if measure == "ANC" else r.wbc
    grade = item.anc_grade if measure == "ANC" else item.wbc_grade
    source = f" ({r.anc_source})" if measure == "ANC" and r.anc_source else ""
    corrected = "\ncorrected" if r.corrected else ""
    return (
        f"{measure} {count_text(value) if value is not None else '—'} ×10⁹/L{source}\n"
        f"{iso_local(r.taken, chart.tz)[:16].replace('T', ' ')}\n"
        f"cycle {item.cycle_number or 'baseline'}, day {item.cycle_day}\n"
        f"{grade if grade is not None else 'not graded'}{corrected}"
    )


class ChartView(QWidget):
    """The two linked plots and everything drawn on them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setAccessibleName("Cycle-day chart of WBC, ANC and temperature")
        self.count_axis = CycleDayAxis()
        self.temp_axis = CycleDayAxis()
        self.counts = self.graphics.addPlot(row=0, col=0, axisItems={"bottom": self.count_axis})
        self.temps = self.graphics.addPlot(row=1, col=0, axisItems={"bottom": self.temp_axis})
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 1)
        self.temps.setXLink(self.counts)
        # One day axis, under the temperatures: the counts' own axis keeps its ticks but
        # not their numbers (the same days 1 cm lower; a quarter of every repaint).
        self.count_axis.setStyle(showValues=False)
        self.counts.setLabel("left", COUNT_LABEL)
        self.temps.setLabel("left", "temp (°C)")
        self.temps.setLabel("bottom", "cycle day")
        for plot in (self.counts, self.temps):
            # Day lines only: the grade thresholds and the fever line are the horizontal
            # references, and a full grid doubled the cost of every repaint.
            plot.showGrid(x=True, y=False, alpha=0.15)
            plot.setMenuEnabled(False)
        self.legend = self.counts.addLegend(
            offset=(60, 6), labelTextSize="9pt", colCount=3, brush=pg.mkBrush(255, 255, 255, 215)
        )
        self.drawn: list[DrawnCycle] = []
        # The furniture of every chart is made once and moved, relabelled, shown or hidden
        # on each draw: adding and removing pyqtgraph items is most of a redraw's cost.
        self.wbc_curve = self._curve(WBC_COLOUR, 255, "WBC (dashed, squares)", wbc=True)
        self.anc_curve = self._curve(ANC_COLOUR, 255, "ANC (solid, circles)", wbc=False)
        for curve in (self.wbc_curve, self.anc_curve):
            self.counts.addItem(curve)
        self.band = pg.LinearRegionItem(
            values=(0, 1),
            orientation="vertical",
            movable=False,
            brush=pg.mkBrush(*BAND_BRUSH),
            pen=pg.mkPen(None),
        )
        self.band.setZValue(-10)
        self.counts.addItem(self.band)
        self.band_label = pg.TextItem("", color="#7a5a00", anchor=(0.5, 0))
        self.band_label.setZValue(-5)
        self.counts.addItem(self.band_label, ignoreBounds=True)
        self._threshold_sets: dict[CtcaeVersion, list[tuple[pg.InfiniteLine, str]]] = {}
        self._threshold_short: dict[pg.InfiniteLine, str] = {}  # "G2 <1.5"
        self._version: CtcaeVersion | None = None
        self.threshold_lines: list[pg.InfiniteLine] = []
        self.day1_lines = (
            pg.InfiniteLine(
                pos=1.0,
                angle=90,
                movable=False,
                pen=pg.mkPen("k", width=1.2),
                label="D1",
                labelOpts={"position": 0.08, "color": "k"},
            ),
            pg.InfiniteLine(pos=1.0, angle=90, movable=False, pen=pg.mkPen("k", width=1.2)),
        )
        self.counts.addItem(self.day1_lines[0], ignoreBounds=True)
        self.temps.addItem(self.day1_lines[1], ignoreBounds=True)
        self.fever_line = pg.InfiniteLine(
            pos=38.0,
            angle=0,
            movable=False,
            pen=pg.mkPen(FEVER_COLOUR, style=Qt.PenStyle.DotLine),
            label=" ",
            labelOpts={"position": 0.02, "color": FEVER_COLOUR, "anchors": [(0, 1), (0, 1)]},
        )
        self.temps.addItem(self.fever_line, ignoreBounds=True)
        self.temp_curve = pg.PlotDataItem(
            pen=pg.mkPen("#555555", width=1), symbol="o", symbolSize=5, symbolBrush="#555555"
        )
        self.temp_curve.scatter.opts["hoverable"] = True
        self.temp_curve.scatter.opts["tip"] = _tip
        self.temps.addItem(self.temp_curve)
        self._nadir_star = pg.ScatterPlotItem(
            symbol="star", size=20, brush=pg.mkBrush("#ffcc00"), pen=pg.mkPen("k", width=1.2)
        )
        self._nadir_star.opts["hoverable"] = True
        self._nadir_star.opts["tip"] = _tip
        self.counts.addItem(self._nadir_star)
        self._nadir_text = pg.TextItem(
            "", color="k", anchor=(0, 1.2), fill=pg.mkBrush(255, 255, 255, 200)
        )
        self.counts.addItem(self._nadir_text, ignoreBounds=True)
        self._furniture = (
            self.band,
            self.band_label,
            *self.day1_lines,
            self.fever_line,
            self._nadir_text,
        )
        # What one draw added, removed by the next.
        self._transient: list[tuple[pg.PlotItem, pg.GraphicsObject]] = []
        self.nadir_marker: pg.ScatterPlotItem | None = None
        self.recovery_line: pg.InfiniteLine | None = None
        self.gcsf_marker: pg.ScatterPlotItem | None = None
        self.fever_marker: pg.ScatterPlotItem | None = None
        self.fever_readings: pg.ScatterPlotItem | None = None
        self.earlier_nadirs: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)

    # --- public API ---------------------------------------------------------------------

    def clear(self, *, redrawing: bool = False) -> None:
        """Remove everything drawn (a patient switch starts from nothing). ``redrawing``:
        a new chart follows at once and sets every curve itself (emptying them first
        would cost a third of a redraw)."""
        for plot, item in self._transient:
            plot.removeItem(item)
        self._transient = []
        if not redrawing:
            for curve in (self.wbc_curve, self.anc_curve, self.temp_curve, self._nadir_star):
                curve.setData([], [])
            self.counts.setTitle(None)
        for item in (*self._furniture, *self.threshold_lines):
            item.setVisible(False)
        self.drawn = []
        self.threshold_lines = []
        self.nadir_marker = self.gcsf_marker = self.fever_marker = None
        self.fever_readings = None
        self.earlier_nadirs = []
        self.recovery_line = None

    def show_chart(
        self, chart: PatientChart | None, view: str = "current", calendar: bool = False
    ) -> None:
        """Draw a patient's chart: the current cycle, cycle ``view`` (its number as text),
        or every cycle overlaid on one cycle-day axis (``view == "overlay"``)."""
        redrawing = chart is not None and bool(chart.cycles)
        self.clear(redrawing=redrawing)
        if chart is None or not chart.cycles:
            self._tidy_legend()
            if chart is not None:
                self._draw_baseline_only(chart)
            return
        selected = self.selected_cycle(chart, view)
        overlay = view == "overlay"
        for axis in (self.count_axis, self.temp_axis):
            axis.day1 = selected.cycle.day1
            axis.calendar = calendar and not overlay
        if overlay:
            for earlier in chart.cycles:
                if earlier is not selected:
                    self._draw_results(chart, earlier, earlier.results, faded=True)
                    self._draw_earlier_nadir(chart, earlier)
        results = selected.results
        if selected.cycle.number == 1:
            results = chart.baseline + results
        self._draw_results(chart, selected, results, faded=False)
        self._draw_window(selected)
        self._draw_thresholds(chart.settings.ctcae_version)
        self._draw_nadir_and_recovery(chart, selected)
        self._draw_day1()
        self._draw_gcsf(chart, selected)
        self._draw_temperatures(chart, selected)
        self._fit_x(selected, chart)
        title = (
            f"Cycle {selected.cycle.number} · {selected.cycle.regimen_name} · day 1 "
            f"{selected.cycle.day1:%Y-%m-%d}"
        )
        if overlay:
            title += "  (earlier cycles faded)"
            if self.earlier_nadirs:
                title += "<br>Earlier nadirs: " + " · ".join(self.earlier_nadirs)
        self.counts.setTitle(title, size="10pt")
        # PlotItem fixes the title row at one line; make room for the second.
        self.counts.layout.setRowFixedHeight(0, 44 if "<br>" in title else 30)
        self._tidy_legend()
        # Settle ranges and axes now, so Qt paints the new chart once rather than twice.
        self.graphics.scene().prepareForPaint()

    @staticmethod
    def selected_cycle(chart: PatientChart, view: str) -> CycleChart:
        """The cycle a view names; the current one for "current", "overlay" or unknown."""
        for cycle in chart.cycles:
            if view == str(cycle.cycle.number):
                return cycle
        return chart.cycles[-1]

    # --- internals ----------------------------------------------------------------------

    def _x(self, chart: PatientChart, cycle: CycleChart, item: ChartedResult) -> float:
        return day_position(cycle.cycle.day1, item.result.taken, chart.tz)

    def _draw_results(
        self,
        chart: PatientChart,
        cycle: CycleChart,
        results: Sequence[ChartedResult],
        *,
        faded: bool,
    ) -> None:
        anc = [r for r in results if r.result.anc is not None]
        wbc = [r for r in results if r.result.wbc is not None]
        anc_x = [self._x(chart, cycle, r) for r in anc]
        anc_y = [float(r.result.anc) for r in anc if r.result.anc is not None]
        wbc_x = [self._x(chart, cycle, r) for r in wbc]
        wbc_y = [float(r.result.wbc) for r in wbc if r.result.wbc is not None]
        wbc_tips = [point_tip(r, "WBC", chart) for r in wbc]
        anc_tips = [point_tip(r, "ANC", chart) for r in anc]
        if faded:
            # Earlier cycles stay out of the legend but for one "earlier cycles" entry.
            wbc_item = self._curve(WBC_COLOUR, FADED_ALPHA, None, wbc=True)
            anc_item = self._curve(ANC_COLOUR, FADED_ALPHA, None, wbc=False)
            wbc_item.setData(wbc_x, wbc_y, data=wbc_tips)
            anc_item.setData(anc_x, anc_y, data=anc_tips)
            self._add(self.counts, wbc_item)
            self._add(self.counts, anc_item)
            if not any(d.faded for d in self.drawn):
                self.legend.addItem(anc_item, "earlier cycles (faded)")
        else:
            self.wbc_curve.setData(wbc_x, wbc_y, data=wbc_tips)
            self.anc_curve.setData(anc_x, anc_y, data=anc_tips)
        self.drawn.append(
            DrawnCycle(
                cycle.cycle.number, tuple(anc_x), tuple(anc_y), tuple(wbc_x), tuple(wbc_y), faded
            )
        )

    def _curve(self, colour: str, alpha: int, name: str | None, *, wbc: bool) -> pg.PlotDataItem:
        """An empty WBC (dashed, squares) or ANC (solid, circles) curve with hover tips."""
        qcolour = pg.mkColor(colour)
        qcolour.setAlpha(alpha)
        if wbc:
            style = {
                "pen": pg.mkPen(qcolour, width=1.6, style=Qt.PenStyle.DashLine),
                "symbol": "s",
                "symbolSize": 6,
                "symbolPen": pg.mkPen(qcolour),
            }
        else:
            style = {
                "pen": pg.mkPen(qcolour, width=2.4),
                "symbol": "o",
                "symbolSize": 8,
                "symbolPen": pg.mkPen("w"),
            }
        curve = pg.PlotDataItem(name=name, symbolBrush=qcolour, **style)
        curve.scatter.opts["hoverable"] = True
        curve.scatter.opts["tip"] = _tip
        return curve

    def _add(self, plot: pg.PlotItem, item: pg.GraphicsObject, *, bounds: bool = True) -> None:
        """Add an item that belongs to this draw only."""
        plot.addItem(item, ignoreBounds=not bounds)
        self._transient.append((plot, item))

    def _draw_window(self, cycle: CycleChart) -> None:
        start, end = cycle.window
        self.band.setRegion((start, end + 1))
        self.band.setVisible(True)
        self.band_label.setText(f"expected nadir D{start}–D{end}")
        self.band_label.setPos((start + end + 1) / 2, 0)  # moved to the top by _fit_x
        self.band_label.setVisible(True)

    def _draw_thresholds(self, version: CtcaeVersion) -> None:
        if version not in self._threshold_sets:
            lines = []
            for value, grade in THRESHOLDS[version]:
                text = f"<{value}: G{grade} (v{version})"
                line = pg.InfiniteLine(
                    pos=float(value),
                    angle=0,
                    movable=False,
                    pen=pg.mkPen(THRESHOLD_COLOUR, width=1, style=Qt.PenStyle.DotLine),
                    label=text,
                    labelOpts={
                        "position": 0.99,
                        "color": THRESHOLD_COLOUR,
                        "anchors": [(1, 1), (1, 1)],
                    },
                )
                self.counts.addItem(line, ignoreBounds=True)
                lines.append((line, text))
                self._threshold_short[line] = f"G{grade} <{value}"
            self._threshold_sets[version] = lines
        self._version = version
        for line, text in self._threshold_sets[version]:
            line.setVisible(True)  # first: a hidden line's label ignores a new text
            line.label.setVisible(True)
            line.label.setFormat(text)  # _fit_x may have merged the labels last time
            self.threshold_lines.append(line)

    def _draw_nadir_and_recovery(self, chart: PatientChart, cycle: CycleChart) -> None:
        if cycle.nadir is None:
            self._nadir_star.setData([], [])
            return
        x = day_position(cycle.cycle.day1, cycle.nadir.result.taken, chart.tz)
        y = float(cycle.nadir.anc)
        grade = "" if cycle.nadir_grade is None else f" · {cycle.nadir_grade.short}"
        word = "lowest so far" if cycle.nadir_provisional else "nadir"
        text = f"{word} {count_text(cycle.nadir.anc)} · D{cycle.nadir.cycle_day}{grade}"
        star, label = self._nadir_star, self._nadir_text
        star.setData([x], [y], data=[text])
        if self.legend.getLabel(star) is None:
            self.legend.addItem(star, text)
        else:
            self.legend.getLabel(star).setText(text)
        label.setText(text)
        label.setPos(x, y)
        label.setVisible(True)
        self.nadir_marker = star
        if cycle.recovery is not None:
            rx = day_position(cycle.cycle.day1, cycle.recovery.result.taken, chart.tz)
            self.recovery_line = pg.InfiniteLine(
                pos=rx,
                angle=90,
                movable=False,
                pen=pg.mkPen("#2e7d32", width=1.4, style=Qt.PenStyle.DashDotLine),
                label=f"recovery D{cycle.recovery.cycle_day}",
                labelOpts={"position": 0.92, "color": "#2e7d32"},
            )
            self._add(self.counts, self.recovery_line, bounds=False)

    def _draw_earlier_nadir(self, chart: PatientChart, cycle: CycleChart) -> None:
        """A faded star and label for an earlier cycle's nadir, to compare with this one."""
        if cycle.nadir is None:
            return
        x = day_position(cycle.cycle.day1, cycle.nadir.result.taken, chart.tz)
        text = f"C{cycle.cycle.number} {count_text(cycle.nadir.anc)} on D{cycle.nadir.cycle_day}"
        colour = pg.mkColor("#b38f00")
        colour.setAlpha(150)
        star = pg.ScatterPlotItem(
            [x],
            [float(cycle.nadir.anc)],
            symbol="star",
            size=13,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen(None),
            data=[text],
        )
        star.opts["hoverable"] = True
        star.opts["tip"] = _tip
        self._add(self.counts, star)
        self.earlier_nadirs.append(text)

    def _draw_day1(self) -> None:
        for line in self.day1_lines:
            line.setVisible(True)

    def _draw_gcsf(self, chart: PatientChart, cycle: CycleChart) -> None:
        doses = [
            d
            for d in chart.gcsf_doses
            if cycle.cycle.day1
            <= d.given.astimezone(chart.tz).date()
            < cycle.cycle.day1 + timedelta(days=max(cycle.cycle.cycle_length_days, 42))
        ]
        if not doses:
            return
        xs = [day_position(cycle.cycle.day1, d.given, chart.tz) for d in doses]
        tips = [
            f"G-CSF {d.drug} {d.dose}\n{iso_local(d.given, chart.tz)[:16].replace('T', ' ')}"
            for d in doses
        ]
        self.gcsf_marker = pg.ScatterPlotItem(
            xs,
            [0.0] * len(xs),
            symbol="t1",
            size=13,
            brush=pg.mkBrush(GCSF_COLOUR),
            pen=pg.mkPen("k"),
            name="G-CSF dose (triangle)",
            data=tips,
        )
        self.gcsf_marker.opts["hoverable"] = True
        self.gcsf_marker.opts["tip"] = _tip
        self._add(self.counts, self.gcsf_marker)

    def _draw_temperatures(self, chart: PatientChart, cycle: CycleChart) -> None:
        rule = FN_RULES[chart.settings.fn_rule]
        start = cycle.cycle.day1 - timedelta(days=7 if cycle.cycle.number == 1 else 0)
        temps = [t for t in chart.temperatures if t.taken.astimezone(chart.tz).date() >= start]
        xs = [day_position(cycle.cycle.day1, t.taken, chart.tz) for t in temps]
        ys = [float(t.celsius) for t in temps]
        # Shown before relabelled: a hidden line's label ignores a new text.
        self.fever_line.setVisible(True)
        self.fever_line.setPos(float(rule.single_celsius))
        self.fever_line.label.setFormat(
            f"{OP_SYMBOL[rule.single_op]}{rule.single_celsius} °C ({rule.label})"
        )
        self.temps.setYRange(35.5, 40.0, padding=0)
        if temps:
            tips = [
                f"{plain(t.celsius)} °C {t.route}\n"
                f"{iso_local(t.taken, chart.tz)[:16].replace('T', ' ')}"
                for t in temps
            ]
            self.temp_curve.setData(xs, ys, data=tips)
            febrile = [i for i, t in enumerate(temps) if counts_as_fever(rule, t.celsius)]
            if febrile:
                self.fever_readings = pg.ScatterPlotItem(
                    [xs[i] for i in febrile],
                    [ys[i] for i in febrile],
                    symbol="d",
                    size=11,
                    brush=pg.mkBrush(FEVER_COLOUR),
                    pen=pg.mkPen("k"),
                    data=[tips[i] + f"\nfever ({rule.label})" for i in febrile],
                )
                self.fever_readings.opts["hoverable"] = True
                self.fever_readings.opts["tip"] = _tip
                self._add(self.temps, self.fever_readings)
        else:
            self.temp_curve.setData([], [])
        alerts = [a for a in chart.alerts if a.at.astimezone(chart.tz).date() >= start]
        if alerts:
            ax = [day_position(cycle.cycle.day1, a.at, chart.tz) for a in alerts]
            ay = [39.6] * len(alerts)
            tips = [f"{a.kind.replace('_', ' ')} [{a.rule}]\n{a.detail}" for a in alerts]
            self.fever_marker = pg.ScatterPlotItem(
                ax,
                ay,
                symbol="x",
                size=14,
                brush=pg.mkBrush(FEVER_COLOUR),
                pen=pg.mkPen(FEVER_COLOUR, width=2.5),
                data=tips,
            )
            self.fever_marker.opts["hoverable"] = True
            self.fever_marker.opts["tip"] = _tip
            self._add(self.temps, self.fever_marker)
            for x, alert in zip(ax, alerts, strict=True):
                text = "FN" if alert.kind == "febrile_neutropenia" else "FN?"
                label = pg.TextItem(f"{text} ({alert.rule})", color=FEVER_COLOUR, anchor=(0, 0.5))
                label.setPos(x + 0.15, 39.6)
                self._add(self.temps, label, bounds=False)

    def _fit_x(self, cycle: CycleChart, chart: PatientChart) -> None:
        xs = [x for drawn in self.drawn for x in drawn.anc_x + drawn.wbc_x]
        low = min([1.0, *xs]) - 0.5
        high = max([float(cycle.cycle.cycle_length_days) + 1, cycle.window[1] + 2.0, *xs]) + 0.5
        self.counts.setXRange(low, high, padding=0)
        ys = [y for drawn in self.drawn for y in drawn.anc_y + drawn.wbc_y]
        top = max([2.0, *ys]) * 1.35  # headroom for the legend and the band's label
        self.counts.setYRange(0, top, padding=0)
        # The band's label: below the legend, above the usual nadir counts.
        self.band_label.setPos(self.band_label.pos().x(), top * 0.62)
        if top > COMBINE_THRESHOLD_LABELS_ABOVE and self.threshold_lines:
            # Lines 0.5 apart on a tall axis are a few pixels apart: one label for all.
            texts = [self._threshold_short[line] for line in self.threshold_lines]
            combined = " · ".join(texts) + f" (CTCAE v{self._version})"
            self.threshold_lines[0].label.setFormat(combined)
            for line in self.threshold_lines[1:]:
                line.label.setVisible(False)

    def _tidy_legend(self) -> None:
        """The nadir's legend line stays between patients (re-adding it is slow) unless
        this chart has no nadir."""
        if self.nadir_marker is None and self.legend.getLabel(self._nadir_star) is not None:
            self.legend.removeItem(self._nadir_star)

    def _draw_baseline_only(self, chart: PatientChart) -> None:
        first = (
            chart.baseline[0].result.taken.astimezone(chart.tz).date()
            if chart.baseline
            else chart.today.date()
        )
        xs = [
            (r.result.taken.astimezone(chart.tz).date() - first).days + 1.0 for r in chart.baseline
        ]
        ys = [float(r.result.anc) if r.result.anc is not None else math.nan for r in chart.baseline]
        if xs:
            self._add(
                self.counts,
                pg.PlotDataItem(
                    xs, ys, name="ANC (no cycle yet)", pen=pg.mkPen(ANC_COLOUR, width=2), symbol="o"
                ),
            )
        self.counts.setTitle(
            "No cycle started yet: results shown by day since the first", size="10pt"
        )


def _tip(x: float, y: float, data: object) -> str:
    return str(data)
