"""The right-hand side: patient header, cycle-day chart, and the shown cycle's records."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wardchart.domain.chart import CycleChart, PatientChart
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.i18n import clinical_time, date_text, shown, translate
from wardchart.ui import colours
from wardchart.ui.records_panel import RecordsPanel
from wardchart.ui.wording import escaped as escape
from wardchart.ui.wording import localised

if TYPE_CHECKING:
    from wardchart.plot.cycle_chart import ChartView

#: What the Show box says for a patient with no cycle.
NO_CYCLE_TEXT = QT_TRANSLATE_NOOP("PatientView", "No cycle: baseline only")
NO_PATIENT_TEXT = QT_TRANSLATE_NOOP("PatientView", "Select a patient on the census.")


def header_html(chart: PatientChart) -> str:
    """Name, two identifiers, location, regimen, today's cycle day, flags and alerts."""
    p = chart.patient
    first = (
        f"<span style='font-size:x-large'><b>{escape(p.name)}</b></span>&nbsp;&nbsp;"
        + translate(
            "PatientView", "MRN <b>{mrn}</b>&nbsp;·&nbsp;DOB {dob} ({age} y)&nbsp;·&nbsp;bed {bed}"
        ).format(mrn=escape(p.mrn), dob=date_text(p.dob), age=chart.age, bed=escape(p.bed or "—"))
        + (f"&nbsp;·&nbsp;{escape(p.diagnosis)}" if p.diagnosis.strip() else "")
    )
    current = chart.current
    if current is None:
        second = translate("PatientView", "No cycle started yet.")
    else:
        c = current.cycle
        status = escape(localised(chart.nadir_status.value)) if chart.nadir_status else ""
        second = translate(
            "PatientView",
            "<b>{regimen}</b> · cycle {cycle}, <b>day {day}</b> (day 1 {day1}) · expected "
            "nadir D{start}–D{end}: <b>{status}</b> · next cycle: {readiness} ({reason})",
        ).format(
            regimen=escape(c.regimen_name),
            cycle=c.number,
            day=chart.today_cycle_day,
            day1=date_text(c.day1),
            start=c.nadir_start,
            end=c.nadir_end,
            status=status,
            readiness=escape(localised(current.readiness.status)),
            reason=escape(localised(current.readiness.reason)),
        )
    flags = [escape(localised(f.label)) for f in chart.risk]
    flags.append(
        translate("PatientView", "neutropenic precautions <b>ON</b>")
        if chart.precautions_active
        else translate("PatientView", "precautions off")
    )
    if chart.cbc_overdue:
        flags.append(translate("PatientView", "<b>no CBC in 24 h during the nadir window</b>"))
    lines = [
        first,
        second,
        translate("PatientView", "Flags: {flags}").format(flags=" · ".join(flags)),
    ]
    if chart.conflicts:
        count = len(chart.conflicts)
        subjects = "; ".join(shown(m.subject) for m in chart.conflicts)
        lines.append(
            f"<span style='color:{colours.error_text()}'>"
            + (
                translate(
                    "PatientView",
                    "<b>⚑ CONFLICT — REVIEW:</b> 1 conflict between charts merged "
                    "({subjects}) · <a href='review'>Review conflicts…</a>",
                )
                if count == 1
                else translate(
                    "PatientView",
                    "<b>⚑ CONFLICT — REVIEW:</b> {count} conflicts between charts merged "
                    "({subjects}) · <a href='review'>Review conflicts…</a>",
                )
            ).format(count=count, subjects=escape(subjects))
            + "</span>"
        )
    for alert in chart.current_alerts:
        when = clinical_time(alert.at, chart.tz)
        kind = (
            translate("PatientView", "FEBRILE NEUTROPENIA")
            if alert.kind == "febrile_neutropenia"
            else translate("PatientView", "POSSIBLE FEBRILE NEUTROPENIA")
        )
        lines.append(
            f"<span style='color:{colours.error_text()}'><b>⚠ {kind}</b> [{escape(alert.rule)}] "
            f"{when}: {escape(localised(alert.detail))}</span>"
        )
    return "<br>".join(lines)


# A header narrower than this many characters is not measured (see ``PatientHeader.fit``).
NARROWEST_READABLE = 12


class PatientHeader(QLabel):
    """The patient header: as tall as its text, but steady as the nurse clicks down the census.

    It keeps room for its three usual lines and one alert line, and it does not give back a
    single line when the next patient's header is one line shorter (one alert fewer, one
    line less wrapped): the chart and records below stay where they are instead of jumping
    by a line at each click. It grows whenever its text needs it (nothing of a header is
    ever cut off), gives back two lines or more at once, and fits its text again when the
    window's width changes.

    The layout holds ``holder``, whose height the header sets itself, not the label: a
    QLabel asks its layout for a new geometry on every new text, and the patient view
    would be laid out again (about a millisecond) on every click even when nothing moves.
    """

    # Shaped as the header is: the name line larger, then the cycle, the flags and one
    # alert line (with the alert and conflict signs, which may come from another font).
    ROOM = "<span style='font-size:x-large'><b>X</b></span><br>X<br>X<br><b>⚠ ⚑</b> X"

    def __init__(self, text: str) -> None:
        self.holder = _HeaderHolder(self)
        super().__init__(text, self.holder)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self._room = 0
        # The width the header was last fitted to (None: not laid out yet, or dragged
        # (nearly) shut): a text is measured at that width, and only then.
        self._width: int | None = None
        self._laid_out: tuple[str, int, str] | None = None
        # Measures texts at a width; the label's own measure would lay its text out twice.
        self._ruler = QTextDocument()
        self._ruler.setDocumentMargin(0)  # as a QLabel lays out its text
        wrap = QTextOption()
        # Between words, as a label; but a word wider than the header (a long code or
        # name in a narrow window) is broken where it must be: a label would be cut off,
        # or widen the window past the screen.
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._ruler.setDefaultTextOption(wrap)
        self._keep_room()

    def show_text(self, text: str) -> None:
        """Show a header, keeping the height it has unless the text needs more, or a lot
        less."""
        self.setText(text)
        if self._width is None:
            return  # measured when it is laid out (a label's width before is Qt's default)
        kept, line = self.holder.height(), self.fontMetrics().lineSpacing()
        needed = self._needed(self._width)
        if needed > kept or kept - needed > line:
            self._set_height(self._width, needed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._keep_room()

    def fit(self, width: int) -> None:
        """The holder has a new width: the header fills it and fits its text again. A
        patient view dragged (nearly) shut keeps the height: the text would stand a few
        letters a line, as tall as many screens, where nobody can read it."""
        if width < NARROWEST_READABLE * self.fontMetrics().averageCharWidth():
            self._width = None
            self.setGeometry(0, 0, width, self.holder.height())
            return
        self._width = width
        self._set_height(width, self._needed(width))

    def _set_height(self, width: int, height: int) -> None:
        """The holder's height and the header's size, the header's at once: a holder
        being shown, or hidden, hears of its new height only later, or not at all."""
        if height != self.holder.maximumHeight():
            self.holder.setFixedHeight(height)
        self.setGeometry(0, 0, width, height)

    def _needed(self, width: int) -> int:
        """The height the shown text needs at ``width``, and never less than the room."""
        margins = self.contentsMargins()
        text_width = max(1, width - margins.left() - margins.right())
        self._lay_out(text_width)
        height = math.ceil(self._ruler.size().height()) + margins.top() + margins.bottom()
        return max(self._room, height)

    def _lay_out(self, text_width: int) -> None:
        """The shown text laid out at ``text_width`` in ``_ruler`` (once per text, width
        and font)."""
        wanted = (self.text(), text_width, self.font().key())
        if wanted != self._laid_out:
            self._ruler.setDefaultFont(self.font())
            self._ruler.setTextWidth(text_width)
            self._ruler.setHtml(wanted[0])
            self._laid_out = wanted

    def paintEvent(self, _event: QPaintEvent) -> None:
        """QLabel's painting (its colours, the text centred in its height), of the text
        as laid out to measure it: QLabel would lay the same text out once more."""
        margins = self.contentsMargins()
        area = self.contentsRect()
        self._lay_out(max(1, area.width()))
        painter = QPainter(self)
        centred = max(0.0, (area.height() - self._ruler.size().height()) / 2)
        painter.translate(margins.left(), math.floor(area.top() + centred))  # as QLabel
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.palette()
        if self.isEnabled():
            context.palette.setColor(QPalette.ColorRole.Text, self.palette().windowText().color())
        self._ruler.documentLayout().draw(painter, context)
        painter.end()

    def _keep_room(self) -> None:
        text = self.text()
        self.setText(self.ROOM)
        self._room = 0
        self._room = self._needed(10_000)
        self.setText(text)
        if self._width is None:
            self._set_height(self.width(), self._room)
        else:
            self._set_height(self._width, self._needed(self._width))


class _HeaderHolder(QWidget):
    """What the layout holds of the patient header (see ``PatientHeader``)."""

    def __init__(self, header: PatientHeader) -> None:
        super().__init__()
        self._header = header

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._header.fit(event.size().width())
        else:
            self._header.resize(event.size())


class CycleBox(QComboBox):
    """The "Show:" box: as wide as the widest list of cycles it has offered, and no
    narrower later. A box sized to its contents asks for a new geometry whenever its
    entries change, and the whole window would be laid out again on every click down the
    census; at a fixed size, new entries only repaint it. Call ``fit`` after changing them.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.fit()

    def fit(self) -> None:
        """Widen to the entries now offered (never narrower)."""
        hint = self.sizeHint()
        width = max(hint.width(), self.minimumWidth())
        if (width, hint.height()) != (self.maximumWidth(), self.maximumHeight()):
            self.setFixedSize(width, hint.height())

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
