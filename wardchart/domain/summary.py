"""The computed chart as plain JSON-ready data (``wardchart summary --json``).

Times are ISO 8601 local time with the UTC offset; counts are JSON numbers in ×10⁹/L,
unrounded (rounding is for display only); grades are integers 0–4 or None.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from wardchart.domain.chart import ChartedResult, PatientChart
from wardchart.domain.grading import Grade
from wardchart.domain.result_csv import RESULT_KIND, VALUES, export_columns
from wardchart.domain.timeparse import iso_local
from wardchart.domain.units import plain


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)


def _text(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def _grade(grade: Grade | None) -> int | None:
    return None if grade is None else grade.grade


def _result(item: ChartedResult, chart: PatientChart) -> dict[str, Any]:
    r = item.result
    return {
        "id": r.id,
        "taken": iso_local(r.taken, chart.tz),
        "cycle": item.cycle_number,
        "cycle_day": item.cycle_day,
        "wbc": _num(r.wbc),
        "anc": _num(r.anc),
        "anc_source": r.anc_source,
        "neut_pct": _num(r.neut_pct),
        "bands_pct": _num(r.bands_pct),
        "platelets": _num(r.platelets),
        "anc_lln": _num(r.anc_lln),
        "wbc_lln": _num(r.wbc_lln),
        "anc_grade": _grade(item.anc_grade),
        "wbc_grade": _grade(item.wbc_grade),
        "source": r.source,
        "recorded_by": r.recorded_by,
        "corrected": r.corrected,
        "lab_status": r.lab_status,
    }


def chart_summary(chart: PatientChart) -> dict[str, Any]:
    """One JSON object with the patient, every cycle, its nadir and recovery, and alerts."""
    tz = chart.tz
    p = chart.patient
    cycles = []
    for c in chart.cycles:
        nadir = None
        if c.nadir is not None:
            nadir = {
                "anc": _num(c.nadir.anc),
                "cycle_day": c.nadir.cycle_day,
                "taken": iso_local(c.nadir.result.taken, tz),
                "grade": _grade(c.nadir_grade),
                "provisional": c.nadir_provisional,
            }
        cycles.append(
            {
                "number": c.cycle.number,
                "regimen": c.cycle.regimen_name,
                "day1": c.cycle.day1.isoformat(),
                "cycle_length_days": c.cycle.cycle_length_days,
                "nadir_window": [c.cycle.nadir_start, c.cycle.nadir_end],
                "nadir": nadir,
                "recovery_day": None if c.recovery is None else c.recovery.cycle_day,
                "next_cycle": {"status": c.readiness.status, "reason": c.readiness.reason},
                "results": [_result(r, chart) for r in c.results],
            }
        )
    return {
        "patient": {
            "mrn": p.mrn,
            "name": p.name,
            "dob": p.dob.isoformat(),
            "sex": p.sex,
            "bed": p.bed,
            "diagnosis": p.diagnosis,
            "age": chart.age,
        },
        "generated_at": iso_local(chart.now, tz),
        "ctcae_version": chart.settings.ctcae_version.value,
        "fn_rule": chart.settings.fn_rule.value,
        "today_cycle": None if chart.current is None else chart.current.cycle.number,
        "today_cycle_day": chart.today_cycle_day,
        "nadir_status": None if chart.nadir_status is None else chart.nadir_status.value,
        "risk_flags": [f.label for f in chart.risk],
        "precautions": chart.precautions_active,
        "baseline": [_result(r, chart) for r in chart.baseline],
        "cycles": cycles,
        "temperatures": [
            {"taken": iso_local(t.taken, tz), "celsius": _num(t.celsius), "route": t.route}
            for t in chart.temperatures
        ],
        "gcsf_doses": [
            {"given": iso_local(d.given, tz), "drug": d.drug, "dose": d.dose}
            for d in chart.gcsf_doses
        ],
        "alerts": [
            {"kind": a.kind, "rule": a.rule, "at": iso_local(a.at, tz), "detail": a.detail}
            for a in chart.alerts
        ],
    }


def export_rows(chart: PatientChart) -> list[dict[str, Any]]:
    """Every current record of a chart as flat rows with its computed values (CSV export).

    Result rows follow the layout ``import`` reads back (see docs/csv.md)."""
    p, tz = chart.patient, chart.tz
    who = {"mrn": p.mrn, "name": p.name, "dob": p.dob.isoformat()}
    version = chart.settings.ctcae_version.value
    rows: list[dict[str, Any]] = []
    for c in chart.cycles:
        rows.append(
            {
                **who,
                "kind": "cycle",
                "id": c.cycle.id,
                "time": c.cycle.day1.isoformat(),
                "cycle": c.cycle.number,
                "cycle_day": 1,
                "regimen": c.cycle.regimen_name,
                "detail": f"nadir window {c.window[0]}-{c.window[1]}",
            }
        )
    for item in chart.all_results:
        result = _result(item, chart)
        # Exact decimals, never a float's rounding or exponent: import reads them back.
        exact = {name: _text(getattr(item.result, name)) for name in VALUES}
        rows.append(
            {
                **who,
                "kind": RESULT_KIND,
                "id": result.pop("id"),
                "time": result.pop("taken"),
                **result,
                **exact,
                **export_columns(exact),
                "ctcae_version": version,
            }
        )
    for t in chart.temperatures:
        rows.append(
            {
                **who,
                "kind": "temperature",
                "id": t.id,
                "time": iso_local(t.taken, tz),
                "celsius": _num(t.celsius),
                "route": t.route,
                "recorded_by": t.recorded_by,
            }
        )
    for d in chart.gcsf_doses:
        rows.append(
            {
                **who,
                "kind": "gcsf",
                "id": d.id,
                "time": iso_local(d.given, tz),
                "drug": d.drug,
                "dose": d.dose,
                "recorded_by": d.recorded_by,
            }
        )
    if chart.precaution is not None:
        pr = chart.precaution
        rows.append(
            {
                **who,
                "kind": "precautions",
                "id": pr.id,
                "time": iso_local(pr.at, tz),
                "detail": "on" if pr.active else "off",
                "recorded_by": pr.recorded_by,
            }
        )
    for a in chart.alerts:
        rows.append(
            {**who, "kind": a.kind, "time": iso_local(a.at, tz), "rule": a.rule, "detail": a.detail}
        )
    return rows
