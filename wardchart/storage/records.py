"""Writing versioned records: create, correct, mark entered in error (docs/architecture.md#records).

Every write goes through here so that ids, who and when, the supersedes chain and the
audit row are always set the same way, in the caller's transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from wardchart.domain.texts import QT_TRANSLATE_NOOP
from wardchart.storage import audit
from wardchart.storage.replica import local_replica

if TYPE_CHECKING:
    from sqlite_utils import Database


def new_id() -> str:
    """A new random UUID for a record."""
    import uuid  # here, not at the top: it imports platform (~5 ms); only writes need it

    return str(uuid.uuid4())


def utc_text(at: datetime) -> str:
    """A UTC timestamp that sorts as text: 2026-03-12T12:00:00.000000Z."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def create(
    db: Database,
    table: str,
    values: dict[str, Any],
    *,
    actor: str,
    now: datetime,
    patient_id: str | None = None,
    action: str = "create",
    secret: frozenset[str] = frozenset(),
) -> str:
    """Insert the first version of a record and its audit row; return its id.
    Columns in ``secret`` (a password hash) are named in the audit row, never copied."""
    record_id = new_id()
    row = {
        "id": record_id,
        "origin_id": record_id,
        "recorded_at": utc_text(now),
        "recorded_by": actor,
        **values,
        **_written_here(db),
    }
    db.table(table).insert(row)
    audit.append(
        db,
        actor=actor,
        action=action,
        entity=table,
        record_id=record_id,
        patient_id=patient_id,
        detail={"after": _redacted(values, secret), audit.VERSION_KEY: seal(db, table, record_id)},
        now=now,
    )
    return record_id


def _written_here(db: Database) -> dict[str, Any]:
    """The replica column of a version written on this file (none before it has an id)."""
    replica = local_replica(db)
    return {} if replica is None else {"replica_id": replica}


def seal(db: Database, table: str, row_id: str) -> str:
    """The hash of a row just written, read back as stored, for its audit row: ``check``
    recomputes it for every row (see docs/tamper-evidence.md)."""
    (stored,) = audit.stored_rows(db, table, "id = ?", [row_id])
    return audit.version_hash(stored)


def current_version(db: Database, table: str, origin_id: str) -> dict[str, Any] | None:
    """The current version of a record (None if unknown or entered in error)."""
    rows = db.query(f"SELECT * FROM current_{table} WHERE origin_id = ?", [origin_id])
    return next(iter(rows), None)


def supersede(
    db: Database,
    table: str,
    origin_id: str,
    changes: dict[str, Any],
    *,
    reason: str,
    actor: str,
    now: datetime,
    entered_in_error: bool = False,
    secret: frozenset[str] = frozenset(),
) -> str:
    """Write a new version of a record that replaces its current one; return the new id.

    The old version stays in the file; the audit row keeps before and after values.
    """
    current = current_version(db, table, origin_id)
    if current is None:
        raise LookupError(
            QT_TRANSLATE_NOOP("ChartStore", "{table}: no current record {origin_id}").format(
                table=table, origin_id=origin_id
            )
        )
    version_id = new_id()
    row = {
        **current,
        **changes,
        "id": version_id,
        "origin_id": origin_id,
        "supersedes": current["id"],
        "reason": reason.strip(),
        "entered_in_error": 1 if entered_in_error else 0,
        "recorded_at": utc_text(now),
        "recorded_by": actor,
        **_written_here(db),
    }
    db.table(table).insert(row)
    before = {k: current[k] for k in changes if current.get(k) != changes[k]}
    after = {k: changes[k] for k in before}
    audit.append(
        db,
        actor=actor,
        action="entered_in_error" if entered_in_error else "correct",
        entity=table,
        record_id=origin_id,
        patient_id=current.get("patient_id"),
        detail={
            "before": _redacted(before, secret),
            "after": _redacted(after, secret),
            "reason": reason.strip(),
            audit.VERSION_KEY: seal(db, table, version_id),
        },
        now=now,
    )
    return version_id


def reinstate(
    db: Database, table: str, version_id: str, *, reason: str, actor: str, now: datetime
) -> str:
    """Show a withdrawn record again: a new version with the values of ``version_id`` (one
    of its versions), not entered in error, that supersedes the version ending the line
    from it (its withdrawal; or itself, when a resolution set it aside). Nothing is
    updated or deleted: the withdrawal stays in the record's history. Returns the new id
    (see docs/merging.md, "Resolved differently on two computers")."""
    kept = next(iter(db.query(f"SELECT * FROM {table} WHERE id = ?", [version_id])), None)
    if kept is None:
        raise LookupError(
            QT_TRANSLATE_NOOP("ChartStore", "{table}: no current record {origin_id}").format(
                table=table, origin_id=version_id
            )
        )
    tip = version_id
    while True:
        later = db.execute(
            f"SELECT id FROM {table} WHERE supersedes = ? ORDER BY recorded_at DESC, id DESC",
            [tip],
        ).fetchone()
        if later is None:
            break
        tip = str(later[0])
    new = new_id()
    row = {
        **kept,
        "id": new,
        "supersedes": tip,
        "reason": reason.strip(),
        "entered_in_error": 0,
        "recorded_at": utc_text(now),
        "recorded_by": actor,
        **_written_here(db),
    }
    db.table(table).insert(row)
    audit.append(
        db,
        actor=actor,
        action="correct",
        entity=table,
        record_id=str(kept["origin_id"]),
        patient_id=kept.get("patient_id"),
        detail={
            "before": {},
            "after": {},
            "reason": reason.strip(),
            audit.VERSION_KEY: seal(db, table, new),
        },
        now=now,
    )
    return new


def _redacted(values: dict[str, Any], secret: frozenset[str]) -> dict[str, Any]:
    return {k: ("(set)" if k in secret else v) for k, v in values.items()}


def history(db: Database, table: str, origin_id: str) -> list[dict[str, Any]]:
    """Every version of a record, oldest first."""
    return list(
        db.query(
            f"SELECT * FROM {table} WHERE origin_id = ? ORDER BY recorded_at, rowid", [origin_id]
        )
    )
