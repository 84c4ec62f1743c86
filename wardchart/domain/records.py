"""The clinical records as the domain sees them (docs/architecture.md#records): immutable,
identified by UUID.

Storage loads the *current* version of each record into these; history and the audit
trail stay in storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal

AncSource = Literal["lab", "computed"]
ResultSource = Literal["manual", "import"]
ThresholdOp = Literal[">=", ">"]


class RecordKind(StrEnum):
    """The kinds of record a change saves. The value is the name storage keeps them under;
    only storage turns it into SQL."""

    PATIENTS = "patients"
    CYCLES = "cycles"
    RESULTS = "results"
    TEMPERATURES = "temperatures"
    GCSF_DOSES = "gcsf_doses"
    PRECAUTIONS = "precautions"
    REGIMENS = "regimens"
    WARD_SETTINGS = "ward_settings"

    @property
    def charted(self) -> bool:
        """A patient's clinical record: corrected with a reason, withdrawn, with a history
        (the ward's regimen library and settings are not)."""
        return self not in (RecordKind.REGIMENS, RecordKind.WARD_SETTINGS)

    @classmethod
    def charted_named(cls, name: str) -> RecordKind | None:
        """The charted kind stored under ``name``, or None for any other name."""
        return next((kind for kind in cls if kind.value == name and kind.charted), None)


@dataclass(frozen=True)
class Patient:
    """A patient admitted to the ward. ``id`` is the stable id other records point to."""

    id: str
    mrn: str
    name: str
    dob: date
    sex: str = ""
    bed: str = ""
    diagnosis: str = ""
    marrow_involved: bool = False
    immune_disorder: bool = False
    high_risk_notes: str = ""
    #: The stored version loaded (its row id): a correction names it, so a record changed
    #: by someone else since it was read is refused (see docs/concurrent-corrections.md).
    version: str = ""


@dataclass(frozen=True)
class Regimen:
    """A chemotherapy regimen from the ward's library (docs/clinical-rules.md#regimen-library,
    #next-cycle-day-1-thresholds).

    ``anc_threshold`` None means the regimen proceeds irrespective of ANC (ABVD,
    docs/clinical-rules.md#next-cycle-day-1-thresholds).
    """

    name: str
    cycle_length_days: int
    nadir_start: int
    nadir_end: int
    anc_threshold: Decimal | None = Decimal("1.5")
    anc_op: ThresholdOp = ">="
    plt_threshold: Decimal | None = Decimal(100)
    plt_op: ThresholdOp = ">="
    gcsf_required: bool = False
    notes: str = ""
    id: str = ""


@dataclass(frozen=True)
class Cycle:
    """One chemotherapy cycle. The regimen's values are copied in when the cycle starts,
    so a later edit of the library never changes a past cycle's window."""

    id: str
    patient_id: str
    number: int
    regimen_name: str
    day1: date
    cycle_length_days: int
    nadir_start: int
    nadir_end: int
    anc_threshold: Decimal | None = Decimal("1.5")
    anc_op: ThresholdOp = ">="
    plt_threshold: Decimal | None = Decimal(100)
    plt_op: ThresholdOp = ">="
    #: The stored version loaded (its row id): a correction names it, so a record changed
    #: by someone else since it was read is refused (see docs/concurrent-corrections.md).
    version: str = ""


@dataclass(frozen=True)
class LabResult:
    """A CBC result; counts in ×10⁹/L. ``anc`` is the lab's or the computed one."""

    id: str
    patient_id: str
    taken: datetime
    wbc: Decimal | None = None
    anc: Decimal | None = None
    anc_source: AncSource | None = None
    neut_pct: Decimal | None = None
    bands_pct: Decimal | None = None
    platelets: Decimal | None = None
    anc_lln: Decimal | None = None
    wbc_lln: Decimal | None = None
    source: ResultSource = "manual"
    recorded_by: str = ""
    corrected: bool = False
    #: A laboratory result's status: "preliminary", "final" or "corrected" ("" if typed).
    lab_status: str = ""
    #: The stored version loaded (its row id): a correction names it, so a record changed
    #: by someone else since it was read is refused (see docs/concurrent-corrections.md).
    version: str = ""


@dataclass(frozen=True)
class Temperature:
    """A body temperature, held in °C (entered °F values are converted exactly)."""

    id: str
    patient_id: str
    taken: datetime
    celsius: Decimal
    route: str = ""
    recorded_by: str = ""
    #: The stored version loaded (its row id): a correction names it, so a record changed
    #: by someone else since it was read is refused (see docs/concurrent-corrections.md).
    version: str = ""


@dataclass(frozen=True)
class GcsfDose:
    """A G-CSF dose (filgrastim, pegfilgrastim, …) given at a time
    (docs/clinical-rules.md#g-csf)."""

    id: str
    patient_id: str
    given: datetime
    drug: str
    dose: str = ""
    recorded_by: str = ""
    #: The stored version loaded (its row id): a correction names it, so a record changed
    #: by someone else since it was read is refused (see docs/concurrent-corrections.md).
    version: str = ""


@dataclass(frozen=True)
class Precaution:
    """A neutropenic-precautions state change (docs/clinical-rules.md#neutropenic-precautions): set
    (active) or cleared."""

    id: str
    patient_id: str
    active: bool
    at: datetime
    note: str = ""
    recorded_by: str = ""
    #: The stored version loaded (its row id): a correction names it, so a record changed
    #: by someone else since it was read is refused (see docs/concurrent-corrections.md).
    version: str = ""
