"""Counts are shown as a lab reports them; the stored value is never rounded."""

from __future__ import annotations

from decimal import Decimal

from wardchart.domain.display import count_text


def test_counts_are_shown_with_two_decimals_rounded_half_up() -> None:
    assert count_text(Decimal("0.32736")) == "0.33"
    assert count_text(Decimal("0.945")) == "0.95"  # a float would give 0.94
    assert count_text(Decimal("0.004")) == "0.00"
    assert count_text(Decimal("13")) == "13.00"
    assert count_text(Decimal("1.5")) == "1.50"
    assert count_text(Decimal("60")) == "60.00"


def test_a_zero_never_shows_a_minus_sign() -> None:
    from wardchart.domain.units import display, plain

    for value in ("-0", "-0.0", "-0.001", "-0.004"):
        assert count_text(Decimal(value)) == "0.00"
        assert display(Decimal(value), 1) == "0.0"
    assert plain(Decimal("-0")) == "0"
    assert plain(Decimal("-0.000")) == "0"
    assert count_text(Decimal("-0.005")) == "-0.01"  # a real negative keeps its sign
