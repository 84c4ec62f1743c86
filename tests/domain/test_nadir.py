"""Nadir, recovery, window status and next-cycle readiness (docs/clinical-rules.md#nadir-window,
#next-cycle-day-1-thresholds, #reference-cases case 22)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from wardchart.domain.nadir import (
    Nadir,
    NadirStatus,
    find_nadir,
    find_recovery,
    nadir_marked,
    nadir_status,
    next_cycle_readiness,
)
from wardchart.domain.records import Cycle, LabResult

D = Decimal
T0 = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def result(day: int, anc: str | None, platelets: str | None = None) -> tuple[LabResult, int]:
    r = LabResult(
        f"r{day}",
        "p",
        T0 + timedelta(days=day - 1),
        anc=None if anc is None else D(anc),
        anc_source=None if anc is None else "lab",
        platelets=None if platelets is None else D(platelets),
    )
    return r, day


def cycle(**overrides: object) -> Cycle:
    values: dict[str, object] = {
        "id": "c",
        "patient_id": "p",
        "number": 1,
        "regimen_name": "AC",
        "day1": date(2026, 3, 2),
        "cycle_length_days": 21,
        "nadir_start": 7,
        "nadir_end": 14,
    }
    values.update(overrides)
    return Cycle(**values)  # type: ignore[arg-type]


def test_nadir_is_the_lowest_and_the_earliest_on_a_tie() -> None:
    results = [
        result(1, "4.0"),
        result(9, "0.4"),
        result(11, "0.4"),
        result(14, "1.0"),
        result(12, None),
    ]
    nadir = find_nadir(results)
    assert nadir is not None
    assert (nadir.anc, nadir.cycle_day) == (D("0.4"), 9)


def test_no_anc_no_nadir() -> None:
    assert find_nadir([result(3, None)]) is None
    assert find_recovery([result(3, None)], None) is None


def test_recovery_is_the_first_result_after_the_nadir_at_or_above_1_5() -> None:
    results = [
        result(1, "3.0"),
        result(10, "0.3"),
        result(12, "1.49"),
        result(14, "1.5"),
        result(16, "2.5"),
    ]
    nadir = find_nadir(results)
    recovery = find_recovery(results, nadir)
    assert recovery is not None
    assert recovery[1] == 14
    assert find_recovery(results[:3], nadir) is None


def test_recovery_threshold_is_configurable() -> None:
    results = [result(10, "0.3"), result(12, "1.1"), result(14, "1.6")]
    recovery = find_recovery(results, find_nadir(results), D("1.0"))
    assert recovery is not None
    assert recovery[1] == 12


def test_window_status_is_inclusive() -> None:
    assert nadir_status(6, (7, 14)) is NadirStatus.BEFORE
    assert nadir_status(7, (7, 14)) is NadirStatus.IN_WINDOW
    assert nadir_status(14, (7, 14)) is NadirStatus.IN_WINDOW
    assert nadir_status(15, (7, 14)) is NadirStatus.PAST


def test_case_22_paclitaxel_needs_strictly_above() -> None:
    paclitaxel = cycle(anc_threshold=D("1.5"), anc_op=">", plt_threshold=D(100), plt_op=">")
    assert next_cycle_readiness(paclitaxel, result(21, "1.4", "120")[0]).status == "not ready"
    assert next_cycle_readiness(paclitaxel, result(21, "1.6", "110")[0]).status == "ready"
    assert next_cycle_readiness(paclitaxel, result(21, "1.5", "110")[0]).status == "not ready"
    assert next_cycle_readiness(paclitaxel, result(21, "1.6", "100")[0]).status == "not ready"


def test_docetaxel_allows_exactly_1_5() -> None:
    docetaxel = cycle(anc_threshold=D("1.5"), anc_op=">=", plt_threshold=None)
    assert next_cycle_readiness(docetaxel, result(21, "1.5")[0]).status == "ready"
    assert next_cycle_readiness(docetaxel, result(21, "1.49")[0]).status == "not ready"


def test_case_22_abvd_proceeds_irrespective_of_anc() -> None:
    abvd = cycle(regimen_name="ABVD", anc_threshold=None, plt_threshold=None)
    check = next_cycle_readiness(abvd, result(15, "0.4")[0])
    assert check.status == "not required"
    assert "irrespective" in check.reason


def test_missing_counts_are_not_guessed() -> None:
    c = cycle(anc_threshold=D("1.5"), plt_threshold=D(100))
    assert next_cycle_readiness(c, None).status == "no count"
    # An ANC without a platelet count is not "no count": the nurse is told what is missing.
    assert next_cycle_readiness(c, result(21, "2.0")[0]).status == "no platelet count"


def _nadir(anc: str) -> Nadir:
    result = LabResult("r", "p", datetime(2025, 3, 3, 7, tzinfo=UTC), anc=Decimal(anc))
    return Nadir(result, Decimal(anc), 1)


def test_a_nadir_marker_only_for_a_count_below_the_neutropenic_line() -> None:
    line = Decimal("1.5")
    assert not nadir_marked(None, line)
    assert not nadir_marked(_nadir("3.97"), line)  # a normal day-1 count
    assert not nadir_marked(_nadir("1.5"), line)  # on the line: not neutropenic
    assert nadir_marked(_nadir("1.49"), line)
    assert nadir_marked(_nadir("0.0"), line)
    assert not nadir_marked(_nadir("1.2"), Decimal("1.0"))  # a ward with a lower line
