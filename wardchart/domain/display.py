"""How a count is shown to people: as a laboratory reports it (see docs/chart.md).

Stored and graded values stay exactly as entered or computed; only the text is rounded.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from wardchart.domain.grading import Grade
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Text
from wardchart.domain.timeparse import iso_local
from wardchart.domain.units import OP_SYMBOL

#: Decimal places a haematology analyser reports a count with (×10⁹/L).
COUNT_PLACES = 2


def _rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _on_a_tenth(shown: Decimal) -> bool:
    """True when ``shown`` is a whole number of tenths (1.00, 0.50, 75.00, 0.00)."""
    return shown == _rounded(shown, 1)


def count_text(value: Decimal) -> str:
    """A WBC, ANC or platelet count in ×10⁹/L as a lab reports it: 2 decimals, half-up.

    0.32736 → "0.33", 0.945 → "0.95", 13 → "13.00". Rounding must never move a count onto
    a decision line: every grade, fever-rule, recovery and regimen line is a whole number
    of tenths, so when the 2-decimal form lands on a tenth but the count is not exactly
    that, more decimals are shown until it no longer does: 0.995 → "0.995" (not "1.00",
    which reads as "not below 1.0"), 1.004 → "1.004", 0.9999 → "0.9999". A zero never
    shows a minus sign. For display only: never grade or compare the returned text.
    """
    if value == 0:
        return "0." + "0" * COUNT_PLACES
    shown = _rounded(value, COUNT_PLACES)
    places = COUNT_PLACES
    while _on_a_tenth(shown) and shown != value:
        places += 1
        shown = _rounded(value, places)
    return str(shown)


def time_text(value: datetime, tz: tzinfo | None = None) -> str:
    """A clinical time as the ward reads it: local, 24-hour, to the minute, without its
    offset: "2026-03-12 08:30" (docs/dates-and-times.md). Seconds are cut, not rounded, so
    08:59:59 stays 08:59, on the day and hour it was taken."""
    return iso_local(value, tz)[:16].replace("T", " ")


def grade_text(grade: Grade | None) -> str:
    """A grade with its CTCAE version for a table cell: "G3 (v5.0)", "n/g (v5.0)" when it
    needs the lab's lower limit of normal, "" when there is no count to grade. A grade is
    never shown without its version (docs/clinical-rules.md)."""
    return "" if grade is None else f"{grade.short} (v{grade.version})"


#: The mark after a count the laboratory reported as preliminary (not yet verified):
#: "0.45 P". See docs/hl7-inbox.md.
PRELIMINARY_MARK = "P"
PRELIMINARY_NOTE = QT_TRANSLATE_NOOP(
    "ResultNotes", "P = preliminary result from the laboratory, not yet final"
)


def lab_mark(lab_status: str) -> str:
    """ " P" after a preliminary laboratory count, else nothing."""
    return f" {PRELIMINARY_MARK}" if lab_status == "preliminary" else ""


def result_note(corrected: bool, lab_status: str) -> Text | str:
    """A result's note column: corrected, preliminary, or both ("" for neither)."""
    preliminary = lab_status == "preliminary"
    if corrected and preliminary:
        return QT_TRANSLATE_NOOP("ResultNotes", "corrected, preliminary")
    if corrected:
        return QT_TRANSLATE_NOOP("ResultNotes", "corrected")
    if preliminary:
        return QT_TRANSLATE_NOOP("ResultNotes", "preliminary")
    return ""


#: A stored field as people read it in a record's history (the window's words).
FIELD_LABELS = {
    "mrn": QT_TRANSLATE_NOOP("RecordFields", "MRN"),
    "name": QT_TRANSLATE_NOOP("RecordFields", "name"),
    "dob": QT_TRANSLATE_NOOP("RecordFields", "date of birth"),
    "sex": QT_TRANSLATE_NOOP("RecordFields", "sex"),
    "bed": QT_TRANSLATE_NOOP("RecordFields", "bed"),
    "diagnosis": QT_TRANSLATE_NOOP("RecordFields", "diagnosis"),
    "marrow_involved": QT_TRANSLATE_NOOP("RecordFields", "marrow involved"),
    "immune_disorder": QT_TRANSLATE_NOOP("RecordFields", "immune disorder"),
    "high_risk_notes": QT_TRANSLATE_NOOP("RecordFields", "risk notes"),
    "number": QT_TRANSLATE_NOOP("RecordFields", "cycle"),
    "regimen_name": QT_TRANSLATE_NOOP("RecordFields", "regimen"),
    "regimen_id": QT_TRANSLATE_NOOP("RecordFields", "regimen id"),
    "day1": QT_TRANSLATE_NOOP("RecordFields", "day 1"),
    "cycle_length_days": QT_TRANSLATE_NOOP("RecordFields", "cycle length (days)"),
    "nadir_start": QT_TRANSLATE_NOOP("RecordFields", "expected nadir from day"),
    "nadir_end": QT_TRANSLATE_NOOP("RecordFields", "to day"),
    "taken_at": QT_TRANSLATE_NOOP("RecordFields", "taken"),
    "wbc": QT_TRANSLATE_NOOP("RecordFields", "WBC"),
    "anc": QT_TRANSLATE_NOOP("RecordFields", "ANC"),
    "anc_source": QT_TRANSLATE_NOOP("RecordFields", "ANC from"),
    "neut_pct": QT_TRANSLATE_NOOP("RecordFields", "neutrophils %"),
    "bands_pct": QT_TRANSLATE_NOOP("RecordFields", "bands %"),
    "platelets": QT_TRANSLATE_NOOP("RecordFields", "platelets"),
    "anc_lln": QT_TRANSLATE_NOOP("RecordFields", "ANC lower limit"),
    "wbc_lln": QT_TRANSLATE_NOOP("RecordFields", "WBC lower limit"),
    "unit_entered": QT_TRANSLATE_NOOP("RecordFields", "unit typed"),
    "value_entered": QT_TRANSLATE_NOOP("RecordFields", "value typed"),
    "source": QT_TRANSLATE_NOOP("RecordFields", "source"),
    "lab_status": QT_TRANSLATE_NOOP("RecordFields", "lab status"),
    "celsius": QT_TRANSLATE_NOOP("RecordFields", "temperature °C"),
    "route": QT_TRANSLATE_NOOP("RecordFields", "route"),
    "given_at": QT_TRANSLATE_NOOP("RecordFields", "given"),
    "drug": QT_TRANSLATE_NOOP("RecordFields", "drug"),
    "dose": QT_TRANSLATE_NOOP("RecordFields", "dose"),
    "active": QT_TRANSLATE_NOOP("RecordFields", "precautions"),
    "at_utc": QT_TRANSLATE_NOOP("RecordFields", "from (UTC)"),
    "note": QT_TRANSLATE_NOOP("RecordFields", "note"),
}

#: Yes/no fields stored as 0 or 1.
_NO, _YES = QT_TRANSLATE_NOOP("RecordFields", "no"), QT_TRANSLATE_NOOP("RecordFields", "yes")
_OFF, _ON = QT_TRANSLATE_NOOP("RecordFields", "off"), QT_TRANSLATE_NOOP("RecordFields", "on")
_FLAGS = {
    "marrow_involved": (_NO, _YES),
    "immune_disorder": (_NO, _YES),
    "active": (_OFF, _ON),
}
#: Characters of an id shown: enough to tell records apart, and to name one on the command line.
SHORT_ID = 8


def field_items(row: dict[str, object]) -> list[tuple[Text, str]]:
    """A stored version's values as (label, text), in storage order: labels as in the
    window, ids cut to their first 8 characters and said to be ids, yes/no as words, a
    next-cycle rule as one phrase. Fields a person does not read (keys, hashes, raw
    typed JSON) and empty values are left out; values are not rounded (this is the record
    as stored)."""
    items: list[tuple[Text, str]] = []
    for key, value in row.items():
        if value is None or value == "":
            continue
        if key in ("anc_threshold", "plt_threshold"):
            label = (
                QT_TRANSLATE_NOOP("RecordFields", "next cycle needs ANC")
                if key == "anc_threshold"
                else QT_TRANSLATE_NOOP("RecordFields", "next cycle needs platelets")
            )
            op = OP_SYMBOL.get(str(row.get(key.replace("threshold", "op")) or ">="), "≥")
            items.append((label, f"{op} {value}"))
        elif key.endswith("_id") and key in FIELD_LABELS:
            first = QT_TRANSLATE_NOOP("RecordFields", "{label} (first 8)")
            items.append((first.format(label=FIELD_LABELS[key]), str(value)[:SHORT_ID]))
        elif key in _FLAGS:
            items.append((FIELD_LABELS[key], _FLAGS[key][bool(int(str(value)))]))
        elif key in ("taken_at", "given_at", "at_utc"):
            items.append((FIELD_LABELS[key], str(value).replace("T", " ")))
        elif key in FIELD_LABELS:
            items.append((FIELD_LABELS[key], str(value)))
    return items


def fields_text(row: dict[str, object]) -> str:
    """``field_items`` as one line: "label: value; label: value"."""
    return "; ".join(f"{label}: {text}" for label, text in field_items(row))
