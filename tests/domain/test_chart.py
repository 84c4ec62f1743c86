"""The computed chart and its JSON summary: every rule applied together."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from wardchart.domain.census import age_text, census_row
from wardchart.domain.chart import PatientChart, build_chart
from wardchart.domain.grading import CtcaeVersion
from wardchart.domain.records import Cycle, LabResult, Patient, Precaution, Temperature
from wardchart.domain.settings import WardSettings
from wardchart.domain.summary import chart_summary, export_rows

D = Decimal
PATIENT = Patient("p1", "00123456", "Doe, Jane", date(1965, 4, 12), "F", "412")
DAY1 = date(2025, 3, 3)
NOW = datetime(2025, 3, 13, 12, 0, tzinfo=UTC)


def at(day: int, hour: int = 7) -> datetime:
    """Cycle day (no day 0) and hour → an instant in UTC."""
    offset = day - 1 if day > 0 else day
    return datetime.combine(DAY1 + timedelta(days=offset), datetime.min.time(), UTC) + timedelta(
        hours=hour
    )


def res(id_: str, when: datetime, anc: str, wbc: str = "5.0") -> LabResult:
    return LabResult(id_, "p1", when, wbc=D(wbc), anc=D(anc), anc_source="lab", anc_lln=D("2.0"))


CYCLE = Cycle("c1", "p1", 1, "AC", DAY1, 21, 10, 14)
RESULTS = [
    res("base", at(-2), "4.1"),
    res("d1", at(1), "4.0"),
    res("d9", at(9), "0.945", "2.1"),
    res("d11", at(11), "0.4", "1.2"),
]
TEMPS = [Temperature("t1", "p1", at(11, 10), D("38.4"))]


def chart(settings: WardSettings | None = None, now: datetime = NOW) -> PatientChart:
    return build_chart(
        PATIENT, [CYCLE], RESULTS, TEMPS, [], [], settings or WardSettings(), now, UTC
    )


def test_results_fall_into_baseline_and_cycle_with_days() -> None:
    c = chart()
    assert [(r.result.id, r.cycle_day) for r in c.baseline] == [("base", -2)]
    assert [(r.result.id, r.cycle_day) for r in c.cycles[0].results] == [
        ("d1", 1),
        ("d9", 9),
        ("d11", 11),
    ]
    assert c.today_cycle_day == 11
    assert c.nadir_status is not None
    assert c.nadir_status.value == "in window"


def test_nadir_grade_and_alert() -> None:
    c = chart()
    cycle = c.cycles[0]
    assert cycle.nadir is not None
    assert cycle.nadir.anc == D("0.4")
    assert cycle.nadir_grade is not None
    assert cycle.nadir_grade.grade == 4
    assert [a.kind for a in c.alerts] == ["febrile_neutropenia"]


def test_summary_json_shape_and_exact_numbers() -> None:
    summary = json.loads(json.dumps(chart_summary(chart())))
    assert summary["patient"] == {
        **summary["patient"],
        "mrn": "00123456",
        "name": "Doe, Jane",
        "dob": "1965-04-12",
    }
    assert summary["ctcae_version"] == "5.0"
    assert summary["fn_rule"] == "idsa2010"
    assert len(summary["baseline"]) == 1
    (cycle,) = summary["cycles"]
    assert cycle["number"] == 1
    assert cycle["regimen"] == "AC"
    assert cycle["day1"] == "2025-03-03"
    assert cycle["nadir_window"] == [10, 14]
    assert cycle["nadir"] == {
        "anc": 0.4,
        "cycle_day": 11,
        "taken": "2025-03-13T07:00:00+00:00",
        "grade": 4,
        "provisional": True,
    }
    assert cycle["recovery_day"] is None
    day9 = cycle["results"][1]
    assert day9["anc"] == 0.945  # unrounded
    assert day9["anc_grade"] == 3
    assert day9["wbc_grade"] == 2
    assert day9["anc_source"] == "lab"
    (alert,) = summary["alerts"]
    assert alert["kind"] == "febrile_neutropenia"
    assert alert["rule"] == "IDSA 2010"
    assert alert["at"] == "2025-03-13T10:00:00+00:00"


def test_v6_changes_grades_in_the_summary() -> None:
    summary = chart_summary(chart(WardSettings(ctcae_version=CtcaeVersion.V6)))
    assert summary["ctcae_version"] == "6.0"
    assert summary["cycles"][0]["results"][1]["anc_grade"] == 2


def test_census_row_never_relies_on_colour() -> None:
    precaution = Precaution("x", "p1", True, at(10))
    c = build_chart(PATIENT, [CYCLE], RESULTS, TEMPS, [], [precaution], WardSettings(), NOW, UTC)
    row = census_row(c)
    assert row.cycle_day == "C1 D11"
    assert row.latest_anc == "0.40 · 5 h"
    assert row.anc_grade_text == "G4 (v5.0)"
    assert row.nadir_status == "in window"
    assert "precautions" in row.flags
    assert "FN alert" in row.flags


def test_cbc_overdue_only_in_window_after_24_hours() -> None:
    later = NOW + timedelta(hours=21)  # 29 h after the last CBC, day 12
    assert chart(now=later).cbc_overdue
    assert not chart(now=NOW).cbc_overdue
    assert not chart(now=NOW + timedelta(days=5)).cbc_overdue  # past the window


def test_age_text() -> None:
    assert age_text(NOW - timedelta(minutes=35), NOW) == "35 min"
    assert age_text(NOW - timedelta(hours=6), NOW) == "6 h"
    assert age_text(NOW - timedelta(days=3), NOW) == "3 d"


def test_export_rows_cover_every_kind() -> None:
    kinds = {row["kind"] for row in export_rows(chart())}
    assert kinds == {"cycle", "result", "temperature", "febrile_neutropenia"}


def test_a_nadir_is_provisional_until_the_window_ends_or_the_count_recovers() -> None:
    assert chart().cycles[0].nadir_provisional  # day 11 of a 10–14 window
    assert not chart(now=NOW + timedelta(days=4)).cycles[0].nadir_provisional  # day 15
    recovered = [*RESULTS, res("d12", at(12), "1.6")]
    c = build_chart(PATIENT, [CYCLE], recovered, TEMPS, [], [], WardSettings(), NOW, UTC)
    assert not c.cycles[0].nadir_provisional
    later = Cycle("c2", "p1", 2, "AC", DAY1 + timedelta(days=9), 21, 10, 14)
    two = build_chart(PATIENT, [CYCLE, later], RESULTS, TEMPS, [], [], WardSettings(), NOW, UTC)
    assert not two.cycles[0].nadir_provisional  # an earlier cycle's nadir is final


def test_a_normal_lowest_count_is_not_marked_as_a_nadir() -> None:
    early = build_chart(
        PATIENT, [CYCLE], RESULTS[:2], [], [], [], WardSettings(), NOW - timedelta(days=8), UTC
    )
    assert early.cycles[0].nadir is not None  # 4.0 on day 1 is the lowest so far
    assert not early.cycles[0].nadir_marked
    assert chart().cycles[0].nadir_marked  # 0.4 on day 11


def test_a_cycle_s_findings_are_worked_out_when_asked_once_and_as_the_rules_say(
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    """Building a chart finds no nadir yet: each cycle's findings are worked out when
    first asked for (a selection shows one cycle of many), once, and are what the rules
    give for that cycle's results, the ward's recovery ANC and, for the current cycle
    only, today."""
    from wardchart.domain import chart as chart_module
    from wardchart.domain.chart import cycle_findings

    second = Cycle("c2", "p1", 2, "AC", DAY1 + timedelta(days=21), 21, 10, 14)
    later = [*RESULTS, res("c2d3", at(24), "2.5"), res("c2d12", at(33), "0.3", "0.9")]
    asked: list[int] = []
    find_nadir = chart_module.find_nadir

    def counted(pairs):  # type: ignore[no-untyped-def]
        asked.append(len(pairs))
        return find_nadir(pairs)

    monkeypatch.setattr(chart_module, "find_nadir", counted)
    settings = WardSettings(recovery_anc=D("1.5"))
    now = NOW + timedelta(days=21)
    built = build_chart(PATIENT, [second, CYCLE], later, TEMPS, [], [], settings, now, UTC)
    assert asked == []
    first, current = built.cycles
    assert current.nadir is not None
    assert current.nadir.result.id == "c2d12"
    assert current.nadir_provisional  # day 12 of its window, not recovered: today counts
    assert asked == [2]
    assert current.nadir_grade is not None
    assert current.nadir_grade.grade == 4
    assert asked == [2]  # once
    assert first.today is None
    assert current.today == now.date()
    for cycle in built.cycles:
        assert cycle.findings == cycle_findings(cycle.cycle, cycle.results, D("1.5"), cycle.today)
    assert not first.nadir_provisional  # an earlier cycle's nadir is never provisional
    assert first.nadir is not None
    assert first.nadir.result.id == "d11"
