"""Clicking down the census, the window holds still where it can.

The patient header keeps room for its three usual lines and one alert line, and gives back
a single line only when the window's width changes; the records tables' columns keep the
widths their texts have needed. Nothing is ever cut short: the header is always at least as
tall as its text, and every cell's text fits its column.
"""

from __future__ import annotations

import math
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from merge_fixture import LATER, laptop_with_conflicts
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QTextDocument, QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QStyle, QWidget
from ward_fixture import NOW

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.records import RecordKind
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore
from wardchart.storage.merge import merge_from
from wardchart.ui.main_window import MainWindow
from wardchart.ui.patient_header import PatientHeader
from wardchart.ui.patient_view import CycleBox
from wardchart.ui.records_panel import RecordsModel, RecordsView
from wardchart.ui.session import ChartSession


def select(window: MainWindow, mrn: str) -> None:
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, mrn)
    assert patient is not None
    assert window.census.select(patient.id)


def lines(count: int) -> str:
    return "<span style='font-size:x-large'><b>Name</b></span>" + "<br>line" * (count - 1)


def text_height(header: PatientHeader, text: str) -> int:
    """The height Qt's own label needs for ``text`` at the header's width and font."""
    ruler = QLabel(text)
    ruler.setTextFormat(Qt.TextFormat.RichText)
    ruler.setWordWrap(True)
    ruler.setFont(header.font())
    return int(ruler.heightForWidth(header.width()))


def test_the_chart_holds_still_between_a_patient_with_an_alert_and_one_without(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.resize(2560, 1080)
    window.splitter.setSizes([500, 2060])  # no line wraps: B-2 has three, A-1 an alert line more
    viewport = window.patient_view.chart_view.graphics.viewport()  # type: ignore[union-attr]
    sizes = []
    for mrn in ("B-2", "A-1", "B-2", "A-1"):
        select(window, mrn)
        qtbot.wait(30)
        sizes.append(viewport.size())
    header = window.patient_view.header
    assert header.text().count("<br>") == 3
    assert "FEBRILE NEUTROPENIA" in header.text()
    assert sizes == [sizes[0]] * 4


def test_the_header_keeps_a_line_gives_back_two_and_is_never_shorter_than_its_text(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    select(window, "B-2")
    qtbot.wait(30)
    header = window.patient_view.header
    room = header.holder.minimumHeight()
    line = header.fontMetrics().lineSpacing()
    assert room >= text_height(header, lines(4))  # three lines and an alert: no change

    def shown(count: int) -> int:
        header.show_text(lines(count))
        qtbot.wait(30)
        assert header.height() >= text_height(header, lines(count))  # nothing cut off
        return int(header.height())

    assert shown(3) == room
    assert shown(4) == room
    seven = shown(7)
    assert seven >= room + 3 * line - 2  # grows to its text
    assert shown(6) == seven  # one line fewer: the chart stays put
    assert shown(7) == seven
    five = shown(5)  # two lines fewer: given back
    assert five < seven
    assert shown(4) == five  # a line fewer than five lines' text needs, with the room
    assert shown(3) == five
    window.resize(1300, 768)  # a new width: fits its text again
    qtbot.wait(30)
    assert header.height() == room


def test_the_header_keeps_room_in_a_larger_font(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    header = window.patient_view.header
    room = header.holder.minimumHeight()
    font = QFont(header.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    header.setFont(font)
    assert header.holder.minimumHeight() > room * 1.5
    assert header.holder.minimumHeight() >= text_height(header, lines(4))


def cell_widths_fit(view: RecordsView) -> None:
    """Every cell's text fits its column, as Qt measures a text cell (rows in conflict are
    bold), and so does its heading."""
    model = view.model()
    assert isinstance(model, RecordsModel)
    header = view.horizontalHeader()
    bold_font = QFont(view.font())
    bold_font.setBold(True)
    plain, bold = view.fontMetrics(), QFontMetrics(bold_font)
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    for column in range(model.columnCount()):
        assert header.sectionSize(column) >= view.sizeHintForColumn(column), column
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column  # heading
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            metrics = plain if model.mark(row) is None else bold
            assert metrics.horizontalAdvance(text) + margin <= header.sectionSize(column), text


def test_record_columns_fit_every_text_and_keep_their_widths(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    results = window.patient_view.records.views[RecordKind.RESULTS]
    assert isinstance(results, RecordsView)
    header = results.horizontalHeader()
    for mrn in ("A-1", "B-2"):  # B-2's counts are wider (11.0), A-1's dates are
        select(window, mrn)
        qtbot.wait(30)
        cell_widths_fit(results)
        if mrn == "A-1":  # as wide as their texts need, no wider (not Qt's default width)
            for column in range(header.count() - 1):
                needs = max(results.sizeHintForColumn(column), header.sectionSizeHint(column))
                assert header.sectionSize(column) <= needs + 1, column
    fixed = range(header.count() - 1)  # the last column stretches to the table's edge
    widths = [header.sectionSize(c) for c in fixed]
    select(window, "A-1")  # no text wider than before: the columns stay where they are
    qtbot.wait(30)
    cell_widths_fit(results)
    assert [header.sectionSize(c) for c in fixed] == widths
    # A longer text widens its column, at once.
    assert window.session is not None
    store = window.session.store
    patient = queries.find_patient(store.db, "B-2")
    assert patient is not None
    entry = CbcEntry(
        taken=NOW - timedelta(hours=1),
        wbc=Decimal("7.1"),
        anc=Decimal("4.0"),
        anc_lln=Decimal("2.0"),
        platelets=Decimal(150),
    )
    operations.record_cbc(
        store,
        patient=patient,
        entry=entry,
        confirm=True,
        actor="Staff Nurse Bartholomew Featherstonehaugh-Smythe",
        now=NOW,
    )
    window.refresh()
    select(window, "B-2")
    qtbot.wait(30)
    assert "Featherstonehaugh" in results.model().index(results.model().rowCount() - 1, 7).data()
    entered_by = 7
    assert header.sectionSize(entered_by) > widths[entered_by]
    cell_widths_fit(results)


def test_record_columns_follow_a_larger_font(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "A-1")
    qtbot.wait(30)
    results = window.patient_view.records.views[RecordKind.RESULTS]
    assert isinstance(results, RecordsView)
    font = QFont(results.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    results.setFont(font)
    qtbot.wait(30)
    assert QFontMetrics(font).horizontalAdvance("x") == results.fontMetrics().horizontalAdvance("x")
    cell_widths_fit(results)


@pytest.fixture
def merged(ward: ChartStore, tmp_path: Path) -> None:
    """A-1's first CBC corrected apart on a laptop and merged: a conflict on A-1 only."""
    laptop = laptop_with_conflicts(ward, tmp_path)
    merge_from(ward, laptop.path, actor="nurse b", now=LATER)


def test_the_conflict_column_comes_back_wide_enough(
    qtbot,
    merged: None,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    """Dropped for a patient with no conflict and shown again for one with, the conflict
    column gets the width its text needs, not Qt's default."""
    window.resize(900, 700)  # narrow: the table is wider than its view, nothing stretches
    results = window.patient_view.records.views[RecordKind.RESULTS]
    assert isinstance(results, RecordsView)
    for mrn in ("A-1", "B-2", "A-1"):
        select(window, mrn)
        window.patient_view.set_view("1")  # the first cycle holds the CBC corrected apart
        qtbot.wait(30)
        cell_widths_fit(results)
    assert results.model().headerData(9, Qt.Orientation.Horizontal) == "Conflict"


def test_a_large_font_in_a_short_window_never_cuts_the_header(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A window too short for the header's text at a large font grows rather than cut the
    alert off."""
    before = QApplication.font()
    font = QFont(before)
    font.setPointSizeF(font.pointSizeF() * 1.5)
    QApplication.setFont(font)
    try:
        window.resize(800, 600)
        for mrn in ("B-2", "A-1"):
            select(window, mrn)
            qtbot.wait(50)
            header = window.patient_view.header
            assert header.height() >= text_height(header, header.text()), mrn
    finally:
        QApplication.setFont(before)


class LayoutRequests(QObject):
    """Counts the layout passes asked of some widgets."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.seen: list[str] = []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen.append(type(watched).__name__)
        return False


def test_clicking_between_patients_lays_nothing_out_again(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A new header of the same height and a new list of cycles repaint themselves only:
    the window, its splitter and the patient view are not laid out again on each click."""
    window.resize(2560, 1080)
    window.splitter.setSizes([500, 2060])  # no line wraps: both headers fit the kept room
    for mrn in ("B-2", "A-1"):
        select(window, mrn)
        qtbot.wait(30)
    view = window.patient_view
    assert view.cycle_box.count() >= 1
    requests = LayoutRequests(window, window.splitter, view)
    heights, texts = [], []
    for mrn in ("B-2", "A-1", "B-2"):
        select(window, mrn)
        qtbot.wait(30)
        heights.append(view.header.height())
        texts.append(view.header.text())
    assert "FEBRILE NEUTROPENIA" in texts[1]
    assert "FEBRILE" not in texts[0]
    assert heights == [heights[0]] * 3
    assert requests.seen == []


def test_the_cycle_box_fits_its_widest_entries_and_keeps_its_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = CycleBox()
    qtbot.addWidget(box)
    box.show()

    def needed(items: list[str]) -> int:
        """What Qt's own box sized to its contents asks for these entries."""
        plain = QComboBox()
        plain.setFont(box.font())
        plain.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        plain.addItems(items)
        return int(plain.sizeHint().width())

    def offer(items: list[str]) -> int:
        box.clear()
        box.addItems(items)
        box.fit()
        assert box.width() >= needed(items)  # no entry cut short
        return int(box.width())

    long = ["Cycle 12 (current)", "Cycle 11", "All cycles overlaid"]
    wide = offer(long)
    assert wide == needed(long)
    assert offer(["Cycle 1 (current)"]) == wide  # fewer, shorter entries: the box stays
    longer = ["Cycle 3 (current)", "Alle Zyklen überlagert (frühere blass)"]
    assert offer(longer) > wide  # a longer one widens it at once
    font = QFont(box.font())
    font.setPointSizeF(font.pointSizeF() * 1.8)
    box.setFont(font)
    assert box.width() >= needed(longer)  # measured again in the larger font


def darkest(widget: QWidget) -> int:
    """The darkest grey level drawn in a widget (text is near 0, the window near 240)."""
    image = widget.grab().toImage()
    return min(
        QColor(image.pixel(x, y)).lightness()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def test_a_chart_opened_in_a_shown_window_shows_its_header(qtbot, ward: ChartStore) -> None:  # type: ignore[no-untyped-def]
    """As the program starts: the window first, then the chart. The header is laid out at
    the width it is shown at and fills its place (it was once left at the height its
    text needed at Qt's 100-pixel default width, its text centred out of sight)."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.wait(30)
    window.set_session(ChartSession(ward, "nurse b", clock=lambda: NOW))
    window.load_chart()
    qtbot.waitUntil(lambda: window.patient_view.chart is not None)
    qtbot.wait(50)
    header = window.patient_view.header
    assert "MRN" in header.text()
    assert window.size() == QSize(1366, 768)  # not grown by a header measured too narrow
    assert header.geometry() == header.holder.rect()
    assert header.height() >= text_height(header, header.text())
    assert header.height() < 2 * text_height(header, header.text())
    assert darkest(header.holder) < 80  # its text is in sight
    window.close()


def test_a_row_in_conflict_is_bold_and_says_why(qtbot, merged: None, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select(window, "A-1")
    window.patient_view.set_view("1")  # the first cycle holds the CBC corrected apart
    qtbot.wait(30)
    model = window.patient_view.records.models[RecordKind.RESULTS]
    marked = [row for row in range(model.rowCount()) if model.mark(row) is not None]
    calm = [row for row in range(model.rowCount()) if model.mark(row) is None]
    assert marked
    assert calm
    Role = Qt.ItemDataRole
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert index.data() == model.text(row, column)
            font, tip, words = (
                index.data(r) for r in (Role.FontRole, Role.ToolTipRole, Role.AccessibleTextRole)
            )
            if row in marked:
                assert font is not None
                assert font.bold()
                assert tip == words
                assert "conflict" in tip.lower() or "Konflikt" in tip
            else:
                assert (font, tip, words) == (None, None, None)
            for other in (Role.DecorationRole, Role.BackgroundRole, Role.CheckStateRole):
                assert index.data(other) is None
    assert model.data(QModelIndex()) is None
    assert model.data(QModelIndex(), Role.ToolTipRole) is None


def wrapped_anywhere_height(header: PatientHeader, width: int) -> int:
    """The height of the header's text broken between words, and inside a word only where
    the word is wider than ``width`` (laid out by Qt's text document)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setDefaultFont(header.font())
    document.setTextWidth(width)
    document.setHtml(header.text())
    return math.ceil(document.size().height())


LONG_TOKEN = "NM_002520.7:c.860_863dup" + "ACGT" * 40  # no place to break it


@pytest.mark.parametrize(
    "patient_text", [LONG_TOKEN, "Wolfeschlegelsteinhausenbergerdorff, Hubert"]
)
def test_a_word_wider_than_the_header_is_broken_never_cut_nor_widening_the_window(
    qtbot, window: MainWindow, patient_text: str
) -> None:  # type: ignore[no-untyped-def]
    """A label would widen the window past the screen for it, or be cut; the header
    breaks the word where it must and grows a line for it."""
    window.resize(1366, 768)
    select(window, "B-2")
    qtbot.wait(30)
    sizes = window.splitter.sizes()
    header = window.patient_view.header
    header.show_text(
        f"<span style='font-size:x-large'><b>{patient_text}</b></span><br>cycle 1<br>flags"
    )
    qtbot.wait(30)
    for census, view in ((1000, 366), (500, 866)):
        window.splitter.setSizes([census, view])
        qtbot.wait(30)
        assert window.size() == QSize(1366, 768)
        assert window.splitter.sizes()[1] <= view  # the header asks for no width
        assert header.geometry() == header.holder.rect()
        assert header.height() >= wrapped_anywhere_height(header, header.contentsRect().width())
    select(window, "A-1")  # a patient with short words: the splitter goes where it was put
    qtbot.wait(30)
    window.splitter.setSizes(sizes)
    qtbot.wait(30)
    assert window.splitter.sizes() == sizes
    assert window.size() == QSize(1366, 768)


def test_a_maximised_window_measures_every_header(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A window that cannot grow (maximised), after a header with a word too wide for it:
    the next headers are measured and shown whole (an alert line was once left out)."""
    window.setFixedSize(1366, 768)
    header = window.patient_view.header
    header.show_text(f"<b>{LONG_TOKEN}</b><br>x")
    qtbot.wait(30)
    for mrn in ("B-2", "A-1"):
        select(window, mrn)
        qtbot.wait(30)
        assert header.height() >= text_height(header, header.text()), mrn
    assert "FEBRILE NEUTROPENIA" in header.text()


def test_the_patient_view_dragged_shut_and_open_again(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Dragged shut, the header does not stand its text a letter a line (the window
    grew to thousands of pixels); opened again, it fits its text."""
    window.resize(1366, 768)
    select(window, "A-1")
    qtbot.wait(30)
    header = window.patient_view.header
    before = header.height()
    window.splitter.setSizes([1366, 0])
    qtbot.wait(30)
    assert window.size() == QSize(1366, 768)
    window.splitter.setSizes([680, 680])
    qtbot.wait(30)
    assert window.size() == QSize(1366, 768)
    assert header.height() == before
    assert header.geometry() == header.holder.rect()


def link_pixels(header: PatientHeader) -> list[QPoint]:
    """Where the header's link is drawn: the pixels in the palette's link colour."""
    image = header.grab().toImage()
    link = header.palette().link().color().rgb()
    return [
        QPoint(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixel(x, y) == link
    ]


def review_dialogs() -> list[QWidget]:
    from wardchart.ui.dialogs.conflicts import ReviewConflictsDialog

    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ReviewConflictsDialog) and w.isVisible()
    ]


@pytest.mark.parametrize("token", ["", LONG_TOKEN])
def test_the_review_link_opens_the_conflicts_where_it_is_drawn(
    qtbot, merged: None, window: MainWindow, token: str
) -> None:  # type: ignore[no-untyped-def]
    """Clicked where it is drawn, the header's "Review conflicts…" link opens the review;
    the text around it does not. Also after a word broken inside (the label's own layout,
    which breaks only between words, once put the link a line away from where it is drawn)."""
    window.resize(1366, 768)
    select(window, "A-1")
    qtbot.wait(30)
    header = window.patient_view.header
    assert "href='review'" in header.text()
    if token:
        header.show_text(header.text().replace("<br>", f" {token}<br>", 1))
        qtbot.wait(30)
    drawn = link_pixels(header)
    assert drawn
    top = min(p.y() for p in drawn)
    elsewhere = QPoint(header.width() // 2, max(1, top - header.fontMetrics().lineSpacing()))
    QTest.mouseMove(header, elsewhere)
    assert header.cursor().shape() != Qt.CursorShape.PointingHandCursor
    QTest.mouseClick(header, Qt.MouseButton.LeftButton, pos=elsewhere)
    qtbot.wait(50)
    assert review_dialogs() == []
    on_link = drawn[len(drawn) // 2]
    QTest.mouseMove(header, on_link)
    assert header.cursor().shape() == Qt.CursorShape.PointingHandCursor
    QTest.mouseClick(header, Qt.MouseButton.LeftButton, pos=on_link)
    qtbot.waitUntil(lambda: len(review_dialogs()) == 1)
    for dialog in review_dialogs():
        dialog.close()
