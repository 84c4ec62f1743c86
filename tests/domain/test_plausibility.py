"""Entry checks (DN §3, CR §1.4) and reference cases 18, 19 and 23."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from wardchart.domain.plausibility import (
    CbcEntry,
    check_cbc,
    check_cycle_start,
    check_patient,
    check_temperature,
)
from wardchart.domain.problems import InvalidEntry, raise_if_blocking
from wardchart.domain.units import PER_MICROLITRE

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
DOB = date(1960, 4, 12)
D = Decimal


def problems(**values: object) -> list[tuple[str, str, str]]:
    taken = values.pop("taken", NOW - timedelta(hours=1))
    last_gcsf = values.pop("last_gcsf", None)
    entry = CbcEntry(taken=taken, **values)  # type: ignore[arg-type]
    found = check_cbc(entry, dob=DOB, now=NOW, last_gcsf=last_gcsf)  # type: ignore[arg-type]
    return [(p.field, p.severity, p.message) for p in found]


def fields(**values: object) -> list[tuple[str, str]]:
    return [(f, s) for f, s, _ in problems(**values)]


def test_a_plain_cbc_has_no_problems() -> None:
    assert problems(wbc=D("2.1"), neut_pct=D(40), bands_pct=D(5)) == []


def test_nothing_to_record() -> None:
    assert fields() == [("wbc", "error")]
    assert fields(neut_pct=D(40)) == [("wbc", "error")]
    assert fields(wbc=D(2), bands_pct=D(5)) == [("neut_pct", "error")]


@pytest.mark.parametrize("field", ["wbc", "anc", "platelets", "anc_lln", "wbc_lln"])
def test_negative_counts_are_errors(field: str) -> None:
    values = {"wbc": D(5), field: D(-1)} if field != "wbc" else {"wbc": D(-1)}
    assert (field, "error") in fields(**values)


def test_percentages_above_100_and_sums_above_100() -> None:
    assert fields(wbc=D(2), neut_pct=D("100.5")) == [("neut_pct", "error")]
    assert fields(wbc=D(2), neut_pct=D(96), bands_pct=D(5)) == [("bands_pct", "error")]
    assert fields(wbc=D(2), neut_pct=D(95), bands_pct=D(5)) == []


def test_anc_above_wbc_is_an_error() -> None:
    assert fields(wbc=D("1.0"), anc=D("1.01")) == [("anc", "error")]
    assert fields(wbc=D("1.0"), anc=D("1.0")) == []


def test_future_and_before_birth() -> None:
    assert fields(wbc=D(5), taken=NOW + timedelta(minutes=1)) == [("taken", "error")]
    assert fields(wbc=D(5), taken=NOW) == []
    before = datetime(1960, 4, 11, 12, 0, tzinfo=UTC)
    assert fields(wbc=D(5), taken=before) == [("taken", "error")]


def test_case_18_wbc_2100_in_si_is_a_unit_warning_with_a_suggestion() -> None:
    ((field, severity, message),) = problems(wbc=D(2100))
    assert (field, severity) == ("wbc", "warning")
    assert "2.100" in message
    assert "cells/µL" in message


def test_499_is_not_a_unit_slip_but_500_is() -> None:
    assert ("anc", "warning") not in fields(wbc=D(499), anc=D(499), last_gcsf=NOW)
    assert ("anc", "warning") in fields(wbc=D(600), anc=D(500), last_gcsf=NOW)


def test_cells_per_microlitre_are_not_unit_slips() -> None:
    assert fields(wbc=D(2100), anc=D(900), unit=PER_MICROLITRE) == []


def test_case_23_fraction_percentages_warn() -> None:
    ((field, severity, message),) = problems(wbc=D(5), neut_pct=D("0.40"))
    assert (field, severity) == ("neut_pct", "warning")
    assert "40" in message
    assert fields(wbc=D(5), neut_pct=D(40), bands_pct=D("0.5")) == [("bands_pct", "warning")]
    # 1 % and 0 % are real manual counts, not fractions.
    assert fields(wbc=D(5), neut_pct=D(40), bands_pct=D(1)) == []
    assert fields(wbc=D(5), neut_pct=D(40), bands_pct=D(0)) == []


def test_wbc_above_100_warns_unless_gcsf_in_the_last_7_days() -> None:
    taken = NOW - timedelta(hours=1)
    assert fields(wbc=D(149)) == [("wbc", "warning")]
    assert fields(wbc=D(100)) == []
    assert fields(wbc=D(149), last_gcsf=taken - timedelta(days=3)) == []
    assert fields(wbc=D(149), last_gcsf=taken - timedelta(days=7, minutes=1)) == [
        ("wbc", "warning")
    ]


def test_warnings_block_until_confirmed_errors_always_block() -> None:
    entry = CbcEntry(taken=NOW, wbc=D(149))
    found = check_cbc(entry, dob=DOB, now=NOW, last_gcsf=None)
    with pytest.raises(InvalidEntry):
        raise_if_blocking(found)
    raise_if_blocking(found, confirmed=True)
    error = check_cbc(CbcEntry(taken=NOW, wbc=D(-1)), dob=DOB, now=NOW, last_gcsf=None)
    with pytest.raises(InvalidEntry):
        raise_if_blocking(error, confirmed=True)


def test_case_19_temperature_unit_slips() -> None:
    taken = NOW - timedelta(hours=1)
    (warning,) = check_temperature(D("101.0"), "C", taken, dob=DOB, now=NOW)
    assert (warning.field, warning.severity) == ("celsius", "warning")
    assert "°F" in warning.message
    assert check_temperature(D(45), "C", taken, dob=DOB, now=NOW) == []
    (f_warning,) = check_temperature(D("38.5"), "F", taken, dob=DOB, now=NOW)
    assert f_warning.field == "fahrenheit"
    assert check_temperature(D(101), "F", taken, dob=DOB, now=NOW) == []
    (error,) = check_temperature(D(0), "C", taken, dob=DOB, now=NOW)
    assert error.severity == "error"


def test_cycle_start_checks() -> None:
    today = date(2026, 3, 12)
    ok = {
        "dob": DOB,
        "today": today,
        "previous_day1": date(2026, 2, 19),
        "nadir_start": 7,
        "nadir_end": 14,
        "cycle_length_days": 21,
    }
    assert check_cycle_start(date(2026, 3, 12), **ok) == []  # type: ignore[arg-type]
    future = check_cycle_start(date(2026, 3, 13), **ok)  # type: ignore[arg-type]
    assert [p.field for p in future] == ["day1"]
    same = check_cycle_start(date(2026, 2, 19), **ok)  # type: ignore[arg-type]
    assert "previous cycle" in same[0].message
    bad_window = {**ok, "nadir_start": 15, "nadir_end": 14}
    assert [p.field for p in check_cycle_start(date(2026, 3, 1), **bad_window)] == [  # type: ignore[arg-type]
        "nadir_window"
    ]


def test_patient_checks() -> None:
    today = date(2026, 3, 12)
    assert check_patient("123", "Doe, Jane", DOB, "F", today=today) == []
    found = check_patient(" ", "", date(2027, 1, 1), "Q", today=today)
    assert [p.field for p in found] == ["mrn", "name", "dob", "sex"]
