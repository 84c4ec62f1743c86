"""Where a replica stands with a ward hub, kept in the chart file itself (table
``hub_sync``): the hub's receive sequence it has pulled through and how far its own audit
chain has been sent. One append-only row per step; the newest row for a hub holds. The
pull cursor is written in the same transaction as the rows it pulled, so a sync killed at
any moment resumes where the file says, with no duplicate and no loss.

No network and no PostgreSQL driver here: the window asks ``pending_count`` for its status
bar cheaply. See docs/hub.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from wardchart.storage.database import ChartStore
from wardchart.storage.records import utc_text
from wardchart.storage.replica import local_replica


@dataclass(frozen=True)
class SyncMark:
    """The newest ``hub_sync`` row of one hub (or of any hub)."""

    hub_id: str
    hub: str
    pulled_through: int
    pushed_through: int
    at_utc: str


def _has_table(db: Database) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hub_sync'"
        ).fetchone()
        is not None
    )


def last_mark(db: Database, hub_id: str | None = None) -> SyncMark | None:
    """The newest mark for the hub ``hub_id`` (None: any hub); None if there is none."""
    if not _has_table(db):
        return None
    where, params = ("WHERE hub_id = ?", [hub_id]) if hub_id is not None else ("", [])
    row = db.execute(
        "SELECT hub_id, hub, pulled_through, pushed_through, at_utc FROM hub_sync "
        f"{where} ORDER BY id DESC LIMIT 1",
        params,
    ).fetchone()
    if row is None:
        return None
    return SyncMark(str(row[0]), str(row[1]), int(row[2]), int(row[3]), str(row[4]))


def keep_mark(
    db: Database,
    *,
    hub_id: str,
    hub: str,
    pulled_through: int,
    pushed_through: int,
    now: datetime,
) -> None:
    """Append a mark inside the caller's write transaction, unless it says nothing new."""
    last = last_mark(db, hub_id)
    if last is not None and (last.pulled_through, last.pushed_through, last.hub) == (
        pulled_through,
        pushed_through,
        hub,
    ):
        return
    db.execute(
        "INSERT INTO hub_sync (hub_id, hub, pulled_through, pushed_through, at_utc)"
        " VALUES (?, ?, ?, ?, ?)",
        [hub_id, hub, pulled_through, pushed_through, utc_text(now)],
    )


def own_position(db: Database) -> int:
    """The place of the newest row of this replica's own audit chain (0: none)."""
    mine = local_replica(db)
    row = db.execute(
        "SELECT coalesce(max(origin_seq), 0) FROM audit_log WHERE replica_id = ?", [mine]
    ).fetchone()
    return int(row[0])


def pending_count(store: ChartStore) -> int:
    """Entries made on this replica not yet sent to its hub: the rows of its own audit
    chain after the last one a sync sent that record a record (an entry, a correction, a
    setting — not a print, export, sign-in, backup or restore, which travel too but are
    nothing a nurse entered). Cheap (an index), no network."""
    db = store.db
    mark = last_mark(db)
    mine = local_replica(db)
    if mine is None:
        return 0
    row = db.execute(
        "SELECT count(*) FROM audit_log WHERE replica_id = ? AND origin_seq > ?"
        " AND record_id IS NOT NULL",
        [mine, 0 if mark is None else mark.pushed_through],
    ).fetchone()
    return int(row[0])
