"""Which results, temperatures, G-CSF doses and alerts belong to a cycle: one rule for the
chart, the records under it and the printed summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from wardchart.domain.chart import PatientChart, build_chart
from wardchart.domain.records import Cycle, GcsfDose, LabResult, Patient, Temperature
from wardchart.domain.settings import WardSettings

D = Decimal
#: Not UTC: a record belongs by its local date, which differs from its UTC date at night.
TZ = ZoneInfo("America/New_York")
PATIENT = Patient("p1", "00123456", "Doe, Jane", date(1965, 4, 12), "F", "412")
C1_DAY1 = date(2025, 3, 3)
C2_DAY1 = date(2025, 3, 26)  # delayed: 23 days after cycle 1's day 1, not 21
CYCLES = [
    Cycle("c1", "p1", 1, "AC", C1_DAY1, 21, 10, 14),
    Cycle("c2", "p1", 2, "AC", C2_DAY1, 21, 10, 14),
]
NOW = datetime(2025, 4, 2, 12, 0, tzinfo=TZ)


def local(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), TZ)


#: (name, instant, the cycle number it belongs to)
WHEN = [
    ("long before cycle 1", local(C1_DAY1 - timedelta(days=30), 9), 1),
    ("the minute before day 1", local(C1_DAY1 - timedelta(days=1), 23, 59), 1),
    ("day 1 00:00", local(C1_DAY1), 1),
    ("cycle 1's last day, 23:59", local(C2_DAY1 - timedelta(days=1), 23, 59), 1),
    ("cycle 2's day 1 00:00", local(C2_DAY1), 2),
    ("cycle 2, day 50", local(C2_DAY1 + timedelta(days=49), 8), 2),
]


def chart(cycles: list[Cycle] = CYCLES) -> PatientChart:
    results = [
        LabResult(f"r{i}", "p1", at, wbc=D("4.0"), anc=D("2.0"), anc_source="lab")
        for i, (_, at, _) in enumerate(WHEN)
    ]
    temps = [Temperature(f"t{i}", "p1", at, D("37.0")) for i, (_, at, _) in enumerate(WHEN)]
    doses = [GcsfDose(f"g{i}", "p1", at, "filgrastim") for i, (_, at, _) in enumerate(WHEN)]
    return build_chart(PATIENT, cycles, results, temps, doses, [], WardSettings(), NOW, TZ)


def _numbers(c: PatientChart, number: int) -> tuple[list[str], list[str], list[str]]:
    records = c.records_of(c.cycles[number - 1])
    return (
        [r.result.id[1:] for r in records.results],
        [t.id[1:] for t in records.temperatures],
        [d.id[1:] for d in records.gcsf_doses],
    )


@pytest.mark.parametrize("number", [1, 2])
def test_every_record_belongs_to_the_cycle_of_its_local_date(number: int) -> None:
    expected = [str(i) for i, (_, _, n) in enumerate(WHEN) if n == number]
    results, temperatures, doses = _numbers(chart(), number)
    assert results == temperatures == doses == expected


def test_the_baseline_goes_with_the_first_cycle_and_comes_first() -> None:
    c = chart()
    assert [r.result.id for r in c.baseline] == ["r0", "r1"]
    first = c.records_of(c.cycles[0]).results
    assert [r.result.id for r in first[:2]] == ["r0", "r1"]
    assert first[2].cycle_day == 1
    assert not {"r0", "r1"} & {r.result.id for r in c.records_of(c.cycles[1]).results}


def test_the_local_date_decides_not_the_utc_date() -> None:
    """23:30 local the day before cycle 2's day 1 is already day 1 in UTC: it stays in
    cycle 1. The local calendar date decides, as it does for the cycle day."""
    at = local(C2_DAY1 - timedelta(days=1), 23, 30)
    assert at.astimezone(ZoneInfo("UTC")).date() == C2_DAY1
    dose = GcsfDose("late", "p1", at, "filgrastim")
    c = build_chart(PATIENT, CYCLES, [], [], [dose], [], WardSettings(), NOW, TZ)
    assert c.records_of(c.cycles[0]).gcsf_doses == (dose,)
    assert c.records_of(c.cycles[1]).gcsf_doses == ()


def test_the_whole_chart_and_a_chart_without_a_cycle_hold_every_record() -> None:
    for c in (chart(), chart([])):
        records = c.records_of(None)
        assert len(records.results) == len(records.temperatures) == len(records.gcsf_doses)
        assert len(records.results) == len(WHEN)


def test_a_single_cycle_takes_everything_before_and_after_its_day_1() -> None:
    c = chart(CYCLES[:1])
    assert c.period(c.cycles[0]) == (date.min, date.max)
    assert len(c.records_of(c.cycles[0]).temperatures) == len(WHEN)


def test_the_period_is_from_day_1_to_the_next_day_1() -> None:
    c = chart()
    assert c.period(c.cycles[0]) == (date.min, C2_DAY1)
    assert c.period(c.cycles[1]) == (C2_DAY1, date.max)
    assert c.period(None) == (date.min, date.max)


def test_fever_alerts_belong_to_the_cycle_they_were_raised_in() -> None:
    fever = [
        Temperature("f1", "p1", local(C2_DAY1 - timedelta(days=1), 22), D("38.6")),
        Temperature("f2", "p1", local(C2_DAY1 + timedelta(days=3), 10), D("38.6")),
    ]
    low = [
        LabResult("a", "p1", at - timedelta(hours=14), anc=D("0.3"), anc_source="lab")
        for at in (t.taken for t in fever)
    ]
    c = build_chart(PATIENT, CYCLES, low, fever, [], [], WardSettings(), NOW, TZ)
    assert len(c.alerts) == 2
    first, second = (c.records_of(cycle).alerts for cycle in c.cycles)
    assert [a.at for a in first] == [fever[0].taken]
    assert [a.at for a in second] == [fever[1].taken]


def test_a_cycle_s_records_are_worked_out_once_per_chart() -> None:
    """The chart and the records under it ask for the same cycle on every selection: the
    answer is kept with the chart, for that chart's own cycles only."""
    c = chart()
    first, second = c.cycles
    assert c.records_of(first) is c.records_of(first)
    assert c.records_of(None) is c.records_of(None)
    assert c.records_of(second) is not c.records_of(first)
    assert c.records_of(second) == chart().records_of(chart().cycles[1])
    other = chart()  # an equal chart: its own answers, not this one's
    assert other == c
    assert other.records_of(other.cycles[0]) is not c.records_of(first)
    marked = replace(c, conflicts=())  # a copy starts with nothing kept
    assert marked.records_of(marked.cycles[0]) is not c.records_of(first)
    assert marked.records_of(marked.cycles[0]) == c.records_of(first)
