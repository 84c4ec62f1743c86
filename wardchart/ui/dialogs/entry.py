"""The charting dialogs: admit, start cycle, CBC, temperature, G-CSF, precautions.

Each parses what was typed with the command line's own rules, calls one storage
operation through the session, and shows any problem beside its field.

A choice that matters clinically starts empty and must be made: the regimen, the G-CSF
drug, the temperature's route (sex is optional and starts empty, as on the command line).
Two units start chosen, because a wrong one cannot be saved unnoticed: counts in ×10⁹/L
(×10³/µL and G/L are the same numbers; a count in cells/µL is a thousand times larger and
is refused or flagged), and temperatures in °C (a °F reading is above 45 and flagged as
"probably °F"; a °C reading as °F is refused). See docs/plausibility.md.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from wardchart import i18n
from wardchart.domain.chart import ChartedResult, CycleChart, ward_anc_grade
from wardchart.domain.plausibility import CBC_SHAPE, CbcEntry, check_cbc, normalise_cbc
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import GcsfDose, Patient, RecordKind, Temperature
from wardchart.domain.regimens import parse_window
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.units import (
    ACCEPTED_COUNT_UNITS,
    PER_LITRE_E9,
    parse_count_unit,
    parse_decimal,
    plain,
)
from wardchart.i18n import translate
from wardchart.session import changes
from wardchart.storage import queries
from wardchart.ui.dialogs.form import FormDialog
from wardchart.ui.session import ChartSession
from wardchart.ui.wording import localised

COUNT_UNITS = ("×10⁹/L", "×10³/µL", "G/L", "cells/µL")
ROUTES = ("oral", "axillary", "tympanic")
#: The sexes a patient's details take, by the code stored (and typed on the command line).
SEXES = ("F", "M", "X")
GCSF_DRUGS = ("pegfilgrastim", "filgrastim", "lipegfilgrastim")
REGIMEN_REQUIRED = QT_TRANSLATE_NOOP(
    "EntryDialog", "required: choose the regimen from the list, or type its name"
)
ROUTE_REQUIRED = QT_TRANSLATE_NOOP(
    "EntryDialog", "required: choose how it was taken (oral, axillary or tympanic)"
)
#: A stored code (sex, route, unit) shown in the language in use; the code is what is saved.
SHOWN_CODES = {
    "F": QT_TRANSLATE_NOOP("Codes", "F"),
    "M": QT_TRANSLATE_NOOP("Codes", "M"),
    "X": QT_TRANSLATE_NOOP("Codes", "X"),
    "cells/µL": QT_TRANSLATE_NOOP("Codes", "cells/µL"),
}
DRUG_REQUIRED = QT_TRANSLATE_NOOP(
    "EntryDialog", "required: choose or type the drug given, e.g. filgrastim"
)
CBC_NUMBERS = ("wbc", "neut_pct", "bands_pct", "anc", "platelets", "anc_lln", "wbc_lln")


def code_choice(codes: tuple[str, ...], current: str = "", blank: bool = True) -> QComboBox:
    """A list of stored codes shown in the language in use ("oral" reads "oral", "F"
    reads "weiblich" in German); ``code_of`` gives back the code chosen."""
    box = QComboBox()
    if blank:
        box.addItem("", "")
    for code in codes:
        box.addItem(i18n.shown(SHOWN_CODES[code]) if code in SHOWN_CODES else localised(code), code)
    if current and box.findData(current) < 0:
        box.addItem(current, current)  # a code stored before (say, imported) stays as it is
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


def code_of(box: QComboBox) -> str:
    """The stored code of what a code list shows; what was typed into an editable one
    is taken as typed when it is none of the list's entries."""
    index = box.findText(box.currentText())
    if index >= 0 and box.itemData(index) is not None:
        return str(box.itemData(index))
    return box.currentText()


def decimal_comma() -> bool:
    """Whether numbers are typed with a decimal comma: in a window in German (where a
    point before three digits separates thousands; see docs/translations.md)."""
    return i18n.language() == "de"


def shown_number(value: Decimal) -> str:
    """A stored number as it is typed back in the language in use ("0,945" in German)."""
    return i18n.number(plain(value))


def _optional_number(dialog: FormDialog, name: str, problems: list[Problem]) -> Decimal | None:
    text = dialog.text(name)
    if not text:
        return None
    try:
        return parse_decimal(text, name, decimal_comma=decimal_comma())
    except InvalidEntry as error:
        problems.extend(error.problems)
        return None


class AdmitDialog(FormDialog):
    """Admit a patient, or correct a patient's details (a new bed included)."""

    def __init__(
        self,
        session: ChartSession,
        correcting: Patient | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("AdmitDialog", "Edit patient details — {name}").format(name=correcting.name)
            if correcting
            else translate("AdmitDialog", "Admit patient")
        )
        super().__init__(title, parent, clock=session.now)
        self.session, self.correcting = session, correcting
        p = correcting
        self.add_field("mrn", translate("AdmitDialog", "MRN:"), QLineEdit(p.mrn if p else ""))
        self.add_field(
            "name",
            translate("AdmitDialog", "Name:"),
            QLineEdit(
                p.name if p else "", placeholderText=translate("AdmitDialog", "Family, Given")
            ),
        )
        self.add_date_field("dob", translate("AdmitDialog", "Date of birth:"), p.dob if p else None)
        sex = code_choice(SEXES, (p.sex or "") if p else "")
        self.add_field("sex", translate("AdmitDialog", "Sex:"), sex)
        self.add_field("bed", translate("AdmitDialog", "Bed:"), QLineEdit(p.bed if p else ""))
        self.add_field(
            "diagnosis",
            translate("AdmitDialog", "Diagnosis:"),
            QLineEdit(p.diagnosis if p else ""),
        )
        marrow = QCheckBox(translate("AdmitDialog", "Haematological cancer involving the marrow"))
        marrow.setChecked(bool(p and p.marrow_involved))
        self.add_field("marrow", translate("AdmitDialog", "Higher risk:"), marrow)
        immune = QCheckBox(translate("AdmitDialog", "Immune disorder"))
        immune.setChecked(bool(p and p.immune_disorder))
        self.add_field("immune", "", immune)
        if p is not None:
            self.add_field(
                "reason",
                translate("AdmitDialog", "Reason for the change:"),
                QLineEdit(
                    placeholderText=translate("AdmitDialog", "e.g. moved to bed 4B-02, or spelling")
                ),
            )

    def submit(self, confirmed: bool) -> None:
        sex = self.fields["sex"]
        marrow, immune = self.fields["marrow"], self.fields["immune"]
        assert isinstance(sex, QComboBox)
        assert isinstance(marrow, QCheckBox)
        assert isinstance(immune, QCheckBox)
        mrn, name, dob = self.text("mrn"), self.text("name"), self.day("dob")
        if self.correcting is None:
            self.session.save(
                changes.AdmitPatient(
                    mrn=mrn,
                    name=name,
                    dob=dob,
                    sex=code_of(sex),
                    bed=self.text("bed"),
                    diagnosis=self.text("diagnosis"),
                    marrow_involved=marrow.isChecked(),
                    immune_disorder=immune.isChecked(),
                    confirm=confirmed,
                )
            )
            return
        self.session.save(
            changes.CorrectPatient(
                patient=self.correcting,
                expected_version=self.correcting.version,
                mrn=mrn,
                name=name,
                dob=dob,
                sex=code_of(sex),
                bed=self.text("bed"),
                diagnosis=self.text("diagnosis"),
                marrow_involved=marrow.isChecked(),
                immune_disorder=immune.isChecked(),
                reason=self.text("reason"),
                confirm=confirmed,
            )
        )


class CycleDialog(FormDialog):
    """Start the patient's next cycle (regimen from the ward's library), or correct one."""

    def __init__(
        self,
        session: ChartSession,
        patient: Patient,
        correcting: CycleChart | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if correcting is None:
            title = translate("CycleDialog", "Start cycle — {name}").format(name=patient.name)
        else:
            title = translate("CycleDialog", "Correct cycle {number} — {name}").format(
                number=correcting.cycle.number, name=patient.name
            )
        super().__init__(title, parent, clock=session.now)
        self.session, self.patient, self.correcting = session, patient, correcting
        regimen = QComboBox()
        regimen.setEditable(True)
        for r in session.regimens():
            regimen.addItem(r.name, r.name)
        regimen.setCurrentIndex(-1)  # no regimen is chosen for the nurse (see module doc)
        self.add_field(
            "regimen",
            translate("CycleDialog", "Regimen:"),
            regimen,
            translate(
                "CycleDialog", "Choose from the ward's library, or type a name and give its window"
            ),
        )
        c = None if correcting is None else correcting.cycle
        self.add_date_field(
            "day1", translate("CycleDialog", "Day 1 (given on):"), c.day1 if c else None, today=True
        )
        self.add_field(
            "nadir_window",
            translate("CycleDialog", "Nadir window:"),
            QLineEdit(
                f"{c.nadir_start}-{c.nadir_end}" if c else "",
                placeholderText=translate("CycleDialog", "the regimen's (or e.g. 7-14)"),
            ),
        )
        self.add_field(
            "cycle_length",
            translate("CycleDialog", "Cycle length (days):"),
            QLineEdit(
                str(c.cycle_length_days) if c else "",
                placeholderText=translate("CycleDialog", "the regimen's"),
            ),
        )
        if c is not None:
            regimen.setCurrentText(c.regimen_name)
            regimen.setEnabled(False)
            self.add_field(
                "reason",
                translate("CycleDialog", "Reason for correction:"),
                QLineEdit(
                    placeholderText=translate(
                        "CycleDialog", "e.g. chemotherapy was given a day later"
                    )
                ),
            )

    def submit(self, confirmed: bool) -> None:
        regimen = self.fields["regimen"]
        assert isinstance(regimen, QComboBox)
        window_text, length_text = self.text("nadir_window"), self.text("cycle_length")
        problems: list[Problem] = []
        if not regimen.currentText().strip():
            problems.append(Problem("regimen", REGIMEN_REQUIRED))
        day1 = None
        try:
            day1 = self.day("day1")
        except InvalidEntry as error:
            problems.extend(error.problems)
        window = None
        if window_text:
            try:
                window = parse_window(window_text)
            except InvalidEntry as error:
                problems.extend(error.problems)
        length = None
        if length_text:
            if length_text.isdigit():
                length = int(length_text)
            else:
                message = translate("CycleDialog", "give a whole number of days")
                problems.append(Problem("cycle_length", message))
        if problems or day1 is None:
            raise InvalidEntry(problems)
        if self.correcting is None:
            self.session.save(
                changes.StartCycle(
                    patient=self.patient,
                    regimen_name=regimen.currentText().strip(),
                    day1=day1,
                    nadir_window=window,
                    cycle_length_days=length,
                    confirm=confirmed,
                )
            )
            return
        c = self.correcting.cycle
        self.session.save(
            changes.CorrectCycle(
                patient=self.patient,
                record_id=c.id,
                expected_version=c.version,
                day1=day1,
                nadir_window=window or (c.nadir_start, c.nadir_end),
                cycle_length_days=c.cycle_length_days if length is None else length,
                reason=self.text("reason"),
                confirm=confirmed,
            )
        )


class CbcDialog(FormDialog):
    """Record a CBC (or correct one): the ANC and its grade are shown as you type."""

    def __init__(
        self,
        session: ChartSession,
        patient: Patient,
        correcting: ChartedResult | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("CbcDialog", "Correct CBC — {name} (MRN {mrn})")
            if correcting
            else translate("CbcDialog", "Record CBC — {name} (MRN {mrn})")
        )
        super().__init__(title.format(name=patient.name, mrn=patient.mrn), parent, session.now)
        self.session, self.patient, self.correcting = session, patient, correcting
        self.add_time_field(
            "taken",
            translate("CbcDialog", "Taken at:"),
            correcting.result.taken if correcting else None,
        )
        unit = code_choice(COUNT_UNITS, COUNT_UNITS[0], blank=False)
        unit.setEditable(True)
        self.add_field(
            "unit",
            translate("CbcDialog", "Unit of counts:"),
            unit,
            translate("CbcDialog", "Accepted: {units}").format(units=ACCEPTED_COUNT_UNITS),
        )
        optional = translate("CbcDialog", "optional")
        self.add_field(
            "wbc",
            translate("CbcDialog", "WBC:"),
            self.number_edit(
                translate("CbcDialog", "e.g. {example}").format(example=i18n.number("2.1"))
            ),
        )
        self.add_field(
            "neut_pct",
            translate("CbcDialog", "Neutrophils %:"),
            self.number_edit(translate("CbcDialog", "e.g. {example}").format(example="40")),
        )
        self.add_field(
            "bands_pct",
            translate("CbcDialog", "Bands %:"),
            self.number_edit(translate("CbcDialog", "if reported")),
        )
        self.add_field(
            "anc",
            translate("CbcDialog", "ANC (lab-reported):"),
            self.number_edit(translate("CbcDialog", "if the lab gives it")),
        )
        self.add_field(
            "platelets", translate("CbcDialog", "Platelets:"), self.number_edit(optional)
        )
        self.add_field(
            "anc_lln", translate("CbcDialog", "ANC lower limit (lab):"), self.number_edit(optional)
        )
        self.add_field(
            "wbc_lln", translate("CbcDialog", "WBC lower limit (lab):"), self.number_edit(optional)
        )
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(translate("CbcDialog", "Computed ANC and grade"))
        # shown, not a field
        self.form.addRow(QLabel(translate("CbcDialog", "ANC to record:")), self.preview)
        if correcting is not None:
            self.add_field("reason", translate("CbcDialog", "Reason for correction:"), QLineEdit())
            self._prefill(correcting)
        for name in CBC_NUMBERS:
            edit = self.fields[name]
            assert isinstance(edit, QLineEdit)
            edit.textChanged.connect(self.update_preview)
        unit.currentTextChanged.connect(self.update_preview)
        self.update_preview()

    def _prefill(self, item: ChartedResult) -> None:
        r = item.result
        values = {
            "wbc": r.wbc,
            "neut_pct": r.neut_pct,
            "bands_pct": r.bands_pct,
            "anc": r.anc if r.anc_source == "lab" else None,
            "platelets": r.platelets,
            "anc_lln": r.anc_lln,
            "wbc_lln": r.wbc_lln,
        }
        for name, value in values.items():
            edit = self.fields[name]
            assert isinstance(edit, QLineEdit)
            edit.setText("" if value is None else shown_number(value))

    def entry(self, *, preview: bool = False) -> CbcEntry:
        """What was typed, parsed; raises with every field's problem at once.

        For the ``preview`` the time does not matter: an empty one does not stop it.
        """
        problems: list[Problem] = []
        taken = self.clock()
        try:
            taken = self.when("taken")
        except InvalidEntry as error:
            if not preview:
                problems.extend(error.problems)
        unit_box = self.fields["unit"]
        assert isinstance(unit_box, QComboBox)
        try:
            unit = parse_count_unit(code_of(unit_box), "unit")
        except InvalidEntry as error:
            problems.extend(error.problems)
            unit = PER_LITRE_E9
        numbers = {name: _optional_number(self, name, problems) for name in CBC_NUMBERS}
        if problems:
            raise InvalidEntry(problems)
        return CbcEntry(taken=taken, unit=unit, **numbers)

    def update_preview(self) -> None:
        """Show the ANC that will be recorded and its grade, live: checked by the same
        rules as the save, so an impossible entry shows its problem, never a grade."""
        try:
            entry = self.entry(preview=True)
        except InvalidEntry as error:
            self.preview.setText(f"— {i18n.shown(error.first.message)}")
            return
        last_gcsf = queries.last_gcsf_before(self.session.store.db, self.patient.id, entry.taken)
        problems = check_cbc(
            entry, dob=self.patient.dob, now=self.session.now(), last_gcsf=last_gcsf
        )
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            self.preview.setText(f"— {i18n.shown(errors[0].message)}")
            return
        normal = normalise_cbc(entry)  # exactly what the save stores
        if normal.anc is None:
            self.preview.setText(f"— {i18n.shown(CBC_SHAPE)}")
            return
        grade = ward_anc_grade(normal.anc, normal.anc_lln, self.session.settings)
        source = (
            translate("CbcDialog", "lab")
            if normal.anc_source == "lab"
            else translate("CbcDialog", "computed")
        )
        text = translate("CbcDialog", "<b>{anc}</b> ×10⁹/L ({source}) — {grade}").format(
            anc=shown_number(normal.anc), source=source, grade=i18n.shown(grade.text)
        )
        if problems:
            text = translate("CbcDialog", "{preview} — check: {message}").format(
                preview=text, message=i18n.shown(problems[0].message)
            )
        self.preview.setText(text)

    def submit(self, confirmed: bool) -> None:
        entry = self.entry()
        if self.correcting is None:
            self.session.save(
                changes.RecordCbc(patient=self.patient, entry=entry, confirm=confirmed)
            )
        else:
            self.session.save(
                changes.CorrectCbc(
                    patient=self.patient,
                    record_id=self.correcting.result.id,
                    expected_version=self.correcting.result.version,
                    entry=entry,
                    reason=self.text("reason"),
                    confirm=confirmed,
                )
            )


class TemperatureDialog(FormDialog):
    """Record (or correct) a temperature."""

    def __init__(
        self,
        session: ChartSession,
        patient: Patient,
        correcting: Temperature | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("TemperatureDialog", "Correct temperature — {name} (MRN {mrn})")
            if correcting
            else translate("TemperatureDialog", "Record temperature — {name} (MRN {mrn})")
        )
        super().__init__(title.format(name=patient.name, mrn=patient.mrn), parent, session.now)
        self.session, self.patient, self.correcting = session, patient, correcting
        self.add_time_field(
            "taken",
            translate("TemperatureDialog", "Taken at:"),
            correcting.taken if correcting else None,
        )
        self.add_field(
            "celsius",
            translate("TemperatureDialog", "Temperature:"),
            self.number_edit(
                translate("TemperatureDialog", "e.g. {example}").format(example=i18n.number("38.4"))
            ),
        )
        unit = QComboBox()
        unit.addItem("°C", "C")  # a safe default: a °F reading in °C is flagged, see above
        unit.addItem("°F", "F")
        self.add_field("unit", translate("TemperatureDialog", "Unit:"), unit)
        route = code_choice(ROUTES, (correcting.route or "") if correcting else "")
        self.add_field(
            "route",
            translate("TemperatureDialog", "Route:"),
            route,
            translate("TemperatureDialog", "How it was taken: {routes}").format(
                routes=", ".join(localised(r) for r in ROUTES)
            ),
        )
        if correcting is not None:
            self.add_field(
                "reason", translate("TemperatureDialog", "Reason for correction:"), QLineEdit()
            )
            edit = self.fields["celsius"]
            assert isinstance(edit, QLineEdit)
            edit.setText(shown_number(correcting.celsius))

    def submit(self, confirmed: bool) -> None:
        unit, route = self.fields["unit"], self.fields["route"]
        assert isinstance(unit, QComboBox)
        assert isinstance(route, QComboBox)
        problems: list[Problem] = []
        taken = None
        try:
            taken = self.when("taken")
        except InvalidEntry as error:
            problems.extend(error.problems)
        value = _optional_number(self, "celsius", problems)
        if value is None and all(p.field != "celsius" for p in problems):
            message = translate("TemperatureDialog", "give the temperature, e.g. {example}")
            problems.append(Problem("celsius", message.format(example=i18n.number("38.4"))))
        # Required, unless the reading being corrected never had one.
        if not code_of(route) and (self.correcting is None or self.correcting.route):
            problems.append(Problem("route", ROUTE_REQUIRED))
        if problems:
            raise InvalidEntry(problems)
        assert value is not None
        assert taken is not None
        scale = str(unit.currentData())
        try:
            if self.correcting is None:
                self.session.save(
                    changes.RecordTemperature(
                        patient=self.patient,
                        value=value,
                        unit=scale,
                        taken=taken,
                        route=code_of(route),
                        confirm=confirmed,
                    )
                )
            else:
                self.session.save(
                    changes.CorrectTemperature(
                        patient=self.patient,
                        record_id=self.correcting.id,
                        expected_version=self.correcting.version,
                        value=value,
                        unit=scale,
                        taken=taken,
                        route=code_of(route),
                        reason=self.text("reason"),
                        confirm=confirmed,
                    )
                )
        except InvalidEntry as error:
            # One box holds °C or °F: show either unit's problem beside it.
            raise InvalidEntry(
                [
                    Problem(
                        "celsius" if p.field == "fahrenheit" else p.field, p.message, p.severity
                    )
                    for p in error.problems
                ]
            ) from None


class GcsfDialog(FormDialog):
    """Record (or correct) a G-CSF dose."""

    def __init__(
        self,
        session: ChartSession,
        patient: Patient,
        correcting: GcsfDose | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            translate("GcsfDialog", "Correct G-CSF dose — {name} (MRN {mrn})")
            if correcting
            else translate("GcsfDialog", "Record G-CSF dose — {name} (MRN {mrn})")
        )
        super().__init__(title.format(name=patient.name, mrn=patient.mrn), parent, session.now)
        self.session, self.patient, self.correcting = session, patient, correcting
        self.add_time_field(
            "given", translate("GcsfDialog", "Given at:"), correcting.given if correcting else None
        )
        drug = QComboBox()
        drug.setEditable(True)
        drug.addItems(GCSF_DRUGS)
        drug.setCurrentIndex(-1)  # no drug is chosen for the nurse (see module doc)
        if correcting is not None:
            drug.setCurrentText(correcting.drug)
        self.add_field(
            "drug",
            translate("GcsfDialog", "Drug:"),
            drug,
            translate("GcsfDialog", "Choose or type the drug given"),
        )
        self.add_field(
            "dose",
            translate("GcsfDialog", "Dose:"),
            QLineEdit(
                correcting.dose if correcting else "",
                placeholderText=translate("GcsfDialog", "e.g. 6 mg SC"),
            ),
        )
        if correcting is not None:
            self.add_field("reason", translate("GcsfDialog", "Reason for correction:"), QLineEdit())

    def submit(self, confirmed: bool) -> None:
        drug = self.fields["drug"]
        assert isinstance(drug, QComboBox)
        problems: list[Problem] = []
        given = None
        try:
            given = self.when("given")
        except InvalidEntry as error:
            problems.extend(error.problems)
        if not drug.currentText().strip():
            problems.append(Problem("drug", DRUG_REQUIRED))
        if problems:
            raise InvalidEntry(problems)
        assert given is not None
        if self.correcting is None:
            self.session.save(
                changes.RecordGcsf(
                    patient=self.patient,
                    given=given,
                    drug=drug.currentText(),
                    dose=self.text("dose"),
                    confirm=confirmed,
                )
            )
            return
        self.session.save(
            changes.CorrectGcsf(
                patient=self.patient,
                record_id=self.correcting.id,
                expected_version=self.correcting.version,
                given=given,
                drug=drug.currentText(),
                dose=self.text("dose"),
                reason=self.text("reason"),
                confirm=confirmed,
            )
        )


class PrecautionsDialog(FormDialog):
    """Set or clear neutropenic precautions."""

    def __init__(
        self, session: ChartSession, patient: Patient, active: bool, parent: QWidget | None = None
    ) -> None:
        title = (
            translate("PrecautionsDialog", "Set neutropenic precautions — {name}")
            if active
            else translate("PrecautionsDialog", "Clear neutropenic precautions — {name}")
        )
        super().__init__(title.format(name=patient.name), parent, session.now)
        self.session, self.patient, self.active = session, patient, active
        self.add_field(
            "note",
            translate("PrecautionsDialog", "Note:"),
            QLineEdit(placeholderText=translate("PrecautionsDialog", "optional")),
        )

    def submit(self, _confirmed: bool) -> None:
        self.session.save(
            changes.SetPrecautions(patient=self.patient, active=self.active, note=self.text("note"))
        )


class WithdrawDialog(FormDialog):
    """Mark a record entered in error (it stays in the file and its history)."""

    def __init__(
        self,
        session: ChartSession,
        patient: Patient,
        table: RecordKind,
        record_id: str,
        *,
        version: str,
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        title = translate("WithdrawDialog", "Mark entered in error — {name} (MRN {mrn})").format(
            name=patient.name, mrn=patient.mrn
        )
        super().__init__(title, parent, session.now)
        self.session, self.table, self.record_id = session, table, record_id
        self.version = version  # the version shown: a record changed since is not withdrawn
        self.form.addRow(
            QLabel(
                translate(
                    "WithdrawDialog",
                    "{what}\n\nThe record leaves the chart but stays in its history and the "
                    "audit log.",
                ).format(what=what)
            )
        )
        self.add_field(
            "reason",
            translate("WithdrawDialog", "Reason:"),
            QLineEdit(placeholderText=translate("WithdrawDialog", "e.g. wrong patient")),
        )

    def submit(self, _confirmed: bool) -> None:
        self.session.save(
            changes.MarkEnteredInError(
                table=self.table,
                record_id=self.record_id,
                expected_version=self.version,
                reason=self.text("reason"),
            )
        )
