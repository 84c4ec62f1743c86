"""The pure HL7 rules at the edges a hostile sender finds: delimiters, years, fractions
of a second and digits that are not ASCII."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from wardchart.domain import hl7_rules as rules
from wardchart.domain.problems import InvalidEntry


@pytest.mark.parametrize(
    ("field", "encoding"), [("|", "^~\\&"), ("!", "$~\\&"), ("|", "^~\\#"), ("#", "^~\\&")]
)
def test_five_different_punctuation_delimiters_are_sound(field: str, encoding: str) -> None:
    assert rules.delimiter_refusal(field, encoding) == ""


@pytest.mark.parametrize(
    ("field", "encoding", "why"),
    [
        ("|", "^.\\&", "could be part of a value"),
        *[("|", f"^~\\{c}", "could be part of a value") for c in ".+-*/%<>=,:"],
        ("|", "^~ &", "could be part of a value"),
        ("|", "^~\t&", "could be part of a value"),
        ("|", "^~A&", "could be part of a value"),
        ("|", "^~5&", "could be part of a value"),
        ("|", "^~é&", "could be part of a value"),
        ("|", "^~\\^", "twice"),
        ("^", "^~\\&", "twice"),
        ("|", "^~\\", "not four"),
        ("|", "^~\\&#", "not four"),
        ("|", "", "not four"),
    ],
)
def test_delimiters_that_could_change_a_value_are_refused(
    field: str, encoding: str, why: str
) -> None:
    assert why in rules.delimiter_refusal(field, encoding)


@pytest.mark.parametrize("text", ["18991231235900+0000", "30000101000000+0000", "00010101"])
def test_a_time_outside_1900_to_2999_is_refused(text: str) -> None:
    with pytest.raises(InvalidEntry, match="outside the years 1900 to 2999"):
        rules.lab_time(text + ("0000" if len(text) == 8 else ""), "collection time", UTC)


def test_the_years_1900_and_2999_are_read() -> None:
    first = rules.lab_time("190001010000+0000", "t", UTC)
    last = rules.lab_time("299912312359+0000", "t", UTC)
    assert (first.year, last.year) == (1900, 2999)


def test_a_fraction_of_a_second_is_dropped() -> None:
    read = rules.lab_time("20260312083015.9999+0000", "collection time", UTC)
    assert read == datetime(2026, 3, 12, 8, 30, 15, tzinfo=UTC)
    assert read.microsecond == 0


@pytest.mark.parametrize(
    "text",
    ["２０２６０３１２０８３０", "٢٠٢٦٠٣١٢٠٨٣٠", "202603120830+０１００", "20260312083015.５"],
)
def test_a_time_in_other_digits_is_refused(text: str) -> None:
    with pytest.raises(InvalidEntry):
        rules.lab_time(text, "collection time", UTC)


@pytest.mark.parametrize("text", ["３.１", "٠.٤٥", "0.4٥", "１"])
def test_a_value_in_other_digits_is_not_a_number(text: str) -> None:
    assert rules.lab_number("NM", text) == (None, f"{text!r} is not a number")
    assert rules.lab_number("SN", f"^{text}")[0] is None


def test_a_reference_range_and_a_date_of_birth_in_other_digits_are_not_read() -> None:
    assert rules.lower_limit("２.０-７.５") is None
    assert rules.birth_date("１９６５０４１２") is None
    assert rules.birth_date("19650412") == date(1965, 4, 12)
    assert rules.version_refusal("２.５")
