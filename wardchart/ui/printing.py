"""File → Print preview, Print and Export PDF for the patient summary and the ward sheet.

The same painting function (wardchart.report.output) serves preview, paper and PDF. Every
print and export is audited: who, which patient's data, when, and where to.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.records import Patient
from wardchart.i18n import shown, translate
from wardchart.report.documents import PrintContext
from wardchart.report.jobs import PrintJob
from wardchart.report.output import ReportError, default_paper, page_layout, write_pdf
from wardchart.storage import audit
from wardchart.storage.files import check_output_path, write_atomically
from wardchart.ui import settings
from wardchart.ui.dialogs.opening import open_until_done
from wardchart.ui.session import ChartSession

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class Printout(PrintJob):
    """A print job from the window: the session's charts, audited through the session."""

    def __init__(
        self, session: ChartSession, patient: Patient | None, view: str = "current"
    ) -> None:
        self.session, self.patient = session, patient
        context = PrintContext(
            session.actor,
            session.now(),
            session.store.path,
            session.settings.ward_name,
            audit_head=audit.head(session.store.db).short(),
        )
        patients = session.patients() if patient is None else [patient]
        super().__init__(
            context, [session.chart(p) for p in patients], ward=patient is None, view=view
        )

    def audit(self, action: str, to: str, pages: int | None = None) -> None:
        """Record the print or export in the audit log."""
        self.session.log_event(
            action=action,
            entity=self.entity,
            detail=self.audit_detail(to, pages),
            patient_id=self.patient_id,
        )

    def printer(self) -> QPrinter:
        """A printer set up for this document's paper and orientation."""
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(default_paper(), self.landscape))
        printer.setDocName(self.title)
        return printer


def preview(parent: QWidget, printout: Printout) -> QDialog:
    """File → Print preview (printing from it is audited)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = printout.printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        translate("Printing", "Print preview — {title}").format(title=shown(printout.title))
    )
    dialog.paintRequested.connect(printout.paint)

    def on_finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted.value:
            printout.audit("print", _printer_name(printer))

    dialog.finished.connect(on_finished)
    open_until_done(dialog)
    return dialog


def print_document(parent: QWidget, printout: Printout) -> QDialog:
    """File → Print… (Ctrl+P)."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = printout.printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        translate("Printing", "Print — {title}").format(title=shown(printout.title))
    )

    def on_accepted() -> None:
        try:
            pages = printout.paint(printer)
        except OSError:  # Qt could not open the printer: nothing was printed or audited
            # Opened, not run in a loop of its own: the print dialog is still ending.
            warning = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("Printing", "Print"),
                translate(
                    "Printing",
                    "Nothing was printed: the printer could not be used. Check that it is "
                    "switched on and connected, or choose another printer.",
                ),
                parent=parent,
            )
            warning.setObjectName("print_failed")
            open_until_done(warning)
            return
        printout.audit("print", _printer_name(printer), pages)

    dialog.accepted.connect(on_accepted)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as ``open_until_done``
    dialog.show()
    return dialog


def export_pdf(parent: QWidget, printout: Printout, path: Path | None = None) -> Path | None:
    """File → Export PDF…: ask where (unless given), write all or nothing, audit."""
    if path is None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            translate("Printing", "Export {title}").format(title=shown(printout.title)),
            str(export_folder() / _suggested(printout)),
            translate("Printing", "PDF files (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
    try:
        check_output_path(path, printout.context.chart_file)
    except InvalidEntry as error:
        QMessageBox.warning(
            parent,
            translate("Printing", "Export PDF"),
            translate("Printing", "Nothing was exported: {reason}").format(
                reason=shown(error.first.message)
            ),
        )
        return None
    try:
        pages = write_pdf(
            path,
            printout.paint,
            title=printout.title,
            paper=default_paper(),
            landscape=printout.landscape,
            save=write_atomically,
        )
    except ReportError as error:
        QMessageBox.warning(
            parent,
            translate("Printing", "Export PDF"),
            translate("Printing", "Nothing was exported: {reason}").format(reason=shown(error)),
        )
        return None
    printout.audit("export", str(path), pages)
    settings.store(settings.EXPORT_FOLDER, str(path.parent))
    return path


def export_folder() -> Path:
    """Where the save dialog opens: the folder last exported to, if it is still there,
    else the documents folder, else the home folder."""
    last = str(settings.load(settings.EXPORT_FOLDER) or "")
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _suggested(printout: Printout) -> str:
    stamp = printout.context.printed_at.strftime("%Y-%m-%d-%H%M")
    if printout.patient is None:
        return f"ward-sheet-{stamp}.pdf"
    return f"chart-{printout.patient.mrn}-{stamp}.pdf"


def _printer_name(printer: object) -> str:
    name = getattr(printer, "printerName", lambda: "")()
    out = getattr(printer, "outputFileName", lambda: "")()
    return str(out or name or "printer")
