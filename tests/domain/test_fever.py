"""Febrile neutropenia under each named rule: docs/clinical-rules.md#febrile-neutropenia and
reference cases 14–17, 19."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from wardchart.domain.fever import FN_RULES, FnRuleName, evaluate_fn
from wardchart.domain.records import LabResult, Temperature
from wardchart.domain.units import fahrenheit_to_celsius

DAY1 = date(2026, 3, 2)
T0 = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)


def temp(celsius: str | Decimal, minutes: int = 0) -> Temperature:
    return Temperature(f"t{minutes}", "p", T0 + timedelta(minutes=minutes), Decimal(celsius))


def anc(value: str, hours_before: float = 2) -> LabResult:
    return LabResult(
        f"r{value}", "p", T0 - timedelta(hours=hours_before), anc=Decimal(value), anc_source="lab"
    )


def fires(
    rule: FnRuleName, temps: list[Temperature], results: list[LabResult], **kwargs: bool
) -> bool:
    alerts = evaluate_fn(FN_RULES[rule], temps, results, [DAY1], tz=UTC, **kwargs)
    return any(a.kind == "febrile_neutropenia" for a in alerts)


ALL = list(FnRuleName)


@pytest.mark.parametrize("rule", ALL)
def test_case_14_single_high_fever_low_anc_fires_everywhere(rule: FnRuleName) -> None:
    assert fires(rule, [temp("38.4")], [anc("0.4")])


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (FnRuleName.CTCAE, False),
        (FnRuleName.IDSA2010, False),
        (FnRuleName.ESMO, False),
        (FnRuleName.NICE, False),
    ],
)
def test_case_15_anc_0_8_at_38_3(rule: FnRuleName, expected: bool) -> None:
    assert fires(rule, [temp("38.3")], [anc("0.8")]) is expected


def test_case_15_idsa_fires_when_a_fall_is_expected_but_ctcae_needs_above_38_3() -> None:
    assert fires(FnRuleName.IDSA2010, [temp("38.3")], [anc("0.8")], anc_expected_to_fall=True)
    assert not fires(FnRuleName.NICE, [temp("38.3")], [anc("0.8")], anc_expected_to_fall=True)
    # CTCAE: 38.3 is not > 38.3, even though 0.8 < 1.0.
    assert not fires(FnRuleName.CTCAE, [temp("38.3")], [anc("0.8")])
    assert fires(FnRuleName.CTCAE, [temp("38.31")], [anc("0.8")])


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (FnRuleName.CTCAE, True),
        (FnRuleName.IDSA2010, True),
        (FnRuleName.ESMO, False),
        (FnRuleName.NICE, True),
    ],
)
def test_case_16_sustained_over_70_minutes(rule: FnRuleName, expected: bool) -> None:
    temps = [temp("38.1", 0), temp("38.2", 70)]
    assert fires(rule, temps, [anc("0.4")]) is expected


def test_sustained_boundaries_one_hour_exactly() -> None:
    temps = [temp("38.0", 0), temp("38.0", 60)]
    assert fires(FnRuleName.IDSA2010, temps, [anc("0.4")])  # ≥ 1 h
    assert not fires(FnRuleName.CTCAE, temps, [anc("0.4")])  # > 1 h
    assert not fires(FnRuleName.NICE, temps, [anc("0.4")])  # 38.0 is not > 38


def test_esmo_needs_two_hours_above_38() -> None:
    assert fires(FnRuleName.ESMO, [temp("38.1", 0), temp("38.2", 120)], [anc("0.4")])
    assert not fires(FnRuleName.ESMO, [temp("38.0", 0), temp("38.2", 120)], [anc("0.4")])


def test_a_normal_reading_breaks_a_sustained_run() -> None:
    temps = [temp("38.1", 0), temp("37.2", 30), temp("38.1", 70)]
    assert not fires(FnRuleName.IDSA2010, temps, [anc("0.4")])


def test_readings_more_than_4_hours_apart_are_not_sustained() -> None:
    temps = [temp("38.1", 0), temp("38.1", 5 * 60)]
    assert not fires(FnRuleName.IDSA2010, temps, [anc("0.4")])


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (FnRuleName.NICE, True),
        (FnRuleName.CTCAE, True),
        (FnRuleName.IDSA2010, False),
        (FnRuleName.ESMO, False),
    ],
)
def test_case_17_anc_exactly_0_5(rule: FnRuleName, expected: bool) -> None:
    assert fires(rule, [temp("38.5")], [anc("0.5")]) is expected


def test_case_19_101_fahrenheit_meets_ctcae() -> None:
    celsius = fahrenheit_to_celsius(Decimal(101))
    assert fires(FnRuleName.CTCAE, [temp(celsius)], [anc("0.4")])
    assert not fires(FnRuleName.CTCAE, [temp("38.3")], [anc("0.4")])
    assert fires(FnRuleName.IDSA2010, [temp("38.3")], [anc("0.4")])


def test_anc_older_than_48_hours_does_not_count() -> None:
    alerts = evaluate_fn(
        FN_RULES[FnRuleName.IDSA2010], [temp("38.5")], [anc("0.2", 49)], [DAY1], tz=UTC
    )
    assert [a.kind for a in alerts] == ["possible_febrile_neutropenia"]
    assert "no ANC in the previous 48 h" in alerts[0].detail


def test_the_latest_anc_in_48_hours_is_used() -> None:
    # An old low ANC and a newer recovered one: the newer one decides.
    assert not fires(FnRuleName.IDSA2010, [temp("38.5")], [anc("0.2", 40), anc("1.8", 3)])


def test_possible_fn_only_within_six_weeks_of_a_day_1() -> None:
    rule = FN_RULES[FnRuleName.IDSA2010]
    late = evaluate_fn(rule, [temp("38.5")], [], [T0.date() - timedelta(days=43)], tz=UTC)
    assert late == []
    before_day1 = evaluate_fn(rule, [temp("38.5")], [], [T0.date() + timedelta(days=1)], tz=UTC)
    assert before_day1 == []
    in_time = evaluate_fn(rule, [temp("38.5")], [], [T0.date() - timedelta(days=42)], tz=UTC)
    assert [a.kind for a in in_time] == ["possible_febrile_neutropenia"]


def test_alert_names_its_rule_and_the_values() -> None:
    (alert,) = evaluate_fn(
        FN_RULES[FnRuleName.IDSA2010], [temp("38.4")], [anc("0.42")], [DAY1], tz=UTC
    )
    assert alert.rule == "IDSA 2010"
    assert "38.4 °C" in alert.detail
    assert "ANC 0.42" in alert.detail
    assert alert.at == T0


def test_one_alert_per_episode() -> None:
    temps = [temp("38.4", 0), temp("38.6", 60), temp("38.5", 120)]
    alerts = evaluate_fn(FN_RULES[FnRuleName.IDSA2010], temps, [anc("0.3")], [DAY1], tz=UTC)
    assert len(alerts) == 1
    later = [*temps, temp("38.5", 12 * 60)]
    assert (
        len(evaluate_fn(FN_RULES[FnRuleName.IDSA2010], later, [anc("0.3", -6)], [DAY1], tz=UTC))
        == 2
    )


def test_no_fever_no_alert() -> None:
    assert evaluate_fn(FN_RULES[FnRuleName.NICE], [temp("37.9")], [anc("0.1")], [DAY1]) == []


def test_counts_as_fever_per_rule() -> None:
    from wardchart.domain.fever import counts_as_fever

    assert counts_as_fever(FN_RULES[FnRuleName.IDSA2010], Decimal("38.0"))
    assert not counts_as_fever(FN_RULES[FnRuleName.IDSA2010], Decimal("37.9"))
    assert not counts_as_fever(FN_RULES[FnRuleName.NICE], Decimal("38.0"))
    assert counts_as_fever(FN_RULES[FnRuleName.NICE], Decimal("38.01"))
    assert not counts_as_fever(FN_RULES[FnRuleName.ESMO], Decimal("38.0"))


def test_the_alert_shows_the_anc_as_a_lab_reports_it() -> None:
    rule = FN_RULES[FnRuleName("idsa2010")]
    alerts = evaluate_fn(rule, [temp("38.5")], [anc("0.32736")], [DAY1], tz=UTC)
    assert "ANC 0.33 ×10⁹/L" in alerts[0].detail
    assert "0.32736" not in alerts[0].detail
