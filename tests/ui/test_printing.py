"""Printing from the window: the same documents, audited."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from wardchart.storage import queries
from wardchart.storage.database import ChartStore
from wardchart.ui.main_window import MainWindow


def _select(window: MainWindow, mrn: str) -> None:
    store = window.session.store  # type: ignore[union-attr]
    patient = queries.find_patient(store.db, mrn)
    assert patient is not None
    window.census.select(patient.id)


def _last_audit(store: ChartStore) -> tuple[str, str, str]:
    row = store.db.execute(
        "SELECT action, entity, detail FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return row[0], row[1], row[2]


def test_export_the_shown_cycle_from_the_window(
    window: MainWindow, ward: ChartStore, tmp_path: Path
) -> None:
    _select(window, "A-1")
    window.patient_view.set_view("1")
    out = tmp_path / "from-window.pdf"
    assert window.print_patient("export", out) == out
    text = " ".join((PdfReader(out).pages[0].extract_text() or "").split())
    assert "Alpha, Ann · MRN A-1" in text
    assert "Results — cycle 1" in text
    action, entity, detail = _last_audit(ward)
    assert (action, entity) == ("export", "patient_summary")
    assert str(out) in detail
    assert '"mrn": "A-1"' in detail


def test_export_the_ward_sheet_from_the_window(
    window: MainWindow, ward: ChartStore, tmp_path: Path
) -> None:
    out = tmp_path / "ward.pdf"
    assert window.print_ward("export", out) == out
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    assert _last_audit(ward)[:2] == ("export", "ward_sheet")


def test_preview_paints_the_document(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    _select(window, "B-2")
    dialog = window.print_patient("preview")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "Beta, Ben" in dialog.windowTitle()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    with qtbot.waitSignal(dialog.paintRequested, timeout=10_000):
        preview.updatePreview()
    assert preview.pageCount() == 1
    dialog.reject()


def test_an_export_says_where_it_wrote_and_the_next_opens_there(
    window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    def folder_the_dialog_opens_in() -> Path:
        seen: list[Path] = []

        def look() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QFileDialog)
            seen.append(Path(dialog.directory().absolutePath()))
            dialog.reject()

        QTimer.singleShot(200, look)
        assert window.print_patient("export") is None  # cancelled: nothing written
        return seen[0]

    _select(window, "A-1")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first = folder_the_dialog_opens_in()
    assert first == (Path(documents) if Path(documents).is_dir() else Path.home())
    out = tmp_path / "handover" / "alpha.pdf"
    out.parent.mkdir()
    assert window.print_patient("export", out) == out
    assert window.statusBar().currentMessage() == f"PDF saved to {out}"
    assert folder_the_dialog_opens_in() == out.parent


def test_a_printer_that_cannot_be_used_prints_nothing_and_says_so(
    window: MainWindow,
    ward: ChartStore,
    tmp_path: Path,
) -> None:
    """No error in front of the nurse, no audit row for a print that did not happen."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QMessageBox

    _select(window, "A-1")
    dialog = window.print_patient("print")
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no such folder" / "chart.pdf"))  # cannot open
    before = _last_audit(ward)
    # What the print dialog says when Print is pressed (its own ending, with no printer
    # set up on this machine, is not what is tested here).
    dialog.accepted.emit(printer)
    QApplication.processEvents()
    box = window.findChild(QMessageBox, "print_failed")
    assert box is not None
    assert box.isVisible()
    assert box.text().startswith("Nothing was printed: the printer could not be used.")
    assert _last_audit(ward) == before
    box.accept()
    dialog.reject()
