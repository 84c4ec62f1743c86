"""Patient → Review conflicts…: the conflicts merging charts brought, for one patient (or
the ward's own: accounts, settings, regimens), each with who wrote each version, when,
and which the chart shows; and their resolution (see docs/merging.md).

A conflict is settled by a person, with a reason: keep one version, enter a new corrected
version (in the usual correction dialog), or — one MRN admitted twice — link the two
patient records as one person. The resolution is saved through the session as a record,
audited, and merges to the other computers like any other record.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from wardchart import i18n
from wardchart.domain.merge_rules import KIND_WORDS
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import Patient
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.i18n import translate
from wardchart.session.merging import (
    ResolveConflict,
    pairs,
    subject_of,
    values_text,
    when_text,
)
from wardchart.storage.conflicts import Conflict
from wardchart.ui.dialogs.form import FormDialog, mnemonic_of, with_mnemonic
from wardchart.ui.session import ChartSession

#: The tables whose records the correction dialogs correct.
CORRECTABLE = ("results", "temperatures", "gcsf_doses", "cycles", "patients")
SIDE_COLUMNS = ("Shown", "Version", "Written by", "When", "Computer")


def differences_first(texts: list[str]) -> list[str]:
    """Each version's values ("k=v, k=v"), those that differ between the versions first:
    what the nurse has to choose between is in sight even when the rest is cut short."""
    parts = [pairs(t) for t in texts]
    common = set.intersection(*(set(p) for p in parts)) if parts else set()
    return [
        ", ".join([x for x in p if x not in common] + [x for x in p if x in common]) for p in parts
    ]


class ResolvingSession:
    """The session as a correction dialog sees it while it enters a conflict's new
    version: its correction is saved as the resolution (``ResolveConflict``)."""

    def __init__(self, session: ChartSession, key: str) -> None:
        self._session, self._key = session, key

    def save(self, change: Any) -> Any:
        return self._session.save(
            ResolveConflict(
                key=self._key, action="new_version", reason=change.reason, correction=change
            )
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


class ReviewConflictsDialog(FormDialog):
    """One patient's conflicts (or the ward's), resolved one at a time."""

    def __init__(
        self, session: ChartSession, patient: Patient | None, parent: QWidget | None = None
    ) -> None:
        title = (
            translate("ConflictsDialog", "Review conflicts — the ward")
            if patient is None
            else translate("ConflictsDialog", "Review conflicts — {name} (MRN {mrn})").format(
                name=patient.name, mrn=patient.mrn
            )
        )
        super().__init__(title, parent, session.now)
        self.session, self.patient = session, patient
        self.setMinimumWidth(860)
        self.save_button.setText(translate("ConflictsDialog", "Res&olve"))
        self.mnemonics.add(mnemonic_of(self.save_button.text()))
        self.intro = QLabel(
            translate(
                "ConflictsDialog",
                "Records charted differently on two computers. Every version is kept; the chart\n"
                "shows one (the same on every computer) until you settle it, with a reason.",
            )
        )
        self.form.addRow(self.intro)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ConflictsDialog", "Conflicts to review"))
        self.list.setMinimumHeight(60)
        self.list.setMaximumHeight(110)
        self.add_field("conflict", translate("ConflictsDialog", "Conflicts:"), self.list)
        self.sides = QTableWidget(0, len(SIDE_COLUMNS))
        self.sides.setHorizontalHeaderLabels(
            [
                translate("ConflictsDialog", "Shown"),
                translate("ConflictsDialog", "Version"),
                translate("ConflictsDialog", "Written by"),
                translate("ConflictsDialog", "When"),
                translate("ConflictsDialog", "Computer"),
            ]
        )
        self.sides.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sides.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sides.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sides.setTabKeyNavigation(False)
        self.sides.verticalHeader().hide()
        header = self.sides.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sides.setMinimumHeight(90)
        self.sides.setWordWrap(False)
        self.add_field("version", translate("ConflictsDialog", "Versions:"), self.sides)
        self.keep = QRadioButton(
            with_mnemonic(translate("ConflictsDialog", "Keep the selected version"), self.mnemonics)
        )
        # The keep button's words for the kinds where they differ, with the same shortcut.
        letter = mnemonic_of(self.keep.text())
        self.keep_words = {
            "": self.keep.text(),
            **{
                kind: _same_mnemonic(translate("ConflictsDialog", words), letter)
                for kind, words in _KEEP_WORDS.items()
            },
        }
        self.link = QRadioButton(
            with_mnemonic(
                translate("ConflictsDialog", "Link the records as one person (keep the selected)"),
                self.mnemonics,
            )
        )
        self.new_version = QRadioButton(
            with_mnemonic(
                translate("ConflictsDialog", "Enter a new corrected version…"), self.mnemonics
            )
        )
        self.choice = QButtonGroup(self)  # one choice, though each sits in its own row
        for name, button in (
            ("keep", self.keep),
            ("link", self.link),
            ("new_version", self.new_version),
        ):
            self.choice.addButton(button)
            self.add_field(name, "", button)
        self.add_field(
            "reason",
            translate("ConflictsDialog", "Reason:"),
            QLineEdit(placeholderText=translate("ConflictsDialog", "e.g. checked with the lab")),
        )
        self.list.currentRowChanged.connect(lambda _row: self._show_conflict())
        self.shown: list[Conflict] = []
        #: The correction dialog opened for a new version, if any.
        self.correction_dialog: QDialog | None = None
        self.reload()

    # --- showing ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the open conflicts again."""
        patient_id = None if self.patient is None else self.patient.id
        self.shown = self.session.patient_conflicts(patient_id)
        if self.patient is not None:
            self.shown += self.session.patient_conflicts(None)
        self.list.clear()
        for conflict in self.shown:
            words = i18n.shown(KIND_WORDS.get(conflict.kind, conflict.kind))
            self.list.addItem(f"⚑ {i18n.shown(subject_of(conflict))} — {words}")
        if not self.shown:
            self.list.addItem(translate("ConflictsDialog", "No conflicts to review."))
        self.list.setCurrentRow(0)
        self._show_conflict()

    def current(self) -> Conflict | None:
        """The conflict chosen on the list."""
        row = self.list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _show_conflict(self) -> None:
        conflict = self.current()
        sides = () if conflict is None else conflict.sides
        values = differences_first([values_text(s.summary) for s in sides])
        self.sides.setRowCount(len(sides))
        for row, side in enumerate(sides):
            cells = (
                translate("ConflictsDialog", "shown") if side.shown else "",
                values[row],
                side.recorded_by,
                when_text(side.recorded_at),
                (side.replica_id or translate("ConflictsDialog", "before chart ids"))[:8],
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.sides.setItem(row, column, item)
        shown_row = next((i for i, s in enumerate(sides) if s.shown), 0)
        if conflict is not None and conflict.kept_by_rule:
            # Charted twice with the same values: the rule decides, and shows which.
            shown_row = next(
                (i for i, s in enumerate(sides) if s.record_id == conflict.kept_by_rule), 0
            )
        if sides:
            self.sides.selectRow(shown_row)
        kind = "" if conflict is None else conflict.kind
        self.keep.setText(self.keep_words.get(kind, self.keep_words[""]))
        self.keep.setEnabled(conflict is not None and kind != "mrn")
        self.link.setEnabled(kind == "mrn")
        self.new_version.setEnabled(
            conflict is not None
            and kind not in ("ward_setting", "resolved_apart")
            and conflict.table in CORRECTABLE
        )
        first = next((b for b in (self.keep, self.link) if b.isEnabled()), self.new_version)
        first.setChecked(True)
        self.save_button.setEnabled(conflict is not None)

    def chosen_side(self) -> int:
        """The row of the version chosen in the table (the shown one unless changed)."""
        rows = self.sides.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    # --- resolving ----------------------------------------------------------------------

    def submit(self, _confirmed: bool) -> None:
        conflict = self.current()
        if conflict is None:
            message = translate("ConflictsDialog", "nothing to resolve")
            raise InvalidEntry([Problem("conflict", message)])
        row = self.chosen_side()
        if row < 0:
            raise InvalidEntry(
                [Problem("version", translate("ConflictsDialog", "choose a version"))]
            )
        side = conflict.sides[row]
        if self.new_version.isChecked():
            self.open_new_version(conflict, side.record_id)
            raise _StayOpen
        if not self.text("reason"):
            message = translate("ConflictsDialog", "give a reason for the resolution")
            raise InvalidEntry([Problem("reason", message)])
        action = "link" if self.link.isChecked() else "keep"
        keep = side.record_id if action == "link" else side.version_id
        self.session.save(
            ResolveConflict(key=conflict.key, action=action, reason=self.text("reason"), keep=keep)
        )
        self._resolved()

    def _resolved(self) -> None:
        self.fields["reason"].clear()  # type: ignore[attr-defined]
        self.reload()
        if self.shown:
            raise _StayOpen  # the next one is on screen

    def open_new_version(self, conflict: Conflict, record_id: str) -> QDialog | None:
        """The correction dialog of the record, its correction saved as the resolution."""
        from wardchart.ui.dialogs import entry

        patient = self.patient or self.session.patient(conflict.patient_id or record_id)
        if patient is None:
            return None
        proxy: Any = ResolvingSession(self.session, conflict.key)
        table = conflict.table
        dialog: QDialog
        if table == "patients":
            shown = self.session.patient(record_id) or patient
            dialog = entry.AdmitDialog(proxy, correcting=shown, parent=self)
        else:
            chart = self.session.chart(patient)
            every = chart.records_of(None)
            by_table: dict[str, dict[str, Any]] = {
                "results": {r.result.id: r for r in every.results},
                "temperatures": {t.id: t for t in every.temperatures},
                "gcsf_doses": {d.id: d for d in every.gcsf_doses},
                "cycles": {c.cycle.id: c for c in chart.cycles},
            }
            item = by_table[table].get(record_id)
            if item is None:
                return None
            maker = {
                "results": entry.CbcDialog,
                "temperatures": entry.TemperatureDialog,
                "gcsf_doses": entry.GcsfDialog,
                "cycles": entry.CycleDialog,
            }[table]
            dialog = maker(proxy, patient, correcting=item, parent=self)
        dialog.accepted.connect(self._after_new_version)
        self.correction_dialog = dialog
        dialog.open()
        return dialog

    def _after_new_version(self) -> None:
        self.reload()
        if not self.shown:
            QDialog.accept(self)  # nothing left to review here

    def accept(self) -> None:
        try:
            super().accept()
        except _StayOpen:
            self.clear_problems()
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_typed_content(self) -> bool:
        return bool(self.text("reason"))


class _StayOpen(Exception):
    """Something was done and the dialog stays open for the next conflict."""


# The keep button's words where keeping means something else: one entry charted twice
# keeps once by rule (the record charted first); for a conflict resolved differently on
# two computers, keeping shows a withdrawn record again.
_KEEP_WORDS = {
    "duplicate": QT_TRANSLATE_NOOP("ConflictsDialog", "Keep once (the one charted first stays)"),
    "resolved_apart": QT_TRANSLATE_NOOP(
        "ConflictsDialog", "Keep and show the selected record again"
    ),
}


def _same_mnemonic(text: str, letter: str) -> str:
    """``text`` with its shortcut on ``letter`` where it has one (else none)."""
    at = text.lower().find(letter) if letter else -1
    return text if at < 0 else text[:at] + "&" + text[at:]
