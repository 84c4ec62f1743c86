"""A patient's computed chart: every rule applied to the current records, in one place.

The window, the printouts, ``summary --json`` and the census all read this, so a rule is
applied the same way everywhere.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal

from wardchart.domain.cycles import assign_cycle, cycle_day
from wardchart.domain.fever import FN_RULES, Alert, evaluate_fn
from wardchart.domain.grading import Grade, grade_anc, grade_wbc
from wardchart.domain.merge_rules import ConflictMark
from wardchart.domain.nadir import (
    Nadir,
    NadirStatus,
    ReadinessCheck,
    find_nadir,
    find_recovery,
    nadir_marked,
    nadir_status,
    next_cycle_readiness,
)
from wardchart.domain.records import Cycle, GcsfDose, LabResult, Patient, Precaution, Temperature
from wardchart.domain.risk import RiskFlag, age_years, risk_flags
from wardchart.domain.settings import WardSettings

#: docs/clinical-rules.md#census-flags: "in nadir window and no CBC in 24 h" is flagged on the
#: census.
CBC_OVERDUE_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class ChartedResult:
    """A result with where it falls (cycle number, cycle day) and its grades."""

    result: LabResult
    cycle_number: int | None
    cycle_day: int | None
    anc_grade: Grade | None
    wbc_grade: Grade | None


@dataclass(frozen=True)
class CycleFindings:
    """What one cycle's results show: its nadir, recovery and readiness."""

    nadir: Nadir | None
    nadir_grade: Grade | None
    recovery: ChartedResult | None
    readiness: ReadinessCheck
    #: The current cycle, before the end of its window and not yet recovered: the lowest
    #: count so far, and the real nadir may still come.
    nadir_provisional: bool
    #: Whether the nadir is worth a marker on the chart (``nadir.nadir_marked``).
    nadir_marked: bool


@dataclass(frozen=True)
class CycleChart:
    """One cycle's results and what they show. The findings are worked out when first
    asked for, once: a patient selected shows one cycle of many, and the others are
    looked at only on the Cycles tab, in the overlay or in print."""

    cycle: Cycle
    results: tuple[ChartedResult, ...]
    #: The ward's recovery ANC (×10⁹/L) when the chart was computed.
    recovery_anc: Decimal
    #: Today's local date, given for the current cycle only.
    today: date | None = None

    @functools.cached_property
    def findings(self) -> CycleFindings:
        """The nadir, recovery and readiness of this cycle (``cycle_findings``)."""
        return cycle_findings(self.cycle, self.results, self.recovery_anc, self.today)

    @property
    def nadir(self) -> Nadir | None:
        """The lowest ANC of the cycle (``nadir.find_nadir``)."""
        return self.findings.nadir

    @property
    def nadir_grade(self) -> Grade | None:
        """The nadir's grade, as its result was graded."""
        return self.findings.nadir_grade

    @property
    def recovery(self) -> ChartedResult | None:
        """The first result after the nadir back at the recovery ANC."""
        return self.findings.recovery

    @property
    def readiness(self) -> ReadinessCheck:
        """Whether the latest counts allow the next cycle."""
        return self.findings.readiness

    @property
    def nadir_provisional(self) -> bool:
        """See ``CycleFindings.nadir_provisional``."""
        return self.findings.nadir_provisional

    @property
    def nadir_marked(self) -> bool:
        """See ``CycleFindings.nadir_marked``."""
        return self.findings.nadir_marked

    @property
    def window(self) -> tuple[int, int]:
        """The expected nadir window, first and last cycle day inclusive."""
        return self.cycle.nadir_start, self.cycle.nadir_end


@dataclass(frozen=True)
class CycleRecords:
    """The records that belong to one cycle (``PatientChart.records_of``), oldest first."""

    results: tuple[ChartedResult, ...]
    temperatures: tuple[Temperature, ...]
    gcsf_doses: tuple[GcsfDose, ...]
    alerts: tuple[Alert, ...]


@dataclass(frozen=True)
class PatientChart:
    """Everything the ward sees about one patient, computed at ``now``."""

    patient: Patient
    settings: WardSettings
    now: datetime
    tz: tzinfo | None
    baseline: tuple[ChartedResult, ...]
    cycles: tuple[CycleChart, ...]
    temperatures: tuple[Temperature, ...]
    gcsf_doses: tuple[GcsfDose, ...]
    precaution: Precaution | None
    alerts: tuple[Alert, ...]
    risk: tuple[RiskFlag, ...]
    #: Open conflicts among this patient's records after merging charts (see
    #: docs/merging.md): marked "conflict — review" wherever the records appear.
    conflicts: tuple[ConflictMark, ...] = ()
    #: ``records_of`` answers, by cycle: the chart and the records under it ask for the
    #: same cycle's on every selection (a chart is never changed once built).
    _records: dict[int, tuple[CycleChart | None, CycleRecords]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    @property
    def today(self) -> datetime:
        """Now, in local time."""
        return self.now.astimezone(self.tz)

    @property
    def age(self) -> int:
        """Age in completed years today."""
        return age_years(self.patient.dob, self.today.date())

    @property
    def current(self) -> CycleChart | None:
        """The latest cycle, if any."""
        return self.cycles[-1] if self.cycles else None

    @property
    def today_cycle_day(self) -> int | None:
        """Today's day in the current cycle."""
        current = self.current
        return None if current is None else cycle_day(current.cycle.day1, self.today.date())

    @property
    def nadir_status(self) -> NadirStatus | None:
        """Today against the current cycle's expected nadir window."""
        day, current = self.today_cycle_day, self.current
        return None if day is None or current is None else nadir_status(day, current.window)

    @property
    def all_results(self) -> tuple[ChartedResult, ...]:
        """Baseline and cycle results, oldest first."""
        return self.baseline + tuple(r for c in self.cycles for r in c.results)

    @property
    def latest_anc(self) -> ChartedResult | None:
        """The most recent result that has an ANC."""
        with_anc = [r for r in self.all_results if r.result.anc is not None]
        return with_anc[-1] if with_anc else None

    @property
    def cbc_overdue(self) -> bool:
        """In the nadir window and no CBC in the last 24 h (docs/clinical-rules.md#census-flags)."""
        if self.nadir_status is not NadirStatus.IN_WINDOW:
            return False
        results = self.all_results
        return not results or self.now - results[-1].result.taken > CBC_OVERDUE_AFTER

    @property
    def current_alerts(self) -> tuple[Alert, ...]:
        """Alerts raised since the current cycle's day 1 (all of them if no cycle)."""
        current = self.current
        if current is None:
            return self.alerts
        day1 = current.cycle.day1
        return tuple(a for a in self.alerts if a.at.astimezone(self.tz).date() >= day1)

    def period(self, cycle: CycleChart | None) -> tuple[date, date]:
        """The local dates whose records belong to a cycle, [start, end): from its day 1 to
        the next cycle's day 1; the first cycle also takes everything before its day 1
        (the baseline). None: the whole chart. See docs/clinical-rules.md."""
        if cycle is None or not self.cycles:
            return date.min, date.max
        later = [c.cycle.day1 for c in self.cycles if c.cycle.day1 > cycle.cycle.day1]
        start = date.min if cycle is self.cycles[0] else cycle.cycle.day1
        return start, min(later, default=date.max)

    def records_of(self, cycle: CycleChart | None) -> CycleRecords:
        """The results, temperatures, G-CSF doses and fever alerts shown and printed with
        a cycle (None: the whole chart): those on the local dates of its ``period``, so a
        record belongs to exactly one cycle, and the baseline goes with the first. The
        chart, the records under it and the printed summary all take them from here."""
        known = self._records.get(id(cycle))
        if known is not None and known[0] is cycle:
            return known[1]
        records = self._records_of(cycle)
        self._records[id(cycle)] = (cycle, records)
        return records

    def _records_of(self, cycle: CycleChart | None) -> CycleRecords:
        if cycle is None:
            results = self.all_results
        elif cycle is self.cycles[0]:
            results = self.baseline + cycle.results
        else:
            results = cycle.results
        start, end = self.period(cycle)

        def within(when: datetime) -> bool:
            return start <= when.astimezone(self.tz).date() < end

        return CycleRecords(
            results=results,
            temperatures=tuple(t for t in self.temperatures if within(t.taken)),
            gcsf_doses=tuple(d for d in self.gcsf_doses if within(d.given)),
            alerts=tuple(a for a in self.alerts if within(a.at)),
        )

    @property
    def precautions_active(self) -> bool:
        """Whether neutropenic precautions are in force."""
        return self.precaution is not None and self.precaution.active


def ward_anc_grade(anc: Decimal, lln: Decimal | None, settings: WardSettings) -> Grade:
    """An ANC (×10⁹/L) graded in the ward's CTCAE version, against the lab's lower limit of
    normal if the result has one, else the ward's default (docs/clinical-rules.md). The
    chart and the CBC dialog's preview both grade with this."""
    lln = settings.anc_lln_default if lln is None else lln
    return grade_anc(anc, settings.ctcae_version, lln)


def ward_wbc_grade(wbc: Decimal, lln: Decimal | None, settings: WardSettings) -> Grade:
    """A WBC graded as ``ward_anc_grade`` grades an ANC."""
    lln = settings.wbc_lln_default if lln is None else lln
    return grade_wbc(wbc, settings.ctcae_version, lln)


def _grades(result: LabResult, settings: WardSettings) -> tuple[Grade | None, Grade | None]:
    anc = None if result.anc is None else ward_anc_grade(result.anc, result.anc_lln, settings)
    wbc = None if result.wbc is None else ward_wbc_grade(result.wbc, result.wbc_lln, settings)
    return anc, wbc


def build_chart(  # noqa: PLR0917  the patient's record lists, in the order they are read
    patient: Patient,
    cycles: Sequence[Cycle],
    results: Sequence[LabResult],
    temperatures: Sequence[Temperature],
    gcsf_doses: Sequence[GcsfDose],
    precautions: Sequence[Precaution],
    settings: WardSettings,
    now: datetime,
    tz: tzinfo | None = None,
    *,
    anc_expected_to_fall: bool = False,
) -> PatientChart:
    """Apply every rule to a patient's current records."""
    ordered_cycles = sorted(cycles, key=lambda c: c.day1)
    day1s = [c.day1 for c in ordered_cycles]
    per_cycle: list[list[ChartedResult]] = [[] for _ in ordered_cycles]
    baseline: list[ChartedResult] = []
    for result in sorted(results, key=lambda r: r.taken):
        on = result.taken.astimezone(tz).date()
        index = assign_cycle(day1s, on)
        anc_grade, wbc_grade = _grades(result, settings)
        if index is None:
            day = cycle_day(day1s[0], on) if day1s else None
            baseline.append(ChartedResult(result, None, day, anc_grade, wbc_grade))
        else:
            cycle = ordered_cycles[index]
            per_cycle[index].append(
                ChartedResult(result, cycle.number, cycle_day(cycle.day1, on), anc_grade, wbc_grade)
            )
    today = now.astimezone(tz).date()
    charts = tuple(
        CycleChart(c, tuple(rs), settings.recovery_anc, today if c is ordered_cycles[-1] else None)
        for c, rs in zip(ordered_cycles, per_cycle, strict=True)
    )
    alerts = evaluate_fn(
        FN_RULES[settings.fn_rule],
        temperatures,
        results,
        day1s,
        anc_expected_to_fall=anc_expected_to_fall,
        tz=tz,
    )
    latest_precaution = max(precautions, key=lambda p: p.at, default=None)
    return PatientChart(
        patient=patient,
        settings=settings,
        now=now,
        tz=tz,
        baseline=tuple(baseline),
        cycles=charts,
        temperatures=tuple(sorted(temperatures, key=lambda t: t.taken)),
        gcsf_doses=tuple(sorted(gcsf_doses, key=lambda d: d.given)),
        precaution=latest_precaution,
        alerts=tuple(alerts),
        risk=tuple(risk_flags(patient, now.astimezone(tz).date())),
    )


def cycle_findings(
    cycle: Cycle, results: Sequence[ChartedResult], recovery_anc: Decimal, today: date | None
) -> CycleFindings:
    """What one cycle's results show; ``today`` is given for the current cycle only."""
    pairs = [(r.result, r.cycle_day or 0) for r in results]
    nadir = find_nadir(pairs)
    nadir_grade = None
    if nadir is not None:
        nadir_grade = next(r.anc_grade for r in results if r.result is nadir.result)
    recovery_pair = find_recovery(pairs, nadir, recovery_anc)
    recovery = None
    if recovery_pair is not None:
        recovery = next(r for r in results if r.result is recovery_pair[0])
    latest = next((r.result for r in reversed(results) if r.result.anc is not None), None)
    provisional = (
        today is not None
        and nadir is not None
        and recovery is None
        and cycle_day(cycle.day1, today) <= cycle.nadir_end
    )
    return CycleFindings(
        nadir,
        nadir_grade,
        recovery,
        next_cycle_readiness(cycle, latest),
        provisional,
        nadir_marked(nadir, recovery_anc),
    )
