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
