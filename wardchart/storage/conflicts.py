"""Conflicts between replicas, as data (see docs/merging.md): what two people did apart
that cannot both stand. All versions are kept; every replica shows the same one (the rule
in ``wardchart.domain.merge_rules``); a person resolves a conflict with a resolution record
that merges like any other."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wardchart.domain.duplicates import DUPLICATE, SAME_TIME, Charted, charted_apart, kept_once
from wardchart.domain.merge_rules import Tip, conflict_key, current_tip, setting_winner
from wardchart.domain.problems import InvalidEntry, Problem
from wardchart.domain.texts import QT_TRANSLATE_NOOP, Text
from wardchart.storage import audit, convert, queries, records
from wardchart.storage.database import ChartStore
from wardchart.storage.records import utc_text
from wardchart.storage.replica import local_replica
from wardchart.storage.schema import VERSIONED_TABLES

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Conflict kinds: a record's history forked (two corrections, or a correction and an
#: entered-in-error, made apart) — of a clinical record, a regimen, an account —, two
#: records that cannot both be current, and a ward setting changed on two replicas.
KINDS = (
    "correction",
    "regimen",
    "account",
    "mrn",
    "cycle_number",
    "bed",
    "username",
    "ward_setting",
    DUPLICATE,
    SAME_TIME,
    "resolved_apart",
)
# Kinds of one entry charted on two replicas: keeping one withdraws the others (a new
# version of each, entered in error).
CHARTED_TWICE_KINDS = (DUPLICATE, SAME_TIME)
# Resolutions made apart that, between them, withdrew every side: nothing is shown until
# a person shows one again (see docs/merging.md, "Resolved differently on two computers").
RESOLVED_APART = "resolved_apart"
# Kinds where keeping one side withdraws the others (sets them aside, or marks them
# entered in error), and where a person's choice is real: the table of each.
_WITHDRAWING = {
    "correction": VERSIONED_TABLES,
    "regimen": ("regimens",),
    "account": ("users",),
    "cycle_number": ("cycles",),
    "username": ("users",),
    SAME_TIME: ("results",),
}
#: Kinds whose versions all belong to one record (or one setting): keeping one sets the
#: others aside.
FORK_KINDS = ("correction", "regimen", "account", "ward_setting")
_FORK_KIND = {"regimens": "regimen", "users": "account"}
#: What the version columns are not: left out of a side's summary.
_BOOKKEEPING = {
    "id",
    "origin_id",
    "supersedes",
    "reason",
    "entered_in_error",
    "recorded_at",
    "recorded_by",
    "replica_id",
    "password_hash",
    "entered",
    "confirmed_warnings",
    "taken_utc",
    "given_utc",
}

#: What a conflict is about, in words (shown translated; fields named by their columns).
CORRECTED_APART = QT_TRANSLATE_NOOP("Conflicts", "{table} record {id} corrected apart")
SETTING_CHANGED_APART = QT_TRANSLATE_NOOP("Conflicts", "ward setting {key} changed apart")
SAME_MRN = QT_TRANSLATE_NOOP("Conflicts", "MRN {mrn}")
SAME_CYCLE = QT_TRANSLATE_NOOP("Conflicts", "cycle {number}")
SAME_BED = QT_TRANSLATE_NOOP("Conflicts", "bed {bed}")
SAME_USER_NAME = QT_TRANSLATE_NOOP("Conflicts", "user name {username}")
SAME_REGIMEN = QT_TRANSLATE_NOOP("Conflicts", "regimen {name}")
CBC_TAKEN = QT_TRANSLATE_NOOP("Conflicts", "CBC taken {when}")
TEMPERATURE_TAKEN = QT_TRANSLATE_NOOP("Conflicts", "temperature taken {when}")
GCSF_GIVEN = QT_TRANSLATE_NOOP("Conflicts", "G-CSF dose given {when}")


@dataclass(frozen=True)
class Side:
    """One version involved in a conflict: who wrote it, when, and on which replica."""

    table: str
    #: The record's stable id (a ward setting: its key).
    record_id: str
    version_id: str
    recorded_by: str
    recorded_at: str
    #: The chart id of the replica that wrote it (None: written before chart ids).
    replica_id: str | None
    entered_in_error: bool
    #: Whether this is the version the chart shows (see docs/merging.md).
    shown: bool
    #: The version's values in one line ("bed=4A-01, name=Alpha, Ann").
    summary: str


@dataclass(frozen=True)
class Conflict:
    """An open conflict: its kind, its stable key, what it is about, and each side."""

    kind: str
    key: str
    table: str
    patient_id: str | None
    #: What the conflict is about, in words: "MRN 42", "bed 4A-01", "cycle 3".
    subject: str
    sides: tuple[Side, ...]
    # One entry charted twice (``duplicate``): the record that stays when it is resolved,
    # by rule (``kept_once``), whatever side a person names.
    kept_by_rule: str | None = None

    def involves(self, record_id: str) -> bool:
        """Whether a record (by its stable id) or a version is one of the sides."""
        return any(record_id in (s.record_id, s.version_id) for s in self.sides)


def _summary(row: dict[str, Any]) -> str:
    return ", ".join(
        f"{k}={v}" for k, v in sorted(row.items()) if k not in _BOOKKEEPING and v not in (None, "")
    )


# What says who wrote a version, when, why and where — not what it holds.
_WRITTEN = {"id", "supersedes", "reason", "recorded_at", "recorded_by", "replica_id"}


def _held(row: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Everything a version holds (a password hash too), not who wrote it or when."""
    return tuple(sorted((k, repr(v)) for k, v in row.items() if k not in _WRITTEN))


def _side(table: str, row: dict[str, Any], shown: bool) -> Side:
    return Side(
        table=table,
        record_id=str(row["origin_id"]),
        version_id=str(row["id"]),
        recorded_by=str(row["recorded_by"]),
        recorded_at=str(row["recorded_at"]),
        replica_id=row.get("replica_id"),
        entered_in_error=bool(row["entered_in_error"]),
        shown=shown,
        summary="entered in error" if row["entered_in_error"] else _summary(row),
    )


def _patient_of(table: str, row: dict[str, Any]) -> str | None:
    if table == "patients":
        return str(row["origin_id"])
    value = row.get("patient_id")
    return None if value is None else str(value)


_LIVE = """NOT EXISTS (SELECT 1 FROM {t} s WHERE s.supersedes = t.id)
  AND NOT EXISTS (SELECT 1 FROM resolution_set_aside a WHERE a.version_id = t.id)"""


#: The records whose history branched: a version corrected twice (each record has one
#: first version, so two current versions of one record mean a branch somewhere). Read
#: from the index of corrections alone, which holds only the versions that correct.
_BRANCHED = """SELECT b.origin_id FROM {t} b WHERE b.id IN (
    SELECT supersedes FROM {t} WHERE supersedes IS NOT NULL
    GROUP BY supersedes HAVING count(*) > 1)"""


def _forks(db: Database, table: str) -> list[Conflict]:
    # Two live versions of one record mean its history branched: some version has two
    # successors. Without one (the index on supersedes answers at once) there is no fork.
    branched = db.execute(
        f"SELECT 1 FROM {table} WHERE supersedes IS NOT NULL "
        "GROUP BY supersedes HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    if branched is None:
        return []
    live = _LIVE.format(t=table)
    sql = f"""SELECT t.* FROM {table} t WHERE {live} AND t.origin_id IN (
                  SELECT t.origin_id FROM {table} t
                  WHERE t.origin_id IN ({_BRANCHED.format(t=table)}) AND {live}
                  GROUP BY t.origin_id HAVING count(*) > 1)
              ORDER BY t.origin_id, t.id"""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in db.query(sql):
        grouped[str(row["origin_id"])].append(row)
    kind = _FORK_KIND.get(table, "correction")
    found = []
    for origin, rows in grouped.items():
        if all(r["entered_in_error"] for r in rows) or (
            not any(r["entered_in_error"] for r in rows) and len({_held(r) for r in rows}) == 1
        ):
            # Every branch agrees: withdrawn on each (one entry charted twice, resolved on
            # two computers), or the same values on each (one record shown again on two):
            # nothing to choose.
            continue
        tips = [Tip(str(r["id"]), str(r["recorded_at"]), bool(r["entered_in_error"])) for r in rows]
        shown = current_tip(tips)
        found.append(
            Conflict(
                kind=kind,
                key=conflict_key(kind, [t.id for t in tips]),
                table=table,
                patient_id=_patient_of(table, rows[0]),
                subject=CORRECTED_APART.format(table=table, id=origin[:8]),
                sides=tuple(
                    _side(table, r, shown is not None and r["id"] == shown.id) for r in rows
                ),
            )
        )
    return found


def _clashes(
    db: Database,
    kind: str,
    table: str,
    group: Sequence[str],
    subject: Text,
    *,
    where: str = "1",
    fold: bool = False,
) -> list[Conflict]:
    """Current records of ``table`` that share the values of ``group`` (all shown); with
    ``fold``, compared ignoring case (beds: docs/identifiers.md)."""
    columns = ", ".join(f"upper({c})" if fold else c for c in group)
    sql = f"""SELECT * FROM current_{table} WHERE ({columns}) IN (
                  SELECT {columns} FROM current_{table} WHERE {where}
                  GROUP BY {columns} HAVING count(DISTINCT origin_id) > 1)
              ORDER BY {columns}, recorded_at, id"""
    grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in db.query(sql):
        grouped[tuple(str(row[c]).upper() if fold else row[c] for c in group)].append(row)
    found = []
    for values, rows in grouped.items():
        found.append(
            Conflict(
                kind=kind,
                key=conflict_key(kind, [str(r["origin_id"]) for r in rows]),
                table=table,
                patient_id=_patient_of(table, rows[0]) if table != "patients" else None,
                subject=subject.format(**dict(zip(group, values, strict=True))),
                sides=tuple(_side(table, r, True) for r in rows),
            )
        )
    return found


_REGIMEN_VALUES = (
    "cycle_length_days",
    "nadir_start",
    "nadir_end",
    "anc_threshold",
    "anc_op",
    "plt_threshold",
    "plt_op",
    "gcsf_required",
    "notes",
)


def _regimen_names(db: Database) -> list[Conflict]:
    """Two regimens with one name and different values: saved apart."""
    found = []
    for conflict in _clashes(db, "regimen", "regimens", ["name"], SAME_REGIMEN):
        rows = [records.current_version(db, "regimens", s.record_id) for s in conflict.sides]
        if len({tuple((r or {}).get(c) for c in _REGIMEN_VALUES) for r in rows}) > 1:
            found.append(conflict)
    return found


def _beds(db: Database) -> list[Conflict]:
    """One bed given to two current patients on different replicas."""
    return [
        c
        for c in _clashes(db, "bed", "patients", ["bed"], SAME_BED, where="bed <> ''", fold=True)
        if len({s.replica_id for s in c.sides}) > 1 and None not in {s.replica_id for s in c.sides}
    ]


@dataclass(frozen=True)
class _Entries:
    """How one kind of entry is compared (``wardchart.domain.duplicates``)."""

    # The UTC time column, and the local one named in the subject.
    at_utc: str
    at_local: str
    # The values compared, and whether they are amounts (else words).
    values: tuple[str, ...]
    amounts: bool
    # Whether another record at the same moment with other values is a conflict too.
    other_values: bool
    subject: Text


_CHARTED = {
    "results": _Entries("taken_utc", "taken_at", ("wbc", "anc"), True, True, CBC_TAKEN),
    "temperatures": _Entries("taken_utc", "taken_at", ("celsius",), True, False, TEMPERATURE_TAKEN),
    "gcsf_doses": _Entries("given_utc", "given_at", ("drug", "dose"), False, False, GCSF_GIVEN),
}


# Per chart file and table: the moments (patient, time) where two records were ever
# charted, as of the row with the greatest rowid then read (its rowid and id). Rows are
# never changed or deleted, so only rows after it can add moments; a file whose row at
# that rowid is gone or another (restored, rolled back) is read again in full.
_MOMENTS: dict[tuple[str, str], tuple[int, str, frozenset[tuple[str, str]]]] = {}


def _moments(db: Database, table: str, at: str) -> frozenset[tuple[str, str]]:
    """The moments where a patient has two records of ``table`` (any versions)."""
    where = db.execute("PRAGMA database_list").fetchone()
    path = str(where[2]) if where and where[2] else ""
    last = db.execute(f"SELECT rowid, id FROM {table} ORDER BY rowid DESC LIMIT 1").fetchone()
    if last is None:
        return frozenset()
    cached = _MOMENTS.get((path, table)) if path else None
    seen = None
    if cached is not None:
        row = db.execute(f"SELECT id FROM {table} WHERE rowid = ?", [cached[0]]).fetchone()
        seen = cached if row is not None and row[0] == cached[1] else None
    if seen is None:
        found = {
            (str(p), str(t))
            for p, t in db.execute(
                f"""SELECT patient_id, {at} FROM {table} WHERE (patient_id, {at}) IN (
                        SELECT patient_id, {at} FROM {table}
                        GROUP BY patient_id, {at} HAVING count(*) > 1)
                    GROUP BY patient_id, {at} HAVING count(DISTINCT origin_id) > 1"""
            )
        }
    else:
        found = set(seen[2])
        found |= {
            (str(p), str(t))
            for p, t in db.execute(
                f"""SELECT DISTINCT n.patient_id, n.{at} FROM {table} n NOT INDEXED
                    WHERE n.rowid > ? AND EXISTS (
                        SELECT 1 FROM {table} o WHERE o.patient_id = n.patient_id
                           AND o.{at} = n.{at} AND o.origin_id <> n.origin_id)""",
                [seen[0]],
            )
        }
    moments = frozenset(found)
    if path:
        _MOMENTS[path, table] = (int(last[0]), str(last[1]), moments)
    return moments


def _charted_twice(db: Database, table: str) -> list[Conflict]:
    """One entry charted on two replicas apart (and for blood counts, two results at one
    collection time): see docs/merging.md. Looked for only at the moments where a
    patient has two records (``_moments``: a hospital's file is not read in full each
    time)."""
    how = _CHARTED[table]
    sql = f"""SELECT t.*, o.replica_id AS charted_on, o.recorded_at AS charted_at
              FROM current_{table} t
              JOIN {table} o ON o.id = t.origin_id
              WHERE t.patient_id = ? AND t.{how.at_utc} = ?
              ORDER BY t.origin_id"""
    rows: dict[str, dict[str, Any]] = {}
    first: dict[str, str] = {}
    entries = []
    for moment in sorted(_moments(db, table, how.at_utc)):
        for row in db.query(sql, list(moment)):
            origin = str(row["origin_id"])
            # A side names the replica that charted the record (its first version's).
            charted_on = row.pop("charted_on")
            first[origin] = str(row.pop("charted_at"))
            rows[origin] = {**row, "replica_id": charted_on}
            values = tuple(convert.text_dec(row[c]) if how.amounts else row[c] for c in how.values)
            entries.append(
                Charted(
                    record_id=origin,
                    replica_id=charted_on,
                    patient_id=str(row["patient_id"]),
                    at=datetime.fromisoformat(str(row[how.at_utc])),
                    values=values,
                )
            )
    found = []
    for kind, group in charted_apart(entries, other_values=how.other_values):
        at = rows[group[0].record_id][how.at_local]
        found.append(
            Conflict(
                kind=kind,
                key=conflict_key(kind, [c.record_id for c in group]),
                table=table,
                patient_id=group[0].patient_id,
                subject=how.subject.format(when=str(at)[:16].replace("T", " ")),
                sides=tuple(_side(table, rows[c.record_id], True) for c in group),
                kept_by_rule=(
                    kept_once((first[c.record_id], c.record_id) for c in group)
                    if kind == DUPLICATE
                    else None
                ),
            )
        )
    return found


def _settings(db: Database) -> list[Conflict]:
    found = []
    for key, heads in sorted(queries.setting_heads_by_key(db).items()):
        if len(heads) < 2:
            continue
        winner = setting_winner(heads)
        rows = {
            str(r["id"]): r
            for r in db.query(
                f"SELECT * FROM ward_settings WHERE id IN ({', '.join('?' for _ in heads)})",
                [h.id for h in heads],
            )
        }
        sides = tuple(
            Side(
                table="ward_settings",
                record_id=key,
                version_id=h.id,
                recorded_by=str(rows[h.id]["recorded_by"]),
                recorded_at=h.recorded_at,
                replica_id=h.replica_id,
                entered_in_error=False,
                shown=winner is not None and h.id == winner.id,
                summary=f"{key}={rows[h.id]['value']}",
            )
            for h in sorted(heads, key=lambda h: h.id)
        )
        found.append(
            Conflict(
                kind="ward_setting",
                key=conflict_key("ward_setting", [h.id for h in heads]),
                table="ward_settings",
                patient_id=None,
                subject=SETTING_CHANGED_APART.format(key=key),
                sides=sides,
            )
        )
    return found


def resolved_keys(db: Database) -> set[str]:
    """The keys of every conflict a resolution has settled."""
    return {str(r[0]) for r in db.execute("SELECT conflict_key FROM resolutions")}


def conflicts(db: Database) -> list[Conflict]:
    """Every open conflict, in a stable order (kind, subject, key): the same list on every
    replica that holds the same records."""
    found: list[Conflict] = []
    for table in VERSIONED_TABLES:
        found += _forks(db, table)
    found += _clashes(db, "mrn", "patients", ["mrn"], SAME_MRN)
    found += _clashes(db, "cycle_number", "cycles", ["patient_id", "number"], SAME_CYCLE)
    found += _beds(db)
    found += _clashes(db, "username", "users", ["username"], SAME_USER_NAME)
    found += _regimen_names(db)
    for table in _CHARTED:
        found += _charted_twice(db, table)
    found += _settings(db)
    found += _resolved_apart(db)
    found += _kept_then_withdrawn_apart(db)
    settled = resolved_keys(db)
    found = _shown_again_apart(db, found, settled)
    return sorted(
        (c for c in found if c.key not in settled), key=lambda c: (c.kind, c.subject, c.key)
    )


def _shown_again_apart(db: Database, found: list[Conflict], settled: set[str]) -> list[Conflict]:
    """A conflict settled, then resolved differently on two computers, then shown again
    differently on two (each a ``resolved_apart`` keeping another version): its records
    are all shown again, so it is open again, under a new key (the old one is settled)."""
    divergent = {
        str(r[0])
        for r in db.execute(
            "SELECT conflict_key FROM resolutions WHERE kind = ? AND action = 'keep' "
            "GROUP BY conflict_key HAVING count(DISTINCT kept) > 1",
            [RESOLVED_APART],
        )
    }
    if not divergent:
        return found
    again = []
    for conflict in found:
        while (
            conflict.key in settled
            and (apart := conflict_key(RESOLVED_APART, [conflict.key])) in divergent
        ):
            conflict = replace(conflict, key=conflict_key(conflict.kind, [apart, "shown again"]))
        again.append(conflict)
    return again


def linked_patients(db: Database) -> dict[str, str]:
    """Patient records linked as one person by a resolution: each linked record's stable
    id, to the one it was linked to (the record kept)."""
    links: dict[str, str] = {}
    rows = db.execute(
        "SELECT kept, linked FROM resolutions WHERE action = 'link' ORDER BY recorded_at, id"
    )
    for kept, linked in rows:
        for other in json.loads(linked or "[]"):
            links[str(other)] = str(kept)
    return links


@dataclass(frozen=True)
class Resolution:
    """What a resolution saved: its id, the conflict it settles, and any new version."""

    id: str
    conflict_key: str
    action: str
    set_aside: tuple[str, ...]
    new_version: str | None = None
    # The version kept (for one entry charted twice, the one the rule keeps; for a
    # record shown again, the version chosen — its new version is ``new_version``).
    kept: str = ""


def resolve_conflict(
    store: ChartStore,
    key: str,
    *,
    action: str,
    reason: str,
    actor: str,
    now: datetime,
    keep: str | None = None,
    record_id: str | None = None,
    changes: dict[str, Any] | None = None,
) -> Resolution:
    """Settle an open conflict with a record of who decided what and why.

    ``action``:
    - ``keep``: keep the version ``keep`` (a side's version id). For a record corrected
      apart (or a setting changed apart) the other versions are set aside; for two cycles
      with one number, two accounts with one user name or two regimens with one name, the
      other records are set aside (withdrawn); for a bed given twice, both stand as
      charted; for one entry charted on two replicas (``duplicate``, ``same_time``) each
      other record is withdrawn by a new version marked entered in error, with the
      resolution's reason — for ``duplicate`` the record kept is the rule's
      (``kept_once``), whichever side is named; for ``resolved_apart`` the version kept is
      shown again by a new version with its values. Not for one MRN twice (link them, or
      correct one).
    - ``new_version``: write a corrected version of the side ``record_id`` (its stable id)
      with ``changes``; for a record corrected apart the other versions are set aside.
    - ``link``: (one MRN twice) the patient records are one person: ``keep`` names the
      record kept (a side's stable id), the others are linked to it.
    Nothing is written when the conflict is not open or the choice does not fit it."""
    if not reason.strip():
        raise InvalidEntry(
            [
                Problem(
                    "reason",
                    QT_TRANSLATE_NOOP("Merge", "give a reason for the resolution"),
                )
            ]
        )
    with store.write() as db:
        conflict = next((c for c in conflicts(db) if c.key == key), None)
        if conflict is None:
            raise InvalidEntry(
                [
                    Problem(
                        "conflict",
                        QT_TRANSLATE_NOOP("Merge", "no open conflict with this key"),
                    )
                ]
            )
        set_aside, kept, linked, new_version = _decide(db, conflict, action, keep, record_id)
        if action == "new_version":
            if not changes or record_id is None:
                raise InvalidEntry(
                    [
                        Problem(
                            "changes",
                            QT_TRANSLATE_NOOP("Merge", "give the corrected values"),
                        )
                    ]
                )
            side = next(s for s in conflict.sides if s.record_id == record_id)
            new_version = records.supersede(
                db, side.table, record_id, changes, reason=reason, actor=actor, now=now
            )
            kept = new_version
        if action == "keep" and conflict.kind == RESOLVED_APART:
            side = next(s for s in conflict.sides if s.version_id == kept)
        if action == "keep" and conflict.kind == RESOLVED_APART and not side.entered_in_error:
            # (A withdrawal chosen — one computer kept the record withdrawn — stays so.)
            new_version = records.reinstate(
                db, side.table, side.version_id, reason=reason, actor=actor, now=now
            )
        if action == "keep" and conflict.kind in CHARTED_TWICE_KINDS:
            for side in conflict.sides:
                if side.version_id != kept:
                    records.supersede(
                        db,
                        side.table,
                        side.record_id,
                        {},
                        reason=reason,
                        actor=actor,
                        now=now,
                        entered_in_error=True,
                    )
        resolution_id = records.new_id()
        row = {
            "id": resolution_id,
            "conflict_key": key,
            "kind": conflict.kind,
            "action": action,
            "kept": kept,
            "linked": json.dumps(linked) if linked else "",
            "patient_id": conflict.patient_id,
            "reason": reason.strip(),
            "recorded_at": utc_text(now),
            "recorded_by": actor,
            "replica_id": local_replica(db),
        }
        db.table("resolutions").insert(row)
        audit.append(
            db,
            actor=actor,
            action="resolve",
            entity="resolutions",
            record_id=resolution_id,
            patient_id=conflict.patient_id,
            detail={
                "kind": conflict.kind,
                "subject": conflict.subject,
                "action": action,
                "kept": kept,
                "reason": reason.strip(),
                audit.VERSION_KEY: records.seal(db, "resolutions", resolution_id),
            },
            now=now,
        )
        for side in set_aside:
            aside_id = records.new_id()
            db.table("resolution_set_aside").insert(
                {
                    "id": aside_id,
                    "resolution_id": resolution_id,
                    "record_table": side.table,
                    "version_id": side.version_id,
                }
            )
            audit.append(
                db,
                actor=actor,
                action="set_aside",
                entity="resolution_set_aside",
                record_id=aside_id,
                patient_id=conflict.patient_id,
                detail={
                    "table": side.table,
                    "version": side.version_id,
                    audit.VERSION_KEY: records.seal(db, "resolution_set_aside", aside_id),
                },
                now=now,
            )
    return Resolution(
        resolution_id, key, action, tuple(s.version_id for s in set_aside), new_version, kept
    )


def _decide(
    db: Database, conflict: Conflict, action: str, keep: str | None, record_id: str | None
) -> tuple[list[Side], str, list[str], str | None]:
    """(versions to set aside, what is kept, records linked, None) for a choice, or an
    entry error naming what does not fit."""
    sides = conflict.sides
    if action == "keep":
        if conflict.kind == "mrn":
            raise InvalidEntry(
                [
                    Problem(
                        "action",
                        QT_TRANSLATE_NOOP(
                            "Merge", "one MRN on two patients: link them, or correct one"
                        ),
                    )
                ]
            )
        chosen = next((s for s in sides if keep in (s.version_id, s.record_id)), None)
        if chosen is None:
            raise InvalidEntry(
                [
                    Problem(
                        "keep",
                        QT_TRANSLATE_NOOP("Merge", "choose one of the conflict's versions"),
                    )
                ]
            )
        if conflict.kind == DUPLICATE:
            # No choice to make (the same values): the rule keeps one, the same on every
            # replica whatever side was named, so computers resolving it apart agree.
            chosen = next(s for s in sides if s.record_id == conflict.kept_by_rule)
        # A bed: both stand. One entry charted twice: the others are withdrawn by new
        # versions (``resolve_conflict``), not set aside. Resolved apart: the one chosen
        # is shown again by a new version (``resolve_conflict``).
        keeps_all = conflict.kind in ("bed", RESOLVED_APART, *CHARTED_TWICE_KINDS)
        aside = [] if keeps_all else [s for s in sides if s is not chosen]
        return aside, chosen.version_id, [], None
    if action == "new_version":
        if conflict.kind == RESOLVED_APART:
            raise InvalidEntry(
                [
                    Problem(
                        "action",
                        QT_TRANSLATE_NOOP(
                            "Merge", "nothing is shown: keep one of the records to show it again"
                        ),
                    )
                ]
            )
        if conflict.kind == "ward_setting" or not any(s.record_id == record_id for s in sides):
            raise InvalidEntry(
                [
                    Problem(
                        "record",
                        QT_TRANSLATE_NOOP("Merge", "choose one of the conflict's records"),
                    )
                ]
            )
        aside = (
            [s for s in sides if s.record_id == record_id] if conflict.kind in FORK_KINDS else []
        )
        current = records.current_version(db, conflict.table, str(record_id))
        aside = [s for s in aside if current is None or s.version_id != current["id"]]
        return aside, "", [], None
    if action == "link":
        if conflict.kind != "mrn":
            raise InvalidEntry(
                [
                    Problem(
                        "action",
                        QT_TRANSLATE_NOOP("Merge", "only two records of one MRN can be linked"),
                    )
                ]
            )
        chosen = next((s for s in sides if keep in (s.version_id, s.record_id)), None)
        if chosen is None:
            raise InvalidEntry(
                [
                    Problem(
                        "keep",
                        QT_TRANSLATE_NOOP("Merge", "choose the patient record to keep"),
                    )
                ]
            )
        return [], chosen.record_id, [s.record_id for s in sides if s is not chosen], None
    raise InvalidEntry(
        [
            Problem(
                "action",
                QT_TRANSLATE_NOOP("Merge", "keep, new_version or link"),
            )
        ]
    )


def _subject_of(table: str, row: dict[str, Any]) -> str:
    """What a record is, in the words of the conflict it was in."""
    if table in _CHARTED:
        how = _CHARTED[table]
        return how.subject.format(when=str(row[how.at_local])[:16].replace("T", " "))
    if table == "cycles":
        return SAME_CYCLE.format(number=row["number"])
    if table == "users":
        return SAME_USER_NAME.format(username=row["username"])
    if table == "regimens":
        return SAME_REGIMEN.format(name=row["name"])
    return CORRECTED_APART.format(table=table, id=str(row["origin_id"])[:8])


def _resolved_apart(db: Database) -> list[Conflict]:
    """Conflicts resolved on two computers apart, each keeping another side, so that
    between them every side was withdrawn: nothing of it is shown. The sides are the
    versions each computer kept (see docs/merging.md, "Resolved differently on two
    computers")."""
    kinds = ", ".join("?" for _ in _WITHDRAWING)
    kept: dict[tuple[str, str], dict[str, str | None]] = defaultdict(dict)
    for key, kind, version, patient in db.execute(
        f"""SELECT conflict_key, kind, kept, patient_id FROM resolutions
            WHERE action = 'keep' AND kind IN ({kinds}) AND conflict_key IN (
                SELECT conflict_key FROM resolutions WHERE action = 'keep'
                GROUP BY conflict_key HAVING count(DISTINCT kept) > 1)""",
        list(_WITHDRAWING),
    ):
        kept[str(key), str(kind)][str(version)] = patient
    found = []
    for (key, kind), versions in sorted(kept.items()):
        rows = []
        for version in sorted(versions):
            row = next(
                (
                    (table, r)
                    for table in _WITHDRAWING[kind]
                    for r in db.query(f"SELECT * FROM {table} WHERE id = ?", [version])
                ),
                None,
            )
            if row is not None:
                rows.append(row)
        if len(rows) < 2 or any(
            db.execute(
                f"SELECT 1 FROM current_{table} WHERE origin_id = ?", [row["origin_id"]]
            ).fetchone()
            for table, row in rows
        ):
            continue
        table, first = rows[0]
        patient = next(iter(versions.values()))
        found.append(
            Conflict(
                kind=RESOLVED_APART,
                key=conflict_key(RESOLVED_APART, [key]),
                table=table,
                patient_id=None if patient is None else str(patient),
                subject=_subject_of(table, first),
                sides=tuple(_side(t, r, False) for t, r in rows),
            )
        )
    return found


def _kept_then_withdrawn_apart(db: Database) -> list[Conflict]:
    """A conflict resolved on one computer by keeping a record that a nurse on another
    computer withdrew (entered in error), each not knowing of the other: between them
    nothing of it may be shown. A ``resolved_apart`` conflict whose sides are the version
    kept and the withdrawal, so a nurse decides (see docs/merging.md, "Resolved
    differently on two computers"). Conflicts kept differently on two computers are
    ``_resolved_apart``'s."""
    tables = {**_WITHDRAWING, DUPLICATE: tuple(_CHARTED)}
    kinds = ", ".join("?" for _ in tables)
    found = []
    for key, kind, version, patient, replica in db.execute(
        f"""SELECT conflict_key, kind, kept, patient_id, replica_id FROM resolutions
            WHERE action = 'keep' AND kind IN ({kinds}) AND conflict_key IN (
                SELECT conflict_key FROM resolutions WHERE action = 'keep'
                GROUP BY conflict_key HAVING count(DISTINCT kept) = 1)
            ORDER BY conflict_key, id""",
        list(tables),
    ).fetchall():
        for table in tables[str(kind)]:
            kept = next(iter(db.query(f"SELECT * FROM {table} WHERE id = ?", [version])), None)
            if kept is None:
                continue
            origin = kept["origin_id"]
            if db.execute(
                f"SELECT 1 FROM current_{table} WHERE origin_id = ?", [origin]
            ).fetchone():
                break
            withdrawn = next(
                iter(
                    db.query(
                        f"SELECT * FROM {table} WHERE origin_id = ? AND entered_in_error = 1"
                        " AND coalesce(replica_id, '') <> coalesce(?, '')"
                        " ORDER BY recorded_at, id LIMIT 1",
                        [origin, replica],
                    )
                ),
                None,
            )
            if withdrawn is not None:
                found.append(
                    Conflict(
                        kind=RESOLVED_APART,
                        key=conflict_key(RESOLVED_APART, [str(key), str(withdrawn["id"])]),
                        table=table,
                        patient_id=None if patient is None else str(patient),
                        subject=_subject_of(table, kept),
                        sides=(_side(table, kept, False), _side(table, withdrawn, False)),
                    )
                )
            break
    return found
