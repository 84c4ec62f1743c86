"""The census: one sortable, filterable table model over census rows, and its view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wardchart.domain.census import CensusRow, bed_sort_key

# The urgent columns come first so they stay in view on a 1366-pixel laptop screen.
FIELDS: tuple[tuple[str, Callable[[CensusRow], str]], ...] = (
    ("Bed", lambda r: r.bed),
    ("Name", lambda r: r.name),
    ("MRN", lambda r: r.mrn),
    ("Cycle", lambda r: r.cycle_day),
    ("Latest ANC", lambda r: r.latest_anc),
    ("Grade", lambda r: r.anc_grade_text),
    ("Nadir", lambda r: r.nadir_status),
    ("Flags", lambda r: ", ".join(r.flags)),
    ("Next cycle", lambda r: r.readiness),
    ("Regimen", lambda r: r.regimen),
)
COLUMNS = tuple(heading for heading, _ in FIELDS)
GRADE_COLUMN = COLUMNS.index("Grade")
#: Grade colours add to the text, never replace it (issue 3: never colour alone).
GRADE_COLOURS = {0: None, 1: "#fff4c2", 2: "#ffd89a", 3: "#ffb07a", 4: "#ff8a80"}
#: Rows looked at when sizing the columns to their text.
RESIZE_SAMPLE_ROWS = 200
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class CensusModel(QAbstractTableModel):
    """Census rows as a table; holds no SQL and no clinical rule."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CensusRow] = []
        self._cells: list[tuple[str, ...]] = []  # each row's text, computed once
        self._positions: dict[str, int] = {}  # patient id → model row

    # --- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][column]
        if role == PATIENT_ID_ROLE:
            return row.patient_id
        if role == SORT_ROLE:
            return self._sort_key(row, column, self._cells[index.row()])
        if role == Qt.ItemDataRole.BackgroundRole and column == GRADE_COLUMN:
            colour = GRADE_COLOURS.get(row.anc_grade) if row.anc_grade is not None else None
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column == GRADE_COLUMN and row.anc_grade:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.ToolTipRole and column == COLUMNS.index("Flags"):
            return "\n".join(row.flags) or None
        return None

    # --- public API ---------------------------------------------------------------------

    @staticmethod
    def cells(row: CensusRow) -> tuple[str, ...]:
        """The text of every column of a row."""
        return tuple(cell(row) for _, cell in FIELDS)

    def set_rows(self, rows: list[CensusRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [self.cells(r) for r in self._rows]
        self._positions = {r.patient_id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def update_row(self, row: CensusRow | None, patient_id: str) -> None:
        """Replace (or add, or drop) one patient's row without resetting the view."""
        position = self.row_of(patient_id)
        if row is None and position is not None:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            del self._cells[position]
            self._positions = {r.patient_id: i for i, r in enumerate(self._rows)}
            self.endRemoveRows()
        elif row is not None and position is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._positions[row.patient_id] = len(self._rows)
            self._rows.append(row)
            self._cells.append(self.cells(row))
            self.endInsertRows()
        elif row is not None and position is not None:
            self._rows[position] = row
            self._cells[position] = self.cells(row)
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))

    def row_of(self, patient_id: str) -> int | None:
        """The model row of a patient, if present."""
        return self._positions.get(patient_id)

    def row_data(self, position: int) -> CensusRow:
        """The census row at a model row."""
        return self._rows[position]

    # --- internals ----------------------------------------------------------------------

    @staticmethod
    def _sort_key(row: CensusRow, column: int, cells: tuple[str, ...]) -> Any:
        if column == 0:
            return str(bed_sort_key(row.bed))
        if column == GRADE_COLUMN:
            return -1 if row.anc_grade is None else row.anc_grade
        return cells[column].lower()


class CensusFilter(QSortFilterProxyModel):
    """Filter-as-you-type on name, MRN and bed; sorting by each column's key."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._needle = ""

    def set_text(self, text: str) -> None:
        """Show only rows whose name, MRN or bed contain ``text``."""
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, CensusModel)
        row = model.row_data(source_row)
        return any(self._needle in value.casefold() for value in (row.name, row.mrn, row.bed))


class CensusPanel(QWidget):
    """The census table with its filter; Enter opens the selected patient."""

    patient_selected = Signal(str)
    patient_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CensusModel()
        self.proxy = CensusFilter()
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(placeholderText="Filter by name, MRN or bed  (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Census filter")
        self.table = QTableView()
        self.table.setAccessibleName("Ward census")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Sized to the text once per load, from the first rows only: sizing to every row
        # on every change would cost seconds on a hospital-sized census.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.empty = QLabel(
            "No patients on this chart yet.\n\nAdmit one with Patient → Admit patient… "
            "(Ctrl+Shift+A),\nor explore the demo ward: wardchart demo --db demo.sqlite"
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.filter.returnPressed.connect(self._open_current)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(lambda _index: self._open_current())
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter)
        down.activated.connect(self.table.setFocus)
        self._update_empty()

    # --- public API ---------------------------------------------------------------------

    def set_rows(self, rows: list[CensusRow]) -> None:
        """Replace the census, keeping the selected patient selected."""
        keep = self.selected_patient_id()
        first = self.model.rowCount() == 0
        self.model.set_rows(rows)
        if first and rows:
            self.table.resizeColumnsToContents()
        self._update_empty()
        if keep:
            self.select(keep)

    def update_patient(self, row: CensusRow | None, patient_id: str) -> None:
        """Refresh one patient's row in place."""
        self.model.update_row(row, patient_id)
        self._update_empty()

    def selected_patient_id(self) -> str | None:
        """The selected patient's id, if any."""
        index = self.table.currentIndex()
        return index.data(PATIENT_ID_ROLE) if index.isValid() else None

    def select(self, patient_id: str) -> bool:
        """Select a patient's row (if it is visible under the filter)."""
        position = self.model.row_of(patient_id)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def focus_filter(self) -> None:
        """Ctrl+F: type to filter."""
        self.filter.setFocus()
        self.filter.selectAll()

    # --- internals ----------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.patient_selected.emit(current.data(PATIENT_ID_ROLE))

    def _open_current(self) -> None:
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        patient_id = self.selected_patient_id()
        if patient_id:
            self.patient_opened.emit(patient_id)

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
