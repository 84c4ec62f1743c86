"""Chart files for the benchmarks, written by the demo generator.

The ward file is written record by record through wardchart's own operations (checks,
audit rows and all). The hospital-scale file would take minutes that way, so its first
``template`` patients are written the same way and the rest are copies of them with new
ids, MRNs, names and beds, appended with executemany in one transaction, each copy with
the audit rows its records would have had, so the hash chain still verifies.
"""

from __future__ import annotations

import re
import shutil
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wardchart.demo import DemoPatient, synthetic_patients, write_demo_ward
from wardchart.storage import audit, replica
from wardchart.storage.database import open_chart

#: Tables that hold a patient's records (besides the patient row itself).
PATIENT_TABLES = ("cycles", "results", "temperatures", "gcsf_doses", "precautions")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class Size:
    """How big a generated chart file is."""

    patients: int
    cycles: tuple[int, int]
    #: Patients written through the operations; the rest are copies of them.
    template: int
    #: Cycles of the first patient, the one the "select a patient" figure opens.
    long_patient_cycles: int = 10


WARD = Size(patients=40, cycles=(1, 6), template=40)
#: 5,000 patients; 2–7 cycles of daily CBCs come to about 100 results each (~500,000).
HOSPITAL = Size(patients=5000, cycles=(2, 7), template=100)
TINY = Size(patients=6, cycles=(1, 2), template=3, long_patient_cycles=2)


def people(size: Size, today: date) -> list[DemoPatient]:
    """The template patients: the first has ``long_patient_cycles`` cycles."""
    found = synthetic_patients(size.template, today=today, seed=8, cycles=size.cycles)
    first = found[0]
    long = DemoPatient(**{**first.__dict__, "cycles": size.long_patient_cycles})
    return [long, *found[1:]]


def write_file(path: Path, size: Size, now: datetime) -> dict[str, int]:
    """Write a new chart file of ``size``; return how many rows each table holds."""
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    store = open_chart(path, create=True)
    try:
        write_demo_ward(store, now=now, people=people(size, now.date()))
        if size.patients > size.template:
            _copy_patients(store.conn, size.patients - size.template)
        counts = {
            table: int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("patients", *PATIENT_TABLES, "audit_log")
        }
        store.conn.execute("PRAGMA optimize")
    finally:
        store.close()
    return counts


def cached_file(folder: Path, name: str, size: Size, now: datetime) -> tuple[Path, dict[str, int]]:
    """A generated file for today, reused by later runs the same day (the big one takes a
    while); the run's figures never write to it — they work on a copy."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{now.date().isoformat()}-{size.patients}.sqlite"
    if not path.exists():
        for old in folder.glob(f"{name}-*.sqlite"):
            old.unlink()
        partial = path.with_suffix(".part")
        write_file(partial, size, now)
        partial.rename(path)
    store = open_chart(path, create=False)
    try:
        counts = {
            table: int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("patients", *PATIENT_TABLES, "audit_log")
        }
    finally:
        store.close()
    return path, counts


def working_copy(source: Path, folder: Path) -> Path:
    """A copy the figures may write to."""
    target = folder / f"work-{source.name}"
    for stale in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def _copy_patients(conn: Any, count: int) -> None:
    """Append ``count`` copies of the file's patients, with their records and audit rows."""
    conn.row_factory = None
    originals = [row[0] for row in conn.execute("SELECT id FROM patients ORDER BY rowid")]
    columns = {t: _columns(conn, t) for t in ("patients", *PATIENT_TABLES)}
    rows = {
        t: _group(conn, t, columns[t], "origin_id" if t == "patients" else "patient_id")
        for t in columns
    }
    audit_columns = _columns(conn, "audit_log")
    audit_rows = _audit_by_patient(conn, audit_columns)
    regimen_ids = {row[0]: row[0] for row in conn.execute("SELECT id FROM regimens")}
    seq = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    mine = replica.identity(conn)
    assert mine is not None
    position, last_hash = conn.execute(  # this file's own chain (see docs/merging.md)
        "SELECT coalesce(max(origin_seq), 0), (SELECT hash FROM audit_log WHERE replica_id = ?1 "
        "ORDER BY origin_seq DESC LIMIT 1) FROM audit_log WHERE replica_id = ?1",
        [mine.id],
    ).fetchone()
    if last_hash is None:
        last_hash = conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC").fetchone()[0]
    inserts: dict[str, list[tuple[Any, ...]]] = {t: [] for t in columns}
    new_audit: list[tuple[Any, ...]] = []
    for n in range(count):
        source = originals[n % len(originals)]
        number = len(originals) + n + 1
        ids = dict(regimen_ids)  # cycles point at the shared regimen library: keep those

        def remap(text: str, ids: dict[str, str] = ids) -> str:
            return _UUID.sub(lambda m: ids.setdefault(m.group(0), str(uuid.uuid4())), text)

        patient = dict(zip(columns["patients"], rows["patients"][source][0], strict=True))
        renames = {
            patient["mrn"]: f"SYN{number:06d}",
            patient["name"]: f"{patient['name'].split('-')[0]}-{number}, "
            + patient["name"].split(", ")[-1],
            patient["bed"]: f"{patient['bed'][0]}-{number:04d}",
        }
        sealed: dict[str, str] = {}  # a version's hash -> its copy's, for the audit rows
        for table, cols in columns.items():
            for row in rows[table].get(source, []):
                clone = tuple(_clone(c, v, remap, renames) for c, v in zip(cols, row, strict=True))
                inserts[table].append(clone)
                sealed[audit.version_hash(dict(zip(cols, row, strict=True)))] = audit.version_hash(
                    dict(zip(cols, clone, strict=True))
                )
        for row in audit_rows.get(source, []):
            values = dict(zip(audit_columns, row, strict=True))
            seq += 1
            position += 1
            values.update(
                seq=seq,
                record_id=remap(values["record_id"]) if values["record_id"] else None,
                patient_id=remap(values["patient_id"]) if values["patient_id"] else None,
                detail=_reseal(_rename(remap(values["detail"]), renames), sealed),
                prev_hash=last_hash,
                replica_id=mine.id,
                origin_seq=position,
            )
            values["hash"] = last_hash = audit.row_hash_v2(values)
            new_audit.append(tuple(values[c] for c in audit_columns))
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, cols in columns.items():
            marks = ", ".join("?" for _ in cols)
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", inserts[table]
            )
        marks = ", ".join("?" for _ in audit_columns)
        conn.executemany(f"INSERT INTO audit_log VALUES ({marks})", new_audit)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _columns(conn: Any, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _group(conn: Any, table: str, columns: list[str], key: str) -> dict[str, list[tuple[Any, ...]]]:
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    order = "seq" if table == "audit_log" else "rowid"
    for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"):
        if row[columns.index(key)] is not None:
            grouped.setdefault(row[columns.index(key)], []).append(row)
    return grouped


def _audit_by_patient(conn: Any, columns: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Audit rows by patient; a patient's own rows carry it as the record id."""
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    at = {c: columns.index(c) for c in ("patient_id", "record_id", "entity")}
    for row in conn.execute(f"SELECT {', '.join(columns)} FROM audit_log ORDER BY seq"):
        key = row[at["patient_id"]] or (
            row[at["record_id"]] if row[at["entity"]] == "patients" else None
        )
        if key is not None:
            grouped.setdefault(key, []).append(row)
    return grouped


def _clone(column: str, value: Any, remap: Any, renames: dict[str, str]) -> Any:
    if column in ("id", "origin_id", "supersedes", "patient_id") and value:
        return remap(value)
    if column in ("mrn", "name", "bed"):
        return renames.get(value, value)
    return value


def _reseal(detail: str, sealed: dict[str, str]) -> str:
    """An audit row's detail sealing the copy's version instead of the original's."""
    found = audit.sealed_version(detail)
    if found is None or found not in sealed:
        return detail
    return detail.replace(found, sealed[found])


def _rename(text: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        if old:
            text = text.replace(f'"{old}"', f'"{new}"')
    return text
