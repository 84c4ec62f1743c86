"""The window on other screens: a dark theme, a 1366-pixel laptop, a large font, many rows.

Every coloured text is measured on the real widgets against the background it is drawn
on (WCAG AA asks 4.5:1 for text; see docs/colours.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory
from ward_fixture import B_DAY1, NOW, at

from wardchart.domain.contrast import contrast_ratio
from wardchart.domain.plausibility import CbcEntry
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore
from wardchart.ui.census import COLUMNS
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession

Role = Qt.ItemDataRole
AA = 4.5
DARK = {
    QPalette.ColorRole.Window: "#353535",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#2a2a2a",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.Highlight: "#2a82da",
    QPalette.ColorRole.HighlightedText: "#ffffff",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The whole application in the Fusion style with a light or a dark palette."""
    old_palette, old_style = qapp.palette(), qapp.style().name()
    fusion = QStyleFactory.create("Fusion")
    qapp.setStyle(fusion)
    qapp.setPalette(dark_palette() if request.param == "dark" else fusion.standardPalette())
    yield request.param
    qapp.setStyle(old_style)
    qapp.setPalette(old_palette)


def hex_of(brush_or_colour: object) -> str:
    colour = getattr(brush_or_colour, "color", lambda: brush_or_colour)()
    assert isinstance(colour, QColor)
    return colour.name()


def style_colour(label: QLabel) -> str:
    found = re.search(r"color:\s*(#[0-9a-fA-F]{6})", label.styleSheet())
    return found.group(1) if found else label.palette().color(QPalette.ColorRole.WindowText).name()


def window_of(label: QLabel) -> str:
    return label.palette().color(QPalette.ColorRole.Window).name()


def select(window: MainWindow, mrn: str) -> None:
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, mrn)
    assert patient is not None
    assert window.census.select(patient.id)


def census_line(window: MainWindow, mrn: str) -> int:
    model = window.census.model
    return next(r for r in range(model.rowCount()) if model.row_data(r).mrn == mrn)


# --- colours --------------------------------------------------------------------------------


def test_the_fn_row_and_the_grade_cells_reach_aa(theme: str, window: MainWindow) -> None:
    model = window.census.model
    table = window.census.table
    for row in range(model.rowCount()):
        for column in range(len(COLUMNS)):
            index = model.index(row, column)
            background = index.data(Role.BackgroundRole)
            foreground = index.data(Role.ForegroundRole)
            if background is None and foreground is None:
                continue  # the palette's own pair
            base = table.palette().color(QPalette.ColorRole.Base).name()
            text = table.palette().color(QPalette.ColorRole.Text).name()
            pair = (hex_of(foreground) if foreground else text, hex_of(background or base))
            assert contrast_ratio(*pair) >= AA, (theme, row, COLUMNS[column], pair)


def test_the_header_alert_reaches_aa(theme: str, window: MainWindow) -> None:
    select(window, "A-1")
    header = window.patient_view.header
    assert "FEBRILE NEUTROPENIA" in header.text()
    colours = re.findall(r"color:\s*(#[0-9a-fA-F]{6})", header.text())
    assert colours
    for colour in colours:
        assert contrast_ratio(colour, window_of(header)) >= AA, (theme, colour)


def test_a_dialogs_error_and_warning_text_reach_aa(qtbot, theme: str, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "B-2")
    dialog = window.open_cbc()
    assert dialog is not None
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # nothing typed: refused
    shown = [m for m in dialog.messages.values() if not m.isHidden()]  # type: ignore[attr-defined]
    assert shown
    for label in shown:
        assert contrast_ratio(style_colour(label), window_of(label)) >= AA, (theme, label.text())
    # A warning (an implausible temperature unit) is amber, and readable too.
    dialog.reject()
    temperature = window.open_temperature()
    assert temperature is not None
    qtbot.keyClicks(temperature.focusWidget(), f"{NOW:%Y-%m-%d} 08:00")
    qtbot.keyClick(temperature.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(temperature.focusWidget(), "101")
    qtbot.keyClick(temperature.focusWidget(), Qt.Key.Key_Return)
    shown = [m for m in temperature.messages.values() if not m.isHidden()]  # type: ignore[attr-defined]
    assert shown
    for label in shown:
        assert contrast_ratio(style_colour(label), window_of(label)) >= AA, (theme, label.text())
    temperature.reject()


# --- the census on a laptop -----------------------------------------------------------------


def test_at_1366_pixels_every_census_column_is_on_screen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    table = window.census.table
    qtbot.waitUntil(lambda: table.viewport().width() > 500)
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(10))
    assert right <= table.viewport().width()
    # Each column keeps enough width to be read (a few characters at least).
    least = 4 * table.fontMetrics().averageCharWidth()
    for column, heading in enumerate(COLUMNS):
        assert header.sectionSize(column) >= least, heading


def test_flags_are_short_on_screen_and_whole_in_the_tooltip_and_for_screen_readers(
    window: MainWindow,
) -> None:
    model = window.census.model
    flags = model.index(census_line(window, "A-1"), COLUMNS.index("Flags"))
    assert flags.data().startswith("⚠FN")
    words = "febrile neutropenia alert"
    assert words in flags.data(Role.ToolTipRole)
    assert words in flags.data(Role.AccessibleTextRole)
    bed = model.index(census_line(window, "A-1"), 0)
    assert "febrile neutropenia alert" in bed.data(Role.AccessibleTextRole)


def test_a_febrile_neutropenia_row_is_tinted_and_bold_across(window: MainWindow) -> None:
    model = window.census.model
    alert, calm = census_line(window, "A-1"), census_line(window, "B-2")
    for column in range(len(COLUMNS)):
        font = model.index(alert, column).data(Role.FontRole)
        assert isinstance(font, QFont)
        assert font.bold()
        assert model.index(alert, column).data(Role.BackgroundRole) is not None
        assert model.index(calm, column).data(Role.FontRole) is None
    assert model.index(calm, COLUMNS.index("Name")).data(Role.BackgroundRole) is None


# --- the record tables --------------------------------------------------------------------


def many_results(store: ChartStore) -> int:
    """Twenty counts for B-2 in the four days of this cycle, every four hours."""
    patient = queries.find_patient(store.db, "B-2")
    assert patient is not None
    taken = [at(B_DAY1, 1, 0) + timedelta(hours=4 * i) for i in range(20)]
    for when in taken:
        entry = CbcEntry(taken=when, wbc=Decimal("5.0"), anc=Decimal("3.0"))
        operations.record_cbc(
            store, patient=patient, entry=entry, confirm=True, actor="nurse a", now=NOW
        )
    return len(taken)


def test_the_record_tables_keep_the_newest_rows_in_sight(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    many_results(ward)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_session(ChartSession(ward, "nurse b", clock=lambda: NOW))
    window.load_chart()
    window.resize(1366, 768)
    window.show()
    select(window, "B-2")
    view = window.patient_view.records.views["results"]
    model = window.patient_view.records.models["results"]
    assert model.rowCount() > 20

    def newest_in_sight() -> bool:
        last = view.visualRect(model.index(model.rowCount() - 1, 0))
        return last.isValid() and view.viewport().rect().contains(last)

    qtbot.waitUntil(newest_in_sight)
    assert not view.viewport().rect().contains(view.visualRect(model.index(0, 0)))
    assert model.cells(model.rowCount() - 1)[0] > model.cells(0)[0]  # oldest first
    # Another patient and back, a taller window: still the newest.
    select(window, "A-1")
    select(window, "B-2")
    window.resize(1366, 900)
    qtbot.waitUntil(newest_in_sight)
    window.close()


# --- the chart ------------------------------------------------------------------------------


def test_a_large_system_font_enlarges_the_chart_text(qapp, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from wardchart.plot.cycle_chart import RIGHT_AXIS_WIDTH, ChartView, text_size

    old = qapp.font()
    big = QFont(old)
    big.setPointSize(16)
    qapp.setFont(big)
    try:
        assert text_size() == "16pt"
        assert text_size(1) == "17pt"
        select(window, "B-2")
        select(window, "A-1")
        view = window.patient_view.chart_view
        assert view is not None
        assert view.counts.titleLabel.opts["size"] == "17pt"
        assert view.legend.opts["labelTextSize"] == "16pt"
        # A chart made under the large font widens its side axes to match.
        fresh = ChartView()
        assert fresh.grade_axis.maximumWidth() == round(RIGHT_AXIS_WIDTH * 16 / 9)
        fresh.deleteLater()
    finally:
        qapp.setFont(old)


def test_every_chart_element_is_described_in_words(window: MainWindow) -> None:
    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    said = view.graphics.accessibleDescription()
    for words in (
        "expected nadir D10–D14",
        "G2 <1.5",
        "G4 <0.5",
        "fever line",
        "G-CSF dose",
        "pegfilgrastim",
        "fever reading",
        "alert",
        "lowest so far",
        "WBC dashed",
    ):
        assert words in said, words


def test_the_side_axis_titles_never_run_into_each_other(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """However short the chart (a banner above it, a small screen), the grade axis's and
    the fever axis's titles stay within their axes, shortened or left out when needed."""
    from wardchart.plot.cycle_chart import TITLE_OVERRUN

    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    shown_titles: set[str] = set()
    for height in (1080, 768, 700, 640, 600):
        window.resize(1366, height)
        qtbot.waitUntil(lambda h=height: window.height() == h)
        for _ in range(3):
            QApplication.processEvents()
        rects = []
        for axis in (view.grade_axis, view.fever_axis):
            text = axis.label.toPlainText().strip() if axis.label.isVisible() else ""
            if not text:
                continue
            shown_titles.add(text)
            box = axis.label.mapRectToScene(axis.label.boundingRect())
            span = axis.mapRectToScene(axis.boundingRect())
            margin = TITLE_OVERRUN / 2 + 2 * axis.label.document().documentMargin()
            assert box.top() >= span.top() - margin, (height, text)
            assert box.bottom() <= span.bottom() + margin, (height, text)
            rects.append(box.adjusted(0, 1, 0, -1))
        if len(rects) == 2:
            assert not rects[0].intersects(rects[1]), height
    assert "ANC grade, CTCAE v5.0" in shown_titles  # the whole title where there is room
    assert "CTCAE v5.0" in shown_titles  # the short one where there is not
