"""Every change to the chart: small functions that validate, write and audit in one
transaction, and return what they saved (docs/architecture.md#the-write-path). Nothing is written
when a check fails.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wardchart.domain.identifiers import (
    identifier_problems,
    normal_identifier,
    normal_mrn,
    normal_text,
)
from wardchart.domain.plausibility import (
    CbcEntry,
    check_cbc,
    check_cycle_start,
    check_patient,
    check_temperature,
    check_text,
    check_time,
    normalise_cbc,
)
from wardchart.domain.problems import InvalidEntry, Problem, raise_if_blocking
from wardchart.domain.records import Patient, RecordKind, Regimen
from wardchart.domain.regimens import check_regimen, unlisted_regimen
from wardchart.domain.settings import WardSettings, apply_setting, setting_problems
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.domain.units import fahrenheit_to_celsius, plain
from wardchart.storage import audit, convert, queries, records
from wardchart.storage.database import ChartStore
from wardchart.storage.records import utc_text
from wardchart.storage.replica import local_replica

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Saved:
    """What a change saved: the kind of record, its stable id and its patient."""

    table: RecordKind
    record_id: str
    patient_id: str | None = None


def _local(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def patient_values(
    *,
    mrn: str,
    name: str,
    dob: date,
    sex: str,
    bed: str,
    diagnosis: str,
    marrow_involved: bool,
    immune_disorder: bool,
    high_risk_notes: str,
    confirm: bool = False,
    now: datetime,
) -> dict[str, Any]:
    """Check a patient's details and build the row."""
    raise_if_blocking(
        check_patient(mrn, name, dob, sex, today=now.astimezone().date())
        + identifier_problems("bed", bed, 40)
        + check_text("diagnosis", diagnosis, 500)
        + check_text("high_risk_notes", high_risk_notes, 500),
        confirmed=confirm,
    )
    return {  # identifiers and names in normal form: see docs/identifiers.md
        "mrn": normal_mrn(mrn),
        "name": normal_text(name),
        "dob": dob.isoformat(),
        "sex": sex,
        "bed": normal_identifier(bed),
        "diagnosis": normal_text(diagnosis),
        "marrow_involved": int(marrow_involved),
        "immune_disorder": int(immune_disorder),
        "high_risk_notes": normal_text(high_risk_notes),
    }


def admit_patient(
    store: ChartStore,
    *,
    mrn: str,
    name: str,
    dob: date,
    sex: str = "",
    bed: str = "",
    diagnosis: str = "",
    marrow_involved: bool = False,
    immune_disorder: bool = False,
    high_risk_notes: str = "",
    confirm: bool = False,
    actor: str,
    now: datetime,
) -> Saved:
    """Admit a patient; a current patient with the same MRN is refused."""
    values = patient_values(
        mrn=mrn,
        name=name,
        dob=dob,
        sex=sex,
        bed=bed,
        diagnosis=diagnosis,
        marrow_involved=marrow_involved,
        immune_disorder=immune_disorder,
        high_risk_notes=high_risk_notes,
        confirm=confirm,
        now=now,
    )
    with store.write() as db:
        if queries.find_patient(db, mrn) is not None:
            raise InvalidEntry(
                [
                    Problem(
                        "mrn",
                        QT_TRANSLATE_NOOP(
                            "ChartStore", "a patient with MRN {mrn} is already on this chart"
                        ).format(mrn=repr(values["mrn"])),
                    )
                ]
            )
        record_id = records.create(db, RecordKind.PATIENTS, values, actor=actor, now=now)
    return Saved(RecordKind.PATIENTS, record_id, record_id)


def start_cycle(
    store: ChartStore,
    *,
    patient: Patient,
    regimen_name: str,
    day1: date,
    nadir_window: tuple[int, int] | None = None,
    cycle_length_days: int | None = None,
    confirm: bool = False,
    actor: str,
    now: datetime,
) -> Saved:
    """Start the patient's next cycle, numbered automatically.

    The regimen's window, length and day-1 thresholds are copied into the cycle; the two
    options override them for this cycle. A regimen not in the library needs a window.
    """
    raise_if_blocking(identifier_problems("regimen", regimen_name, 80))
    with store.write() as db:
        regimen = queries.find_regimen(db, regimen_name)
        if regimen is None:
            if nadir_window is None:
                known = ", ".join(r.name for r in queries.regimens(db))
                raise InvalidEntry(
                    [
                        Problem(
                            "regimen",
                            QT_TRANSLATE_NOOP(
                                "ChartStore",
                                "{regimen_name} is not in the ward's library ({known}); give its "
                                "nadir window too",
                            ).format(regimen_name=repr(regimen_name), known=known),
                        )
                    ]
                )
            regimen = unlisted_regimen(regimen_name, nadir_window)
        window = nadir_window or (regimen.nadir_start, regimen.nadir_end)
        # None means "the regimen's"; any number given (0 too) is checked as given.
        length = regimen.cycle_length_days if cycle_length_days is None else cycle_length_days
        previous = db.execute(
            "SELECT max(number), max(day1) FROM current_cycles WHERE patient_id = ?", [patient.id]
        ).fetchone()
        prev_number = int(previous[0] or 0)
        prev_day1 = date.fromisoformat(previous[1]) if previous[1] else None
        raise_if_blocking(
            check_cycle_start(
                day1,
                dob=patient.dob,
                today=now.astimezone().date(),
                previous_day1=prev_day1,
                nadir_start=window[0],
                nadir_end=window[1],
                cycle_length_days=length,
            ),
            confirmed=confirm,
        )
        values: dict[str, Any] = {
            "patient_id": patient.id,
            "number": prev_number + 1,
            "regimen_id": regimen.id or None,
            "regimen_name": regimen.name,
            "day1": day1.isoformat(),
            "cycle_length_days": length,
            "nadir_start": window[0],
            "nadir_end": window[1],
            "anc_threshold": convert.dec_text(regimen.anc_threshold),
            "anc_op": regimen.anc_op,
            "plt_threshold": convert.dec_text(regimen.plt_threshold),
            "plt_op": regimen.plt_op,
        }
        record_id = records.create(
            db, RecordKind.CYCLES, values, actor=actor, now=now, patient_id=patient.id
        )
    return Saved(RecordKind.CYCLES, record_id, patient.id)


def record_cbc(
    store: ChartStore,
    *,
    patient: Patient,
    entry: CbcEntry,
    confirm: bool = False,
    source: str = "manual",
    lab_status: str = "",
    actor: str,
    now: datetime,
) -> Saved:
    """Record a CBC: normalise to ×10⁹/L, compute the ANC if needed, check, save.
    ``lab_status`` is a laboratory result's status (preliminary, final, corrected)."""
    with store.write() as db:
        values = cbc_values(db, patient, entry, confirm=confirm, now=now)
        values["source"] = source
        if lab_status:
            values["lab_status"] = lab_status
        return _create(store, RecordKind.RESULTS, values, patient, actor=actor, now=now)


def cbc_values(
    db: Database, patient: Patient, entry: CbcEntry, *, confirm: bool, now: datetime
) -> dict[str, Any]:
    """Check a CBC against the chart and build its row (inside the caller's transaction)."""
    last_gcsf = queries.last_gcsf_before(db, patient.id, entry.taken)
    problems = check_cbc(entry, dob=patient.dob, now=now, last_gcsf=last_gcsf)
    raise_if_blocking(problems, confirmed=confirm)

    normal = normalise_cbc(entry)
    entered = {
        k: plain(v)
        for k, v in (
            ("wbc", entry.wbc),
            ("anc", entry.anc),
            ("neut_pct", entry.neut_pct),
            ("bands_pct", entry.bands_pct),
            ("platelets", entry.platelets),
            ("anc_lln", entry.anc_lln),
            ("wbc_lln", entry.wbc_lln),
        )
        if v is not None
    }
    warnings = [p.message for p in problems if p.severity == "warning"]
    return {
        "patient_id": patient.id,
        "taken_at": _local(entry.taken),
        "taken_utc": utc_text(entry.taken),
        "wbc": convert.dec_text(normal.wbc),
        "anc": convert.dec_text(normal.anc),
        "anc_source": normal.anc_source,
        "neut_pct": convert.dec_text(normal.neut_pct),
        "bands_pct": convert.dec_text(normal.bands_pct),
        "platelets": convert.dec_text(normal.platelets),
        "anc_lln": convert.dec_text(normal.anc_lln),
        "wbc_lln": convert.dec_text(normal.wbc_lln),
        "unit_entered": entry.unit.name,
        "entered": json.dumps(entered, sort_keys=True),
        "confirmed_warnings": "; ".join(warnings),
    }


def temperature_values(
    patient: Patient,
    *,
    value: Decimal,
    unit: str,
    taken: datetime,
    route: str = "",
    confirm: bool = False,
    now: datetime,
) -> dict[str, Any]:
    """Check a temperature in °C or °F and build its row; °F is converted exactly to °C."""
    problems = check_temperature(value, unit, taken, dob=patient.dob, now=now)
    raise_if_blocking(problems, confirmed=confirm)
    celsius = value if unit == "C" else fahrenheit_to_celsius(value)
    return {
        "patient_id": patient.id,
        "taken_at": _local(taken),
        "taken_utc": utc_text(taken),
        "celsius": plain(celsius),
        "value_entered": plain(value),
        "unit_entered": unit,
        "route": route,
        "confirmed_warnings": "; ".join(p.message for p in problems),
    }


def record_temperature(
    store: ChartStore,
    *,
    patient: Patient,
    value: Decimal,
    unit: str,
    taken: datetime,
    route: str = "",
    confirm: bool = False,
    actor: str,
    now: datetime,
) -> Saved:
    """Record a temperature."""
    values = temperature_values(
        patient, value=value, unit=unit, taken=taken, route=route, confirm=confirm, now=now
    )
    return _create(store, RecordKind.TEMPERATURES, values, patient, actor=actor, now=now)


def gcsf_values(
    patient: Patient,
    *,
    given: datetime,
    drug: str,
    dose: str = "",
    confirm: bool = False,
    now: datetime,
) -> dict[str, Any]:
    """Check a G-CSF dose and build its row."""
    problems = check_time(given, "given", dob=patient.dob, now=now)
    problems += check_text("drug", drug, 80) + check_text("dose", dose, 80)
    if not drug.strip():
        problems.append(
            Problem(
                "drug",
                QT_TRANSLATE_NOOP("ChartStore", "name the drug, e.g. filgrastim or pegfilgrastim"),
            )
        )
    raise_if_blocking(problems, confirmed=confirm)
    return {
        "patient_id": patient.id,
        "given_at": _local(given),
        "given_utc": utc_text(given),
        "drug": drug.strip(),
        "dose": dose.strip(),
    }


def record_gcsf(
    store: ChartStore,
    *,
    patient: Patient,
    given: datetime,
    drug: str,
    dose: str = "",
    confirm: bool = False,
    actor: str,
    now: datetime,
) -> Saved:
    """Record a G-CSF dose."""
    values = gcsf_values(patient, given=given, drug=drug, dose=dose, confirm=confirm, now=now)
    return _create(store, RecordKind.GCSF_DOSES, values, patient, actor=actor, now=now)


def _create(
    store: ChartStore,
    table: RecordKind,
    values: dict[str, Any],
    patient: Patient,
    *,
    actor: str,
    now: datetime,
) -> Saved:
    with store.write() as db:
        record_id = records.create(db, table, values, actor=actor, now=now, patient_id=patient.id)
    return Saved(table, record_id, patient.id)


def set_precautions(
    store: ChartStore,
    *,
    patient: Patient,
    active: bool,
    note: str = "",
    actor: str,
    now: datetime,
) -> Saved:
    """Set or clear neutropenic precautions (docs/clinical-rules.md#neutropenic-precautions)."""
    raise_if_blocking(check_text("note", note, 500))
    values = {
        "patient_id": patient.id,
        "active": int(active),
        "at_utc": utc_text(now),
        "note": normal_text(note),
    }
    return _create(store, RecordKind.PRECAUTIONS, values, patient, actor=actor, now=now)


def save_regimen(
    store: ChartStore, regimen: Regimen, *, confirm: bool = False, actor: str, now: datetime
) -> Saved:
    """Add a regimen to the ward's library, or replace the one with the same name."""
    check_regimen(regimen, confirmed=confirm)
    regimen = replace(regimen, name=normal_identifier(regimen.name))
    values = convert.regimen_values(regimen)
    with store.write() as db:
        existing = queries.find_regimen(db, regimen.name)
        if existing is None:
            record_id = records.create(db, "regimens", values, actor=actor, now=now)
        else:
            record_id = existing.id
            records.supersede(
                db,
                "regimens",
                existing.id,
                values,
                actor=actor,
                now=now,
                reason="ward library edited",
            )
    return Saved(RecordKind.REGIMENS, record_id)


def check_ward_setting(
    store: ChartStore, settings: WardSettings, key: str, value: str, *, confirm: bool = False
) -> None:
    """Raise ``InvalidEntry`` naming ``key`` unless ``value`` may be saved for it (as
    ``set_ward_setting`` checks it; nothing is written): a bad key, an impossible value,
    an inbox folder that is not one, or warnings not confirmed."""
    apply_setting(settings, key, value)  # raises on a bad key or an impossible value
    if key == "hl7_inbox" and value.strip():
        from wardchart.storage.files import inbox_problem

        why = inbox_problem(Path(value.strip()), store.path)
        if why:
            raise InvalidEntry([Problem(key, why)])
    raise_if_blocking(setting_problems(key, value), confirmed=confirm)


def set_ward_setting(
    store: ChartStore, key: str, value: str, *, confirm: bool = False, actor: str, now: datetime
) -> Saved:
    """Change one ward setting; the old value stays in the file and in the audit. A setting
    the machine file locks is refused (see docs/deployment.md)."""
    from wardchart.storage.machine_config import refuse_locked_setting

    refuse_locked_setting(key)
    with store.write() as db:
        before = queries.ward_settings(db)
        check_ward_setting(store, before, key, value, confirm=confirm)
        record_id = records.new_id()
        replica = local_replica(db)
        db.table("ward_settings").insert(
            {
                "id": record_id,
                "recorded_at": utc_text(now),
                "recorded_by": actor,
                "key": key,
                "value": value,
                # the change it replaces and where it was made: docs/merging.md
                **(
                    {}
                    if replica is None
                    else {
                        "replica_id": replica,
                        "supersedes": queries.current_setting_row(db, key),
                    }
                ),
            }
        )
        audit.append(
            db,
            actor=actor,
            action="settings",
            entity="ward_settings",
            record_id=record_id,
            now=now,
            detail={
                "key": key,
                "before": str(getattr(before, key)),
                "after": value,
                audit.VERSION_KEY: records.seal(db, "ward_settings", record_id),
            },
        )
    return Saved(RecordKind.WARD_SETTINGS, record_id)


def log_event(
    store: ChartStore,
    *,
    action: str,
    entity: str,
    detail: dict[str, Any],
    actor: str,
    now: datetime,
    patient_id: str | None = None,
) -> None:
    """Audit an event that changes no record: an export, a print, a report."""
    with store.write() as db:
        audit.append(
            db,
            actor=actor,
            action=action,
            entity=entity,
            patient_id=patient_id,
            detail=detail,
            now=now,
        )


# --- corrections (docs/architecture.md#records): a new version that supersedes, with a reason -----


def _need_reason(reason: str) -> None:
    raise_if_blocking(check_text("reason", reason, 500))
    if not reason.strip():
        raise InvalidEntry(
            [
                Problem(
                    "reason",
                    QT_TRANSLATE_NOOP("ChartStore", "give a reason for the correction"),
                )
            ]
        )


def _changed_since(db: Database, table: str, record_id: str) -> str:
    """Why a correction of a record read earlier is refused: who changed it, and when."""
    rows = list(
        db.query(
            f"SELECT recorded_by, recorded_at, entered_in_error FROM {table} "
            "WHERE origin_id = ? ORDER BY recorded_at DESC, rowid DESC LIMIT 1",
            [record_id],
        )
    )
    if not rows:
        return "this record is not on the chart; nothing was saved"
    latest = rows[0]
    at = datetime.fromisoformat(str(latest["recorded_at"]).replace("Z", "+00:00"))
    change = "marked entered in error" if latest["entered_in_error"] else "changed"
    return (
        f"this record was {change} by {latest['recorded_by']} at "
        f"{at.astimezone():%Y-%m-%d %H:%M} since you opened it; nothing was saved — "
        "reopen it to see the new value"
    )


def _supersede(
    db: Database,
    table: RecordKind,
    record_id: str,
    values: dict[str, Any],
    *,
    reason: str,
    actor: str,
    now: datetime,
    expected_version: str,
    entered_in_error: bool = False,
) -> Saved:
    """Write the new version, under the write lock, only if the record's current version is
    still ``expected_version``, the one the nurse (or the import) saw; otherwise nothing is
    written (see docs/concurrent-corrections.md)."""
    current = records.current_version(db, table, record_id)
    if current is None or current["id"] != expected_version:
        raise InvalidEntry([Problem("record", _changed_since(db, table, record_id))])
    records.supersede(
        db,
        table,
        record_id,
        values,
        reason=reason,
        actor=actor,
        now=now,
        entered_in_error=entered_in_error,
    )
    patient_id = current.get("patient_id") or (record_id if table == RecordKind.PATIENTS else None)
    return Saved(table, record_id, patient_id)


def correct_cbc(
    store: ChartStore,
    *,
    patient: Patient,
    record_id: str,
    entry: CbcEntry,
    expected_version: str,
    reason: str,
    confirm: bool = False,
    lab_status: str | None = None,
    actor: str,
    now: datetime,
) -> Saved:
    """Replace a CBC's values, checked exactly like a new entry (a laboratory result's
    status is kept unless ``lab_status`` gives the new one)."""
    _need_reason(reason)
    with store.write() as db:
        values = cbc_values(db, patient, entry, confirm=confirm, now=now)
        if lab_status is not None:
            values["lab_status"] = lab_status
        return _supersede(
            db,
            RecordKind.RESULTS,
            record_id,
            values,
            reason=reason,
            actor=actor,
            now=now,
            expected_version=expected_version,
        )


def correct_temperature(
    store: ChartStore,
    *,
    patient: Patient,
    record_id: str,
    value: Decimal,
    unit: str,
    taken: datetime,
    route: str = "",
    expected_version: str,
    reason: str,
    confirm: bool = False,
    actor: str,
    now: datetime,
) -> Saved:
    """Replace a temperature's values, checked exactly like a new entry."""
    _need_reason(reason)
    values = temperature_values(
        patient, value=value, unit=unit, taken=taken, route=route, confirm=confirm, now=now
    )
    with store.write() as db:
        return _supersede(
            db,
            RecordKind.TEMPERATURES,
            record_id,
            values,
            reason=reason,
            actor=actor,
            now=now,
            expected_version=expected_version,
        )


def correct_gcsf(
    store: ChartStore,
    *,
    patient: Patient,
    record_id: str,
    given: datetime,
    drug: str,
    dose: str = "",
    expected_version: str,
    reason: str,
    confirm: bool = False,
    actor: str,
    now: datetime,
) -> Saved:
    """Replace a G-CSF dose's values, checked exactly like a new entry."""
    _need_reason(reason)
    values = gcsf_values(patient, given=given, drug=drug, dose=dose, confirm=confirm, now=now)
    with store.write() as db:
        return _supersede(
            db,
            RecordKind.GCSF_DOSES,
            record_id,
            values,
            reason=reason,
            actor=actor,
            now=now,
            expected_version=expected_version,
        )


def correct_cycle(
    store: ChartStore,
    *,
    patient: Patient,
    record_id: str,
    day1: date,
    nadir_window: tuple[int, int],
    cycle_length_days: int,
    expected_version: str,
    reason: str,
    confirm: bool = False,
    actor: str,
    now: datetime,
) -> Saved:
    """Correct a cycle's day 1, nadir window or length: every cycle day moves with it."""
    _need_reason(reason)
    with store.write() as db:
        cycles = queries.patient_records(db, patient).cycles
        position = next((i for i, c in enumerate(cycles) if c.id == record_id), None)
        if position is None:
            raise InvalidEntry(
                [
                    Problem(
                        "record",
                        QT_TRANSLATE_NOOP("ChartStore", "this cycle is no longer on the chart"),
                    )
                ]
            )
        previous = cycles[position - 1].day1 if position > 0 else None
        following = cycles[position + 1].day1 if position + 1 < len(cycles) else None
        raise_if_blocking(
            check_cycle_start(
                day1,
                dob=patient.dob,
                today=now.astimezone().date(),
                previous_day1=previous,
                next_day1=following,
                nadir_start=nadir_window[0],
                nadir_end=nadir_window[1],
                cycle_length_days=cycle_length_days,
            ),
            confirmed=confirm,
        )
        values = {
            "day1": day1.isoformat(),
            "nadir_start": nadir_window[0],
            "nadir_end": nadir_window[1],
            "cycle_length_days": cycle_length_days,
        }
        return _supersede(
            db,
            RecordKind.CYCLES,
            record_id,
            values,
            reason=reason,
            actor=actor,
            now=now,
            expected_version=expected_version,
        )


def correct_patient(
    store: ChartStore,
    *,
    patient: Patient,
    mrn: str,
    name: str,
    dob: date,
    sex: str = "",
    bed: str = "",
    diagnosis: str = "",
    marrow_involved: bool = False,
    immune_disorder: bool = False,
    high_risk_notes: str = "",
    expected_version: str,
    reason: str,
    confirm: bool = False,
    actor: str,
    now: datetime,
) -> Saved:
    """Correct or update a patient's details (a new bed too); the old values stay."""
    _need_reason(reason)
    values = patient_values(
        mrn=mrn,
        name=name,
        dob=dob,
        sex=sex,
        bed=bed,
        diagnosis=diagnosis,
        marrow_involved=marrow_involved,
        immune_disorder=immune_disorder,
        high_risk_notes=high_risk_notes,
        confirm=confirm,
        now=now,
    )
    with store.write() as db:
        other = queries.find_patient(db, mrn)
        if other is not None and other.id != patient.id:
            raise InvalidEntry(
                [
                    Problem(
                        "mrn",
                        QT_TRANSLATE_NOOP("ChartStore", "MRN {mrn} belongs to {name}").format(
                            mrn=repr(values["mrn"]), name=other.name
                        ),
                    )
                ]
            )
        return _supersede(
            db,
            RecordKind.PATIENTS,
            patient.id,
            values,
            reason=reason,
            actor=actor,
            now=now,
            expected_version=expected_version,
        )


def mark_entered_in_error(
    store: ChartStore,
    *,
    table: RecordKind | str,
    record_id: str,
    expected_version: str,
    reason: str,
    actor: str,
    now: datetime,
) -> Saved:
    """Withdraw a record from the chart; it stays in the file and its history."""
    kind = RecordKind.charted_named(table)
    if kind is None:
        raise InvalidEntry(
            [
                Problem(
                    "record",
                    QT_TRANSLATE_NOOP("ChartStore", "{table} records cannot be withdrawn").format(
                        table=table
                    ),
                )
            ]
        )
    _need_reason(reason)
    with store.write() as db:
        return _supersede(
            db,
            kind,
            record_id,
            {},
            reason=reason,
            actor=actor,
            now=now,
            expected_version=expected_version,
            entered_in_error=True,
        )


def record_history(
    store: ChartStore, table: RecordKind | str, record_id: str
) -> list[dict[str, Any]]:
    """Every version of a record, oldest first: values, who, when and why."""
    kind = RecordKind.charted_named(table)
    if kind is None:
        raise InvalidEntry(
            [
                Problem(
                    "record",
                    QT_TRANSLATE_NOOP("ChartStore", "{table} has no record history").format(
                        table=table
                    ),
                )
            ]
        )
    return records.history(store.db, kind, record_id)
