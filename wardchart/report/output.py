"""Rendering documents onto PDF files and printers; paper sizes.

One painting function per document (``render_patient_summary``, ``render_ward_sheet``)
serves print preview, paper and PDF alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from wardchart.domain.chart import PatientChart
from wardchart.i18n import translate
from wardchart.report.chart_figure import chart_figure
from wardchart.report.documents import (
    PrintContext,
    patient_blocks,
    patient_frame,
    selected_cycle,
    ward_blocks,
    ward_frame,
)
from wardchart.report.layout import render

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

MARGINS_MM = QMarginsF(12, 12, 12, 12)
PAPER = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


class ReportError(Exception):
    """A document cannot be made as asked (unknown cycle, unwritable file)."""


def default_paper() -> str:
    """Letter where the system's locale measures in US units, else A4."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def page_layout(paper: str, landscape: bool) -> QPageLayout:
    """A4 or Letter, portrait or landscape, 12 mm margins."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(PAPER[paper]), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def render_patient_summary(
    device: QPdfWriter | QPrinter,
    chart: PatientChart,
    context: PrintContext,
    *,
    cycle_number: int | None = None,
    overlay_previous: bool = False,
) -> int:
    """Paint a patient's chart summary; return the page count."""
    cycle = selected_cycle(chart, cycle_number)
    if cycle_number is not None and cycle is None:
        raise ReportError(
            translate("Printout", "patient {mrn} has no cycle {number}").format(
                mrn=chart.patient.mrn, number=cycle_number
            )
        )
    figure = None
    if cycle is not None:
        view = "overlay" if overlay_previous and len(chart.cycles) > 1 else str(cycle.cycle.number)
        figure = chart_figure(chart, view)
    return render(
        device, patient_blocks(chart, cycle, figure), patient_frame(chart, cycle, context)
    )


def render_ward_sheet(
    device: QPdfWriter | QPrinter, charts: list[PatientChart], context: PrintContext
) -> int:
    """Paint the ward handover sheet; return the page count."""
    return render(device, ward_blocks(charts), ward_frame(charts, context))


def write_pdf(
    path: Path,
    paint: Callable[[QPdfWriter], int],
    *,
    title: str,
    paper: str,
    landscape: bool,
    save: Callable[[Path, bytes], None],
) -> int:
    """Write a PDF completely or not at all; ``save`` writes the finished bytes (the
    caller passes storage's all-or-nothing writer: report does not import storage).

    The document is made in memory, then written to a temporary file in the same folder,
    flushed to the disk and renamed (see docs/files.md): a full disk leaves no truncated
    PDF and the file of that name, if any, as it was.
    """
    if not path.parent.is_dir():
        raise ReportError(
            translate("Printout", "cannot write {path}: the folder {folder} does not exist").format(
                path=path, folder=path.parent
            )
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("wardchart")
    writer.setPageLayout(page_layout(paper, landscape))
    pages = paint(writer)
    del writer  # finishes the document
    buffer.close()
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
        raise ReportError(
            translate(
                "Printout", "cannot write {path}: the PDF could not be made; nothing was saved"
            ).format(path=path)
        )
    try:
        save(path, data)
    except OSError as error:
        raise ReportError(
            translate("Printout", "cannot write {path}: {reason}; nothing was saved").format(
                path=path, reason=error.strerror or error
            )
        ) from None
    return pages
