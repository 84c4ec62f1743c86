"""Merge figures (see docs/merging.md), each beside its floor measured in the same run:
SQLite's own ATTACH + INSERT … SELECT of the same rows into a copy of the same file, in one
transaction.

- a clinic laptop (a copy of the hospital-scale chart, then 40 patients × 3 cycles charted
  on it) merged into the hospital-scale file;
- two hospital-scale replicas differing by 5 % of their records (one has 5 % more patients
  with their records, written after the copy) merged.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path

from benchmarks.figures import Figure, timed
from benchmarks.generate import Size, _copy_patients, people
from wardchart.demo import _write_patient
from wardchart.storage.database import open_chart
from wardchart.storage.merge import MERGED_TABLES, copy_chart, merge_from

LAPTOP = Size(patients=40, cycles=(3, 3), template=40, long_patient_cycles=3)


def _fresh(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    for stale in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def laptop_of(hospital: Path, folder: Path, now: datetime, size: Size = LAPTOP) -> Path:
    """A laptop's replica of the hospital chart with ``size`` patients charted on it."""
    store = open_chart(hospital, create=False)
    try:
        laptop = copy_chart(store, folder / "laptop.sqlite", actor="it", now=now).path
    finally:
        store.close()
    store = open_chart(laptop, create=False)
    try:
        found = people(size, now.date())
        clinic = [replace(p, mrn=f"LAP{n:04d}", bed="") for n, p in enumerate(found)]
        rng = random.Random(8)
        with store.write():  # the demo generator's patients, charted on the laptop
            for person in clinic:
                _write_patient(store, person, rng, now.astimezone())
    finally:
        store.close()
    return laptop


def five_percent_more(hospital: Path, folder: Path, patients: int, now: datetime) -> Path:
    """A replica of the hospital chart with 5 % more patients and records."""
    store = open_chart(hospital, create=False)
    try:
        other = copy_chart(store, folder / "replica.sqlite", actor="it", now=now).path
    finally:
        store.close()
    conn = sqlite3.connect(other, isolation_level=None)
    try:
        _copy_patients(conn, max(1, patients // 20))
    finally:
        conn.close()
    return other


def floor_merge(target: Path, other: Path) -> None:
    """ATTACH + INSERT … SELECT of the rows the target lacks, in one transaction."""
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("ATTACH DATABASE ? AS other", [f"file:{other}?mode=ro&immutable=1"])
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in MERGED_TABLES:
            key = "result_version" if table == "lab_result_sources" else "id"
            conn.execute(
                f"INSERT INTO main.{table} SELECT * FROM other.{table} o WHERE NOT EXISTS "
                f"(SELECT 1 FROM main.{table} m WHERE m.{key} = o.{key}) ORDER BY o.rowid"
            )
        base = conn.execute("SELECT max(seq) FROM main.audit_log").fetchone()[0]
        columns = [r[1] for r in conn.execute("PRAGMA main.table_info(audit_log)")][1:]
        names = ", ".join(columns)
        conn.execute(
            f"INSERT INTO main.audit_log (seq, {names}) SELECT ? + row_number() OVER "
            f"(ORDER BY o.seq), {', '.join('o.' + c for c in columns)} FROM other.audit_log o "
            "WHERE NOT EXISTS (SELECT 1 FROM main.audit_log m WHERE m.replica_id = "
            "o.replica_id AND m.origin_seq = o.origin_seq) AND o.replica_id IS NOT NULL",
            [base],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def real_merge(target: Path, other: Path, now: datetime) -> None:
    store = open_chart(target, create=False)
    try:
        merge_from(store, other, actor="bench", now=now)
    finally:
        store.close()


def figures(
    hospital: Path, patients: int, work: Path, runs: int, now: datetime, *, tiny: bool
) -> list[Figure]:
    """The two merge figures, real and floor interleaved run by run, each on a fresh copy."""
    laptop = laptop_of(hospital, work, now, Size(4, (3, 3), 4, 3) if tiny else LAPTOP)
    replica = five_percent_more(hospital, work, patients, now)
    found = []
    for label, other in (
        ("merge a clinic laptop (40 patients × 3 cycles) into the hospital-scale file", laptop),
        ("merge two hospital-scale replicas differing by 5 % of their records", replica),
    ):
        real, floor = [], []
        for _ in range(runs):
            target = _fresh(hospital, work, "merge-target.sqlite")
            real.append(timed(partial(real_merge, target, other, now)))
            target = _fresh(hospital, work, "merge-floor.sqlite")
            floor.append(timed(partial(floor_merge, target, other)))
        found.append(
            Figure(
                label,
                "ms",
                real,
                "SQLite ATTACH + INSERT … SELECT of the same rows, one transaction",
                floor,
                "≤ 3 × floor",
                [(3, "ratio")],
            )
        )
    return found
