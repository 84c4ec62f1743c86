"""The records under the chart: results, temperatures, G-CSF doses and cycles, each one
action away from its history, its correction, or being marked entered in error."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wardchart.domain.chart import ChartedResult, CycleChart, PatientChart
from wardchart.domain.display import count_text, grade_text, lab_mark, result_note
from wardchart.domain.merge_rules import REVIEW, ConflictMark, marks_for
from wardchart.domain.records import GcsfDose, RecordKind, Temperature
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.units import display
from wardchart.i18n import clinical_time, date_text, shown, translate
from wardchart.ui.cell_widths import CellWidths
from wardchart.ui.wording import english, localised, number

Index = QModelIndex | QPersistentModelIndex
#: The heading of the column that marks records in conflict (there only when one is).
CONFLICT_HEADING = QT_TRANSLATE_NOOP("Records", "Conflict")


@dataclass(frozen=True)
class RecordRef:
    """A record shown in a table: its table, stable id, a description, and the record."""

    table: RecordKind
    record_id: str
    description: str
    item: Any

    @property
    def version(self) -> str:
        """The stored version shown: a correction or withdrawal of it is refused when the
        record has changed since (see docs/concurrent-corrections.md)."""
        record = getattr(self.item, "result", None) or getattr(self.item, "cycle", None)
        return str(getattr(record or self.item, "version", ""))


def _note(corrected: bool, lab_status: str) -> str:
    """A result's note column in the language in use."""
    if english():
        return result_note(corrected, lab_status)
    notes = ([translate("Records", "corrected")] if corrected else []) + (
        [translate("Records", "preliminary")] if lab_status == "preliminary" else []
    )
    return ", ".join(notes)


def result_row(item: ChartedResult, tz: tzinfo | None) -> tuple[tuple[str, ...], RecordRef]:
    """A result's cells and reference."""
    r = item.result
    cells = (
        clinical_time(r.taken, tz),
        "" if item.cycle_day is None else str(item.cycle_day),
        "" if r.wbc is None else number(count_text(r.wbc)) + lab_mark(r.lab_status),
        "" if r.anc is None else number(count_text(r.anc)) + lab_mark(r.lab_status),
        localised(r.anc_source or ""),
        localised(grade_text(item.anc_grade)),
        localised(grade_text(item.wbc_grade)),
        r.recorded_by,
        _note(r.corrected, r.lab_status),
    )
    what = translate("Records", "CBC taken {taken}: WBC {wbc}, ANC {anc}").format(
        taken=cells[0], wbc=cells[2] or "—", anc=cells[3] or "—"
    )
    return cells, RecordRef(RecordKind.RESULTS, r.id, what, item)


def temperature_row(t: Temperature, tz: tzinfo | None) -> tuple[tuple[str, ...], RecordRef]:
    """A temperature's cells and reference."""
    cells = (
        clinical_time(t.taken, tz),
        f"{number(display(t.celsius, 1))} °C",
        localised(t.route),
        t.recorded_by,
    )
    what = translate("Records", "Temperature {value} at {taken}").format(
        value=cells[1], taken=cells[0]
    )
    return cells, RecordRef(RecordKind.TEMPERATURES, t.id, what, t)


def gcsf_row(d: GcsfDose, tz: tzinfo | None) -> tuple[tuple[str, ...], RecordRef]:
    """A G-CSF dose's cells and reference."""
    cells = (clinical_time(d.given, tz), d.drug, d.dose, d.recorded_by)
    what = translate("Records", "{drug} {dose} given {given}").format(
        drug=d.drug, dose=d.dose, given=cells[0]
    )
    return cells, RecordRef(RecordKind.GCSF_DOSES, d.id, what, d)


def cycle_row(c: CycleChart) -> tuple[tuple[str, ...], RecordRef]:
    """A cycle's cells and reference."""
    cells = (
        str(c.cycle.number),
        c.cycle.regimen_name,
        date_text(c.cycle.day1),
        translate("Records", "D{start}–D{end}").format(start=c.window[0], end=c.window[1]),
        translate("Records", "{days} d").format(days=c.cycle.cycle_length_days),
        "—"
        if c.nadir is None
        else translate("Records", "{count} on D{day}").format(
            count=number(count_text(c.nadir.anc)), day=c.nadir.cycle_day
        ),
        "—"
        if c.recovery is None
        else translate("Records", "D{day}").format(day=c.recovery.cycle_day),
    )
    what = translate("Records", "Cycle {number} of {regimen}, day 1 {day1}").format(
        number=cells[0], regimen=cells[1], day1=cells[2]
    )
    return cells, RecordRef(RecordKind.CYCLES, c.cycle.id, what, c)


class RecordsView(QTableView):
    """A record table that shows its newest rows: the rows stay oldest first (as the chart
    reads, left to right), and the view keeps the last of them in sight until the nurse
    scrolls or moves in it herself.

    Its columns are as wide as the widest text they have shown, and do not narrow again
    from one patient to the next: nothing is cut short, the columns stay where they are as
    the nurse clicks down the census, and the table is not laid out again on each click.
    """

    def __init__(self) -> None:
        super().__init__()
        self.follow_newest = True
        self._unfitted = True
        self._widths: list[int] = []  # what each column has had to show so far
        # Made at the first widening, and again after a change of font or style: the
        # cells' measures, and each heading's width (the headings never change).
        self._cells: CellWidths | None = None
        self._heading_widths: dict[int, int] = {}
        self.verticalScrollBar().actionTriggered.connect(self._moved_by_hand)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self._heading_widths = {}  # another model's headings
        if isinstance(model, RecordsModel):
            model.refilled.connect(self._refilled)
        elif model is not None:
            model.modelReset.connect(self._refilled)

    def updateGeometries(self) -> None:
        """Whenever the scroll range is worked out (shown, resized, refilled): columns
        widened to what they now show, and scrolled to the end."""
        super().updateGeometries()
        if self.follow_newest:
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())
        if self._unfitted and self.isVisible():
            self._unfitted = False
            self._widen_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._widths = []
            self._cells = None
            self._heading_widths = {}
            self._unfitted = True
            self.updateGeometries()

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if current.isValid():
            self.follow_newest = False  # the nurse's row stays where she put it

    def _widen_columns(self) -> None:
        """Each column widened to its widest text, measured as a table measures a text cell
        (``CellWidths``): asking the view itself, cell by cell and role by role, costs a
        millisecond on every refill."""
        model = self.model()
        if not isinstance(model, RecordsModel):
            return
        header = self.horizontalHeader()
        if self._cells is None:
            self._cells = CellWidths(self)
        cells, headings = self._cells, self._heading_widths
        marked = [model.mark(row) is not None for row in range(model.rowCount())]
        for column in range(header.count()):
            wanted = headings.get(column)
            if wanted is None:
                wanted = headings[column] = header.sectionSizeHint(column)
            for row, in_conflict in enumerate(marked):
                wanted = max(wanted, cells.width(model.text(row, column), bold=in_conflict))
            if column >= len(self._widths):
                self._widths.append(wanted)
            else:
                self._widths[column] = max(wanted, self._widths[column])
            # Qt gives a new column, and one dropped and shown again (the conflict column
            # of a patient with conflicts, after one without), its default width; the last
            # column may be wider, stretched to the table's edge.
            size, width = header.sectionSize(column), self._widths[column]
            stretched = header.stretchLastSection() and column == header.count() - 1
            if size < width or (size > width and not stretched):
                header.resizeSection(column, width)

    def _refilled(self) -> None:
        # The scroll range and the columns are worked out again (``updateGeometries``)
        # when the view is next laid out, and it goes to the end then; doing it here would
        # lay out every table at once, hidden tabs too, on every patient selected.
        self.follow_newest = True
        self._unfitted = True

    def _moved_by_hand(self, _action: int) -> None:
        self.follow_newest = False


# The roles a row in conflict answers besides its text: bold, and its line in words.
_MARK_ROLES = frozenset(
    {Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole}
)


class RecordsModel(QAbstractTableModel):
    """Rows of text with the record each row stands for."""

    # Every row was replaced (``set_rows``).
    refilled = Signal()

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self.headers = tuple(headers)
        self._rows: list[tuple[tuple[str, ...], RecordRef]] = []
        #: Rows in conflict after merging charts, each with its line (see docs/merging.md):
        #: a last column says "conflict — review" on them (shown only when there are any).
        self._marks: dict[int, str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers) + bool(self._marks)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else shown(CONFLICT_HEADING)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for seven roles of every cell painted: the text first, the rest at once.
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column()) if index.isValid() else None
        if role not in _MARK_ROLES or not index.isValid():
            return None
        mark = self._marks.get(index.row())
        if mark is None:
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return localised(mark)

    def set_rows(
        self,
        rows: list[tuple[tuple[str, ...], RecordRef]],
        marks: Sequence[ConflictMark] = (),
    ) -> None:
        """Replace every row; mark those with a record in one of ``marks``.

        The old rows are removed and the new inserted (their selection goes with them), so
        the columns stay as they are: a reset would set the header's sections back to their
        defaults and repaint it, on every patient selected. Only a conflict column that
        comes or goes resets the model."""
        found = (
            (position, marks_for(marks, ref.record_id)) for position, (_, ref) in enumerate(rows)
        )
        new_marks = {position: mark.line() for position, mark in found if mark is not None}
        if bool(new_marks) != bool(self._marks):
            self.beginResetModel()
            self._rows, self._marks = rows, new_marks
            self.endResetModel()
        else:
            if self._rows:
                self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
                self._rows, self._marks = [], {}
                self.endRemoveRows()
            if rows:
                self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
                self._rows, self._marks = rows, new_marks
                self.endInsertRows()
        self.refilled.emit()

    def mark(self, row: int) -> str | None:
        """The conflict line of a row, if its record is in conflict."""
        return self._marks.get(row)

    def text(self, row: int, column: int) -> str:
        """The text of a cell, as shown."""
        if column < len(self.headers):
            return self._rows[row][0][column]
        return localised(REVIEW) if row in self._marks else ""

    def cells(self, row: int) -> tuple[str, ...]:
        """The text of a row."""
        return self._rows[row][0]

    def ref(self, row: int) -> RecordRef:
        """The record a row stands for."""
        return self._rows[row][1]


TABS = (
    (
        RecordKind.RESULTS,
        QT_TRANSLATE_NOOP("Records", "Results"),
        (
            QT_TRANSLATE_NOOP("Records", "Taken"),
            QT_TRANSLATE_NOOP("Records", "Day"),
            QT_TRANSLATE_NOOP("Records", "WBC"),
            QT_TRANSLATE_NOOP("Records", "ANC"),
            QT_TRANSLATE_NOOP("Records", "ANC from"),
            QT_TRANSLATE_NOOP("Records", "ANC grade"),
            QT_TRANSLATE_NOOP("Records", "WBC grade"),
            QT_TRANSLATE_NOOP("Records", "Entered by"),
            "",
        ),
    ),
    (
        RecordKind.TEMPERATURES,
        QT_TRANSLATE_NOOP("Records", "Temperatures"),
        (
            QT_TRANSLATE_NOOP("Records", "Taken"),
            QT_TRANSLATE_NOOP("Records", "Temperature"),
            QT_TRANSLATE_NOOP("Records", "Route"),
            QT_TRANSLATE_NOOP("Records", "Entered by"),
        ),
    ),
    (
        RecordKind.GCSF_DOSES,
        QT_TRANSLATE_NOOP("Records", "G-CSF doses"),
        (
            QT_TRANSLATE_NOOP("Records", "Given"),
            QT_TRANSLATE_NOOP("Records", "Drug"),
            QT_TRANSLATE_NOOP("Records", "Dose"),
            QT_TRANSLATE_NOOP("Records", "Entered by"),
        ),
    ),
    (
        RecordKind.CYCLES,
        QT_TRANSLATE_NOOP("Records", "Cycles"),
        (
            QT_TRANSLATE_NOOP("Records", "Cycle"),
            QT_TRANSLATE_NOOP("Records", "Regimen"),
            QT_TRANSLATE_NOOP("Records", "Day 1"),
            QT_TRANSLATE_NOOP("Records", "Expected nadir"),
            QT_TRANSLATE_NOOP("Records", "Length"),
            QT_TRANSLATE_NOOP("Records", "Nadir"),
            QT_TRANSLATE_NOOP("Records", "Recovery"),
        ),
    ),
)


class RecordsPanel(QWidget):
    """Tabs of records for the cycle shown, with History, Correct and Entered in error."""

    history_requested = Signal(object)
    correct_requested = Signal(object)
    withdraw_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("Records", "Records of the cycle shown"))
        self._models: dict[RecordKind, RecordsModel] = {}
        self.views: dict[RecordKind, QTableView] = {}
        # What the tabs show, and the tabs not filled with it yet: only the tab on screen
        # is filled when a patient is selected; another is filled when it is shown, or
        # when its rows are read (``models``).
        self._showing: tuple[PatientChart | None, CycleChart | None] = (None, None)
        self._unfilled: set[RecordKind] = set()
        for table, title, headers in TABS:
            model = RecordsModel([shown(heading) for heading in headers])
            view = RecordsView()
            view.setAccessibleName(
                translate("Records", "{records} of the cycle shown, oldest first").format(
                    records=shown(title)
                )
            )
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setTabKeyNavigation(False)  # Tab moves on; the arrows move in the table
            view.verticalHeader().hide()
            header = view.horizontalHeader()
            header.setStretchLastSection(True)
            view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
            self.tabs.addTab(view, shown(title))
            self._models[table], self.views[table] = model, view
        self.history_button = QPushButton(translate("Records", "History…"))
        self.correct_button = QPushButton(translate("Records", "Correct…"))
        self.withdraw_button = QPushButton(translate("Records", "Entered in error…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button, signal, text in (
            (
                self.history_button,
                self.history_requested,
                translate("Records", "Every version of the selected record"),
            ),
            (
                self.correct_button,
                self.correct_requested,
                translate("Records", "Correct the selected record"),
            ),
            (
                self.withdraw_button,
                self.withdraw_requested,
                translate("Records", "Mark the selected record entered in error"),
            ),
        ):
            button.setAccessibleName(text)
            button.setToolTip(text)
            button.clicked.connect(lambda _=False, s=signal: self._emit(s))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab_shown)
        self._update_buttons()

    # --- public API ---------------------------------------------------------------------

    @property
    def models(self) -> dict[RecordKind, RecordsModel]:
        """Every tab's rows, each filled with what the panel shows."""
        for table in list(self._unfilled):
            self._fill(table)
        return self._models

    def show_records(self, chart: PatientChart | None, cycle: CycleChart | None) -> None:
        """Show one cycle (None: every cycle) of a chart: the tab on screen is filled now,
        the others when they are shown."""
        self._showing = (chart, cycle)
        self._unfilled = set(self._models)
        self._fill_shown()
        self._update_buttons()

    def selected(self) -> RecordRef | None:
        """The record selected on the current tab."""
        view = self.tabs.currentWidget()
        assert isinstance(view, QTableView)
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        model = view.model()
        assert isinstance(model, RecordsModel)
        return model.ref(rows[0].row())

    def select(self, table: RecordKind, row: int) -> None:
        """Select a row of a tab (keyboard users and tests)."""
        self.tabs.setCurrentWidget(self.views[table])
        self.views[table].selectRow(row)

    # --- internals ----------------------------------------------------------------------

    def _current_table(self) -> RecordKind:
        return next(
            table for table, view in self.views.items() if view is self.tabs.currentWidget()
        )

    def _on_tab_shown(self, _index: int) -> None:
        self._fill_shown()
        self._update_buttons()

    def _fill_shown(self) -> None:
        """Fill the tab on screen, and lay it out now, its scroll bar shown or hidden
        too: its rows are then painted with the chart, in the same frame. Qt lays a
        refilled table out, and shows or hides its scroll bar, at its next turn: the
        frame before showed the rows of the patient before."""
        table = self._current_table()
        if table in self._unfilled:
            self._fill(table)
            view = self.views[table]
            view.doItemsLayout()
            QCoreApplication.sendPostedEvents(view, QEvent.Type.MetaCall)

    def _fill(self, table: RecordKind) -> None:
        """Fill one tab with what the panel shows, if it is not filled with it yet."""
        if table not in self._unfilled:
            return
        self._unfilled.discard(table)
        chart, cycle = self._showing
        model = self._models[table]
        if chart is None:
            model.set_rows([])
            return
        tz, marks = chart.tz, chart.conflicts
        if table is RecordKind.CYCLES:
            model.set_rows([cycle_row(c) for c in chart.cycles], marks)
            return
        records = chart.records_of(cycle)
        if table is RecordKind.RESULTS:
            model.set_rows([result_row(r, tz) for r in records.results], marks)
        elif table is RecordKind.TEMPERATURES:
            model.set_rows([temperature_row(t, tz) for t in records.temperatures], marks)
        else:
            model.set_rows([gcsf_row(d, tz) for d in records.gcsf_doses], marks)

    def _emit(self, signal: Any) -> None:
        ref = self.selected()
        if ref is not None:
            signal.emit(ref)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.history_button, self.correct_button, self.withdraw_button):
            button.setEnabled(has)
