"""Text the command line prints: the census table and a readable chart summary."""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Sequence
from typing import Any

from wardchart.cli.words import date_text, number, shown, translate
from wardchart.domain.census import CensusRow
from wardchart.domain.chart import ChartedResult, PatientChart
from wardchart.domain.display import count_text, time_text
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Text

#: Words the domain keeps and compares in English (a census row's nadir status, whether
#: the next cycle may start, its flags), shown in the command line's language. A word the
#: domain marks itself is translated by ``shown``.
WORDS: dict[str, Text] = {
    str(word): word
    for word in (
        # where today falls against the expected nadir window
        QT_TRANSLATE_NOOP("CommandWords", "before"),
        QT_TRANSLATE_NOOP("CommandWords", "in window"),
        QT_TRANSLATE_NOOP("CommandWords", "past"),
        # whether the next cycle may start
        QT_TRANSLATE_NOOP("CommandWords", "ready"),
        QT_TRANSLATE_NOOP("CommandWords", "not ready"),
        QT_TRANSLATE_NOOP("CommandWords", "no count"),
        QT_TRANSLATE_NOOP("CommandWords", "no platelet count"),
        QT_TRANSLATE_NOOP("CommandWords", "not required"),
        # a census row's flags, most urgent first
        QT_TRANSLATE_NOOP("CommandWords", "FN alert"),
        QT_TRANSLATE_NOOP("CommandWords", "possible FN"),
        QT_TRANSLATE_NOOP("CommandWords", "conflict"),
        QT_TRANSLATE_NOOP("CommandWords", "no CBC 24 h"),
        QT_TRANSLATE_NOOP("CommandWords", "precautions"),
        QT_TRANSLATE_NOOP("CommandWords", "age≥65"),
        QT_TRANSLATE_NOOP("CommandWords", "age<18"),
        QT_TRANSLATE_NOOP("CommandWords", "marrow"),
        QT_TRANSLATE_NOOP("CommandWords", "immune"),
    )
}


def word(value: str) -> str:
    """A word from the domain in the command line's language (other text as it is)."""
    if isinstance(value, Text):
        return shown(value)
    return shown(WORDS.get(value, value))


def census_headings() -> tuple[str, ...]:
    """The census table's headings in the language in use."""
    return (
        translate("CensusTable", "Bed"),
        translate("CensusTable", "Name"),
        translate("CensusTable", "MRN"),
        translate("CensusTable", "Regimen"),
        translate("CensusTable", "Cycle"),
        translate("CensusTable", "Latest ANC"),
        translate("CensusTable", "Grade"),
        translate("CensusTable", "Nadir"),
        translate("CensusTable", "Next cycle"),
        translate("CensusTable", "Flags"),
    )


def census_cells(row: CensusRow) -> tuple[str, ...]:
    """A census row as the cells of the text table."""
    return (
        row.bed,
        row.name,
        row.mrn,
        row.regimen,
        row.cycle_day,
        number(shown(row.latest_anc)),
        shown(row.anc_grade_text),
        word(row.nadir_status),
        word(row.readiness),
        ", ".join(word(flag) for flag in row.flags),
    )


def table(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain aligned text table; a cell with line breaks continues on the lines below
    its row (nothing is cut)."""
    split = [[cell.split("\n") for cell in row] for row in rows]
    widths = [
        max([len(h)] + [len(line) for r in split for line in r[i]]) for i, h in enumerate(headings)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in split:
        for n in range(max(len(cell) for cell in row)):
            cells = [cell[n] if n < len(cell) else "" for cell in row]
            lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines)


#: Width of a wrapped Values column in ``wardchart history``.
VALUES_WIDTH = 64


def wrapped(text: str, width: int = VALUES_WIDTH) -> str:
    """Text broken into lines of at most ``width`` at spaces (a longer word is split over
    lines, never dropped)."""
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def wrapped_parts(parts: Sequence[str], width: int = VALUES_WIDTH) -> str:
    """Parts joined by "; " into lines of at most ``width``, a line breaking between parts
    where it can (a part longer than a line is wrapped on its own)."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + 2 + len(part) <= width:
            lines[-1] += "; " + part
        else:
            if lines:
                lines[-1] += ";"
            lines += wrapped(part, width).split("\n")
    return "\n".join(lines)


def census_json(row: CensusRow) -> dict[str, Any]:
    """A census row for ``patient list --json``."""
    return {
        "bed": row.bed,
        "name": row.name,
        "mrn": row.mrn,
        "regimen": row.regimen,
        "cycle_day": row.cycle_day,
        "latest_anc": row.latest_anc,
        "anc_grade": row.anc_grade,
        "nadir_status": row.nadir_status,
        "next_cycle": row.readiness,
        "flags": list(row.flags),
    }


def chart_text(chart: PatientChart) -> str:
    """A readable summary of one chart for the terminal."""
    p, tz, s = chart.patient, chart.tz, chart.settings
    out = [
        translate("ChartText", "{name}  MRN {mrn}  DOB {dob} (age {age})  bed {bed}").format(
            name=p.name, mrn=p.mrn, dob=date_text(p.dob), age=chart.age, bed=p.bed or "—"
        ),
        f"{p.diagnosis}",
        translate("ChartText", "Grades: CTCAE v{version}; fever rule: {rule}").format(
            version=s.ctcae_version, rule=s.fn_rule.value
        ),
    ]
    if chart.risk:
        out.append(
            translate("ChartText", "Higher risk: {factors}").format(
                factors="; ".join(shown(f.label) for f in chart.risk)
            )
        )
    out.append(
        translate("ChartText", "Neutropenic precautions: ON")
        if chart.precautions_active
        else translate("ChartText", "Neutropenic precautions: off")
    )
    if chart.baseline:  # before the first cycle (--json gives them as "baseline")
        out += ["", translate("ChartText", "Before the first cycle")]
        out += _results_table(chart.baseline, chart)
    for c in chart.cycles:
        out.append("")
        out.append(
            translate(
                "ChartText",
                "Cycle {number} — {regimen}, day 1 {day1}, expected nadir days {start}–{end}",
            ).format(
                number=c.cycle.number,
                regimen=c.cycle.regimen_name,
                day1=date_text(c.cycle.day1),
                start=c.window[0],
                end=c.window[1],
            )
        )
        out += _results_table(c.results, chart)
        if c.nadir is not None:
            grade = "" if c.nadir_grade is None else f", {shown(c.nadir_grade)}"
            nadir = (
                translate("ChartText", "Lowest so far: ANC {anc} on day {day}{grade}")
                if c.nadir_provisional
                else translate("ChartText", "Nadir: ANC {anc} on day {day}{grade}")
            )
            out.append(
                nadir.format(
                    anc=number(count_text(c.nadir.anc)), day=c.nadir.cycle_day, grade=grade
                )
            )
        if c.recovery is not None:
            out.append(
                translate("ChartText", "Recovery (ANC ≥ {anc}): day {day}").format(
                    anc=number(s.recovery_anc), day=c.recovery.cycle_day
                )
            )
        out.append(
            translate("ChartText", "Next cycle: {status} — {reason}").format(
                status=word(c.readiness.status), reason=shown(c.readiness.reason)
            )
        )
    if chart.alerts:
        out.append("")
        out.append(translate("ChartText", "Alerts:"))
        out += [
            f"  {date_text(time_text(a.at, tz))}  [{a.rule}] {shown(a.detail)}"
            for a in chart.alerts
        ]
    return "\n".join(out)


def _results_table(results: Sequence[ChartedResult], chart: PatientChart) -> list[str]:
    """The results as a table with its headings (nothing when there are none)."""
    if not results:
        return []
    calc = " " + translate("ChartText", "(calc)")
    preliminary = " " + translate("ChartText", "PRELIMINARY")
    rows = [
        (
            date_text(time_text(r.result.taken, chart.tz)),
            "" if r.cycle_day is None else str(r.cycle_day),
            "" if r.result.wbc is None else number(count_text(r.result.wbc)),
            ""
            if r.result.anc is None
            else number(count_text(r.result.anc))
            + (calc if r.result.anc_source == "computed" else "")
            + (preliminary if r.result.lab_status == "preliminary" else ""),
            "" if r.anc_grade is None else shown(r.anc_grade.short),
        )
        for r in results
    ]
    headings = (
        translate("ChartText", "Taken"),
        translate("ChartText", "Day"),
        translate("ChartText", "WBC"),
        translate("ChartText", "ANC"),
        translate("ChartText", "Grade"),
    )
    return [table(headings, rows)]


#: A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Neutralise text a spreadsheet would run as a formula by prefixing an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as CSV with a header, columns in first-seen order, formulas neutralised."""
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()
