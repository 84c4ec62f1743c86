"""The decimal comma a German window accepts, and the point it then refuses as ambiguous."""

from decimal import Decimal

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.units import parse_decimal


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("0,45", Decimal("0.45")),
        ("38,5", Decimal("38.5")),
        (" 2,100 ", Decimal("2.1")),  # the comma is the decimal mark: never 2100
        (",5", Decimal("0.5")),
        ("5,", Decimal(5)),
        ("12", Decimal(12)),
        ("2100", Decimal(2100)),
        ("0.45", Decimal("0.45")),  # a point before two digits cannot separate thousands
        ("2.1000", Decimal("2.1")),  # nor before four
        ("-0,5", Decimal("-0.5")),
    ],
)
def test_a_decimal_comma_is_the_decimal_mark(typed: str, value: Decimal) -> None:
    assert parse_decimal(typed, "wbc", decimal_comma=True) == value


@pytest.mark.parametrize("typed", ["2.100", "0.450", "1.000.000", "1.234,5", "2.100 "])
def test_a_point_before_three_digits_is_ambiguous(typed: str) -> None:
    with pytest.raises(InvalidEntry) as raised:
        parse_decimal(typed, "wbc", decimal_comma=True)
    assert len(raised.value.problems) == 1
    assert raised.value.first.field == "wbc"
    assert "ambiguous" in raised.value.first.message


def test_the_ambiguous_message_says_both_readings() -> None:
    with pytest.raises(InvalidEntry) as raised:
        parse_decimal("2.100", "platelets", decimal_comma=True)
    assert raised.value.first.message == (
        "'2.100' is ambiguous: a point before three digits separates thousands; "
        "give 2,100 for a decimal or 2100 for a whole number"
    )


@pytest.mark.parametrize("typed", ["1,2,3", "0,4.5", ",", "abc", "1,2e3"])
def test_anything_else_with_a_comma_is_not_a_number(typed: str) -> None:
    with pytest.raises(InvalidEntry) as raised:
        parse_decimal(typed, "celsius", decimal_comma=True)
    assert raised.value.first.field == "celsius"
    assert raised.value.first.message.endswith("is not a number; give e.g. 0,42")


@pytest.mark.parametrize("typed", ["0,45", "2,100"])
def test_files_and_the_command_line_keep_the_point_only(typed: str) -> None:
    with pytest.raises(InvalidEntry, match="contains a comma"):
        parse_decimal(typed, "wbc")
    assert parse_decimal("2.100", "wbc") == Decimal("2.1")
