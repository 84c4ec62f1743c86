"""The File and Help menus' handlers: printing and exporting (the patient summary and the
ward sheet), the backups dialog, merging another chart and reviewing its conflicts, and
About.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from wardchart.i18n import translate
from wardchart.paths import default_chart_path
from wardchart.ui.dialogs.opening import open_until_done

if TYPE_CHECKING:
    from wardchart.domain.records import Patient
    from wardchart.ui.patient_view import PatientView
    from wardchart.ui.session import ChartSession

    _Window = QMainWindow
else:
    _Window = object


class FileMenu(_Window):
    """The main window's handlers for the File and Help menus."""

    session: ChartSession | None
    patient_view: PatientView

    if TYPE_CHECKING:

        def selected_patient(self) -> Patient | None: ...

    def print_patient(self, how: str, path: Path | None = None) -> Any:
        """Preview, print or export the selected patient's summary (the cycle on screen)."""
        patient = self.selected_patient()
        if self.session is None or patient is None:
            return None
        from wardchart.ui import printing

        printout = printing.Printout(self.session, patient, self.patient_view.current_view())
        return self._print(printing, printout, how, path)

    def print_ward(self, how: str, path: Path | None = None) -> Any:
        """Preview, print or export the ward handover sheet."""
        if self.session is None:
            return None
        from wardchart.ui import printing

        return self._print(printing, printing.Printout(self.session, None), how, path)

    def _print(self, printing: Any, printout: Any, how: str, path: Path | None) -> Any:
        if how == "preview":
            return printing.preview(self, printout)
        if how == "print":
            return printing.print_document(self, printout)
        written = printing.export_pdf(self, printout, path)
        if written is not None:
            self.statusBar().showMessage(
                translate("FileMenu", "PDF saved to {path}").format(path=written), 30_000
            )
        return written

    def open_backups(self) -> QDialog | None:
        """File → Backups…"""
        from wardchart.ui.dialogs.backups import BackupsDialog

        if self.session is None:
            return None
        dialog = BackupsDialog(self.session, self)
        open_until_done(dialog)
        return dialog

    def open_merge(self) -> QDialog | None:
        """File → Merge from another chart…: choose, preview, merge (docs/merging.md)."""
        from wardchart.ui.dialogs.merge import MergeDialog, brought_in

        if self.session is None:
            return None
        self.statusBar().clearMessage()
        dialog = MergeDialog(self.session, self)

        def merged() -> None:
            result = dialog.merged
            if result is None:
                return
            brought = brought_in(result)
            left = len(result.conflicts)
            if not left:
                line = translate("FileMenu", "Merged {name}: {brought}")
            elif left == 1:
                line = translate("FileMenu", "Merged {name}: {brought} · 1 conflict to review")
            else:
                line = translate(
                    "FileMenu", "Merged {name}: {brought} · {count} conflicts to review"
                )
            self.statusBar().showMessage(
                line.format(name=result.other.name, brought=brought, count=left), 30_000
            )

        dialog.accepted.connect(merged)
        open_until_done(dialog)
        return dialog

    def open_conflicts(self) -> QDialog | None:
        """Patient → Review conflicts…: the selected patient's (and the ward's own), or
        the ward's with no patient selected."""
        from wardchart.ui.dialogs.conflicts import ReviewConflictsDialog

        if self.session is None:
            return None
        self.statusBar().clearMessage()
        dialog = ReviewConflictsDialog(self.session, self.selected_patient(), self)
        open_until_done(dialog)
        return dialog

    def open_about(self) -> None:
        """Help → About: version, chart file, rules in force, licences."""
        from wardchart.about import about_text

        path = self.session.store.path if self.session else default_chart_path()
        QMessageBox.about(self, translate("FileMenu", "About wardchart"), about_text(path))
