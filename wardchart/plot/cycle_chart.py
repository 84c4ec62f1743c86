"""The cycle-day chart (pyqtgraph): counts above, temperatures below, one shared x axis.

x is the cycle day on true time (a result's exact time, docs/clinical-rules.md#cycle-day); the
expected nadir window is a shaded band; the ANC grade thresholds of the ward's CTCAE version are
labelled lines; the nadir and the recovery are marked; G-CSF doses sit on the same axis. WBC and ANC
differ by line style and marker shape as well as colour, so they survive greyscale
printing and colour blindness. Every draw shows what it draws and hides the rest, and a draw
that fails part way leaves an empty chart: nothing of the previous patient can remain.

This module imports pyqtgraph (about 0.3 s of CPU even with its Qt copies filled on demand,
wardchart/plot/qt_mirrors.py), so the window imports it after it is shown.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFontMetrics, QFontMetricsF, QPen, QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from wardchart.domain.chart import ChartedResult, CycleChart, CycleRecords, PatientChart
from wardchart.domain.cycles import day_label, day_position
from wardchart.domain.display import count_text
from wardchart.domain.fever import FN_RULES, counts_as_fever
from wardchart.domain.grading import CtcaeVersion, anc_grade_lines
from wardchart.domain.records import GcsfDose
from wardchart.domain.units import OP_SYMBOL, plain
from wardchart.i18n import clinical_time, date_text, language, number, shown, translate
from wardchart.plot.label_layout import (
    LabelRequest,
    Rect,
    around,
    down_from,
    place,
    point_rect,
    spread,
)
from wardchart.plot.qt_mirrors import import_pyqtgraph
from wardchart.plot.scale import LINEAR_TO, CountScale

if TYPE_CHECKING:
    import pyqtgraph as pg
else:
    pg = import_pyqtgraph()

ANC_COLOUR = "#1f4e9c"
WBC_COLOUR = "#6b6b6b"
BAND_BRUSH = (255, 196, 0, 55)
THRESHOLD_COLOUR = "#9c2f2f"
GCSF_COLOUR = "#1b7f3b"
#: Purple, not green: the recovery line must not be read as a G-CSF dose.
RECOVERY_COLOUR = "#7b3fa0"
NOW_COLOUR = "#d35400"
FEVER_COLOUR = "#c0392b"
FADED_ALPHA = 80
#: An earlier cycle's marks keep an outline in their own colour, stronger than their pale
#: fill, so that faded ANC circles and faded WBC squares still differ in shape, not only
#: in a washed-out colour (and a white outline would erase a pale circle on white).
FADED_OUTLINE_ALPHA = 200


def count_label() -> str:
    """The count axis's title."""
    return translate("Chart", "count (×10⁹/L)")


def day_mark(day: object) -> str:
    """A cycle day as the chart writes it: "D9"."""
    return translate("Chart", "D{day}").format(day=day)


def nadir_band_text(start: int, end: int) -> str:
    """The shaded band's label: "expected nadir D10–D14"."""
    return translate("Chart", "expected nadir D{start}–D{end}").format(start=start, end=end)


#: Width in pixels of the right-hand axes (grade lines, fever line): equal, so the two
#: plots' days line up.
RIGHT_AXIS_WIDTH = 96
#: Width in pixels of the left-hand axes (counts, temperatures): equal for the same reason.
LEFT_AXIS_WIDTH = 60
#: Pixels kept free around the plots' edges so that no marker is cut by the range: half the
#: largest symbol (the nadir star, 20) and a margin.
EDGE_MARGIN = 12
#: The febrile-neutropenia crosses sit in a row of their own above the temperatures.
ALERT_SIZE = 14
ALERT_ROW = ALERT_SIZE + 4
#: Pixels kept free above and below the temperatures (half a fever diamond and a margin).
TEMP_MARGIN = 8
#: The temperatures always shown (°C); a reading outside widens the range.
TEMP_RANGE = (36.0, 39.5)


#: How far (pixels, both ends together) a side axis's title may run past the axis: less
#: than the gap between the count and the temperature plots, so their titles never meet.
TITLE_OVERRUN = 10


class RecordingAxis(pg.AxisItem):  # type: ignore[misc]
    """An axis that remembers the texts it last drew and where (scene rectangles)."""

    def __init__(self, orientation: str, *, spread_texts: bool = False) -> None:
        super().__init__(orientation)
        # No unit prefix is ever shown (no units; values far below a million). Off from the
        # start: pyqtgraph otherwise sets the title's text again on every range it is given
        # (some 30 times while the plots are built, ~5 ms of the first chart).
        self.autoSIPrefix = False
        self.drawn_texts: list[tuple[Rect, str]] = []
        # Move texts that would cover each other apart (a short plot brings the grade
        # lines within a text's height of each other); pyqtgraph would draw them on top.
        self.spread_texts = spread_texts

    def generateDrawSpecs(self, p: object) -> object:
        specs = super().generateDrawSpecs(p)
        if specs is not None and self.spread_texts and len(specs[2]) > 1:
            texts = specs[2]
            tops = spread(
                [r.y() for r, _, _ in texts],
                [r.height() + 1 for r, _, _ in texts],  # a pixel apart
                0.0,
                self.size().height(),
            )
            for (rect, _, _), top in zip(texts, tops, strict=True):
                rect.moveTop(top)
        if specs is not None and self.grid is not False:
            for index, (pen, start, end) in enumerate(specs[1]):
                specs[1][index] = (_opaque_on_white(pen), start, end)
        if specs is not None:
            self.drawn_texts = []
            for rect, _flags, text in specs[2]:
                r = self.mapRectToScene(rect)
                self.drawn_texts.append(((r.x(), r.y(), r.width(), r.height()), text))
        return specs

    def setTicks(self, ticks: list[list[tuple[float, str]]] | None) -> None:
        """pyqtgraph's, but the same ticks again keep the texts drawn (a patient selected
        after another with the same grade lines or scale regenerates no axis)."""
        if ticks is not None and ticks == self._tickLevels:
            return
        super().setTicks(ticks)

    def setRange(self, mn: float, mx: float) -> None:
        """pyqtgraph's, but the same range again keeps the texts drawn."""
        if [mn, mx] != getattr(self, "range", None):  # None in pyqtgraph's __init__
            super().setRange(mn, mx)

    def linkedViewChanged(self, view: pg.ViewBox, newRange: object = None) -> None:
        """pyqtgraph's; and when the plot is resized (``newRange`` None) an axis with a
        grid draws its lines again to the plot's new height, and has the area its old lines
        covered painted again: the grid is part of the axis, whose extent follows the plot
        without telling Qt, so lines of the old height stayed over the title and legend."""
        if newRange is None and self.grid is not False:
            self.prepareGeometryChange()
            self.picture = None
            self.update()
        super().linkedViewChanged(view, newRange)

    def set_title(self, plot: pg.PlotItem, text: str, *, short: str = "", **style: Any) -> None:
        """``plot.setLabel`` for this axis, only when the title changes: pyqtgraph shows
        the axis again on every call, which regenerates its texts. A side axis shorter
        than ``text`` shows ``short``, else no title, rather than one running past the
        plot into the next (a short chart: a banner, a small screen, a large font)."""
        self._titles = (text, short)
        chosen = self._fitting_title()
        if (chosen, style) != getattr(self, "_label_set", None):
            plot.setLabel(self.orientation, chosen, **style)

    def _fitting_title(self) -> str:
        text, short = getattr(self, "_titles", ("", ""))
        if self.orientation not in ("left", "right") or not text or self.label is None:
            return text
        room = self.size().height() + TITLE_OVERRUN
        metrics = QFontMetricsF(self.label.font())
        margin = 2 * self.label.document().documentMargin()
        for candidate in (text, short):
            if candidate and metrics.horizontalAdvance(candidate) + margin <= room:
                return candidate
        return ""

    def resizeEvent(self, ev: object = None) -> None:
        """pyqtgraph's, after choosing the title that fits the axis's new height."""
        wanted = getattr(self, "_label_set", None)
        if wanted is not None and getattr(self, "_titles", None) is not None:
            chosen = self._fitting_title()
            if chosen != wanted[0]:
                self.setLabel(chosen, **wanted[1])
        super().resizeEvent(ev)

    def setLabel(self, text: str | None = None, **style: Any) -> None:
        """pyqtgraph's (a title and its CSS style, no units), but the same title again
        changes nothing: a new title resizes the axis and regenerates its texts."""
        wanted = (text, style)
        if wanted == getattr(self, "_label_set", None):  # None in pyqtgraph's __init__
            return
        self._label_set = wanted
        super().setLabel(text, **style)

    def redraw(self) -> None:
        """Draw the texts again at the next paint, even if the range did not change."""
        self.picture = None
        self.update()


class CycleDayAxis(RecordingAxis):
    """Bottom axis labelled in cycle days (D1, D8, …; D−1 before day 1, no day 0) or dates."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.day1: date | None = None
        self.calendar = False

    def set_days(self, day1: date | None, calendar: bool) -> None:
        """Label from ``day1``, in dates or cycle days; the drawn texts follow at once
        (pyqtgraph redraws an axis's texts only when its range changes)."""
        # Cycle days are counted from day 1 whatever its date: only dates change the texts.
        texts_before = self.calendar and (self.day1, language())
        self.day1, self.calendar = day1, calendar
        if (calendar and (day1, language())) != texts_before:
            self.redraw()

    def title(self, low: float, high: float) -> str:
        """The axis title: "cycle day", or "date" with the year(s) shown, which the tick
        texts leave out."""
        if not self.calendar or self.day1 is None:
            return translate("Chart", "cycle day")
        first, last = ((self.day1 + timedelta(days=math.floor(x) - 1)).year for x in (low, high))
        if first == last:
            return translate("Chart", "date ({year})").format(year=first)
        return translate("Chart", "date ({first}–{last})").format(first=first, last=last)

    def boundingRect(self) -> object:
        """Room for the first and last day's texts to reach past the plot's edges, over
        the axes beside it (pyqtgraph hid "D1", half a day from the edge)."""
        return super().boundingRect().adjusted(-LEFT_AXIS_WIDTH / 2, 0, LEFT_AXIS_WIDTH / 2, 0)

    def tickSpacing(self, minVal: float, maxVal: float, _size: float) -> list[tuple[float, float]]:
        span = maxVal - minVal
        if span > 60:
            return [(28.0, 1.0), (7.0, 1.0)]
        if span > 2:
            # Weekly from day 1 (D1, D8, …), and every day when there is room.
            return [(7.0, 1.0), (1.0, 0.0)]
        return [(1.0, 0.0), (0.25, 0.0)]

    def tickStrings(self, values: Sequence[float], _scale: float, _spacing: float) -> list[str]:
        return [self.label_for(v) for v in values]

    def label_for(self, position: float) -> str:
        """The tick text at a position: "D9", or a date in calendar mode."""
        if position != math.floor(position):
            hours = round((position - math.floor(position)) * 24)
            return f"{hours:02d}:00"
        if self.calendar and self.day1 is not None:
            day = self.day1 + timedelta(days=math.floor(position) - 1)
            return date_text(day)[:5] if language() == "de" else day.strftime("%d %b")
        return day_mark(day_label(position))


@dataclass(frozen=True)
class DrawnCycle:
    """What was drawn for one cycle, kept for tests and for the printout."""

    number: int
    anc_x: tuple[float, ...]
    anc_y: tuple[float, ...]
    wbc_x: tuple[float, ...]
    wbc_y: tuple[float, ...]
    faded: bool


def text_size(larger: float = 0) -> str:
    """The chart's text size: the system's (a large system font makes the chart's title
    and legend large too), ``larger`` points more for a title."""
    font = QApplication.font()
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    return f"{points + larger:g}pt"


def scaled(pixels: int) -> int:
    """A size in pixels chosen for a 9-point system font, for the font in use."""
    points = float(text_size().removesuffix("pt"))
    return round(pixels * max(1.0, points / 9))


def point_tip(item: ChartedResult, measure: str, chart: PatientChart) -> str:
    """Hover text for a point: exact value, unit, time, cycle day and grade."""
    r = item.result
    value = r.anc if measure == "ANC" else r.wbc
    grade = item.anc_grade if measure == "ANC" else item.wbc_grade
    sources = {"computed": translate("Chart", "computed"), "lab": translate("Chart", "lab")}
    source = (
        f" ({sources.get(r.anc_source, r.anc_source)})" if measure == "ANC" and r.anc_source else ""
    )
    corrected = "\n" + translate("Chart", "corrected") if r.corrected else ""
    if r.lab_status == "preliminary":
        corrected += "\n" + translate(
            "Chart", "PRELIMINARY result from the laboratory (hollow mark)"
        )
    shown_value = number(count_text(value)) if value is not None else "—"
    cycle = (
        translate("Chart", "cycle {number}, day {day}").format(
            number=item.cycle_number, day=item.cycle_day
        )
        if item.cycle_number
        else translate("Chart", "baseline, day {day}").format(day=item.cycle_day)
    )
    return (
        f"{measure} {shown_value} ×10⁹/L{source}\n"
        f"{clinical_time(r.taken, chart.tz)}\n"
        f"{cycle}\n"
        f"{shown(grade) if grade is not None else translate('Chart', 'not graded')}{corrected}"
    )


@dataclass(frozen=True)
class PointTip:
    """A point's hover text (``point_tip``), written when it is first shown: a selection
    draws every point and the nurse hovers over few of them."""

    item: ChartedResult
    measure: str
    chart: PatientChart

    def __str__(self) -> str:
        return point_tip(self.item, self.measure, self.chart)


@functools.cache
def _mark_styles(colour: str, alpha: int, outline: str | None, faded: bool) -> tuple[Any, ...]:
    """The fills and outlines of one kind of mark (fill, hollow fill, solid pen, hollow
    pen), made once: pyqtgraph keeps each symbol it has drawn for a pen and brush
    *object*, so new objects on every draw would draw every symbol again and grow its store
    of them."""
    fill = pg.mkColor(colour)
    fill.setAlpha(alpha)
    hollow = pg.mkColor("w")
    hollow.setAlpha(alpha)
    edge = pg.mkColor(colour)
    edge.setAlpha(FADED_OUTLINE_ALPHA)
    solid_pen = pg.mkPen(edge, width=1.4) if faded else pg.mkPen(outline or fill)
    hollow_pen = pg.mkPen(edge if faded else fill, width=2)
    return pg.mkBrush(fill), pg.mkBrush(hollow), solid_pen, hollow_pen


def _set_marks(
    curve: pg.PlotDataItem,
    xs: Sequence[float],
    ys: Sequence[float],
    items: Sequence[ChartedResult],
    tips: Sequence[PointTip],
    *,
    style: tuple[str, int, str | None, bool],
) -> None:
    """Set a curve's points with their fill and outline (``style``: colour, alpha, outline
    of a final count, faded): filled for a final count, hollow (white inside, a thick
    outline in the colour) for a preliminary one. A faded mark is outlined in its own
    colour, more strongly than it is filled. The curve's own brush and pen are the final
    count's, so the legend shows them; a preliminary result's marks are set point by point
    (pyqtgraph takes a list point by point, five times slower than one brush and pen)."""
    fill, hollow, solid_pen, hollow_pen = _mark_styles(*style)
    curve.setData(xs, ys, data=tips, symbolBrush=fill, symbolPen=solid_pen)
    preliminary = [i.result.lab_status == "preliminary" for i in items]
    if any(preliminary):
        curve.scatter.setBrush([hollow if p else fill for p in preliminary])
        curve.scatter.setPen([hollow_pen if p else solid_pen for p in preliminary])


class ChartView(QWidget):
    """The two linked plots, the legend above them, and everything drawn on them."""

    def __init__(self, parent: QWidget | None = None) -> None:  # noqa: PLR0915  builds every plot item once
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setAccessibleName(
            translate("Chart", "Cycle-day chart of WBC, ANC and temperature")
        )
        self.count_axis = CycleDayAxis()
        self.temp_axis = CycleDayAxis()
        self.level_axis = RecordingAxis("left")
        self.temp_level_axis = RecordingAxis("left")
        self.grade_axis = RecordingAxis("right", spread_texts=True)
        self.fever_axis = RecordingAxis("right")
        # The legend has a row of its own above the plots: it can never cover a point.
        self.legend = pg.LegendItem(
            offset=None, labelTextSize=text_size(), colCount=4, brush=pg.mkBrush(255, 255, 255)
        )
        self.graphics.addItem(self.legend, row=0, col=0)
        # No context menus (the chart always shows the whole cycle): not built either.
        self.counts = self.graphics.addPlot(
            row=1,
            col=0,
            enableMenu=False,
            axisItems={
                "bottom": self.count_axis,
                "left": self.level_axis,
                "right": self.grade_axis,
            },
        )
        self.temps = self.graphics.addPlot(
            row=2,
            col=0,
            enableMenu=False,
            axisItems={
                "bottom": self.temp_axis,
                "left": self.temp_level_axis,
                "right": self.fever_axis,
            },
        )
        self.graphics.ci.layout.setRowStretchFactor(1, 3)
        self.graphics.ci.layout.setRowStretchFactor(2, 1)
        self.temps.setXLink(self.counts)
        # One day axis, under the temperatures: the counts' own axis keeps its ticks but
        # not their numbers (the same days 1 cm lower; a quarter of every repaint).
        self.count_axis.setStyle(showValues=False)
        self.counts.setLabel("left", count_label())
        self.temps.setLabel("left", translate("Chart", "temp (°C)"))
        self.temps.setLabel("bottom", translate("Chart", "cycle day"))
        for plot, axis in ((self.counts, self.grade_axis), (self.temps, self.fever_axis)):
            # Day lines only: the grade thresholds and the fever line are the horizontal
            # references, and a full grid doubled the cost of every repaint.
            plot.showGrid(x=True, y=False, alpha=0.15)
            # The grid is drawn opaque (``_opaque_on_white``), under the plot's contents,
            # which pyqtgraph would draw it over: the band and the marks are not covered.
            plot.getAxis("bottom").setZValue(-0.5)
            plot.setMenuEnabled(False)
            # No wheel or drag zoom: the chart always shows the whole cycle.
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.showAxis("right")
            axis.setWidth(scaled(RIGHT_AXIS_WIDTH))
        for axis in (self.level_axis, self.temp_level_axis):
            axis.setWidth(scaled(LEFT_AXIS_WIDTH))
        # The grade and fever lines are named on the right-hand axes, outside the data.
        self.grade_axis.setTextPen(THRESHOLD_COLOUR)
        self.fever_axis.setTextPen(FEVER_COLOUR)
        self.scale = CountScale(2.0)
        self.drawn: list[DrawnCycle] = []
        # The furniture of every chart is made once and moved, relabelled, shown or hidden
        # on each draw: adding and removing pyqtgraph items is most of a redraw's cost.
        self.wbc_curve = self._curve(
            WBC_COLOUR, 255, translate("Chart", "WBC (dashed, squares)"), wbc=True
        )
        self.anc_curve = self._curve(
            ANC_COLOUR, 255, translate("Chart", "ANC (solid, circles)"), wbc=False
        )
        for curve in (self.wbc_curve, self.anc_curve):
            self.counts.addItem(curve)
            self.legend.addItem(curve, curve.name())
        self.band = pg.LinearRegionItem(
            values=(0, 1),
            orientation="vertical",
            movable=False,
            brush=pg.mkBrush(*BAND_BRUSH),
            pen=pg.mkPen(None),
        )
        self.band.setZValue(-10)
        self.counts.addItem(self.band)
        self._band_sample = pg.PlotDataItem(
            pen=pg.mkPen(None), fillLevel=0, fillBrush=pg.mkBrush(255, 196, 0, 110)
        )
        self.band_label = self._label("#7a5a00")
        self.day1_label = self._label("k")
        self.now_label = self._label(NOW_COLOUR)
        self.recovery_label = self._label(RECOVERY_COLOUR)
        self._nadir_text = self._label("k")
        self.break_line = pg.InfiniteLine(
            pos=LINEAR_TO, angle=0, movable=False, pen=pg.mkPen("#9a9a9a", width=1)
        )
        self.counts.addItem(self.break_line, ignoreBounds=True)
        self._threshold_sets: dict[CtcaeVersion, list[tuple[pg.InfiniteLine, str]]] = {}
        self._version: CtcaeVersion | None = None
        self.threshold_lines: list[pg.InfiniteLine] = []
        self.day1_lines = (
            pg.InfiniteLine(pos=1.0, angle=90, movable=False, pen=pg.mkPen("k", width=1.2)),
            pg.InfiniteLine(pos=1.0, angle=90, movable=False, pen=pg.mkPen("k", width=1.2)),
        )
        self.counts.addItem(self.day1_lines[0], ignoreBounds=True)
        self.temps.addItem(self.day1_lines[1], ignoreBounds=True)
        now_pen = pg.mkPen(NOW_COLOUR, width=1.6, style=Qt.PenStyle.DashLine)
        self.now_lines = (
            pg.InfiniteLine(pos=0.0, angle=90, movable=False, pen=now_pen),
            pg.InfiniteLine(pos=0.0, angle=90, movable=False, pen=now_pen),
        )
        self.counts.addItem(self.now_lines[0], ignoreBounds=True)
        self.temps.addItem(self.now_lines[1], ignoreBounds=True)
        self._now_sample = pg.PlotDataItem(pen=now_pen)
        recovery_pen = pg.mkPen(RECOVERY_COLOUR, width=1.6, style=Qt.PenStyle.DashDotLine)
        self._recovery_line = pg.InfiniteLine(pos=0.0, angle=90, movable=False, pen=recovery_pen)
        self.counts.addItem(self._recovery_line, ignoreBounds=True)
        self._recovery_sample = pg.PlotDataItem(pen=recovery_pen)
        self.fever_line = pg.InfiniteLine(
            pos=38.0,
            angle=0,
            movable=False,
            pen=pg.mkPen(FEVER_COLOUR, style=Qt.PenStyle.DotLine),
        )
        self.fever_text = ""
        self.temps.addItem(self.fever_line, ignoreBounds=True)
        # The marks' pen and brush are objects made once: pyqtgraph keeps each symbol it
        # has drawn for a pen and brush object, and would draw it again (and keep it) on
        # every selection for pens and brushes given by colour.
        self.temp_curve = pg.PlotDataItem(
            pen=pg.mkPen("#555555", width=1),
            symbol="o",
            symbolSize=5,
            symbolBrush=pg.mkBrush("#555555"),
            symbolPen=pg.mkPen((200, 200, 200)),  # pyqtgraph's own default, as before
            dynamicRangeLimit=None,
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
        self._gcsf = pg.ScatterPlotItem(
            symbol="t1", size=13, brush=pg.mkBrush(GCSF_COLOUR), pen=pg.mkPen("k")
        )
        self._gcsf.opts["hoverable"] = True
        self._gcsf.opts["tip"] = _tip
        self.counts.addItem(self._gcsf)
        self._furniture = (
            self.band,
            self.band_label,
            self.day1_label,
            self.now_label,
            self.recovery_label,
            self.break_line,
            *self.day1_lines,
            *self.now_lines,
            self._recovery_line,
            self.fever_line,
            self._nadir_text,
        )
        # The furniture this draw has shown (``_show``).
        self._shown: set[pg.GraphicsObject] = set()
        # What one draw added, removed by the next.
        self._transient: list[tuple[pg.PlotItem, pg.GraphicsObject]] = []
        # Labels to lay out once the plots have their size: (plot, label, how, x, y).
        self._plan: list[tuple[pg.PlotItem, pg.TextItem, str, float, float]] = []
        self.nadir_marker: pg.ScatterPlotItem | None = None
        self.recovery_line: pg.InfiniteLine | None = None
        self.gcsf_marker: pg.ScatterPlotItem | None = None
        self.fever_marker: pg.ScatterPlotItem | None = None
        self.fever_readings: pg.ScatterPlotItem | None = None
        self.now_x: float | None = None
        self.temp_span: tuple[float, float] = TEMP_RANGE
        self.alert_y = TEMP_RANGE[1]
        self.earlier_nadirs: list[str] = []
        self.spoken: list[str] = []
        self.description = ""
        self.x_range: tuple[float, float] = (0.0, 1.0)
        # Labels are laid out just before a paint, when every size is final.
        self._labels_dirty = False
        for plot in (self.counts, self.temps):
            plot.vb.sigResized.connect(self._labels_moved)
        self.graphics.scene().sigPrepareForPaint.connect(self._layout_if_needed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)

    # --- public API ---------------------------------------------------------------------

    def clear(self, *, redrawing: bool = False) -> None:
        """Remove everything drawn (a patient switch starts from nothing). ``redrawing``:
        a new chart follows at once and sets every curve itself (emptying them first
        would cost a third of a redraw)."""
        for plot, item in self._transient:
            if self.legend.getLabel(item) is not None:
                self.legend.removeItem(item)
            plot.removeItem(item)
        self._transient = []
        self._plan = []
        if not redrawing:
            for curve in (
                self.wbc_curve,
                self.anc_curve,
                self.temp_curve,
                self._nadir_star,
                self._gcsf,
            ):
                curve.setData([], [])
            self.counts.setTitle(None)
        self._shown = set()
        if not redrawing:  # else what the new chart does not show is hidden at its end
            self._hide_unshown()
        self.drawn = []
        self.threshold_lines = []
        self.nadir_marker = self.gcsf_marker = self.fever_marker = None
        self.fever_readings = None
        self.earlier_nadirs = []
        self.recovery_line = None
        self.now_x = None
        self.spoken = []  # what the chart shows, in words (see ``_describe``)

    def show_chart(
        self, chart: PatientChart | None, view: str = "current", calendar: bool = False
    ) -> None:
        """Draw a patient's chart: the current cycle, cycle ``view`` (its number as text),
        or every cycle overlaid on one cycle-day axis (``view == "overlay"``). A draw that
        fails part way leaves an empty chart, nothing of the patient before."""
        redrawing = chart is not None and bool(chart.cycles)
        self.clear(redrawing=redrawing)
        try:
            self._draw(chart, view, calendar)
        except BaseException:
            self.clear()
            self._draw(None, "current", calendar=False)  # no patient's texts either
            raise

    def _draw(self, chart: PatientChart | None, view: str, calendar: bool) -> None:
        # No patient: no day or date texts at all (they would be the last patient's).
        if self.temp_axis.style["showValues"] != (chart is not None):
            self.temp_axis.setStyle(showValues=chart is not None)
        if chart is None or not chart.cycles:
            for axis in (self.count_axis, self.temp_axis):
                axis.set_days(None, False)
            self._legend_entries(None, None, None, None, None)
            self.description = (
                "" if chart is None else translate("Chart", "No cycle: baseline results by date.")
            )
            self.graphics.setAccessibleDescription(self.description)
            if chart is not None:
                self._draw_baseline_only(chart)
            else:
                self.temp_axis.set_title(self.temps, "")
            return
        selected = self.selected_cycle(chart, view)
        overlay = view == "overlay"
        for axis in (self.count_axis, self.temp_axis):
            axis.set_days(selected.cycle.day1, calendar and not overlay)
        records = chart.records_of(selected)
        results = records.results
        earlier = [c for c in chart.cycles if overlay and c is not selected]
        counts = [
            float(v)
            for r in (*results, *(x for c in earlier for x in c.results))
            for v in (r.result.anc, r.result.wbc)
            if v is not None
        ]
        self.scale = CountScale(max([2.0, *counts]))
        for cycle in earlier:
            self._draw_results(chart, cycle, cycle.results, faded=True)
            self._draw_earlier_nadir(chart, cycle)
        self._draw_results(chart, selected, results, faded=False)
        self._draw_window(selected)
        self._draw_thresholds(chart.settings.ctcae_version)
        nadir_text, recovery_text = self._draw_nadir_and_recovery(chart, selected)
        self._draw_day1()
        gcsf_text = self._draw_gcsf(chart, selected, records.gcsf_doses)
        self._draw_temperatures(chart, selected, records)
        now_text = self._draw_now(chart, selected)
        self._fit_x(selected)
        self._hide_unshown()
        self._legend_entries(nadir_text, gcsf_text, recovery_text, now_text, selected)
        title = translate("Chart", "Cycle {number} · {regimen} · day 1 {day1}").format(
            number=selected.cycle.number,
            regimen=selected.cycle.regimen_name,
            day1=date_text(selected.cycle.day1),
        )
        if overlay:
            title += "  " + translate("Chart", "(earlier cycles faded)")
            if self.earlier_nadirs:
                title += "<br>" + translate("Chart", "Earlier nadirs: {nadirs}").format(
                    nadirs=" · ".join(self.earlier_nadirs)
                )
        self.counts.setTitle(title, size=text_size(1))
        if self.legend.opts["labelTextSize"] != text_size():  # the system font changed
            self.legend.setLabelTextSize(text_size())
        self._describe(title, selected, chart, [nadir_text, recovery_text, now_text])
        # PlotItem fixes the title row at one line; make room for the second.
        self.counts.layout.setRowFixedHeight(0, scaled(44 if "<br>" in title else 30))
        # Settle ranges, axes and labels now, so Qt paints the new chart once rather than
        # twice; the labels are placed by the scene's preparation (``_layout_if_needed``,
        # after the plots' own), once, and again before a paint only if the plots move.
        self._labels_dirty = True
        # The title row's height (and a header of another height above the chart) are laid
        # out first: the labels are placed at the plots' final size.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.graphics.scene().prepareForPaint()

    @staticmethod
    def selected_cycle(chart: PatientChart, view: str) -> CycleChart:
        """The cycle a view names; the current one for "current", "overlay" or unknown."""
        for cycle in chart.cycles:
            if view == str(cycle.cycle.number):
                return cycle
        return chart.cycles[-1]

    def layout_labels(self) -> None:
        """Place the labels where they cover no point and no other label (see
        docs/chart.md); a label with no free place is hidden (the legend says it too).
        Lines are obstacles as well as points."""
        self._fit_y()
        for plot in (self.counts, self.temps):
            plan = [entry for entry in self._plan if entry[0] is plot]
            if not plan:
                continue
            vb = plot.vb
            box = vb.sceneBoundingRect()
            if box.width() < 20 or box.height() < 20:  # no room for any label
                for _, label, _how, _x, _y in plan:
                    _set_visible(label, False)
                continue
            area = (box.x() + 2, box.y() + 2, box.width() - 4, box.height() - 4)
            obstacles = self._point_rects(plot) + self._line_rects(plot)
            requests = []
            for _, label, how, x, y in plan:
                if how == "alert":
                    how, y = "point", self.alert_y
                _set_visible(label, True)  # pyqtgraph sizes a text to the plot only if shown
                label.updateTransform(force=True)
                text_box = label.sceneBoundingRect()
                w, h = text_box.width() + 1, text_box.height() + 1
                at = vb.mapViewToScene(pg.Point(x, y))
                if how == "point":
                    candidates = around(at.x(), at.y(), w, h, 8)
                else:  # hung from the top of the plot at x
                    candidates = down_from(at.x(), area[1] + 1, area[1] + area[3], w, h)
                requests.append(LabelRequest(str(id(label)), (w, h), candidates))
            placed = place(requests, obstacles, area)
            for _, label, _how, _x, _y in plan:
                rect = placed[str(id(label))]
                _set_visible(label, rect is not None)
                if rect is not None:
                    label.setAnchor((0, 0))
                    label.setPos(vb.mapSceneToView(pg.Point(rect[0], rect[1])))

    def before_paint(self) -> None:
        """Settle ranges, axes and labels before the window paints (``MainWindow.event``):
        settled during the paint, the items they move would ask for a second paint. The
        scene's changes are then handed to the view now, to be painted in this paint."""
        scene = self.graphics.scene()
        scene.prepareForPaint()  # places the labels too if the plots moved (see __init__)
        QApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)

    def _labels_moved(self) -> None:
        self._labels_dirty = True

    def _layout_if_needed(self) -> None:
        if self._labels_dirty:
            self._labels_dirty = False
            self.layout_labels()

    def _fit_y(self) -> None:
        """Set both plots' vertical ranges so that every marker is drawn whole: EDGE_MARGIN
        pixels below a count of 0 and around the temperatures, and a row for the alert
        crosses above them (the margins are pixels, so the ranges follow the plots' size)."""
        if not self.drawn:
            return
        # Each range is set once per draw, here (a range set twice regenerates the axes'
        # texts twice); a plot too small for the margins gets a plain range.
        height = self.counts.vb.sceneBoundingRect().height()
        top = self.scale.view_top
        if height > 2 * EDGE_MARGIN:
            self.counts.setYRange(-EDGE_MARGIN * top / (height - EDGE_MARGIN), top, padding=0)
        else:  # a little below 0: a count of 0.0 and the G-CSF triangles are drawn whole
            self.counts.setYRange(-0.05 * top, top, padding=0)
        low, high = self.temp_span
        height = self.temps.vb.sceneBoundingRect().height()
        above = ALERT_ROW if self.fever_marker is not None else TEMP_MARGIN
        if height <= above + TEMP_MARGIN + 4:
            self.temps.setYRange(low, high, padding=0)
            return
        per_degree = (height - above - TEMP_MARGIN) / (high - low)
        view_top = high + above / per_degree
        self.temps.setYRange(low - TEMP_MARGIN / per_degree, view_top, padding=0)
        self.alert_y = view_top - (ALERT_SIZE / 2 + 2) / per_degree
        if self.fever_marker is not None:
            xs = [float(x) for x in self.fever_marker.data["x"]]
            tips = list(self.fever_marker.data["data"])
            self.fever_marker.setData(xs, [self.alert_y] * len(xs), data=tips)

    def _line_rects(self, plot: pg.PlotItem) -> list[Rect]:
        """A thin scene rectangle along every visible line of a plot (grade lines, the
        fever line, day 1, now, recovery, the window's edges, the log break)."""
        vb = plot.vb
        box = vb.sceneBoundingRect()
        rects: list[Rect] = []
        for item in plot.items:
            if not item.isVisible():
                continue
            if isinstance(item, pg.InfiniteLine):
                at = vb.mapViewToScene(pg.Point(item.value(), item.value()))
                if item.angle == 90:
                    rects.append((at.x() - 2, box.y(), 4, box.height()))
                else:
                    rects.append((box.x(), at.y() - 2, box.width(), 4))
            elif isinstance(item, pg.LinearRegionItem):
                for edge in item.getRegion():
                    x = vb.mapViewToScene(pg.Point(edge, 0)).x()
                    rects.append((x - 2, box.y(), 4, box.height()))
        return rects

    def line_rects(self) -> list[Rect]:
        """The scene rectangles of every line drawn (both plots)."""
        return self._line_rects(self.counts) + self._line_rects(self.temps)

    def point_rects(self) -> list[Rect]:
        """The scene rectangle of every data point and marker drawn (both plots)."""
        return self._point_rects(self.counts) + self._point_rects(self.temps)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """As many legend columns as fit the width (the legend wraps, never clips)."""
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        columns = max(1, (self.width() - 40) // self._legend_column_width())
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)

    # --- internals ----------------------------------------------------------------------

    def _describe(
        self, title: str, cycle: CycleChart, chart: PatientChart, legend: list[str | None]
    ) -> None:
        """Every element drawn, in words, as the chart's accessible description."""
        version = chart.settings.ctcae_version
        lines = ", ".join(text for _, text in self._threshold_sets.get(version, []))
        start, end = cycle.window
        parts = [
            title.replace("<br>", ". "),
            translate("Chart", "WBC dashed with squares, ANC solid with circles, counts ×10⁹/L"),
            translate("Chart", "expected nadir D{start}–D{end} (shaded band)").format(
                start=start, end=end
            ),
            translate("Chart", "ANC grade lines, CTCAE v{version}: {lines}").format(
                version=version, lines=lines
            ),
            translate("Chart", "fever line {limit}").format(limit=self.fever_text),
            *(text for text in legend if text),
            *self.spoken,
        ]
        self.description = ". ".join(parts) + "."
        self.graphics.setAccessibleDescription(self.description)

    #: The narrowest legend column, px. Printing sets more: text painted for a PDF runs
    #: wider than the screen's font metrics measure it.
    legend_column_floor = 200

    def _legend_column_width(self) -> int:
        """The width of a legend column: the widest entry's text, its sample and a gap."""
        metrics = QFontMetrics(QApplication.font())
        texts = [label.text for _, label in self.legend.items] or [nadir_band_text(10, 14)]
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        return max(self.legend_column_floor, widest + 4 * metrics.height())

    def _point_rects(self, plot: pg.PlotItem) -> list[Rect]:
        rects: list[Rect] = []
        vb = plot.vb
        for item in plot.items:
            scatter = item.scatter if isinstance(item, pg.PlotDataItem) else item
            if not isinstance(scatter, pg.ScatterPlotItem) or not item.isVisible():
                continue
            data = scatter.data
            if len(data) == 0:
                continue
            size = float(scatter.opts["size"])
            for x, y in zip(data["x"], data["y"], strict=True):
                if math.isnan(x) or math.isnan(y):
                    continue
                at = vb.mapViewToScene(pg.Point(float(x), float(y)))
                rects.append(point_rect(at.x(), at.y(), size))
        return rects

    def _show(self, item: pg.GraphicsObject) -> None:
        """Show a piece of furniture in this draw; what no draw step shows is hidden at
        its end (``_hide_unshown``). Not hidden first and shown again: pyqtgraph answers
        every visibility change in Python, even to the same state (~13 µs an item)."""
        self._shown.add(item)
        _set_visible(item, True)

    def _hide_unshown(self) -> None:
        lines = (line for lines in self._threshold_sets.values() for line, _ in lines)
        for item in (*self._furniture, *lines):
            if item not in self._shown:
                _set_visible(item, False)

    def _label(self, colour: str) -> pg.TextItem:
        label = pg.TextItem("", color=colour, anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 220))
        label.setZValue(20)
        label.setVisible(False)
        self.counts.addItem(label, ignoreBounds=True)
        return label

    def _hang(self, plot: pg.PlotItem, label: pg.TextItem, how: str, x: float, y: float) -> None:
        """Lay ``label`` out at the next layout: beside the point (x, y) or hung at x. The
        layout shows it where it fits (``layout_labels``)."""
        self._shown.add(label)
        self._plan.append((plot, label, how, x, y))

    def _legend_entries(
        self,
        nadir: str | None,
        gcsf: str | None,
        recovery: str | None,
        now: str | None,
        cycle: CycleChart | None,
    ) -> None:
        """The legend rows this chart needs; rows are added or removed only on a change
        (re-adding them is slow)."""
        band = None if cycle is None else nadir_band_text(*cycle.window)
        for item, text in (
            (self._band_sample, band),
            (self._nadir_star, nadir),
            (self._gcsf, gcsf),
            (self._recovery_sample, recovery),
            (self._now_sample, now),
        ):
            label = self.legend.getLabel(item)
            if text is None:
                if label is not None:
                    self.legend.removeItem(item)
            elif label is None:
                self.legend.addItem(item, text)
            elif label.text != text:
                label.setText(text)
        self._fit_legend()

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
        wbc_tips = [PointTip(r, "WBC", chart) for r in wbc]
        anc_tips = [PointTip(r, "ANC", chart) for r in anc]
        to_view = self.scale.to_view
        anc_v = [to_view(y) for y in anc_y]
        wbc_v = [to_view(y) for y in wbc_y]
        # A preliminary laboratory result is drawn hollow: an outline in the curve's colour.
        alpha = FADED_ALPHA if faded else 255
        anc_style = (ANC_COLOUR, alpha, "w", faded)
        wbc_style = (WBC_COLOUR, alpha, None, faded)
        if faded:
            # Earlier cycles stay out of the legend but for one "earlier cycles" entry.
            wbc_item = self._curve(WBC_COLOUR, FADED_ALPHA, None, wbc=True)
            anc_item = self._curve(ANC_COLOUR, FADED_ALPHA, None, wbc=False)
            _set_marks(wbc_item, wbc_x, wbc_v, wbc, wbc_tips, style=wbc_style)
            _set_marks(anc_item, anc_x, anc_v, anc, anc_tips, style=anc_style)
            self._add(self.counts, wbc_item)
            self._add(self.counts, anc_item)
            if not any(d.faded for d in self.drawn):
                self.legend.addItem(
                    anc_item, translate("Chart", "earlier cycles (faded, same shapes)")
                )
        else:
            _set_marks(self.wbc_curve, wbc_x, wbc_v, wbc, wbc_tips, style=wbc_style)
            _set_marks(self.anc_curve, anc_x, anc_v, anc, anc_tips, style=anc_style)
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
        # The whole cycle is always in view, so nothing far off-scale needs clipping: without
        # the limit a change of the vertical range does not rebuild every point.
        curve = pg.PlotDataItem(name=name, symbolBrush=qcolour, dynamicRangeLimit=None, **style)
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
        self._show(self.band)
        self.band_label.setText(nadir_band_text(start, end))
        self._hang(self.counts, self.band_label, "top", (start + end + 1) / 2, 0)

    def _draw_thresholds(self, version: CtcaeVersion) -> None:
        if version not in self._threshold_sets:
            lines = []
            # The lines are grading's own boundaries (docs/clinical-rules.md).
            for grade_line in anc_grade_lines(version):
                line = pg.InfiniteLine(
                    pos=float(grade_line.value),
                    angle=0,
                    movable=False,
                    pen=pg.mkPen(THRESHOLD_COLOUR, width=1, style=Qt.PenStyle.DotLine),
                )
                self.counts.addItem(line, ignoreBounds=True)
                lines.append((line, number(shown(grade_line.label))))
            self._threshold_sets[version] = lines
        self._version = version
        ticks = []
        for line, text in self._threshold_sets[version]:
            self._show(line)
            self.threshold_lines.append(line)
            ticks.append((line.value(), text))
        self.grade_axis.setTicks([ticks, []])
        self.grade_axis.set_title(
            self.counts,
            translate("Chart", "ANC grade, CTCAE v{version}").format(version=version),
            short=translate("Chart", "CTCAE v{version}").format(version=version),
            color=THRESHOLD_COLOUR,
        )

    def _draw_nadir_and_recovery(
        self, chart: PatientChart, cycle: CycleChart
    ) -> tuple[str | None, str | None]:
        """The nadir star and the recovery line; their legend texts."""
        if cycle.nadir is None or not cycle.nadir_marked:
            self._nadir_star.setData([], [])
            return None, None
        x = day_position(cycle.cycle.day1, cycle.nadir.result.taken, chart.tz)
        y = self.scale.to_view(float(cycle.nadir.anc))
        grade = "" if cycle.nadir_grade is None else f" · {shown(cycle.nadir_grade.short)}"
        word = (
            translate("Chart", "lowest so far")
            if cycle.nadir_provisional
            else translate("Chart", "nadir")
        )
        text = (
            f"{word} {number(count_text(cycle.nadir.anc))} · "
            f"{day_mark(cycle.nadir.cycle_day)}{grade}"
        )
        self._nadir_star.setData([x], [y], data=[text])
        self._nadir_text.setText(text)
        self._hang(self.counts, self._nadir_text, "point", x, y)
        self.nadir_marker = self._nadir_star
        if cycle.recovery is None:
            return text, None
        rx = day_position(cycle.cycle.day1, cycle.recovery.result.taken, chart.tz)
        self._recovery_line.setPos(rx)
        self._show(self._recovery_line)
        self.recovery_line = self._recovery_line
        recovery = translate("Chart", "recovery D{day} (ANC ≥{anc})").format(
            day=cycle.recovery.cycle_day, anc=number(chart.settings.recovery_anc)
        )
        self.recovery_label.setText(
            translate("Chart", "recovery D{day}").format(day=cycle.recovery.cycle_day)
        )
        self._hang(self.counts, self.recovery_label, "top", rx, 0)
        return text, recovery

    def _draw_earlier_nadir(self, chart: PatientChart, cycle: CycleChart) -> None:
        """A faded star and label for an earlier cycle's nadir, to compare with this one."""
        if cycle.nadir is None:
            return
        x = day_position(cycle.cycle.day1, cycle.nadir.result.taken, chart.tz)
        text = translate("Chart", "C{cycle} {anc} on D{day}").format(
            cycle=cycle.cycle.number,
            anc=number(count_text(cycle.nadir.anc)),
            day=cycle.nadir.cycle_day,
        )
        self.earlier_nadirs.append(text)
        if not cycle.nadir_marked:
            return
        colour = pg.mkColor("#b38f00")
        colour.setAlpha(150)
        star = pg.ScatterPlotItem(
            [x],
            [self.scale.to_view(float(cycle.nadir.anc))],
            symbol="star",
            size=13,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen(None),
            data=[text],
        )
        star.opts["hoverable"] = True
        star.opts["tip"] = _tip
        self._add(self.counts, star)

    def _draw_day1(self) -> None:
        for line in self.day1_lines:
            self._show(line)
        if self.count_axis.calendar:
            self.day1_label.setText(day_mark(1))
            self._hang(self.counts, self.day1_label, "top", 1.0, 0)

    def _draw_now(self, chart: PatientChart, cycle: CycleChart) -> str | None:
        """The "now" line, on the current cycle only: a missing CBC shows as a gap."""
        if cycle is not chart.cycles[-1]:
            return None
        x = day_position(cycle.cycle.day1, chart.now, chart.tz)
        if x > cycle.cycle.cycle_length_days + 15:
            return None  # long after this cycle: the line would stretch the axis
        self.now_x = x
        for line in self.now_lines:
            line.setPos(x)
            self._show(line)
        text = translate("Chart", "now D{day} {time}").format(
            day=day_label(x), time=f"{chart.today:%H:%M}"
        )
        # The plot says only "now" (it fits beside the line); the legend gives day and time.
        self.now_label.setText(translate("Chart", "now"))
        self._hang(self.counts, self.now_label, "top", x, 0)
        return text

    def _draw_gcsf(
        self, chart: PatientChart, cycle: CycleChart, doses: Sequence[GcsfDose]
    ) -> str | None:
        if not doses:
            self._gcsf.setData([], [])
            return None
        xs = [day_position(cycle.cycle.day1, d.given, chart.tz) for d in doses]
        tips = [f"G-CSF {d.drug} {d.dose}\n{clinical_time(d.given, chart.tz)}" for d in doses]
        self._gcsf.setData(xs, [0.0] * len(xs), data=tips)
        self.gcsf_marker = self._gcsf
        self.spoken += [
            translate("Chart", "G-CSF dose (triangle on the day axis): {dose} given {time}").format(
                dose=tip.split("\n")[0], time=tip.split("\n")[1]
            )
            for tip in tips
        ]
        return translate("Chart", "G-CSF dose (triangle)")

    def _draw_temperatures(
        self, chart: PatientChart, cycle: CycleChart, records: CycleRecords
    ) -> None:
        rule = FN_RULES[chart.settings.fn_rule]
        temps = records.temperatures
        xs = [day_position(cycle.cycle.day1, t.taken, chart.tz) for t in temps]
        ys = [float(t.celsius) for t in temps]
        self._show(self.fever_line)
        self.fever_line.setPos(float(rule.single_celsius))
        limit = f"{OP_SYMBOL[rule.single_op]}{number(rule.single_celsius)} °C"
        self.fever_text = f"{limit} ({shown(rule.label)})"
        self.fever_axis.setTicks([[(float(rule.single_celsius), limit)], []])
        self.fever_axis.set_title(self.temps, shown(rule.label), color=FEVER_COLOUR)
        low, high = TEMP_RANGE
        if ys:
            low, high = min(low, math.floor(min(ys))), max(high, math.ceil(max(ys)))
        self.temp_span = (low, high)
        # Every second whole degree inside the range: pyqtgraph's own ticks filled the short
        # axis with a block of tenths.
        degrees = range(math.ceil(low / 2) * 2, math.floor(high) + 1, 2)
        self.temp_level_axis.setTicks([[(float(c), str(c)) for c in degrees], []])
        if temps:
            tips = [
                f"{number(plain(t.celsius))} °C {route_text(t.route)}\n"
                f"{clinical_time(t.taken, chart.tz)}"
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
                    data=[
                        tips[i]
                        + "\n"
                        + translate("Chart", "fever ({rule})").format(rule=shown(rule.label))
                        for i in febrile
                    ],
                )
                self.spoken += [
                    translate("Chart", "fever reading (diamond): {reading} at {time}").format(
                        reading=tips[i].split("\n")[0], time=tips[i].split("\n")[1]
                    )
                    for i in febrile
                ]
                self.fever_readings.opts["hoverable"] = True
                self.fever_readings.opts["tip"] = _tip
                self._add(self.temps, self.fever_readings)
        else:
            self.temp_curve.setData([], [])
        alerts = records.alerts
        if alerts:
            ax = [day_position(cycle.cycle.day1, a.at, chart.tz) for a in alerts]
            ay = [self.temp_span[1]] * len(alerts)  # moved into their row by _fit_y
            tips = [f"{alert_kind_text(a.kind)} [{a.rule}]\n{shown(a.detail)}" for a in alerts]
            self.fever_marker = pg.ScatterPlotItem(
                ax,
                ay,
                symbol="x",
                size=14,
                brush=pg.mkBrush(FEVER_COLOUR),
                pen=pg.mkPen(FEVER_COLOUR, width=2.5),
                data=tips,
            )
            self.spoken += [
                translate("Chart", "alert (cross): {alert}").format(alert=tip.replace("\n", ": "))
                for tip in tips
            ]
            self.fever_marker.opts["hoverable"] = True
            self.fever_marker.opts["tip"] = _tip
            self._add(self.temps, self.fever_marker)
            for x, alert in zip(ax, alerts, strict=True):
                text = (
                    translate("Chart", "FN")
                    if alert.kind == "febrile_neutropenia"
                    else translate("Chart", "FN?")
                )
                label = pg.TextItem(f"{text} ({alert.rule})", color=FEVER_COLOUR, anchor=(0, 0))
                label.setZValue(20)
                self._add(self.temps, label, bounds=False)
                self._hang(self.temps, label, "alert", x, 0)

    def _fit_x(self, cycle: CycleChart) -> None:
        xs = [x for drawn in self.drawn for x in drawn.anc_x + drawn.wbc_x]
        if self.now_x is not None:
            xs.append(self.now_x)
        low = min([1.0, *xs]) - 0.5
        high = max([float(cycle.cycle.cycle_length_days) + 1, cycle.window[1] + 2.0, *xs]) + 0.5
        self.x_range = (low, high)
        self.counts.setXRange(low, high, padding=0)
        self.level_axis.setTicks(self.scale.ticks())
        self.temp_axis.set_title(self.temps, self.temp_axis.title(low, high))
        if self.scale.compressed:
            self._show(self.break_line)
        self.level_axis.set_title(self.counts, self._count_title())

    def _count_title(self) -> str:
        """The count axis's title; "; log >10" when the top of the scale is compressed."""
        if not self.scale.compressed:
            return count_label()
        return f"{count_label()}; log >{number(f'{LINEAR_TO:g}')}"

    def _draw_baseline_only(self, chart: PatientChart) -> None:
        """A patient with no cycle: the baseline results (if any) on calendar dates, from
        the first result to today. Cycle days would be false, so none are drawn, and every
        axis text is set here: nothing of the patient shown before remains (see
        docs/chart.md)."""
        today = chart.today.astimezone(chart.tz).date()
        first = min(
            [
                today - timedelta(days=6),
                *(r.result.taken.astimezone(chart.tz).date() for r in chart.baseline),
            ]
        )
        for axis in (self.count_axis, self.temp_axis):
            axis.set_days(first, True)
        anc = [r for r in chart.baseline if r.result.anc is not None]
        wbc = [r for r in chart.baseline if r.result.wbc is not None]
        counts = [
            float(v) for r in chart.baseline for v in (r.result.anc, r.result.wbc) if v is not None
        ]
        self.scale = CountScale(max([2.0, *counts]))
        to_view = self.scale.to_view
        for curve, items, measure in ((self.anc_curve, anc, "ANC"), (self.wbc_curve, wbc, "WBC")):
            xs = [day_position(first, r.result.taken, chart.tz) for r in items]
            values = [r.result.anc if measure == "ANC" else r.result.wbc for r in items]
            ys = [float(v) for v in values if v is not None]
            colour = ANC_COLOUR if measure == "ANC" else WBC_COLOUR
            _set_marks(
                curve,
                xs,
                [to_view(y) for y in ys],
                items,
                [PointTip(r, measure, chart) for r in items],
                style=(colour, 255, "w" if measure == "ANC" else None, False),
            )
        self._draw_thresholds(chart.settings.ctcae_version)
        # Day n runs from n to n + 1: the range covers the first day and today whole.
        self.x_range = (0.75, (today - first).days + 2.25)
        self.counts.setXRange(*self.x_range, padding=0)
        self.counts.setYRange(-0.05 * self.scale.view_top, self.scale.view_top, padding=0)
        self.level_axis.setTicks(self.scale.ticks())
        self.temp_axis.set_title(self.temps, self.temp_axis.title(*self.x_range))
        if self.scale.compressed:
            self._show(self.break_line)
        self.level_axis.set_title(self.counts, self._count_title())
        self.counts.setTitle(
            translate("Chart", "No cycle: baseline only (calendar dates)")
            if chart.baseline
            else translate("Chart", "No cycle started and no results yet"),
            size=text_size(1),
        )
        self.counts.layout.setRowFixedHeight(0, scaled(30))


def alert_kind_text(kind: str) -> str:
    """An alert's kind in words: "febrile neutropenia", "possible febrile neutropenia"."""
    kinds = {
        "febrile_neutropenia": translate("Chart", "febrile neutropenia"),
        "possible_febrile_neutropenia": translate("Chart", "possible febrile neutropenia"),
    }
    return kinds.get(kind, kind.replace("_", " "))


def route_text(route: str) -> str:
    """A temperature's route in words (stored in English)."""
    routes = {
        "oral": translate("Chart", "oral"),
        "axillary": translate("Chart", "axillary"),
        "tympanic": translate("Chart", "tympanic"),
    }
    return routes.get(route, route)


def _opaque_on_white(pen: Any) -> Any:
    """A translucent pen as the opaque colour it gives on the chart's white: Qt draws a
    translucent line a pixel at a time (a day grid ~15× slower than an opaque one)."""
    colour = pen.color()
    alpha = colour.alphaF()
    if alpha >= 1:
        return pen
    opaque = QPen(pen)
    opaque.setColor(QColor(*(round(255 - alpha * (255 - c)) for c in colour.getRgb()[:3])))
    return opaque


def _set_visible(item: pg.GraphicsObject, visible: bool) -> None:
    if item.isVisible() != visible:
        item.setVisible(visible)


def _tip(x: float, y: float, data: object) -> str:  # noqa: ARG001  pyqtgraph calls tip(x=, y=, data=)
    return str(data)
