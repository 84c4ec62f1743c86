"""The two printed documents: a patient's chart summary and the ward handover sheet.

Content follows docs/clinical-rules.md#printed-summaries: two identifiers on every page (name with
MRN and date of birth; the bed is location only), 24-hour times with the UTC offset, units, the
CTCAE version with every grade, and the rule behind every alert. Nothing relies on colour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from wardchart import __version__
from wardchart.domain.census import CONFLICT_FLAG, bed_sort_key, census_row
from wardchart.domain.chart import CycleChart, PatientChart
from wardchart.domain.display import (
    PRELIMINARY_NOTE,
    count_text,
    grade_text,
    lab_mark,
    result_note,
    time_text,
)
from wardchart.domain.fever import FN_RULES, counts_as_fever
from wardchart.domain.merge_rules import REVIEW, marks_for
from wardchart.domain.units import display, plain
from wardchart.report.layout import Block, PageFrame, Paragraph, Table

#: docs/clinical-rules.md#printed-summaries [14]: ASCO/IDSA 2018 — empirical antibiotics within 1 h
#: of triage.
ESCALATION = (
    "Suspected neutropenic fever is an emergency: escalate now; empirical "
    "antibiotics within 1 hour of triage (ASCO/IDSA 2018)."
)


@dataclass(frozen=True)
class PrintContext:
    """Who prints, when, from which file: the footer of every page."""

    printed_by: str
    printed_at: datetime
    chart_file: Path
    ward_name: str = ""
    #: The audit chain head when printed, short form ("42-3f9a2c1b7d0e5a44"): every page
    #: anchors the chart's history outside the file (see docs/tamper-evidence.md).
    audit_head: str = field(kw_only=True)

    def footer(self) -> list[str]:
        """The two footer lines; "{page}" and "{pages}" are filled in per page. Each is
        printed on one line: the page number and the audit head come first and stay whole;
        only the chart file's name, last, is shortened if the line is too long."""
        at = self.printed_at.astimezone()
        offset = at.isoformat()[-6:]  # "+01:00"
        return [
            "page {page} of {pages} · "
            f"printed by {self.printed_by} at {at:%Y-%m-%d %H:%M} (UTC{offset}) · "
            f"wardchart {__version__}",
            f"audit head {self.audit_head} · chart file {self.chart_file.name}",
        ]


def selected_cycle(chart: PatientChart, number: int | None) -> CycleChart | None:
    """The cycle to print: ``number``, else the current one."""
    if number is None:
        return chart.current
    return next((c for c in chart.cycles if c.cycle.number == number), None)


# --- patient chart summary ----------------------------------------------------------------


def patient_frame(
    chart: PatientChart, cycle: CycleChart | None, context: PrintContext
) -> PageFrame:
    """Header: two identifiers, location, regimen, cycle, day 1, today's cycle day."""
    p = chart.patient
    ids = f"{p.name} · MRN {p.mrn} · DOB {p.dob:%Y-%m-%d} (age {chart.age})"
    ward = f"ward {context.ward_name}, " if context.ward_name else ""
    where = f"Location (not an identifier): {ward}bed {p.bed or '—'}"
    if cycle is None:
        regimen = "No cycle started"
    else:
        c = cycle.cycle
        today = (
            f"today day {chart.today_cycle_day} of cycle {chart.current.cycle.number}"
            if (chart.current is not None)
            else ""
        )
        regimen = f"{c.regimen_name} · cycle {c.number} · day 1 {c.day1:%Y-%m-%d} · {today}"
    rules = (
        f"Grades: CTCAE v{chart.settings.ctcae_version} · fever rule: "
        f"{FN_RULES[chart.settings.fn_rule].label}"
    )
    return PageFrame(
        header=[ids, f"{where} · {regimen}", rules],
        footer=context.footer(),
        title="Neutropenia chart summary",
    )


def patient_blocks(
    chart: PatientChart, cycle: CycleChart | None, figure: Block | None
) -> list[Block]:
    """The body of a patient summary."""
    tz = chart.tz
    blocks: list[Block] = conflict_paragraphs(chart)
    if figure is not None:
        blocks.append(figure)
    blocks += _cycle_paragraphs(chart, cycle)
    blocks.append(
        Paragraph(
            "Neutropenic precautions: "
            + ("ON" if chart.precautions_active else "off")
            + (
                ""
                if chart.precaution is None
                else (
                    f" (since {time_text(chart.precaution.at, tz)}, {chart.precaution.recorded_by})"
                )
            ),
            bold=chart.precautions_active,
        )
    )
    if chart.alerts:
        blocks.append(Paragraph("Febrile-neutropenia alerts", bold=True, space_after=2))
        for alert in chart.alerts:
            kind = (
                "FEBRILE NEUTROPENIA"
                if alert.kind == "febrile_neutropenia"
                else "POSSIBLE FEBRILE NEUTROPENIA (no recent ANC)"
            )
            blocks.append(
                Paragraph(
                    f"{time_text(alert.at, tz)} — {kind} [{alert.rule}]: {alert.detail}",
                    space_after=2,
                )
            )
        blocks.append(Paragraph(ESCALATION, bold=True))
    records = chart.records_of(cycle)
    results = records.results
    version = chart.settings.ctcae_version
    rows = []
    for item in results:
        r = item.result
        lln = chart.settings.anc_lln_default if r.anc_lln is None else r.anc_lln
        rows.append(
            [
                time_text(r.taken, tz),
                "" if item.cycle_day is None else str(item.cycle_day),
                "" if r.wbc is None else count_text(r.wbc) + lab_mark(r.lab_status),
                "" if r.anc is None else count_text(r.anc) + lab_mark(r.lab_status),
                {"computed": "computed", "lab": "lab"}.get(r.anc_source or "", ""),
                "×10⁹/L",
                "" if lln is None else plain(lln),
                grade_text(item.anc_grade),
                grade_text(item.wbc_grade),
                r.recorded_by,
                _with_mark(result_note(r.corrected, r.lab_status), chart, r.id),
            ]
        )
    if any(item.result.lab_status == "preliminary" for item in results):
        blocks.append(Paragraph(PRELIMINARY_NOTE, bold=True))
    title = "Results" if cycle is None else f"Results — cycle {cycle.cycle.number}"
    blocks.append(
        Table(
            [
                "Collected (24 h)",
                "Day",
                "WBC",
                "ANC",
                "ANC from",
                "Unit",
                "ANC LLN",
                f"ANC grade (v{version})",
                f"WBC grade (v{version})",
                "Entered by",
                "Note",
            ],
            rows,
            [14, 5, 6, 6, 8, 7, 7, 10, 10, 13, 8],
            title=title,
        )
    )
    rule = FN_RULES[chart.settings.fn_rule]
    suffix = "" if cycle is None else f" — cycle {cycle.cycle.number}"
    temperatures = [
        [
            time_text(t.taken, tz),
            f"{display(t.celsius, 1)} °C",
            t.route,
            "fever" if counts_as_fever(rule, t.celsius) else "",
            t.recorded_by,
        ]
        for t in records.temperatures
    ]
    blocks.append(
        Table(
            ["Taken (24 h)", "Temperature", "Route", f"Fever ({rule.label})", "Entered by"],
            temperatures,
            [16, 12, 12, 16, 16],
            title=f"Temperatures{suffix}",
        )
    )
    doses = [[time_text(d.given, tz), d.drug, d.dose, d.recorded_by] for d in records.gcsf_doses]
    blocks.append(
        Table(
            ["Given (24 h)", "G-CSF", "Dose", "Entered by"],
            doses,
            [16, 16, 16, 16],
            title=f"G-CSF doses{suffix}",
        )
    )
    return blocks


def conflict_paragraphs(chart: PatientChart) -> list[Block]:
    """Records in conflict after merging charts (see docs/merging.md): each said in one
    line with the version printed, until a person resolves it."""
    if not chart.conflicts:
        return []
    return [
        Paragraph(
            "CONFLICT — REVIEW: these records were charted differently on two computers; "
            "every version is kept and the one printed is named:",
            bold=True,
            space_after=2,
        ),
        *(Paragraph(f"• {m.line()}", space_after=2) for m in chart.conflicts),
    ]


def _with_mark(note: str, chart: PatientChart, record_id: str) -> str:
    mark = marks_for(chart.conflicts, record_id)
    return note if mark is None else " ".join(filter(None, [note, REVIEW]))


def _cycle_paragraphs(chart: PatientChart, cycle: CycleChart | None) -> list[Block]:
    if cycle is None:
        return [Paragraph("No chemotherapy cycle has been started.")]
    c = cycle.cycle
    version = chart.settings.ctcae_version
    lines = [
        f"Cycle {c.number}: {c.regimen_name}, day 1 {c.day1:%Y-%m-%d}, cycle length "
        f"{c.cycle_length_days} days; expected nadir window days {c.nadir_start}–"
        f"{c.nadir_end} (shaded on the chart)."
    ]
    if cycle.nadir is None:
        lines.append("Nadir: no ANC in this cycle yet.")
    else:
        word = "Lowest ANC so far" if cycle.nadir_provisional else "Nadir"
        grade = "" if cycle.nadir_grade is None else f", {cycle.nadir_grade}"
        lines.append(
            f"{word}: ANC {count_text(cycle.nadir.anc)} ×10⁹/L on day "
            f"{cycle.nadir.cycle_day} ({time_text(cycle.nadir.result.taken, chart.tz)})"
            f"{grade}."
        )
    recovery = (
        "not yet"
        if cycle.recovery is None
        else f"day {cycle.recovery.cycle_day} ({time_text(cycle.recovery.result.taken, chart.tz)})"
    )
    lines.append(
        f"Recovery (first ANC ≥ {chart.settings.recovery_anc} ×10⁹/L after the nadir): {recovery}."
    )
    lines.append(f"Next cycle: {cycle.readiness.status} — {cycle.readiness.reason}.")
    if chart.risk:
        lines.append("Higher risk: " + "; ".join(f.label for f in chart.risk) + ".")
    lines.append(f"Grades are CTCAE v{version}; 'n/g' = not gradable without the lab's LLN.")
    return [Paragraph(" ".join(lines))]


# --- ward handover / downtime sheet ---------------------------------------------------------


def ward_frame(charts: list[PatientChart], context: PrintContext) -> PageFrame:
    """Header of the ward sheet."""
    settings = charts[0].settings if charts else None
    rules = (
        ""
        if settings is None
        else (
            f" · grades CTCAE v{settings.ctcae_version} · fever rule "
            f"{FN_RULES[settings.fn_rule].label}"
        )
    )
    ward = f"Ward {context.ward_name} · " if context.ward_name else ""
    return PageFrame(
        header=[
            f"{ward}{len(charts)} patients, sorted by bed{rules}",
            "Identify patients by name with MRN or date of birth: the bed is location only.",
        ],
        footer=context.footer(),
        title="Ward handover sheet",
    )


def ward_blocks(charts: list[PatientChart]) -> list[Block]:
    """One row per patient, sorted by bed."""
    rows = []
    for chart in sorted(charts, key=lambda c: bed_sort_key(c.patient.bed)):
        row = census_row(chart)
        latest = chart.latest_anc
        anc = "—"
        if latest is not None and latest.result.anc is not None:
            anc = (
                f"{count_text(latest.result.anc)}{lab_mark(latest.result.lab_status)} at "
                f"{time_text(latest.result.taken, chart.tz)} "
                f"{grade_text(latest.anc_grade)}"
            )
        alerts = [
            f"{a.kind.replace('_', ' ')} [{a.rule}] {time_text(a.at, chart.tz)}"
            for a in chart.current_alerts
        ]
        # The alerts are spelled out with their rule, so their short flags are left out.
        shown = [
            REVIEW if f == CONFLICT_FLAG else f
            for f in row.flags
            if f not in ("FN alert", "possible FN")
        ]
        flags = ", ".join(shown + alerts)
        rows.append(
            [
                row.bed,
                row.name,
                row.mrn,
                f"{chart.patient.dob:%Y-%m-%d}",
                row.regimen,
                row.cycle_day,
                anc,
                row.nadir_status,
                row.readiness,
                flags,
            ]
        )
    preliminary = any(
        c.latest_anc is not None and c.latest_anc.result.lab_status == "preliminary" for c in charts
    )
    conflicted = [
        Paragraph(
            f"• {c.patient.name} (MRN {c.patient.mrn}, bed {c.patient.bed or '—'}): {m.line()}",
            space_after=2,
        )
        for c in sorted(charts, key=lambda c: bed_sort_key(c.patient.bed))
        for m in c.conflicts
    ]
    if conflicted:
        conflicted.insert(
            0,
            Paragraph(
                "CONFLICT — REVIEW: records charted differently on two computers (every "
                "version kept; the one printed is named):",
                bold=True,
                space_after=2,
            ),
        )
    return (
        [Paragraph(PRELIMINARY_NOTE, bold=True)] * preliminary
        + conflicted
        + [
            Table(
                [
                    "Bed",
                    "Name",
                    "MRN",
                    "DOB",
                    "Regimen",
                    "Cycle/day",
                    "Latest ANC ×10⁹/L (time, grade)",
                    "Nadir window",
                    "Next cycle",
                    "Flags and alerts",
                ],
                rows,
                [5, 12, 8, 8, 9, 6, 15, 7, 7, 23],
            )
        ]
    )
