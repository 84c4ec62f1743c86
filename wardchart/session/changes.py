"""The changes a person can make to the chart, one typed object per kind.

A window dialog or a command fills one in; ``ChartingSession.save`` runs it as the person
signed in, at the session's clock, and returns what was saved (``Saved``). Each change
names every value it passes to storage: there is no free-form keyword bag on this path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from wardchart.domain.plausibility import CbcEntry
from wardchart.domain.records import Patient, Regimen
from wardchart.domain.settings import administrators_only as setting_for_administrators
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import operations
from wardchart.storage.database import ChartStore
from wardchart.storage.operations import Saved

__all__ = [
    "AdmitPatient",
    "Change",
    "CorrectCbc",
    "CorrectCycle",
    "CorrectGcsf",
    "CorrectPatient",
    "CorrectTemperature",
    "MarkEnteredInError",
    "RecordCbc",
    "RecordGcsf",
    "RecordTemperature",
    "SaveRegimen",
    "Saved",
    "SetPrecautions",
    "SetWardSetting",
    "StartCycle",
    "administrators_only",
]


@dataclass(frozen=True)
class AdmitPatient:
    """Admit a new patient."""

    mrn: str
    name: str
    dob: date
    sex: str = ""
    bed: str = ""
    diagnosis: str = ""
    marrow_involved: bool = False
    immune_disorder: bool = False
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.admit_patient(
            store,
            mrn=self.mrn,
            name=self.name,
            dob=self.dob,
            sex=self.sex,
            bed=self.bed,
            diagnosis=self.diagnosis,
            marrow_involved=self.marrow_involved,
            immune_disorder=self.immune_disorder,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class CorrectPatient:
    """Correct a patient's details (or record a new bed), as of the version shown."""

    patient: Patient
    expected_version: str
    mrn: str
    name: str
    dob: date
    sex: str
    bed: str
    diagnosis: str
    marrow_involved: bool
    immune_disorder: bool
    reason: str
    high_risk_notes: str = ""
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.correct_patient(
            store,
            patient=self.patient,
            expected_version=self.expected_version,
            mrn=self.mrn,
            name=self.name,
            dob=self.dob,
            sex=self.sex,
            bed=self.bed,
            diagnosis=self.diagnosis,
            marrow_involved=self.marrow_involved,
            immune_disorder=self.immune_disorder,
            high_risk_notes=self.high_risk_notes,
            reason=self.reason,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class StartCycle:
    """Start the patient's next cycle of a regimen from the ward's library."""

    patient: Patient
    regimen_name: str
    day1: date
    nadir_window: tuple[int, int] | None = None
    cycle_length_days: int | None = None
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.start_cycle(
            store,
            patient=self.patient,
            regimen_name=self.regimen_name,
            day1=self.day1,
            nadir_window=self.nadir_window,
            cycle_length_days=self.cycle_length_days,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class CorrectCycle:
    """Correct a cycle's day 1, nadir window or length."""

    patient: Patient
    record_id: str
    expected_version: str
    day1: date
    nadir_window: tuple[int, int]
    cycle_length_days: int
    reason: str
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.correct_cycle(
            store,
            patient=self.patient,
            record_id=self.record_id,
            expected_version=self.expected_version,
            day1=self.day1,
            nadir_window=self.nadir_window,
            cycle_length_days=self.cycle_length_days,
            reason=self.reason,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class RecordCbc:
    """Record a full blood count typed by a person."""

    patient: Patient
    entry: CbcEntry
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.record_cbc(
            store,
            patient=self.patient,
            entry=self.entry,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class CorrectCbc:
    """Replace a full blood count's values (the whole entry)."""

    patient: Patient
    record_id: str
    expected_version: str
    entry: CbcEntry
    reason: str
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.correct_cbc(
            store,
            patient=self.patient,
            record_id=self.record_id,
            expected_version=self.expected_version,
            entry=self.entry,
            reason=self.reason,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class RecordTemperature:
    """Record a temperature (``unit`` "C" or "F")."""

    patient: Patient
    value: Decimal
    unit: str
    taken: datetime
    route: str = ""
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.record_temperature(
            store,
            patient=self.patient,
            value=self.value,
            unit=self.unit,
            taken=self.taken,
            route=self.route,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class CorrectTemperature:
    """Replace a temperature."""

    patient: Patient
    record_id: str
    expected_version: str
    value: Decimal
    unit: str
    taken: datetime
    route: str
    reason: str
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.correct_temperature(
            store,
            patient=self.patient,
            record_id=self.record_id,
            expected_version=self.expected_version,
            value=self.value,
            unit=self.unit,
            taken=self.taken,
            route=self.route,
            reason=self.reason,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class RecordGcsf:
    """Record a G-CSF dose."""

    patient: Patient
    given: datetime
    drug: str
    dose: str = ""
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.record_gcsf(
            store,
            patient=self.patient,
            given=self.given,
            drug=self.drug,
            dose=self.dose,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class CorrectGcsf:
    """Correct a G-CSF dose."""

    patient: Patient
    record_id: str
    expected_version: str
    given: datetime
    drug: str
    dose: str
    reason: str
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.correct_gcsf(
            store,
            patient=self.patient,
            record_id=self.record_id,
            expected_version=self.expected_version,
            given=self.given,
            drug=self.drug,
            dose=self.dose,
            reason=self.reason,
            confirm=self.confirm,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class SetPrecautions:
    """Set (``active``) or clear neutropenic precautions."""

    patient: Patient
    active: bool
    note: str = ""

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.set_precautions(
            store, patient=self.patient, active=self.active, note=self.note, actor=actor, now=now
        )


@dataclass(frozen=True)
class MarkEnteredInError:
    """Withdraw a record from the chart (it stays in its history), as of the version shown."""

    table: str
    record_id: str
    expected_version: str
    reason: str

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.mark_entered_in_error(
            store,
            table=self.table,
            record_id=self.record_id,
            expected_version=self.expected_version,
            reason=self.reason,
            actor=actor,
            now=now,
        )


@dataclass(frozen=True)
class SaveRegimen:
    """Add a regimen to the ward's library, or replace the one of the same name."""

    regimen: Regimen
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.save_regimen(
            store, self.regimen, confirm=self.confirm, actor=actor, now=now
        )


@dataclass(frozen=True)
class SetWardSetting:
    """Change one ward setting (its text, as typed)."""

    key: str
    value: str
    confirm: bool = False

    def apply(self, store: ChartStore, actor: str, now: datetime) -> Saved:
        return operations.set_ward_setting(
            store, self.key, self.value, confirm=self.confirm, actor=actor, now=now
        )


#: Every change the session can save.
Change = (
    AdmitPatient
    | CorrectPatient
    | StartCycle
    | CorrectCycle
    | RecordCbc
    | CorrectCbc
    | RecordTemperature
    | CorrectTemperature
    | RecordGcsf
    | CorrectGcsf
    | SetPrecautions
    | MarkEnteredInError
    | SaveRegimen
    | SetWardSetting
)


def administrators_only(change: object) -> str | None:
    """What ``change`` does, in words, if only a ward administrator may do it ("change the
    regimen library"); None when anyone charting may. The session asks this before every
    save (``ChartingSession.save``): the one place the rule is applied, for the window and
    the command line alike (docs/accounts.md)."""
    if isinstance(change, SaveRegimen):
        return QT_TRANSLATE_NOOP("Session", "change the regimen library")
    if isinstance(change, SetWardSetting) and setting_for_administrators(change.key):
        return QT_TRANSLATE_NOOP("Session", "change the ward setting {key}").format(key=change.key)
    return None
