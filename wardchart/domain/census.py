"""One census line per patient: what the ward sees at a glance (see
docs/clinical-rules.md#census-flags)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from wardchart.domain.chart import PatientChart
from wardchart.domain.display import count_text, lab_mark
from wardchart.domain.fever import ANC_LOOKBACK, SUSTAINED_MAX_GAP, FnRule, counts_as_fever
from wardchart.domain.records import Temperature
from wardchart.domain.texts import QT_TRANSLATE_NOOP

#: A census line is computed from the records since this long before the current cycle's
#: day 1 (see ``recent_records_suffice``); storage loads that much for every patient.
RECENT_MARGIN = timedelta(days=10)


#: The flag of a patient with records in conflict after merging charts (docs/merging.md).
CONFLICT_FLAG = QT_TRANSLATE_NOOP("CensusLine", "conflict")
#: The other flags, most urgent first (compared and stored in English, shown translated).
FN_FLAG = QT_TRANSLATE_NOOP("CensusLine", "FN alert")
POSSIBLE_FN_FLAG = QT_TRANSLATE_NOOP("CensusLine", "possible FN")
NO_CBC_FLAG = QT_TRANSLATE_NOOP("CensusLine", "no CBC 24 h")
PRECAUTIONS_FLAG = QT_TRANSLATE_NOOP("CensusLine", "precautions")
#: Where today falls against the expected nadir window, as people read it.
NADIR_WORDS = {
    "before": QT_TRANSLATE_NOOP("CensusLine", "before"),
    "in window": QT_TRANSLATE_NOOP("CensusLine", "in window"),
    "past": QT_TRANSLATE_NOOP("CensusLine", "past"),
}
#: Today's cycle and cycle day, as the census shows it ("C3 D12").
CYCLE_DAY = QT_TRANSLATE_NOOP("CensusLine", "C{cycle} D{day}")


@dataclass(frozen=True)
class CensusRow:
    """A patient's census line, as text that never relies on colour."""

    patient_id: str
    bed: str
    name: str
    mrn: str
    regimen: str
    cycle_day: str
    latest_anc: str
    anc_grade: int | None
    anc_grade_text: str
    nadir_status: str
    flags: tuple[str, ...]
    readiness: str


def bed_sort_key(bed: str) -> tuple[int | str, ...]:
    """Sort beds as people read them: "4A-2" before "4A-10"."""
    return tuple(int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", bed))


def age_text(then: datetime, now: datetime) -> str:
    """How old a result is, in the largest sensible unit: "35 min", "6 h", "3 d"."""
    minutes = max(0, int((now - then).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} d"


def census_row(chart: PatientChart) -> CensusRow:
    """Summarise a chart for the census."""
    current = chart.current
    latest = chart.latest_anc
    anc_text, grade, grade_text = "—", None, ""
    if latest is not None and latest.result.anc is not None:
        mark = lab_mark(latest.result.lab_status)
        anc_text = (
            f"{count_text(latest.result.anc)}{mark} · {age_text(latest.result.taken, chart.now)}"
        )
        if latest.anc_grade is not None:
            grade = latest.anc_grade.grade
            grade_text = f"{latest.anc_grade.short} (v{latest.anc_grade.version})"
    # Most urgent first, so a narrow column still shows what matters.
    flags: list[str] = []
    kinds = {a.kind for a in chart.current_alerts}
    if "febrile_neutropenia" in kinds:
        flags.append(FN_FLAG)
    elif "possible_febrile_neutropenia" in kinds:
        flags.append(POSSIBLE_FN_FLAG)
    if chart.conflicts:
        flags.append(CONFLICT_FLAG)
    if chart.cbc_overdue:
        flags.append(NO_CBC_FLAG)
    if chart.precautions_active:
        flags.append(PRECAUTIONS_FLAG)
    flags += [f.code for f in chart.risk]
    return CensusRow(
        patient_id=chart.patient.id,
        bed=chart.patient.bed,
        name=chart.patient.name,
        mrn=chart.patient.mrn,
        regimen="" if current is None else current.cycle.regimen_name,
        cycle_day=""
        if current is None
        else CYCLE_DAY.format(cycle=current.cycle.number, day=chart.today_cycle_day),
        latest_anc=anc_text,
        anc_grade=grade,
        anc_grade_text=grade_text,
        nadir_status="" if chart.nadir_status is None else NADIR_WORDS[chart.nadir_status.value],
        flags=tuple(flags),
        readiness="" if current is None else current.readiness.words,
    )


def recent_since(day1: date) -> date:
    """The UTC date from which storage loads a patient's results and temperatures for the
    census: ``RECENT_MARGIN`` before the current cycle's day 1."""
    return day1 - RECENT_MARGIN


def recent_records_suffice(
    rule: FnRule, temps: Sequence[Temperature], loaded_from: datetime
) -> bool:
    """Whether records taken at or after ``loaded_from`` give the same census line as the
    whole chart. The census reads only the current cycle (latest results are fetched
    separately) and the alerts raised on or after its day 1 (``current_alerts``). Such an
    alert depends on its febrile episode back to the episode's first reading (sustained
    runs and one alert per episode, docs/clinical-rules.md#neutropenic-precautions) and on the ANC
    in the 48 h before each of its readings (docs/clinical-rules.md#febrile-neutropenia). So: the
    episode holding the first reading from the day before day 1 (any time zone) must start, less
    48 h, after ``loaded_from``; else load it all.
    """
    ordered = sorted(temps, key=lambda t: t.taken)
    cut = loaded_from + RECENT_MARGIN - timedelta(days=2)
    first = next((i for i, t in enumerate(ordered) if t.taken >= cut), None)
    if first is None:
        return True
    start = first
    while (
        start > 0
        and counts_as_fever(rule, ordered[start].celsius)
        and counts_as_fever(rule, ordered[start - 1].celsius)
        and ordered[start].taken - ordered[start - 1].taken <= SUSTAINED_MAX_GAP
    ):
        start -= 1
    if start == 0 and ordered[0].taken - SUSTAINED_MAX_GAP <= loaded_from:
        return False  # the episode may reach back before what was loaded
    return ordered[start].taken - ANC_LOOKBACK >= loaded_from


def with_conflict_flag(row: CensusRow) -> CensusRow:
    """A census line with the conflict flag, after any febrile-neutropenia flag (the line
    was made without the patient's conflicts)."""
    if CONFLICT_FLAG in row.flags:
        return row
    urgent = [f for f in row.flags if f in (FN_FLAG, POSSIBLE_FN_FLAG)]
    rest = [f for f in row.flags if f not in urgent]
    return replace(row, flags=(*urgent, CONFLICT_FLAG, *rest))
