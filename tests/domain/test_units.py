from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.units import (
    PER_LITRE_E9,
    PER_MICROLITRE,
    display,
    fahrenheit_to_celsius,
    from_si,
    parse_count_unit,
    parse_decimal,
    to_si,
)


@pytest.mark.parametrize(
    "spelling",
    [
        "10^9/L",
        "x10^9/L",
        "×10⁹/L",
        "10*9/L",
        "G/L",
        "g/l",
        "10^3/uL",
        "10*3/uL",
        "K/uL",
        "x10E3/uL",
        "10^3/µL",
        "×10³/µL",
    ],
)
def test_si_spellings_have_factor_one(spelling: str) -> None:
    assert parse_count_unit(spelling) is PER_LITRE_E9


@pytest.mark.parametrize("spelling", ["cells/uL", "cells/µL", "/uL", "/mm3", "cells/mm3"])
def test_per_microlitre_spellings(spelling: str) -> None:
    assert parse_count_unit(spelling) is PER_MICROLITRE


def test_unknown_unit_names_the_field_and_the_accepted_units() -> None:
    with pytest.raises(InvalidEntry) as raised:
        parse_count_unit("mmol/L", "unit")
    assert raised.value.first.field == "unit"
    assert "K/uL" in raised.value.first.message


def test_cells_per_microlitre_normalise_exactly() -> None:
    # docs/clinical-rules.md#units-ucum: 1 ×10^9/L = 1000 cells/µL; reference case 4
    # (docs/clinical-rules.md#reference-cases): 160 cells/µL = 0.16.
    assert to_si(Decimal(160), PER_MICROLITRE) == Decimal("0.16")
    assert to_si(Decimal(1500), PER_MICROLITRE) == Decimal("1.5")


@given(st.decimals(min_value=0, max_value=10**6, places=3))
def test_unit_round_trip(value: Decimal) -> None:
    for unit in (PER_LITRE_E9, PER_MICROLITRE):
        assert from_si(to_si(value, unit), unit) == value


@pytest.mark.parametrize("text", ["1,5", "2,100"])
def test_a_comma_is_refused_not_guessed(text: str) -> None:
    with pytest.raises(InvalidEntry, match="decimal point"):
        parse_decimal(text, "wbc")


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "1e3", "nan", "0x10"])
def test_non_numbers_are_refused(text: str) -> None:
    with pytest.raises(InvalidEntry) as raised:
        parse_decimal(text, "anc")
    assert raised.value.first.field == "anc"


def test_display_rounds_half_up_where_float_would_not() -> None:
    # Reference case 1 (docs/clinical-rules.md#reference-cases): 0.945 displays as 0.95; float
    # round(2.1*45/100, 2) gives 0.94.
    assert round(2.1 * 45 / 100, 2) == 0.94
    assert display(Decimal("0.945")) == "0.95"


def test_fahrenheit_conversion_is_exact_enough_for_the_rules() -> None:
    # Reference case 19 (docs/clinical-rules.md#reference-cases): 101 °F = 38.33… °C, above 38.3;
    # 100.4 °F is exactly 38.0.
    assert fahrenheit_to_celsius(Decimal(101)) > Decimal("38.3")
    assert fahrenheit_to_celsius(Decimal("100.4")) == Decimal("38.0")
