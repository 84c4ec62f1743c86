"""A print job: which document, of what, painted how, and what the audit log records.

The window and the command line both print through this, so a summary printed from
either is the same document with the same audit entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QPdfWriter

from wardchart.domain.chart import PatientChart
from wardchart.i18n import translate
from wardchart.report.documents import PrintContext
from wardchart.report.output import render_patient_summary, render_ward_sheet

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class PrintJob:
    """A patient summary (one chart) or the ward sheet (``ward=True``, every chart)."""

    def __init__(
        self,
        context: PrintContext,
        charts: list[PatientChart],
        *,
        ward: bool = False,
        view: str = "current",
    ) -> None:
        self.context, self.charts, self.ward = context, charts, ward
        self.landscape = ward
        self.cycle = int(view) if view.isdigit() else None
        self.overlay = view == "overlay"
        if ward:
            self.title, self.entity = translate("Printout", "Ward handover sheet"), "ward_sheet"
        else:
            p = charts[0].patient
            self.title = translate(
                "Printout", "Neutropenia chart summary — {name} (MRN {mrn})"
            ).format(name=p.name, mrn=p.mrn)
            self.entity = "patient_summary"

    @property
    def patient_id(self) -> str | None:
        """The patient whose data this is (None for the ward sheet)."""
        return None if self.ward else self.charts[0].patient.id

    def paint(self, device: QPdfWriter | QPrinter) -> int:
        """Paint onto a printer or PDF writer; return the page count."""
        if self.ward:
            return render_ward_sheet(device, self.charts, self.context)
        return render_patient_summary(
            device,
            self.charts[0],
            self.context,
            cycle_number=self.cycle,
            overlay_previous=self.overlay,
        )

    def audit_detail(self, to: str, pages: int | None = None) -> dict[str, Any]:
        """What the audit row records: the document, whose data, where to, how long."""
        detail: dict[str, Any] = {"document": self.entity, "to": to, "format": "pdf"}
        if pages is not None:
            detail["pages"] = pages
        if self.ward:
            detail["patients"] = [c.patient.mrn for c in self.charts]
        else:
            detail["mrn"] = self.charts[0].patient.mrn
            detail["cycle"] = self.cycle
        return detail
