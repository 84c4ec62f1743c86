"""Per-cycle nadir, expected window, recovery and next-cycle readiness
(docs/clinical-rules.md#nadir-window, #next-cycle-day-1-thresholds)."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from wardchart.domain.records import Cycle, LabResult, ThresholdOp
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Text
from wardchart.domain.units import OP_SYMBOL

#: Recovery is the first result after the nadir with ANC ≥ 1.5 ×10⁹/L
#: (configurable per ward); 1.5 is the common "neutropenic" line [11c]; see
#: docs/clinical-rules.md#nadir-and-recovery.
DEFAULT_RECOVERY_ANC = Decimal("1.5")
#: docs/clinical-rules.md#nadir-window: days 7–14 cover [18][19][20]; used when the regimen gives no
#: window.
DEFAULT_NADIR_WINDOW = (7, 14)

_OPS = {">=": operator.ge, ">": operator.gt}


@dataclass(frozen=True)
class Nadir:
    """The lowest ANC of a cycle (earliest on a tie) and its cycle day."""

    result: LabResult
    anc: Decimal
    cycle_day: int


class NadirStatus(StrEnum):
    """Where today falls against the cycle's expected nadir window."""

    BEFORE = "before"
    IN_WINDOW = "in window"
    PAST = "past"


def find_nadir(results: Sequence[tuple[LabResult, int]]) -> Nadir | None:
    """The lowest ANC among (result, cycle day) pairs; the earliest wins a tie."""
    best: Nadir | None = None
    for result, day in sorted(results, key=lambda pair: pair[0].taken):
        if result.anc is None:
            continue
        if best is None or result.anc < best.anc:
            best = Nadir(result, result.anc, day)
    return best


def nadir_marked(nadir: Nadir | None, neutropenic_below: Decimal) -> bool:
    """Whether a cycle's lowest ANC earns a nadir marker on the chart.

    Only a count that fell below ``neutropenic_below`` (the ward's recovery line, 1.5
    ×10⁹/L by default: where neutropenia starts) is a nadir worth pointing at. A lowest
    count at or above it (a normal day-1 value, or a value before the fall has begun) is
    just the smallest number seen so far, and a star on it would read as a nadir that did
    not happen. The rule and its source: see docs/chart.md.
    """
    return nadir is not None and nadir.anc < neutropenic_below


def find_recovery(
    results: Sequence[tuple[LabResult, int]],
    nadir: Nadir | None,
    threshold: Decimal = DEFAULT_RECOVERY_ANC,
) -> tuple[LabResult, int] | None:
    """The first result after the nadir with ANC ≥ ``threshold``
    (docs/clinical-rules.md#nadir-and-recovery)."""
    if nadir is None:
        return None
    for result, day in sorted(results, key=lambda pair: pair[0].taken):
        later = result.taken > nadir.result.taken
        if later and result.anc is not None and result.anc >= threshold:
            return result, day
    return None


def nadir_status(day_today: int, window: tuple[int, int]) -> NadirStatus:
    """Before, inside or past the expected nadir window, both ends inclusive."""
    if day_today < window[0]:
        return NadirStatus.BEFORE
    if day_today <= window[1]:
        return NadirStatus.IN_WINDOW
    return NadirStatus.PAST


Readiness = Literal["ready", "not ready", "no count", "no platelet count", "not required"]
#: The statuses as people read them (compared and exported in English, shown translated).
READINESS_WORDS: dict[str, Text] = {
    "ready": QT_TRANSLATE_NOOP("Readiness", "ready"),
    "not ready": QT_TRANSLATE_NOOP("Readiness", "not ready"),
    "no count": QT_TRANSLATE_NOOP("Readiness", "no count"),
    "no platelet count": QT_TRANSLATE_NOOP("Readiness", "no platelet count"),
    "not required": QT_TRANSLATE_NOOP("Readiness", "not required"),
}


@dataclass(frozen=True)
class ReadinessCheck:
    """Whether the latest counts meet the regimen's day-1 thresholds
    (docs/clinical-rules.md#next-cycle-day-1-thresholds)."""

    status: Readiness
    reason: str

    @property
    def words(self) -> Text:
        """The status as people read it (translated where it is shown)."""
        return READINESS_WORDS[self.status]


def _meets(value: Decimal, op: ThresholdOp, limit: Decimal) -> bool:
    return bool(_OPS[op](value, limit))


def next_cycle_readiness(cycle: Cycle, latest: LabResult | None) -> ReadinessCheck:
    """Check the latest CBC against the cycle's regimen thresholds.

    The operator is the regimen's: paclitaxel retreats only when ANC > 1.5 and platelets
    > 100, docetaxel is withheld only when ANC < 1.5, so 1.5 passes
    (docs/clinical-rules.md#next-cycle-day-1-thresholds, #reference-cases case 22). A regimen
    without an ANC threshold proceeds irrespective of ANC (ABVD [32]).
    """
    if cycle.anc_threshold is None:
        return ReadinessCheck(
            "not required",
            QT_TRANSLATE_NOOP("Readiness", "{regimen} is given irrespective of the ANC").format(
                regimen=cycle.regimen_name
            ),
        )
    if latest is None or latest.anc is None:
        return ReadinessCheck("no count", QT_TRANSLATE_NOOP("Readiness", "no ANC since day 1"))
    anc = {"op": OP_SYMBOL[cycle.anc_op], "anc": cycle.anc_threshold}
    ok = _meets(latest.anc, cycle.anc_op, cycle.anc_threshold)
    if cycle.plt_threshold is None:
        needs = QT_TRANSLATE_NOOP("Readiness", "needs ANC {op} {anc} ×10⁹/L").format(**anc)
    else:
        both = {**anc, "plt_op": OP_SYMBOL[cycle.plt_op], "platelets": cycle.plt_threshold}
        if latest.platelets is None:
            return ReadinessCheck(
                "no platelet count",
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "needs ANC {op} {anc} and platelets {plt_op} {platelets}; no platelet count",
                ).format(**both),
            )
        ok = ok and _meets(latest.platelets, cycle.plt_op, cycle.plt_threshold)
        needs = QT_TRANSLATE_NOOP(
            "Readiness", "needs ANC {op} {anc} and platelets {plt_op} {platelets} ×10⁹/L"
        ).format(**both)
    status: Readiness = "ready" if ok else "not ready"
    return ReadinessCheck(status, needs)
