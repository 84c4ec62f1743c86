"""Reading the chart: current records as domain objects. No writes here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, tzinfo
from typing import TYPE_CHECKING, Any, TypeVar

from wardchart.domain.census import (
    RECENT_MARGIN,
    CensusRow,
    census_row,
    recent_records_suffice,
    recent_since,
)
from wardchart.domain.chart import PatientChart, build_chart
from wardchart.domain.fever import FN_RULES
from wardchart.domain.identifiers import identifier_key, identifier_problems, normal_mrn
from wardchart.domain.merge_rules import SettingRow, setting_heads, setting_winner
from wardchart.domain.problems import InvalidEntry, Problem, raise_if_blocking
from wardchart.domain.records import (
    Cycle,
    GcsfDose,
    LabResult,
    Patient,
    Precaution,
    Regimen,
    Temperature,
)
from wardchart.domain.settings import WardSettings, apply_setting
from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import convert
from wardchart.storage.records import utc_text

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class PatientRecords:
    """A patient's current records of every kind."""

    patient: Patient
    cycles: list[Cycle]
    results: list[LabResult]
    temperatures: list[Temperature]
    gcsf_doses: list[GcsfDose]
    precautions: list[Precaution]


def all_patients(db: Database) -> list[Patient]:
    """Every current patient, by bed then name."""
    rows = db.query("SELECT * FROM current_patients ORDER BY bed, name, recorded_at, id")
    return [convert.patient(row) for row in rows]


def find_patient(db: Database, mrn: str) -> Patient | None:
    """The current patient with this MRN, if any, however it was typed or stored: MRNs
    are compared in their normal form (see docs/identifiers.md). Patients admitted before
    MRNs were normalised keep the MRN as it was typed, so they are compared one by one
    when the stored form does not match."""
    key = normal_mrn(mrn)
    if not key:
        return None
    rows = db.query("SELECT * FROM current_patients WHERE mrn = ? ORDER BY recorded_at, id", [key])
    row = next(iter(rows), None)
    if row is None:
        stored = db.execute(
            "SELECT id, mrn FROM current_patients WHERE mrn <> ? ORDER BY recorded_at, id", [key]
        )
        match = next((i for i, m in stored if normal_mrn(m) == key), None)
        if match is not None:
            row = next(iter(db.query("SELECT * FROM current_patients WHERE id = ?", [match])))
    return None if row is None else convert.patient(row)


def require_patient(db: Database, mrn: str) -> Patient:
    """The patient with this MRN, or an entry error naming the MRN field."""
    raise_if_blocking(identifier_problems("mrn", mrn))
    found = find_patient(db, mrn)
    if found is None:
        raise InvalidEntry(
            [
                Problem(
                    "mrn",
                    QT_TRANSLATE_NOOP(
                        "ChartStore", "no patient with MRN {mrn} on this chart"
                    ).format(mrn=repr(mrn)),
                )
            ]
        )
    return found


def _rows(db: Database, table: str, patient_id: str, order: str) -> list[dict[str, object]]:
    sql = f"SELECT * FROM current_{table} WHERE patient_id = ? ORDER BY {order}, origin_id"
    return list(db.query(sql, [patient_id]))


def patient_records(db: Database, patient: Patient) -> PatientRecords:
    """All current records of one patient (indexed look-ups by patient)."""
    pid = patient.id
    return PatientRecords(
        patient=patient,
        cycles=[convert.cycle(r) for r in _rows(db, "cycles", pid, "day1")],
        results=[convert.result(r) for r in _rows(db, "results", pid, "taken_utc")],
        temperatures=[convert.temperature(r) for r in _rows(db, "temperatures", pid, "taken_utc")],
        gcsf_doses=[convert.gcsf_dose(r) for r in _rows(db, "gcsf_doses", pid, "given_utc")],
        precautions=[convert.precaution(r) for r in _rows(db, "precautions", pid, "at_utc")],
    )


def load_chart(
    db: Database,
    patient: Patient,
    settings: WardSettings,
    now: datetime,
    tz: tzinfo | None = None,
) -> PatientChart:
    """A patient's computed chart."""
    r = patient_records(db, patient)
    return build_chart(
        r.patient,
        r.cycles,
        r.results,
        r.temperatures,
        r.gcsf_doses,
        r.precautions,
        settings,
        now,
        tz,
    )


T = TypeVar("T")
_RECENT_SQL = """
    SELECT t.* FROM current_{table} t
    JOIN (SELECT patient_id, max(day1) AS day1 FROM current_cycles {where} GROUP BY patient_id) c
      ON c.patient_id = t.patient_id
    WHERE t.taken_utc >= date(c.day1, '-{days} days')
    ORDER BY t.patient_id, t.taken_utc
"""
_LATEST_SQL = """
    SELECT * FROM current_results WHERE patient_id = ? {where}
    ORDER BY taken_utc DESC LIMIT 1
"""


def _grouped(
    db: Database, sql: str, make: Callable[[dict[str, Any]], T], ids: Sequence[str] = ()
) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = defaultdict(list)
    for row in db.query(sql, list(ids)):
        grouped[row["patient_id"]].append(make(row))
    return grouped


def census_rows(
    db: Database,
    settings: WardSettings,
    now: datetime,
    tz: tzinfo | None = None,
    patients: Sequence[Patient] | None = None,
) -> list[CensusRow]:
    """Every patient's census line, read in a handful of queries whatever the file's size.

    A census line needs the current cycle and the alerts since its day 1, so only the
    records since shortly before that day 1 are read (``recent_records_suffice`` says when
    that is enough; otherwise that patient's whole chart is read), plus each patient's
    latest result and latest ANC. Tests check every line against ``load_chart``.
    ``patients``: only these (the window reads a big census in parts); default all.
    """
    chosen = all_patients(db) if patients is None else list(patients)
    if not chosen:
        return []
    ids = [] if patients is None else [p.id for p in chosen]
    where = f"WHERE patient_id IN ({', '.join('?' for _ in ids)})" if ids else ""
    days = RECENT_MARGIN.days
    cycles = _grouped(
        db, f"SELECT * FROM current_cycles {where} ORDER BY patient_id, day1", convert.cycle, ids
    )
    precautions = _grouped(
        db,
        f"SELECT * FROM current_precautions {where} ORDER BY patient_id, at_utc",
        convert.precaution,
        ids,
    )
    recent_results = _grouped(
        db, _RECENT_SQL.format(table="results", days=days, where=where), convert.result, ids
    )
    recent_temps = _grouped(
        db,
        _RECENT_SQL.format(table="temperatures", days=days, where=where),
        convert.temperature,
        ids,
    )
    rule = FN_RULES[settings.fn_rule]
    rows = []
    for patient in chosen:
        own_cycles = cycles.get(patient.id, [])
        temps = recent_temps.get(patient.id, [])
        loaded_from = None
        if own_cycles:
            since = recent_since(max(c.day1 for c in own_cycles))
            loaded_from = datetime.combine(since, time(), tzinfo=UTC)
        if loaded_from is None or not recent_records_suffice(rule, temps, loaded_from):
            rows.append(census_row(load_chart(db, patient, settings, now, tz)))
            continue
        results = recent_results.get(patient.id, [])
        results += _latest_missing(db, patient.id, results)
        chart = build_chart(
            patient,
            own_cycles,
            results,
            temps,
            [],
            precautions.get(patient.id, []),
            settings,
            now,
            tz,
        )
        rows.append(census_row(chart))
    return rows


def _latest_missing(db: Database, patient_id: str, results: list[LabResult]) -> list[LabResult]:
    """The patient's latest result and latest ANC, if the recent ones do not hold them."""
    missing = []
    for where, present in (
        ("", bool(results)),
        ("AND anc IS NOT NULL", any(r.anc is not None for r in results)),
    ):
        if not present:
            rows = list(db.query(_LATEST_SQL.format(where=where), [patient_id]))
            found = [convert.result(r) for r in rows]
            missing += [r for r in found if r not in missing]
    return missing


#: Where a reader has got to in the audit log: the last row's sequence number and hash.
AuditPosition = tuple[int, str]
#: Audit entities whose change can alter any patient's census line.
_WARD_WIDE = {"ward_settings"}


def audit_position(db: Database) -> AuditPosition:
    """The audit log's last row (0, "" when empty)."""
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, "") if row is None else (int(row[0]), str(row[1]))


def changes_since(db: Database, seen: AuditPosition) -> tuple[set[str] | None, AuditPosition]:
    """The patients whose records changed after ``seen``, and the new position.

    Every change writes an audit row naming its patient (a patient's own record names
    it as the record), so this is exact. None means "read everything again": the ward
    settings changed, or the row at ``seen`` is not the one seen (the file was replaced).
    """
    seq, digest = seen
    now_at = audit_position(db)
    if seq:
        row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
        if row is None or row[0] != digest:
            return None, now_at
    patients: set[str] = set()
    sql = "SELECT entity, record_id, patient_id FROM audit_log WHERE seq > ? ORDER BY seq"
    for entity, record_id, patient_id in db.execute(sql, [seq]):
        if entity in _WARD_WIDE:
            return None, now_at
        if patient_id:
            patients.add(patient_id)
        elif entity == "patients" and record_id:
            patients.add(record_id)
    return patients, now_at


def _setting_rows(db: Database, key: str | None = None) -> list[tuple[SettingRow, str]]:
    columns = {c[1] for c in db.execute("PRAGMA table_info(ward_settings)")}
    merged = "replica_id" in columns
    extra = ", supersedes, replica_id" if merged else ", NULL, NULL"
    where = "" if key is None else "WHERE key = ?"
    sql = f"SELECT id, key, recorded_at, value{extra} FROM ward_settings {where} ORDER BY rowid"
    return [
        (SettingRow(str(i), str(k), str(at), s, r), str(v))
        for i, k, at, v, s, r in db.execute(sql, [] if key is None else [key])
    ]


def _set_aside(db: Database, table: str) -> frozenset[str]:
    if "resolution_set_aside" not in db.table_names():
        return frozenset()
    rows = db.execute("SELECT version_id FROM resolution_set_aside WHERE record_table = ?", [table])
    return frozenset(str(r[0]) for r in rows)


def setting_heads_by_key(db: Database) -> dict[str, list[SettingRow]]:
    """Each key's changes that no later change replaced (two or more: changed apart)."""
    grouped: dict[str, list[SettingRow]] = defaultdict(list)
    for row, _ in _setting_rows(db):
        grouped[row.key].append(row)
    aside = _set_aside(db, "ward_settings")
    return {key: setting_heads(rows, aside) for key, rows in grouped.items()}


def current_setting_row(db: Database, key: str) -> str | None:
    """The id of the change of ``key`` that holds now (None: never changed)."""
    rows = [row for row, _ in _setting_rows(db, key)]
    winner = setting_winner(setting_heads(rows, _set_aside(db, "ward_settings")))
    return None if winner is None else winner.id


def ward_settings(db: Database) -> WardSettings:
    """The ward's current settings: defaults (this computer's machine file may give its
    own) overlaid with every saved change, in the order they were recorded, the change that
    holds last (the same on every replica, see docs/merging.md); then what the machine file
    locks (docs/deployment.md)."""
    from wardchart.storage.machine_config import load_machine_config

    machine = load_machine_config()
    found = _setting_rows(db)
    grouped: dict[str, list[SettingRow]] = defaultdict(list)
    for row, _ in found:
        grouped[row.key].append(row)
    aside = _set_aside(db, "ward_settings")
    winners = {
        w.id for rows in grouped.values() if (w := setting_winner(setting_heads(rows, aside)))
    }
    order = sorted(found, key=lambda f: (f[0].id in winners, f[0].recorded_at, f[0].id))
    settings = machine.with_ward_settings(WardSettings(), locked=False)
    for row, value in order:
        if row.id in aside:
            continue
        try:
            settings = apply_setting(settings, row.key, value)
        except InvalidEntry:
            continue  # a key from a newer wardchart: ignore rather than fail
    return machine.with_ward_settings(settings, locked=True)


def regimens(db: Database) -> list[Regimen]:
    """The ward's regimen library, by name."""
    rows = db.query("SELECT * FROM current_regimens ORDER BY name COLLATE NOCASE")
    return [convert.regimen(row) for row in rows]


def find_regimen(db: Database, name: str) -> Regimen | None:
    """A regimen by name, ignoring case and compared in normal form (see
    docs/identifiers.md)."""
    key = identifier_key(name)
    stored = db.execute("SELECT id, name FROM current_regimens ORDER BY recorded_at, id")
    match = next((i for i, n in stored if identifier_key(n) == key), None)
    rows = db.query("SELECT * FROM current_regimens WHERE id = ?", [match])
    row = next(iter(rows), None)
    return None if row is None else convert.regimen(row)


def last_gcsf_before(db: Database, patient_id: str, at: datetime) -> datetime | None:
    """The latest G-CSF dose given at or before ``at``."""
    rows = db.query(
        "SELECT given_at FROM current_gcsf_doses WHERE patient_id = ? AND given_utc <= ? "
        "ORDER BY given_utc DESC LIMIT 1",
        [patient_id, utc_text(at)],
    )
    row = next(iter(rows), None)
    return None if row is None else datetime.fromisoformat(row["given_at"])


_SUMMARY_SKIP = {
    "id",
    "origin_id",
    "supersedes",
    "reason",
    "entered_in_error",
    "recorded_at",
    "recorded_by",
    "patient_id",
    "taken_utc",
    "given_utc",
    "entered",
    "confirmed_warnings",
}


def patient_history(db: Database, patient_id: str, tables: Sequence[str]) -> list[dict[str, Any]]:
    """Every version of every record of a patient, oldest first, with a short summary."""
    versions: list[dict[str, Any]] = []
    for table in tables:
        column = "origin_id" if table == "patients" else "patient_id"
        for row in db.query(f"SELECT * FROM {table} WHERE {column} = ?", [patient_id]):
            summary = ", ".join(
                f"{k}={v}" for k, v in row.items() if k not in _SUMMARY_SKIP and v not in (None, "")
            )
            versions.append({"table": table, **row, "summary": summary})
    return sorted(versions, key=lambda v: (v["recorded_at"], v["table"]))


def resolve_record(db: Database, table: str, id_or_prefix: str) -> dict[str, Any]:
    """The current version of a record by its id, or by a unique prefix of 8+ characters."""
    text = id_or_prefix.strip().lower()
    if len(text) < 8:
        raise InvalidEntry(
            [
                Problem(
                    "id",
                    QT_TRANSLATE_NOOP(
                        "ChartStore",
                        "give the record id (at least its first 8 characters; see "
                        "wardchart history --mrn MRN)",
                    ),
                )
            ]
        )
    rows = list(
        db.query(
            f"SELECT * FROM current_{table} WHERE origin_id LIKE ? LIMIT 2",
            [text.replace("%", "").replace("_", "") + "%"],
        )
    )
    if not rows:
        raise InvalidEntry(
            [
                Problem(
                    "id",
                    QT_TRANSLATE_NOOP(
                        "ChartStore",
                        "no current record {id_or_prefix} of this kind (corrected or "
                        "withdrawn records keep their old id)",
                    ).format(id_or_prefix=repr(id_or_prefix)),
                )
            ]
        )
    if len(rows) > 1:
        raise InvalidEntry(
            [
                Problem(
                    "id",
                    QT_TRANSLATE_NOOP(
                        "ChartStore",
                        "{id_or_prefix} matches more than one record; give more of the id",
                    ).format(id_or_prefix=repr(id_or_prefix)),
                )
            ]
        )
    return rows[0]


def patient_by_id(db: Database, patient_id: str) -> Patient:
    """A current patient by stable id."""
    rows = list(db.query("SELECT * FROM current_patients WHERE origin_id = ?", [patient_id]))
    if not rows:
        raise InvalidEntry(
            [
                Problem(
                    "id",
                    QT_TRANSLATE_NOOP(
                        "ChartStore", "this record's patient is no longer on the chart"
                    ),
                )
            ]
        )
    return convert.patient(rows[0])


def cbc_already_charted(db: Database, values: dict[str, Any]) -> bool:
    """The rule every import shares (CSV and HL7): the same patient, time and counts are
    already in the file, in any version — current, corrected or marked entered in error.
    Importing the same result again adds nothing, whether it was imported or typed in by
    hand, and never brings back a result that was withdrawn or corrected."""
    row = db.execute(
        "SELECT 1 FROM results WHERE patient_id = ? AND taken_utc = ? AND wbc IS ? AND anc IS ?",
        [values["patient_id"], values["taken_utc"], values["wbc"], values["anc"]],
    ).fetchone()
    return row is not None


def same_time_conflict(db: Database, values: dict[str, Any]) -> str:
    """The second rule every import shares (HL7, FHIR, CSV), after ``cbc_already_charted``:
    a result for a patient and collection time the chart already has a result for, with
    other counts, is never charted beside it — a final sent for a preliminary, a second
    sample or a wrong value: a person decides. Returns why ("" when there is no such
    result, or when it is the same result again). See docs/lab-duplicates.md."""
    if cbc_already_charted(db, values):
        return ""
    if not result_taken_at(db, values["patient_id"], values["taken_utc"]):
        return ""
    return (
        "the patient already has a result at the same collection time with other values: "
        "a final for a preliminary, or a second sample? A person decides"
    )


def result_taken_at(db: Database, patient_id: str, taken_utc: str) -> bool:
    """Whether the patient has a current CBC taken at exactly this time."""
    row = db.execute(
        "SELECT 1 FROM current_results WHERE patient_id = ? AND taken_utc = ?",
        [patient_id, taken_utc],
    ).fetchone()
    return row is not None
