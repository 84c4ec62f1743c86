"""Dates and times typed day first, as German writes them (26.11.2026, 26.11.2026 14:30):
read only when asked for (a German window), beside ISO; a year of fewer than four digits is
refused naming the field, so that a date of birth is never guessed into the wrong century."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.timeparse import parse_date, parse_datetime

UTC1 = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("26.11.2026", date(2026, 11, 26)),
        ("1.1.2026", date(2026, 1, 1)),  # single digits
        ("01.01.2026", date(2026, 1, 1)),
        (" 26.11.2026 ", date(2026, 11, 26)),  # spaces around
        ("1. 1. 2026", date(2026, 1, 1)),  # a space after each point
        ("29.02.2024", date(2024, 2, 29)),  # a leap year
        ("31.12.2999", date(2999, 12, 31)),
        ("01.01.1900", date(1900, 1, 1)),
        ("2026-11-26", date(2026, 11, 26)),  # ISO keeps working
    ],
)
def test_a_day_first_date_is_read_day_first(typed: str, expected: date) -> None:
    assert parse_date(typed, "dob", day_first=True) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "31.02.2026",
        "29.02.2026",
        "29.02.2100",
        "00.01.2026",
        "01.00.2026",
        "32.01.2026",
        "1.13.2026",
    ],
)
def test_a_day_that_does_not_exist_is_refused(typed: str) -> None:
    with pytest.raises(InvalidEntry) as error:
        parse_date(typed, "dob", day_first=True)
    assert error.value.first.field == "dob"
    assert error.value.first.message == f"{typed!r} is not a real calendar date"


@pytest.mark.parametrize("typed", ["26.11.26", "1.1.26", "26.11.026", "26.11.6", "26.11.20266"])
def test_a_year_without_four_digits_is_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(InvalidEntry) as error:
        parse_date(typed, "dob", day_first=True)
    assert error.value.first.field == "dob"
    digits = len(typed.rsplit(".", 1)[1])
    assert error.value.first.message == (
        f"{typed!r} has a {digits}-digit year; give all four digits, e.g. 26.11.2026, so "
        "that the century is never guessed"
    )


@pytest.mark.parametrize(
    "typed", ["26.11.", "26/11/2026", "26.11 2026", "2026.11.26", "26-11-2026"]
)
def test_other_forms_are_not_dates(typed: str) -> None:
    with pytest.raises(InvalidEntry, match=r"is not a date; give DD\.MM\.YYYY"):
        parse_date(typed, "day1", day_first=True)


def test_without_day_first_a_dotted_date_is_refused_as_before() -> None:
    """English dialogs, the command line and files keep ISO only."""
    with pytest.raises(InvalidEntry, match=r"is not a date; give YYYY-MM-DD"):
        parse_date("26.11.2026", "dob")
    with pytest.raises(InvalidEntry, match=r"is not a date and 24-hour time; give e.g. 2026"):
        parse_datetime("26.11.2026 14:30", "taken", UTC1)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("26.11.2026 14:30", datetime(2026, 11, 26, 14, 30, tzinfo=UTC1)),
        ("1.1.2026 8:05", datetime(2026, 1, 1, 8, 5, tzinfo=UTC1)),
        ("  26.11.2026   14:30 ", datetime(2026, 11, 26, 14, 30, tzinfo=UTC1)),
        ("26.11.2026 14:30:15", datetime(2026, 11, 26, 14, 30, 15, tzinfo=UTC1)),
        ("29.02.2024 00:00", datetime(2024, 2, 29, 0, 0, tzinfo=UTC1)),
        ("26.11.2026 14:30 +01:00", datetime(2026, 11, 26, 14, 30, tzinfo=UTC1)),
        ("2026-11-26 14:30", datetime(2026, 11, 26, 14, 30, tzinfo=UTC1)),  # ISO too
    ],
)
def test_a_day_first_time_is_read(typed: str, expected: datetime) -> None:
    assert parse_datetime(typed, "taken", UTC1, day_first=True) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("26.11.26 14:30", "has a 2-digit year"),
        ("31.02.2026 14:30", "is not a real date and time"),
        ("29.02.2026 08:00", "is not a real date and time"),
        ("26.11.2026 24:00", "is not a real date and time"),
        ("26.11.2026 14:60", "is not a real date and time"),
        ("26.11.2026 14:30.5", "has a fraction of a second"),
        ("26.11.2026", "is not a date and 24-hour time; give e.g. 12.03.2026 08:30"),
        ("26.11.2026 14", "is not a date and 24-hour time; give e.g. 12.03.2026 08:30"),
    ],
)
def test_a_bad_day_first_time_is_refused_naming_the_field(typed: str, message: str) -> None:
    with pytest.raises(InvalidEntry) as error:
        parse_datetime(typed, "taken", UTC1, day_first=True)
    assert error.value.first.field == "taken"
    assert message in error.value.first.message
