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
)
from wardchart.domain.fever import FN_RULES, counts_as_fever
from wardchart.domain.merge_rules import REVIEW, marks_for
from wardchart.domain.units import display, plain
from wardchart.i18n import clinical_time, date_text, number, shown, translate
from wardchart.plot.cycle_chart import alert_kind_text, route_text
from wardchart.report.layout import Block, PageFrame, Paragraph, Table


def escalation() -> str:
    """The escalation sentence printed under the alerts, in the language in use.

    docs/clinical-rules.md#printed-summaries [14]: ASCO/IDSA 2018 — empirical antibiotics
    within 1 h of triage."""
    return translate(
        "Printout",
        "Suspected neutropenic fever is an emergency: escalate now; empirical "
        "antibiotics within 1 hour of triage (ASCO/IDSA 2018).",
    )


def _count(value: object) -> str:
    """A count as printed: the domain's rounding, the language's decimal mark."""
    return number(count_text(value))  # type: ignore[arg-type]


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
        # "{page}" and "{pages}" stay in the line: the layout fills them in per page.
        page = translate("Printout", "page {page} of {pages}")
        printed = translate("Printout", "printed by {name} at {time} (UTC{offset})").format(
            name=self.printed_by, time=clinical_time(at, at.tzinfo), offset=offset
        )
        audit = translate("Printout", "audit head {head} · chart file {file}").format(
            head=self.audit_head, file=self.chart_file.name
        )
        return [f"{page} · {printed} · wardchart {__version__}", audit]


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
    ids = translate("Printout", "{name} · MRN {mrn} · DOB {dob} (age {age})").format(
        name=p.name, mrn=p.mrn, dob=date_text(p.dob), age=chart.age
    )
    bed = p.bed or "—"
    where = (
        translate("Printout", "Location (not an identifier): ward {ward}, bed {bed}").format(
            ward=context.ward_name, bed=bed
        )
        if context.ward_name
        else translate("Printout", "Location (not an identifier): bed {bed}").format(bed=bed)
    )
    if cycle is None:
        regimen = translate("Printout", "No cycle started")
    else:
        c = cycle.cycle
        today = (
            translate("Printout", "today day {day} of cycle {cycle}").format(
                day=chart.today_cycle_day, cycle=chart.current.cycle.number
            )
            if (chart.current is not None)
            else ""
        )
        regimen = translate(
            "Printout", "{regimen} · cycle {number} · day 1 {day1} · {today}"
        ).format(regimen=c.regimen_name, number=c.number, day1=date_text(c.day1), today=today)
    rules = translate("Printout", "Grades: CTCAE v{version} · fever rule: {rule}").format(
        version=chart.settings.ctcae_version, rule=shown(FN_RULES[chart.settings.fn_rule].label)
    )
    return PageFrame(
        header=[ids, f"{where} · {regimen}", rules],
        footer=context.footer(),
        title=translate("Printout", "Neutropenia chart summary"),
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
    state = (
        translate("Printout", "Neutropenic precautions: ON")
        if chart.precautions_active
        else translate("Printout", "Neutropenic precautions: off")
    )
    if chart.precaution is not None:
        state += " " + translate("Printout", "(since {time}, {name})").format(
            time=clinical_time(chart.precaution.at, tz), name=chart.precaution.recorded_by
        )
    blocks.append(Paragraph(state, bold=chart.precautions_active))
    if chart.alerts:
        blocks.append(
            Paragraph(translate("Printout", "Febrile-neutropenia alerts"), bold=True, space_after=2)
        )
        for alert in chart.alerts:
            kind = (
                translate("Printout", "FEBRILE NEUTROPENIA")
                if alert.kind == "febrile_neutropenia"
                else translate("Printout", "POSSIBLE FEBRILE NEUTROPENIA (no recent ANC)")
            )
            blocks.append(
                Paragraph(
                    f"{clinical_time(alert.at, tz)} — {kind} [{alert.rule}]: {shown(alert.detail)}",
                    space_after=2,
                )
            )
        blocks.append(Paragraph(escalation(), bold=True))
    records = chart.records_of(cycle)
    results = records.results
    version = chart.settings.ctcae_version
    rows = []
    for item in results:
        r = item.result
        lln = chart.settings.anc_lln_default if r.anc_lln is None else r.anc_lln
        mark = shown(lab_mark(r.lab_status))
        rows.append(
            [
                clinical_time(r.taken, tz),
                "" if item.cycle_day is None else str(item.cycle_day),
                "" if r.wbc is None else _count(r.wbc) + mark,
                "" if r.anc is None else _count(r.anc) + mark,
                {
                    "computed": translate("Printout", "computed"),
                    "lab": translate("Printout", "lab"),
                }.get(r.anc_source or "", ""),
                "×10⁹/L",
                "" if lln is None else number(plain(lln)),
                shown(grade_text(item.anc_grade)),
                shown(grade_text(item.wbc_grade)),
                r.recorded_by,
                _with_mark(shown(result_note(r.corrected, r.lab_status)), chart, r.id),
            ]
        )
    if any(item.result.lab_status == "preliminary" for item in results):
        blocks.append(Paragraph(shown(PRELIMINARY_NOTE), bold=True))
    title = (
        translate("Printout", "Results")
        if cycle is None
        else translate("Printout", "Results — cycle {number}").format(number=cycle.cycle.number)
    )
    grade_header = translate("Printout", "ANC grade (v{version})").format(version=version)
    wbc_grade_header = translate("Printout", "WBC grade (v{version})").format(version=version)
    blocks.append(
        Table(
            [
                translate("Printout", "Collected (24 h)"),
                translate("Printout", "Day"),
                translate("Printout", "WBC"),
                translate("Printout", "ANC"),
                translate("Printout", "ANC from"),
                translate("Printout", "Unit"),
                translate("Printout", "ANC LLN"),
                grade_header,
                wbc_grade_header,
                translate("Printout", "Entered by"),
                translate("Printout", "Note"),
            ],
            rows,
            [14, 5, 6, 6, 8, 7, 7, 10, 10, 13, 8],
            title=title,
        )
    )
    rule = FN_RULES[chart.settings.fn_rule]
    fever = translate("Printout", "fever")
    temperatures = [
        [
            clinical_time(t.taken, tz),
            f"{number(display(t.celsius, 1))} °C",
            route_text(t.route),
            fever if counts_as_fever(rule, t.celsius) else "",
            t.recorded_by,
        ]
        for t in records.temperatures
    ]
    entered_by = translate("Printout", "Entered by")
    blocks.append(
        Table(
            [
                translate("Printout", "Taken (24 h)"),
                translate("Printout", "Temperature"),
                translate("Printout", "Route"),
                translate("Printout", "Fever ({rule})").format(rule=shown(rule.label)),
                entered_by,
            ],
            temperatures,
            [16, 12, 12, 16, 16],
            title=(
                translate("Printout", "Temperatures")
                if cycle is None
                else translate("Printout", "Temperatures — cycle {number}").format(
                    number=cycle.cycle.number
                )
            ),
        )
    )
    doses = [
        [clinical_time(d.given, tz), d.drug, d.dose, d.recorded_by] for d in records.gcsf_doses
    ]
    blocks.append(
        Table(
            [
                translate("Printout", "Given (24 h)"),
                "G-CSF",
                translate("Printout", "Dose"),
                entered_by,
            ],
            doses,
            [16, 16, 16, 16],
            title=(
                translate("Printout", "G-CSF doses")
                if cycle is None
                else translate("Printout", "G-CSF doses — cycle {number}").format(
                    number=cycle.cycle.number
                )
            ),
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
            translate(
                "Printout",
                "CONFLICT — REVIEW: these records were charted differently on two computers; "
                "every version is kept and the one printed is named:",
            ),
            bold=True,
            space_after=2,
        ),
        *(Paragraph(f"• {shown(m.line())}", space_after=2) for m in chart.conflicts),
    ]


def _with_mark(note: str, chart: PatientChart, record_id: str) -> str:
    mark = marks_for(chart.conflicts, record_id)
    return note if mark is None else " ".join(filter(None, [note, shown(REVIEW)]))


def _cycle_paragraphs(chart: PatientChart, cycle: CycleChart | None) -> list[Block]:
    if cycle is None:
        return [Paragraph(translate("Printout", "No chemotherapy cycle has been started."))]
    c = cycle.cycle
    version = chart.settings.ctcae_version
    lines = [
        translate(
            "Printout",
            "Cycle {number}: {regimen}, day 1 {day1}, cycle length {length} days; expected "
            "nadir window days {start}–{end} (shaded on the chart).",
        ).format(
            number=c.number,
            regimen=c.regimen_name,
            day1=date_text(c.day1),
            length=c.cycle_length_days,
            start=c.nadir_start,
            end=c.nadir_end,
        )
    ]
    if cycle.nadir is None:
        lines.append(translate("Printout", "Nadir: no ANC in this cycle yet."))
    else:
        grade = "" if cycle.nadir_grade is None else f", {shown(cycle.nadir_grade.text)}"
        nadir = (
            translate(
                "Printout", "Lowest ANC so far: ANC {anc} ×10⁹/L on day {day} ({time}){grade}."
            )
            if cycle.nadir_provisional
            else translate("Printout", "Nadir: ANC {anc} ×10⁹/L on day {day} ({time}){grade}.")
        )
        lines.append(
            nadir.format(
                anc=_count(cycle.nadir.anc),
                day=cycle.nadir.cycle_day,
                time=clinical_time(cycle.nadir.result.taken, chart.tz),
                grade=grade,
            )
        )
    recovery = (
        translate("Printout", "not yet")
        if cycle.recovery is None
        else translate("Printout", "day {day} ({time})").format(
            day=cycle.recovery.cycle_day,
            time=clinical_time(cycle.recovery.result.taken, chart.tz),
        )
    )
    lines.append(
        translate(
            "Printout", "Recovery (first ANC ≥ {anc} ×10⁹/L after the nadir): {recovery}."
        ).format(anc=number(chart.settings.recovery_anc), recovery=recovery)
    )
    lines.append(
        translate("Printout", "Next cycle: {status} — {reason}.").format(
            status=shown(cycle.readiness.words), reason=shown(cycle.readiness.reason)
        )
    )
    if chart.risk:
        lines.append(
            translate("Printout", "Higher risk: {factors}.").format(
                factors="; ".join(shown(f.label) for f in chart.risk)
            )
        )
    lines.append(
        translate(
            "Printout", "Grades are CTCAE v{version}; 'n/g' = not gradable without the lab's LLN."
        ).format(version=version)
    )
    return [Paragraph(" ".join(lines))]


# --- ward handover / downtime sheet ---------------------------------------------------------


def ward_frame(charts: list[PatientChart], context: PrintContext) -> PageFrame:
    """Header of the ward sheet."""
    settings = charts[0].settings if charts else None
    rules = (
        ""
        if settings is None
        else " · "
        + translate("Printout", "grades CTCAE v{version} · fever rule {rule}").format(
            version=settings.ctcae_version, rule=shown(FN_RULES[settings.fn_rule].label)
        )
    )
    ward = (
        translate("Printout", "Ward {ward}").format(ward=context.ward_name) + " · "
        if context.ward_name
        else ""
    )
    # One form for 1 and one for more: the plural rule of every language shipped (lupdate
    # reads a plural form only with a literal count, docs/translations.md).
    count = (
        translate("Printout", "1 patient, sorted by bed")
        if len(charts) == 1
        else translate("Printout", "{count} patients, sorted by bed").format(count=len(charts))
    )
    return PageFrame(
        header=[
            f"{ward}{count}{rules}",
            translate(
                "Printout",
                "Identify patients by name with MRN or date of birth: the bed is location only.",
            ),
        ],
        footer=context.footer(),
        title=translate("Printout", "Ward handover sheet"),
    )


def ward_blocks(charts: list[PatientChart]) -> list[Block]:
    """One row per patient, sorted by bed."""
    rows = []
    for chart in sorted(charts, key=lambda c: bed_sort_key(c.patient.bed)):
        row = census_row(chart)
        latest = chart.latest_anc
        anc = "—"
        if latest is not None and latest.result.anc is not None:
            anc = translate("Printout", "{anc} at {time} {grade}").format(
                anc=_count(latest.result.anc) + shown(lab_mark(latest.result.lab_status)),
                time=clinical_time(latest.result.taken, chart.tz),
                grade=shown(grade_text(latest.anc_grade)),
            )
        alerts = [
            f"{alert_kind_text(a.kind)} [{a.rule}] {clinical_time(a.at, chart.tz)}"
            for a in chart.current_alerts
        ]
        # The alerts are spelled out with their rule, so their short flags are left out.
        flag_texts = [
            shown(REVIEW) if f == CONFLICT_FLAG else shown(f)
            for f in row.flags
            if f not in ("FN alert", "possible FN")
        ]
        flags = ", ".join(flag_texts + alerts)
        rows.append(
            [
                row.bed,
                row.name,
                row.mrn,
                date_text(chart.patient.dob),
                row.regimen,
                _cycle_day(chart),
                anc,
                shown(row.nadir_status),
                shown(row.readiness),
                flags,
            ]
        )
    preliminary = any(
        c.latest_anc is not None and c.latest_anc.result.lab_status == "preliminary" for c in charts
    )
    conflicted = [
        Paragraph(
            "• "
            + translate("Printout", "{name} (MRN {mrn}, bed {bed}): {conflict}").format(
                name=c.patient.name,
                mrn=c.patient.mrn,
                bed=c.patient.bed or "—",
                conflict=shown(m.line()),
            ),
            space_after=2,
        )
        for c in sorted(charts, key=lambda c: bed_sort_key(c.patient.bed))
        for m in c.conflicts
    ]
    if conflicted:
        conflicted.insert(
            0,
            Paragraph(
                translate(
                    "Printout",
                    "CONFLICT — REVIEW: records charted differently on two computers (every "
                    "version kept; the one printed is named):",
                ),
                bold=True,
                space_after=2,
            ),
        )
    return (
        [Paragraph(shown(PRELIMINARY_NOTE), bold=True)] * preliminary
        + conflicted
        + [
            Table(
                [
                    translate("Printout", "Bed"),
                    translate("Printout", "Name"),
                    translate("Printout", "MRN"),
                    translate("Printout", "DOB"),
                    translate("Printout", "Regimen"),
                    translate("Printout", "Cycle/day"),
                    translate("Printout", "Latest ANC ×10⁹/L (time, grade)"),
                    translate("Printout", "Nadir window"),
                    translate("Printout", "Next cycle"),
                    translate("Printout", "Flags and alerts"),
                ],
                rows,
                [5, 12, 8, 8, 9, 6, 15, 7, 7, 23],
            )
        ]
    )


def _cycle_day(chart: PatientChart) -> str:
    """The current cycle and today's cycle day: "C2 D9"."""
    current = chart.current
    if current is None:
        return ""
    return translate("Printout", "C{cycle} D{day}").format(
        cycle=current.cycle.number, day=chart.today_cycle_day
    )
