"""The results CSV layout: which rows and descriptions fit a chart (docs/csv.md)."""

from __future__ import annotations

from datetime import date

import pytest

from wardchart.domain.records import Patient
from wardchart.domain.result_csv import (
    export_columns,
    identity_problems,
    kind_problems,
    lab_status_problems,
)

PATIENT = Patient(id="p", mrn="A1", name="Okafor, Grace", dob=date(1972, 3, 14))


@pytest.mark.parametrize(
    ("dob", "name", "field"),
    [
        ("1972-03-14", "Okafor, Grace", None),
        ("", "", None),  # a file without them is not checked
        ("1972-03-14", "  okafor,  GRACE ", None),
        ("1972-03-14", "Ｏｋａｆｏｒ, Grace", None),  # full-width letters look the same
        ("1972-03-15", "Okafor, Grace", "dob"),
        ("1972-3-14", "", "dob"),
        ("", "Okafor, Grace A", "name"),
        ("", "Okafor Grace", "name"),
    ],
)
def test_identity(dob: str, name: str, field: str | None) -> None:
    problems = identity_problems(PATIENT, dob=dob, name=name)
    assert [p.field for p in problems] == ([field] if field else [])


@pytest.mark.parametrize(
    ("kind", "ok"),
    [("", True), ("result", True), (" Result ", True), ("cycle", False), ("gcsf", False)],
)
def test_kind(kind: str, ok: bool) -> None:
    assert (kind_problems(kind) == []) is ok


@pytest.mark.parametrize(
    ("status", "ok"),
    [("", True), ("preliminary", True), ("Final", True), ("corrected", True), ("P", False)],
)
def test_lab_status(status: str, ok: bool) -> None:
    assert (lab_status_problems(status) == []) is ok


def test_export_columns_name_the_codes_of_the_values_present() -> None:
    columns = export_columns({"wbc": "2.1", "anc": "0.84", "neut_pct": "", "platelets": None})
    assert columns["unit"] == "10^9/L"
    assert columns["ucum"] == "10*9/L"
    assert columns["wbc_loinc"] == "26464-8"
    assert columns["anc_loinc"] == "26499-4"
    assert columns["neut_pct_loinc"] == ""
    assert columns["platelets_loinc"] == ""
