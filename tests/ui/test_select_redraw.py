"""Selecting a patient paints the chart once, at its new size.

The header above the chart wraps to as many lines as the patient's details need, so the
chart's height can change from one patient to the next. The window lays that out, and
settles the chart's ranges, axes and labels, before it paints: the chart is not painted
first at the size it is about to leave, and then again.
"""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from wardchart.plot.cycle_chart import ChartView
from wardchart.storage import queries
from wardchart.ui.main_window import MainWindow


class Paints(QObject):
    """The size of the chart at each paint of it, and whether the paint was whole."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[tuple[int, int], bool]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            assert isinstance(watched, QWidget)
            whole = event.region().boundingRect() == watched.rect()
            self.seen.append(((watched.width(), watched.height()), whole))
        return False


def select(window: MainWindow, mrn: str) -> None:
    assert window.session is not None
    patient = queries.find_patient(window.session.store.db, mrn)
    assert patient is not None
    assert window.census.select(patient.id)


def test_selecting_a_patient_paints_the_chart_once_at_its_new_size(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    view = window.patient_view.chart_view
    assert view is not None
    window.resize(900, 700)  # narrow: the two patients' headers wrap to different heights
    select(window, "B-2")
    qtbot.wait(50)
    paints = Paints()
    viewport = view.graphics.viewport()
    viewport.installEventFilter(paints)
    for mrn in ("A-1", "B-2", "A-1"):
        before = (viewport.width(), viewport.height())
        paints.seen.clear()
        select(window, mrn)
        qtbot.wait(50)
        size = (viewport.width(), viewport.height())
        assert size != before, mrn  # the header is lines taller or shorter
        assert [s for s, _whole in paints.seen] == [size] * len(paints.seen), mrn
        assert [whole for _s, whole in paints.seen].count(True) == 1, mrn


def test_the_same_chart_shown_again_draws_no_axis_text_again(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A refresh that changes nothing (another window saved for another patient) keeps
    every axis's drawn texts: pyqtgraph would regenerate them on each new tick list or
    title, even an equal one."""
    view = window.patient_view.chart_view
    assert view is not None
    select(window, "A-1")
    qtbot.wait(50)
    view.graphics.grab()
    axes = [view.count_axis, view.temp_axis, view.level_axis, view.temp_level_axis]
    axes += [view.grade_axis, view.fever_axis]
    assert all(axis.picture is not None for axis in axes)
    window.patient_view.show_patient(window.patient_view.chart, keep_view=True)
    assert [axis.picture is not None for axis in axes] == [True] * len(axes)


def test_selecting_a_patient_places_the_labels_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The chart's labels are placed at the size the chart is painted at, once per
    selection, even when the header above takes another height."""
    view = window.patient_view.chart_view
    assert view is not None
    window.resize(900, 700)  # the two patients' headers wrap to different heights
    select(window, "A-1")
    qtbot.wait(50)
    placed = []
    layout_labels = view.layout_labels

    def counted() -> None:
        placed.append(view.counts.vb.sceneBoundingRect().height())
        layout_labels()

    view.layout_labels = counted  # type: ignore[method-assign]
    for mrn in ("B-2", "A-1", "B-2"):
        placed.clear()
        select(window, mrn)
        qtbot.wait(50)
        assert len(placed) == 1, (mrn, placed)
        assert placed[0] == view.counts.vb.sceneBoundingRect().height()


def test_redrawing_reuses_the_symbols_already_drawn(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """pyqtgraph keeps each symbol it has drawn for a pen and brush object: patients
    selected back and forth use the same pens and brushes, so no symbol is drawn again and
    the store of them does not grow with every selection."""
    view = window.patient_view.chart_view
    assert view is not None
    scatters = [c.scatter for c in (view.anc_curve, view.wbc_curve, view.temp_curve)]
    scatters += [view._nadir_star, view._gcsf]
    for mrn in ("A-1", "B-2"):
        select(window, mrn)
        qtbot.wait(20)
    stored = [len(scatter.fragmentAtlas) for scatter in scatters]
    for mrn in ("A-1", "B-2") * 3:
        select(window, mrn)
        qtbot.wait(20)
    assert [len(scatter.fragmentAtlas) for scatter in scatters] == stored


def test_the_legend_shows_the_marks_as_the_chart_draws_them(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The legend's samples are drawn from the curves' own fill and outline: an ANC circle
    in the ANC colour, a WBC square in the WBC colour (not pyqtgraph's default symbol)."""
    from wardchart.plot.cycle_chart import ANC_COLOUR, WBC_COLOUR

    view = window.patient_view.chart_view
    assert view is not None
    select(window, "A-1")
    qtbot.wait(20)
    for curve, colour in ((view.anc_curve, ANC_COLOUR), (view.wbc_curve, WBC_COLOUR)):
        assert len(curve.scatter.data) > 0
        assert curve.scatter.opts["brush"].color().name() == colour


def _settle(view: ChartView) -> None:
    """Laid out and painted, as the window would: the labels placed at the final size."""
    QApplication.processEvents()
    view.graphics.grab()


def _visible(view: ChartView) -> list[bool]:
    """Which of the chart's own lines and band are shown, and which of its labels it has
    asked to place (where a label then fits is the label layout's business)."""
    lines = [line for lines in view._threshold_sets.values() for line, _ in lines]
    planned = {id(entry[1]) for entry in view._plan}
    return [
        id(item) in planned if isinstance(item, pg.TextItem) else item.isVisible()
        for item in (*view._furniture, *lines)
    ]


def test_what_a_chart_shows_does_not_depend_on_the_chart_before(window: MainWindow) -> None:
    """Each draw shows its furniture and hides what it does not use, without hiding
    everything first: whatever was shown before, the same chart shows the same items."""
    view = window.patient_view.chart_view
    assert view is not None
    assert window.session is not None
    charts = {}
    for mrn in ("A-1", "B-2"):
        patient = queries.find_patient(window.session.store.db, mrn)
        assert patient is not None
        charts[mrn] = window.session.chart(patient)
    states = [
        (mrn, shown, calendar)
        for mrn in charts
        for shown in ("current", "1", "overlay")
        for calendar in (False, True)
    ]
    alone = {}
    for state in states:
        view.show_chart(None)
        view.show_chart(charts[state[0]], state[1], calendar=state[2])
        _settle(view)
        alone[state] = _visible(view)
    assert len({tuple(v) for v in alone.values()}) > 1  # the states differ in what they show
    for before in states:
        for state in states:
            view.show_chart(charts[before[0]], before[1], calendar=before[2])
            _settle(view)
            view.show_chart(charts[state[0]], state[1], calendar=state[2])
            _settle(view)
            assert _visible(view) == alone[state], (before, state)
    view.show_chart(None)
    assert not any(_visible(view))


def test_the_same_chart_drawn_again_changes_no_item_s_visibility(window: MainWindow) -> None:
    """Showing and hiding an item costs a call into Python even to the same state
    (pyqtgraph's ``itemChange``): a redraw of the same chart changes none of its lines,
    band and placed labels (a label with no room is shown to be measured, then hidden)."""
    view = window.patient_view.chart_view
    assert view is not None
    assert window.patient_view.chart is not None
    chart = window.patient_view.chart
    view.show_chart(chart)
    _settle(view)
    changes: list[object] = []
    lines = [line for lines in view._threshold_sets.values() for line, _ in lines]
    for item in (*view._furniture, *lines):
        if isinstance(item, pg.TextItem) and not item.isVisible():
            continue
        original = item.setVisible

        def counted(visible: bool, item: object = item, original: object = original) -> None:
            changes.append(item)
            original(visible)  # type: ignore[operator]

        item.setVisible = counted
    view.show_chart(chart)
    _settle(view)
    assert changes == []


def test_the_labels_that_fit_are_shown_on_the_plot(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A label hidden by one draw (no room) is placed and shown by the next that has room:
    pyqtgraph sizes a text to the plot only while it is shown, so it is shown to be
    measured."""
    view = window.patient_view.chart_view
    assert view is not None
    window.resize(1366, 768)
    for mrn in ("A-1", "B-2", "A-1"):
        select(window, mrn)
        qtbot.wait(50)
        view.graphics.grab()
        shown = {label.toPlainText() for _, label, *_ in view._plan if label.isVisible()}
        assert view.now_label.toPlainText() in shown, (mrn, shown)
    window.resize(1366, 400)  # too short for the labels: hidden, then shown again
    qtbot.wait(50)
    window.resize(1366, 768)
    qtbot.wait(50)
    view.graphics.grab()
    assert view.now_label.isVisible()


def test_the_day_lines_are_opaque_and_under_the_data(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The day grid is drawn in the colour a translucent line gives on white, under the
    plots' contents (a translucent line costs Qt a pixel at a time; over the data it
    dimmed every mark it crossed)."""
    from PySide6.QtGui import QColor, QPen

    from wardchart.plot.cycle_chart import _opaque_on_white

    pen = QPen(QColor(0, 0, 0, 38))
    assert _opaque_on_white(pen).color().getRgb() == (217, 217, 217, 255)
    solid = QPen(QColor(10, 20, 30))
    assert _opaque_on_white(solid) is solid
    view = window.patient_view.chart_view
    assert view is not None
    select(window, "A-1")
    qtbot.wait(50)
    top_first = view.graphics.scene().items(Qt.SortOrder.DescendingOrder)
    depth = {id(item): index for index, item in enumerate(top_first)}
    assert depth[id(view.count_axis)] > depth[id(view.band)]
    assert depth[id(view.count_axis)] > depth[id(view.anc_curve.curve)]
    for plot, axis in ((view.counts, view.count_axis), (view.temps, view.temp_axis)):
        assert axis.grid is not False
        assert depth[id(axis)] > depth[id(plot.vb)]  # painted before the plot's contents
        specs = axis.generateDrawSpecs(QPainter())
        assert specs is not None
        assert specs[1]
        assert all(pen.color().alpha() == 255 for pen, _, _ in specs[1])


def test_a_draw_that_fails_part_way_leaves_nothing_of_the_patient_before(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The chart shows what a draw shows and hides the rest at its end: a draw that fails
    before its end must not leave the previous patient's lines, labels and legend."""
    view = window.patient_view.chart_view
    assert view is not None
    assert window.session is not None
    select(window, "A-1")
    qtbot.wait(50)
    assert view.now_lines[0].isVisible()
    patient = queries.find_patient(window.session.store.db, "B-2")
    assert patient is not None
    chart = window.session.chart(patient)

    def fails(*_args: object) -> None:
        raise RuntimeError("a draw step failed")

    monkeypatch.setattr(view, "_draw_now", fails)
    with pytest.raises(RuntimeError):
        view.show_chart(chart)
    assert not any(_visible(view))
    assert not [item for item in view._furniture if item.isVisible()]
    assert len(view.anc_curve.xData if view.anc_curve.xData is not None else []) == 0
    assert view.legend.getLabel(view._now_sample) is None


def test_hover_texts_are_written_when_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A selection draws every point; its hover text is written only when it is shown."""
    from wardchart.plot.cycle_chart import PointTip, point_tip

    view = window.patient_view.chart_view
    assert view is not None
    select(window, "A-1")
    qtbot.wait(20)
    tips = list(view.anc_curve.scatter.data["data"])
    assert tips
    assert all(isinstance(tip, PointTip) for tip in tips)
    shown = view.anc_curve.scatter.opts["tip"](x=0, y=0, data=tips[0])
    assert shown == point_tip(tips[0].item, "ANC", tips[0].chart)


class Painted(QObject):
    """The widgets it watches that were painted, each with its size then."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[QObject, tuple[int, int]]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(watched, QWidget)
            self.seen.append((watched, (watched.width(), watched.height())))
        return False


def test_selecting_a_patient_repaints_no_census_heading(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The census's headings are not painted again when another patient is selected: Qt
    repaints every heading of a table whose whole line is selected, to highlight them all."""
    select(window, "A-1")
    qtbot.wait(50)
    census = window.census.table.horizontalHeader()
    painted = Painted()
    census.viewport().installEventFilter(painted)
    for mrn in ("B-2", "A-1", "B-2"):
        select(window, mrn)
        qtbot.wait(50)
        assert window.patient_view.chart is not None
        assert window.patient_view.chart.patient.mrn == mrn
    assert painted.seen == []
    assert not census.highlightSections()
    census.viewport().grab()  # still painted when Qt has to
    assert painted.seen


def test_refilled_records_keep_their_headings(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Records refilled (the chart shown again: another workstation saved a record for the
    patient) keep their headings as they are, unpainted; the rows are new."""
    select(window, "A-1")
    qtbot.wait(50)
    views = list(window.patient_view.records.views.values())
    headers = [view.horizontalHeader() for view in views]
    widths = [[h.sectionSize(c) for c in range(h.count())] for h in headers]
    painted = Painted()
    refills: list[object] = []
    for view, header in zip(views, headers, strict=True):
        header.viewport().installEventFilter(painted)
        view.viewport().installEventFilter(painted)
        view.model().refilled.connect(lambda view=view: refills.append(view))
    window.patient_view.show_patient(window.patient_view.chart, keep_view=True)
    qtbot.wait(50)
    shown = window.patient_view.records.tabs.currentWidget()
    assert refills == [shown]  # the others are filled when shown
    assert [watched for watched, _ in painted.seen] == [shown.viewport()]
    assert [[h.sectionSize(c) for c in range(h.count())] for h in headers] == widths


def test_a_records_tab_shows_the_patient_selected_when_it_is_shown(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """Only the records tab on screen is filled when a patient is selected; another tab,
    clicked later, shows the patient selected then, never the one before."""
    from wardchart.domain.records import RecordKind
    from wardchart.ui.records_panel import temperature_row

    panel = window.patient_view.records
    temperatures = panel.views[RecordKind.TEMPERATURES]
    model = temperatures.model()
    refills: list[str] = []
    model.refilled.connect(lambda: refills.append("temperatures"))

    def rows() -> list[tuple[str, ...]]:
        return [model.cells(row) for row in range(model.rowCount())]

    def wanted() -> list[tuple[str, ...]]:
        chart = window.patient_view.chart
        assert chart is not None
        shown = chart.records_of(chart.cycles[-1]).temperatures
        return [temperature_row(t, chart.tz)[0] for t in shown]

    select(window, "B-2")
    select(window, "A-1")
    qtbot.wait(20)
    assert refills == []
    bar = panel.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert panel.tabs.currentWidget() is temperatures
    assert refills == ["temperatures"]
    assert wanted()  # A-1 has temperatures in this cycle
    assert rows() == wanted()
    select(window, "B-2")  # the tab on screen is filled at once
    qtbot.wait(20)
    assert refills == ["temperatures"] * 2
    assert rows() == wanted() == []


def test_a_refilled_records_table_has_no_selection_of_the_patient_before(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """A row selected in the records of one patient is not selected in the next's: the
    buttons that act on a record are off, and nothing of the patient before can be acted on."""
    from wardchart.domain.records import RecordKind

    panel = window.patient_view.records
    select(window, "A-1")
    qtbot.wait(20)
    view = panel.views[RecordKind.RESULTS]
    assert view.model().rowCount() > 0
    panel.select(RecordKind.RESULTS, 0)
    assert panel.selected() is not None
    assert panel.correct_button.isEnabled()
    select(window, "B-2")
    qtbot.wait(20)
    assert view.model().rowCount() > 0
    assert panel.selected() is None
    assert not view.selectionModel().hasSelection()
    assert not view.currentIndex().isValid()
    assert not panel.correct_button.isEnabled()
    assert view.follow_newest


def test_a_patient_selected_is_painted_in_one_frame(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Everything a selection changes (census lines, header, Show box, chart, records) is
    painted in the frame that follows it, and nothing later: no frame shows the records
    of the patient before, and no second paint follows (Qt lays a refilled table out at
    its next turn, and a box that fits its contents repaints itself 20 ms later). Both
    patients are shown once first: a column widened for a text wider than any before it
    is repainted once more by Qt, as is a table whose scroll bar comes or goes (here both
    patients' results fit without one)."""
    window.resize(1366, 1000)
    for mrn in ("B-2", "A-1"):
        select(window, mrn)
        qtbot.wait(100)
        results = window.patient_view.records.tabs.currentWidget()
        assert not results.verticalScrollBar().isVisible()
    painted = Painted()
    for widget in (window, *window.findChildren(QWidget)):
        widget.installEventFilter(painted)
    table = window.census.table
    table.setFocus()
    for _ in range(2):
        qtbot.keyClick(table, Qt.Key.Key_Down if _ == 0 else Qt.Key.Key_Up)
        QApplication.processEvents()  # one turn of the event loop: the next frame
        assert window.patient_view.chart is not None
        records = window.patient_view.records.tabs.currentWidget()
        assert records.viewport() in [watched for watched, _size in painted.seen]
        painted.seen.clear()
        qtbot.wait(80)
        assert [type(watched).__name__ for watched, _size in painted.seen] == []
    assert window.patient_view.chart.patient.mrn == "A-1"
