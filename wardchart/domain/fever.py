"""Febrile neutropenia under named rules (docs/clinical-rules.md#febrile-neutropenia).

Each rule is data: the single-reading temperature test, the sustained-fever test, and
the ANC test, with the exact operators of its source. An alert names its rule and the
values that fired it.

Design assumptions (stated, as docs/clinical-rules.md#reference-cases case 16 asks):
- "Sustained" is inferred from a run of consecutive readings that all meet the
  sustained temperature, no reading in the run more than 4 h after the one before it
  (neutropenic precautions take a temperature every 4 h,
  docs/clinical-rules.md#neutropenic-precautions [42]); the time from the run's first to its last
  reading is the duration.
- The ANC paired with a fever is the latest one taken in the 48 h before it
  (docs/clinical-rules.md#febrile-neutropenia).
- A fever with no ANC in those 48 h, within 6 weeks of a cycle's day 1, raises
  "possible febrile neutropenia — no recent ANC" (docs/clinical-rules.md#febrile-neutropenia).
- One alert of each kind per febrile episode (a run of febrile readings, gaps ≤ 4 h),
  at the first reading that fires it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum

from wardchart.domain.display import count_text
from wardchart.domain.records import LabResult, Temperature
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Moment, Number, Text
from wardchart.domain.units import OP_SYMBOL, plain

Compare = Callable[[Decimal, Decimal], bool]
_OPS: dict[str, Compare] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}

SUSTAINED_MAX_GAP = timedelta(hours=4)
ANC_LOOKBACK = timedelta(hours=48)
NO_ANC_WINDOW = timedelta(weeks=6)


class FnRuleName(StrEnum):
    """The rules a ward can choose; IDSA 2010 is the default
    (docs/clinical-rules.md#febrile-neutropenia)."""

    IDSA2010 = "idsa2010"
    CTCAE = "ctcae"
    ESMO = "esmo"
    NICE = "nice"


@dataclass(frozen=True)
class FnRule:
    """One febrile-neutropenia definition, row by row from
    docs/clinical-rules.md#febrile-neutropenia."""

    name: FnRuleName
    label: str
    single_op: str
    single_celsius: Decimal
    sustained_op: str | None
    sustained_celsius: Decimal | None
    sustained_minutes_op: str | None
    sustained_minutes: int | None
    anc_op: str
    anc_limit: Decimal
    honours_expected_fall: bool

    def describe(self) -> Text:
        """The rule in words, for alerts and printouts."""
        values = {
            "rule": self.label,
            "op": OP_SYMBOL[self.single_op],
            "celsius": self.single_celsius,
            "anc_op": OP_SYMBOL[self.anc_op],
            "anc": self.anc_limit,
        }
        if self.sustained_op and self.sustained_celsius and self.sustained_minutes_op:
            return QT_TRANSLATE_NOOP(
                "FeverRules",
                "{rule}: single temperature {op} {celsius} °C, or {sustained_op} {sustained} °C "
                "sustained {minutes_op} {minutes} min; ANC {anc_op} {anc} ×10⁹/L",
            ).format(
                **values,
                sustained_op=OP_SYMBOL[self.sustained_op],
                sustained=self.sustained_celsius,
                minutes_op=OP_SYMBOL[self.sustained_minutes_op],
                minutes=self.sustained_minutes,
            )
        return QT_TRANSLATE_NOOP(
            "FeverRules", "{rule}: single temperature {op} {celsius} °C; ANC {anc_op} {anc} ×10⁹/L"
        ).format(**values)


FN_RULES: dict[FnRuleName, FnRule] = {
    # IDSA 2010 [11][11b]: oral ≥38.3, or ≥38.0 sustained over 1 h; ANC <0.5 or expected
    # to fall below 0.5 in 48 h.
    FnRuleName.IDSA2010: FnRule(
        FnRuleName.IDSA2010,
        "IDSA 2010",
        ">=",
        Decimal("38.3"),
        ">=",
        Decimal("38.0"),
        ">=",
        60,
        "<",
        Decimal("0.5"),
        True,
    ),
    # CTCAE v5/v6 [4]: single >38.3, or ≥38.0 for more than one hour; ANC <1.0.
    FnRuleName.CTCAE: FnRule(
        FnRuleName.CTCAE,
        "CTCAE",
        ">",
        Decimal("38.3"),
        ">=",
        Decimal("38.0"),
        ">",
        60,
        "<",
        Decimal("1.0"),
        False,
    ),
    # ESMO 2016 [13]: >38.3, or two consecutive readings >38.0 for 2 h; ANC <0.5 or
    # expected to fall below 0.5.
    FnRuleName.ESMO: FnRule(
        FnRuleName.ESMO,
        "ESMO 2016",
        ">",
        Decimal("38.3"),
        ">",
        Decimal("38.0"),
        ">=",
        120,
        "<",
        Decimal("0.5"),
        True,
    ),
    # NICE CG151 [16c]: >38 °C; ANC ≤0.5.
    FnRuleName.NICE: FnRule(
        FnRuleName.NICE,
        "NICE CG151",
        ">",
        Decimal("38.0"),
        None,
        None,
        None,
        None,
        "<=",
        Decimal("0.5"),
        False,
    ),
}


@dataclass(frozen=True)
class Alert:
    """An alert over the chart: its kind, the rule behind it, when, and why."""

    kind: str
    rule: str
    at: datetime
    detail: str


def _febrile_single(rule: FnRule, celsius: Decimal) -> bool:
    return _OPS[rule.single_op](celsius, rule.single_celsius)


def _sustained_temp(rule: FnRule, celsius: Decimal) -> bool:
    if rule.sustained_op is None or rule.sustained_celsius is None:
        return False
    return _OPS[rule.sustained_op](celsius, rule.sustained_celsius)


def counts_as_fever(rule: FnRule, celsius: Decimal) -> bool:
    """Whether a reading is febrile under a rule (alone, or as part of a sustained run)."""
    return _febrile_single(rule, celsius) or _sustained_temp(rule, celsius)


def _fever_reason(rule: FnRule, temps: Sequence[Temperature], index: int) -> Text | None:
    """Why reading ``index`` completes a fever under ``rule``, or None."""
    reading = temps[index]
    if _febrile_single(rule, reading.celsius):
        return QT_TRANSLATE_NOOP("FeverRules", "temperature {celsius} °C").format(
            celsius=Number(plain(reading.celsius))
        )
    if not _sustained_temp(rule, reading.celsius) or rule.sustained_minutes is None:
        return None
    first = index
    while (
        first > 0
        and _sustained_temp(rule, temps[first - 1].celsius)
        and temps[first].taken - temps[first - 1].taken <= SUSTAINED_MAX_GAP
    ):
        first -= 1
    minutes = Decimal((reading.taken - temps[first].taken).total_seconds()) / 60
    assert rule.sustained_minutes_op is not None
    if first < index and _OPS[rule.sustained_minutes_op](minutes, Decimal(rule.sustained_minutes)):
        return QT_TRANSLATE_NOOP(
            "FeverRules", "temperature {readings} sustained {minutes} min"
        ).format(
            readings=Number(_fmt_span(temps[first : index + 1])), minutes=Number(plain(minutes))
        )
    return None


def _fmt_span(run: Sequence[Temperature]) -> str:
    return " → ".join(f"{plain(t.celsius)} °C" for t in run)


def _latest_anc(results: Sequence[LabResult], at: datetime) -> LabResult | None:
    """The latest result with an ANC taken in the 48 h up to ``at``."""
    best: LabResult | None = None
    for result in results:
        if result.anc is None or not at - ANC_LOOKBACK <= result.taken <= at:
            continue
        if best is None or result.taken > best.taken:
            best = result
    return best


def _episode_starts(rule: FnRule, temps: Sequence[Temperature]) -> list[int]:
    """For each reading, the index of the first reading of its febrile episode."""
    starts: list[int] = []
    for index, reading in enumerate(temps):
        febrile = _febrile_single(rule, reading.celsius) or _sustained_temp(rule, reading.celsius)
        previous = temps[index - 1] if index else None
        joined = (
            febrile
            and previous is not None
            and starts
            and (_febrile_single(rule, previous.celsius) or _sustained_temp(rule, previous.celsius))
            and reading.taken - previous.taken <= SUSTAINED_MAX_GAP
        )
        starts.append(starts[-1] if joined else index)
    return starts


def evaluate_fn(
    rule: FnRule,
    temps: Sequence[Temperature],
    results: Sequence[LabResult],
    day1s: Sequence[date],
    *,
    anc_expected_to_fall: bool = False,
    tz: tzinfo | None = None,
) -> list[Alert]:
    """Every febrile-neutropenia alert over a patient's chart, oldest first.

    ``temps`` and ``results`` may come in any order. ``anc_expected_to_fall`` is the
    clinician's judgement that the ANC will fall below the limit within 48 h, which
    IDSA and ESMO accept in place of a low ANC (docs/clinical-rules.md#febrile-neutropenia,
    #reference-cases case 15).
    """
    ordered = sorted(temps, key=lambda t: t.taken)
    starts = _episode_starts(rule, ordered)
    fired: set[tuple[int, str]] = set()
    alerts: list[Alert] = []
    for index, reading in enumerate(ordered):
        reason = _fever_reason(rule, ordered, index)
        if reason is None:
            continue
        alert = _alert_for(
            rule, reading, reason, results, day1s, anc_expected_to_fall=anc_expected_to_fall, tz=tz
        )
        if alert is not None and (starts[index], alert.kind) not in fired:
            fired.add((starts[index], alert.kind))
            alerts.append(alert)
    return alerts


def _alert_for(
    rule: FnRule,
    reading: Temperature,
    reason: Text,
    results: Sequence[LabResult],
    day1s: Sequence[date],
    *,
    anc_expected_to_fall: bool,
    tz: tzinfo | None,
) -> Alert | None:
    anc_result = _latest_anc(results, reading.taken)
    if anc_result is None:
        local_day = reading.taken.astimezone(tz).date()
        if not any(timedelta(0) <= local_day - d <= NO_ANC_WINDOW for d in day1s):
            return None
        return Alert(
            "possible_febrile_neutropenia",
            rule.label,
            reading.taken,
            QT_TRANSLATE_NOOP(
                "FeverRules",
                "{reason} with no ANC in the previous 48 h — possible neutropenic fever; "
                "take a CBC now ({rule})",
            ).format(reason=reason, rule=rule.describe()),
        )
    assert anc_result.anc is not None
    anc_met = _OPS[rule.anc_op](anc_result.anc, rule.anc_limit)
    expected = anc_expected_to_fall and rule.honours_expected_fall
    if not (anc_met or expected):
        return None
    taken = anc_result.taken.astimezone(tz)
    detail = (
        QT_TRANSLATE_NOOP("FeverRules", "{reason}; ANC {anc} ×10⁹/L at {taken} ({rule})")
        if anc_met
        else QT_TRANSLATE_NOOP(
            "FeverRules",
            "{reason}; ANC {anc} ×10⁹/L at {taken} (expected to fall below the limit within "
            "48 h) ({rule})",
        )
    )
    return Alert(
        "febrile_neutropenia",
        rule.label,
        reading.taken,
        detail.format(
            reason=reason,
            anc=Number(count_text(anc_result.anc)),
            taken=Moment(f"{taken:%Y-%m-%d %H:%M}"),
            rule=rule.describe(),
        ),
    )
