"""FHIR R4 in and out: which codes, units, statuses and identifiers wardchart writes and
reads. Pure rules on plain JSON values (dicts, lists, Decimal), no model library, no I/O.

The LOINC table, the count units and the matching rules are shared with the HL7 v2
import (wardchart.domain.hl7_rules). Every mapping and decision is explained in
docs/fhir.md.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from wardchart.domain import hl7_rules
from wardchart.domain.grading import Grade
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Number

LOINC_SYSTEM = "http://loinc.org"
UCUM_SYSTEM = "http://unitsofmeasure.org"
IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
#: wardchart's own identifiers: a record's id, stable across exports and corrections.
RECORD_SYSTEM = "urn:wardchart:record"
ALERT_SYSTEM = "urn:wardchart:alert"
#: The name space of the uuids in fullUrl (uuid5 of the identifier value).
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, RECORD_SYSTEM)

#: The codes wardchart writes for a CBC's values: LOINC code, display, UCUM unit.
EXPORT_CODES: dict[str, tuple[str, str, str]] = {
    "wbc": ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*9/L"),
    "anc": ("751-8", "Neutrophils [#/volume] in Blood by Automated count", "10*9/L"),
    "anc_computed": ("26499-4", "Neutrophils [#/volume] in Blood", "10*9/L"),
    "neut_pct": ("770-8", "Neutrophils/100 leukocytes in Blood by Automated count", "%"),
    "segs_pct": ("26505-8", "Neutrophils.segmented/100 leukocytes in Blood", "%"),
    "bands_pct": ("764-1", "Neutrophils.band form/100 leukocytes in Blood by Manual count", "%"),
    "platelets": ("777-3", "Platelets [#/volume] in Blood by Automated count", "10*9/L"),
}
TEMPERATURE_CODE = ("8310-5", "Body temperature", "Cel")
#: Temperature codes read on import: body temperature and oral temperature.
TEMPERATURE_CODES = frozenset({"8310-5", "8331-1"})
TEMPERATURE_UNITS = {"cel": "C", "°c": "C", "[degf]": "F", "°f": "F"}

#: Bundle types whose entries are charted (a transaction is read as a collection).
BUNDLE_TYPES = frozenset({"collection", "transaction", "searchset", "batch"})

#: FHIR Observation.status (R4 value set observation-status) as an HL7 v2 OBX-11 code, so
#: the HL7 rules decide: what is charted, what carries no result, what needs a person.
_STATUS_AS_HL7 = {
    "final": "F",
    "amended": "C",
    "corrected": "C",
    "preliminary": "P",
    "registered": "I",
    "cancelled": "X",
    "entered-in-error": "D",
}

#: No measurement has more significant digits than a double: Synthea writes 16.
MAX_FHIR_DIGITS = 17
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def entry_uuid(identifier_value: str) -> str:
    """The fullUrl of a resource: urn:uuid, the same on every export of the record."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, identifier_value)}"


def clean_text(text: str) -> str:
    """A display string with zero-width characters removed (never used as a key)."""
    return _ZERO_WIDTH.sub("", text).strip()


# --- export ---------------------------------------------------------------------------------


def export_status(lab_status: str, *, corrected: bool) -> str:
    """Observation.status for a CBC record: the laboratory's status, else "amended" for a
    record corrected on the ward, else "final"."""
    if lab_status in ("preliminary", "corrected"):
        return lab_status
    return "amended" if corrected else "final"


def interpretation(grade: Grade | None) -> dict[str, Any] | None:
    """Observation.interpretation from a CTCAE grade: L (low) for grades 1-4, N (normal)
    for grade 0, the grade, term and CTCAE version in the text; None when not gradable."""
    if grade is None or grade.grade is None:
        return None
    code, display = ("N", "Normal") if grade.grade == 0 else ("L", "Low")
    return {
        "coding": [{"system": INTERPRETATION_SYSTEM, "code": code, "display": display}],
        "text": ctcae_text(grade),
    }


def ctcae_text(grade: Grade) -> str:
    """ "CTCAE v5.0 Neutrophil count decreased: grade 3"."""
    return f"CTCAE v{grade.version} {grade.term}: grade {grade.grade}"


def quantity(value: Decimal, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM_SYSTEM, "code": unit}


def fhir_datetime(at: datetime) -> str:
    """An aware time with its offset, to the second (FHIR dateTime)."""
    return at.replace(microsecond=0).isoformat()


def mr_identifier(mrn: str) -> dict[str, Any]:
    return {
        "type": {
            "coding": [
                {"system": IDENTIFIER_TYPE_SYSTEM, "code": "MR", "display": "Medical record number"}
            ]
        },
        "value": mrn,
    }


# --- import ---------------------------------------------------------------------------------

# Every reason is written here once, at import, so that a reason stored in English can be
# shown translated later (docs/translations.md).
_UNKNOWN_STATUS = QT_TRANSLATE_NOOP("FhirRules", "status {status} is not one wardchart charts")
_NO_NUMBER = QT_TRANSLATE_NOOP("FhirRules", "no numeric value")
_TOO_MANY_DIGITS = QT_TRANSLATE_NOOP("FhirRules", "{value} has more digits than any measurement")
_NEGATIVE = QT_TRANSLATE_NOOP("FhirRules", "{value} is negative")
_BOUND = QT_TRANSLATE_NOOP("FhirRules", "{value} is a bound, not a count")
_NO_TIME = QT_TRANSLATE_NOOP("FhirRules", "no effective time")
_NO_TIME_OF_DAY = QT_TRANSLATE_NOOP("FhirRules", "effective time {value} has no time of day")
_NOT_DATETIME = QT_TRANSLATE_NOOP("FhirRules", "effective time {value} is not a FHIR dateTime")
_NO_OFFSET = QT_TRANSLATE_NOOP("FhirRules", "effective time {value} has no time-zone offset")


def status_of(status: Any) -> tuple[str | None, str]:
    """(charted status, "") ; (None, "") when the Observation carries no result yet ;
    (None, reason) when a person must act (see hl7_rules.status_of)."""
    text = status if isinstance(status, str) else ""
    code = _STATUS_AS_HL7.get(text.strip().lower())
    if code is None:
        return None, _UNKNOWN_STATUS.format(status=repr(text or "(none)"))
    return hl7_rules.status_of(code)


def codings(concept: Any) -> list[hl7_rules.Coding]:
    """A CodeableConcept's codings as (code, display, system) triplets."""
    if not isinstance(concept, dict):
        return []
    found = []
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and isinstance(coding.get("code"), str):
            display = coding.get("display")
            system = coding.get("system")
            found.append(
                hl7_rules.Coding(
                    coding["code"].strip(),
                    clean_text(display) if isinstance(display, str) else "",
                    system.strip() if isinstance(system, str) else "",
                )
            )
    return found


def is_temperature(found: list[hl7_rules.Coding]) -> bool:
    return any(
        c.code in TEMPERATURE_CODES and c.system.upper() in hl7_rules.LOINC_SYSTEMS for c in found
    )


def temperature_unit(value_quantity: dict[str, Any]) -> str | None:
    """ "C" or "F" from a valueQuantity's UCUM code (else its unit text); None if neither."""
    for key in ("code", "unit"):
        text = value_quantity.get(key)
        if isinstance(text, str) and text.strip().lower() in TEMPERATURE_UNITS:
            return TEMPERATURE_UNITS[text.strip().lower()]
    return None


def unit_text(value_quantity: dict[str, Any]) -> str:
    """The unit of a valueQuantity as the HL7 unit table reads it: the UCUM code when
    given, else the human-readable unit."""
    for key in ("code", "unit"):
        text = value_quantity.get(key)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


def number(value: Any) -> tuple[Decimal | None, str]:
    """A valueQuantity.value read exactly (the JSON was parsed to Decimal): (value, "") or
    (None, why not). Synthea's 16 significant digits are kept as they came."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return None, _NO_NUMBER
    exact = Decimal(value)
    if not exact.is_finite():
        return None, _NO_NUMBER
    if len(exact.as_tuple().digits) > MAX_FHIR_DIGITS:
        return None, _TOO_MANY_DIGITS.format(value=Number(str(exact)[:24]))
    if exact < 0:
        return None, _NEGATIVE.format(value=Number(str(exact)))
    return exact, ""


def comparator_refusal(value_quantity: dict[str, Any]) -> str:
    """Why a quantity with a comparator ("<0.5") is not a count ("" when it has none)."""
    comparator = value_quantity.get("comparator")
    if comparator in (None, ""):
        return ""
    return _BOUND.format(value=Number(f"{comparator}{value_quantity.get('value')}"))


def lower_limit_text(observation: dict[str, Any], unit: str) -> str:
    """The reference range as text the HL7 rules read (">=LOW"), when its low is in the
    value's own unit; "" otherwise."""
    ranges = observation.get("referenceRange")
    if not isinstance(ranges, list) or not ranges or not isinstance(ranges[0], dict):
        return ""
    low = ranges[0].get("low")
    if not isinstance(low, dict):
        return ""
    value, _ = number(low.get("value"))
    low_unit = unit_text(low)
    if value is None or (low_unit and low_unit != unit):
        return ""
    return f">={value}"


def effective_time(observation: dict[str, Any]) -> tuple[datetime | None, str]:
    """When the sample was taken: effectiveDateTime (or effectivePeriod.start, or
    effectiveInstant) with its offset. A date alone or a time without offset is held."""
    text = observation.get("effectiveDateTime") or observation.get("effectiveInstant")
    period = observation.get("effectivePeriod")
    if text is None and isinstance(period, dict):
        text = period.get("start")
    if not isinstance(text, str) or not text.strip():
        return None, _NO_TIME
    cleaned = text.strip()
    if "T" not in cleaned:
        return None, _NO_TIME_OF_DAY.format(value=repr(cleaned))
    try:
        when = datetime.fromisoformat(cleaned)
    except ValueError:
        return None, _NOT_DATETIME.format(value=repr(cleaned[:32]))
    if when.tzinfo is None:
        return None, _NO_OFFSET.format(value=repr(cleaned))
    return when, ""


def patient_ids(patient: dict[str, Any]) -> list[hl7_rules.PatientId]:
    """A Patient's identifiers, with "MR" as type for those typed MR (v2-0203)."""
    found = []
    for ident in patient.get("identifier") or []:
        if not isinstance(ident, dict) or not isinstance(ident.get("value"), str):
            continue
        kinds = codings(ident.get("type"))
        mr = any(c.code.upper() == "MR" for c in kinds)
        found.append(hl7_rules.PatientId(ident["value"], "MR" if mr else ""))
    return found


def birth_date(patient: dict[str, Any]) -> date | None:
    text = patient.get("birthDate")
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def entry_key(entry: dict[str, Any], resource: dict[str, Any]) -> str:
    """What identifies a resource across files, for "imported twice adds nothing": its
    first identifier (system|value), else its fullUrl, else Type/id; "" if none."""
    for ident in resource.get("identifier") or []:
        if isinstance(ident, dict) and isinstance(ident.get("value"), str):
            system = ident.get("system") if isinstance(ident.get("system"), str) else ""
            return f"{system}|{ident['value']}"
    full_url = entry.get("fullUrl")
    if isinstance(full_url, str) and full_url.strip():
        return full_url.strip()
    rid = resource.get("id")
    if isinstance(rid, str) and rid.strip():
        return f"{resource.get('resourceType')}/{rid.strip()}"
    return ""


def wardchart_record(resource: dict[str, Any]) -> str:
    """The wardchart record id an exported resource names (its urn:wardchart:record
    identifier, before any "/concept"), or ""."""
    for ident in resource.get("identifier") or []:
        if isinstance(ident, dict) and ident.get("system") == RECORD_SYSTEM:
            value = ident.get("value")
            if isinstance(value, str):
                return value.split("/")[0]
    return ""
