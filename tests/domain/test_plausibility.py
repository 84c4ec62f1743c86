"""Entry checks and their boundaries, both sides of each (see docs/plausibility.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from wardchart.domain.plausibility import (
    CbcEntry,
    check_cbc,
    check_count,
    check_cycle_start,
    check_dob,
    check_patient,
    check_setting,
    check_temperature,
    check_threshold,
)
from wardchart.domain.problems import InvalidEntry, raise_if_blocking
from wardchart.domain.units import PER_LITRE_E9, PER_MICROLITRE

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
    assert fields(wbc=D(2), neut_pct=D("-0")) == [("neut_pct", "error")]
    assert fields(wbc=D(2), neut_pct=D(40), bands_pct=D("-0.0")) == [("bands_pct", "error")]
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


def test_wbc_2100_in_si_is_refused_with_the_likely_meaning() -> None:
    ((field, severity, message),) = problems(wbc=D(2100))
    assert (field, severity) == ("wbc", "error")
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
    (f_error,) = check_temperature(D("38.5"), "F", taken, dob=DOB, now=NOW)
    assert (f_error.field, f_error.severity) == ("fahrenheit", "error")
    assert "°C" in f_error.message
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


# --- every boundary, both sides ----------------------------------------------------------

RECENT = NOW - timedelta(hours=1)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("wbc", "-0.01", "error"),
        ("wbc", "-0", "error"),
        ("wbc", "-0.0", "error"),
        ("wbc", "0", "warning"),  # below the analyser's lowest reportable WBC, like 0.001
        ("wbc", "0.001", "warning"),
        ("wbc", "0.029", "warning"),
        ("wbc", "0.03", None),
        ("wbc", "499.99", "warning"),  # above 100 with no G-CSF
        ("wbc", "500", "warning"),
        ("wbc", "999.99", "warning"),
        ("wbc", "1000", "error"),
        ("platelets", "-1", "error"),
        ("platelets", "-0", "error"),
        ("platelets", "0", None),
        ("anc", "-0", "error"),
        ("anc", "0", None),  # an ANC of 0 is a valid, gradable result
        ("anc_lln", "-0.0", "error"),
        ("platelets", "999", None),
        ("platelets", "1000", "warning"),
        ("platelets", "9999", "warning"),
        ("platelets", "10000", "error"),
        ("platelets", "50000", "error"),
        ("anc_lln", "0", "error"),
        ("anc_lln", "0.49", "warning"),
        ("anc_lln", "0.5", None),
        ("anc_lln", "5", None),
        ("anc_lln", "5.01", "warning"),
        ("wbc_lln", "0.99", "warning"),
        ("wbc_lln", "1", None),
        ("wbc_lln", "10", None),
        ("wbc_lln", "10.01", "warning"),
        ("wbc_lln", "1000", "error"),
    ],
)
def test_count_boundaries(field: str, value: str, expected: str | None) -> None:
    values: dict[str, object] = {"wbc": D(value)} if field == "wbc" else {"wbc": D(5)}
    if field != "wbc":
        values[field] = D(value)
    found = fields(**values)
    assert found == ([] if expected is None else [(field, expected)])


def test_anc_boundaries_and_a_unit_slip_above_the_wbc() -> None:
    assert fields(wbc=D(999), anc=D(500), last_gcsf=NOW) == [("wbc", "warning"), ("anc", "warning")]
    assert fields(wbc=D(5), anc=D(0)) == []
    assert fields(wbc=D(5), anc=D("-0.01")) == [("anc", "error")]


def test_platelets_50000_in_si_are_refused_and_say_what_was_meant() -> None:
    ((field, severity, message),) = problems(wbc=D(5), platelets=D(50000))
    assert (field, severity) == ("platelets", "error")
    assert "50.000 ×10⁹/L" in message


def test_counts_in_cells_per_microlitre_are_normalised_before_the_limits() -> None:
    assert fields(wbc=D(2100), platelets=D(150000), unit=PER_MICROLITRE) == []
    assert fields(wbc=D("2.1"), unit=PER_MICROLITRE) == [("wbc", "warning")]  # 0.0021
    assert fields(wbc=D(5), platelets=D(10_000_000), unit=PER_MICROLITRE) == [
        ("platelets", "error")
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-0.1", "error"),
        ("0", None),
        ("0.99", "warning"),
        ("1", None),
        ("100", None),
        ("100.01", "error"),
    ],
)
def test_percentage_boundaries(value: str, expected: str | None) -> None:
    found = fields(wbc=D(5), neut_pct=D(value))
    assert found == ([] if expected is None else [("neut_pct", expected)])


def temp_problems(value: str, unit: str) -> list[tuple[str, str]]:
    return [
        (p.field, p.severity) for p in check_temperature(D(value), unit, RECENT, dob=DOB, now=NOW)
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", "error"),
        ("3.8", "error"),  # 38 typed as 3.8
        ("9.99", "error"),
        ("10", "warning"),
        ("33.9", "warning"),
        ("34", None),
        ("45", None),
        ("45.1", "warning"),  # probably °F
        ("115", "warning"),
        ("115.1", "error"),
        ("1000", "error"),
    ],
)
def test_celsius_boundaries(value: str, expected: str | None) -> None:
    assert temp_problems(value, "C") == ([] if expected is None else [("celsius", expected)])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("38.5", "error"),  # °C typed as °F
        ("49.9", "error"),  # 9.94 °C
        ("50", "warning"),  # 10 °C
        ("93.1", "warning"),
        ("93.2", None),  # 34 °C
        ("113", None),  # 45 °C
        ("113.1", "error"),
        ("1000", "error"),
    ],
)
def test_fahrenheit_boundaries(value: str, expected: str | None) -> None:
    assert temp_problems(value, "F") == ([] if expected is None else [("fahrenheit", expected)])


def test_3_8_celsius_suggests_38() -> None:
    (problem,) = check_temperature(D("3.8"), "C", RECENT, dob=DOB, now=NOW)
    assert "did you mean 38?" in problem.message


def test_a_time_more_than_7_days_ago_must_be_confirmed() -> None:
    week = timedelta(days=7)
    assert fields(wbc=D(5), taken=NOW - week) == []
    assert fields(wbc=D(5), taken=NOW - week - timedelta(minutes=1)) == [("taken", "warning")]
    old = check_temperature(D(37), "C", NOW - timedelta(days=9), dob=DOB, now=NOW)
    assert [(p.field, p.severity) for p in old] == [("taken", "warning")]


@pytest.mark.parametrize(
    ("dob", "expected"),
    [
        (date(2026, 3, 13), "error"),  # tomorrow
        (date(2026, 3, 12), "warning"),  # born today
        (date(2026, 3, 11), None),
        (date(1915, 3, 12), None),  # 111 today: warned
        (date(1916, 3, 12), None),  # 110
        (date(1896, 3, 13), "warning"),  # 129
        (date(1896, 3, 12), "error"),  # 130
    ],
)
def test_date_of_birth_boundaries(dob: date, expected: str | None) -> None:
    if dob == date(1915, 3, 12):
        expected = "warning"
    found = [(p.field, p.severity) for p in check_dob(dob, today=date(2026, 3, 12))]
    assert found == ([] if expected is None else [("dob", expected)])


def test_admission_checks_the_date_of_birth() -> None:
    found = check_patient("M1", "Doe, Jo", date(2026, 3, 12), "", today=date(2026, 3, 12))
    assert [(p.field, p.severity) for p in found] == [("dob", "warning")]


CYCLE = {"dob": DOB, "today": date(2026, 3, 12), "previous_day1": None}


def cycle_problems(day1: date, window: tuple[int, int], length: int) -> list[tuple[str, str]]:
    found = check_cycle_start(
        day1,
        nadir_start=window[0],
        nadir_end=window[1],
        cycle_length_days=length,
        **CYCLE,  # type: ignore[arg-type]
    )
    return [(p.field, p.severity) for p in found]


@pytest.mark.parametrize(
    ("length", "expected"),
    [
        (0, "error"),
        (1, "warning"),
        (6, "warning"),
        (7, None),
        (56, None),
        (57, "warning"),
        (365, "warning"),
        (366, "error"),
    ],
)
def test_cycle_length_boundaries(length: int, expected: str | None) -> None:
    found = cycle_problems(date(2026, 3, 12), (1, 1), length)
    assert found == ([] if expected is None else [("cycle_length", expected)])


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ((0, 5), "error"),
        ((7, 6), "error"),
        ((7, 21), None),
        ((7, 22), "warning"),
        ((7, 366), "error"),
    ],
)
def test_nadir_window_boundaries(window: tuple[int, int], expected: str | None) -> None:
    found = cycle_problems(date(2026, 3, 12), window, 21)
    assert found == ([] if expected is None else [("nadir_window", expected)])


def test_a_day_1_longer_ago_than_the_cycle_must_be_confirmed() -> None:
    assert cycle_problems(date(2026, 2, 20), (7, 14), 21) == []  # 20 days ago
    assert cycle_problems(date(2026, 2, 19), (7, 14), 21) == [("day1", "warning")]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("anc_threshold", "0", "error"),
        ("anc_threshold", "0.49", "warning"),
        ("anc_threshold", "0.5", None),
        ("anc_threshold", "3", None),
        ("anc_threshold", "3.01", "warning"),
        ("anc_threshold", "1500", "error"),
        ("plt_threshold", "19", "warning"),
        ("plt_threshold", "20", None),
        ("plt_threshold", "200", None),
        ("plt_threshold", "201", "warning"),
        ("plt_threshold", "100000", "error"),
        ("recovery_anc", "0.49", "warning"),
        ("recovery_anc", "1.5", None),
    ],
)
def test_threshold_boundaries(field: str, value: str, expected: str | None) -> None:
    found = [(p.field, p.severity) for p in check_threshold(field, D(value))]
    assert found == ([] if expected is None else [(field, expected)])


def test_settings_lln_defaults_are_checked_like_a_labs_lln() -> None:
    assert [p.severity for p in check_setting("anc_lln_default", D("2000"))] == ["error"]
    assert [p.severity for p in check_setting("anc_lln_default", D("20"))] == ["warning"]
    assert check_setting("anc_lln_default", D("2.0")) == []
    assert check_setting("anc_lln_default", None) == []


@pytest.mark.parametrize(
    ("typed", "warned"),
    [
        ("2100", False),  # a whole count: as counted
        ("2100.0", False),  # a whole number written with a decimal
        ("2.1", True),  # "2,100" read with a German decimal comma
        ("2.5", True),
        ("0.999", True),
        ("1.001", True),
    ],
)
def test_a_count_in_cells_per_microlitre_that_is_not_whole_is_a_warning(
    typed: str, warned: bool
) -> None:
    for field in ("wbc", "anc", "platelets"):
        problems = check_count(field, Decimal(typed), PER_MICROLITRE)
        fractional = [p for p in problems if "not a whole number" in p.message]
        assert bool(fractional) == warned, (field, typed, problems)
        if warned:
            assert [(p.field, p.severity) for p in problems] == [(field, "warning")]


def test_a_decimal_count_in_billions_per_litre_is_not_asked_about() -> None:
    assert check_count("anc", Decimal("2.1"), PER_LITRE_E9) == []
