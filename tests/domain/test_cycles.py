"""Cycle day and cycle assignment (docs/clinical-rules.md#cycle-day), including DST, month ends,
leap days."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wardchart.domain.cycles import assign_cycle, cycle_day, day_label, day_position
from wardchart.domain.timeparse import local_date

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")


def test_reference_case_20() -> None:
    day1 = date(2025, 3, 3)
    assert cycle_day(day1, date(2025, 3, 13)) == 11
    assert cycle_day(day1, date(2025, 3, 24)) == 22


def test_day_1_and_baseline_have_no_day_zero() -> None:
    day1 = date(2026, 3, 2)
    assert cycle_day(day1, day1) == 1
    assert cycle_day(day1, day1 - timedelta(days=1)) == -1
    assert cycle_day(day1, day1 - timedelta(days=2)) == -2


def test_assignment_to_latest_cycle_on_or_before() -> None:
    day1s = [date(2026, 1, 5), date(2026, 1, 26), date(2026, 2, 18)]  # C3 delayed
    assert assign_cycle(day1s, date(2026, 1, 4)) is None  # baseline
    assert assign_cycle(day1s, date(2026, 1, 5)) == 0
    assert assign_cycle(day1s, date(2026, 2, 16)) == 1  # day 22 of C2: C3 not yet given
    assert assign_cycle(day1s, date(2026, 2, 18)) == 2


def test_cycle_day_uses_the_local_date_not_utc() -> None:
    # 22:30 in New York on 12 March is 02:30 UTC on 13 March: still day 11 there.
    day1 = date(2026, 3, 2)
    taken = datetime(2026, 3, 12, 22, 30, tzinfo=NEW_YORK)
    assert local_date(taken, NEW_YORK) == date(2026, 3, 12)
    assert cycle_day(day1, local_date(taken, NEW_YORK)) == 11


@pytest.mark.parametrize(
    ("day1", "on", "expected"),
    [
        (date(2024, 2, 20), date(2024, 3, 1), 11),  # leap year: 29 Feb counts
        (date(2025, 2, 20), date(2025, 3, 1), 10),
        (date(2025, 12, 25), date(2026, 1, 4), 11),  # year end
        (date(2026, 1, 31), date(2026, 2, 1), 2),  # month end
    ],
)
def test_month_ends_and_leap_days(day1: date, on: date, expected: int) -> None:
    assert cycle_day(day1, on) == expected


@pytest.mark.parametrize("zone", [NEW_YORK, LONDON])
def test_dst_changes_do_not_shift_the_day(zone: ZoneInfo) -> None:
    # Both zones change clocks in March; 07:00 local every day stays one day apart.
    day1 = date(2026, 3, 1)
    for offset in range(40):
        on = day1 + timedelta(days=offset)
        taken = datetime(on.year, on.month, on.day, 7, 0, tzinfo=zone)
        assert cycle_day(day1, local_date(taken, zone)) == offset + 1


dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@given(dates, st.integers(min_value=-400, max_value=400))
def test_cycle_day_is_calendar_arithmetic(day1: date, offset: int) -> None:
    day = cycle_day(day1, day1 + timedelta(days=offset))
    assert day != 0
    assert day == (offset + 1 if offset >= 0 else offset)


@given(
    dates,
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=23),
    st.sampled_from([NEW_YORK, LONDON, ZoneInfo("Australia/Sydney")]),
)
def test_cycle_day_is_stable_across_dst_and_zones(
    day1: date, offset: int, hour: int, zone: ZoneInfo
) -> None:
    on = day1 + timedelta(days=offset)
    taken = datetime(on.year, on.month, on.day, hour, 0, tzinfo=zone)
    assert cycle_day(day1, local_date(taken, zone)) == offset + 1


def test_chart_position_is_true_time_with_labels_skipping_zero() -> None:
    day1 = date(2026, 3, 2)
    utc = ZoneInfo("UTC")
    at = datetime(2026, 3, 10, 8, 0, tzinfo=utc)  # day 9, 08:00
    assert day_position(day1, at, utc) == pytest.approx(9 + 8 / 24)
    before = datetime(2026, 3, 1, 8, 0, tzinfo=utc)  # day -1, 08:00
    assert day_position(day1, before, utc) == pytest.approx(8 / 24)
    assert day_label(day_position(day1, before, utc)) == -1
    assert day_label(day_position(day1, at, utc)) == 9
    assert day_label(-0.5) == -2
