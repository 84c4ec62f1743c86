"""The Patient and Chart menus' dialogs: admitting, starting a cycle, recording, and
acting on the record selected in the tables under the chart (history, correction,
entered in error). Each dialog is imported when first opened, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMainWindow

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.i18n import shown, translate
from wardchart.ui.dialogs.opening import open_until_done

if TYPE_CHECKING:
    from wardchart.domain.records import Patient
    from wardchart.ui.census import CensusPanel
    from wardchart.ui.patient_view import PatientView
    from wardchart.ui.records_panel import RecordRef
    from wardchart.ui.session import ChartSession

    _Window = QMainWindow
else:
    _Window = object

#: The hint shown when History, Correct or Entered in error has no record to act on.
SELECT_A_RECORD = QT_TRANSLATE_NOOP(
    "ChartingDialogs",
    "Select a record in the tables under the chart first (Results, Temperatures, "
    "G-CSF doses or Cycles).",
)


class ChartingDialogs(_Window):
    """The main window's handlers that open a charting dialog."""

    session: ChartSession | None
    census: CensusPanel
    patient_view: PatientView

    if TYPE_CHECKING:

        def selected_patient(self) -> Patient | None: ...

    def open_admit(self) -> QDialog | None:
        """Patient → Admit patient…"""
        from wardchart.ui.dialogs.entry import AdmitDialog

        if self.session is None:
            return None
        dialog = AdmitDialog(self.session, parent=self)
        admitted: list[str] = []
        self.session.chart_did_change.connect(admitted.append)

        def finished(result: int) -> None:
            # The new patient is selected and shown, even if the filter would hide them.
            if self.session is not None:
                self.session.chart_did_change.disconnect(admitted.append)
            if result == QDialog.DialogCode.Accepted and admitted and admitted[-1]:
                self.census.select(admitted[-1], reveal=True)

        dialog.finished.connect(finished)
        open_until_done(dialog)
        return dialog

    def _for_patient(self, make: Callable[[ChartSession, Patient], QDialog]) -> QDialog | None:
        patient = self.selected_patient()
        if self.session is None or patient is None:
            return None
        self.statusBar().clearMessage()  # a hint or result of an earlier action is over
        dialog = make(self.session, patient)
        open_until_done(dialog)
        return dialog

    def open_cycle(self) -> QDialog | None:
        """Patient → Start cycle…"""
        from wardchart.ui.dialogs.entry import CycleDialog

        return self._for_patient(lambda s, p: CycleDialog(s, p, parent=self))

    def open_cbc(self) -> QDialog | None:
        """Chart → Record CBC…"""
        from wardchart.ui.dialogs.entry import CbcDialog

        return self._for_patient(lambda s, p: CbcDialog(s, p, parent=self))

    def open_correct(self, ref: RecordRef) -> QDialog | None:
        """Correct the selected record: the same checks as a new entry, plus a reason."""
        from wardchart.domain.records import RecordKind
        from wardchart.ui.dialogs import entry

        makers: dict[RecordKind, Callable[[ChartSession, Patient], QDialog]] = {
            RecordKind.RESULTS: lambda s, p: entry.CbcDialog(
                s, p, correcting=ref.item, parent=self
            ),
            RecordKind.TEMPERATURES: lambda s, p: entry.TemperatureDialog(
                s, p, correcting=ref.item, parent=self
            ),
            RecordKind.GCSF_DOSES: lambda s, p: entry.GcsfDialog(
                s, p, correcting=ref.item, parent=self
            ),
            RecordKind.CYCLES: lambda s, p: entry.CycleDialog(
                s, p, correcting=ref.item, parent=self
            ),
        }
        return self._for_patient(makers[ref.table])

    def open_withdraw(self, ref: RecordRef) -> QDialog | None:
        """Mark the selected record entered in error."""
        from wardchart.ui.dialogs.entry import WithdrawDialog

        return self._for_patient(
            lambda s, p: WithdrawDialog(
                s,
                p,
                ref.table,
                ref.record_id,
                version=ref.version,
                what=ref.description,
                parent=self,
            )
        )

    def open_history(self, ref: RecordRef) -> QDialog | None:
        """Show every version of the selected record."""
        from wardchart.ui.dialogs.history import HistoryDialog

        return self._for_patient(
            lambda s, p: HistoryDialog(
                translate("ChartingDialogs", "History — {what} — {name} (MRN {mrn})").format(
                    what=ref.description, name=p.name, mrn=p.mrn
                ),
                s.history(ref.table, ref.record_id),
                self,
            )
        )

    def act_on_selected_record(self, which: str) -> QDialog | None:
        """Chart → History / Correct / Entered in error, for the record selected below."""
        ref = self.patient_view.records.selected()
        if ref is None:
            self.statusBar().showMessage(shown(SELECT_A_RECORD), 10_000)
            return None
        opener = {
            "history": self.open_history,
            "correct": self.open_correct,
            "withdraw": self.open_withdraw,
        }[which]
        return opener(ref)

    def open_edit_patient(self) -> QDialog | None:
        """Patient → Edit patient details… (a correction, or a move to another bed)."""
        from wardchart.ui.dialogs.entry import AdmitDialog

        return self._for_patient(lambda s, p: AdmitDialog(s, correcting=p, parent=self))

    def open_remove_patient(self) -> QDialog | None:
        """Patient → Remove patient (entered in error)…"""
        from wardchart.domain.records import RecordKind
        from wardchart.ui.dialogs.entry import WithdrawDialog

        return self._for_patient(
            lambda s, p: WithdrawDialog(
                s,
                p,
                RecordKind.PATIENTS,
                p.id,
                version=p.version,
                what=translate("ChartingDialogs", "{name} (MRN {mrn}) and the whole chart").format(
                    name=p.name, mrn=p.mrn
                ),
                parent=self,
            )
        )

    def open_temperature(self) -> QDialog | None:
        """Chart → Record temperature…"""
        from wardchart.ui.dialogs.entry import TemperatureDialog

        return self._for_patient(lambda s, p: TemperatureDialog(s, p, parent=self))

    def open_gcsf(self) -> QDialog | None:
        """Chart → Record G-CSF dose…"""
        from wardchart.ui.dialogs.entry import GcsfDialog

        return self._for_patient(lambda s, p: GcsfDialog(s, p, parent=self))

    def open_precautions(self, active: bool) -> QDialog | None:
        """Set or clear neutropenic precautions."""
        from wardchart.ui.dialogs.entry import PrecautionsDialog

        return self._for_patient(lambda s, p: PrecautionsDialog(s, p, active, self))

    def _on_record_selected(self) -> None:
        """The hint to select a record has been followed: it goes."""
        if (
            self.patient_view.records.selected() is not None
            and self.statusBar().currentMessage() == shown(SELECT_A_RECORD)
        ):
            self.statusBar().clearMessage()
