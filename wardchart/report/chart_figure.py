"""The cycle-day chart as a vector figure for a page.

The chart is drawn by the same ChartView the window uses, laid out offscreen, then the
scene is rendered into the page with pyqtgraph's export mode on, so symbols stay vector
paths.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from wardchart.domain.chart import PatientChart
from wardchart.report.layout import Figure

#: Logical size the chart is laid out at (pixels of 1/96 in): the page scales it.
CHART_WIDTH, CHART_HEIGHT = 880, 540


def chart_figure(chart: PatientChart, view: str) -> Figure:
    """A figure drawing ``chart`` as the window would show ``view``."""
    from wardchart.plot.cycle_chart import ChartView  # imports pyqtgraph (qt_mirrors.py)

    chart_view = ChartView()
    chart_view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart_view.resize(CHART_WIDTH, CHART_HEIGHT)
    chart_view.legend_column_floor = 320  # print fonts run wider than screen metrics
    chart_view.show()
    chart_view.show_chart(chart, view, calendar=False)
    layout_item = chart_view.graphics.ci
    QApplication.sendPostedEvents()  # let the plots' layouts settle before painting
    layout_item.layout.activate()

    def draw(painter: QPainter, rect: QRectF) -> None:
        import pyqtgraph.exporters

        source = layout_item.sceneBoundingRect()
        exporter = pyqtgraph.exporters.ImageExporter(layout_item)
        exporter.setExportMode(True, {"painter": painter, "antialias": True})
        try:
            chart_view.graphics.scene().render(
                painter, rect, source, Qt.AspectRatioMode.KeepAspectRatio
            )
        finally:
            exporter.setExportMode(False)

    return Figure(draw, CHART_HEIGHT / CHART_WIDTH, keep=chart_view)
