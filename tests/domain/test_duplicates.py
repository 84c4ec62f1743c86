"""The rule for "the same entry charted on two replicas" (docs/merging.md, "Charted
twice"): its boundaries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from wardchart.domain.duplicates import (
    DUPLICATE,
    SAME_TIME,
    Charted,
    charted_apart,
    kept_once,
    same_entry,
    same_moment,
    same_values,
)

AT = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


def entry(
    record: str,
    replica: str | None = "A",
    *values: Decimal | str | None,
    at: datetime = AT,
    patient: str = "p1",
) -> Charted:
    return Charted(record, replica, patient, at, values or (Decimal("2.1"), Decimal("0.84")))


def test_one_minute_or_one_second_apart_is_another_moment() -> None:
    a = entry("1")
    assert same_moment(a, entry("2", at=AT))
    assert not same_moment(a, entry("2", at=AT + timedelta(minutes=1)))
    assert not same_moment(a, entry("2", at=AT - timedelta(seconds=1)))
    assert not same_moment(a, entry("2", patient="p2"))


def test_the_same_instant_written_in_another_zone_is_the_same_moment() -> None:
    plus_one = AT.astimezone(timezone(timedelta(hours=1)))
    assert same_moment(entry("1"), entry("2", at=plus_one))


def test_amounts_are_compared_as_amounts_names_as_words() -> None:
    two = Decimal("2.1"), Decimal("0.84")
    assert same_values(entry("1", "A", *two), entry("2", "B", Decimal("2.10"), Decimal("0.840")))
    assert same_values(entry("1", "A", Decimal("38.50")), entry("2", "B", "38.5"))
    assert not same_values(entry("1", "A", *two), entry("2", "B", Decimal("2.1"), Decimal("0.85")))
    assert same_values(
        entry("1", "A", "Filgrastim", "300 mcg"), entry("2", "B", "filgrastim ", "300  MCG")
    )
    assert not same_values(
        entry("1", "A", "filgrastim", "300 mcg"), entry("2", "B", "filgrastim", "480 mcg")
    )
    # a missing value is only the same as a missing one
    assert same_values(
        entry("1", "A", None, Decimal("0.84")), entry("2", "B", None, Decimal("0.84"))
    )
    assert not same_values(
        entry("1", "A", None, Decimal("0.84")), entry("2", "B", Decimal("0"), Decimal("0.84"))
    )
    # a word that reads as "not a number" is a word (NaN equals nothing as a number)
    assert same_values(entry("1", "A", "NaN"), entry("2", "B", "nan"))
    assert same_entry(entry("1"), entry("2", "B"))
    assert not same_entry(entry("1"), entry("2", "B", at=AT + timedelta(minutes=1)))


def test_the_same_entry_on_two_replicas_is_one_duplicate() -> None:
    found = charted_apart([entry("2", "B"), entry("1", "A")], other_values=True)
    assert found == [(DUPLICATE, (entry("1", "A"), entry("2", "B")))]


def test_on_one_replica_or_before_chart_ids_it_is_that_files_own() -> None:
    assert charted_apart([entry("1", "A"), entry("2", "A")], other_values=True) == []
    assert charted_apart([entry("1", None), entry("2", "A")], other_values=True) == []
    assert charted_apart([entry("1", "A")], other_values=True) == []


def test_other_values_at_one_moment_are_one_same_time_group_for_counts_only() -> None:
    low = (Decimal("2.1"), Decimal("0.48"))
    group = [entry("1", "A"), entry("2", "B", *low), entry("3", "B")]
    assert charted_apart(group, other_values=True) == [(SAME_TIME, tuple(group))]
    # temperatures, doses: only the records of one entry
    assert charted_apart(group, other_values=False) == [(DUPLICATE, (group[0], group[2]))]
    # other values apart with nothing the same: nothing for temperatures
    assert charted_apart(group[:2], other_values=False) == []


def test_the_groups_are_the_same_whatever_order_the_records_came_in() -> None:
    records = [
        entry("4", "B", at=AT + timedelta(hours=1)),
        entry("1", "A"),
        entry("3", "A", at=AT + timedelta(hours=1)),
        entry("2", "B"),
        entry("5", "B", patient="p0"),
        entry("6", "A", patient="p0"),
    ]
    expected = charted_apart(records, other_values=True)
    assert [tuple(c.record_id for c in g) for _, g in expected] == [
        ("5", "6"),
        ("1", "2"),
        ("3", "4"),
    ]
    assert charted_apart(list(reversed(records)), other_values=True) == expected


def test_the_record_kept_once_is_the_one_charted_first_then_the_smaller_id() -> None:
    first = ("2026-03-10T07:05:00.000000Z", "b")
    later = ("2026-03-10T07:05:00.000001Z", "a")
    assert kept_once([later, first]) == "b"  # charted first wins over a smaller id
    assert kept_once([first, later]) == "b"  # in any order
    same = ("2026-03-10T07:05:00.000000Z", "a")
    assert kept_once([first, same]) == "a"  # the same moment: the smaller stable id
    assert kept_once([same, first]) == "a"
