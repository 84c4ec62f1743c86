"""File → Lab messages held…: laboratory messages the import could not chart on its own.

For each, the nurse attaches it to the right patient (its results are charted to them)
or dismisses it; both need a reason, and both are records in the chart file, audited.
Nothing is deleted. See docs/hl7-inbox.md.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wardchart import i18n
from wardchart.domain.identifiers import normal_mrn
from wardchart.domain.problems import InvalidEntry
from wardchart.domain.records import Patient
from wardchart.i18n import translate
from wardchart.storage import hl7_import  # noqa: F401  its reasons, marked to be read back
from wardchart.storage.errors import ChartFileError
from wardchart.ui.session import ChartSession
from wardchart.ui.wording import reread


def _named(row: dict[str, Any]) -> str:
    people = row.get("named") or []
    if not people:
        return row.get("mrn") or translate("HeldMessagesDialog", "(no patient readable)")
    parts = []
    for person in people:
        ids = ", ".join(f"{v} ({t})" if t else v for v, t in person.identifiers) or translate(
            "HeldMessagesDialog", "no id"
        )
        dob = (
            i18n.date_text(person.dob)
            if person.dob
            else translate("HeldMessagesDialog", "no date of birth")
        )
        parts.append(
            translate("HeldMessagesDialog", "{name} · {ids} · born {dob}").format(
                name=person.name or translate("HeldMessagesDialog", "(no name)"), ids=ids, dob=dob
            )
        )
    return "; ".join(parts)


def _field_label(field: str) -> str:
    """A problem's field in the dialog's own words."""
    return {
        "reason": translate("HeldMessagesDialog", "reason", "a field named in a message"),
        "patient": translate("HeldMessagesDialog", "patient", "a field named in a message"),
        "mrn": translate("HeldMessagesDialog", "MRN"),
    }.get(field, field)


class HeldMessagesDialog(QDialog):
    """The held list; attach the selected message to a patient, or dismiss it."""

    def __init__(self, session: ChartSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(translate("HeldMessagesDialog", "Lab messages held"))
        self.setMinimumWidth(900)
        self.rows: list[dict[str, Any]] = []
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(
            translate("HeldMessagesDialog", "Lab messages held, oldest first")
        )
        self.table.setHorizontalHeaderLabels(
            [
                translate("HeldMessagesDialog", "Received"),
                translate("HeldMessagesDialog", "Patient in the message"),
                translate("HeldMessagesDialog", "Why held"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.patient = QComboBox()
        self.patient.setAccessibleName(translate("HeldMessagesDialog", "Attach to patient"))
        self.comparison = QLabel()
        self.comparison.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(translate("HeldMessagesDialog", "Reason"))
        self.reason.setPlaceholderText(
            translate("HeldMessagesDialog", "e.g. MRN typo at the laboratory; wristband checked")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.attach_button = QPushButton(translate("HeldMessagesDialog", "&Attach to patient"))
        self.dismiss_button = QPushButton(translate("HeldMessagesDialog", "&Dismiss"))
        close = QPushButton(translate("HeldMessagesDialog", "Close"))
        self.attach_button.clicked.connect(self.attach)
        self.dismiss_button.clicked.connect(self.dismiss)
        close.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._compare)
        self.patient.currentIndexChanged.connect(self._compare)
        form = QFormLayout()
        form.addRow(translate("HeldMessagesDialog", "Attach to &patient:"), self.patient)
        form.addRow(QLabel(), self.comparison)  # shown beside the choice, not a field
        form.addRow(translate("HeldMessagesDialog", "&Reason:"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        intro = QLabel(
            translate(
                "HeldMessagesDialog",
                "These laboratory messages were not charted: the patient did not match "
                "(MRN and date of birth), or a value needs a person. Attach one to the "
                "right patient, or dismiss it; either needs a reason and is recorded.",
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.patients: list[Patient] = []
        self.refresh()

    def refresh(self) -> None:
        """Reload the held list and the census."""
        self.rows = self.session.held_lab_messages()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            received = translate("HeldMessagesDialog", "{time} UTC").format(
                time=i18n.date_text(str(row["received_at"])[:16].replace("T", " "))
            )
            for c, text in enumerate((received, _named(row), reread(row["reason"]))):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    translate("HeldMessagesDialog", "{text}\nfile {file} · message {id}").format(
                        text=text, file=row["file"], id=row["control_id"]
                    )
                )
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.patients = sorted(self.session.patients(), key=lambda p: (p.bed, p.name))
        self.patient.blockSignals(True)
        self.patient.clear()
        self.patient.addItem(translate("HeldMessagesDialog", "(choose a patient)"))
        for p in self.patients:
            self.patient.addItem(
                translate("HeldMessagesDialog", "{bed} · {name} · MRN {mrn} · born {dob}").format(
                    bed=p.bed or "—", name=p.name, mrn=p.mrn, dob=i18n.date_text(p.dob)
                )
            )
        self.patient.blockSignals(False)
        if self.rows:
            self.table.selectRow(0)
        enabled = bool(self.rows) and not self.session.store.read_only
        for widget in (self.attach_button, self.dismiss_button, self.reason, self.patient):
            widget.setEnabled(enabled)
        if not self.rows:
            self.comparison.setText("")
            self.message.setText(translate("HeldMessagesDialog", "No lab messages are held."))
        self._compare()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def chosen(self) -> Patient | None:
        index = self.patient.currentIndex() - 1
        return self.patients[index] if 0 <= index < len(self.patients) else None

    def _compare(self) -> None:
        """Say plainly how the chosen patient differs from the patient in the message."""
        row, patient = self.selected(), self.chosen()
        if row is None or patient is None:
            self.comparison.setText("")
            return
        people = row.get("named") or []
        if len(people) != 1:
            self.comparison.setText(
                translate("HeldMessagesDialog", "The message names {count} patients.").format(
                    count=len(people)
                )
            )
            return
        person = people[0]
        ids = {normal_mrn(v) for v, _ in person.identifiers}
        none = translate("HeldMessagesDialog", "none")
        lines = [
            translate("HeldMessagesDialog", "MRN matches")
            if normal_mrn(patient.mrn) in ids
            else translate(
                "HeldMessagesDialog", "MRN DIFFERS: message {message}, chart {chart}"
            ).format(
                message=", ".join(v for v, _ in person.identifiers) or none, chart=patient.mrn
            ),
            translate("HeldMessagesDialog", "date of birth matches")
            if person.dob == patient.dob
            else translate(
                "HeldMessagesDialog", "DATE OF BIRTH DIFFERS: message {message}, chart {chart}"
            ).format(
                message=i18n.date_text(person.dob) if person.dob else none,
                chart=i18n.date_text(patient.dob),
            ),
        ]
        self.comparison.setText(" · ".join(lines))

    def attach(self) -> None:
        row, patient = self.selected(), self.chosen()
        if row is None:
            return
        if patient is None:
            self.message.setText(
                translate(
                    "HeldMessagesDialog", "{field}: choose the patient to attach the message to"
                ).format(field=_field_label("patient"))
            )
            self.patient.setFocus()
            return
        self._decide(
            lambda: self.session.attach_lab_message(row["id"], patient, self.reason.text())
        )

    def dismiss(self) -> None:
        row = self.selected()
        if row is not None:
            self._decide(lambda: self.session.dismiss_lab_message(row["id"], self.reason.text()))

    def _decide(self, act: Any) -> None:
        try:
            outcome = act()
        except InvalidEntry as error:
            self.message.setText(
                translate("HeldMessagesDialog", "{field}: {message}").format(
                    field=_field_label(error.first.field), message=i18n.shown(error.first.message)
                )
            )
            if error.first.field == "reason":
                self.reason.setFocus()
            return
        except ChartFileError as error:
            self.message.setText(i18n.shown(error))
            return
        self.reason.clear()
        self.refresh()
        done = (
            (
                translate(
                    "HeldMessagesDialog", "Message {id} attached: 1 result charted to MRN {mrn}."
                )
                if outcome.results == 1
                else translate(
                    "HeldMessagesDialog",
                    "Message {id} attached: {count} results charted to MRN {mrn}.",
                )
            ).format(id=outcome.control_id, mrn=outcome.mrn, count=outcome.results)
            if outcome.outcome == "attached"
            else translate("HeldMessagesDialog", "Message {id} dismissed.").format(
                id=outcome.control_id
            )
        )
        self.message.setText(done)
