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
        (".450", Decimal("0.45")),  # no digit before the point: nothing to separate
    ],
)
def test_a_decimal_comma_is_the_decimal_mark(typed: str, value: Decimal) -> None:
    assert parse_decimal(typed, "wbc", decimal_comma=True) == value


@pytest.mark.parametrize("typed", ["2.100", "0.450", "2.100 ", "-1.200", "1234.567"])
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


@pytest.mark.parametrize("typed", ["1,2,3", "0,4.5", ",", "abc", "1,2e3", "1.000,5", "1.234,5"])
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


@pytest.mark.parametrize(
    ("typed", "decimal_comma", "as_decimal", "as_whole"),
    [
        ("0.450", True, "0,450", "450"),  # never the whole number "0450"
        ("0.450", False, "0.45", "450"),  # the command line: as it takes a decimal
        ("2.100", False, "2.1", "2100"),
        ("1.200", False, "1.2", "1200"),
        ("1.000", False, "1", "1000"),
        ("0.000", False, "0", "0"),
        ("2.125", False, "2.1250", "2125"),  # "2.125" would be refused again
        ("-1.200", True, "-1,200", "-1200"),
    ],
)
def test_the_ambiguous_message_gives_only_readings_that_are_numbers(
    typed: str, decimal_comma: bool, as_decimal: str, as_whole: str
) -> None:
    with pytest.raises(InvalidEntry) as raised:
        parse_decimal(typed, "anc", decimal_comma=decimal_comma, thousands_point=True)
    assert raised.value.first.message.endswith(
        f"give {as_decimal} for a decimal or {as_whole} for a whole number"
    )
    readings = [as_decimal, as_whole]
    assert parse_decimal(readings[1], "anc", thousands_point=True) == Decimal(as_whole)
    if not decimal_comma:  # each reading is taken back as it is given
        assert parse_decimal(as_decimal, "anc", thousands_point=True) == Decimal(typed)


@pytest.mark.parametrize(
    ("typed", "as_whole"),
    [("1.000.000", "1000000"), ("0.001.000", "1000"), ("-1.000.000", "-1000000")],
)
def test_several_points_between_thousands_are_only_a_whole_number(
    typed: str, as_whole: str
) -> None:
    for decimal_comma in (True, False):
        with pytest.raises(InvalidEntry) as raised:
            parse_decimal(typed, "platelets", decimal_comma=decimal_comma, thousands_point=True)
        assert raised.value.first.message == (
            f"{typed!r} has points between thousands; give {as_whole} for the whole number"
        )
    with pytest.raises(InvalidEntry, match="is not a number"):  # English: as before
        parse_decimal(typed, "platelets")


@pytest.mark.parametrize("typed", ["1.2.3", "1234.567.890", "1.00.000"])
def test_points_not_between_groups_of_three_are_not_a_number(typed: str) -> None:
    with pytest.raises(InvalidEntry, match="is not a number"):
        parse_decimal(typed, "wbc", thousands_point=True)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2.1", "2.1"),
        ("38.5", "38.5"),
        ("0.45", "0.45"),
        ("2.1000", "2.1"),
        ("2100", "2100"),
        (".450", "0.45"),
        ("12", "12"),
    ],
)
def test_the_command_line_in_german_keeps_the_point_where_it_is_not_ambiguous(
    typed: str, value: str
) -> None:
    assert parse_decimal(typed, "anc", thousands_point=True) == Decimal(value)


def test_the_command_line_in_german_still_refuses_a_comma() -> None:
    for typed in ("2,1", "1.000,5"):
        with pytest.raises(InvalidEntry, match="contains a comma"):
            parse_decimal(typed, "anc", thousands_point=True)


def test_english_reads_a_point_before_three_digits_as_a_decimal() -> None:
    assert parse_decimal("2.100", "anc") == Decimal("2.1")
    assert parse_decimal("0.450", "anc") == Decimal("0.45")
