"""The right-hand side: patient header, cycle-day chart, and the shown cycle's records."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from wardchart.domain.chart import CycleChart, PatientChart
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.i18n import shown, translate
from wardchart.ui.patient_header import PatientHeader, header_html
from wardchart.ui.records_panel import RecordsPanel

if TYPE_CHECKING:
    from wardchart.plot.cycle_chart import ChartView

#: What the Show box says for a patient with no cycle.
NO_CYCLE_TEXT = QT_TRANSLATE_NOOP("PatientView", "No cycle: baseline only")
NO_PATIENT_TEXT = QT_TRANSLATE_NOOP("PatientView", "Select a patient on the census.")


class CycleBox(QComboBox):
    """The "Show:" box: as wide as the widest list of cycles it has offered, and no
    narrower later. A box sized to its contents asks for a new geometry whenever its
    entries change, and the whole window would be laid out again on every click down the
    census; at a fixed size, new entries only repaint it. Call ``fit`` after changing them.

    It measures its entries itself: Qt's own "fit the contents" policy also resizes and
    repaints the box 20 ms after every change of entries, a second paint of the box (and
    of the patient view behind it) after every patient selected.
    """

    def __init__(self) -> None:
        super().__init__()
        self.fit()

    def fit(self) -> None:
        """Widen to the entries now offered (never narrower)."""
        hint = self.contents_size()
        width = max(hint.width(), self.minimumWidth())
        if (width, hint.height()) != (self.maximumWidth(), self.maximumHeight()):
            self.setFixedSize(width, hint.height())

    def contents_size(self) -> QSize:
        """The size that shows every entry whole, as Qt sizes a box that fits its contents:
        the widest entry (or seven x's when there is none), a line of the font at least 14
        pixels high and 2 more, and the style's frame and arrow around them (tested
        against Qt's own)."""
        metrics = self.fontMetrics()
        texts = [self.itemText(index) for index in range(self.count())]
        width = max(
            (metrics.boundingRect(text).width() for text in texts),
            default=7 * metrics.horizontalAdvance("x"),
        )
        height = max(math.ceil(QFontMetricsF(self.font()).height()), 14) + 2
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, QSize(width, height), self
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setMinimumWidth(0)  # measured again in the new font
            self.fit()


class PatientView(QWidget):
    """Header, chart controls, the chart and the records tables for one patient."""

    view_changed = Signal()
    history_requested = Signal(object)  # RecordRef
    correct_requested = Signal(object)
    withdraw_requested = Signal(object)
    review_requested = Signal()  # the header's "conflict — review" link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: PatientChart | None = None
        self.chart_view: ChartView | None = None
        self.header = PatientHeader(shown(NO_PATIENT_TEXT))
        self.header.setAccessibleName(translate("PatientView", "Patient header"))
        self.header.linkActivated.connect(lambda _link: self.review_requested.emit())
        self.cycle_box = CycleBox()
        self.cycle_box.setAccessibleName(translate("PatientView", "Cycle shown on the chart"))
        self.calendar_box = QCheckBox(translate("PatientView", "Calendar dates"))
        self.calendar_box.setAccessibleName(
            translate("PatientView", "Label the axis with calendar dates")
        )
        # What the nurse chose; the box shows it whenever calendar dates can be shown.
        self.calendar_wanted = False
        controls = QHBoxLayout()
        controls.addWidget(QLabel(translate("PatientView", "Show:")))
        controls.addWidget(self.cycle_box)
        controls.addWidget(self.calendar_box)
        controls.addStretch(1)
        self.placeholder = QLabel(translate("PatientView", "Loading chart…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_holder = QVBoxLayout()
        self.chart_holder.setContentsMargins(0, 0, 0, 0)
        self.chart_holder.addWidget(self.placeholder)
        chart_box = QWidget()
        chart_box.setLayout(self.chart_holder)
        self.records = RecordsPanel()
        lower = self.records
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(chart_box)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([480, 170])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header.holder)
        layout.addLayout(controls)
        layout.addWidget(self.splitter, 1)
        self.cycle_box.currentIndexChanged.connect(self._on_view_changed)
        self.calendar_box.toggled.connect(self._on_calendar_toggled)
        self.records.history_requested.connect(self.history_requested)
        self.records.correct_requested.connect(self.correct_requested)
        self.records.withdraw_requested.connect(self.withdraw_requested)

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
        self.header.show_text(shown(NO_PATIENT_TEXT) if chart is None else header_html(chart))
        conflicts = () if chart is None else chart.conflicts
        self.header.setToolTip("\n".join(shown(m.line()) for m in conflicts))
        wanted = self.current_view() if keep_view else "current"
        self.cycle_box.blockSignals(True)
        self.cycle_box.clear()
        if chart is not None and chart.cycles:
            self.cycle_box.addItem(
                translate("PatientView", "Cycle {number} (current)").format(
                    number=chart.cycles[-1].cycle.number
                ),
                "current",
            )
            for cycle in reversed(chart.cycles[:-1]):
                self.cycle_box.addItem(
                    translate("PatientView", "Cycle {number}").format(number=cycle.cycle.number),
                    str(cycle.cycle.number),
                )
            if len(chart.cycles) > 1:
                self.cycle_box.addItem(translate("PatientView", "All cycles overlaid"), "overlay")
        elif chart is not None:
            self.cycle_box.addItem(shown(NO_CYCLE_TEXT), "current")
        # Nothing to choose between: one entry (or none) is shown, not offered.
        self.cycle_box.setEnabled(self.cycle_box.count() > 1)
        self.cycle_box.fit()
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
        self.records.show_records(chart, None if view == "overlay" else self._shown_cycle())
        self._offer_calendar(chart, view)
        if self.chart_view is not None:
            self.chart_view.show_chart(chart, view, self.calendar_box.isChecked())

    def _offer_calendar(self, chart: PatientChart | None, view: str) -> None:
        """Enable the calendar box where it means something; elsewhere grey it, ticked
        exactly when the axis shows dates (a patient with no cycle) and unticked when it
        shows cycle days (overlay), and say why in its tooltip; the nurse's choice comes
        back with a single cycle (see docs/chart.md)."""
        if chart is None or not chart.cycles:
            why: str | None = translate(
                "PatientView", "No cycle yet: the baseline results are dated by the calendar."
            )
        elif view == "overlay":
            why = translate(
                "PatientView",
                "Cycles overlaid share cycle days, not dates: choose one cycle for dates.",
            )
        else:
            why = None
        self.calendar_box.blockSignals(True)
        self.calendar_box.setEnabled(why is None)
        dated = chart is not None and not chart.cycles
        self.calendar_box.setChecked(dated or (why is None and self.calendar_wanted))
        self.calendar_box.setToolTip(
            why or translate("PatientView", "Label the day axis with calendar dates")
        )
        self.calendar_box.blockSignals(False)

    def _on_calendar_toggled(self, checked: bool) -> None:
        self.calendar_wanted = checked
        self._on_view_changed()

    def _on_view_changed(self) -> None:
        self._redraw()
        self.view_changed.emit()
