"""Ward → Regimen library…: the ward's regimens, added or replaced by ward administrators.

A regimen is checked by the same rules as ``wardchart regimen set`` (the domain's
``regimen_from_text`` and ``check_regimen``). A cycle copies its regimen's values when it
starts, so replacing a regimen here never changes a cycle already started: the dialogs say
so.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
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
from wardchart.domain.records import Regimen
from wardchart.domain.regimens import regimen_from_text
from wardchart.i18n import translate
from wardchart.session import changes
from wardchart.ui.dialogs.form import FormDialog, announce
from wardchart.ui.session import ChartSession


def _past_cycles() -> str:
    return translate(
        "RegimensDialog",
        "A cycle copies its regimen's values when it starts: changing the library never "
        "changes a cycle already started, only the cycles started from now on.",
    )


COLUMNS = ("Regimen", "Cycle", "Nadir window", "Day-1 ANC", "Day-1 platelets", "G-CSF")


def _threshold(value: Decimal | None, op: str) -> str:
    if value is None:
        return translate("RegimensDialog", "irrespective")
    return f"{op} {i18n.number(value)}"


def _op_box(current: str) -> QComboBox:
    box = QComboBox()
    box.addItems([">=", ">"])
    box.setCurrentText(current)
    return box


class RegimenDialog(FormDialog):
    """Add a regimen, or replace one (the same name replaces it)."""

    def __init__(
        self, session: ChartSession, regimen: Regimen | None = None, parent: QWidget | None = None
    ) -> None:
        title = (
            translate("RegimensDialog", "Add a regimen")
            if regimen is None
            else translate("RegimensDialog", "Replace the regimen {name}").format(name=regimen.name)
        )
        super().__init__(title, parent, session.now)
        self.session = session
        self.saved_name = ""
        note = QLabel(
            translate(
                "RegimensDialog",
                "{past_cycles} Saving under the name of a regimen in the library replaces it.",
            ).format(past_cycles=_past_cycles())
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        r = regimen
        self.add_field(
            "name", translate("RegimensDialog", "Name:"), QLineEdit("" if r is None else r.name)
        )
        self.add_field(
            "cycle_length",
            translate("RegimensDialog", "Cycle length (days):"),
            QLineEdit(
                "" if r is None else str(r.cycle_length_days),
                placeholderText=translate("RegimensDialog", "e.g. 21"),
            ),
        )
        self.add_field(
            "nadir_window",
            translate("RegimensDialog", "Nadir window (cycle days):"),
            QLineEdit(
                "" if r is None else f"{r.nadir_start}-{r.nadir_end}",
                placeholderText=translate("RegimensDialog", "first-last, e.g. 7-14"),
            ),
        )
        hint = translate(
            "RegimensDialog",
            "a count in ×10⁹/L, or none: the next cycle goes ahead irrespective of it",
        )
        self.add_field(
            "anc_threshold",
            translate("RegimensDialog", "Day-1 ANC at least (×10⁹/L):"),
            QLineEdit(self._number(r.anc_threshold if r else Decimal("1.5"))),
            hint,
        )
        self.anc_op = _op_box(r.anc_op if r else ">=")
        self.add_field("anc_op", translate("RegimensDialog", "ANC comparison:"), self.anc_op)
        self.add_field(
            "plt_threshold",
            translate("RegimensDialog", "Day-1 platelets at least (×10⁹/L):"),
            QLineEdit(self._number(r.plt_threshold if r else Decimal(100))),
            hint,
        )
        self.plt_op = _op_box(r.plt_op if r else ">=")
        self.add_field("plt_op", translate("RegimensDialog", "Platelet comparison:"), self.plt_op)
        self.gcsf = QCheckBox(translate("RegimensDialog", "G-CSF required"))
        self.gcsf.setChecked(bool(r and r.gcsf_required))
        self.add_field("gcsf_required", "", self.gcsf)
        self.add_field(
            "notes", translate("RegimensDialog", "Notes:"), QLineEdit("" if r is None else r.notes)
        )

    @staticmethod
    def _number(value: Decimal | None) -> str:
        return _none_word() if value is None else i18n.number(value)

    def _threshold(self, name: str) -> str:
        """A threshold as typed, the language's word for "none" read as "none"."""
        typed = self.text(name)
        return "none" if typed.strip().lower() == _none_word().lower() else typed

    def submit(self, confirmed: bool) -> None:
        regimen = regimen_from_text(
            name=self.text("name"),
            cycle_length=self.text("cycle_length"),
            nadir_window=self.text("nadir_window"),
            anc_threshold=self._threshold("anc_threshold"),
            anc_op=self.anc_op.currentText(),
            plt_threshold=self._threshold("plt_threshold"),
            plt_op=self.plt_op.currentText(),
            gcsf_required=self.gcsf.isChecked(),
            notes=self.text("notes"),
            decimal_comma=i18n.language() == "de",  # as typed in the CBC dialog
        )
        self.session.save(changes.SaveRegimen(regimen, confirm=confirmed))
        self.saved_name = regimen.name


def _none_word() -> str:
    """No threshold: the next cycle goes ahead irrespective of that count ("keine")."""
    return translate("RegimensDialog", "none")


class RegimensDialog(QDialog):
    """The ward's regimen library, with Add and Replace."""

    def __init__(self, session: ChartSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(translate("RegimensDialog", "Regimen library"))
        self.setAccessibleName(translate("RegimensDialog", "Regimen library"))
        self.setMinimumWidth(820)
        self.setMinimumHeight(520)  # a dozen regimens in view at 1366×768
        self.regimens: list[Regimen] = []
        self.child: RegimenDialog | None = None
        intro = QLabel(
            translate(
                "RegimensDialog",
                "The ward's regimens: a new cycle takes its nadir window, length and day-1 "
                "thresholds from here. {past_cycles}",
            ).format(past_cycles=_past_cycles())
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(translate("RegimensDialog", "Regimens, by name"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("RegimensDialog", "Regimen"),
                translate("RegimensDialog", "Cycle"),
                translate("RegimensDialog", "Nadir window"),
                translate("RegimensDialog", "Day-1 ANC"),
                translate("RegimensDialog", "Day-1 platelets"),
                translate("RegimensDialog", "G-CSF"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("RegimensDialog", "What happened"))
        self.add_button = QPushButton(translate("RegimensDialog", "&Add regimen…"))
        self.replace_button = QPushButton(translate("RegimensDialog", "&Replace selected…"))
        self.close_button = QPushButton(translate("RegimensDialog", "&Close"))
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.replace_button.clicked.connect(lambda: self.edit(self.selected()))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.replace_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.close_button.setAutoDefault(False)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """The list has the keyboard: arrows choose a regimen, Alt+letter acts."""
        super().showEvent(event)
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    def refresh(self, select: str = "") -> None:
        """Read the library again, selecting ``select`` (or keeping the selection)."""
        current = self.selected()
        keep = select or ("" if current is None else current.name)
        self.regimens = sorted(self.session.regimens(), key=lambda r: r.name.casefold())
        self.table.setRowCount(len(self.regimens))
        for row, r in enumerate(self.regimens):
            cells = (
                r.name,
                translate("RegimensDialog", "{days} d").format(days=r.cycle_length_days),
                translate("RegimensDialog", "days {first}–{last}").format(
                    first=r.nadir_start, last=r.nadir_end
                ),
                _threshold(r.anc_threshold, r.anc_op),
                _threshold(r.plt_threshold, r.plt_op),
                translate("RegimensDialog", "required") if r.gcsf_required else "",
            )
            for c, text in enumerate(cells):
                self.table.setItem(row, c, QTableWidgetItem(text))
        names = [r.name for r in self.regimens]
        if names:
            self.table.selectRow(names.index(keep) if keep in names else 0)

    def selected(self) -> Regimen | None:
        """The regimen selected in the list."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.regimens[rows[0].row()] if rows and self.regimens else None

    def edit(self, regimen: Regimen | None) -> RegimenDialog:
        """Add a regimen (None) or replace ``regimen``, in a form of its own."""
        dialog = RegimenDialog(self.session, regimen, self)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.saved_name:
                self.refresh(dialog.saved_name)
                done = (
                    translate(
                        "RegimensDialog",
                        "Added the regimen {name}; cycles already started keep their own values.",
                    )
                    if regimen is None
                    else translate(
                        "RegimensDialog",
                        "Saved the regimen {name}; cycles already started keep their own values.",
                    )
                )
                self.message.setText(done.format(name=dialog.saved_name))
                announce(self.message)
            self.activateWindow()  # the keys go back to the list
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

        dialog.finished.connect(finished)
        self.child = dialog
        dialog.open()
        return dialog
