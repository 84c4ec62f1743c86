"""What wardchart takes from a laboratory's HL7 v2 ORU^R01 result message, and what it
leaves for a person: pure rules, no message library, no I/O.

The LOINC codes, the unit spellings, the result statuses, the patient matching and the
reading of values, reference ranges and times are all here, each explained with its
source in docs/hl7-import.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal

from wardchart.domain.identifiers import hidden_character, normal_mrn
from wardchart.domain.plausibility import (
    LLN_RANGE,
    MIN_REPORTABLE_WBC,
    UNIT_SLIP_COUNT,
    UNIT_SLIP_PLATELETS,
    CbcEntry,
)
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Number
from wardchart.domain.timeparse import FIRST_YEAR, LAST_YEAR, as_aware
from wardchart.domain.units import MAX_DIGITS, PER_LITRE_E9, PER_MICROLITRE, CountUnit, plain

# --- what people read --------------------------------------------------------------------
# Every reason is written here once, at import, so that a reason stored in English (a held
# message's) can be shown translated later (docs/translations.md).

_NOT_CODE = QT_TRANSLATE_NOOP("Hl7Rules", "{entry} is not CODE=quantity, e.g. WBC=wbc; NEUT#=anc")
_NOT_MAPPABLE = QT_TRANSLATE_NOOP("Hl7Rules", "{concept} is not one of {names}")
_NO_VISIBLE_CODE = QT_TRANSLATE_NOOP("Hl7Rules", "{entry} has no visible code")
_MAPPED_TWICE = QT_TRANSLATE_NOOP("Hl7Rules", "code {code} is mapped twice")
_CODED_TWICE = QT_TRANSLATE_NOOP("Hl7Rules", "observation {codes} is coded as two different things")
_GRANULOCYTES = QT_TRANSLATE_NOOP(
    "Hl7Rules", "observation {codes} is named a granulocyte count, which is not an ANC"
)
_BOUND = QT_TRANSLATE_NOOP("Hl7Rules", "{value} is a bound, not a count")
_RANGE_OR_RATIO = QT_TRANSLATE_NOOP("Hl7Rules", "{value} is a range or ratio, not a count")
_VALUE_TYPE = QT_TRANSLATE_NOOP("Hl7Rules", "value type {kind} is not a number")
_NO_VALUE = QT_TRANSLATE_NOOP("Hl7Rules", "no value")
_COMMA = QT_TRANSLATE_NOOP("Hl7Rules", "{value} contains a comma: 1,5 or 1500?")
_NOT_NUMBER = QT_TRANSLATE_NOOP("Hl7Rules", "{value} is not a number")
_TOO_MANY_DIGITS = QT_TRANSLATE_NOOP("Hl7Rules", "{value} has more digits than any measurement")
_NEGATIVE = QT_TRANSLATE_NOOP("Hl7Rules", "{value} is negative")
_DELETED = QT_TRANSLATE_NOOP(
    "Hl7Rules", "the laboratory deleted a result; withdraw it from the chart by hand"
)
_WRONG_PATIENT = QT_TRANSLATE_NOOP(
    "Hl7Rules", "the laboratory says a result was posted to the wrong patient"
)
_UNKNOWN_STATUS = QT_TRANSLATE_NOOP("Hl7Rules", "result status {status} is not one wardchart knows")
_TEST_MESSAGE = QT_TRANSLATE_NOOP(
    "Hl7Rules", "a test message (MSH-11 T); the ward setting hl7_accept_test is off"
)
_QC_MESSAGE = QT_TRANSLATE_NOOP("Hl7Rules", "a quality-control message (MSH-11 Q) is never charted")
_NOT_PRODUCTION = QT_TRANSLATE_NOOP("Hl7Rules", "processing id {mode} is not production (P)")
_NOT_V2 = QT_TRANSLATE_NOOP("Hl7Rules", "HL7 version {version} is not v2")
_NOT_A_TIME = QT_TRANSLATE_NOOP("Hl7Rules", "{value} is not a date and time to the minute")
_OUTSIDE_YEARS = QT_TRANSLATE_NOOP(
    "Hl7Rules", "{value} is outside the years {first} to {last}; check the year"
)
_NOT_REAL_TIME = QT_TRANSLATE_NOOP("Hl7Rules", "{value} is not a real date and time")
_NO_UNIT = QT_TRANSLATE_NOOP("Hl7Rules", "{concept} {value} has no unit")
_UNKNOWN_UNIT = QT_TRANSLATE_NOOP(
    "Hl7Rules", "{concept} {value} has unit {unit}, which wardchart does not know"
)
_FRACTION_UNIT = QT_TRANSLATE_NOOP("Hl7Rules", "a decimal fraction (71676-1) sent with unit {unit}")
_FRACTION_ABOVE_ONE = QT_TRANSLATE_NOOP("Hl7Rules", "a decimal fraction of {value} is more than 1")
_NOT_PERCENT = QT_TRANSLATE_NOOP("Hl7Rules", "{concept} {value} has unit {unit}, not %")
_FRACTION_OR_PERCENT = QT_TRANSLATE_NOOP(
    "Hl7Rules", "{concept} {value} has no unit: a fraction ({percent} %) or {value} %?"
)
_TWO_VALUES = QT_TRANSLATE_NOOP("Hl7Rules", "two different {concept} values in one result")
_TOTAL_AND_SEGS = QT_TRANSLATE_NOOP(
    "Hl7Rules", "both a neutrophil % and a segmented neutrophil %: which one?"
)
_TOTAL_AND_BANDS = QT_TRANSLATE_NOOP(
    "Hl7Rules", "a total neutrophil % and a band %: adding them could count the bands twice"
)
_ABOVE_RANGE = QT_TRANSLATE_NOOP("Hl7Rules", "{name} {value} ×10⁹/L is above any analyser's range")
_BELOW_RANGE = QT_TRANSLATE_NOOP("Hl7Rules", "wbc {value} ×10⁹/L is below the analyser's range")
_UNUSUAL_LLN = QT_TRANSLATE_NOOP("Hl7Rules", "a lower limit of normal of {value} ×10⁹/L is unusual")
_MSH2_LENGTH = QT_TRANSLATE_NOOP(
    "Hl7Rules", "MSH-2 {value} is not four encoding characters (e.g. ^~\\&)"
)
_DELIMITER_IN_VALUES = QT_TRANSLATE_NOOP(
    "Hl7Rules",
    "delimiter {value} in MSH-1/MSH-2 could be part of a value; the usual ones are |^~\\&",
)
_DELIMITER_TWICE = QT_TRANSLATE_NOOP("Hl7Rules", "MSH-1/MSH-2 {value} use a delimiter twice")
_NO_REASON = QT_TRANSLATE_NOOP(
    "Hl7Rules", "give a reason for attaching or dismissing a held lab message"
)
_REASON_TOO_LONG = QT_TRANSLATE_NOOP("Hl7Rules", "keep the reason under {count} characters")
_REASON_ONE_LINE = QT_TRANSLATE_NOOP("Hl7Rules", "the reason must be one line of text")

# --- what is measured -------------------------------------------------------------------

#: The quantities wardchart charts, as found in OBX-3.
COUNTS = ("wbc", "anc", "platelets")
PERCENTS = ("neut_pct", "segs_pct", "bands_pct")
CONCEPTS = (*COUNTS, *PERCENTS, "neut_fraction", "bands_abs")
#: The quantities a ward may map a local code to (see ``parse_local_codes``).
MAPPABLE = ("wbc", "anc", "platelets", "neut_pct", "segs_pct", "bands_pct")

#: LOINC codes and what wardchart reads them as (sources in docs/hl7-import.md).
LOINC: dict[str, str] = {
    "6690-2": "wbc",  # Leukocytes [#/volume] in Blood by Automated count
    "26464-8": "wbc",  # Leukocytes [#/volume] in Blood
    "751-8": "anc",  # Neutrophils [#/volume] in Blood by Automated count
    "753-4": "anc",  # Neutrophils [#/volume] in Blood by Manual count
    "26499-4": "anc",  # Neutrophils [#/volume] in Blood
    "770-8": "neut_pct",  # Neutrophils/100 leukocytes in Blood by Automated count
    "26511-6": "neut_pct",  # Neutrophils/100 leukocytes in Blood
    "23761-0": "neut_pct",  # Neutrophils/100 leukocytes in Blood by Manual count
    "769-0": "segs_pct",  # Neutrophils.segmented/100 leukocytes by Manual count
    "32200-8": "segs_pct",  # Segmented neutrophils/Leukocytes by Automated count
    "26505-8": "segs_pct",  # Neutrophils.segmented/100 leukocytes in Blood
    "764-1": "bands_pct",  # Neutrophils.band form/100 leukocytes by Manual count
    "26508-2": "bands_pct",  # Band form neutrophils/100 leukocytes in Blood
    "26507-4": "bands_abs",  # Band form neutrophils [#/volume] in Blood
    "71676-1": "neut_fraction",  # Neutrophils/Leukocytes [Pure number fraction]
    "777-3": "platelets",  # Platelets [#/volume] in Blood by Automated count
    "26515-7": "platelets",  # Platelets [#/volume] in Blood
}
#: Coding-system names (OBX-3.3 and OBX-3.6) that mean LOINC (HL7 table 0396: "LN").
LOINC_SYSTEMS = frozenset({"LN", "LOINC", "HTTP://LOINC.ORG"})

_GRANULOCYTE = re.compile(r"granulocyt|\bgran\b", re.IGNORECASE)

LocalCodes = dict[tuple[str, str], str]


@dataclass(frozen=True)
class Coding:
    """One triplet of a coded element: code, text, coding system."""

    code: str
    text: str = ""
    system: str = ""


def parse_local_codes(text: str, field: str = "hl7_local_codes") -> LocalCodes:
    """The ward's map of its laboratory's own codes: "WBC=wbc; 99LAB:NEUT#=anc".

    An entry is ``[SYSTEM:]CODE=QUANTITY``; without a system the code matches in any
    coding system. QUANTITY is one of ``MAPPABLE``. Empty text is an empty map.
    """
    found: LocalCodes = {}
    for raw in text.split(";"):
        entry = raw.strip()
        if not entry:
            continue
        code_part, sep, concept = entry.rpartition("=")
        concept = concept.strip().lower()
        if not sep or not code_part.strip():
            raise InvalidEntry([Problem(field, _NOT_CODE.format(entry=repr(entry)))])
        if concept not in MAPPABLE:
            names = ", ".join(MAPPABLE)
            problem = _NOT_MAPPABLE.format(concept=repr(concept), names=names)
            raise InvalidEntry([Problem(field, problem)])
        system, colon, code = code_part.strip().rpartition(":")
        key = (system.strip().upper() if colon else "", code.strip())
        if not key[1] or hidden_character(key[1]) is not None:
            raise InvalidEntry([Problem(field, _NO_VISIBLE_CODE.format(entry=repr(entry)))])
        if key in found and found[key] != concept:
            raise InvalidEntry([Problem(field, _MAPPED_TWICE.format(code=repr(key[1])))])
        found[key] = concept
    return found


def concept_of(codings: list[Coding], local: LocalCodes) -> tuple[str | None, str]:
    """What an OBX-3 measures, from either triplet: (concept, "") when known, (None, "")
    when not wardchart's, or (None, reason) when a person must look at it."""
    names: set[str] = set()
    for coding in codings:
        code = coding.code.strip()
        if not code:
            continue
        system = coding.system.strip().upper()
        if code in LOINC and (system in LOINC_SYSTEMS or not system):
            names.add(LOINC[code])
        for key in ((system, code), ("", code)):
            if key in local:
                names.add(local[key])
    if not names:
        return None, ""
    shown = " / ".join(c.code for c in codings if c.code)
    if len(names) > 1:
        return None, _CODED_TWICE.format(codes=shown)
    concept = names.pop()
    texts = " ".join(c.text for c in codings)
    if concept in ("anc", "neut_pct", "segs_pct", "neut_fraction") and _GRANULOCYTE.search(texts):
        return None, _GRANULOCYTES.format(codes=shown)
    return concept, ""


# --- units -------------------------------------------------------------------------------

#: Count units as laboratories send them (OBX-6, after unescaping; compared ignoring case
#: and spaces). See docs/clinical-rules.md#units-ucum.
COUNT_UNITS: dict[str, CountUnit] = {
    **dict.fromkeys(
        (
            "10*9/l",
            "10^9/l",
            "x10e9/l",
            "10e9/l",
            "x10*9/l",
            "g/l",
            "giga/l",
            "giga.l-1",
            "10*3/ul",
            "10^3/ul",
            "x10e3/ul",
            "10e3/ul",
            "x10*3/ul",
            "k/ul",
            "thou/ul",
            "10*3/mm3",
            "10^3/mm3",
        ),
        PER_LITRE_E9,
    ),
    **dict.fromkeys(
        ("{cells}/ul", "cells/ul", "cell/ul", "/ul", "/mm3", "cells/mm3", "{cells}/mm3", "/cumm"),
        PER_MICROLITRE,
    ),
}


def count_unit(text: str) -> CountUnit | None:
    """The unit of a count as sent (None when unknown or missing)."""
    return COUNT_UNITS.get("".join(text.split()).replace("µ", "u").replace("μ", "u").lower())


# --- values ------------------------------------------------------------------------------

# ASCII digits only ([0-9], never \d): "３.１" or "٠.٤٥" is refused as on every other path.
_PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_COMPARATOR = re.compile(r"(<=|>=|<|>|≤|≥)\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
NUMERIC_TYPES = frozenset({"NM", "SN", "ST", ""})


def lab_number(  # noqa: PLR0911  one reason per kind of value that is not a number
    value_type: str, text: str
) -> tuple[Decimal | None, str]:
    """An OBX-5 value as a number: (value, "") or (None, why it cannot be charted).

    Only a plain decimal is a number. "<0.5" says the count is below what the laboratory
    measured, not that it is 0.5; "***", text, a comma and more digits than any
    measurement has are left for a person. The value is kept exactly as sent: nothing is
    rounded (see docs/hl7-import.md).
    """
    kind = value_type.strip().upper()
    cleaned = text.strip()
    if kind == "SN":  # structured numeric: comparator^number (^separator^number)
        parts = cleaned.split("^")
        comparator = parts[0].strip()
        number = parts[1].strip() if len(parts) > 1 else ""
        if comparator not in ("", "="):
            return None, _BOUND.format(value=Number(f"{comparator}{number}"))
        if len(parts) > 2 and any(p.strip() for p in parts[2:]):
            return None, _RANGE_OR_RATIO.format(value=repr(cleaned))
        cleaned = number
    elif kind not in NUMERIC_TYPES:
        return None, _VALUE_TYPE.format(kind=kind)
    if not cleaned:
        return None, _NO_VALUE
    if _COMPARATOR.fullmatch(cleaned):
        return None, _BOUND.format(value=Number(cleaned))
    if "," in cleaned:
        return None, _COMMA.format(value=repr(cleaned))
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        return None, _NOT_NUMBER.format(value=repr(cleaned[:20]))
    if len(cleaned.lstrip("+-").replace(".", "").lstrip("0")) > MAX_DIGITS:
        return None, _TOO_MANY_DIGITS.format(value=repr(cleaned[:20]))
    value = Decimal(cleaned)
    if value < 0:
        return None, _NEGATIVE.format(value=Number(cleaned))
    return value, ""


_RANGE = re.compile(r"([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*-\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_LOWER_BOUND = re.compile(r"(?:>=|>|≥)\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def lower_limit(reference_range: str) -> Decimal | None:
    """The lower limit of normal an OBX-7 range gives: "4.0-11.0" → 4.0, ">1.5" → 1.5;
    "<5", text or nothing → None."""
    text = reference_range.strip()
    match = _RANGE.fullmatch(text) or _LOWER_BOUND.fullmatch(text)
    return None if match is None else Decimal(match.group(1))


# --- result status (OBX-11, HL7 table 0085) ----------------------------------------------

CHARTED_STATUS = {"F": "final", "C": "corrected", "U": "final", "P": "preliminary"}
CHARTED_STATUS.update({"R": "preliminary", "S": "preliminary"})
#: Statuses that carry no result: pending, cannot be obtained, not asked, order detail.
NO_RESULT_STATUS = frozenset({"I", "X", "N", "O"})


def status_of(code: str) -> tuple[str | None, str]:
    """(charted status, "") ; (None, "") when the OBX carries no result ; (None, reason)
    when a person must act: a deleted result, a result posted to the wrong patient, or a
    status wardchart does not know."""
    key = code.strip().upper()
    if key in CHARTED_STATUS:
        return CHARTED_STATUS[key], ""
    if key in NO_RESULT_STATUS:
        return None, ""
    if key == "D":
        return None, _DELETED
    if key == "W":
        return None, _WRONG_PATIENT
    return None, _UNKNOWN_STATUS.format(status=repr(key or "(none)"))


def record_status(statuses: list[str]) -> str:
    """A CBC's status from its observations': preliminary while any is, else corrected
    when any was, else final."""
    if "preliminary" in statuses:
        return "preliminary"
    return "corrected" if "corrected" in statuses else "final"


# --- the message --------------------------------------------------------------------------


def processing_refusal(processing_id: str, *, accept_test: bool) -> str:
    """Why a message of this MSH-11 processing id is not charted ("" when it is)."""
    mode = processing_id.split("^")[0].strip().upper()
    if mode == "P":
        return ""
    if mode == "T" and accept_test:
        return ""
    if mode == "T":
        return _TEST_MESSAGE
    if mode == "Q":
        return _QC_MESSAGE
    return _NOT_PRODUCTION.format(mode=repr(mode or "(none)"))


def version_refusal(version: str) -> str:
    """Why a message of this MSH-12 version is refused ("" for v2.x)."""
    number = version.split("^")[0].strip()
    if re.fullmatch(r"2(\.[0-9]+){1,2}", number):
        return ""
    return _NOT_V2.format(version=repr(number or "(none)"))


_HL7_TIME = re.compile(
    r"([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2}(?:\.[0-9]{1,4})?)?([+-][0-9]{4})?"
)


def lab_time(text: str, field: str, tz: tzinfo | None = None) -> datetime:
    """An HL7 time "YYYYMMDDHHMM[SS[.S]][+ZZZZ]" as an aware datetime.

    The offset is used when given; otherwise it is local wall-clock time, and a time the
    clock skipped or showed twice is refused like a typed one (wardchart.domain.timeparse).
    Years outside 1900-2999 are refused like typed ones. A fraction of a second is dropped:
    the chart keeps times to the second, and the message keeps the time as it came (see
    docs/hl7-import.md, "Times").
    """
    cleaned = text.split("^")[0].strip()
    match = _HL7_TIME.fullmatch(cleaned)
    if match is None:
        raise InvalidEntry([Problem(field, _NOT_A_TIME.format(value=repr(cleaned[:24])))])
    year, month, day, hour, minute, seconds, offset = match.groups()
    try:
        whole = int(seconds[:2]) if seconds else 0
        # Wall-clock reading first; the zone is attached below (offset, or local rules).
        naive = datetime(int(year), int(month), int(day), int(hour), int(minute), whole)  # noqa: DTZ001
        if not FIRST_YEAR <= naive.year <= LAST_YEAR:
            raise InvalidEntry(
                [
                    Problem(
                        field,
                        _OUTSIDE_YEARS.format(
                            value=repr(cleaned), first=FIRST_YEAR, last=LAST_YEAR
                        ),
                    )
                ]
            )
        if offset is None:
            return as_aware(naive, tz, field=field)
        sign = -1 if offset[0] == "-" else 1
        hours, minutes = int(offset[1:3]), int(offset[3:5])
        if hours > 14 or minutes > 59:
            raise ValueError
        zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
        return naive.replace(tzinfo=zone)
    except ValueError:
        problem = _NOT_REAL_TIME.format(value=repr(cleaned))
        raise InvalidEntry([Problem(field, problem)]) from None


def birth_date(text: str) -> date | None:
    """PID-7 date of birth (YYYYMMDD, maybe with a time); None when absent or unreadable."""
    match = re.match(r"([0-9]{4})([0-9]{2})([0-9]{2})", text.split("^")[0].strip())
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


@dataclass(frozen=True)
class PatientId:
    """One repetition of PID-3: the identifier and its type code (MR for an MRN)."""

    value: str
    type_code: str = ""


def mrn_candidates(ids: list[PatientId]) -> list[str]:
    """The MRNs to look up: those typed MR when any is, else every identifier given;
    in normal form (see docs/identifiers.md), each once."""
    typed = [i for i in ids if i.type_code.strip().upper() == "MR" and i.value.strip()]
    chosen = typed or [i for i in ids if i.value.strip()]
    found: list[str] = []
    for ident in chosen:
        mrn = normal_mrn(ident.value)
        if mrn and hidden_character(ident.value) is None and mrn not in found:
            found.append(mrn)
    return found


# --- from observations to a CBC -----------------------------------------------------------


@dataclass(frozen=True)
class LabValue:
    """One charted observation, converted: counts in ×10⁹/L, percentages in %."""

    concept: str
    value: Decimal
    status: str
    lln: Decimal | None = None


def to_chart_value(
    concept: str, value: Decimal, unit_text: str, reference_range: str, status: str
) -> tuple[LabValue | None, str]:
    """Convert one observation: (value, "") or (None, why a person must look at it).

    Counts need a known unit: the factor of 1000 between ×10⁹/L and cells/µL is the
    commonest error in laboratory data. A percentage with no unit and a value of 1 or less
    may be a decimal fraction (0.40 for 40 %) or a real 0.4 %: it is held. The decimal
    fraction code 71676-1 is multiplied by 100.
    """
    unit = unit_text.strip()
    if concept in COUNTS or concept == "bands_abs":
        count = count_unit(unit)
        if count is None:
            shown = Number(plain(value))
            return None, (
                _UNKNOWN_UNIT.format(concept=concept, value=shown, unit=repr(unit))
                if unit
                else _NO_UNIT.format(concept=concept, value=shown)
            )
        lln = lower_limit(reference_range) if concept in ("wbc", "anc") else None
        return (
            LabValue(
                concept,
                value * count.factor,
                status,
                None if lln is None else lln * count.factor,
            ),
            "",
        )
    if concept == "neut_fraction":
        if unit not in ("", "1", "{fraction}"):
            return None, _FRACTION_UNIT.format(unit=repr(unit))
        if value > 1:
            return None, _FRACTION_ABOVE_ONE.format(value=Number(plain(value)))
        return LabValue("neut_pct", value * 100, status), ""
    if unit not in ("%", ""):
        return None, _NOT_PERCENT.format(
            concept=concept, value=Number(plain(value)), unit=repr(unit)
        )
    if not unit and value <= 1:
        return None, _FRACTION_OR_PERCENT.format(
            concept=concept, value=Number(plain(value)), percent=Number(plain(value * 100))
        )
    return LabValue(concept, value, status), ""


def cbc_entry(values: list[LabValue], taken: datetime) -> tuple[CbcEntry | None, str]:
    """A CBC entry (in ×10⁹/L) from one order's observations, or (None, why not)."""
    by_concept: dict[str, LabValue] = {}
    for value in values:
        if value.concept in by_concept and by_concept[value.concept].value != value.value:
            return None, _TWO_VALUES.format(concept=value.concept)
        by_concept[value.concept] = value
    total, segs = by_concept.get("neut_pct"), by_concept.get("segs_pct")
    bands, anc = by_concept.get("bands_pct"), by_concept.get("anc")
    if total is not None and segs is not None:
        return None, _TOTAL_AND_SEGS
    if total is not None and bands is not None and anc is None:
        return None, _TOTAL_AND_BANDS
    wbc = by_concept.get("wbc")
    if wbc is None and anc is None:
        return None, ""  # nothing wardchart charts (a differential alone, platelets alone)
    platelets = by_concept.get("platelets")
    neut = total or segs
    return (
        CbcEntry(
            taken=taken,
            unit=PER_LITRE_E9,
            wbc=None if wbc is None else wbc.value,
            anc=None if anc is None else anc.value,
            neut_pct=None if neut is None else neut.value,
            bands_pct=None if bands is None or total is not None else bands.value,
            platelets=None if platelets is None else platelets.value,
            anc_lln=None if anc is None else anc.lln,
            wbc_lln=None if wbc is None else wbc.lln,
        ),
        "",
    )


def needs_a_person(entry: CbcEntry) -> list[str]:
    """What in a laboratory's CBC must be checked by a person before it is charted.

    A laboratory's units are its own, so a count that would be "probably cells/µL" when
    typed is, in a message, a number and a unit that disagree: held, not guessed. The
    same goes for a WBC below the analyser's range and a reference range whose lower limit
    is far from any normal one. Other warnings of manual entry (a time more than 7 days
    ago, a percentage below 1, a high WBC without G-CSF) are the laboratory's facts: they
    are charted and recorded with the result. See docs/hl7-import.md.
    """
    reasons: list[str] = []
    for name, value in (("wbc", entry.wbc), ("anc", entry.anc)):
        if value is not None and value >= UNIT_SLIP_COUNT:
            reasons.append(_ABOVE_RANGE.format(name=name, value=Number(plain(value))))
    if entry.platelets is not None and entry.platelets >= UNIT_SLIP_PLATELETS:
        reasons.append(_ABOVE_RANGE.format(name="platelets", value=Number(plain(entry.platelets))))
    if entry.wbc is not None and 0 < entry.wbc < MIN_REPORTABLE_WBC:
        reasons.append(_BELOW_RANGE.format(value=Number(plain(entry.wbc))))
    for name, lln in (("anc_lln", entry.anc_lln), ("wbc_lln", entry.wbc_lln)):
        if lln is None:
            continue
        low, high = LLN_RANGE[name]
        if not low <= lln <= high:
            reasons.append(_UNUSUAL_LLN.format(value=Number(plain(lln))))
    return reasons


# --- escape sequences (HL7 v2 chapter 2, "escape sequences in text fields") --------------


@dataclass(frozen=True)
class Separators:
    """A message's delimiters, from MSH-1 and MSH-2."""

    field: str = "|"
    component: str = "^"
    repetition: str = "~"
    escape: str = "\\"
    subcomponent: str = "&"


#: Characters that occur in the numbers, times, units and ranges wardchart reads
#: ("0.45", "+0100", "10*9/L", "<0.5", "%"): none may be a delimiter, or a value would be
#: split apart and charted changed (see docs/hl7-import.md, "Delimiters").
_IN_VALUES = frozenset(".+-*/%<>=,:")


def delimiter_refusal(field_sep: str, encoding: str) -> str:
    """Why a message's delimiters (MSH-1, MSH-2) are refused ("" when they are sound).

    MSH-2 must be exactly four characters (component, repetition, escape, subcomponent;
    HL7 v2.5.1 chapter 2, MSH-2), and these and the field separator must be five different
    printable ASCII punctuation characters, none of which occurs in a value wardchart reads.
    """
    if len(encoding) != 4:
        return _MSH2_LENGTH.format(value=repr(encoding[:8]))
    chars = field_sep + encoding
    for char in chars:
        if not ("!" <= char <= "~") or char.isalnum() or char in _IN_VALUES:
            return _DELIMITER_IN_VALUES.format(value=repr(char))
    if len(set(chars)) != len(chars):
        return _DELIMITER_TWICE.format(value=repr(chars))
    return ""


def unescape(text: str, seps: Separators) -> str:
    """Decode \\F\\ \\S\\ \\T\\ \\R\\ \\E\\ (the delimiters), \\Xhh..\\ (bytes, UTF-8 else
    Latin-1), \\.br\\ (a line break); highlighting (\\H\\ \\N\\) and character-set switches
    are dropped. An unknown sequence is kept as it came, so it can never become a number."""
    if not seps.escape or seps.escape not in text:
        return text
    named = {
        "F": seps.field,
        "S": seps.component,
        "T": seps.subcomponent,
        "R": seps.repetition,
        "E": seps.escape,
        "H": "",
        "N": "",
        ".br": "\n",
    }
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        end = text.find(seps.escape, index + 1) if char == seps.escape else -1
        if end == -1:
            out.append(char)
            index += 1
            continue
        sequence = text[index + 1 : end]
        if sequence in named:
            out.append(named[sequence])
        elif re.fullmatch(r"X([0-9A-Fa-f]{2})+", sequence):
            raw = bytes.fromhex(sequence[1:])
            try:
                out.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(raw.decode("latin-1"))
        elif re.fullmatch(r"[CM][0-9A-Fa-f]+", sequence):
            pass  # a character-set switch: the text itself follows
        else:
            out.append(text[index : end + 1])
        index = end + 1
    return "".join(out)


#: The longest reason a nurse may give for attaching or dismissing a held message.
DECISION_REASON_MAX = 500


def decision_reason_problem(reason: str) -> str | None:
    """Why a reason for attaching or dismissing a held laboratory message is not usable,
    or None: it must say something, and fit on the record."""
    text = reason.strip()
    if not text:
        return _NO_REASON
    if len(text) > DECISION_REASON_MAX:
        return _REASON_TOO_LONG.format(count=DECISION_REASON_MAX)
    if any(ord(c) < 32 for c in text):
        return _REASON_ONE_LINE
    return None
