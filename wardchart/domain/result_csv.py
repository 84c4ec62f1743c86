"""The one CSV layout for CBC results, written by ``export`` and read by ``import``.

A row is one CBC: counts in ×10⁹/L (``unit`` in wardchart's spelling, ``ucum`` in UCUM),
percentages in %, each quantity with its LOINC code in its own column. Identifying columns
(MRN, date of birth, name) are checked against the chart; columns the export adds only for
people to read (cycle day, grades, who recorded it, …) are ignored. See docs/csv.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from wardchart.domain.problems import Problem
from wardchart.domain.records import Patient
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Moment
from wardchart.domain.units import SI_COUNT_UNIT

#: The UCUM code of every count wardchart writes (×10⁹/L); percentages are "%".
UCUM_COUNT = "10*9/L"

#: The LOINC code written for each quantity. Method-less codes: a count typed by a nurse
#: or computed from a differential does not say which analyser method produced it.
LOINC_CODES: dict[str, str] = {
    "wbc": "26464-8",  # Leukocytes [#/volume] in Blood
    "anc": "26499-4",  # Neutrophils [#/volume] in Blood
    "neut_pct": "26511-6",  # Neutrophils/100 leukocytes in Blood
    "bands_pct": "26508-2",  # Band form neutrophils/100 leukocytes in Blood
    "platelets": "26515-7",  # Platelets [#/volume] in Blood
}
LOINC_COLUMNS = {f"{name}_loinc": code for name, code in LOINC_CODES.items()}

#: Values a result row carries in and out.
VALUES = ("wbc", "anc", "neut_pct", "bands_pct", "platelets", "anc_lln", "wbc_lln")
#: The record kind of a result row in an export (``kind`` column).
RESULT_KIND = "result"
#: The export's columns that only describe a row: read, never charted, never checked.
DESCRIPTIVE = frozenset(
    {
        "id",
        "cycle",
        "cycle_day",
        "regimen",
        "detail",
        "anc_grade",
        "wbc_grade",
        "source",
        "recorded_by",
        "corrected",
        "ctcae_version",
        "celsius",
        "route",
        "rule",
        "drug",
        "dose",
        *LOINC_COLUMNS,
    }
)
#: Laboratory statuses a result row may carry (empty for a result typed by a nurse).
LAB_STATUSES = ("", "preliminary", "final", "corrected")


def export_columns(values: Mapping[str, str | None]) -> dict[str, str]:
    """The unit, UCUM and LOINC columns of an exported result with these values."""
    return {
        "unit": SI_COUNT_UNIT,
        "ucum": UCUM_COUNT,
        **{f"{name}_loinc": code if values.get(name) else "" for name, code in LOINC_CODES.items()},
    }


def identity_problems(patient: Patient, *, dob: str, name: str) -> list[Problem]:
    """An exported row's date of birth and name, when given, must be the chart patient's:
    a row for another patient who has the same MRN elsewhere is never charted here."""
    if dob and dob != patient.dob.isoformat():
        return [
            Problem(
                "dob",
                QT_TRANSLATE_NOOP(
                    "Imports",
                    "{dob} is not the date of birth of MRN {mrn} on this chart ({chart_dob})",
                ).format(dob=Moment(dob), mrn=patient.mrn, chart_dob=patient.dob),
            )
        ]
    if name and _name_key(name) != _name_key(patient.name):
        message = QT_TRANSLATE_NOOP("Imports", "{name} is not the name of MRN {mrn} on this chart")
        return [Problem("name", message.format(name=repr(name), mrn=patient.mrn))]
    return []


def kind_problems(kind: str) -> list[Problem]:
    """Only result rows can be imported; other kinds are refused naming the kind."""
    if kind.strip().lower() in ("", RESULT_KIND):
        return []
    return [
        Problem(
            "kind",
            QT_TRANSLATE_NOOP(
                "Imports",
                "{kind} rows cannot be imported, only CBC results; "
                "export them alone with `wardchart export --format csv --kind result`",
            ).format(kind=repr(kind)),
        )
    ]


def lab_status_problems(status: str) -> list[Problem]:
    """A lab status must be one wardchart records."""
    if status.strip().lower() in LAB_STATUSES:
        return []
    message = QT_TRANSLATE_NOOP(
        "Imports", "{status} is not preliminary, final or corrected (or empty)"
    )
    return [Problem("lab_status", message.format(status=repr(status)))]


def _name_key(name: str) -> str:
    """Names compared as they look: compatibility forms, spacing and case ignored."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()
