"""FHIR R4 out and in: a chart as a Bundle, and a Bundle's counts and temperatures charted.

The FHIR R4 models (``fhir.resources``) are imported here only, when a bundle is exported.
The codes, statuses and identifiers are in wardchart.domain.fhir_rules; every decision
is explained in docs/fhir.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from wardchart.domain import fhir_rules as fr
from wardchart.domain import hl7_rules
from wardchart.domain.chart import ChartedResult, PatientChart
from wardchart.domain.plausibility import check_temperature
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.records import Patient
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import audit, operations, queries, records
from wardchart.storage.database import ChartStore
from wardchart.storage.hl7_import import chart_lab_result, supersede_reason
from wardchart.storage.records import utc_text

# --- export -------------------------------------------------------------------------------


def _ref(resource_id: str) -> dict[str, str]:
    return {"reference": fr.entry_uuid(resource_id)}


def _entry(key: str, resource: dict[str, Any]) -> dict[str, Any]:
    resource["identifier"] = [{"system": fr.RECORD_SYSTEM, "value": key}]
    return {"fullUrl": fr.entry_uuid(key), "resource": resource}


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": fr.CATEGORY_SYSTEM, "code": code, "display": display}]}]


def _patient(patient: Patient) -> dict[str, Any]:
    entry = _entry(patient.id, {"resourceType": "Patient", "birthDate": patient.dob.isoformat()})
    resource = entry["resource"]
    resource["identifier"].append(fr.mr_identifier(patient.mrn))
    family, _, given = patient.name.partition(",")
    name: dict[str, Any] = {"text": patient.name}
    if family.strip():
        name["family"] = family.strip()
    if given.strip():
        name["given"] = given.split()
    resource["name"] = [name]
    return entry


def _result_entries(patient: Patient, charted: ChartedResult) -> list[dict[str, Any]]:
    result = charted.result
    status = fr.export_status(result.lab_status, corrected=result.corrected)
    values: list[tuple[str, Decimal | None]] = [
        ("wbc", result.wbc),
        ("neut_pct", result.neut_pct),
        ("bands_pct", result.bands_pct),
        ("anc", result.anc),
        ("platelets", result.platelets),
    ]
    entries = []
    for concept, value in values:
        if value is None:
            continue
        computed = concept == "anc" and result.anc_source == "computed"
        # With bands given, wardchart's neutrophil % is the segmented one (see docs/fhir.md).
        name = "segs_pct" if concept == "neut_pct" and result.bands_pct is not None else concept
        code, display, unit = fr.EXPORT_CODES["anc_computed" if computed else name]
        key = f"{result.id}/{concept}"
        resource: dict[str, Any] = {
            "resourceType": "Observation",
            "status": status,
            "category": _category("laboratory", "Laboratory"),
            "code": {
                "coding": [{"system": fr.LOINC_SYSTEM, "code": code, "display": display}],
                "text": display,
            },
            "subject": _ref(patient.id),
            "effectiveDateTime": fr.fhir_datetime(result.taken),
            "valueQuantity": fr.quantity(value, unit),
        }
        lln = {"wbc": result.wbc_lln, "anc": result.anc_lln}.get(concept)
        if lln is not None:
            resource["referenceRange"] = [{"low": fr.quantity(lln, unit)}]
        grade = {"wbc": charted.wbc_grade, "anc": charted.anc_grade}.get(concept)
        found = fr.interpretation(grade)
        notes = []
        if found is not None and grade is not None:
            resource["interpretation"] = [found]
            notes.append(fr.ctcae_text(grade))
        if computed:
            resource["derivedFrom"] = [
                _ref(f"{result.id}/{c}")
                for c in ("wbc", "neut_pct", "bands_pct")
                if dict(values)[c]
            ]
            notes.append("calculated by wardchart: WBC × (neutrophils % + bands %) / 100")
        if notes:
            resource["note"] = [{"text": n} for n in notes]
        entries.append(_entry(key, resource))
    return entries


def export_bundle(charts: Iterable[PatientChart], now: datetime) -> dict[str, Any]:
    """A Bundle of type collection: each patient, their counts, temperatures, G-CSF doses
    and febrile-neutropenia alerts (see docs/fhir.md for every mapping)."""
    entries: list[dict[str, Any]] = []
    for chart in charts:
        patient = chart.patient
        entries.append(_patient(patient))
        for charted in chart.all_results:
            entries += _result_entries(patient, charted)
        code, display, unit = fr.TEMPERATURE_CODE
        for temp in chart.temperatures:
            resource: dict[str, Any] = {
                "resourceType": "Observation",
                "status": "final",
                "category": _category("vital-signs", "Vital Signs"),
                "code": {
                    "coding": [{"system": fr.LOINC_SYSTEM, "code": code, "display": display}],
                    "text": display,
                },
                "subject": _ref(patient.id),
                "effectiveDateTime": fr.fhir_datetime(temp.taken),
                "valueQuantity": fr.quantity(temp.celsius, unit),
            }
            if temp.route:
                resource["note"] = [{"text": f"route: {temp.route}"}]
            entries.append(_entry(temp.id, resource))
        for dose in chart.gcsf_doses:
            resource = {
                "resourceType": "MedicationAdministration",
                "status": "completed",
                "medicationCodeableConcept": {"text": dose.drug},
                "subject": _ref(patient.id),
                "effectiveDateTime": fr.fhir_datetime(dose.given),
            }
            if dose.dose:
                resource["dosage"] = {"text": dose.dose}
            entries.append(_entry(dose.id, resource))
        current = set(chart.current_alerts)
        for alert in chart.alerts:
            key = f"{patient.id}/{alert.kind}/{utc_text(alert.at)}"
            resource = {
                "resourceType": "Flag",
                "status": "active" if alert in current else "inactive",
                "category": [
                    {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/flag-category",
                                "code": "clinical",
                                "display": "Clinical",
                            }
                        ]
                    }
                ],
                "code": {
                    "coding": [
                        {
                            "system": fr.ALERT_SYSTEM,
                            "code": alert.kind,
                            "display": alert.kind.replace("_", " "),
                        }
                    ],
                    "text": f"{alert.detail} [{alert.rule}]",
                },
                "subject": _ref(patient.id),
                "period": {"start": fr.fhir_datetime(alert.at)},
            }
            entries.append(_entry(key, resource))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": fr.fhir_datetime(now),
        "entry": entries,
    }


def validate_bundle(bundle: dict[str, Any]) -> None:
    """Check a bundle against the FHIR R4 (4.0.1) models of ``fhir.resources`` (see
    docs/fhir.md); raise InvalidEntry naming the first element that is wrong."""
    from fhir.resources.bundle import Bundle  # loaded only when a bundle is checked
    from pydantic import ValidationError

    try:
        Bundle.parse_raw(bundle_json(bundle), content_type="application/json")
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"] if p != "__root__")
        raise InvalidEntry(
            [
                Problem(
                    "fhir",
                    QT_TRANSLATE_NOOP(
                        "Fhir", "the bundle is not valid FHIR R4 at {where}: {msg}"
                    ).format(where=where, msg=first["msg"]),
                )
            ]
        ) from None


_MARK = "\x00decimal:"
_MARKED = re.compile(r'"\\u0000decimal:([0-9.eE+-]+)"')


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{_MARK}{format(value, 'f')}"
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def bundle_json(bundle: dict[str, Any]) -> str:
    """The bundle as JSON, every decimal written with exactly its digits (a float would
    turn 13.00 into 13.0, and FHIR keeps a decimal's precision)."""
    text = json.dumps(_encode(bundle), indent=2, ensure_ascii=False)
    return _MARKED.sub(lambda m: m.group(1), text) + "\n"


# --- import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryOutcome:
    """What became of one bundle entry."""

    index: int
    resource_type: str
    key: str
    outcome: str  # charted, held, ignored or refused
    reason: str = ""
    mrn: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "entry": self.index,
            "resource_type": self.resource_type,
            "key": self.key,
            "outcome": self.outcome,
            "reason": self.reason,
            "mrn": self.mrn,
        }


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different. The JSON standard leaves a repeated key
    undefined and Python keeps the last one: ``"value": 1.11, "value": 11.1`` would chart
    11.1 without a word, so such a file is refused (see docs/fhir.md)."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKey(key)
        data[key] = value
    return data


def read_bundle(path: Path) -> dict[str, Any]:
    """A file's bundle, numbers read as exact decimals; not a FHIR Bundle → InvalidEntry."""
    name = str(path)
    try:
        data = json.loads(
            path.read_bytes().decode("utf-8-sig"),
            parse_float=Decimal,
            parse_int=Decimal,
            object_pairs_hook=_unique_keys,
        )
    except _DuplicateKey as error:
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "Fhir",
                        "{name}: the key {key} appears twice in one JSON object: which "
                        "value is meant? nothing was imported",
                    ).format(name=name, key=repr(error.key)),
                )
            ]
        ) from None
    except OSError as error:
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP("Fhir", "cannot read {name}: {strerror}").format(
                        name=name, strerror=error.strerror
                    ),
                )
            ]
        ) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "Fhir", "{name} is not a FHIR Bundle (JSON); nothing was imported"
                    ).format(name=name),
                )
            ]
        )
    kind = data.get("type")
    if kind is None:
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "Fhir",
                        "{name} is a FHIR Bundle without a type; wardchart reads {types}; "
                        "nothing was imported",
                    ).format(name=name, types=", ".join(sorted(fr.BUNDLE_TYPES))),
                )
            ]
        )
    if kind not in fr.BUNDLE_TYPES:
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP(
                        "Fhir",
                        "{name} is a FHIR Bundle of type {kind}; wardchart reads {types}; "
                        "nothing was imported",
                    ).format(name=name, kind=repr(kind), types=", ".join(sorted(fr.BUNDLE_TYPES))),
                )
            ]
        )
    if not isinstance(data.get("entry", []), list):
        raise InvalidEntry(
            [
                Problem(
                    "file",
                    QT_TRANSLATE_NOOP("Fhir", "{name}: the bundle's entry is not a list").format(
                        name=name
                    ),
                )
            ]
        )
    return data


class _Stop(Exception):
    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome, self.reason = outcome, reason


@dataclass
class _Obs:
    index: int
    key: str
    resource: dict[str, Any]
    patient: Patient
    taken: datetime
    concept: str  # a CBC concept, or "temperature"
    value: hl7_rules.LabValue | None = None
    celsius: tuple[Decimal, str] | None = None


def import_bundle(
    store: ChartStore, path: Path, *, actor: str, now: datetime
) -> list[EntryOutcome]:
    """Chart a bundle's WBC, ANC, neutrophil % (with platelets and bands of the same
    sample) and temperatures for patients matched by MRN and birth date; everything else
    is reported. One transaction for the whole file."""
    bundle = read_bundle(path)
    entries = [e if isinstance(e, dict) else {} for e in bundle.get("entry") or []]
    patients = _bundle_patients(entries)
    with store.write() as db:
        local = hl7_rules.parse_local_codes(queries.ward_settings(db).hl7_local_codes)
        outcomes: dict[int, EntryOutcome] = {}
        charted_rows: dict[int, tuple[str, str, Patient | None]] = {}
        pending: list[_Obs] = []
        for index, entry in enumerate(entries, start=1):
            resource = entry.get("resource")
            kind = resource.get("resourceType", "") if isinstance(resource, dict) else ""
            kind = kind if isinstance(kind, str) else ""
            key = fr.entry_key(entry, resource) if isinstance(resource, dict) else ""
            try:
                if not isinstance(resource, dict) or not kind:
                    raise _Stop(
                        "refused",
                        QT_TRANSLATE_NOOP("Fhir", "the entry has no resource"),
                    )
                found = _read_entry(db, resource, key, patients, local)
                pending.append(_Obs(index, key, resource, *found))
            except _Stop as stop:
                outcomes[index] = EntryOutcome(index, kind, key, stop.outcome, stop.reason)
        for group in _groups(pending):
            _chart_group(store, group, outcomes, charted_rows, actor=actor, now=now)
        file = str(path)
        for index, entry in enumerate(entries, start=1):
            outcome = outcomes[index]
            if outcome.reason.startswith("already imported") or (
                outcome.outcome == "held" and _held_before(db, outcome.key)
            ):
                continue
            table, record_id, patient = charted_rows.get(index, ("", "", None))
            row_id = records.new_id()
            db.table("fhir_entries").insert(
                {
                    "id": row_id,
                    "received_at": utc_text(now),
                    "received_by": actor,
                    "file": file,
                    "entry_key": outcome.key,
                    "resource_type": outcome.resource_type,
                    "outcome": outcome.outcome,
                    "reason": outcome.reason,
                    "patient_id": None if patient is None else patient.id,
                    "mrn": outcome.mrn,
                    "record_table": table,
                    "record_id": record_id,
                    "resource": bundle_json(entry.get("resource") or {}),
                }
            )
            # Sealed like a laboratory message: the row's hash in its own audit row, so a
            # row changed behind the triggers is found (docs/tamper-evidence.md).
            (stored,) = audit.stored_rows(db, "fhir_entries", "id = ?", [row_id])
            audit.append(
                db,
                actor=actor,
                action="fhir_entry",
                entity="fhir_entries",
                record_id=row_id,
                patient_id=None if patient is None else patient.id,
                detail={
                    "file": file,
                    "entry_key": outcome.key,
                    "outcome": outcome.outcome,
                    audit.VERSION_KEY: audit.version_hash(stored),
                },
                now=now,
            )
        counts = {k: sum(o.outcome == k for o in outcomes.values()) for k in _OUTCOMES}
        audit.append(
            db,
            actor=actor,
            action="fhir_import",
            entity="fhir_entries",
            detail={"file": file, **counts},
            now=now,
        )
    return [outcomes[i] for i in sorted(outcomes)]


_OUTCOMES = ("charted", "held", "ignored", "refused")
_PERCENTS = frozenset({"neut_pct", "segs_pct"})


def held_entries(db: Database) -> list[dict[str, Any]]:
    """FHIR entries held for a person and not charted or ignored by a later import of the
    same entry, oldest first (see docs/fhir.md)."""
    return list(
        db.query(
            """SELECT id, received_at, file, entry_key, resource_type, mrn, reason
               FROM fhir_entries h
               WHERE outcome = 'held' AND NOT EXISTS (
                   SELECT 1 FROM fhir_entries c
                   WHERE c.entry_key = h.entry_key AND c.rowid > h.rowid
                   AND c.outcome <> 'held')
               ORDER BY rowid"""
        )
    )


def _held_before(db: Database, key: str) -> bool:
    rows = db.query("SELECT 1 FROM fhir_entries WHERE entry_key = ? AND outcome = 'held'", [key])
    return bool(key) and any(True for _ in rows)


def _bundle_patients(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The bundle's Patient resources by every name a reference may use."""
    found: dict[str, dict[str, Any]] = {}
    for entry in entries:
        resource = entry.get("resource")
        if not isinstance(resource, dict) or resource.get("resourceType") != "Patient":
            continue
        if isinstance(entry.get("fullUrl"), str):
            found[entry["fullUrl"].strip()] = resource
        if isinstance(resource.get("id"), str):
            found[f"Patient/{resource['id']}"] = resource
    return found


def _read_entry(
    db: Database,
    resource: dict[str, Any],
    key: str,
    patients: dict[str, dict[str, Any]],
    local: hl7_rules.LocalCodes,
) -> tuple[Patient, datetime, str, hl7_rules.LabValue | None, tuple[Decimal, str] | None]:
    """What one entry would chart, or _Stop saying why it is not charted."""
    kind = resource["resourceType"]
    if kind == "Patient":
        raise _Stop(
            "ignored",
            QT_TRANSLATE_NOOP("Fhir", "Patient: used to match the observations, not charted"),
        )
    if kind != "Observation":
        raise _Stop(
            "ignored",
            QT_TRANSLATE_NOOP("Fhir", "{kind}: wardchart charts Observations only").format(
                kind=kind
            ),
        )
    found = fr.codings(resource.get("code"))
    temperature = fr.is_temperature(found)
    concept, why = hl7_rules.concept_of(found, local)
    if why:
        raise _Stop(
            "held",
            why,
        )
    if concept is None and not temperature:
        shown = ", ".join(c.code for c in found) or "no code"
        raise _Stop(
            "ignored",
            QT_TRANSLATE_NOOP(
                "Fhir", "an Observation ({shown}) that wardchart does not chart"
            ).format(shown=shown),
        )
    if not key:
        raise _Stop(
            "refused",
            QT_TRANSLATE_NOOP("Fhir", "the Observation has no identifier, fullUrl or id"),
        )
    earlier = list(
        db.query(
            "SELECT received_at, outcome, record_table, resource FROM fhir_entries "
            "WHERE entry_key = ? AND outcome IN ('charted', 'ignored') AND record_id <> '' "
            "ORDER BY rowid DESC LIMIT 1",
            [key],
        )
    )
    if earlier and not _sent_again_changed(earlier[0], resource):
        raise _Stop(
            "ignored",
            QT_TRANSLATE_NOOP("Fhir", "already imported on {date}").format(
                date=earlier[0]["received_at"][:10]
            ),
        )
    own = fr.wardchart_record(resource)
    for table in ("results", "temperatures"):
        if own and records.current_version(db, table, own) is not None:
            raise _Stop(
                "ignored",
                QT_TRANSLATE_NOOP("Fhir", "already on this chart (exported from it)"),
            )
    status, why = fr.status_of(resource.get("status"))
    if why:
        raise _Stop(
            "held",
            why,
        )
    if status is None:
        raise _Stop(
            "ignored",
            QT_TRANSLATE_NOOP("Fhir", "status {status}: no result yet").format(
                status=resource.get("status")
            ),
        )
    patient = _match_patient(db, resource, patients)
    taken, why = fr.effective_time(resource)
    if taken is None:
        raise _Stop(
            "held",
            why,
        )
    quantity, value = _quantity(resource)
    if temperature:
        unit = fr.temperature_unit(quantity)
        if unit is None:
            raise _Stop(
                "held",
                QT_TRANSLATE_NOOP(
                    "Fhir", "temperature in unit {unit_text}, not Cel or [degF]"
                ).format(unit_text=repr(fr.unit_text(quantity))),
            )
        return patient, taken, "temperature", None, (value, unit)
    assert concept is not None
    converted = _converted(resource, concept, status, quantity, value)
    return patient, taken, converted.concept, converted, None


def _quantity(resource: dict[str, Any]) -> tuple[dict[str, Any], Decimal]:
    """An Observation's valueQuantity and its value, or _Stop (held) saying why not."""
    quantity = resource.get("valueQuantity")
    if not isinstance(quantity, dict):
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP("Fhir", "no valueQuantity: not a number to chart"),
        )
    why = fr.comparator_refusal(quantity)
    if why:
        raise _Stop(
            "held",
            why,
        )
    value, why = fr.number(quantity.get("value"))
    if value is None:
        raise _Stop(
            "held",
            why,
        )
    return quantity, value


def _converted(
    resource: dict[str, Any],
    concept: str,
    status: str,
    quantity: dict[str, Any],
    value: Decimal,
) -> hl7_rules.LabValue:
    """A count or percentage in wardchart's units, by the HL7 rules, or _Stop (held)."""
    unit_text = fr.unit_text(quantity)
    reference = fr.lower_limit_text(resource, unit_text)
    converted, why = hl7_rules.to_chart_value(concept, value, unit_text, reference, status)
    if converted is None:
        raise _Stop(
            "held",
            why,
        )
    return converted


def _charted_value(
    resource: dict[str, Any], local: hl7_rules.LocalCodes
) -> hl7_rules.LabValue | None:
    """The value an Observation charted before, read again as it was then."""
    concept, _ = hl7_rules.concept_of(fr.codings(resource.get("code")), local)
    status, _ = fr.status_of(resource.get("status"))
    if concept is None or status is None:
        return None
    try:
        return _converted(resource, concept, status, *_quantity(resource))
    except _Stop:
        return None


def _sent_again_changed(earlier: dict[str, Any], resource: dict[str, Any]) -> bool:
    """Whether a count charted before comes again with another status, value, reference
    range or time: a final for a preliminary, a correction (charted as a correction)."""
    if earlier["outcome"] != "charted" or earlier["record_table"] != "results":
        return False
    before = json.loads(earlier["resource"], parse_float=Decimal, parse_int=Decimal)
    fields = ("status", "valueQuantity", "referenceRange", "effectiveDateTime")
    return any(before.get(f) != resource.get(f) for f in fields)


def _match_patient(
    db: Database, resource: dict[str, Any], patients: dict[str, dict[str, Any]]
) -> Patient:
    """The chart's patient for an Observation's subject: the bundle's Patient, matched by
    MRN (identifier of type MR) and birth date, as for HL7 messages."""
    subject = resource.get("subject")
    reference = subject.get("reference") if isinstance(subject, dict) else None
    named = patients.get(reference.strip()) if isinstance(reference, str) else None
    if named is None:
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP("Fhir", "its subject is not a Patient in the bundle"),
        )
    candidates = hl7_rules.mrn_candidates(fr.patient_ids(named))
    if not candidates:
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP("Fhir", "the Patient has no identifier"),
        )
    found = {p.id: p for p in (queries.find_patient(db, m) for m in candidates) if p}
    if not found:
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP("Fhir", "no patient on this chart has MRN {mrns}").format(
                mrns=" or ".join(candidates)
            ),
        )
    if len(found) > 1:
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP("Fhir", "the identifiers {mrns} belong to different patients").format(
                mrns=", ".join(candidates)
            ),
        )
    patient = next(iter(found.values()))
    dob = fr.birth_date(named)
    if dob is None:
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP("Fhir", "MRN {mrn}: the Patient has no birth date to check").format(
                mrn=patient.mrn
            ),
        )
    if dob != patient.dob:
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP(
                "Fhir", "MRN {mrn}: birth date {dob} in the bundle is not the chart's"
            ).format(mrn=patient.mrn, dob=dob),
        )
    return patient


def _groups(pending: list[_Obs]) -> list[list[_Obs]]:
    """Observations charted together: a temperature alone; a CBC's values by patient and
    sample time."""
    groups: dict[tuple[str, str, str], list[_Obs]] = {}
    for obs in pending:
        who = (obs.patient.id, utc_text(obs.taken))
        key = (*who, obs.key) if obs.concept == "temperature" else (*who, "")
        groups.setdefault(key, []).append(obs)
    return list(groups.values())


def _chart_group(
    store: ChartStore,
    group: list[_Obs],
    outcomes: dict[int, EntryOutcome],
    charted_rows: dict[int, tuple[str, str, Patient | None]],
    *,
    actor: str,
    now: datetime,
) -> None:
    patient = group[0].patient
    try:
        with store.write():  # a savepoint: a group held leaves nothing charted
            table, record_id, skipped = _chart(store, group, patient, actor=actor, now=now)
    except _Stop as stop:
        for obs in group:
            kind = obs.resource["resourceType"]
            outcomes[obs.index] = EntryOutcome(
                obs.index, kind, obs.key, stop.outcome, stop.reason, patient.mrn
            )
        return
    for obs in group:
        outcome, reason = "charted", ""
        if obs.index in skipped:
            outcome, reason = "ignored", skipped[obs.index]
        outcomes[obs.index] = EntryOutcome(
            obs.index, "Observation", obs.key, outcome, reason, patient.mrn
        )
        charted_rows[obs.index] = (table, record_id, patient)


def _chart(  # noqa: PLR0912, PLR0915  a temperature, or the CBC of a group, value by value
    store: ChartStore, group: list[_Obs], patient: Patient, *, actor: str, now: datetime
) -> tuple[str, str, dict[int, str]]:
    """Chart one group; return the table, record id and the entries left out (why)."""
    taken = group[0].taken
    if group[0].concept == "temperature":
        assert group[0].celsius is not None
        value, unit = group[0].celsius
        problems = check_temperature(value, unit, taken, dob=patient.dob, now=now)
        needs = [p for p in problems if p.severity == "error" or p.field != "taken"]
        if needs:
            raise _Stop(
                "held",
                QT_TRANSLATE_NOOP("Fhir", "{field}: {message}").format(
                    field=needs[0].field, message=needs[0].message
                ),
            )
        saved = operations.record_temperature(
            store,
            patient=patient,
            value=value,
            unit=unit,
            taken=taken,
            confirm=True,  # only a reading more than 7 days old is left: the lab's fact
            actor=actor,
            now=now,
        )
        return "temperatures", saved.record_id, {}
    skipped: dict[int, str] = {}
    concepts = {o.concept for o in group}
    values = []
    derived_lln = None  # a calculated ANC's lower limit: the chart keeps it (and the grade)
    for obs in group:
        if obs.concept == "anc" and obs.resource.get("derivedFrom") and concepts & _PERCENTS:
            skipped[obs.index] = "a calculated ANC: wardchart calculates it from the WBC and %"
            derived_lln = None if obs.value is None else obs.value.lln
        elif obs.concept == "bands_abs":
            skipped[obs.index] = "an absolute band count is not charted"
        elif obs.value is not None:
            values.append(obs.value)
    earlier = _charted_before(store.db, group, patient)
    reason = ""
    if earlier is not None:
        origin, version, before = earlier
        current = records.current_version(store.db, "results", origin)
        moved = current is not None and current["taken_utc"] != utc_text(taken)
        after = {v.concept: v for v in values}
        reason, why = supersede_reason(before, after, moved=moved)
        if why:
            raise _Stop(
                "held",
                why,
            )
        if not reason:
            raise _Stop(
                "ignored",
                QT_TRANSLATE_NOOP("Fhir", "already imported: the same values and status"),
            )
        if current is None:
            raise _Stop(
                "held",
                QT_TRANSLATE_NOOP(
                    "Fhir",
                    "its earlier result was withdrawn from the chart; chart this one by hand",
                ),
            )
        if current["id"] != version:
            raise _Stop(
                "held",
                QT_TRANSLATE_NOOP(
                    "Fhir",
                    "the charted result was corrected by hand since the laboratory "
                    "sent it; a person compares it with this result",
                ),
            )
        values = list({**before, **after}.values())
    entry, why = hl7_rules.cbc_entry(values, taken)
    if entry is None:
        raise _Stop("held" if why else "ignored", why or "no WBC or ANC of the same sample")
    if entry.anc is None and entry.anc_lln is None and derived_lln is not None:
        entry = replace(entry, anc_lln=derived_lln)
    reasons = hl7_rules.needs_a_person(entry)
    if reasons:
        raise _Stop(
            "held",
            "; ".join(reasons),
        )
    status = hl7_rules.record_status([v.status for v in values])
    if earlier is None:
        # An Observation's identifier names that observation, not the sample: a result at
        # a time the patient already has one is the shared rule (docs/lab-duplicates.md).
        try:
            new_values = operations.cbc_values(store.db, patient, entry, confirm=True, now=now)
        except InvalidEntry as error:
            raise _Stop(
                "held",
                QT_TRANSLATE_NOOP("Fhir", "{field}: {message}").format(
                    field=error.first.field, message=error.first.message
                ),
            ) from None
        if queries.cbc_already_charted(store.db, new_values):
            raise _Stop(
                "ignored",
                QT_TRANSLATE_NOOP(
                    "Fhir", "already on the chart: the same patient, time and counts"
                ),
            )
        clash = queries.same_time_conflict(store.db, new_values)
        if clash:
            raise _Stop(
                "held",
                clash,
            )
    try:
        charted = chart_lab_result(
            store,
            patient=patient,
            entry=entry,
            status=status,
            correcting=None if earlier is None else earlier[:2],
            reason=reason,
            actor=actor,
            now=now,
        )
    except InvalidEntry as error:
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP("Fhir", "{field}: {message}").format(
                field=error.first.field, message=error.first.message
            ),
        ) from None
    return "results", str(charted["id"]), skipped


def _charted_before(
    db: Database, group: list[_Obs], patient: Patient
) -> tuple[str, str, dict[str, hl7_rules.LabValue]] | None:
    """The result an earlier import charted from the same entries (a preliminary now sent
    as final, say): its record id, the version that import charted, and the values it
    charted by concept, read again from the stored resources. None when there is none."""
    keys = [o.key for o in group]
    marks = ", ".join("?" for _ in keys)
    origins = {
        str(row[0])
        for row in db.execute(
            "SELECT r.origin_id FROM fhir_entries f JOIN results r ON r.id = f.record_id "
            f"WHERE f.entry_key IN ({marks}) AND f.outcome = 'charted' "
            "AND f.record_table = 'results'",
            keys,
        )
    }
    if not origins:
        return None
    if len(origins) > 1:
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP("Fhir", "these results were charted before as different samples"),
        )
    (origin,) = origins
    rows = list(
        db.query(
            "SELECT f.record_id, f.patient_id, f.resource FROM fhir_entries f "
            "JOIN results r ON r.id = f.record_id WHERE r.origin_id = ? "
            "AND f.outcome = 'charted' AND f.record_table = 'results' ORDER BY f.rowid",
            [origin],
        )
    )
    if any(r["patient_id"] != patient.id for r in rows):
        raise _Stop(
            "held",
            QT_TRANSLATE_NOOP(
                "Fhir", "charted before for another patient: a person checks both charts"
            ),
        )
    local = hl7_rules.parse_local_codes(queries.ward_settings(db).hl7_local_codes)
    before: dict[str, hl7_rules.LabValue] = {}
    for row in rows:
        resource = json.loads(row["resource"], parse_float=Decimal, parse_int=Decimal)
        value = _charted_value(resource, local)
        if value is not None:
            before[value.concept] = value
    return origin, str(rows[-1]["record_id"]), before
