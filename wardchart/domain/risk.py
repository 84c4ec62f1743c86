"""Higher-risk flags: the groups the ward watches most closely (see
docs/clinical-rules.md#higher-risk-flags).

Age 65 or over is a febrile-neutropenia risk factor in growth-factor guidance; under 18
is paediatric; a haematological cancer involving the marrow means the patient may be
neutropenic before treatment starts; an immune disorder. The last two are recorded on
admission.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wardchart.domain.records import Patient
from wardchart.domain.texts import QT_TRANSLATE_NOOP

OLDER_AGE = 65
ADULT_AGE = 18


@dataclass(frozen=True)
class RiskFlag:
    """A reason to watch a patient more closely, with a short code for the census."""

    code: str
    label: str


def age_years(dob: date, on: date) -> int:
    """Completed years of age on a date (a birthday on 29 Feb counts from 1 Mar)."""
    years = on.year - dob.year
    if (on.month, on.day) < (dob.month, dob.day):
        years -= 1
    return years


def risk_flags(patient: Patient, today: date) -> list[RiskFlag]:
    """Every higher-risk flag that applies today."""
    flags: list[RiskFlag] = []
    age = age_years(patient.dob, today)
    if age >= OLDER_AGE:
        flags.append(
            RiskFlag(
                QT_TRANSLATE_NOOP("RiskFlags", "age≥65"),
                QT_TRANSLATE_NOOP("RiskFlags", "age {age}: 65 or over").format(age=age),
            )
        )
    elif age < ADULT_AGE:
        flags.append(
            RiskFlag(
                QT_TRANSLATE_NOOP("RiskFlags", "age<18"),
                QT_TRANSLATE_NOOP("RiskFlags", "age {age}: under 18").format(age=age),
            )
        )
    if patient.marrow_involved:
        flags.append(
            RiskFlag(
                QT_TRANSLATE_NOOP("RiskFlags", "marrow"),
                QT_TRANSLATE_NOOP("RiskFlags", "haematological cancer involving the marrow"),
            )
        )
    if patient.immune_disorder:
        flags.append(
            RiskFlag(
                QT_TRANSLATE_NOOP("RiskFlags", "immune"),
                QT_TRANSLATE_NOOP("RiskFlags", "immune disorder"),
            )
        )
    return flags
