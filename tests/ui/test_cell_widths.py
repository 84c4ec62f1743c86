"""Text cells are measured as Qt's own ``sizeHintForColumn`` measures them, without asking
the model for every cell role by role: the census's columns at its first fill (bold alert
lines among them) and every records table."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QTableView
from test_chart_display import _demo_window
from ward_fixture import NOW

from wardchart.demo import write_demo_ward
from wardchart.storage import queries
from wardchart.storage.database import ChartStore
from wardchart.ui.cell_widths import CellWidths
from wardchart.ui.records_panel import RecordsView


def _measured(view: QTableView, column: int, text: object, bold: object) -> int:
    model = view.model()
    cells = CellWidths(view)
    rows = range(model.rowCount())
    return max((cells.width(text(r, column), bold=bold(r)) for r in rows), default=0)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("language", "family", "points"),
    [
        ("en", "", 0.0),
        ("de", "", 0.0),
        ("en", "", 6.0),
        ("en", "", 7.5),
        ("de", "", 20.0),
        ("en", "DejaVu Serif", 11.0),
    ],
)
def test_census_and_records_cells_measure_as_qt_measures_them(
    qtbot,
    store: ChartStore,
    language: str,
    family: str,
    points: float,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """In the default font and in others: a last letter that overhangs its advance (an
    italic-like "r" or "x" at some sizes) widens the cell by the overhang, as in Qt."""
    monkeypatch.setenv("WARDCHART_LANGUAGE", language)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    font = QFont(before)
    if family:
        font.setFamily(family)
    if points:
        font.setPointSizeF(points)
    app.setFont(font)
    try:
        _compare(qtbot, store)
    finally:
        app.setFont(before)


def _compare(qtbot, store: ChartStore) -> None:  # type: ignore[no-untyped-def]
    write_demo_ward(store, now=NOW)
    win = _demo_window(qtbot, store, (1366, 768))
    census = win.census.table
    model = win.census.model
    assert any(model.bold(row) for row in range(model.rowCount()))  # bold lines measured
    for column in range(model.columnCount()):
        assert _measured(census, column, model.text, model.bold) == census.sizeHintForColumn(
            column
        ), column
    for patient in queries.all_patients(store.db)[:4]:
        assert win.census.select(patient.id)
        for view in win.patient_view.findChildren(RecordsView):
            records = view.model()
            if records.rowCount() == 0:  # no cell (Qt answers 1: the grid line)
                continue
            for column in range(records.columnCount()):
                mine = _measured(
                    view, column, records.text, lambda row, m=records: m.mark(row) is not None
                )
                assert mine == view.sizeHintForColumn(column), (patient.name, column)
    win.close()


def test_a_text_measured_again_is_remembered_within_a_bound(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A table refilled for the next patient measures the texts it has already measured
    from memory, with the same answers, and remembers a bounded number of them."""
    from wardchart.ui.cell_widths import REMEMBERED

    view = QTableView()
    qtbot.addWidget(view)
    cells = CellWidths(view)
    texts = [f"2026-11-{n % 28 + 1:02d} {n:05d}" for n in range(REMEMBERED + 50)]
    first = [cells.width(text, bold=n % 3 == 0) for n, text in enumerate(texts)]
    assert 0 < len(cells._known) <= REMEMBERED
    again = [cells.width(text, bold=n % 3 == 0) for n, text in enumerate(texts)]
    fresh = CellWidths(view)
    assert first == again == [fresh.width(text, bold=n % 3 == 0) for n, text in enumerate(texts)]
    assert cells.width("wide" * 10, bold=True) > cells.width("wide" * 10) > cells.width("w")
