"""The census: one sortable, filterable table model over census rows, and its view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeySequence, QShortcut
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
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.i18n import shown, translate
from wardchart.ui import colours
from wardchart.ui.cell_widths import CellWidths
from wardchart.ui.wording import localised

# The urgent columns come first so they stay in view on a 1366-pixel laptop screen.
FIELDS: tuple[tuple[str, Callable[[CensusRow], str]], ...] = (
    (QT_TRANSLATE_NOOP("Census", "Bed"), lambda r: r.bed),
    (QT_TRANSLATE_NOOP("Census", "Name"), lambda r: r.name),
    (QT_TRANSLATE_NOOP("Census", "MRN"), lambda r: r.mrn),
    (QT_TRANSLATE_NOOP("Census", "Cycle"), lambda r: localised(r.cycle_day)),
    (QT_TRANSLATE_NOOP("Census", "Latest ANC"), lambda r: localised(r.latest_anc)),
    (QT_TRANSLATE_NOOP("Census", "Grade"), lambda r: localised(r.anc_grade_text)),
    (QT_TRANSLATE_NOOP("Census", "Nadir"), lambda r: localised(r.nadir_status)),
    (QT_TRANSLATE_NOOP("Census", "Flags"), lambda r: ", ".join(localised(f) for f in r.flags)),
    (QT_TRANSLATE_NOOP("Census", "Next cycle"), lambda r: localised(r.readiness)),
    (QT_TRANSLATE_NOOP("Census", "Regimen"), lambda r: r.regimen),
)
COLUMNS = tuple(heading for heading, _ in FIELDS)
GRADE_COLUMN = COLUMNS.index("Grade")
#: Rows looked at when sizing the columns to their text.
RESIZE_SAMPLE_ROWS = 200
FLAGS_COLUMN = COLUMNS.index("Flags")
NAME_COLUMN = COLUMNS.index("Name")
NEXT_CYCLE_COLUMN = COLUMNS.index("Next cycle")
NADIR_COLUMN = COLUMNS.index("Nadir")
LATEST_ANC_COLUMN = COLUMNS.index("Latest ANC")
REGIMEN_COLUMN = COLUMNS.index("Regimen")
#: Columns that give up width (their text elided, whole in the tooltip) so that every
#: column fits a 1366-pixel screen, and the fewest characters each keeps.
NARROWABLE = {NAME_COLUMN: 14, FLAGS_COLUMN: 10, NEXT_CYCLE_COLUMN: 9}
NARROWABLE[REGIMEN_COLUMN] = 6
#: Short chips for the flags column; the tooltip and screen readers get the words.
FLAG_CHIPS = {
    "FN alert": QT_TRANSLATE_NOOP("Census", "⚠FN"),
    "possible FN": QT_TRANSLATE_NOOP("Census", "FN?"),
    "no CBC 24 h": QT_TRANSLATE_NOOP("Census", "CBC>24h"),
    "precautions": QT_TRANSLATE_NOOP("Census", "prec"),
    "conflict": QT_TRANSLATE_NOOP("Census", "⚑conflict"),
}
FLAG_WORDS = {
    # The higher-risk flags: the chip is the flag itself; in words for the tooltip.
    #: a higher-risk flag in words (census tooltip)
    "age≥65": QT_TRANSLATE_NOOP("Census", "age≥65"),
    #: a higher-risk flag in words (census tooltip)
    "age<18": QT_TRANSLATE_NOOP("Census", "age<18"),
    #: a higher-risk flag in words: a haematological cancer involving the marrow
    "marrow": QT_TRANSLATE_NOOP("Census", "marrow"),
    #: a higher-risk flag in words: an immune disorder
    "immune": QT_TRANSLATE_NOOP("Census", "immune"),
    "FN alert": QT_TRANSLATE_NOOP("Census", "febrile neutropenia alert"),
    "possible FN": QT_TRANSLATE_NOOP("Census", "possible febrile neutropenia"),
    "no CBC 24 h": QT_TRANSLATE_NOOP("Census", "no CBC in 24 hours during the nadir window"),
    "precautions": QT_TRANSLATE_NOOP("Census", "neutropenic precautions on"),
    "conflict": QT_TRANSLATE_NOOP(
        "Census", "conflict — review: records charted differently on two computers"
    ),
}
# Short chips for the next-cycle column (the whole words are in the tooltip).
READINESS_CHIPS = {
    #: census next-cycle column, short: the counts meet the next cycle's day-1 thresholds
    "ready": QT_TRANSLATE_NOOP("Census", "ready"),
    #: census next-cycle column, short: the counts do not meet the day-1 thresholds
    "not ready": QT_TRANSLATE_NOOP("Census", "not ready"),
    #: census next-cycle column, short: no ANC since day 1
    "no count": QT_TRANSLATE_NOOP("Census", "no count"),
    #: census next-cycle column, short: an ANC but no platelet count since day 1
    "no platelet count": QT_TRANSLATE_NOOP("Census", "no platelet count"),
    #: census next-cycle column, short: the regimen is given whatever the counts
    "not required": QT_TRANSLATE_NOOP("Census", "not required"),
}
# Short chips for the nadir column (the whole words are in the tooltip).
NADIR_CHIPS = {
    #: census nadir column, short: today is before the expected nadir window
    "before": QT_TRANSLATE_NOOP("Census", "before"),
    #: census nadir column, short: today is inside the expected nadir window
    "in window": QT_TRANSLATE_NOOP("Census", "in window"),
    #: census nadir column, short: today is past the expected nadir window
    "past": QT_TRANSLATE_NOOP("Census", "past"),
}
# A febrile-neutropenia alert: the row is tinted and bold (and says so in words).
ALERT_FLAG, POSSIBLE_FLAG = "FN alert", "possible FN"


def _bold(row: CensusRow) -> bool:
    return ALERT_FLAG in row.flags or POSSIBLE_FLAG in row.flags


PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.FontRole,
        PATIENT_ID_ROLE,
    }
)


def flag_chips(flags: tuple[str, ...]) -> str:
    """The flags as short chips, most urgent first: "⚠FN prec age≥65"."""
    return " ".join(shown(FLAG_CHIPS.get(f, f)) for f in flags)


def flag_words(flags: tuple[str, ...]) -> str:
    """The flags in words, for the tooltip and screen readers."""
    return ", ".join(shown(FLAG_WORDS.get(f, f)) for f in flags)


def headings() -> tuple[str, ...]:
    """The column headings in the language in use."""
    return tuple(shown(heading) for heading in COLUMNS)


def heading_words() -> tuple[str, ...]:
    """The column headings in whole words, for their tooltips (a short German heading
    is spelled out here)."""
    words = list(headings())
    #: tooltip of the census's latest-ANC heading; the same words as the heading in English
    words[LATEST_ANC_COLUMN] = translate("Census", "Latest ANC", "heading tooltip")
    #: tooltip of the census's next-cycle heading; the same words as the heading in English
    words[NEXT_CYCLE_COLUMN] = translate("Census", "Next cycle", "heading tooltip")
    #: tooltip of the census's regimen heading; the same words as the heading in English
    words[REGIMEN_COLUMN] = translate("Census", "Regimen", "heading tooltip")
    return tuple(words)


def shown_cells(row: CensusRow) -> tuple[str, ...]:
    """What each column shows: the words, but the flags as chips and the grade alone
    (its CTCAE version is in the tooltip and the status bar)."""
    cells = list(CensusModel.cells(row))
    cells[FLAGS_COLUMN] = flag_chips(row.flags)
    cells[GRADE_COLUMN] = localised(row.anc_grade_text).split(" ")[0]
    if row.nadir_status in NADIR_CHIPS:
        cells[NADIR_COLUMN] = shown(NADIR_CHIPS[row.nadir_status])
    if row.readiness in READINESS_CHIPS:
        cells[NEXT_CYCLE_COLUMN] = shown(READINESS_CHIPS[row.readiness])
    return tuple(cells)


Index = QModelIndex | QPersistentModelIndex


class CensusModel(QAbstractTableModel):
    """Census rows as a table, filtered and sorted; holds no SQL and no clinical rule.

    Filtering and sorting work on plain lists (text and keys computed once per row), not
    through a QSortFilterProxyModel, whose Python callbacks per comparison made a
    keystroke in the filter take a second on a hospital-sized census.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CensusRow] = []
        self._cells: list[tuple[str, ...]] = []  # each row's words, computed once
        self._shown_text: list[tuple[str, ...]] = []  # what each row shows
        self._search: list[str] = []  # name, MRN and bed, casefolded
        self._keys: dict[int, list[Any]] = {}  # column → each row's sort key
        self._shown: list[int] = []  # the rows on screen, in order
        self._needle = ""
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self.headings = headings()
        self.heading_words = heading_words()

    # --- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headings[section]
        if role == Qt.ItemDataRole.ToolTipRole:  # a narrowed heading is whole in its tooltip
            return self.heading_words[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911  one answer per Qt role
        if role not in _ROLES or not index.isValid():
            return None
        position = self._shown[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown_text[position][column]
        row = self._rows[position]
        if role == PATIENT_ID_ROLE:
            return row.patient_id
        graded = column == GRADE_COLUMN and bool(row.anc_grade)
        alert = ALERT_FLAG in row.flags
        if role == Qt.ItemDataRole.BackgroundRole:
            if graded:
                return QBrush(QColor(colours.GRADE_BACKGROUNDS[row.anc_grade or 0]))
            return QBrush(QColor(colours.alert_row_background())) if alert else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if graded:
                return QBrush(QColor(colours.GRADE_TEXT))
            return QBrush(QColor(colours.alert_row_text())) if alert else None
        if role == Qt.ItemDataRole.FontRole:
            if _bold(row):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._words(row, column, position) or None
        return None

    def text(self, row: int, column: int) -> str:
        """The text shown in a cell."""
        return self._shown_text[self._shown[row]][column]

    def bold(self, row: int) -> bool:
        """Whether a line is shown bold (an alert or a possible one)."""
        return _bold(self._rows[self._shown[row]])

    def _words(self, row: CensusRow, column: int, position: int) -> str:
        """A cell in whole words, for its tooltip and for screen readers."""
        if column == FLAGS_COLUMN:
            return flag_words(row.flags)
        if column == GRADE_COLUMN:
            if not row.anc_grade_text:
                return ""
            return translate("Census", "ANC grade {grade}").format(
                grade=localised(row.anc_grade_text)
            )
        text = self._cells[position][column]
        if column == 0 and ALERT_FLAG in row.flags:
            return translate("Census", "{bed}, febrile neutropenia alert").format(bed=text)
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the header was clicked)."""
        self._sort = (column, order)
        self._refresh_order()

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
        self._shown_text = [shown_cells(r) for r in self._rows]
        self._search = [_search_text(r) for r in self._rows]
        self._keys = {}
        self._shown = self._order()
        self.endResetModel()

    def add_rows(self, rows: list[CensusRow]) -> None:
        """Add rows of patients not yet on the census (a patient already on it keeps the
        line it has: it was saved to meanwhile, so that line is the newer)."""
        present = {r.patient_id for r in self._rows}
        rows = [r for r in rows if r.patient_id not in present]
        self._rows += rows
        self._cells += [self.cells(r) for r in rows]
        self._shown_text += [shown_cells(r) for r in rows]
        self._search += [_search_text(r) for r in rows]
        self._keys = {}
        self._replace_shown(self._order())

    def set_filter(self, text: str) -> None:
        """Show only rows whose name, MRN or bed contain ``text`` (any case)."""
        self._needle = text.strip().casefold()
        self._refresh_order()

    def update_row(self, row: CensusRow | None, patient_id: str) -> None:
        """Replace (or add, or drop) one patient's row."""
        position = self._position(patient_id)
        if row is None and position is None:
            return
        if row is None:
            assert position is not None
            for store in (self._rows, self._cells, self._shown_text, self._search):
                del store[position]
        elif position is None:
            self._rows.append(row)
            self._cells.append(self.cells(row))
            self._shown_text.append(shown_cells(row))
            self._search.append(_search_text(row))
        else:
            self._rows[position] = row
            self._cells[position] = self.cells(row)
            self._shown_text[position] = shown_cells(row)
            self._search[position] = _search_text(row)
        self._keys = {}
        order = self._order()
        if row is not None and position is not None and order == self._shown:
            shown_at = self.row_of(patient_id)
            if shown_at is not None:  # same place: redraw just this line
                last = len(COLUMNS) - 1
                self.dataChanged.emit(self.index(shown_at, 0), self.index(shown_at, last))
            return
        self._replace_shown(order)

    def row_of(self, patient_id: str) -> int | None:
        """The shown row of a patient (None if absent or filtered out)."""
        position = self._position(patient_id)
        if position is None:
            return None
        try:
            return self._shown.index(position)
        except ValueError:
            return None

    def patient_count(self) -> int:
        """Every patient on the census, shown or filtered out."""
        return len(self._rows)

    def row_data(self, shown_row: int) -> CensusRow:
        """The census row at a shown row."""
        return self._rows[self._shown[shown_row]]

    # --- internals ----------------------------------------------------------------------

    def _position(self, patient_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.patient_id == patient_id), None)

    def _order(self) -> list[int]:
        column, order = self._sort
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = [
                _sort_key(row, column, cells)
                for row, cells in zip(self._rows, self._cells, strict=True)
            ]
        needle = self._needle
        shown = [i for i, text in enumerate(self._search) if needle in text]
        shown.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return shown

    def _refresh_order(self) -> None:
        order = self._order()
        if order != self._shown:
            self._replace_shown(order)

    def _replace_shown(self, order: list[int]) -> None:
        """Show ``order``: a reordering keeps the view's selection (layout change); a
        different set of rows resets the model and the panel selects again."""
        if sorted(order) == sorted(self._shown):
            self.layoutAboutToBeChanged.emit()
            moved = {old: order.index(position) for old, position in enumerate(self._shown)}
            previous = self.persistentIndexList()
            self.changePersistentIndexList(
                previous, [self.index(moved[i.row()], i.column()) for i in previous]
            )
            self._shown = order
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self._shown = order
            self.endResetModel()


def _search_text(row: CensusRow) -> str:
    # One line per field, so a search never matches across two of them.
    return "\n".join((row.name, row.mrn, row.bed)).casefold()


def _sort_key(row: CensusRow, column: int, cells: tuple[str, ...]) -> Any:
    if column == 0:
        return bed_sort_key(row.bed)
    if column == GRADE_COLUMN:
        return -1 if row.anc_grade is None else row.anc_grade
    return cells[column].lower()


class Headings(QHeaderView):
    """The census's column headings, clickable to sort. They are not highlighted for the
    selected line: a whole line is selected, so Qt would highlight every heading, which
    says nothing, and would repaint them all on every patient selected."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def selectionChanged(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        """Nothing to repaint: no heading shows the selection."""


class CensusPanel(QWidget):
    """The census table with its filter; Enter opens the selected patient."""

    patient_selected = Signal(str)
    patient_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CensusModel()
        self._selected: str | None = None
        self._natural: list[int] = []  # each column's width for its text
        self.filter = QLineEdit(
            placeholderText=translate("Census", "Filter by name, MRN or bed  (Ctrl+F)")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(translate("Census", "Census filter"))
        self.table = QTableView()
        self.table.setHorizontalHeader(Headings(self.table))
        self.table.setAccessibleName(translate("Census", "Ward census"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on; the arrows move in the table
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Sized to the text once per load, from the first rows only: sizing to every row
        # on every change would cost seconds on a hospital-sized census.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # One line a patient: a long name or flag list is cut short with "…" and is whole
        # in its tooltip (and for a screen reader).
        self.table.setWordWrap(False)
        # Headings read from their start when narrowed ("Next cy…", not "ext cycl").
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.viewport().installEventFilter(self)
        header.sortIndicatorChanged.connect(self._on_sorted)
        self.empty = QLabel(
            translate(
                "Census",
                "No patients on this chart yet.\n\nAdmit one with Patient → Admit patient… "
                "(Ctrl+Shift+A),\nor explore the demo ward: wardchart demo --db demo.sqlite",
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.filter.textChanged.connect(self._on_filter)
        self.filter.returnPressed.connect(self._open_current)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(lambda _index: self._open_current())
        # Down from the filter moves into the list; only from the filter (a shortcut of
        # the whole window took Down from the list and the records tables too).
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.table.setFocus)
        self._update_empty()

    # --- public API ---------------------------------------------------------------------

    def set_rows(self, rows: list[CensusRow]) -> None:
        """Replace the census, keeping the selected patient selected."""
        keep = self.selected_patient_id()
        first = self.model.patient_count() == 0
        self.model.set_rows(rows)
        if first and rows:
            self.size_columns()
        self._update_empty()
        self._reselect(keep)

    def add_rows(self, rows: list[CensusRow]) -> None:
        """Add rows (a census being read in parts), keeping the selected patient selected."""
        keep = self.selected_patient_id()
        first = self.model.patient_count() == 0
        self.model.add_rows(rows)
        if first and rows:
            self.size_columns()
        self._update_empty()
        self._reselect(keep)

    def update_patient(self, row: CensusRow | None, patient_id: str) -> None:
        """Refresh one patient's row in place."""
        keep = self.selected_patient_id()
        self.model.update_row(row, patient_id)
        self._update_empty()
        self._reselect(keep)

    def selected_patient_id(self) -> str | None:
        """The selected patient's id, if any."""
        index = self.table.currentIndex()
        return index.data(PATIENT_ID_ROLE) if index.isValid() else None

    def select(self, patient_id: str, *, reveal: bool = False) -> bool:
        """Select a patient's row if it is visible under the filter; ``reveal``: clear a
        filter that hides it (a patient just admitted is shown, not hidden)."""
        position = self.model.row_of(patient_id)
        if position is None and reveal and self.filter.text():
            self.filter.blockSignals(True)
            self.filter.clear()
            self.filter.blockSignals(False)
            self.model.set_filter("")
            position = self.model.row_of(patient_id)
        if position is None:
            return False
        index = self.model.index(position, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def size_columns(self) -> None:
        """Size the columns to their text (from the first rows), then fit them.

        A heading's width counts the sort arrow only for the column sorted by: Qt's own
        sizing leaves room for it beside every heading, a tenth of a laptop's census."""
        table, header = self.table, self.table.horizontalHeader()
        metrics = QFontMetrics(header.font())
        margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin)
        arrow = header.height() or metrics.height() + margin
        cells = CellWidths(table)  # as Qt's sizeHintForColumn, without asking every cell
        bolds = [self.model.bold(row) for row in range(self.model.rowCount())]
        self._natural = []
        for column, heading in enumerate(self.model.headings):
            title = metrics.horizontalAdvance(heading) + 4 * margin
            if column == header.sortIndicatorSection():
                title += arrow
            texts = (self.model.text(row, column) for row in range(self.model.rowCount()))
            widest = max(
                (cells.width(text, bold=bold) for text, bold in zip(texts, bolds, strict=True)),
                default=0,
            )
            self._natural.append(max(widest, title))
        self.fit_columns()

    def fit_columns(self) -> None:
        """Narrow the name, flags, next-cycle and regimen columns (down to a few characters
        each, the rest elided and whole in the tooltip) so that every column is on screen
        without scrolling sideways; on a wide screen each keeps its whole text."""
        if not self._natural:
            return
        widths = list(self._natural)
        excess = sum(widths) - self.table.viewport().width()
        if excess > 0:
            average = self.table.fontMetrics().averageCharWidth()
            padding = 2 * self.table.style().pixelMetric(
                self.table.style().PixelMetric.PM_FocusFrameHMargin, None, self.table
            )
            slack = {
                c: max(0, widths[c] - (chars * average + padding + 8))
                for c, chars in NARROWABLE.items()
            }
            total = sum(slack.values())
            for column, spare in slack.items():
                if total:
                    widths[column] -= min(spare, round(excess * spare / total + 0.5))
            # Still too wide by a little: each narrowable column gives up the same, down
            # to two thirds of its characters (a narrower screen, or a larger font,
            # scrolls sideways rather than cut a name to its initial).
            excess = sum(widths) - self.table.viewport().width()
            if excess > 0:
                share = -(-excess // len(NARROWABLE))
                for column, chars in NARROWABLE.items():
                    floor = (2 * chars // 3) * average + padding
                    widths[column] = max(min(floor, widths[column]), widths[column] - share)
        header = self.table.horizontalHeader()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def _on_sorted(self) -> None:
        """The sort arrow moved to another heading: make room for it there."""
        if self._natural:
            self.size_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A narrower or wider census (window or splitter): fit the columns again."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def focus_filter(self) -> None:
        """Ctrl+F: type to filter."""
        self.filter.setFocus()
        self.filter.selectAll()

    # --- internals ----------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        patient_id = current.data(PATIENT_ID_ROLE) if current.isValid() else None
        if patient_id is not None and patient_id != self._selected:
            self._selected = patient_id
            self.patient_selected.emit(patient_id)

    def _on_filter(self, text: str) -> None:
        """The chart always belongs to a row the list shows: the selected patient stays
        selected while the filter shows them; once it hides them, the first row shown is
        selected, and with no row shown no patient is (the chart empties)."""
        keep = self.selected_patient_id() or self._selected
        self.model.set_filter(text)
        self._reselect(keep)
        if self.selected_patient_id() is not None:
            return
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        elif self._selected is not None:
            self._selected = None
            self.patient_selected.emit("")

    def _reselect(self, patient_id: str | None) -> None:
        """After the rows changed: the same patient stays selected if still shown (and,
        being the same patient, the chart is not drawn again)."""
        if patient_id is not None and self.selected_patient_id() != patient_id:
            self.select(patient_id)

    def _open_current(self) -> None:
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        patient_id = self.selected_patient_id()
        if patient_id:
            self.patient_opened.emit(patient_id)

    def _update_empty(self) -> None:
        empty = self.model.patient_count() == 0
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
