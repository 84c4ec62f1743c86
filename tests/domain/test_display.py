"""Counts are shown as a lab reports them; the stored value is never rounded."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from wardchart.domain.display import count_text, grade_text, time_text
from wardchart.domain.grading import CtcaeVersion, Grade, grade_anc, grade_wbc


def test_counts_are_shown_with_two_decimals_rounded_half_up() -> None:
    assert count_text(Decimal("0.32736")) == "0.33"
    assert count_text(Decimal("0.945")) == "0.95"  # a float would give 0.94
    assert count_text(Decimal("13")) == "13.00"
    assert count_text(Decimal("1.5")) == "1.50"
    assert count_text(Decimal("60")) == "60.00"


def test_a_zero_never_shows_a_minus_sign() -> None:
    from wardchart.domain.units import display, plain

    for value in ("-0", "-0.0", "-0.000"):
        assert count_text(Decimal(value)) == "0.00"
    for value in ("-0", "-0.0", "-0.001", "-0.004"):
        assert display(Decimal(value), 1) == "0.0"
    assert plain(Decimal("-0")) == "0"
    assert plain(Decimal("-0.000")) == "0"
    assert count_text(Decimal("-0.005")) == "-0.01"  # a real negative keeps its sign


def test_rounding_never_puts_a_count_on_a_decision_line() -> None:
    # Every grade line, fever-rule line, recovery line and usual regimen threshold is a
    # whole number of tenths; a count just beside one must not be shown on it.
    assert count_text(Decimal("0.995")) == "0.995"  # below 1.0, grade 3: never "1.00"
    assert count_text(Decimal("1.004")) == "1.004"  # above 1.0, grade 2
    assert count_text(Decimal("0.9999")) == "0.9999"  # "1.000" would still be on the line
    assert count_text(Decimal("0.9951")) == "0.995"
    assert count_text(Decimal("0.49951")) == "0.4995"
    assert count_text(Decimal("1.4996")) == "1.4996"  # the recovery line 1.5
    assert count_text(Decimal("0.501")) == "0.501"  # NICE's ≤ 0.5 rule
    assert count_text(Decimal("0.099")) == "0.099"  # grade 4's "< 0.1" (ANC ×10⁹/L)
    assert count_text(Decimal("74.996")) == "74.996"  # a platelet threshold of 75
    assert count_text(Decimal("0.004")) == "0.004"  # not "0.00": a count was found
    assert count_text(Decimal("1.0000001")) == "1.0000001"


def test_counts_away_from_a_tenth_keep_two_decimals() -> None:
    assert count_text(Decimal("0.9949")) == "0.99"
    assert count_text(Decimal("0.9851")) == "0.99"
    assert count_text(Decimal("1.0051")) == "1.01"
    assert count_text(Decimal("0.985")) == "0.99"
    assert count_text(Decimal("1.015")) == "1.02"


def test_counts_typed_with_two_decimals_or_fewer_show_as_typed() -> None:
    assert count_text(Decimal("1")) == "1.00"
    assert count_text(Decimal("1.0")) == "1.00"
    assert count_text(Decimal("1.00")) == "1.00"
    assert count_text(Decimal("1.000")) == "1.00"  # trailing zeros are not precision
    assert count_text(Decimal("0.5")) == "0.50"
    assert count_text(Decimal("0")) == "0.00"
    assert count_text(Decimal("0.99")) == "0.99"
    assert count_text(Decimal("60")) == "60.00"


NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("instant", "tz", "text"),
    [
        (datetime(2026, 3, 12, 12, 30, tzinfo=UTC), NEW_YORK, "2026-03-12 08:30"),
        # Seconds are cut, never rounded up into the next minute, hour or day.
        (datetime(2026, 3, 12, 3, 59, 59, tzinfo=UTC), NEW_YORK, "2026-03-11 23:59"),
        (datetime(2026, 3, 12, 4, 0, tzinfo=UTC), NEW_YORK, "2026-03-12 00:00"),
        (datetime(2026, 1, 1, 0, 0, tzinfo=UTC), UTC, "2026-01-01 00:00"),
        # Either side of the spring-forward gap: the wall clock, not UTC + a fixed offset.
        (datetime(2026, 3, 8, 6, 59, tzinfo=UTC), NEW_YORK, "2026-03-08 01:59"),
        (datetime(2026, 3, 8, 7, 0, tzinfo=UTC), NEW_YORK, "2026-03-08 03:00"),
    ],
)
def test_a_clinical_time_is_local_to_the_minute(instant: datetime, tz: ZoneInfo, text: str) -> None:
    assert time_text(instant, tz) == text


@pytest.mark.parametrize(
    ("grade", "text"),
    [
        (None, ""),
        (grade_anc(Decimal("0.4"), CtcaeVersion.V5), "G4 (v5.0)"),
        (grade_anc(Decimal("0.4"), CtcaeVersion.V6), "G3 (v6.0)"),
        (grade_anc(Decimal("1.5"), CtcaeVersion.V5, Decimal("1.5")), "G0 (v5.0)"),
        (grade_anc(Decimal("1.7"), CtcaeVersion.V5), "n/g (v5.0)"),
        (grade_wbc(Decimal("2.9"), CtcaeVersion.V6), "G2 (v6.0)"),
    ],
)
def test_a_grade_is_shown_with_its_version(grade: Grade | None, text: str) -> None:
    assert grade_text(grade) == text
