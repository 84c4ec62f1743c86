"""Messages the domain writes for people, shown in German with German dates and numbers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from wardchart import i18n
from wardchart.domain.grading import CtcaeVersion, grade_anc
from wardchart.domain.plausibility import check_count, check_dob, check_temperature, check_time
from wardchart.domain.problems import InvalidEntry
from wardchart.domain.units import PER_LITRE_E9, parse_decimal

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 12, 15, 0, tzinfo=BERLIN)


def test_a_count_problem_reads_german_with_decimal_commas(german: None) -> None:
    (problem,) = check_count("wbc", Decimal(1500), PER_LITRE_E9)
    assert problem.message == (  # English where it is not shown: unchanged for every caller
        "1500 ×10⁹/L is not a possible count; as cells/µL that would be 1.500 ×10⁹/L"
    )
    assert i18n.shown(problem.message) == (
        "1500 ×10⁹/L ist kein möglicher Zellwert; als Zellen/µL wären das 1,500 ×10⁹/L"
    )


def test_a_time_problem_reads_german_with_a_german_date(german: None) -> None:
    later = datetime(2026, 3, 13, 8, 30, tzinfo=BERLIN)
    (problem,) = check_time(later, "taken", dob=date(1950, 1, 1), now=NOW)
    assert i18n.shown(problem.message) == "13.03.2026 08:30 liegt in der Zukunft"
    (problem,) = check_dob(date(1890, 5, 2), today=NOW.date())
    assert i18n.shown(problem.message) == "Mit 02.05.1890 wäre der Patient 135; prüfen Sie das Jahr"


def test_a_temperature_problem_keeps_its_rounding_in_german(german: None) -> None:
    (problem,) = check_temperature(Decimal("3.85"), "C", NOW, dob=date(1950, 1, 1), now=NOW)
    assert problem.message == "3.85 °C is not a body temperature; did you mean 38.5?"
    assert i18n.shown(problem.message) == ("3,85 °C ist keine Körpertemperatur; meinten Sie 38,5?")


def test_a_grade_reads_german(german: None) -> None:
    grade = grade_anc(Decimal("1.6"), CtcaeVersion.V5, None)
    assert str(grade) == "not gradable (needs the lab's lower limit of normal), CTCAE v5.0"
    assert i18n.shown(grade.text) == (
        "nicht graduierbar (benötigt die untere Normgrenze des Labors), CTCAE v5.0"
    )


def test_an_exception_from_the_parser_reads_german(german: None) -> None:
    with pytest.raises(InvalidEntry) as raised:
        parse_decimal("2.100", "wbc", decimal_comma=True)
    assert i18n.shown(raised.value.first.message).startswith("'2.100' ist mehrdeutig")
