"""The chart shows what is true: its axis, labels, scale, "now" and zoom, on the real window."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from test_main_window import select
from ward_fixture import A_DAY1S, B_DAY1, NOW, TODAY

from wardchart.demo import write_demo_ward
from wardchart.domain.cycles import day_position
from wardchart.domain.grading import CtcaeVersion, anc_grade_lines
from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.settings import WardSettings
from wardchart.plot.cycle_chart import GCSF_COLOUR, ChartView
from wardchart.plot.label_layout import Rect, overlap
from wardchart.report.chart_figure import chart_figure
from wardchart.storage import operations, queries
from wardchart.storage.database import ChartStore
from wardchart.ui.main_window import MainWindow
from wardchart.ui.session import ChartSession


def _rect(r: object) -> Rect:
    return (r.x(), r.y(), r.width(), r.height())  # type: ignore[attr-defined]


def _axis_texts(view: object) -> list[str]:
    view.graphics.grab()  # type: ignore[attr-defined]
    return [text for _, text in view.temp_axis.drawn_texts]  # type: ignore[attr-defined]


def test_the_day_axis_follows_the_calendar_box_for_the_patient_shown(
    qtbot, window: MainWindow
) -> None:
    view = window.patient_view.chart_view
    assert view is not None
    box = window.patient_view.calendar_box
    select(window, "A-1")
    assert "D8" in _axis_texts(view)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    texts = _axis_texts(view)
    a_day1 = A_DAY1S[1].strftime("%d %b")
    assert a_day1 in texts
    assert not any(t.startswith("D") for t in texts)
    select(window, "B-2")
    texts = _axis_texts(view)
    b_day8 = (B_DAY1 + timedelta(days=7)).strftime("%d %b")
    assert b_day8 in texts
    assert a_day1 not in texts  # A's day 1 is before B's chart begins
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not box.isChecked()
    texts = _axis_texts(view)
    assert "D8" in texts
    assert b_day8 not in texts


def _clipped(point: Rect, box: Rect) -> bool:
    """Whether a marker reaches outside its plot (half a pixel of rounding allowed)."""
    x, y, w, h = point
    if not (box[0] <= x + w / 2 <= box[0] + box[2] and box[1] <= y + h / 2 <= box[1] + box[3]):
        return False  # the point is outside the plot's range (an earlier cycle's day)
    return (
        x < box[0] - 0.5
        or y < box[1] - 0.5
        or x + w > box[0] + box[2] + 0.5
        or y + h > box[1] + box[3] + 0.5
    )


def _lines(view: object) -> list[Rect]:
    """Every visible straight line in both plots (grade, fever, day 1, now, recovery, the
    window's edges) as a 2-pixel-wide scene rectangle, measured here, not by the chart."""
    rects: list[Rect] = []
    for plot in (view.counts, view.temps):  # type: ignore[attr-defined]
        vb = plot.vb
        box = vb.sceneBoundingRect()
        for item in plot.items:
            if not item.isVisible():
                continue
            if isinstance(item, pg.InfiniteLine):
                values = [item.value()]
                vertical = item.angle == 90
            elif isinstance(item, pg.LinearRegionItem):
                values, vertical = list(item.getRegion()), True
            else:
                continue
            for value in values:
                at_ = vb.mapViewToScene(pg.Point(value, value))
                if vertical and box.left() <= at_.x() <= box.right():
                    rects.append((at_.x() - 1, box.y(), 2, box.height()))
                elif not vertical and box.top() <= at_.y() <= box.bottom():
                    rects.append((box.x(), at_.y() - 1, box.width(), 2))
    return rects


def test_the_axis_marks_day_1_and_its_title_follows_the_calendar_box(
    qtbot, window: MainWindow
) -> None:
    view = window.patient_view.chart_view
    assert view is not None
    select(window, "A-1")
    texts = _axis_texts(view)
    assert texts[:4] == ["D1", "D8", "D15", "D22"]  # day 1 is marked, then weekly
    assert view.temps.getAxis("bottom").labelText == "cycle day"
    qtbot.mouseClick(window.patient_view.calendar_box, Qt.MouseButton.LeftButton)
    texts = _axis_texts(view)
    weeks = [(A_DAY1S[1] + timedelta(days=7 * w)).strftime("%d %b") for w in range(4)]
    assert texts[:4] == weeks  # a date for every week, the first one included
    assert view.temps.getAxis("bottom").labelText == f"date ({A_DAY1S[1].year})"


def _overlaps(view: object) -> list[str]:
    """Every label, legend or axis text that covers a point or another label, once the
    window has finished laying out (a click's chart is first drawn at the size it leaves)."""
    QApplication.processEvents()
    graphics = view.graphics  # type: ignore[attr-defined]
    graphics.grab()
    labels = []
    for item in graphics.scene().items():
        if isinstance(item, pg.TextItem) and item.isVisible() and item.toPlainText().strip():
            labels.append((item.toPlainText(), _rect(item.sceneBoundingRect())))
    legend = view.legend  # type: ignore[attr-defined]
    labels.append(("legend", _rect(legend.sceneBoundingRect())))
    points: list[Rect] = []
    for plot in (view.counts, view.temps):  # type: ignore[attr-defined]
        vb = plot.vb
        for item in plot.items:
            scatter = item.scatter if isinstance(item, pg.PlotDataItem) else item
            if not isinstance(scatter, pg.ScatterPlotItem) or not item.isVisible():
                continue
            for p in scatter.points():
                at_ = vb.mapViewToScene(p.pos())
                half = p.size() / 2
                points.append((at_.x() - half, at_.y() - half, 2 * half, 2 * half))
    found = []
    for plot in (view.counts, view.temps):  # type: ignore[attr-defined]
        box = _rect(plot.vb.sceneBoundingRect())
        found += [f"a marker at {p} is clipped by {box}" for p in points if _clipped(p, box)]
    lines = _lines(view)
    for text, rect in labels:
        if text != "legend":
            found += [f"{text!r} covers a line" for line in lines if overlap(rect, line)]
    for i, (text, rect) in enumerate(labels):
        found += [f"{text!r} covers a point" for p in points if overlap(rect, p)]
        found += [f"{text!r} covers {o!r}" for o, r2 in labels[i + 1 :] if overlap(rect, r2)]
    axes = [
        getattr(view, name, None)
        for name in ("grade_axis", "fever_axis", "level_axis", "temp_level_axis")
    ]
    for axis in (a for a in axes if a is not None):
        drawn = axis.drawn_texts
        for i, (rect, text) in enumerate(drawn):
            found += [f"{text!r} covers {o!r}" for r2, o in drawn[i + 1 :] if overlap(rect, r2)]
    return found


def _demo_window(qtbot, store: ChartStore, size: tuple[int, int]) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_session(ChartSession(store, "nurse b", clock=lambda: NOW))
    win.load_chart()
    win.resize(*size)
    win.show()
    QApplication.processEvents()
    return win


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_no_label_covers_a_point_or_a_label_on_any_demo_patient(
    qtbot, store: ChartStore, size: tuple[int, int]
) -> None:
    write_demo_ward(store, now=NOW)
    win = _demo_window(qtbot, store, size)
    view = win.patient_view.chart_view
    assert view is not None
    problems = []
    for patient in queries.all_patients(store.db):
        assert win.census.select(patient.id)
        for shown in ("current", "overlay"):
            win.patient_view.set_view(shown)
            problems += [f"{patient.name} {shown}: {p}" for p in _overlaps(view)]
    win.close()
    assert problems == []


def _cbc(store: ChartStore, mrn: str, taken: datetime, anc: str, wbc: str) -> None:
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    entry = CbcEntry(taken=taken, wbc=Decimal(wbc), anc=Decimal(anc), platelets=Decimal(150))
    operations.record_cbc(store, patient=patient, entry=entry, actor="n", now=NOW, confirm=True)


def _extreme(store: ChartStore, mrn: str, day1: date) -> None:
    operations.admit_patient(
        store, mrn=mrn, name=f"Extreme, {mrn}", dob=date(1960, 1, 1), actor="n", now=NOW
    )
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    operations.start_cycle(store, patient=patient, regimen_name="AC", day1=day1, actor="n", now=NOW)


def _local(day1: date, day: int, minutes: int = 0) -> datetime:
    start = datetime.combine(day1 + timedelta(days=day - 1), time(0, 0)).astimezone()
    return start + timedelta(minutes=minutes)


@pytest.fixture
def extremes(store: ChartStore) -> ChartStore:
    """Nadir on day 1, points on the band's edges, ANC 0.0, WBC 60, 40 results in the window."""
    day1 = TODAY - timedelta(days=15)
    _extreme(store, "X-DAY1", day1)
    _cbc(store, "X-DAY1", _local(day1, 1, 420), "0.2", "0.9")
    for day, anc in ((4, "0.6"), (8, "1.4"), (12, "2.5")):
        _cbc(store, "X-DAY1", _local(day1, day, 420), anc, "3.0")
    _extreme(store, "X-EDGE", day1)
    for day, anc in ((1, "4.0"), (10, "1.5"), (14, "0.0"), (15, "1.0")):
        _cbc(store, "X-EDGE", _local(day1, day), anc, "5.0")  # midnight: on the band edges
    _extreme(store, "X-PEAK", day1)
    for day, anc, wbc in ((1, "4.0", "6"), (3, "30", "60"), (9, "0.0", "0.4"), (11, "2.0", "4")):
        _cbc(store, "X-PEAK", _local(day1, day, 420), anc, wbc)
    _extreme(store, "X-MANY", day1)
    for i in range(40):  # every 3 hours from day 10
        anc = f"{0.1 + (i % 7) * 0.2:.1f}"
        _cbc(store, "X-MANY", _local(day1, 10, 180 * i), anc, "1.9")
    return store


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_no_label_covers_a_point_or_a_label_at_the_extremes(
    qtbot, extremes: ChartStore, size: tuple[int, int]
) -> None:
    win = _demo_window(qtbot, extremes, size)
    view = win.patient_view.chart_view
    assert view is not None
    problems = []
    for patient in queries.all_patients(extremes.db):
        assert win.census.select(patient.id)
        problems += [f"{patient.mrn}: {p}" for p in _overlaps(view)]
    win.close()
    assert problems == []


def test_the_printed_chart_has_no_overlaps_either(qtbot, extremes: ChartStore) -> None:
    for patient in queries.all_patients(extremes.db):
        chart = queries.load_chart(extremes.db, patient, WardSettings(), NOW)
        figure = chart_figure(chart, "current")
        assert _overlaps(figure.keep) == [], patient.mrn


def test_a_high_peak_leaves_the_decision_range_readable(qtbot, extremes: ChartStore) -> None:
    win = _demo_window(qtbot, extremes, (1366, 768))
    view = win.patient_view.chart_view
    assert view is not None
    select(win, "X-PEAK")
    view.graphics.grab()
    vb = view.counts.vb
    ys = {
        round(view.drawn[-1].anc_y[i], 2): p.pos().y()
        for i, p in enumerate(view.anc_curve.scatter.points())
    }
    zero = vb.mapViewToScene(QPointF(0, ys[0.0])).y()
    two = vb.mapViewToScene(QPointF(0, ys[2.0])).y()
    assert zero - two >= 0.3 * vb.sceneBoundingRect().height()  # 0–2 keeps ≥ 30 % of the height
    assert view.anc_curve.scatter.points()[1].pos().y() < view.counts.vb.viewRange()[1][1]
    win.close()


def test_a_normal_day_1_count_gets_no_nadir_star(window: MainWindow) -> None:
    select(window, "B-2")  # 5.5 on day 1 and 4.2 on day 4: no fall yet
    view = window.patient_view.chart_view
    assert view is not None
    assert view.nadir_marker is None
    assert not any("lowest" in t.lower() for t, _ in _legend_texts(view))


def _legend_texts(view: object) -> list[tuple[str, object]]:
    return [(label.text, sample) for sample, label in view.legend.items]  # type: ignore[attr-defined]


def test_the_recovery_line_has_its_own_legend_entry_and_colour(qtbot, ward: ChartStore) -> None:
    win = _demo_window(qtbot, ward, (1366, 768))
    select(win, "A-1")
    win.patient_view.set_view("1")  # cycle 1 recovered on day 15
    view = win.patient_view.chart_view
    assert view is not None
    assert view.recovery_line is not None
    assert view.recovery_line.isVisible()
    entries = [t for t, _ in _legend_texts(view)]
    assert any(t.startswith("recovery D15") for t in entries)
    assert view.recovery_line.pen.color().name() != pg.mkColor(GCSF_COLOUR).name()
    win.close()


def test_counts_are_shown_with_two_decimals(window: MainWindow) -> None:
    select(window, "A-1")
    assert "ANC 0.30 ×10⁹/L" in window.patient_view.header.text()


def test_a_now_line_shows_where_today_is(window: MainWindow) -> None:
    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    line = view.now_lines[0]
    assert line.isVisible()
    assert line.value() == pytest.approx(day_position(A_DAY1S[1], NOW))
    low, high = view.counts.vb.viewRange()[0]
    assert low < line.value() < high
    assert any(t.startswith("now D12") for t, _ in _legend_texts(view))


def test_the_wheel_and_a_drag_do_not_zoom_the_chart_away(qtbot, window: MainWindow) -> None:
    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    before = view.counts.vb.viewRange()
    viewport = view.graphics.viewport()
    centre = view.graphics.mapFromScene(view.counts.vb.sceneBoundingRect().center())
    wheel = QWheelEvent(
        QPointF(centre),
        QPointF(viewport.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 480),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(viewport, centre + QPoint(120, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre + QPoint(120, 40))
    QApplication.processEvents()
    assert view.counts.vb.viewRange() == before


def test_print_uses_the_same_chart(ward: ChartStore) -> None:
    patient = queries.find_patient(ward.db, "A-1")
    assert patient is not None
    chart = queries.load_chart(ward.db, patient, WardSettings(), NOW)
    view = chart_figure(chart, "current").keep
    assert view.nadir_marker is not None  # type: ignore[attr-defined]
    assert view.now_lines[0].isVisible()  # type: ignore[attr-defined]


def _no_cycle_patients(store: ChartStore) -> None:
    """C-3: admitted with one baseline CBC, no cycle; D-4: admitted, nothing charted."""
    for mrn, name, bed in (("C-3", "Gamma, Cy", "4A-03"), ("D-4", "Delta, Di", "4A-04")):
        operations.admit_patient(
            store, mrn=mrn, name=name, dob=date(1960, 1, 1), bed=bed, actor="n", now=NOW
        )
    c = queries.find_patient(store.db, "C-3")
    assert c is not None
    entry = CbcEntry(
        taken=NOW - timedelta(days=1),
        wbc=Decimal("6.1"),
        anc=Decimal("4.2"),
        anc_lln=Decimal("2.0"),
        platelets=Decimal(200),
    )
    operations.record_cbc(store, patient=c, entry=entry, confirm=True, actor="n", now=NOW)


def test_a_patient_without_a_cycle_shows_nothing_of_the_patient_before(
    qtbot, ward: ChartStore
) -> None:
    _no_cycle_patients(ward)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_session(ChartSession(ward, "nurse b", clock=lambda: NOW))
    window.load_chart()
    window.show()
    view, pv = window.patient_view.chart_view, window.patient_view
    assert view is not None
    select(window, "A-1")
    qtbot.mouseClick(pv.calendar_box, Qt.MouseButton.LeftButton)
    a_dates = {(A_DAY1S[1] + timedelta(days=n)).strftime("%d %b") for n in range(-7, 30)}
    baseline_day = (NOW - timedelta(days=1)).strftime("%d %b")
    for mrn in ("C-3", "D-4"):
        select(window, mrn)
        texts = _axis_texts(view)
        assert texts
        assert not any(t.startswith("D") for t in texts)  # no cycle days: there is no cycle
        # Only the patient's own days: the week up to today (and the edge of tomorrow).
        own = {(TODAY - timedelta(days=n)).strftime("%d %b") for n in range(-1, 8)}
        assert set(texts) <= own
        assert view.temps.getAxis("bottom").labelText.startswith("date (")
        assert pv.calendar_box.isChecked()  # the box says what the axis shows: dates
        assert not pv.calendar_box.isEnabled()
        assert pv.calendar_box.toolTip()
        assert pv.cycle_box.currentText() == "No cycle: baseline only"
        title = view.counts.titleLabel.text
        if mrn == "C-3":
            assert "baseline only" in title
            assert baseline_day in own
            assert list(view.anc_curve.getData()[1]) == [view.scale.to_view(4.2)]
            assert list(view.wbc_curve.getData()[1]) == [view.scale.to_view(6.1)]
        else:
            assert "no results yet" in title
            xs = view.anc_curve.getData()[0]
            assert xs is None or len(xs) == 0
    # Back to a patient with cycles, the nurse's choice of dates comes back.
    select(window, "A-1")
    assert pv.calendar_box.isChecked()
    assert set(_axis_texts(view)) & a_dates
    window.close()


def test_overlaid_cycles_untick_the_calendar_box_and_say_why(window: MainWindow, qtbot) -> None:
    pv = window.patient_view
    select(window, "A-1")
    qtbot.mouseClick(pv.calendar_box, Qt.MouseButton.LeftButton)
    assert pv.calendar_box.isChecked()
    pv.set_view("overlay")
    assert not pv.calendar_box.isEnabled()
    assert not pv.calendar_box.isChecked()  # greyed and unticked: the axis shows cycle days
    assert "overlaid" in pv.calendar_box.toolTip()
    pv.set_view("current")
    assert pv.calendar_box.isEnabled()
    assert pv.calendar_box.isChecked()


def _marker_pixels(
    view: object, x: float, count: float, image: object
) -> list[tuple[int, int, int]]:
    """The screen pixels of the 9 × 9 square around a point drawn at (x, count)."""
    vb = view.counts.vb  # type: ignore[attr-defined]
    scene = vb.mapViewToScene(pg.Point(x, view.scale.to_view(count)))  # type: ignore[attr-defined]
    at_ = view.graphics.mapFromScene(scene)  # type: ignore[attr-defined]
    pixels = []
    for dx in range(-4, 5):
        for dy in range(-4, 5):
            c = image.pixelColor(at_.x() + dx, at_.y() + dy)  # type: ignore[attr-defined]
            pixels.append((c.red(), c.green(), c.blue()))
    return pixels


def test_earlier_cycles_anc_and_wbc_stay_distinguishable_when_faded(window: MainWindow) -> None:
    select(window, "A-1")
    window.patient_view.set_view("overlay")
    view = window.patient_view.chart_view
    assert view is not None
    image = view.graphics.grab().toImage()
    # Cycle 1's day 18 stands alone: ANC 3.2 (circle) and WBC 6.4 (square).
    x = day_position(
        A_DAY1S[0], datetime.combine(A_DAY1S[0] + timedelta(days=17), time(7)).astimezone()
    )
    anc = _marker_pixels(view, x, 3.2, image)
    wbc = _marker_pixels(view, x, 6.4, image)
    # The faded ANC mark has a clearly blue outline; the faded WBC a clearly grey one: the
    # shapes show, not two pale dots.
    assert max(b - r for r, _g, b in anc) > 90
    darkest_wbc = min(wbc, key=sum)
    assert sum(darkest_wbc) / 3 < 150
    assert max(darkest_wbc) - min(darkest_wbc) < 25


def test_a_label_beside_a_point_stays_near_it() -> None:
    """A label placed far from its point reads as the label of another point (a nadir
    label drawn beside day 8's ANC): every place offered is within four gaps of it."""
    from wardchart.plot.label_layout import around

    px, py, w, h, gap = 100.0, 100.0, 120.0, 14.0, 8.0
    for x, y in around(px, py, w, h, gap):
        dx = max(x - px, 0.0, px - (x + w))
        dy = max(y - py, 0.0, py - (y + h))
        assert max(dx, dy) <= 4 * gap, (x, y)


@pytest.mark.parametrize("version", list(CtcaeVersion))
def test_the_grade_lines_drawn_are_gradings_own(
    qtbot, ward: ChartStore, version: CtcaeVersion
) -> None:
    patient = queries.find_patient(ward.db, "A-1")
    assert patient is not None
    chart = queries.load_chart(ward.db, patient, WardSettings(ctcae_version=version), NOW)
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.show_chart(chart, "current")
    view.graphics.grab()
    expected = anc_grade_lines(version)
    assert [line.value() for line in view.threshold_lines] == [float(g.value) for g in expected]
    drawn = {text for _, text in view.grade_axis.drawn_texts}
    assert drawn == {g.label for g in expected}


def test_an_earlier_cycle_shows_only_its_own_doses_temperatures_and_alerts(
    window: MainWindow,
) -> None:
    """A-1's pegfilgrastim (cycle 2, day 2) and fever (cycle 2, day 11) are cycle 2's: the
    cycle 1 chart has no triangle, no fever reading and no legend entry for them, as its
    printed summary and its records tabs have none."""
    select(window, "A-1")
    view = window.patient_view.chart_view
    assert view is not None
    assert view.gcsf_marker is not None
    assert view.fever_readings is not None
    window.patient_view.set_view("1")
    assert view.gcsf_marker is None
    assert view.fever_readings is None
    assert view.fever_marker is None
    assert not any("G-CSF" in t for t, _ in _legend_texts(view))
    assert window.patient_view.records.models["gcsf_doses"].rowCount() == 0
