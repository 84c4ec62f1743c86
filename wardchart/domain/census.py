"""One census line per patient: what the ward sees at a glance (issue 3, DN §2)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from wardchart.domain.chart import PatientChart
from wardchart.domain.units import display


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
        anc_text = f"{display(latest.result.anc)} · {age_text(latest.result.taken, chart.now)}"
        if latest.anc_grade is not None:
            grade = latest.anc_grade.grade
            grade_text = f"{latest.anc_grade.short} (v{latest.anc_grade.version})"
    # Most urgent first, so a narrow column still shows what matters.
    flags: list[str] = []
    kinds = {a.kind for a in chart.current_alerts}
    if "febrile_neutropenia" in kinds:
        flags.append("FN alert")
    elif "possible_febrile_neutropenia" in kinds:
        flags.append("possible FN")
    if chart.cbc_overdue:
        flags.append("no CBC 24 h")
    if chart.precautions_active:
        flags.append("precautions")
    flags += [f.code for f in chart.risk]
    return CensusRow(
        patient_id=chart.patient.id,
        bed=chart.patient.bed,
        name=chart.patient.name,
        mrn=chart.patient.mrn,
        regimen="" if current is None else current.cycle.regimen_name,
        cycle_day="" if current is None else f"C{current.cycle.number} D{chart.today_cycle_day}",
        latest_anc=anc_text,
        anc_grade=grade,
        anc_grade_text=grade_text,
        nadir_status="" if chart.nadir_status is None else chart.nadir_status.value,
        flags=tuple(flags),
        readiness="" if current is None else current.readiness.status,
    )
