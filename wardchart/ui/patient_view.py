"""The right-hand side: patient header, cycle-day chart, and the selected cycle's results."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wardchart.domain.chart import ChartedResult, CycleChart, PatientChart
from wardchart.domain.grading import Grade
from wardchart.domain.timeparse import iso_local
from wardchart.domain.units import display

if TYPE_CHECKING:
    from wardchart.ui.chart import ChartView

Index = QModelIndex | QPersistentModelIndex
RESULT_COLUMNS = (
    "Taken",
    "Day",
    "WBC",
    "ANC",
    "ANC from",
    "ANC grade",
    "WBC grade",
    "Entered by",
    "",
)


def _grade_text(grade: Grade | None) -> str:
    if grade is None:
        return ""
    return f"{grade.short} (v{grade.version})"


class ResultsModel(QAbstractTableModel):
    """A cycle's results as a table (oldest first, as on the chart)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ChartedResult] = []
        self._chart: PatientChart | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RESULT_COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return RESULT_COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.cells(self._rows[index.row()])[index.column()]

    def cells(self, item: ChartedResult) -> tuple[str, ...]:
        """The text of every column for one result."""
        r = item.result
        tz = None if self._chart is None else self._chart.tz
        return (
            iso_local(r.taken, tz)[:16].replace("T", " "),
            "" if item.cycle_day is None else str(item.cycle_day),
            "" if r.wbc is None else display(r.wbc),
            "" if r.anc is None else display(r.anc),
            r.anc_source or "",
            _grade_text(item.anc_grade),
            _grade_text(item.wbc_grade),
            r.recorded_by,
            "corrected" if r.corrected else "",
        )

    def set_results(self, chart: PatientChart | None, rows: list[ChartedResult]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._chart, self._rows = chart, list(rows)
        self.endResetModel()

    def result_at(self, row: int) -> ChartedResult:
        """The result at a row."""
        return self._rows[row]


def header_html(chart: PatientChart) -> str:
    """Name, two identifiers, location, regimen, today's cycle day, flags and alerts."""
    p = chart.patient
    first = (
        f"<span style='font-size:14pt'><b>{escape(p.name)}</b></span>"
        f"&nbsp;&nbsp;MRN <b>{escape(p.mrn)}</b>&nbsp;·&nbsp;DOB {p.dob:%Y-%m-%d} "
        f"({chart.age} y)&nbsp;·&nbsp;bed {escape(p.bed or '—')}"
        f"&nbsp;·&nbsp;{escape(p.diagnosis)}"
    )
    current = chart.current
    if current is None:
        second = "No cycle started yet."
    else:
        c = current.cycle
        status = chart.nadir_status.value if chart.nadir_status else ""
        second = (
            f"<b>{escape(c.regimen_name)}</b> · cycle {c.number}, "
            f"<b>day {chart.today_cycle_day}</b> (day 1 {c.day1:%Y-%m-%d}) · expected "
            f"nadir D{c.nadir_start}–D{c.nadir_end}: <b>{status}</b> · next cycle: "
            f"{current.readiness.status} ({escape(current.readiness.reason)})"
        )
    flags = [escape(f.label) for f in chart.risk]
    flags.append(
        "neutropenic precautions <b>ON</b>" if chart.precautions_active else "precautions off"
    )
    if chart.cbc_overdue:
        flags.append("<b>no CBC in 24 h during the nadir window</b>")
    lines = [first, second, "Flags: " + " · ".join(flags)]
    for alert in chart.current_alerts:
        when = iso_local(alert.at, chart.tz)[:16].replace("T", " ")
        kind = (
            "FEBRILE NEUTROPENIA"
            if alert.kind == "febrile_neutropenia"
            else "POSSIBLE FEBRILE NEUTROPENIA"
        )
        lines.append(
            f"<span style='color:#b00020'><b>⚠ {kind}</b> [{escape(alert.rule)}] "
            f"{when}: {escape(alert.detail)}</span>"
        )
    return "<br>".join(lines)


class PatientView(QWidget):
    """Header, chart controls, the chart and the results table for one patient."""

    view_changed = Signal()
    history_requested = Signal(object)  # ChartedResult
    correct_requested = Signal(object)
    withdraw_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: PatientChart | None = None
        self.chart_view: ChartView | None = None
        self.header = QLabel("Select a patient on the census.")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setAccessibleName("Patient header")
        self.cycle_box = QComboBox()
        self.cycle_box.setAccessibleName("Cycle shown on the chart")
        self.cycle_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.calendar_box = QCheckBox("Calendar dates")
        self.calendar_box.setAccessibleName("Label the axis with calendar dates")
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Show:"))
        controls.addWidget(self.cycle_box)
        controls.addWidget(self.calendar_box)
        controls.addStretch(1)
        self.placeholder = QLabel("Loading chart…")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_holder = QVBoxLayout()
        self.chart_holder.setContentsMargins(0, 0, 0, 0)
        self.chart_holder.addWidget(self.placeholder)
        chart_box = QWidget()
        chart_box.setLayout(self.chart_holder)
        self.results = ResultsModel()
        self.table = QTableView()
        self.table.setAccessibleName("Results of the cycle shown")
        self.table.setModel(self.results)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.history_button = QPushButton("History…")
        self.correct_button = QPushButton("Correct…")
        self.withdraw_button = QPushButton("Entered in error…")
        for button, text in (
            (self.history_button, "Correction history of the selected result"),
            (self.correct_button, "Correct the selected result"),
            (self.withdraw_button, "Mark the selected result entered in error"),
        ):
            button.setAccessibleName(text)
            button.setToolTip(text)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Results of the cycle shown"))
        buttons.addStretch(1)
        for button in (self.history_button, self.correct_button, self.withdraw_button):
            buttons.addWidget(button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(chart_box)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([480, 170])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(controls)
        layout.addWidget(self.splitter, 1)
        self.cycle_box.currentIndexChanged.connect(self._on_view_changed)
        self.calendar_box.toggled.connect(self._on_view_changed)
        self.history_button.clicked.connect(lambda: self._emit_for_selected(self.history_requested))
        self.correct_button.clicked.connect(lambda: self._emit_for_selected(self.correct_requested))
        self.withdraw_button.clicked.connect(
            lambda: self._emit_for_selected(self.withdraw_requested)
        )
        self._update_buttons()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    # --- public API ---------------------------------------------------------------------

    def attach_chart(self, view: ChartView) -> None:
        """Put the (lazily imported) chart in place of the placeholder and draw."""
        self.chart_holder.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        self.chart_holder.addWidget(view)
        self.chart_view = view
        self._redraw()

    def show_patient(self, chart: PatientChart | None, *, keep_view: bool = False) -> None:
        """Show a patient's chart (None: nothing selected)."""
        self.chart = chart
        self.header.setText(
            "Select a patient on the census." if chart is None else header_html(chart)
        )
        wanted = self.current_view() if keep_view else "current"
        self.cycle_box.blockSignals(True)
        self.cycle_box.clear()
        if chart is not None and chart.cycles:
            self.cycle_box.addItem(f"Cycle {chart.cycles[-1].cycle.number} (current)", "current")
            for cycle in reversed(chart.cycles[:-1]):
                self.cycle_box.addItem(f"Cycle {cycle.cycle.number}", str(cycle.cycle.number))
            if len(chart.cycles) > 1:
                self.cycle_box.addItem("All cycles overlaid", "overlay")
        position = self.cycle_box.findData(wanted)
        self.cycle_box.setCurrentIndex(max(position, 0))
        self.cycle_box.blockSignals(False)
        self._redraw()

    def current_view(self) -> str:
        """ "current", "overlay", or a cycle number as text."""
        return str(self.cycle_box.currentData() or "current")

    def set_view(self, view: str) -> None:
        """Choose what the chart shows, if this patient has it."""
        position = self.cycle_box.findData(view)
        if position >= 0:
            self.cycle_box.setCurrentIndex(position)

    def selected_result(self) -> ChartedResult | None:
        """The result selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.results.result_at(rows[0].row()) if rows else None

    # --- internals ----------------------------------------------------------------------

    def _shown_cycle(self) -> CycleChart | None:
        if self.chart is None or not self.chart.cycles:
            return None
        from_view = self.current_view()
        return next(
            (c for c in self.chart.cycles if str(c.cycle.number) == from_view),
            self.chart.cycles[-1],
        )

    def _redraw(self) -> None:
        chart, view = self.chart, self.current_view()
        cycle = self._shown_cycle()
        if chart is None:
            rows: list[ChartedResult] = []
        elif view == "overlay" or cycle is None:
            rows = list(chart.all_results)
        else:
            rows = list(cycle.results)
            if cycle.cycle.number == 1:
                rows = list(chart.baseline) + rows
        self.results.set_results(chart, rows)
        self.calendar_box.setEnabled(view != "overlay")
        if self.chart_view is not None:
            self.chart_view.show_chart(chart, view, self.calendar_box.isChecked())
        self._update_buttons()

    def _on_view_changed(self) -> None:
        self._redraw()
        self.view_changed.emit()

    def _emit_for_selected(self, signal: Any) -> None:
        selected = self.selected_result()
        if selected is not None:
            signal.emit(selected)

    def _update_buttons(self) -> None:
        has = self.selected_result() is not None
        for button in (self.history_button, self.correct_button, self.withdraw_button):
            button.setEnabled(has)
