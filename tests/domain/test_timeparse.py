"""Dates and times typed as shown, and the daylight-saving changes (America/New_York)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from wardchart.domain.problems import InvalidEntry
from wardchart.domain.timeparse import as_aware, parse_date, parse_datetime, shown_local

NEW_YORK = ZoneInfo("America/New_York")
EDT, EST = timezone(timedelta(hours=-4)), timezone(timedelta(hours=-5))


@pytest.fixture(params=["zoneinfo", "computer clock"])
def zone(request: pytest.FixtureRequest) -> Iterator[ZoneInfo | None]:
    """New York given explicitly, and as the computer's own zone (TZ): both must agree."""
    if request.param == "zoneinfo":
        yield NEW_YORK
        return
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield None
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


def _message(text: str, zone: ZoneInfo | None) -> str:
    with pytest.raises(InvalidEntry) as caught:
        parse_datetime(text, "taken", zone)
    assert [p.field for p in caught.value.problems] == ["taken"]
    return caught.value.first.message


@pytest.mark.parametrize("text", ["1961-07-04", " 1961-07-04 "])
def test_a_date_typed_as_shown_is_that_date(text: str) -> None:
    assert parse_date(text, "dob") == date(1961, 7, 4)


@pytest.mark.parametrize("text", ["1961-7-4", "04/07/1961", "07-04-1961", "19610704", ""])
def test_a_date_in_another_shape_is_refused(text: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        parse_date(text, "dob")
    assert caught.value.first.field == "dob"
    assert "YYYY-MM-DD" in caught.value.first.message


def test_a_time_typed_as_shown_is_that_wall_clock_time(zone: ZoneInfo | None) -> None:
    value = parse_datetime("2026-07-04 08:05", "taken", zone)
    assert value.astimezone(EDT).replace(tzinfo=None) == datetime(2026, 7, 4, 8, 5)
    assert shown_local(value, zone) == "2026-07-04 08:05"


@pytest.mark.parametrize("text", ["2026-03-08 02:00", "2026-03-08 02:30", "2026-03-08 02:59"])
def test_a_time_the_clocks_skipped_is_refused(text: str, zone: ZoneInfo | None) -> None:
    message = _message(text, zone)
    assert "did not exist" in message
    assert text in message


@pytest.mark.parametrize(("text", "offset"), [("2026-03-08 01:59", EST), ("2026-03-08 03:00", EDT)])
def test_the_minutes_either_side_of_the_spring_gap_are_kept(
    text: str, offset: timezone, zone: ZoneInfo | None
) -> None:
    value = parse_datetime(text, "taken", zone)
    assert value == datetime.fromisoformat(text).replace(tzinfo=offset)


@pytest.mark.parametrize("text", ["2026-11-01 01:00", "2026-11-01 01:30", "2026-11-01 01:59"])
def test_a_time_the_clocks_showed_twice_needs_its_offset(text: str, zone: ZoneInfo | None) -> None:
    message = _message(text, zone)
    assert "happened twice" in message
    assert f"{text} -04:00" in message
    assert f"{text} -05:00" in message


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2026-11-01 01:30 -04:00", EDT),
        ("2026-11-01 01:30 -05:00", EST),
        ("2026-11-01T01:30-05:00", EST),
        ("2026-11-01 01:30-0400", EDT),
    ],
)
def test_an_explicit_offset_says_which(text: str, offset: timezone, zone: ZoneInfo | None) -> None:
    value = parse_datetime(text, "taken", zone)
    assert value == datetime(2026, 11, 1, 1, 30, tzinfo=offset)
    assert shown_local(value, zone) == f"2026-11-01 01:30 {'-04:00' if offset == EDT else '-05:00'}"


@pytest.mark.parametrize(("text", "offset"), [("2026-11-01 00:59", EDT), ("2026-11-01 02:00", EST)])
def test_the_minutes_either_side_of_the_autumn_repeat_are_kept(
    text: str, offset: timezone, zone: ZoneInfo | None
) -> None:
    assert parse_datetime(text, "taken", zone) == datetime.fromisoformat(text).replace(
        tzinfo=offset
    )


def test_as_aware_checks_the_same_way_for_the_window(zone: ZoneInfo | None) -> None:
    with pytest.raises(InvalidEntry) as caught:
        as_aware(datetime(2026, 3, 8, 2, 30), zone, field="given")
    assert caught.value.first.field == "given"
    aware = datetime(2026, 3, 8, 2, 30, tzinfo=UTC)
    assert as_aware(aware, zone) is aware


@pytest.mark.parametrize(
    "text", ["2026-03-12 8:30", "2026-03-12 08:30 PM", "12/03/2026 08:30", "2026-03-12", "now"]
)
def test_a_time_in_another_shape_is_refused(text: str) -> None:
    assert "24-hour" in _message(text, NEW_YORK)


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-26 09:10:30.5",
        "2026-11-26 09:10:00.9",
        "2026-11-26T01:30:00.9-05:00",
        "2026-11-26 09:10:30,5",
        "2026-11-26 09:10:30.",
    ],
)
def test_a_fraction_of_a_second_is_refused(text: str) -> None:
    message = _message(text, NEW_YORK)
    assert "fraction of a second" in message


def test_whole_seconds_are_kept_exactly() -> None:
    value = parse_datetime("2026-11-26 09:10:30", "taken", NEW_YORK)
    assert (value.hour, value.minute, value.second, value.microsecond) == (9, 10, 30, 0)


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31 23:59",
        "0001-01-01 00:00",
        "0001-01-01 00:00 +14:00",
        "9999-12-31 23:59 -14:00",
        "1899-12-31 23:59",
        "3000-01-01 00:00",
        "9999-12-31T23:59:59Z",
    ],
)
def test_a_time_outside_the_accepted_years_is_refused(text: str, zone: ZoneInfo | None) -> None:
    assert "outside the years 1900 to 2999" in _message(text, zone)


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01"])
def test_a_date_outside_the_accepted_years_is_refused(text: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        parse_date(text, "day1")
    assert caught.value.first.field == "day1"
    assert "outside the years 1900 to 2999" in caught.value.first.message


def test_the_edges_of_the_accepted_years_are_accepted(zone: ZoneInfo | None) -> None:
    assert parse_date("1900-01-01", "dob") == date(1900, 1, 1)
    assert parse_date("2999-12-31", "dob") == date(2999, 12, 31)
    first = parse_datetime("1900-01-01 00:00 +14:00", "taken", zone)
    last = parse_datetime("2999-12-31 23:59 -14:00", "taken", zone)
    assert first.astimezone(UTC).year == 1899  # no overflow at the edges
    assert last.astimezone(UTC).year == 3000
    assert parse_datetime("2999-12-31 23:59", "taken", zone).year == 2999
    with pytest.raises(InvalidEntry):
        as_aware(datetime(9999, 12, 31, 23, 59), zone, field="given")
